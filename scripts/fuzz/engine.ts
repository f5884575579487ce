/**
 * The in-process fuzz loop: makes case N from (seed, N), runs it, reports findings. It runs inside a worker
 * thread (see run.ts) so that a case that hangs or exhausts the heap can be stopped and recorded.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { runCase, type FailureKind } from './check.js';
import { mutateOnce, type Box } from './mutate.js';
import { Rng } from './rng.js';
import { encode, isJsonValue } from './serialize.js';
import { exampleSeed, randomSeed } from './sources.js';

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly def: unknown;
  readonly inputs: unknown;
}

/** Case `index` of run `seed`: the same pair always gives the same case. */
export function makeCase(seed: number, index: number): FuzzCase {
  const rng = new Rng(seed, index);
  const start = rng.chance(0.45) ? exampleSeed(rng) : randomSeed(rng);
  const box: Box = { def: start.def, inputs: start.inputs };
  // 10% unmutated, 40% inputs (the framework kept valid as far as possible), 50% anything.
  const mode = rng.weighted<'none' | 'inputs' | 'any'>([[1, 'none'], [4, 'inputs'], [5, 'any']]);
  const count = mode === 'none' ? 0 : rng.geometric(1, 8, 0.45);
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) mutations.push(mutateOnce(rng, box, mode === 'inputs' ? 'inputs' : 'any'));
  return { seed, index, source: start.source, mutations, def: box.def, inputs: box.inputs };
}

/** The JSON written to .tmp/fuzz-failures/<index>.json. */
export function caseRecord(c: FuzzCase, extra: Record<string, unknown>): string {
  return JSON.stringify(
    {
      reproduce: `node --import tsx scripts/fuzz.ts --seed ${c.seed} --case ${c.index}`,
      seed: c.seed,
      case: c.index,
      source: c.source,
      mutations: c.mutations,
      ...extra,
      def: encode(c.def),
      inputs: encode(c.inputs),
    },
    null,
    1,
  );
}

export interface FailureEvent {
  readonly type: 'failure';
  readonly kind: FailureKind;
  readonly signature: string;
  readonly detail: string;
  readonly index: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly json: boolean;
  readonly ms: number;
  /** The case as JSON, only for the first few failures of each signature seen by this worker. */
  readonly record?: string;
}

export interface Stats {
  cases: number;
  validated: number;
  evaluatedOk: number;
  evaluatedIssues: number;
  evaluatedPartial: number;
  unmutated: number;
  /** Unmutated random frameworks that failed validation (a generator weakness, not a jixiao bug). */
  unmutatedRandomRejected: number;
  unmutatedRandomRejectedExample: number;
  jixiaoMs: number;
  slowestMs: number;
  slowestIndex: number;
  harnessErrors: number;
  harnessErrorExamples: string[];
  skippedCopies: number;
  /** cases over the time limit whose rerun was within it (not counted as failures) */
  unconfirmedSlow: number;
}

export const emptyStats = (): Stats => ({
  cases: 0,
  validated: 0,
  evaluatedOk: 0,
  evaluatedIssues: 0,
  evaluatedPartial: 0,
  unmutated: 0,
  unmutatedRandomRejected: 0,
  unmutatedRandomRejectedExample: -1,
  jixiaoMs: 0,
  slowestMs: 0,
  slowestIndex: -1,
  harnessErrors: 0,
  harnessErrorExamples: [],
  skippedCopies: 0,
  unconfirmedSlow: 0,
});

export interface HeapEvent {
  readonly type: 'heap';
  readonly afterCases: number;
  /** process.memoryUsage().heapUsed at the sample, MB */
  readonly heapUsedMb: number;
  /** the same after a full GC, MB (what is really retained) */
  readonly retainedMb: number;
}

export type WorkerEvent =
  | FailureEvent
  | HeapEvent
  | { readonly type: 'progress'; readonly stats: Stats }
  | { readonly type: 'done'; readonly stats: Stats };

export interface RangeOptions {
  readonly seed: number;
  /** first index, last index (exclusive), step between indices */
  readonly start: number;
  readonly end: number;
  readonly stride: number;
  readonly slowMs: number;
  readonly heapSampleEvery: number;
  readonly recordsPerSignature: number;
  readonly progressEvery: number;
}

function gcFunction(): (() => void) | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs cases start, start+stride, … < end. `heartbeat[0]` holds the index being run and `heartbeat[1]` the
 * Date.now() it started at (both -1 between cases), for the watchdog in the parent thread.
 */
export function runRange(opts: RangeOptions, emit: (e: WorkerEvent) => void, heartbeat?: Float64Array): Stats {
  const stats = emptyStats();
  const recorded = new Map<string, number>();
  const gc = gcFunction();
  const sampleHeap = (): void => {
    const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
    gc?.();
    emit({ type: 'heap', afterCases: stats.cases, heapUsedMb, retainedMb: process.memoryUsage().heapUsed / 2 ** 20 });
  };
  sampleHeap();
  for (let index = opts.start; index < opts.end; index += opts.stride) {
    if (heartbeat !== undefined) {
      heartbeat[0] = index;
      heartbeat[1] = Date.now();
    }
    const c = makeCase(opts.seed, index);
    let out = runCase(c.def, c.inputs, { slowMs: opts.slowMs });
    stats.jixiaoMs += out.ms;
    let ms = out.ms;
    if (out.findings.some((f) => f.kind === 'slow')) {
      // Confirm on a fresh copy of the case: a GC pause or a busy machine must not make a failure.
      const again = makeCase(opts.seed, index);
      if (heartbeat !== undefined) heartbeat[1] = Date.now();
      const rerun = runCase(again.def, again.inputs, { slowMs: opts.slowMs });
      ms = Math.min(out.ms, rerun.ms);
      if (rerun.ms <= opts.slowMs) {
        stats.unconfirmedSlow++;
        out = { ...out, findings: out.findings.filter((f) => f.kind !== 'slow') };
      } else {
        out = { ...out, findings: out.findings.map((f) => (f.kind === 'slow' ? { ...f, detail: `${f.detail}; again ${rerun.ms.toFixed(0)} ms` } : f)) };
      }
    }
    if (heartbeat !== undefined) heartbeat[1] = -1;
    stats.cases++;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestIndex = index;
    }
    if (out.validated) stats.validated++;
    stats.skippedCopies += out.skippedCopies;
    if (out.evaluated === 'ok') stats.evaluatedOk++;
    if (out.evaluated === 'issues') stats.evaluatedIssues++;
    if (out.evaluated === 'partial') stats.evaluatedPartial++;
    if (c.mutations.length === 0) {
      stats.unmutated++;
      if (c.source === 'random' && !out.validated) {
        stats.unmutatedRandomRejected++;
        if (stats.unmutatedRandomRejectedExample < 0) stats.unmutatedRandomRejectedExample = index;
      }
    }
    if (out.harnessErrors.length > 0) {
      stats.harnessErrors++;
      if (stats.harnessErrorExamples.length < 5) stats.harnessErrorExamples.push(`case ${index}: ${out.harnessErrors[0] ?? ''}`);
    }
    if (out.findings.length > 0) {
      let json: boolean | undefined;
      const seen = new Set<string>();
      for (const f of out.findings) {
        const key = `${f.kind}|${f.signature}`;
        if (seen.has(key)) continue; // one finding per signature per case
        seen.add(key);
        json ??= isJsonValue(c.def) && isJsonValue(c.inputs);
        const n = recorded.get(key) ?? 0;
        recorded.set(key, n + 1);
        let record: string | undefined;
        if (n < opts.recordsPerSignature) {
          try {
            record = caseRecord(c, { kind: f.kind, signature: f.signature, detail: f.detail, jsonInputs: json, ms });
          } catch (e) {
            record = JSON.stringify({ seed: c.seed, case: c.index, kind: f.kind, signature: f.signature, detail: f.detail, note: `case not serialisable: ${String(e)}` });
          }
        }
        emit({ type: 'failure', kind: f.kind, signature: f.signature, detail: f.detail, index, source: c.source, mutations: c.mutations, json, ms, ...(record !== undefined ? { record } : {}) });
      }
    }
    if (stats.cases % opts.progressEvery === 0) emit({ type: 'progress', stats: { ...stats, harnessErrorExamples: [...stats.harnessErrorExamples] } });
    // A first sample once warm (the baseline for growth), then every heapSampleEvery cases.
    if (stats.cases % opts.heapSampleEvery === 0 || stats.cases === Math.min(1000, opts.heapSampleEvery)) sampleHeap();
  }
  sampleHeap();
  emit({ type: 'done', stats });
  return stats;
}
