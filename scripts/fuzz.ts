/**
 * Fuzzing jixiao: `npm run fuzz -- [--runs N] [--seed S] [--workers W] …`
 *
 * Mutates the example frameworks/evaluations in examples/ and random valid frameworks, and checks that
 * validateFramework / safeEvaluate (on the framework, a structuredClone of it and a JSON copy of it) /
 * formatScoreTable never throw, never take more than a second, do not grow the heap without bound, and
 * return sheets that reconcile. See scripts/fuzz/README.md.
 *
 * Exit code 0 when no failure was found, 1 otherwise, 2 on a usage error.
 */
import { isDeepStrictEqual } from 'node:util';
import { runCase } from './fuzz/check.js';
import { makeCase } from './fuzz/engine.js';
import { preview } from './fuzz/mutate.js';
import { encode } from './fuzz/serialize.js';
import { DEFAULT_FAILURE_DIR, defaultWorkers, formatSummary, runFuzz, totalFailures } from './fuzz/run.js';

const USAGE = `usage: node --import tsx scripts/fuzz.ts [options]
  --runs N               cases to run (default 1,000,000)
  --seed S               run seed, an unsigned 32-bit integer (default: random, printed)
  --workers W            worker threads (default ${defaultWorkers()}, i.e. cores − 1, at most 4)
  --slow-ms MS           a case slower than this is a failure (default 1000)
  --hang-ms MS           a case still running after this is killed and recorded (default 5000)
  --worker-heap-mb MB    heap limit of each worker; exceeding it is recorded as a crash (default 1024)
  --heap-every N         sample the heap every N cases (default 10000)
  --heap-growth-mb MB    retained-heap growth that counts as unbounded (default 100)
  --files-per-signature N  failure files written per distinct failure (default 5)
  --out DIR              failure files directory (default .tmp/fuzz-failures)
  --case N               run only case N of --seed S in this process and print it (to reproduce a failure)
  --json                 print the summary as JSON`;

function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (a === '--json') {
      out.set('json', 'true');
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (m === null) usage(`unexpected argument ${a}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) usage(`missing value for --${m[1]}`);
    out.set(m[1] ?? '', value);
  }
  return out;
}

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function int(args: Map<string, string>, name: string, fallback: number, min = 0): number {
  const v = args.get(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be an integer ≥ ${min}`);
  return n;
}

const args = parseArgs(process.argv.slice(2));
const known = new Set(['runs', 'seed', 'workers', 'slow-ms', 'hang-ms', 'worker-heap-mb', 'heap-every', 'heap-growth-mb', 'files-per-signature', 'out', 'case', 'json']);
for (const k of args.keys()) if (!known.has(k)) usage(`unknown option --${k}`);

const seed = int(args, 'seed', Math.floor(Math.random() * 2 ** 32));
if (seed >= 2 ** 32) usage('--seed must be below 2^32');

if (args.has('case')) {
  // Reproduce one case in this process.
  const index = int(args, 'case', 0);
  const c = makeCase(seed, index);
  console.log(`case ${index} of seed ${seed}: ${c.source}`);
  for (const m of c.mutations) console.log(`  mutation: ${m}`);
  const out = runCase(c.def, c.inputs, { slowMs: int(args, 'slow-ms', 1000, 1) });
  console.log(`  ${out.ms.toFixed(1)} ms in jixiao; framework ${out.validated ? 'valid' : 'rejected'}${out.evaluated !== undefined ? `; evaluation ${out.evaluated}` : ''}`);
  for (const f of out.findings) console.log(`  [${f.kind}] ${f.signature}\n      ${f.detail.split('\n').join('\n      ')}`);
  for (const h of out.harnessErrors) console.log(`  checker error: ${h}`);
  const again = makeCase(seed, index);
  if (!isDeepStrictEqual(encode(again.def), encode(c.def))) console.log('  warning: the case did not regenerate identically');
  if (process.env['FUZZ_PRINT_CASE'] !== undefined) console.log(JSON.stringify({ def: encode(c.def), inputs: encode(c.inputs) }, null, 1));
  else console.log(`  inputs: ${preview(encode(c.inputs))} (FUZZ_PRINT_CASE=1 prints the whole case)`);
  process.exit(out.findings.length > 0 ? 1 : 0);
}

const failureDir = args.get('out') ?? DEFAULT_FAILURE_DIR;
const runs = int(args, 'runs', 1_000_000, 1);
console.error(`fuzzing ${runs.toLocaleString('en-US')} cases, seed ${seed}; failures go to ${failureDir}`);
const summary = await runFuzz({
  runs,
  seed,
  workers: int(args, 'workers', defaultWorkers(), 1),
  slowMs: int(args, 'slow-ms', 1000, 1),
  hangMs: int(args, 'hang-ms', 5_000, 1),
  workerHeapMb: int(args, 'worker-heap-mb', 1024, 64),
  heapSampleEvery: int(args, 'heap-every', 10_000, 1),
  heapGrowthMb: int(args, 'heap-growth-mb', 100, 1),
  filesPerSignature: int(args, 'files-per-signature', 5, 0),
  failureDir,
  onProgress: (p) => {
    const rate = p.done / Math.max(p.elapsedMs / 1000, 1e-3);
    console.error(`  … ${p.done.toLocaleString('en-US')} / ${p.runs.toLocaleString('en-US')} cases, ${rate.toFixed(0)}/s, ${p.failures} failing cases so far`);
  },
});
if (args.has('json')) console.log(JSON.stringify(summary, null, 1));
else console.log(formatSummary(summary, { failureDir: `${failureDir.replace(/\/?$/, '/')}` }));
process.exitCode = totalFailures(summary) > 0 ? 1 : 0;
