/**
 * Where fuzz cases start: the example frameworks and evaluations in examples/ (read with `yaml`), and random
 * valid frameworks with matching inputs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { LEGACY_TIERS, NATIONAL_TIERS } from '../../src/index.js';
import type { Rng } from './rng.js';

export interface Seed {
  readonly source: string;
  readonly def: unknown;
  readonly inputs: unknown;
}

interface Example {
  readonly name: string;
  readonly def: unknown;
  /** `{ values, notApplicable? }`, or undefined when the example has no evaluation (random values then). */
  readonly inputs: unknown;
}

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

let examples: readonly Example[] | undefined;

/** Every examples/<dir>/framework*.yaml, paired with the evaluation.yaml of the same directory if any. */
export function loadExamples(): readonly Example[] {
  if (examples !== undefined) return examples;
  const out: Example[] = [];
  for (const dir of readdirSync(EXAMPLES_DIR).sort()) {
    const base = `${EXAMPLES_DIR}${dir}/`;
    if (!existsSync(base)) continue;
    let files: string[];
    try {
      files = readdirSync(base).sort();
    } catch {
      continue;
    }
    const evalFile = files.find((f) => f === 'evaluation.yaml');
    let inputs: unknown;
    if (evalFile !== undefined) {
      const ev = parse(readFileSync(base + evalFile, 'utf8')) as Record<string, unknown> | null;
      if (ev !== null && typeof ev === 'object') {
        inputs = ev['notApplicable'] === undefined ? { values: ev['values'] } : { values: ev['values'], notApplicable: ev['notApplicable'] };
      }
    }
    for (const f of files) {
      if (!/^framework.*\.ya?ml$/.test(f)) continue;
      out.push({ name: `${dir}/${f}`, def: parse(readFileSync(base + f, 'utf8')), inputs });
    }
  }
  if (out.length === 0) throw new Error(`no example frameworks found under ${EXAMPLES_DIR}`);
  examples = out;
  return out;
}

/** A fresh (mutable) copy of one example, with its evaluation or with plausible random values. */
export function exampleSeed(rng: Rng): Seed {
  const ex = rng.pick(loadExamples());
  const def = structuredClone(ex.def);
  const inputs = ex.inputs !== undefined ? structuredClone(ex.inputs) : { values: valuesForDefinition(rng, def) };
  return { source: `example:${ex.name}`, def, inputs };
}

/* ───────────────────────── random valid frameworks ───────────────────────── */

type Obj = Record<string, unknown>;
type NumType = 'number' | 'percent' | 'fraction';
type Need =
  | { readonly type: NumType; readonly unit?: string }
  | { readonly type: 'boolean' }
  | { readonly type: 'score'; readonly max: number; readonly step?: number }
  | { readonly type: 'tier'; readonly tiers: readonly { id: string; min: string; max: string }[]; readonly weight: number }
  | { readonly type: 'checks'; readonly ids: readonly string[] };

interface Ctx {
  readonly rng: Rng;
  /** decimals of weights (the weight grid is 10^-wd) */
  readonly wd: number;
  readonly inputs: Obj;
  readonly needs: Map<string, Need>;
  /** indicator ids (targets of transfer policies and of notApplicable lists) */
  readonly ids: string[];
  next: number;
}

const UNITS = ['万元', '元', '个', '人次', '分', '%'] as const;

function units(n: number, wd: number): number {
  return n / 10 ** wd;
}

/** A number written as a JS number or as a string (both allowed in definitions). */
function num(rng: Rng, x: number, wd = 6): number | string {
  const s = Number(x.toFixed(wd)).toString();
  return rng.chance(0.5) ? Number(s) : s;
}

function declare(ctx: Ctx, type: NumType | 'boolean'): string {
  const { rng } = ctx;
  // Reuse a declared input of the same type now and then (inputs may be shared by rules).
  if (rng.chance(0.2)) {
    const same = [...ctx.needs.entries()].filter(([, n]) => n.type === type).map(([k]) => k);
    if (same.length > 0) return rng.pick(same);
  }
  const name = `in${ctx.next++}`;
  if (type === 'number' && rng.chance(0.3)) {
    const unit = rng.pick(UNITS.filter((u) => u !== '%'));
    ctx.inputs[name] = { type, name: `输入${name}`, unit };
    ctx.needs.set(name, { type, unit });
  } else {
    ctx.inputs[name] = rng.chance(0.5) ? { type, name: `输入${name}` } : { type };
    ctx.needs.set(name, { type });
  }
  return name;
}

function expr(ctx: Ctx, level = 0): unknown {
  const { rng } = ctx;
  const leaf = (): unknown =>
    rng.chance(0.8) ? { input: declare(ctx, rng.pick<NumType>(['number', 'percent', 'fraction'])) } : num(rng, rng.int(1, 200) / rng.pick([1, 10, 100]));
  if (level >= 2 || rng.chance(0.45)) return leaf();
  return rng.weighted<() => unknown>([
    [5, () => ({ div: [expr(ctx, level + 1), expr(ctx, level + 1)] })],
    [2, () => ({ mul: [expr(ctx, level + 1), expr(ctx, level + 1)] })],
    [2, () => ({ add: Array.from({ length: rng.int(1, 3) }, () => expr(ctx, level + 1)) })],
    [2, () => ({ sub: [expr(ctx, level + 1), expr(ctx, level + 1)] })],
    [1, () => ({ abs: expr(ctx, level + 1) })],
  ])();
}

const OPS = ['<', '<=', '=', '!=', '>=', '>'] as const;

function condition(ctx: Ctx, level = 0): unknown {
  const { rng } = ctx;
  if (level >= 2 || rng.chance(0.6)) {
    return rng.chance(0.5) ? { is: declare(ctx, 'boolean') } : { left: expr(ctx, 1), op: rng.pick(OPS), right: rng.chance(0.5) ? expr(ctx, 1) : num(rng, rng.int(0, 100) / 10) };
  }
  return rng.weighted<() => unknown>([
    [2, () => ({ all: Array.from({ length: rng.int(1, 3) }, () => condition(ctx, level + 1)) })],
    [2, () => ({ any: Array.from({ length: rng.int(1, 3) }, () => condition(ctx, level + 1)) })],
    [1, () => ({ not: condition(ctx, level + 1) })],
  ])();
}

const KINDS = [
  'ratio', 'lower-is-better', 'equal', 'bands', 'step-deduction', 'piecewise', 'binary', 'checklist', 'tiers', 'count-ratio',
  'per-occurrence', 'manual', 'either',
] as const;
type Kind = (typeof KINDS)[number];

function rule(ctx: Ctx, id: string, n: number, kind: Kind, nested = false): Obj {
  const { rng, wd } = ctx;
  const w = units(n, wd);
  const pointsUpTo = (max: number): number | string => num(rng, units(rng.int(0, max), wd));
  switch (kind) {
    case 'ratio': {
      const r: Obj = { kind, value: rng.chance(0.6) ? { div: [{ input: declare(ctx, 'number') }, { input: declare(ctx, 'number') }] } : expr(ctx) };
      if (rng.chance(0.3)) r['zeroBelow'] = num(rng, rng.pick([0.3, 0.5, 0.6]));
      if (rng.chance(0.3)) r['zeroAbove'] = num(rng, rng.pick([1.3, 1.5, 2]));
      if (rng.chance(0.3)) r['reviewAbove'] = num(rng, rng.pick([1.1, 1.2]));
      return r;
    }
    case 'lower-is-better':
      return { kind, actual: expr(ctx), target: expr(ctx), variant: rng.pick(['inverse', 'linear-to-double']) };
    case 'equal': {
      const r: Obj = { kind, actual: expr(ctx), target: rng.chance(0.3) ? 0 : expr(ctx) };
      if (rng.chance(0.3)) r['tolerance'] = num(rng, rng.pick([0, 0.01, 0.05, 1]));
      return r;
    }
    case 'bands': {
      const cuts = [...new Set(Array.from({ length: rng.int(1, 4) }, () => rng.int(1, 19) / 20))].sort((a, b) => a - b);
      const usePoints = rng.chance(0.4);
      const bands: Obj[] = [];
      for (let i = 0; i <= cuts.length; i++) {
        const b: Obj = {};
        const lo = cuts[i - 1];
        const hi = cuts[i];
        if (lo !== undefined) b['min'] = num(rng, lo);
        if (hi !== undefined) b['max'] = num(rng, hi);
        if (usePoints) b['points'] = pointsUpTo(n);
        else b['fraction'] = num(rng, rng.int(0, 10) / 10);
        if (rng.chance(0.3)) b['label'] = `档${i}`;
        bands.push(b);
      }
      const r: Obj = { kind, value: rng.chance(0.5) ? { input: declare(ctx, 'fraction') } : expr(ctx), bands: rng.chance(0.5) ? bands.reverse() : bands };
      if (rng.chance(0.3)) r['absolute'] = true;
      return r;
    }
    case 'step-deduction':
      return {
        kind,
        value: rng.chance(0.6) ? { input: declare(ctx, 'percent') } : expr(ctx),
        direction: rng.pick(['above', 'below']),
        threshold: num(rng, rng.pick([0, 0.9, 1, 1.1])),
        step: num(rng, rng.pick([0.01, 0.05, 0.1, 1])),
        points: num(rng, units(rng.int(1, Math.max(1, n)), wd)),
        steps: rng.pick(['completed', 'started', 'proportional']),
      };
    case 'piecewise': {
      const xs = [...new Set(Array.from({ length: rng.int(2, 4) }, () => rng.int(0, 20) / 10))].sort((a, b) => a - b);
      if (xs.length < 2) xs.push((xs[0] ?? 0) + 1);
      return { kind, value: expr(ctx), points: xs.map((x) => [num(rng, x), num(rng, rng.int(0, 10) / 10)]) };
    }
    case 'binary': {
      const r: Obj = { kind, when: condition(ctx) };
      const p = rng.int(0, n);
      if (rng.chance(0.3)) r['points'] = num(rng, units(p, wd));
      if (rng.chance(0.3)) r['otherwise'] = num(rng, units(rng.int(0, r['points'] === undefined ? n : p), wd));
      return r;
    }
    case 'checklist': {
      const count = Math.max(1, Math.min(n, rng.int(1, 5)));
      const parts: number[] = Array.from({ length: count }, () => 1);
      for (let rest = n - count; rest > 0; rest--) {
        const i = rng.int(0, count - 1);
        parts[i] = (parts[i] ?? 0) + 1;
      }
      const checks = parts.map((p, i) => ({ id: `c${i}`, name: `检查${i}`, points: num(rng, units(p, wd)) }));
      const r: Obj = { kind, checks };
      let input = id;
      if (nested || rng.chance(0.2)) {
        input = `${id}-checks`;
        r['input'] = input;
      }
      if (n === 0) return rule(ctx, id, n, 'manual', nested);
      ctx.needs.set(input, { type: 'checks', ids: checks.map((c) => c.id) });
      return r;
    }
    case 'tiers': {
      const tiers = rng.pick([NATIONAL_TIERS, LEGACY_TIERS]).map((t) => ({ id: t.id, name: t.name, min: String(t.min), max: String(t.max) }));
      const r: Obj = { kind, tiers };
      let input = id;
      if (nested || rng.chance(0.2)) {
        input = `${id}-tier`;
        r['input'] = input;
      }
      ctx.needs.set(input, { type: 'tier', tiers, weight: w });
      return r;
    }
    case 'count-ratio':
      return { kind, met: { input: declare(ctx, 'number') }, total: rng.chance(0.7) ? { input: declare(ctx, 'number') } : expr(ctx) };
    case 'per-occurrence':
      return { kind, count: rng.chance(0.7) ? { input: declare(ctx, 'number') } : expr(ctx), points: num(rng, units(rng.int(1, Math.max(1, n)), wd)) };
    case 'manual': {
      const r: Obj = { kind };
      let input = id;
      if (nested || rng.chance(0.2)) {
        input = `${id}-score`;
        r['input'] = input;
      }
      let step: number | undefined;
      if (rng.chance(0.3) && wd <= 1 && Number.isInteger(w * 2)) {
        step = 0.5;
        r['step'] = num(rng, 0.5);
      }
      ctx.needs.set(input, step === undefined ? { type: 'score', max: w } : { type: 'score', max: w, step });
      return r;
    }
    case 'either': {
      const simple: Kind[] = ['ratio', 'lower-is-better', 'equal', 'count-ratio', 'per-occurrence', 'binary', 'bands', 'manual'];
      return { kind, alternatives: Array.from({ length: rng.int(2, 3) }, () => rule(ctx, id, n, rng.pick(simple), true)) };
    }
  }
}

interface Built {
  readonly node: Obj;
  readonly n: number;
}

function indicator(ctx: Ctx, level: number, maxDepth: number): Built {
  const { rng } = ctx;
  const id = rng.chance(0.85) ? `n${ctx.next++}` : `${rng.pick(['指标', 'x.y', 'a b', 'A_1', 'k'])}-${ctx.next++}`;
  ctx.ids.push(id);
  const node: Obj = { id, name: `指标${id}` };
  if (level < maxDepth && rng.chance(level === 1 ? 0.6 : 0.35)) {
    const children = Array.from({ length: rng.int(1, 4) }, () => indicator(ctx, level + 1, maxDepth));
    const n = children.reduce((t, c) => t + c.n, 0);
    node['weight'] = num(rng, units(n, ctx.wd));
    node['children'] = children.map((c) => c.node);
    if (rng.chance(0.05)) node['when'] = { notApplicable: condition(ctx) };
    return { node, n };
  }
  const n = rng.chance(0.03) ? 0 : rng.int(1, 40);
  node['weight'] = num(rng, units(n, ctx.wd));
  node['rule'] = rule(ctx, id, n, rng.pick(KINDS));
  if (rng.chance(0.15)) {
    const when: Obj = {};
    if (rng.chance(0.5)) when['notApplicable'] = condition(ctx);
    if (rng.chance(0.5)) when['zero'] = condition(ctx);
    if (rng.chance(0.5)) when['full'] = condition(ctx);
    node['when'] = when;
  }
  if (rng.chance(0.3)) node['nature'] = rng.pick(['quantitative', 'qualitative']);
  if (rng.chance(0.2)) node['criteria'] = '评分标准原文';
  return { node, n };
}

function policy(rng: Rng, ids: readonly string[]): Obj {
  const p = rng.pick(ids.length > 0 ? ['rescale', 'redistribute', 'transfer', 'full', 'zero'] : ['rescale', 'redistribute', 'full', 'zero']);
  return p === 'transfer' ? { policy: p, to: rng.pick(ids) } : { policy: p };
}

/** Plausible values for each need (mostly valid, sometimes missing or out of range). */
function valueFor(rng: Rng, need: Need): unknown {
  if (rng.chance(0.04)) return null;
  switch (need.type) {
    case 'number':
    case 'percent':
    case 'fraction': {
      const x = rng.weighted<number>([
        [6, rng.int(1, 20000) / rng.pick([1, 10, 100])],
        [2, rng.int(1, 150)],
        [0.3, 0],
        [0.3, -rng.int(1, 100) / 10],
      ]);
      return rng.weighted<() => unknown>([
        [5, () => x],
        [3, () => String(x)],
        [need.type === 'number' ? 0 : 2, () => `${x}%`],
        [1, () => x.toLocaleString('en-US', { maximumFractionDigits: 6 })],
        [1, () => String(x).replace(/[0-9.%-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
        [need.type === 'number' && need.unit !== undefined ? 2 : 0, () => `${x}${need.type === 'number' ? (need.unit ?? '') : ''}`],
      ])();
    }
    case 'boolean':
      return rng.pick<unknown>([true, false, '是', '否', '有', '无', 'yes', 'no', 'Y', 'n', 1, 0, '1', '0', 'ＹＥＳ']);
    case 'score': {
      const steps = need.step === undefined ? Math.round(need.max * 100) : Math.round(need.max / need.step);
      const k = rng.int(0, steps);
      const v = need.step === undefined ? k / 100 : k * need.step;
      return rng.chance(0.5) ? v : String(v);
    }
    case 'tier': {
      const t = rng.pick(need.tiers);
      const lo = Number(t.min) * need.weight;
      const hi = Number(t.max) * need.weight;
      const score = Math.round((lo + (hi - lo) * rng.float()) * 100) / 100;
      return { tier: t.id, score: rng.chance(0.5) ? score : String(score) };
    }
    case 'checks': {
      const o: Obj = {};
      for (const id of need.ids) if (rng.chance(0.95)) o[id] = rng.chance(0.7);
      return o;
    }
  }
}

/** A random framework that should validate, with inputs for it. */
export function randomSeed(rng: Rng): Seed {
  const wd = rng.weighted<number>([[3, 0], [5, 1], [2, 2]]);
  const ctx: Ctx = { rng, wd, inputs: {}, needs: new Map(), ids: [], next: 0 };
  const maxDepth = rng.weighted<number>([[2, 1], [4, 2], [3, 3], [2, 4], [1, 5]]);
  const roots = Array.from({ length: rng.int(1, 6) }, () => indicator(ctx, 1, maxDepth));
  const n = roots.reduce((t, r) => t + r.n, 0);
  const total = units(n, wd);
  const def: Obj = {
    id: `random-${rng.int(0, 1e6)}`,
    name: '随机指标体系',
    scope: rng.pick(['project', 'department-overall', 'other']),
    total: num(rng, total),
  };
  if (rng.chance(0.3)) def['version'] = '2024';
  if (rng.chance(0.2)) def['year'] = rng.int(2015, 2030);
  def['inputs'] = ctx.inputs;
  def['indicators'] = roots.map((r) => r.node);

  // Not-applicable policies on some nodes.
  if (rng.chance(0.3)) {
    const stack: Obj[] = roots.map((r) => r.node);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (rng.chance(0.15)) node['notApplicable'] = policy(rng, ctx.ids.filter((x) => x !== node['id']));
      const ch = node['children'];
      if (Array.isArray(ch)) stack.push(...(ch as Obj[]));
    }
  }

  if (rng.chance(0.4)) {
    const adjustments: Obj[] = [];
    for (let i = rng.int(1, 3); i > 0; i--) {
      const id = `adj${ctx.next++}`;
      const kind = rng.pick(['deduction', 'bonus', 'veto']);
      if (kind === 'veto') {
        adjustments.push({ kind, id, name: `否决${id}`, when: condition(ctx), effect: rng.pick(['lowest-grade', 'zero-total', 'both']) });
      } else {
        adjustments.push({ kind, id, name: `调整${id}`, max: num(rng, rng.pick([1, 2, 5, 10, 20, 100])), amount: rng.chance(0.9) ? { input: declare(ctx, 'number') } : expr(ctx) });
      }
    }
    def['adjustments'] = adjustments;
  }

  // Grade bands: 0 and a few increasing cut points below the total.
  const cuts = total > 0 ? [...new Set(Array.from({ length: rng.int(0, 3) }, () => units(Math.floor(rng.float() * n), wd)))].filter((c) => c > 0).sort((a, b) => b - a) : [];
  def['grades'] = [...cuts.map((c, i) => ({ label: `等级${i}`, min: num(rng, c, wd) })), { label: '最低', min: 0 }];
  if (rng.chance(0.5)) (def['grades'] as Obj[]).reverse();

  const options: Obj = {};
  if (rng.chance(0.5)) options['precision'] = rng.int(Math.max(wd, 0), Math.min(wd + 3, 10));
  else if (wd > 2) options['precision'] = wd;
  if (rng.chance(0.3)) options['rounding'] = rng.pick(['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil']);
  if (rng.chance(0.3)) options['roundAt'] = rng.pick(['leaf', 'total']);
  if (rng.chance(0.2)) options['notApplicable'] = policy(rng, ctx.ids);
  if (rng.chance(0.2)) options['bonusAboveTotal'] = rng.chance(0.5);
  if (Object.keys(options).length > 0 || rng.chance(0.2)) def['options'] = options;
  if (rng.chance(0.2)) def['notes'] = '随机生成';

  const values: Obj = {};
  for (const [name, need] of ctx.needs) if (rng.chance(0.97)) values[name] = valueFor(rng, need);
  const inputs: Obj = { values };
  if (rng.chance(0.25)) inputs['notApplicable'] = ctx.ids.filter(() => rng.chance(0.2));
  return { source: 'random', def, inputs };
}

/** Values for a definition read loosely (used for examples without an evaluation file). */
export function valuesForDefinition(rng: Rng, def: unknown): Obj {
  const values: Obj = {};
  if (def === null || typeof def !== 'object') return values;
  const d = def as Obj;
  const decls = d['inputs'];
  if (decls !== null && typeof decls === 'object') {
    for (const [name, decl] of Object.entries(decls as Obj)) {
      const t = (decl as Obj | null)?.['type'];
      if (t === 'number' || t === 'percent' || t === 'fraction' || t === 'boolean') values[name] = valueFor(rng, { type: t });
    }
  }
  const stack: unknown[] = Array.isArray(d['indicators']) ? [...(d['indicators'] as unknown[])] : [];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== 'object') continue;
    const o = node as Obj;
    if (Array.isArray(o['children'])) stack.push(...(o['children'] as unknown[]));
    const r = o['rule'] as Obj | undefined;
    const id = o['id'];
    if (r === undefined || r === null || typeof id !== 'string') continue;
    const w = Number(o['weight']);
    if (r['kind'] === 'manual') values[typeof r['input'] === 'string' ? r['input'] : id] = valueFor(rng, { type: 'score', max: Number.isFinite(w) ? w : 1 });
  }
  return values;
}
