import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { LIMITS } from '../limits.js';

/**
 * Walks any input document without recursion and refuses it when objects and arrays nest deeper than
 * `LIMITS.nesting` or hold more than `LIMITS.values` values in all (a YAML alias bomb expands to a huge
 * graph; a cyclic object nests without end). Runs before any recursive check, so no input can overflow the
 * stack. Returns the issue, or undefined when the document is within the limits.
 */
export function checkNesting(root: unknown): Issue | undefined {
  const stack: { readonly value: unknown; readonly depth: number; readonly path: IssuePath }[] = [{ value: root, depth: 0, path: [] }];
  let count = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as (typeof stack)[number];
    if (++count > LIMITS.values) return makeIssue('too-large', [], { limit: String(LIMITS.values) });
    if (value === null || typeof value !== 'object') continue;
    if (depth >= LIMITS.nesting) return makeIssue('too-deep', path, { limit: String(LIMITS.nesting), what: 'nesting' });
    let entries: [string | number, unknown][];
    try {
      // Array.from, not map: a sparse array's holes are visited (as undefined), never kept as holes.
      entries = Array.isArray(value) ? Array.from(value, (v, i): [number, unknown] => [i, v]) : Object.entries(value);
    } catch {
      // A getter that throws, a revoked proxy: not plain data.
      return makeIssue('invalid-type', path, { expected: 'plain data (JSON)', expectedZh: '纯数据（JSON）' });
    }
    for (const [key, child] of entries) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1, path: [...path, key] });
      else if (++count > LIMITS.values) return makeIssue('too-large', [], { limit: String(LIMITS.values) });
    }
  }
  return undefined;
}
