/*
 * JSON.parse keeps the last of two equal keys and drops the other without a word; YAML refuses them.
 * This scan finds them in JSON text, so that a `.json` file is held to the same rule as a `.yaml` one.
 */

/** 重复的键。A duplicate key and the offset of its second occurrence. */
export interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
}

/**
 * 找出一行 JSON 中重复的键（快速）。The first key written twice in one object of `text`, or undefined, for text
 * already parsed into `doc`: a cheap test first, then the full scan only when it cannot decide. Every key written is
 * followed by a colon, and `doc` has one own key per key written unless one was written twice; so when the text has
 * no more colons than `doc` has keys (in all its objects), no key can be twice. A colon inside a string, or a
 * duplicate, sends the text to `findDuplicateKey`.
 *
 * @param text JSON text
 * @param doc what JSON.parse made of it
 */
export function duplicateKeyOf(text: string, doc: unknown): DuplicateKey | undefined {
  let colons = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) colons++;
  return colons === 0 || colons <= keyCount(doc, colons) ? undefined : findDuplicateKey(text);
}

/**
 * The own keys of every object in a parsed JSON value, counted up to `limit` (no need to count further). A loop over a
 * stack of the objects still to visit, not a call per level: a line nested 200,000 deep must not overflow the call stack.
 */
function keyCount(doc: unknown, limit: number): number {
  let n = 0;
  const todo: unknown[] = [doc];
  while (todo.length > 0 && n < limit) {
    const x = todo.pop();
    if (Array.isArray(x)) {
      for (const v of x) if (typeof v === 'object' && v !== null) todo.push(v);
    } else if (typeof x === 'object' && x !== null) {
      for (const k in x) {
        n++;
        const v = (x as { readonly [k: string]: unknown })[k];
        if (typeof v === 'object' && v !== null) todo.push(v);
      }
    }
  }
  return n;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * 找出 JSON 文本中同一对象里重复的键。Finds the first key that occurs twice in one object.
 *
 * @param text JSON text that JSON.parse accepts (the scan relies on it being valid)
 * @returns the duplicate key, or undefined when there is none
 */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: (Set<string> | undefined)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(undefined);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const end = stringEnd(text, i);
      const keys = stack[stack.length - 1];
      if (keys !== undefined && nextNonSpace(text, end) === ':') {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (keys.has(key)) return { key, offset: i };
        keys.add(key);
      }
      i = end - 1;
    }
  }
  return undefined;
}

/** The index just after the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text.charCodeAt(i) !== QUOTE) i += text.charCodeAt(i) === BACKSLASH ? 2 : 1;
  return i + 1;
}

function nextNonSpace(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return text[i];
}

/**
 * 偏移量对应的行列（从 1 起）。Line and column (from 1) of an offset in a text.
 *
 * @param text the text
 * @param offset a UTF-16 offset into it
 * @returns the 1-based line and column
 */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
