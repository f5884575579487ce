import type * as z from 'zod/mini';
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED_ZH: { readonly [k: string]: string } = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  int: '整数',
  null: '空值',
  record: '键值对象',
  map: '键值对象',
  tuple: '定长列表',
  literal: '固定值',
};

/** Turns zod's issues into jixiao issues: same paths, our codes and bilingual messages. */
export function translateZodIssues(issues: readonly ZodIssue[], input?: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(makeIssue('unknown-key', [...path, key], { key }));
      continue;
    }
    const value = valueAt(input, path);
    const kind = unknownKind(issue, value);
    if (value === undefined && path.length > 0) out.push(makeIssue('missing-field', path, { key: String(path.at(-1) ?? '') }));
    else if (kind !== undefined) out.push(makeIssue('unknown-kind', path, kind));
    else out.push(makeIssue('invalid-type', path, describeExpected(issue)));
  }
  return out;
}

function describeExpected(issue: ZodIssue): { expected: string; expectedZh: string } {
  switch (issue.code) {
    case 'invalid_type':
      return { expected: issue.expected, expectedZh: EXPECTED_ZH[issue.expected] ?? issue.expected };
    case 'invalid_value': {
      const list = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      return { expected: `one of ${list}`, expectedZh: `以下之一：${list}` };
    }
    case 'invalid_union':
      return {
        expected: 'a number, a decimal string or one of the documented forms',
        expectedZh: '数字、数值文本或文档所列的形式之一',
      };
    case 'too_big':
    case 'too_small':
      return { expected: 'a value within range', expectedZh: '范围内的值' };
    default:
      return { expected: 'a valid value', expectedZh: '有效的值' };
  }
}

/** A discriminated union that matched no `kind`: the kind written and the kinds that exist there. */
function unknownKind(issue: ZodIssue, value: unknown): { kind: string; expected: string } | undefined {
  if (issue.code !== 'invalid_union' || !('discriminator' in issue) || !('options' in issue)) return undefined;
  const options = (issue as { options?: unknown }).options;
  if (!Array.isArray(options)) return undefined;
  return { kind: typeof value === 'string' ? value : `(${typeof value})`, expected: options.map(String).join(' | ') };
}

/** The value at `path` in `input`, or undefined where the path leads nowhere. */
function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let cursor = input;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object' || !Object.prototype.hasOwnProperty.call(cursor, key)) return undefined;
    cursor = (cursor as { [k: string]: unknown })[key];
  }
  return cursor;
}
