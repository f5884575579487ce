import type * as z from 'zod/mini';
import type { Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Result } from '../errors/result.js';
import { checkNesting } from './checkNesting.js';
import { translateZodIssues } from './translateZodIssues.js';

/** A JSON copy of `value`, or undefined when it is not JSON data (a BigInt, a cycle, a throwing toJSON…). */
export function jsonCopy(value: unknown): { value: unknown } | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? undefined : { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** Freezes a plain-data value and everything in it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
      Object.freeze(v);
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return value;
}

/**
 * A document as checked data: within the nesting limits, copied through JSON, and of the schema's structure. The
 * JSON copy is what is checked and kept, so that what was checked is exactly what any copy (structuredClone, JSON)
 * will hold: a Date or a Boolean object would otherwise pass the checks and turn into a string or a boolean in the
 * copy. JSON.parse also keeps an own key such as "__proto__".
 */
export function checkedCopy<T>(value: unknown, schema: z.ZodMiniType): Result<T> {
  const tooBig = checkNesting(value);
  if (tooBig !== undefined) return { ok: false, issues: [tooBig] };
  const copy = typeof value === 'object' && value !== null ? jsonCopy(value) : { value };
  if (copy === undefined) return { ok: false, issues: [makeIssue('invalid-type', [], { expected: 'plain data (JSON)', expectedZh: '纯数据（JSON）' })] };
  const structure = schema.safeParse(copy.value);
  if (!structure.success) return { ok: false, issues: translateZodIssues(structure.error.issues, copy.value) as unknown as Issues };
  return { ok: true, value: copy.value as T };
}
