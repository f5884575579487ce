import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issues } from '../errors/issue.js';
import type { Result } from '../errors/result.js';
import { compile, type Compiled } from './compile.js';
import { frameworkSchema } from './schema.js';
import { translateZodIssues } from './translateZodIssues.js';
import type { FrameworkDefinition } from './types.js';
import { validateSemantics } from './validateSemantics.js';

/**
 * 已校验、已编译的指标体系：编译一次，可多次评价。A validated framework, compiled once for many evaluations.
 * Obtain one from `defineFramework` or `validateFramework`.
 */
export interface Framework {
  readonly id: string;
  readonly name: string;
  /** 定义（只读副本）。The definition, a frozen copy. */
  readonly definition: FrameworkDefinition;
}

const compiledFrameworks = new WeakMap<Framework, Compiled>();

/** The compiled form of a framework made by this library (internal). */
export function compiledOf(framework: Framework): Compiled | undefined {
  return compiledFrameworks.get(framework);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * 校验指标体系定义，返回编译结果或全部问题（不抛异常）。Validates a framework definition and compiles it.
 * Never throws: any JSON value gives either the framework or the list of issues.
 *
 * @param definition the definition, as parsed from JSON/YAML or written in code
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * const result = validateFramework(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.log(issue.code, issue.path, issue.message);
 */
export function validateFramework(definition: unknown): Result<Framework> {
  const parsed = frameworkSchema.safeParse(definition);
  if (!parsed.success) return { ok: false, issues: translateZodIssues(parsed.error.issues, definition) as unknown as Issues };
  // A JSON copy of the checked input rather than zod's output: zod rebuilds records by assignment, which
  // would drop an own key such as "__proto__"; JSON.parse keeps it as a plain key.
  const def = deepFreeze(JSON.parse(JSON.stringify(definition)) as FrameworkDefinition);
  const issues = validateSemantics(def);
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  const framework: Framework = Object.freeze({ id: def.id, name: def.name, definition: def });
  compiledFrameworks.set(framework, compile(def));
  return { ok: true, value: framework };
}

/**
 * 定义指标体系：校验并编译，有问题时抛出 JixiaoError。Defines a framework: validates and compiles it, and
 * throws one `JixiaoError` carrying every issue when it is not valid.
 *
 * @param definition the definition (typed, so a framework written in code gets completion and checks)
 * @returns the compiled framework
 * @example
 * const framework = defineFramework({ id: 'demo', name: '示例', scope: 'project', total: 100, indicators: [...], grades: NATIONAL_GRADES });
 */
export function defineFramework(definition: FrameworkDefinition): Framework {
  const result = validateFramework(definition);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}
