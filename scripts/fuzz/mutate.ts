/**
 * Mutations of a (framework definition, evaluation inputs) pair. Each returns a one-line description, or
 * undefined when it found nothing to work on. Structures up to 5,000 levels deep are built iteratively; the
 * walkers here never descend further than WALK_DEPTH.
 */
import {
  anyKey, anyString, depth, junk, JSON_NUMBERS, longString, nest, nullProto, numberish, NUMERIC_STRINGS, setOwn, SPECIAL_KEYS,
} from './junk.js';
import type { Rng } from './rng.js';

type Obj = Record<string, unknown>;
export interface Box {
  def: unknown;
  inputs: unknown;
}

const WALK_DEPTH = 48;
const MAX_SLOTS = 3000;

interface Slot {
  readonly parent: Obj | unknown[];
  readonly key: string | number;
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

export function isPlain(v: unknown): v is Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null;
}
const isContainer = (v: unknown): v is Obj | unknown[] => Array.isArray(v) || isPlain(v);

function get(parent: Obj | unknown[], key: string | number): unknown {
  return Array.isArray(parent) ? parent[key as number] : Object.getOwnPropertyDescriptor(parent, key)?.value;
}
function put(parent: Obj | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else setOwn(parent, String(key), value);
}

/** Every slot (parent, key) under box[root], breadth-first, capped. The root itself is a slot of the box. */
function slots(box: Box, root: keyof Box, keep: (s: Slot) => boolean = () => true): Slot[] {
  const out: Slot[] = [];
  const queue: Slot[] = [{ parent: box as unknown as Obj, key: root, path: [root], value: box[root] }];
  let seen = 0;
  for (let i = 0; i < queue.length && seen < MAX_SLOTS * 4; i++) {
    const s = queue[i] as Slot;
    seen++;
    if (keep(s)) out.push(s);
    const v = s.value;
    if (!isContainer(v) || s.path.length > WALK_DEPTH) continue;
    const keys: (string | number)[] = Array.isArray(v) ? v.map((_, j) => j) : Object.keys(v);
    for (const k of keys) {
      if (queue.length >= MAX_SLOTS * 4) break;
      queue.push({ parent: v, key: k, path: [...s.path, k], value: get(v, k) });
    }
  }
  return out;
}

export function preview(v: unknown): string {
  let s: string;
  try {
    if (typeof v === 'string') s = JSON.stringify(v.length > 40 ? `${v.slice(0, 30)}…(${v.length} chars)` : v);
    else if (typeof v === 'bigint') s = `${v}n`;
    else if (typeof v === 'symbol' || typeof v === 'function' || v === undefined) s = String(v);
    else if (typeof v === 'number') s = Object.is(v, -0) ? '-0' : String(v);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isPlain(v)) s = `[${(v as object).constructor?.name ?? 'object'}]`;
    else s = JSON.stringify(v) ?? String(v);
  } catch {
    s = '[unprintable]';
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === null) s = `null-proto${s}`;
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}

const at = (s: Slot): string => s.path.join('.');

function safeClone<T>(v: T): T {
  try {
    return structuredClone(v);
  } catch {
    return v;
  }
}

/* ─────────────── names found in the case (ids, input names) ─────────────── */

export function namesOf(box: Box): { ids: string[]; inputs: string[]; leaves: string[] } {
  const ids: string[] = [];
  const leaves: string[] = [];
  const inputs = new Set<string>();
  const def = box.def;
  if (isPlain(def)) {
    const decl = def['inputs'];
    if (isPlain(decl)) for (const k of Object.keys(decl)) inputs.add(k);
    const stack: unknown[] = [];
    const push = (v: unknown): void => {
      if (Array.isArray(v)) for (const x of v.slice(0, 500)) stack.push(x);
    };
    push(def['indicators']);
    push(def['adjustments']);
    let n = 0;
    for (let node = stack.pop(); node !== undefined && n < 2000; node = stack.pop(), n++) {
      if (!isPlain(node)) continue;
      const id = node['id'];
      if (typeof id === 'string') {
        ids.push(id);
        if (node['rule'] !== undefined) leaves.push(id);
      }
      push(node['children']);
    }
  }
  const values = isPlain(box.inputs) ? box.inputs['values'] : undefined;
  if (isPlain(values)) for (const k of Object.keys(values)) inputs.add(k);
  return { ids, inputs: [...inputs], leaves };
}

/** Renames `from` to `to` everywhere it names something: id/to/input/is fields, keys of inputs and values, NA lists. */
function rename(box: Box, from: string, to: string): number {
  let count = 0;
  const renameKeys = (o: unknown): void => {
    if (!isPlain(o) || !Object.prototype.hasOwnProperty.call(o, from)) return;
    const entries = Object.keys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)?.value] as const);
    for (const [k] of entries) delete o[k];
    for (const [k, v] of entries) setOwn(o, k === from ? to : k, v);
    count++;
  };
  const stack: { v: unknown; d: number }[] = [{ v: box.def, d: 0 }, { v: box.inputs, d: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, d } = item;
    if (d > WALK_DEPTH || !isContainer(v)) continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (x === from) {
          v[i] = to;
          count++;
        } else stack.push({ v: x, d: d + 1 });
      });
      continue;
    }
    for (const k of ['id', 'to', 'input', 'is', 'tier']) {
      if (Object.getOwnPropertyDescriptor(v, k)?.value === from) {
        setOwn(v, k, to);
        count++;
      }
    }
    for (const k of ['inputs', 'values']) renameKeys(Object.getOwnPropertyDescriptor(v, k)?.value);
    for (const k of Object.keys(v)) stack.push({ v: Object.getOwnPropertyDescriptor(v, k)?.value, d: d + 1 });
  }
  return count;
}

/* ───────────────────────────── generic operations ───────────────────────────── */

type Op = (rng: Rng, box: Box, root: keyof Box) => string | undefined;

const notRoot = (s: Slot): boolean => s.path.length > 1;

const deleteKey: Op = (rng, box, root) => {
  const all = slots(box, root, notRoot);
  if (all.length === 0) return undefined;
  const s = rng.pick(all);
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
  return `delete ${at(s)}`;
};

const replaceJunk: Op = (rng, box, root) => {
  const s = rng.pick(slots(box, root));
  const v = junk(rng, { words: namesOf(box).ids });
  put(s.parent, s.key, v);
  return `replace ${at(s)} ← ${preview(v)}`;
};

const replaceLeafValue: Op = (rng, box, root) => {
  const leaves = slots(box, root, (s) => notRoot(s) && !isContainer(s.value));
  if (leaves.length === 0) return undefined;
  const s = rng.pick(leaves);
  const v = typeof s.value === 'number' || typeof s.value === 'string' ? numberish(rng) : junk(rng, { jsonOnly: rng.chance(0.7) });
  put(s.parent, s.key, v);
  return `replace ${at(s)} ← ${preview(v)}`;
};

const NUMERIC_KEYS = new Set(['weight', 'total', 'points', 'max', 'min', 'fraction', 'threshold', 'step', 'tolerance', 'zeroBelow', 'zeroAbove', 'reviewAbove', 'precision', 'score', 'year']);
const numericField: Op = (rng, box, root) => {
  const found = slots(box, root, (s) => typeof s.key === 'string' && NUMERIC_KEYS.has(s.key));
  if (found.length === 0) return undefined;
  const s = rng.pick(found);
  const v = numberish(rng);
  put(s.parent, s.key, v);
  return `set ${at(s)} ← ${preview(v)}`;
};

const duplicate: Op = (rng, box, root) => {
  if (rng.chance(0.6)) {
    const arrays = slots(box, root, (s) => Array.isArray(s.value) && (s.value as unknown[]).length > 0);
    if (arrays.length === 0) return undefined;
    const s = rng.pick(arrays);
    const arr = s.value as unknown[];
    const i = rng.int(0, arr.length - 1);
    arr.splice(rng.int(0, arr.length), 0, safeClone(arr[i]));
    return `duplicate ${at(s)}.${i}`;
  }
  const all = slots(box, root, notRoot);
  if (all.length < 2) return undefined;
  const from = rng.pick(all);
  const into = rng.pick(all);
  put(into.parent, into.key, safeClone(from.value));
  return `copy ${at(from)} over ${at(into)}`;
};

const swap: Op = (rng, box, root) => {
  const containers = slots(box, root, (s) => (Array.isArray(s.value) ? s.value.length > 1 : isPlain(s.value) && Object.keys(s.value).length > 1));
  if (containers.length === 0) return undefined;
  const s = rng.pick(containers);
  if (Array.isArray(s.value)) {
    const a = s.value;
    const i = rng.int(0, a.length - 1);
    const j = rng.int(0, a.length - 1);
    [a[i], a[j]] = [a[j], a[i]];
    return `swap ${at(s)}[${i}] and [${j}]`;
  }
  const o = s.value as Obj;
  const keys = Object.keys(o);
  if (rng.chance(0.5)) {
    const entries = rng.shuffle(keys.map((k) => [k, Object.getOwnPropertyDescriptor(o, k)?.value] as const));
    for (const k of keys) delete o[k];
    for (const [k, v] of entries) setOwn(o, k, v);
    return `reorder keys of ${at(s)}`;
  }
  const a = rng.pick(keys);
  const b = rng.pick(keys);
  const va = get(o, a);
  setOwn(o, a, get(o, b));
  setOwn(o, b, va);
  return `swap ${at(s)}.${a} and .${b}`;
};

const addUnknownKey: Op = (rng, box, root) => {
  const objects = slots(box, root, (s) => isPlain(s.value));
  if (objects.length === 0) return undefined;
  const s = rng.pick(objects);
  const k = anyKey(rng, namesOf(box).ids);
  const v = rng.chance(0.5) ? junk(rng, { jsonOnly: true }) : rng.pick<unknown>([1, 'x', null, {}, []]);
  setOwn(s.value as Obj, k, v);
  return `add ${at(s)}[${JSON.stringify(k.length > 20 ? `${k.slice(0, 20)}…` : k)}] = ${preview(v)}`;
};

const toNullProto: Op = (rng, box, root) => {
  const objects = slots(box, root, (s) => isPlain(s.value) && Object.getPrototypeOf(s.value) !== null);
  if (objects.length === 0) return undefined;
  const s = rng.pick(objects);
  put(s.parent, s.key, nullProto(s.value as Obj));
  return `null-prototype ${at(s)}`;
};

const swapShape: Op = (rng, box, root) => {
  const found = slots(box, root, (s) => isContainer(s.value));
  if (found.length === 0) return undefined;
  const s = rng.pick(found);
  if (Array.isArray(s.value)) {
    const o: Obj = {};
    s.value.forEach((x, i) => (o[String(i)] = x));
    put(s.parent, s.key, rng.chance(0.5) ? o : s.value[0] ?? {});
    return `object for array at ${at(s)}`;
  }
  const vals = Object.keys(s.value as Obj).map((k) => get(s.value as Obj, k));
  put(s.parent, s.key, rng.chance(0.7) ? vals : [s.value]);
  return `array for object at ${at(s)}`;
};

const inherited: Op = (rng, box, root) => {
  const objects = slots(box, root, (s) => isPlain(s.value) && notRoot(s));
  if (objects.length === 0) return undefined;
  const s = rng.pick(objects);
  const own = s.value as Obj;
  const keys = Object.keys(own);
  const moved = keys.length > 0 ? rng.pick(keys) : 'weight';
  const proto: Obj = { [moved]: own[moved] ?? 1, toJSON: rng.chance(0.3) ? () => ({}) : undefined };
  const o = Object.create(proto) as Obj;
  for (const k of keys) if (k !== moved) o[k] = own[k];
  put(s.parent, s.key, o);
  return `inherit ${at(s)}.${moved} from a prototype`;
};

const deepJunk: Op = (rng, box, root) => {
  const s = rng.pick(slots(box, root));
  const d = depth(rng);
  const v = rng.pick([
    () => nest(d, s.value, (x) => [x]),
    () => nest(d, s.value, (x) => ({ children: [x] })),
    () => nest(d, null, (x) => ({ a: x, b: [x === null ? 0 : 1] })),
  ])();
  put(s.parent, s.key, v);
  return `nest ${at(s)} ${d} levels deep`;
};

/* ──────────────────────────── framework operations ──────────────────────────── */

interface TreeNode {
  readonly node: Obj;
  readonly ancestors: readonly Obj[];
  readonly path: string;
}

function treeNodes(box: Box, keep: (n: Obj) => boolean): TreeNode[] {
  const out: TreeNode[] = [];
  if (!isPlain(box.def)) return out;
  const stack: { v: unknown; anc: Obj[]; path: string }[] = [];
  const ind = box.def['indicators'];
  if (Array.isArray(ind)) ind.forEach((v, i) => stack.push({ v, anc: [], path: `def.indicators.${i}` }));
  for (let it = stack.pop(); it !== undefined && out.length < MAX_SLOTS; it = stack.pop()) {
    if (!isPlain(it.v) || it.anc.length > WALK_DEPTH) continue;
    const node = it.v;
    if (keep(node)) out.push({ node, ancestors: it.anc, path: it.path });
    const ch = node['children'];
    if (Array.isArray(ch)) ch.forEach((c, i) => stack.push({ v: c, anc: [...it.anc, node], path: `${it.path}.children.${i}` }));
  }
  return out;
}

function numOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
const fmt = (x: number): string => String(Number(x.toFixed(6)));

/** Changes a leaf weight and every ancestor (and the total) by the same amount: the framework stays balanced. */
const shiftWeight: Op = (rng, box) => {
  const leaves = treeNodes(box, (n) => n['rule'] !== undefined);
  if (leaves.length === 0 || !isPlain(box.def)) return undefined;
  const t = rng.pick(leaves);
  const w = numOf(t.node['weight']);
  if (w === undefined) return undefined;
  const delta = rng.pick([-w, -1, -0.5, 0.5, 1, 2.5, 10, 0.01, 0.001, 1e6]);
  const chain = [t.node, ...t.ancestors];
  for (const n of chain) {
    const v = numOf(n['weight']);
    if (v !== undefined) n['weight'] = rng.chance(0.5) ? v + delta : fmt(v + delta);
  }
  const total = numOf(box.def['total']);
  if (total !== undefined) box.def['total'] = fmt(total + delta);
  return `shift weight of ${t.path} and its ancestors by ${delta}`;
};

const deepChildren: Op = (rng, box) => {
  const leaves = treeNodes(box, (n) => n['rule'] !== undefined && typeof n['id'] === 'string');
  if (leaves.length === 0) return undefined;
  const t = rng.pick(leaves);
  const d = depth(rng);
  const leaf = { ...t.node };
  const id = String(leaf['id']);
  const chain = nest(d, leaf, (x, i) => ({ id: `${id}~${i}`, name: `层${i}`, weight: leaf['weight'], children: [x] })) as Obj;
  for (const k of Object.keys(t.node)) delete t.node[k];
  Object.assign(t.node, chain);
  return `wrap leaf ${t.path} in ${d} levels of children`;
};

const deepExpr: Op = (rng, box) => {
  const found = slots(box, 'def', (s) => isPlain(s.value) && typeof s.value['input'] === 'string' && !('kind' in s.value) && notRoot(s));
  if (found.length === 0) return undefined;
  const s = rng.pick(found);
  const d = depth(rng);
  const wrap = rng.pick<(x: unknown) => unknown>([
    (x) => ({ add: [x] }),
    (x) => ({ add: [x, 0] }),
    (x) => ({ mul: [x, 1] }),
    (x) => ({ sub: [x, 0] }),
    (x) => ({ div: [x, 1] }),
    (x) => ({ abs: x }),
  ]);
  put(s.parent, s.key, nest(d, s.value, wrap));
  return `nest expression ${at(s)} ${d} levels deep`;
};

const deepCondition: Op = (rng, box) => {
  const found = slots(box, 'def', (s) => isPlain(s.value) && ('is' in s.value || 'op' in s.value));
  if (found.length === 0) return undefined;
  const s = rng.pick(found);
  const d = depth(rng);
  const wrap = rng.pick<(x: unknown) => unknown>([(x) => ({ not: x }), (x) => ({ all: [x] }), (x) => ({ any: [x] })]);
  put(s.parent, s.key, nest(d % 2 === 0 ? d : d + 1, s.value, wrap));
  return `nest condition ${at(s)} ${d} levels deep`;
};

const renameOp: Op = (rng, box) => {
  const names = namesOf(box);
  const pool = rng.chance(0.5) ? names.ids : names.inputs;
  if (pool.length === 0) return undefined;
  const from = rng.pick(pool);
  const to = rng.weighted<() => string>([
    [6, () => rng.pick(SPECIAL_KEYS)],
    [2, () => rng.pick([...names.ids, ...names.inputs])],
    [1, () => longString(rng).slice(0, 100_000)],
    [1, () => anyString(rng)],
  ])();
  const n = rename(box, from, to);
  return n === 0 ? undefined : `rename ${JSON.stringify(from)} → ${preview(to)} (${n} places)`;
};

const naPolicy: Op = (rng, box) => {
  const nodes = treeNodes(box, () => true);
  if (nodes.length === 0) return undefined;
  const t = rng.pick(nodes);
  const ids = namesOf(box).ids;
  const p = rng.weighted<() => unknown>([
    [3, () => ({ policy: 'transfer', to: rng.pick(ids) })],
    [1, () => ({ policy: 'transfer', to: t.node['id'] })],
    [1, () => ({ policy: 'transfer', to: rng.pick(SPECIAL_KEYS) })],
    [2, () => ({ policy: rng.pick(['rescale', 'redistribute', 'full', 'zero']) })],
    [1, () => ({ policy: rng.pick(['transfer', 'none', '', '__proto__']) })],
  ])();
  t.node['notApplicable'] = p;
  return `set ${t.path}.notApplicable ← ${preview(p)}`;
};

const options: Op = (rng, box) => {
  if (!isPlain(box.def)) return undefined;
  const o = isPlain(box.def['options']) ? box.def['options'] : (box.def['options'] = {});
  const k = rng.pick(['precision', 'rounding', 'roundAt', 'bonusAboveTotal', 'notApplicable']);
  const v = rng.weighted<() => unknown>([
    [3, () => ({ precision: rng.int(0, 10), rounding: rng.pick(['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil']), roundAt: rng.pick(['leaf', 'total']), bonusAboveTotal: rng.chance(0.5), notApplicable: { policy: rng.pick(['rescale', 'redistribute', 'full', 'zero']) } } as Obj)[k]],
    [1, () => rng.pick<unknown>([-1, 11, 2.5, 1e9, '2', null, true, 'HALF_UP', {}, NaN])],
  ])();
  setOwn(o, k, v);
  return `set def.options.${k} ← ${preview(v)}`;
};

const adjustment: Op = (rng, box) => {
  if (!isPlain(box.def)) return undefined;
  const names = namesOf(box);
  const list = Array.isArray(box.def['adjustments']) ? (box.def['adjustments'] as unknown[]) : (box.def['adjustments'] = []);
  const id = rng.chance(0.7) ? `fuzz-adj-${rng.int(0, 999)}` : rng.pick([...SPECIAL_KEYS, ...names.ids]);
  const ref = (): unknown => (names.inputs.length > 0 && rng.chance(0.7) ? { input: rng.pick(names.inputs) } : rng.pick(JSON_NUMBERS));
  const a = rng.pick<() => unknown>([
    () => ({ kind: 'deduction', id, name: '扣分', max: numberishSmall(rng), amount: ref() }),
    () => ({ kind: 'bonus', id, name: '加分', max: numberishSmall(rng), amount: ref() }),
    () => ({ kind: 'veto', id, name: '否决', when: names.inputs.length > 0 ? { is: rng.pick(names.inputs) } : { left: 1, op: '=', right: 1 }, effect: rng.pick(['lowest-grade', 'zero-total', 'both']) }),
  ])();
  list.push(a);
  return `add adjustment ${preview(a)}`;
};

function numberishSmall(rng: Rng): unknown {
  return rng.chance(0.7) ? rng.pick([0, 1, 5, 10, 100, '2.5', '10']) : numberish(rng);
}

/* ───────────────────────────── input operations ───────────────────────────── */

function valuesOf(box: Box): Obj | undefined {
  if (!isPlain(box.inputs)) return undefined;
  const v = box.inputs['values'];
  return isPlain(v) ? v : undefined;
}

/** A value of any type for an input: strange numbers, words, objects, tiers, checks. */
function inputValue(rng: Rng, box: Box): unknown {
  const names = namesOf(box);
  return rng.weighted<() => unknown>([
    [6, () => rng.pick(NUMERIC_STRINGS)],
    [3, () => numberish(rng)],
    [4, () => junk(rng, { words: names.ids })],
    [1, () => ({ toString: false })],
    [1, () => ({ tier: rng.pick<unknown>(['achieved', 'partly', 'not-achieved', '__proto__', null, 1]), score: numberish(rng) })],
    [1, () => ({ tier: 'achieved', score: rng.pick(NUMERIC_STRINGS), extra: 1 })],
    [1, () => JSON.parse('{"__proto__": true, "c0": true}') as unknown],
    [1, () => {
      const o: Obj = {};
      for (let i = rng.int(0, 4); i > 0; i--) setOwn(o, rng.chance(0.5) ? `c${rng.int(0, 5)}` : anyKey(rng), rng.chance(0.6) ? rng.chance(0.5) : junk(rng, { jsonOnly: true }));
      return o;
    }],
    [0.5, () => nest(depth(rng), rng.pick<unknown>([1, '1', true, null]), (x) => rng.pick([[x], { v: x }]))],
    [1, () => nullProto({ tier: 'achieved', score: 1 })],
  ])();
}

const setValue: Op = (rng, box) => {
  const values = valuesOf(box);
  if (values === undefined) return undefined;
  const names = namesOf(box);
  const key = rng.weighted<() => string>([
    [6, () => (names.inputs.length > 0 ? rng.pick(names.inputs) : 'x')],
    [3, () => (names.leaves.length > 0 ? rng.pick(names.leaves) : 'y')],
  ])();
  const v = inputValue(rng, box);
  setOwn(values, key, v);
  return `values[${JSON.stringify(key.length > 30 ? `${key.slice(0, 30)}…` : key)}] ← ${preview(v)}`;
};

const deleteValue: Op = (rng, box) => {
  const values = valuesOf(box);
  if (values === undefined || Object.keys(values).length === 0) return undefined;
  const k = rng.pick(Object.keys(values));
  if (rng.chance(0.5)) delete values[k];
  else values[k] = rng.chance(0.8) ? null : undefined;
  return `drop values[${JSON.stringify(k)}]`;
};

const unknownInput: Op = (rng, box) => {
  const values = valuesOf(box);
  if (values === undefined) return undefined;
  const k = anyKey(rng, namesOf(box).ids);
  const v = inputValue(rng, box);
  setOwn(values, k, v);
  return `unknown values[${JSON.stringify(k.length > 30 ? `${k.slice(0, 30)}…` : k)}] ← ${preview(v)}`;
};

const notApplicableJunk: Op = (rng, box) => {
  if (!isPlain(box.inputs)) return undefined;
  const names = namesOf(box);
  const entry = (): unknown =>
    rng.weighted<() => unknown>([
      [4, () => (names.ids.length > 0 ? rng.pick(names.ids) : 'x')],
      [2, () => rng.pick(SPECIAL_KEYS)],
      [2, () => junk(rng, { jsonOnly: rng.chance(0.7) })],
      [1, () => anyString(rng)],
    ])();
  const v = rng.weighted<() => unknown>([
    [6, () => Array.from({ length: rng.int(0, 6) }, entry)],
    [2, () => [...names.ids]],
    [1, () => rng.pick<unknown>(['all', null, {}, 1, true, { 0: 'a', length: 1 }])],
    [0.5, () => nest(depth(rng), names.ids[0] ?? 'x', (x) => [x])],
  ])();
  setOwn(box.inputs, 'notApplicable', v);
  return `notApplicable ← ${preview(v)}`;
};

const valuesShape: Op = (rng, box) => {
  const v = rng.pick<() => unknown>([
    () => null,
    () => [],
    () => [valuesOf(box) ?? {}],
    () => 'values',
    () => 1,
    () => ({ toString: false }),
    () => nullProto(valuesOf(box) ?? {}),
    () => undefined,
  ])();
  if (rng.chance(0.8)) {
    if (!isPlain(box.inputs)) box.inputs = {};
    setOwn(box.inputs as Obj, 'values', v);
    return `values ← ${preview(v)}`;
  }
  box.inputs = rng.pick<unknown>([null, undefined, [], 'inputs', 0, v, { notApplicable: [] }, nullProto(isPlain(box.inputs) ? box.inputs : {})]);
  return `inputs ← ${preview(box.inputs)}`;
};

/* ───────────────────────────── choosing mutations ───────────────────────────── */

const GENERIC: readonly (readonly [number, Op, string])[] = [
  [4, deleteKey, 'delete'],
  [5, replaceJunk, 'replace'],
  [4, replaceLeafValue, 'replace-leaf'],
  [3, duplicate, 'duplicate'],
  [3, swap, 'swap'],
  [3, addUnknownKey, 'unknown-key'],
  [2, toNullProto, 'null-proto'],
  [2, swapShape, 'array-for-object'],
  [1, inherited, 'inherited'],
  [0.3, deepJunk, 'deep-junk'],
];
const FRAMEWORK: readonly (readonly [number, Op, string])[] = [
  [5, numericField, 'numeric-field'],
  [4, shiftWeight, 'shift-weight'],
  [0.6, deepChildren, 'deep-children'],
  [0.6, deepExpr, 'deep-expr'],
  [0.4, deepCondition, 'deep-condition'],
  [4, renameOp, 'rename'],
  [2, naPolicy, 'na-policy'],
  [2, options, 'options'],
  [2, adjustment, 'adjustment'],
];
const INPUTS: readonly (readonly [number, Op, string])[] = [
  [10, setValue, 'set-value'],
  [3, deleteValue, 'delete-value'],
  [3, unknownInput, 'unknown-input'],
  [4, notApplicableJunk, 'na-list'],
  [1, valuesShape, 'values-shape'],
  [2, renameOp, 'rename'],
];

/** Framework mutations that usually keep it valid (so that evaluation is reached with odd but legal shapes). */
const KEEPS_VALID: readonly (readonly [number, Op, string])[] = [
  [4, shiftWeight, 'shift-weight'],
  [3, renameOp, 'rename'],
  [1, deepChildren, 'deep-children'],
  [1, deepExpr, 'deep-expr'],
  [0.5, deepCondition, 'deep-condition'],
  [2, (rng, box, root) => (rng.chance(0.5) ? naPolicy(rng, box, root) : options(rng, box, root)), 'policy-or-option'],
];

/**
 * Applies one random mutation; returns its description (tries a few times to find one that applies).
 * `inputs` mode mutates the evaluation inputs, and now and then the framework in ways that keep it valid.
 */
export function mutateOnce(rng: Rng, box: Box, mode: 'any' | 'inputs' = 'any'): string {
  for (let attempt = 0; attempt < 6; attempt++) {
    let table: readonly (readonly [number, Op, string])[];
    let onDef: boolean;
    if (mode === 'inputs') {
      onDef = rng.chance(0.25);
      table = onDef ? KEEPS_VALID : rng.chance(0.85) ? INPUTS : GENERIC;
    } else {
      onDef = rng.chance(0.6);
      table = onDef ? (rng.chance(0.55) ? FRAMEWORK : GENERIC) : rng.chance(0.75) ? INPUTS : GENERIC;
    }
    const entry = rng.weighted(table.map((e) => [e[0], e] as const));
    const d = entry[1](rng, box, onDef ? 'def' : 'inputs');
    if (d !== undefined) return d;
  }
  return 'no-op';
}
