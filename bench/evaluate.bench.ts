/**
 * 基准：同一进程、同一批记录上，对照手写浮点循环、手写 decimal.js 循环、jixiao 快速路径与完整打分表。
 * Benchmark, in one process and on the same records: a plain-float hand loop, a decimal.js hand loop, the jixiao
 * fast path (`createScorer().score`) and the explained path (`evaluate`, the full sheet with sentences), with
 * ratios; on (a) a 30-indicator framework mixing every common rule kind (bench/fixtures/mixed30.ts) and (b) the
 * 攀枝花 2024 framework; then µs per indicator at 30 / 300 / 3,000 / 10,000 indicators, and bytes allocated per
 * evaluation. Prints figures; checks only that the exact paths agree (exit code 1 if not). Not a timed test.
 * Each figure is the best of 5 windows, the engines of a table taking their windows in turn (see `rates`).
 *
 * Run: npm run bench            (builds dist/; the allocation figures run in a child with --expose-gc and a 128 MB semi-space)
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { parse } from 'yaml';
import type * as Jixiao from '../src/index.js';
import type { EvaluationInputs, FrameworkDefinition } from '../src/index.js';
import { decimalLoop, definition as mixed30, floatLoop, makeRecords, panzhihuaFloatLoop } from './fixtures/mixed30.js';

// The library as it ships (dist/, built by `npm run bench`), not the sources through tsx: what users run. (A path
// the type checker does not resolve, so that type-checking needs no build; the types are the sources'.)
const dist = '../dist/index.js';
const { createScorer, defineFramework, evaluate, scoreMany } = (await import(dist)) as typeof Jixiao;
const quick = process.argv.includes('--quick');
/** The allocation figures run in a child process of their own, with a young generation large enough to hold GC off. */
const allocOnly = process.argv.includes('--alloc');
const inChild = allocOnly || process.argv.includes('--scale');
const MS = quick ? 300 : 1500;

type Engine = (r: EvaluationInputs) => unknown;

/**
 * Rounds of measurement. Each engine runs one window of its time per round, the engines in turn, and its best window
 * counts: a slow moment of a shared machine then lowers one window of every engine instead of one engine's whole figure.
 */
const ROUNDS = quick ? 1 : 5;

/** Evaluations per second of `f` over `records` (cycled) during one window of `ms`. */
function window(f: Engine, records: readonly EvaluationInputs[], ms: number): number {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) f(records[(n + i) % records.length] as EvaluationInputs);
    n += 100;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

/** Evaluations per second of each engine (its function and time), after a warm-up: the best of `ROUNDS` windows, taken in turn. */
function rates(engines: readonly (readonly [Engine, number])[], records: readonly EvaluationInputs[]): number[] {
  for (const [f] of engines) for (let i = 0; i < Math.min(2000, records.length * 4); i++) f(records[i % records.length] as EvaluationInputs);
  const best = engines.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) engines.forEach(([f, ms], i) => (best[i] = Math.max(best[i] as number, window(f, records, ms / ROUNDS))));
  return best;
}

/** Evaluations per second of one engine (see `rates`). */
const rate = (f: Engine, records: readonly EvaluationInputs[], ms = MS): number => rates([[f, ms]], records)[0] as number;

/** The rows of a table: each engine's label, function and time, measured together (see `rates`). */
function measure(rows: readonly (readonly [string, Engine, number?])[], records: readonly EvaluationInputs[]): [string, number][] {
  const r = rates(rows.map(([, f, ms]) => [f, ms ?? MS] as const), records);
  return rows.map(([label], i) => [label, r[i] as number]);
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(10);
let failed = false;

function table(title: string, rows: readonly [string, number][]): void {
  const float = rows[0]?.[1] ?? 1;
  const decimal = rows[1]?.[1] ?? 1;
  console.log(`\n${title}`);
  console.log(`${'engine'.padEnd(44)} ${'evals/s'.padStart(10)}  × float  × decimal.js`);
  for (const [label, r] of rows) console.log(`${label.padEnd(44)} ${fmt(r)}  ${(r / float).toFixed(3).padStart(7)}  ${(r / decimal).toFixed(2).padStart(11)}`);
}

// (a) 30 indicators, every common rule kind.
if (!inChild) {
  const framework = defineFramework(mixed30);
  const scorer = createScorer(framework);
  const records = makeRecords(5000, 1) as EvaluationInputs[];
  let floatWrong = 0;
  let fastPath = 0;
  for (const r of records) {
    const sheet = evaluate(framework, r);
    const fast = scorer.score(r);
    if (fast.path === 'fast') fastPath++;
    if (fast.total !== sheet.total || decimalLoop(r.values as never) !== sheet.total) failed = true;
    if (floatLoop(r.values as never).toFixed(2) !== sheet.total) floatWrong++;
  }
  table(`(a) 30-indicator mixed framework, ${records.length} records (fast path scored ${fastPath}; plain floats wrong on ${floatWrong}, ${((floatWrong / records.length) * 100).toFixed(1)}%)`, measure([
    ['plain JS numbers, hand loop (inexact)', (r) => floatLoop(r.values as never)],
    ['decimal.js, hand loop (exact)', (r) => decimalLoop(r.values as never)],
    ['jixiao fast path (createScorer().score)', (r) => scorer.score(r)],
    ['jixiao explained path (evaluate, full sheet)', (r) => evaluate(framework, r), MS / 2],
  ], records));
}

// (b) 攀枝花 2024: the published example, with the hand loops of a vendor.
if (!inChild) {
  const root = new URL('../examples/panzhihua-2024/', import.meta.url);
  const definition = parse(readFileSync(new URL('framework.yaml', root), 'utf8')) as FrameworkDefinition;
  const evaluation = parse(readFileSync(new URL('evaluation.yaml', root), 'utf8')) as { values: EvaluationInputs['values'] };
  const framework = defineFramework(definition);
  const scorer = createScorer(framework);
  const records = [{ values: evaluation.values }];
  const exact = evaluate(framework, records[0] as EvaluationInputs).total;
  const hand = panzhihuaDecimal(evaluation.values as V);
  if (scorer.score(records[0] as EvaluationInputs).total !== exact || hand !== exact) failed = true;
  table(`(b) 攀枝花 2024 (total ${exact})`, measure([
    ['plain JS numbers, hand loop (inexact)', (r) => panzhihuaFloatLoop(r.values as never)],
    ['decimal.js, hand loop (exact)', (r) => panzhihuaDecimal(r.values as V)],
    ['jixiao fast path (createScorer().score)', (r) => scorer.score(r)],
    ['jixiao explained path (evaluate, full sheet)', (r) => evaluate(framework, r), MS / 2],
  ], records));
}

// Scaling: the 30-indicator framework repeated k times (ids and input names suffixed), each size in a fresh child
// process (`--scale k`) with V8's default heap sizes, so that neither the other sizes' heaps nor the explained path
// measured before change the figure of the next.
const scaleAt = process.argv.indexOf('--scale');
if (scaleAt > 0) {
  const k = Number(process.argv[scaleAt + 1]);
  const { def, records } = repeated(k, makeRecords(200, 2));
  const framework = defineFramework(def);
  const scorer = createScorer(framework);
  const leaves = 30 * k;
  // The same records as rows (as a CSV gives them): cells by position, through one long-lived `scoreMany`.
  const columns = Object.keys((records[0] as EvaluationInputs).values);
  const rows = records.map((r) => columns.map((c) => r.values[c] ?? ''));
  const cycle = function* (): Generator<unknown[]> {
    for (let i = 0; ; i++) yield rows[i % rows.length] as unknown[];
  };
  const batch = scoreMany(scorer, cycle(), { columns });
  const [fast, fromRows] = rates([[(r) => scorer.score(r), MS], [() => batch.next(), MS]], records);
  const [fromRow] = scoreMany(scorer, [rows[0] as unknown[]], { columns });
  const fromObject = scorer.score(records[0] as EvaluationInputs);
  if (fromObject.path !== 'fast' || fromRow?.path !== 'fast' || fromRow.total !== fromObject.total) failed = true;
  const explained = leaves <= 3000 ? rate((r) => evaluate(framework, r), records, MS / 2) : NaN;
  const us = (r: number | undefined): string => (r === undefined || Number.isNaN(r) ? '—' : (1e6 / r / leaves).toFixed(3));
  console.log(`${String(leaves).padStart(6)} indicators: fast ${us(fast).padStart(7)} µs   rows ${us(fromRows).padStart(7)} µs   explained ${us(explained).padStart(7)} µs`);
} else if (!allocOnly) {
  console.log('\nµs per indicator (fast path: records as objects, and as rows through scoreMany; explained path up to 3,000; each size in a fresh process)');
  const { spawnSync } = await import('node:child_process');
  for (const k of quick ? [1, 10] : [1, 10, 100, 334]) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--scale', String(k), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
    if (child.status !== 0) failed = true;
  }
}

// Bytes allocated per evaluation (young-generation growth with GC held off): in a child process started with
// --expose-gc and a 128 MB young generation.
if (!allocOnly && scaleAt < 0) {
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, ['--expose-gc', '--min-semi-space-size=128', '--max-semi-space-size=128', '--import', 'tsx', new URL(import.meta.url).pathname, '--alloc'], { stdio: 'inherit' });
  if (child.status !== 0) failed = true;
} else if (allocOnly) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) console.log('\nbytes per evaluation: run with --expose-gc (npm run bench does)');
  else {
    const framework = defineFramework(mixed30);
    const scorer = createScorer(framework);
    const records = makeRecords(200, 3) as EvaluationInputs[];
    const bytes = (f: (r: EvaluationInputs) => unknown, n: number): number => {
      // Warmed up first (as in the rate measurements), so that optimised code is measured, not the interpreter.
      for (let i = 0; i < 3000; i++) f(records[i % records.length] as EvaluationInputs);
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < n; i++) f(records[i % records.length] as EvaluationInputs);
      return (process.memoryUsage().heapUsed - before) / n;
    };
    console.log('\nbytes allocated per evaluation (30-indicator framework; heap growth without GC, approximate)');
    console.log(`  decimal.js hand loop   ${fmt(bytes((r) => decimalLoop(r.values as never), 200))}`);
    console.log(`  jixiao fast path       ${fmt(bytes((r) => scorer.score(r), 200))}`);
    console.log(`  jixiao explained path  ${fmt(bytes((r) => evaluate(framework, r), 50))}`);
  }
}

if (failed) {
  console.error('\nexact paths disagree (fast path, explained path, decimal.js loop): see above');
  process.exitCode = 1;
}

type V = { [k: string]: unknown };

/** The framework repeated k times, and the records to match. */
function repeated(k: number, base: readonly { values: Record<string, unknown> }[]): { def: FrameworkDefinition; records: EvaluationInputs[] } {
  if (k === 1) return { def: mixed30, records: base as EvaluationInputs[] };
  const names = new Set<string>(Object.keys(mixed30.inputs ?? {}));
  const ids = (nodes: readonly unknown[]): void => {
    for (const n of nodes as { id: string; children?: unknown[] }[]) {
      names.add(n.id);
      if (n.children !== undefined) ids(n.children);
    }
  };
  ids(mixed30.indicators);
  for (const a of mixed30.adjustments ?? []) names.add(a.id);
  const text = JSON.stringify(mixed30);
  const copy = (i: number): FrameworkDefinition => JSON.parse(text.replace(/"([^"\\]+)"/g, (m, s: string) => (names.has(s) ? `"${s}~${i}"` : m))) as FrameworkDefinition;
  const copies = Array.from({ length: k }, (_, i) => copy(i));
  const def: FrameworkDefinition = {
    ...mixed30,
    id: `${mixed30.id}-x${k}`,
    total: 100 * k,
    inputs: Object.assign({}, ...copies.map((c) => c.inputs)) as NonNullable<FrameworkDefinition['inputs']>,
    indicators: copies.flatMap((c) => c.indicators),
    adjustments: copies.flatMap((c) => c.adjustments ?? []),
  };
  const records = base.map((r) => ({ values: Object.fromEntries(copies.flatMap((_, i) => Object.entries(r.values).map(([n, v]) => [`${n}~${i}`, v]))) })) as EvaluationInputs[];
  return { def, records };
}

/** The 攀枝花 scores written by hand with decimal.js, the way a vendor would. */
function panzhihuaDecimal(v: V): string {
  const D = Decimal.clone({ precision: 50 });
  const num = (x: unknown): Decimal => {
    const s = String(x).trim();
    return s.endsWith('%') ? new D(s.slice(0, -1)).div(100) : new D(s);
  };
  const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const full = (w: number, ok: boolean): Decimal => new D(ok ? w : 0);
  const leaves: Decimal[] = [];
  leaves.push(r2(num(v['core-targets-met']).times(15).div(num(v['core-targets-set'])).clamp(0, 15)));
  leaves.push(num(v['budget-preparation']));
  leaves.push(full(4, num(v['non-tax-income']).gte(num(v['initial-budget-income'])) && v['subsidy-ratio-below-approved'] === true));
  leaves.push(num(v['spending-progress']));
  leaves.push(num(v['year-end-balance']));
  leaves.push(full(5, num(v['general-spending-budget']).lte(num(v['general-spending-budget-last-year'])) && num(v['general-spending-executed']).lte(num(v['general-spending-executed-last-year']))));
  leaves.push(num(v['finance-rules']));
  leaves.push(full(2, v['finance-posts-compliant'] === true));
  leaves.push(full(4, v['fund-use-compliant'] === true));
  const change = num(v['per-capita-asset-change']);
  leaves.push(full(3, change.lte(0) || change.lte(num(v['per-capita-asset-change-city']))));
  for (const k of ['furniture', 'equipment']) {
    const rel = num(v[`${k}-utilization-unit`]).div(num(v[`${k}-utilization-city`]));
    leaves.push(rel.lt(0.6) ? new D('0.3') : new D('1.5'));
  }
  leaves.push(num(v['idle-assets']).isZero() ? new D(3) : r2(num(v['idle-assets-revitalized']).times(3).div(num(v['idle-assets'])).clamp(0, 3)));
  leaves.push(num(v['sme-support']));
  leaves.push(r2(num(v['procurement-execution-rate']).clamp(0, 1).times(3)));
  leaves.push(full(4, v['decision-procedure-compliant'] === true));
  leaves.push(num(v['target-setting']));
  leaves.push(full(4, v['projects-registered-on-time'] === true));
  leaves.push(full(4, v['spending-matches-targets'] === true));
  leaves.push(full(4, v['adjustment-measures-taken'] === true));
  leaves.push(full(4, num(v['projects-execution-not-above-90']).isZero()));
  leaves.push(r2(num(v['quantity-target-completion-rate']).clamp(0, 1).times(4)));
  leaves.push(full(4, num(v['quantity-targets-deviating-over-30']).isZero()));
  leaves.push(r2(num(v['benefit-effect-rate']).clamp(0, 1).times(3)));
  const subtotal = leaves.reduce((a, b) => a.plus(b), new D(0));
  const deduction = D.min(num(v['cooperation-deduction']), 10);
  return D.max(subtotal.minus(deduction), 0).toFixed(2);
}
