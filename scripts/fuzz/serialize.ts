/**
 * Writes any JS value as JSON for the failure files. Values JSON cannot hold are tagged
 * `{ "$fuzz": kind, ... }`: undefined, NaN/±Infinity/-0, bigint, symbol, function, Date, Map, Set, other class
 * instances, null-prototype objects and inherited properties. Strings over 20,000 characters are shortened
 * (the case can be regenerated exactly with `--seed S --case N`).
 */

const LONG = 20_000;
const MAX_DEPTH = 6_000;

export function encode(value: unknown): unknown {
  return enc(value, 0);
}

function enc(v: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return { $fuzz: 'too-deep' };
  switch (typeof v) {
    case 'undefined':
      return { $fuzz: 'undefined' };
    case 'number':
      if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) return { $fuzz: 'number', value: Object.is(v, -0) ? '-0' : String(v) };
      return v;
    case 'bigint':
      return { $fuzz: 'bigint', value: String(v) };
    case 'symbol':
      return { $fuzz: 'symbol', description: v.description ?? null };
    case 'function':
      return { $fuzz: 'function', source: String(v).slice(0, 200) };
    case 'string':
      return v.length > LONG ? { $fuzz: 'long-string', length: v.length, head: v.slice(0, 200), tail: v.slice(-200) } : v;
    case 'boolean':
      return v;
    case 'object':
      break;
  }
  if (v === null) return null;
  if (Array.isArray(v)) {
    // Iterate nested single-element arrays without recursion blow-up for the deepest cases.
    return v.map((x) => enc(x, depth + 1));
  }
  const o = v as object;
  const proto = Object.getPrototypeOf(o) as object | null;
  if (o instanceof Date) return { $fuzz: 'Date', value: Number.isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString() };
  if (o instanceof Map) return { $fuzz: 'Map', entries: [...o.entries()].map(([k, x]) => [enc(k, depth + 1), enc(x, depth + 1)]) };
  if (o instanceof Set) return { $fuzz: 'Set', values: [...o.values()].map((x) => enc(x, depth + 1)) };
  if (o instanceof RegExp) return { $fuzz: 'RegExp', source: o.source, flags: o.flags };
  const own: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    Object.defineProperty(own, k, { value: enc((o as Record<string, unknown>)[k], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  if (proto === Object.prototype) return own;
  if (proto === null) return { $fuzz: 'null-prototype', own };
  const ctor = (proto as { constructor?: { name?: string } }).constructor?.name;
  const inherited: Record<string, unknown> = {};
  if (ctor === 'Object' || ctor === undefined) {
    for (const k of Object.keys(proto)) inherited[k] = enc((proto as Record<string, unknown>)[k], depth + 1);
  }
  return { $fuzz: 'object', constructor: ctor ?? null, inherited, own, asString: safeString(o) };
}

function safeString(o: object): string {
  try {
    return String(o).slice(0, 100);
  } catch {
    return '[String() throws]';
  }
}

/** True when the value is plain JSON data (JSON.parse could have produced it). */
export function isJsonValue(root: unknown): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: root, d: 0 }];
  let n = 0;
  for (let it = stack.pop(); it !== undefined; it = stack.pop()) {
    if (++n > 200_000) return true;
    const v = it.v;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object') return false;
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, d: it.d + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], d: it.d + 1 });
  }
  return true;
}
