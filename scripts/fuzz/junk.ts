/**
 * Pools of hostile values: strange numbers and numeric strings, prototype-ish keys and ids, values of every
 * JS type, null-prototype objects, `{ toString: false }`, deeply nested structures.
 */
import type { Rng } from './rng.js';

/** Deep-nesting depths: small ones, the core's limits ± 1, and up to 5,000. */
export const DEPTHS: readonly (readonly [number, number])[] = [
  [6, 3],
  [4, 20],
  // around the core's documented limits (LIMITS.treeDepth / exprDepth 32, nesting 256)
  [1, 30],
  [1, 31],
  [1, 32],
  [1, 33],
  [1, 255],
  [1, 257],
  [3, 100],
  [2, 1000],
  [1, 2500],
  [1, 5000],
];

/** Numeric-looking strings that a reader of documents might meet, or that break naive parsers. */
export const NUMERIC_STRINGS: readonly string[] = [
  '0', '-0', '+0', '0.0', '-0.00', '00', '007', '1', '-1', '2.5', '95.47', '100', '1e3', '1E3', '1e-3', '.5', '5.', '+5',
  '1e100000000', '-1e100000000', '1e-100000000', '1e+100000000', '9e15', '1e9000000000000000', '-1e-9000000000000000',
  '1e21', '1e308', '1e309', '-1e309', '5e-324', '2e-324', '9007199254740993', '0.1e-99999', '123456789012345678901234567890.123456789',
  '１００％', '１００', '－５', '＋５', '５８．２２万元', '１，０００', '　3　', '−5', '−5%', '−0', '‐5', '–5', '—5',
  '95.47%', '95.47％', '-2.2%', '100%%', '%', '%50', '50 %', '50%50', '0%', '-0%', '1e2%', '1e100000000%',
  '11,429.51', '1,2345', ',5', '5,', '1,000,000.5', '1,,000', '1_000', '1 000', '1\u00a0000', '1\u202f000', '1.000,5',
  '0x1F', '0b11', '0o7', '1e', 'e1', '.', '..', '-', '+', '--1', '+-1', '1-', '1..2', '1.2.3', '1e1e1', '1e1.5',
  'NaN', 'nan', '-NaN', 'Infinity', '-Infinity', 'inf', '∞', '1/2', '½', '⑤', '١٢٣', '१२३', '二十', '廿', '壹佰',
  '58.22万元', '58.22 万元', '58.22元', '万元', '58.22万元万元', '分', '5分', '5 个', '12\n', '\t3\t', ' 3 ', '\u200b3',
  '', ' ', '　', '\u0000', '3\u0000', '\ud800', '😀', '\u202e12',
];

/** Strings that are not numbers: booleans in words, prototype names, odd characters. */
export const WORD_STRINGS: readonly string[] = [
  'true', 'false', 'TRUE', 'yes', 'no', 'Yes', 'y', 'n', 'Y', '是', '否', '有', '无', 'ｙｅｓ', 'Ｎｏ', '对', '错', 'null', 'undefined',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'toJSON',
  'achieved', 'partly', 'not-achieved', 'rescale', 'transfer', 'manual', 'ratio', 'percent', 'number', 'leaf', 'total',
  'a.b', 'a/b', 'a[0]', '${x}', '<script>', '指标', '一级指标', '满意度', 'é', 'e\u0301', 'ﬁ', 'İ', 'ß',
];

/** Keys for added unknown fields and renamed ids/inputs. */
export const SPECIAL_KEYS: readonly string[] = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__',
  '__lookupGetter__', 'propertyIsEnumerable', 'toLocaleString', 'then', 'toJSON', 'length', 'size', 'get', 'has',
  '', ' ', '0', '-1', '1e3', '01', 'NaN', 'undefined', 'null', 'id', 'name', 'weight', 'children', 'rule', 'kind', 'input',
  'values', 'notApplicable', 'effectiveWeight', 'score', '\u0000', '指标', '😀', 'a'.repeat(300),
];

/** Long strings (generated on demand; at most about 1 MB). */
export function longString(rng: Rng): string {
  const n = rng.weighted<number>([[4, 1000], [3, 10_000], [2, 100_000], [1, 1_000_000]]);
  switch (rng.int(0, 11)) {
    case 0: return '9'.repeat(n);
    case 1: return '-' + '9'.repeat(n);
    case 2: return '0.' + '0'.repeat(n) + '1';
    case 3: return '1' + '0'.repeat(n);
    case 4: return '1'.repeat(n) + '%';
    case 5: return '1,' + '000,'.repeat(Math.floor(n / 4)) + '000';
    case 6: return '1' + ','.repeat(n);
    case 7: return ' '.repeat(n) + '1' + ' '.repeat(n);
    case 8: return '1e' + '9'.repeat(Math.min(n, 40));
    case 9: return '1'.repeat(n) + 'x';
    case 10: return '１'.repeat(n);
    default: return 'a'.repeat(n);
  }
}

export const JSON_NUMBERS: readonly number[] = [
  0, -0, 1, -1, 2, 0.5, 0.1, 0.3, 1e-7, 123.456, 95.47, 100, 1e21, 1e300, 1.7976931348623157e308, -1.7976931348623157e308,
  5e-324, 9007199254740993, -9007199254740993, 0.1 + 0.2, 2 ** 31, -(2 ** 31), 2 ** 32,
];
export const NON_JSON_NUMBERS: readonly number[] = [NaN, Infinity, -Infinity];

/** A numeric-ish value for a number field (weight, points, min, max, precision…). */
export function numberish(rng: Rng): unknown {
  return rng.weighted<() => unknown>([
    [4, () => rng.pick(JSON_NUMBERS)],
    [1, () => rng.pick(NON_JSON_NUMBERS)],
    [5, () => rng.pick(NUMERIC_STRINGS)],
    [2, () => rng.int(-5, 200) / rng.pick([1, 2, 4, 10, 100, 1000])],
    [2, () => String(rng.int(-5, 200) / rng.pick([1, 2, 4, 10, 100, 1000]))],
    [1, () => longString(rng)],
  ])();
}

/** A string from any pool. */
export function anyString(rng: Rng, extra: readonly string[] = []): string {
  return rng.weighted<() => string>([
    [5, () => rng.pick(NUMERIC_STRINGS)],
    [3, () => rng.pick(WORD_STRINGS)],
    [2, () => rng.pick(SPECIAL_KEYS)],
    [extra.length > 0 ? 3 : 0, () => rng.pick(extra)],
    [1, () => longString(rng)],
  ])();
}

/** A key for an added property. */
export function anyKey(rng: Rng, extra: readonly string[] = []): string {
  return rng.weighted<() => string>([
    [6, () => rng.pick(SPECIAL_KEYS)],
    [2, () => rng.pick(WORD_STRINGS)],
    [extra.length > 0 ? 3 : 0, () => rng.pick(extra)],
    [1, () => `unknown-${rng.int(0, 99)}`],
  ])();
}

/** Sets an own property, even "__proto__" (plain assignment would change the prototype instead). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A null-prototype copy of an object (own enumerable keys). */
export function nullProto(source: object): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(source)) out[k] = (source as Record<string, unknown>)[k];
  return out;
}

/** Nesting `depth` levels of a wrapper around `inner`, built iteratively. */
export function nest(depth: number, inner: unknown, wrap: (x: unknown, level: number) => unknown): unknown {
  let x = inner;
  for (let i = 0; i < depth; i++) x = wrap(x, i);
  return x;
}

export function depth(rng: Rng): number {
  return rng.weighted(DEPTHS);
}

class Weird {
  public readonly weight = 10;
  public toString(): string {
    return '10';
  }
}

/**
 * A hostile value of any type. `jsonOnly` keeps to JSON values (plus null-prototype objects, which JSON
 * cannot tell apart). Depth-limited.
 */
export function junk(rng: Rng, opts: { jsonOnly?: boolean; level?: number; words?: readonly string[] } = {}): unknown {
  const level = opts.level ?? 0;
  const nonJson = opts.jsonOnly === true ? 0 : 1;
  const inner = (): unknown => junk(rng, { ...opts, level: level + 1 });
  const leafOnly = level >= 3 ? 0 : 1;
  return rng.weighted<() => unknown>([
    [4, () => null],
    [2, () => rng.pick([true, false])],
    [5, () => rng.pick(JSON_NUMBERS)],
    [6, () => anyString(rng, opts.words ?? [])],
    [1, () => longString(rng)],
    [2 * leafOnly, () => Array.from({ length: rng.int(0, 3) }, inner)],
    [2 * leafOnly, () => {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 3); i > 0; i--) setOwn(o, anyKey(rng, opts.words ?? []), inner());
      return o;
    }],
    [1 * leafOnly, () => {
      const o = Object.create(null) as Record<string, unknown>;
      for (let i = rng.int(0, 3); i > 0; i--) o[anyKey(rng, opts.words ?? [])] = inner();
      return o;
    }],
    [1, () => ({})],
    [1, () => []],
    [1, () => ({ toString: false })],
    [1, () => ({ valueOf: false, toString: false })],
    [1, () => JSON.parse('{"__proto__": {"weight": 1, "polluted": true}}') as unknown],
    [0.3 * leafOnly, () => nest(depth(rng), rng.pick([null, 1, '1', []]), (x) => [x])],
    [0.3 * leafOnly, () => nest(depth(rng), 1, (x) => ({ a: x }))],
    // Not JSON:
    [2 * nonJson, () => undefined],
    [1 * nonJson, () => rng.pick(NON_JSON_NUMBERS)],
    [1 * nonJson, () => BigInt(rng.int(-5, 5))],
    [1 * nonJson, () => Symbol('fuzz')],
    [1 * nonJson, () => () => 1],
    [1 * nonJson, () => new Date(rng.pick([0, NaN, 1e15]))],
    [1 * nonJson, () => rng.pick<unknown>([new Map([['a', 1]]), new Set([1]), /1/g, new Weird(), new Number(5), new String('5'), new Boolean(false), new Uint8Array(2)])],
    [1 * nonJson, () => ({ toString: () => '5', valueOf: () => 5 })],
    [1 * nonJson, () => Object.create({ weight: 10, toString: () => '10' }) as unknown],
  ])();
}
