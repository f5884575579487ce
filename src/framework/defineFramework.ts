import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Result } from '../errors/result.js';
import type { ParsedFramework } from './parsed.js';
import { parseFramework } from './parseFramework.js';
import { frameworkSchema } from './schema.js';
import { checkedCopy, deepFreeze } from './plainData.js';
import type { FrameworkDefinition } from './types.js';

/** The tag that marks a framework value, checked by every copy of the library. */
export const FRAMEWORK_FORMAT = 'jixiao.framework/1';

/**
 * 已校验的指标体系（纯数据）。A validated framework: plain, frozen data that survives `structuredClone`, JSON
 * and a second copy of the library. Any copy of jixiao can evaluate it; its compiled form is cached by the
 * library, never required.
 */
export interface Framework {
  /** 格式标记。Format tag, `"jixiao.framework/1"`. */
  readonly format: typeof FRAMEWORK_FORMAT;
  /** 指标体系 id。The framework's id. */
  readonly id: string;
  /** 指标体系名称。The framework's name. */
  readonly name: string;
  /** 定义的内容指纹（与键顺序无关）。Content hash of the definition, independent of key order. */
  readonly hash: string;
  /** 定义（只读副本）。The definition, a frozen copy. */
  readonly definition: FrameworkDefinition;
}

/** Checks and parses a definition; the parsed form is what compiling consumes. */
function checkDefinition(definition: unknown): Result<ParsedFramework> {
  const copy = checkedCopy<FrameworkDefinition>(definition, frameworkSchema);
  if (!copy.ok) return copy;
  const def = deepFreeze(copy.value);
  const result = parseFramework(def);
  if ('issues' in result) return { ok: false, issues: result.issues as unknown as Issues };
  return { ok: true, value: result.parsed };
}

/**
 * Runs a check that must never throw; reaching the catch is a bug in jixiao, reported as an issue rather than
 * thrown at the caller (the fuzz script counts it as a failure).
 */
export function guarded<T>(check: () => Result<T>): Result<T> {
  try {
    return check();
  } catch (e) {
    return { ok: false, issues: [makeIssue('internal-error', [], { message: e instanceof Error ? e.message : String(e) })] };
  }
}

/** The parsed form of frameworks this copy of the library has checked (a cache, never required). */
const parsedCache = new WeakMap<object, ParsedFramework>();

/**
 * 校验指标体系定义（不抛异常）。Validates a framework definition. Never throws: any value gives either the
 * framework or the list of issues.
 *
 * @param definition the definition, as parsed from JSON/YAML or written in code
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * const result = validateFramework(JSON.parse(text));
 * if (!result.ok) for (const issue of result.issues) console.log(issue.code, issue.path, issue.message);
 */
export function validateFramework(definition: unknown): Result<Framework> {
  const checked = guarded(() => checkDefinition(definition));
  if (!checked.ok) return checked;
  const def = checked.value.definition;
  const framework: Framework = Object.freeze({ format: FRAMEWORK_FORMAT, id: def.id, name: def.name, hash: checked.value.hash, definition: def });
  parsedCache.set(framework, checked.value);
  return { ok: true, value: framework };
}

/**
 * 定义指标体系：校验，有问题时抛出 JixiaoError。Defines a framework: validates it, and throws one `JixiaoError`
 * carrying every issue when it is not valid.
 *
 * @param definition the definition (typed, so a framework written in code gets completion and checks)
 * @returns the framework, plain frozen data
 * @example
 * const framework = defineFramework({ id: 'demo', name: '示例', scope: 'project', total: 100, indicators: [...], grades: NATIONAL_GRADES });
 */
export function defineFramework(definition: FrameworkDefinition): Framework {
  const result = validateFramework(definition);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}

/** Is this a framework value (from any copy of the library), rather than a bare definition? */
function isFrameworkValue(value: unknown): value is Framework {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === FRAMEWORK_FORMAT && 'definition' in value;
}

/**
 * The parsed form of a framework value or a definition. A framework made by this copy is found in the cache;
 * a copy (structuredClone, JSON, another module format) is checked again once and then cached too.
 */
export function parsedFrameworkOf(framework: unknown): Result<ParsedFramework> {
  if (typeof framework === 'object' && framework !== null) {
    const cached = parsedCache.get(framework);
    if (cached !== undefined) return { ok: true, value: cached };
  }
  if (!isFrameworkValue(framework)) return guarded(() => checkDefinition(framework));
  // Only framework values are cached: a bare definition may still be edited by its owner.
  const checked = guarded(() => checkDefinition(framework.definition));
  if (!checked.ok) return { ok: false, issues: checked.issues.map((i) => ({ ...i, path: ['definition', ...i.path] })) as unknown as Issues };
  parsedCache.set(framework, checked.value);
  return checked;
}
