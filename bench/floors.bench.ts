/**
 * 下限：速度目标与实现各部分的耗时对照。Floors: what parts of the work cost on their own, set against the speed goals
 * of the fast and explained paths, so that a goal can be told apart from the code that misses it. In one process,
 * on the records of bench/fixtures/mixed30.ts (30 indicators, every common rule kind):
 *
 * 1. the fast path against the plain-float hand loop, and the 30 rule kernels alone: each record's inputs read
 *    beforehand into slots (as `evaluate` reads them) in scaled integers, then only the kernels run
 *    (no reading, no tree, no result), all in one loop, and each kernel in a loop of its own;
 * 2. the explained path (`evaluate`) against the decimal.js hand loop, and `evaluate` built without its sentences
 *    (the two sentence functions return "") and without its sheet (`buildSheet` returns nothing): what reading,
 *    arithmetic and the sheet each take;
 * 3. records with many inputs: per key, listing a record's own keys (`Object.keys`, which any reader that reports an
 *    undeclared input must do) and reading each value by name, at 42 and at 14,028 keys.
 *
 * The library is bundled from the sources here with esbuild (as tsup bundles dist/, so no per-call helpers of a
 * transpiler count), once for part 1 and once for each variant of part 2, so that no variant's code has run another's.
 * Prints figures; checks nothing. Not a timed test.
 *
 * Run: npm run bench:floors
 */
import { createRequire } from 'node:module';
import type * as Jixiao from '../src/index.js';
import type { EvaluationInputs } from '../src/index.js';
import { decimalLoop, definition, floatLoop, makeRecords } from './fixtures/mixed30.js';

interface Esbuild {
  build(options: object): Promise<{ outputFiles: { text: string }[] }>;
}
interface PluginBuild {
  onLoad(options: { filter: RegExp }, callback: () => { contents: string; loader: string }): void;
}

// esbuild is tsup's own dependency; resolved from tsup so that this does not rely on hoisting.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup/package.json'))('esbuild') as Esbuild;
const root = new URL('..', import.meta.url).pathname;

/** The internals this benchmark reaches (not part of the public API). */
type Internals = typeof Jixiao & typeof import('./floors-entry.js');

/** The library bundled from the sources, with the modules matching `stub` replaced by `contents`. */
async function load(stub?: { readonly filter: RegExp; readonly contents: string }): Promise<Internals> {
  const plugins = stub === undefined ? [] : [{ name: 'stub', setup: (build: PluginBuild) => build.onLoad({ filter: stub.filter }, () => ({ contents: stub.contents, loader: 'ts' })) }];
  const result = await esbuild.build({ entryPoints: [`${root}bench/floors-entry.ts`], bundle: true, format: 'esm', platform: 'node', write: false, plugins, logLevel: 'silent' });
  const code = (result.outputFiles[0] as { text: string }).text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Internals;
}

const quick = process.argv.includes('--quick');
const MS = quick ? 300 : 1500;
const ROUNDS = quick ? 1 : 5;

/**
 * µs per call of each `f(i)`, i cycling over `n` items: after a warm-up, `ROUNDS` rounds in which each function runs one
 * window (together `share` of `MS`) in turn, and each function's best window counts, so that a slow moment of a shared
 * machine lowers one window of every function rather than one function's whole figure.
 */
function times(fs: readonly ((i: number) => unknown)[], n: number, share = 1): number[] {
  for (const f of fs) for (let i = 0; i < Math.max(2000, n); i++) f(i % n);
  const best = fs.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    fs.forEach((f, k) => {
      let calls = 0;
      const start = performance.now();
      let now = start;
      while (now - start < (MS * share) / ROUNDS) {
        for (let i = 0; i < n; i++) f(i);
        calls += n;
        now = performance.now();
      }
      best[k] = Math.min(best[k] as number, ((now - start) * 1000) / calls);
    });
  }
  return best;
}

/** µs per call of one function (see `times`). */
const us = (f: (i: number) => unknown, n: number, share = 1): number => times([f], n, share)[0] as number;

const line = (label: string, value: number, base: number, unit = 'µs'): void =>
  console.log(`${label.padEnd(66)} ${value.toFixed(2).padStart(8)} ${unit}  ${(value / base).toFixed(2).padStart(6)}×`);

const lib = await load();
const records = makeRecords(200, 7) as EvaluationInputs[];
const values = records.map((r) => r.values as never) as never[];

// 1. The fast path and its kernels.
{
  const framework = lib.defineFramework(definition);
  const scorer = lib.createScorer(framework);
  const parsed = lib.parsedFrameworkOf(framework);
  if (!parsed.ok || scorer.scale === null) throw new Error('mixed30 has no fast path');
  const c = lib.scaledCalculator({ scale: scorer.scale, precision: scorer.options.precision, snapThenRound: scorer.options.roundAt === 'leaf' });
  const compiled = lib.compile(parsed.value, c);
  const leaves = lib.leavesOf(compiled);
  const envs = records.map((r) => lib.envOf(parsed.value, c, r.values));
  const t = lib.newTrace(false);
  let unscored = 0;
  const kernels = (i: number): void => {
    const env = envs[i] as (typeof envs)[number];
    for (const leaf of leaves) if (leaf.kernel?.(env, t, leaf.weight) === undefined) unscored++;
  };
  const [float, fast, alone] = times([(i) => floatLoop(values[i] as never), (i) => scorer.score(records[i] as EvaluationInputs), kernels], records.length) as [number, number, number];
  // Each kernel in a loop of its own (no other kernel runs between its calls), the times summed.
  const each = leaves.reduce((sum, leaf) => sum + us((i) => leaf.kernel?.(envs[i] as (typeof envs)[number], t, leaf.weight), records.length, 0.1), 0);
  console.log('1. fast path, 30 indicators (µs per record; × the plain-float loop)');
  line('plain JS numbers, hand loop (inexact)', float, float);
  line('goal: the fast path at 1/3 of the float loop', float * 3, float);
  line('the 30 rule kernels alone (scaled integers, inputs read)', alone, float);
  line('  the same, each kernel timed in a loop of its own (sum)', each, float);
  line('jixiao fast path (createScorer().score)', fast, float);
  if (unscored > 0) console.log(`   (a kernel left ${unscored} leaves unscored: the env above is not what the fast path reads)`);
}

// 2. The explained path, whole and without its parts.
{
  const noSentences = await load({ filter: /explain[\\/]nodeText\.ts$/, contents: 'export const nodeSentence = () => ""; export const adjustmentSentence = () => "";' });
  const noSheet = await load({ filter: /evaluate[\\/]buildSheet\.ts$/, contents: 'export function buildSheet() { return undefined; }' });
  // A bundle of its own for each variant, used by `evaluate` alone: the bundle of part 1 has run its kernels on both calculators.
  const whole = await load();
  const variants = [whole, noSentences, noSheet].map((l) => ({ l, framework: l.defineFramework(definition) }));
  const evaluations = variants.map(({ l, framework }) => (i: number) => l.evaluate(framework, records[i] as EvaluationInputs));
  const [decimal, full, withoutSentences, withoutSheet] = times([(i) => decimalLoop(values[i] as never), ...evaluations], records.length) as [number, number, number, number];
  console.log('\n2. explained path, 30 indicators (µs per record; × the decimal.js loop)');
  line('decimal.js, hand loop (exact; the goal: evaluate as fast)', decimal, decimal);
  line('evaluate without the sheet (inputs, weights, tree, adjustments)', withoutSheet, decimal);
  line('evaluate without its sentences', withoutSentences, decimal);
  line('evaluate (full sheet with sentences)', full, decimal);
  line('  of which: the sentences', full - withoutSentences, decimal);
  line('  of which: the sheet with its sentences', full - withoutSheet, decimal);
}

// 3. Records of many inputs: listing their keys against reading them.
{
  console.log('\n3. one record of many inputs (ns per key; × reading the key by name at 42 keys)');
  let base = 0;
  let sink = 0;
  for (const copies of [1, 334]) {
    const many = values.map((v) => Object.fromEntries(Array.from({ length: copies }, (_, k) => Object.entries(v as object).map(([n, x]) => [copies === 1 ? n : `${n}~${k}`, x as unknown])).flat()));
    const names = Object.keys(many[0] as object);
    const [read, listed] = times(
      [
        (i) => {
          const record = many[i] as { [name: string]: unknown };
          for (const name of names) if (record[name] !== undefined) sink++;
        },
        (i) => (sink += Object.keys(many[i] as object).length),
      ],
      many.length,
    ).map((t) => (t * 1000) / names.length) as [number, number];
    if (copies === 1) base = read;
    line(`${names.length} keys: read each value by name`, read, base, 'ns');
    line(`${names.length} keys: list the own keys (Object.keys)`, listed, base, 'ns');
  }
  if (sink < 0) console.log(sink);
}
