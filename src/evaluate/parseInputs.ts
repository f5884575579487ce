import type { Dec } from '../decimal/decimal.js';
import { div, dec } from '../decimal/decimal.js';
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Compiled } from '../framework/compile.js';
import { evaluationInputsSchema } from '../framework/schema.js';
import { translateZodIssues } from '../framework/translateZodIssues.js';
import type { EvaluationInputs, InputDeclaration } from '../framework/types.js';
import { normalizeText } from '../input/normalizeText.js';
import { parseNumber } from '../input/parseNumber.js';
import type { Env } from '../rules/env.js';
import { formatPercentExact } from '../rules/format.js';

/** Parsed inputs, the not-applicable ids, and the issues found reading them. */
export interface ParsedInputs {
  readonly env: Env;
  readonly notApplicable: ReadonlySet<string>;
  readonly issues: readonly Issue[];
}

const YES = new Set(['true', 'yes', 'y', '是', '有', '1']);
const NO = new Set(['false', 'no', 'n', '否', '无', '0']);
const HUNDRED = dec(100);

/** Reads the evaluation inputs against the framework's input declarations; reports, never drops. */
export function parseInputs(compiled: Compiled, raw: unknown): ParsedInputs {
  const numbers = new Map<string, Dec>();
  const booleans = new Map<string, boolean>();
  const tiers = new Map<string, { tier: string; score: Dec }>();
  const checks = new Map<string, { [check: string]: boolean }>();
  const display = new Map<string, string>();
  const env: Env = { numbers, booleans, tiers, checks, display };
  const parsed = evaluationInputsSchema.safeParse(raw);
  if (!parsed.success) return { env, notApplicable: new Set(), issues: translateZodIssues(parsed.error.issues, raw) };
  // The checked input itself, not zod's rebuilt copy, so that keys such as "__proto__" survive.
  const inputs = raw as EvaluationInputs;
  const issues: Issue[] = [];

  /** The value in the declared unit, with the text to show it by; undefined (and an issue) when unreadable. */
  const readNumber = (
    name: string,
    decl: InputDeclaration,
    value: unknown,
    path: (string | number)[],
  ): { value: Dec; written: string } | undefined => {
    if (typeof value !== 'number' && typeof value !== 'string') {
      issues.push(makeIssue('invalid-type', path, { expected: 'number', expectedZh: '数字' }));
      return undefined;
    }
    const n = parseNumber(value, decl.unit);
    if (!n.ok) {
      issues.push(makeIssue('invalid-number', path, { value: String(value) }));
      return undefined;
    }
    if (n.percent && (decl.type === 'number' || decl.type === 'score')) {
      issues.push(makeIssue('unexpected-percent', path, { input: name, value: String(value) }));
      return undefined;
    }
    return { value: decl.type === 'percent' && !n.percent ? div(n.value, HUNDRED) : n.value, written: n.written };
  };

  for (const [name, value] of Object.entries(inputs.values)) {
    const path = ['values', name];
    const decl = compiled.inputs.get(name);
    if (decl === undefined) {
      issues.push(makeIssue('unknown-input', path, { input: name }));
      continue;
    }
    if (value === null) continue;
    switch (decl.type) {
      case 'number':
      case 'percent':
      case 'fraction':
      case 'score': {
        const read = readNumber(name, decl, value, path);
        if (read === undefined) break;
        numbers.set(name, read.value);
        // Amounts are shown as the document wrote them ("21.70", "11,429.51"); rates as exact percentages.
        display.set(name, decl.type === 'percent' || decl.type === 'fraction' ? formatPercentExact(read.value) : read.written);
        break;
      }
      case 'boolean': {
        const text = typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? normalizeText(value).toLowerCase() : '';
        if (YES.has(text) || NO.has(text)) {
          booleans.set(name, YES.has(text));
          display.set(name, YES.has(text) ? '是' : '否');
        } else issues.push(makeIssue('invalid-boolean', path, { value: String(value) }));
        break;
      }
      case 'tier': {
        if (typeof value !== 'object' || value === null || !('tier' in value) || typeof value.tier !== 'string') {
          issues.push(makeIssue('invalid-type', path, { expected: '{ tier, score }', expectedZh: '{ tier 档次, score 评分 }' }));
          break;
        }
        const score = readNumber(name, { type: 'score' }, value.score, [...path, 'score']);
        if (score !== undefined) tiers.set(name, { tier: value.tier, score: score.value });
        break;
      }
      case 'checks': {
        if (typeof value !== 'object' || value === null || 'tier' in value) {
          issues.push(makeIssue('invalid-type', path, { expected: '{ checkId: boolean }', expectedZh: '{ 检查项: 是/否 }' }));
          break;
        }
        checks.set(name, value as { [check: string]: boolean });
        break;
      }
      default: {
        const never: never = decl.type;
        return never;
      }
    }
  }
  const notApplicable = new Set<string>();
  (inputs.notApplicable ?? []).forEach((id, i) => {
    if (compiled.byId.has(id)) notApplicable.add(id);
    else issues.push(makeIssue('unknown-indicator', ['notApplicable', i], { id }));
  });
  return { env, notApplicable, issues };
}

