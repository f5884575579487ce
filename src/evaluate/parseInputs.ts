import { dec, toPlain, type Dec } from '../calc/decimal.js';
import { shiftText } from '../calc/decimalText.js';
import { normalizeText } from '../calc/normalizeText.js';
import { parseNumber } from '../calc/parseNumber.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Env } from '../expr/trace.js';
import type { ParsedFramework } from '../framework/parsed.js';
import type { InputDeclaration } from '../framework/types.js';
import { slotsOf } from '../framework/compile.js';

/** Parsed inputs, the not-applicable ids, and the issues found reading them. */
export interface ParsedInputs {
  readonly env: Env<Dec>;
  /** How each present input is shown in explanations ("21.70", "11,429.51", "95.47%"), by name. */
  readonly written: ReadonlyMap<string, string>;
  /** The exact value of each present input as a string (fractions for percent inputs; 是/否; tier ids). */
  readonly exact: ReadonlyMap<string, string>;
  readonly notApplicable: ReadonlySet<string>;
  /** Issues of given values, by input name: attached to the nodes that read them. */
  readonly byInput: ReadonlyMap<string, readonly Issue[]>;
  /** Issues that belong to no node (unknown input names, unknown indicator ids). */
  readonly general: readonly Issue[];
}

const YES = new Set(['true', 'yes', 'y', '是', '有', '1']);
const NO = new Set(['false', 'no', 'n', '否', '无', '0']);
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** A short, safe rendering of any value for a message (never calls the value's own methods). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const text = JSON.stringify(value) ?? typeof value;
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  } catch {
    return typeof value;
  }
}

/** Reads a yes/no value: booleans, 1/0, and the synonyms in `YES` / `NO`. */
export function readBoolean(value: unknown): boolean | undefined {
  const text = typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? normalizeText(value).toLowerCase() : undefined;
  if (text === undefined) return undefined;
  return YES.has(text) ? true : NO.has(text) ? false : undefined;
}

/** The issue of a number `parseNumber` could not read: `number-out-of-range` or `invalid-number`, at `path`. */
export function unreadableNumber(reason: 'invalid' | 'out-of-range', value: unknown, path: IssuePath): Issue {
  return makeIssue(reason === 'out-of-range' ? 'number-out-of-range' : 'invalid-number', path, { value: describe(value) });
}

type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: Issue };

/** Reads a number in the declared unit, with the text to show it by and its exact plain text. */
export function readNumber(name: string, decl: InputDeclaration, value: unknown, path: IssuePath): Read<{ value: Dec; written: string; plain: string }> {
  if (typeof value !== 'number' && typeof value !== 'string') {
    return { ok: false, issue: makeIssue('invalid-type', path, { expected: 'number', expectedZh: '数字' }) };
  }
  const n = parseNumber(value, decl.unit);
  if (!n.ok) return { ok: false, issue: unreadableNumber(n.reason, value, path) };
  if (n.percent && (decl.type === 'number' || decl.type === 'score')) {
    return { ok: false, issue: makeIssue('unexpected-percent', path, { input: name, value: describe(value) }) };
  }
  // A percent input written without "%" is divided by 100, and percents and fractions are shown as percentages:
  // moving the point of the exact text (decimalText.ts) gives the very values a decimal division would.
  const read = toPlain(n.value);
  const shift = decl.type === 'percent' && !n.percent;
  const plain = shift ? shiftText(read, -2) : read;
  const written = decl.type === 'percent' || decl.type === 'fraction' ? `${shiftText(plain, 2)}%` : n.written;
  return { ok: true, value: { value: shift ? dec(plain) : n.value, written, plain } };
}

type ReadAll<T> = { readonly ok: true; readonly value: T; readonly written?: string } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Reads a tier choice `{ tier, score? }` (`score` absent or null when the form gives the tier alone). */
export function readTier(name: string, value: unknown, path: IssuePath): ReadAll<{ tier: string; score: Dec | undefined }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !own(value, 'tier') || typeof (value as { tier: unknown }).tier !== 'string') {
    return { ok: false, issues: [makeIssue('invalid-type', path, { expected: '{ tier, score }', expectedZh: '{ tier 档次, score 评分 }' })] };
  }
  const { tier } = value as { tier: string };
  const extra = Object.keys(value).filter((k) => k !== 'tier' && k !== 'score');
  if (extra.length > 0) return { ok: false, issues: extra.map((key) => makeIssue('unknown-key', [...path, key], { key })) };
  if (!own(value, 'score') || (value as { score: unknown }).score === null) return { ok: true, value: { tier, score: undefined } };
  const score = readNumber(name, { type: 'score' }, (value as { score: unknown }).score, [...path, 'score']);
  if (!score.ok) return { ok: false, issues: [score.issue] };
  return { ok: true, value: { tier, score: score.value.value }, written: score.value.written };
}

/** Reads check results `{ checkId: yes/no }`. */
export function readChecks(value: unknown, path: IssuePath): ReadAll<Map<string, boolean>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [makeIssue('invalid-type', path, { expected: '{ checkId: boolean }', expectedZh: '{ 检查项: 是/否 }' })] };
  }
  const results = new Map<string, boolean>();
  const issues: Issue[] = [];
  for (const [id, passed] of Object.entries(value)) {
    const b = readBoolean(passed);
    if (b === undefined) issues.push(makeIssue('invalid-boolean', [...path, id], { value: describe(passed) }));
    else results.set(id, b);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: results };
}

/**
 * Reads the evaluation's values against the framework's input declarations. A value that cannot be read is
 * reported and marked invalid (the indicators reading it show status `invalid-input`); nothing is dropped.
 */
export function parseInputs(parsed: ParsedFramework, values: { readonly [name: string]: unknown }, notApplicable: readonly string[]): ParsedInputs {
  const slots = slotsOf(parsed);
  const size = slots.size + 1;
  const numbers: (Dec | undefined)[] = new Array<Dec | undefined>(size).fill(undefined);
  const booleans: (boolean | undefined)[] = new Array<boolean | undefined>(size).fill(undefined);
  const tiers: ({ tier: string; score: Dec | undefined } | undefined)[] = new Array<undefined>(size).fill(undefined);
  const checks: (Map<string, boolean> | undefined)[] = new Array<undefined>(size).fill(undefined);
  const invalid: boolean[] = new Array<boolean>(size).fill(false);
  const written = new Map<string, string>();
  const exact = new Map<string, string>();
  const byInput = new Map<string, Issue[]>();
  const general: Issue[] = [];
  const fail = (name: string, issue: Issue): void => {
    invalid[slots.get(name) ?? slots.size] = true;
    const list = byInput.get(name);
    if (list === undefined) byInput.set(name, [issue]);
    else list.push(issue);
  };

  for (const [name, value] of Object.entries(values)) {
    const path = ['values', name];
    const decl = parsed.inputs.get(name);
    if (decl === undefined) {
      general.push(makeIssue('unknown-input', path, { input: name }));
      continue;
    }
    if (value === null || value === undefined) continue;
    const slot = slots.get(name) ?? slots.size;
    switch (decl.type) {
      case 'number':
      case 'percent':
      case 'fraction':
      case 'score': {
        const read = readNumber(name, decl, value, path);
        if (!read.ok) fail(name, read.issue);
        else {
          numbers[slot] = read.value.value;
          written.set(name, read.value.written);
          exact.set(name, read.value.plain);
        }
        break;
      }
      case 'boolean': {
        const b = readBoolean(value);
        if (b === undefined) fail(name, makeIssue('invalid-boolean', path, { value: describe(value) }));
        else {
          booleans[slot] = b;
          written.set(name, b ? '是' : '否');
          exact.set(name, b ? '是' : '否');
        }
        break;
      }
      case 'tier': {
        const read = readTier(name, value, path);
        if (!read.ok) for (const issue of read.issues) fail(name, issue);
        else {
          tiers[slot] = read.value;
          if (read.written !== undefined) written.set(name, read.written);
          exact.set(name, read.value.tier);
        }
        break;
      }
      case 'checks': {
        const read = readChecks(value, path);
        if (!read.ok) for (const issue of read.issues) fail(name, issue);
        else checks[slot] = read.value;
        break;
      }
      default: {
        const never: never = decl.type;
        return never;
      }
    }
  }
  const na = new Set<string>();
  notApplicable.forEach((id, i) => {
    if (parsed.byId.has(id)) na.add(id);
    else general.push(makeIssue('unknown-indicator', ['notApplicable', i], { id }));
  });
  return { env: { numbers, booleans, tiers, checks, invalid }, written, exact, notApplicable: na, byInput, general };
}
