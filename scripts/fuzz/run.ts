/**
 * Runs a fuzz campaign in worker threads with a watchdog: a case that runs past `hangMs` or exhausts the
 * worker's heap is recorded (as `slow` / `crash`) and the run goes on from the next case in a new worker.
 * Used by scripts/fuzz.ts (`npm run fuzz`) and test/fuzz/fuzz.test.ts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FailureKind } from './check.js';
import { caseRecord, emptyStats, makeCase, type RangeOptions, type Stats, type WorkerEvent } from './engine.js';

export const FAILURE_KINDS: readonly FailureKind[] = ['throw', 'crash', 'slow', 'heap', 'invariant', 'clone-mismatch'];

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  /** worker threads (default 1) */
  readonly workers?: number;
  /** a case slower than this is a failure (default 1000 ms) */
  readonly slowMs?: number;
  /** a case still running after this is killed and recorded as slow (default 5,000 ms) */
  readonly hangMs?: number;
  /** old-generation heap limit of each worker; exceeding it is a crash (default 1024 MB) */
  readonly workerHeapMb?: number;
  /** heap sample interval in cases (default 10,000) */
  readonly heapSampleEvery?: number;
  /** retained-heap growth, after a full GC, that counts as unbounded (default 100 MB) */
  readonly heapGrowthMb?: number;
  /** where to write <case>.json per failure; undefined writes nothing */
  readonly failureDir?: string | undefined;
  /** at most this many files per failure signature (default 5) */
  readonly filesPerSignature?: number;
  readonly onProgress?: (p: { done: number; runs: number; elapsedMs: number; failures: number }) => void;
}

export interface FailureGroup {
  readonly kind: FailureKind;
  readonly signature: string;
  count: number;
  /** only cases whose definition or inputs hold non-JSON values (undefined, NaN, functions, class instances…) */
  onlyNonJson: boolean;
  readonly example: { index: number; source: string; mutations: readonly string[]; detail: string; json: boolean; ms: number };
  readonly files: string[];
}

export interface FuzzSummary {
  readonly seed: number;
  readonly runs: number;
  readonly casesRun: number;
  readonly elapsedMs: number;
  readonly casesPerSecond: number;
  /** cases with at least one failure of each kind */
  readonly counts: Record<FailureKind, number>;
  readonly groups: readonly FailureGroup[];
  readonly slowest: { readonly ms: number; readonly index: number };
  readonly maxHeapUsedMb: number;
  readonly retainedMb: { readonly first: number; readonly last: number; readonly max: number };
  readonly stats: Stats;
  readonly workerRestarts: number;
  readonly filesWritten: number;
}

export const DEFAULT_FAILURE_DIR = fileURLToPath(new URL('../../.tmp/fuzz-failures/', import.meta.url));
const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./worker.ts', import.meta.url).href;

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Slot {
  readonly offset: number;
  worker?: Worker;
  heartbeat: Float64Array;
  stats: Stats;
  /** stats of finished segments (a worker that crashed or hung) */
  previous: Stats;
  done: boolean;
  /** first case index of the current worker */
  segStart: number;
  killedForHang?: { index: number; ms: number };
  error?: Error;
  lastIndexByKind: Map<FailureKind, number>;
  segmentHeap: { baseline?: number; reported: boolean };
}

function addStats(a: Stats, b: Stats): Stats {
  return {
    cases: a.cases + b.cases,
    validated: a.validated + b.validated,
    evaluatedOk: a.evaluatedOk + b.evaluatedOk,
    evaluatedIssues: a.evaluatedIssues + b.evaluatedIssues,
    evaluatedPartial: a.evaluatedPartial + b.evaluatedPartial,
    unmutated: a.unmutated + b.unmutated,
    unmutatedRandomRejected: a.unmutatedRandomRejected + b.unmutatedRandomRejected,
    unmutatedRandomRejectedExample: a.unmutatedRandomRejectedExample >= 0 ? a.unmutatedRandomRejectedExample : b.unmutatedRandomRejectedExample,
    jixiaoMs: a.jixiaoMs + b.jixiaoMs,
    slowestMs: Math.max(a.slowestMs, b.slowestMs),
    slowestIndex: a.slowestMs >= b.slowestMs ? a.slowestIndex : b.slowestIndex,
    harnessErrors: a.harnessErrors + b.harnessErrors,
    harnessErrorExamples: [...a.harnessErrorExamples, ...b.harnessErrorExamples].slice(0, 5),
    skippedCopies: a.skippedCopies + b.skippedCopies,
    unconfirmedSlow: a.unconfirmedSlow + b.unconfirmedSlow,
  };
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const o = {
    workers: options.workers ?? 1,
    slowMs: options.slowMs ?? 1000,
    hangMs: options.hangMs ?? 5_000,
    workerHeapMb: options.workerHeapMb ?? 1024,
    heapSampleEvery: options.heapSampleEvery ?? 10_000,
    heapGrowthMb: options.heapGrowthMb ?? 100,
    filesPerSignature: options.filesPerSignature ?? 5,
  };
  const started = Date.now();
  const groups = new Map<string, FailureGroup>();
  const counts = Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>;
  const written = new Set<string>();
  let filesWritten = 0;
  let restarts = 0;
  let maxHeapUsedMb = 0;
  const retained = { first: -1, last: 0, max: 0 };
  const dir = options.failureDir;
  if (dir !== undefined) {
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.endsWith('.json')) rmSync(`${dir}/${f}`);
  }

  const writeRecord = (index: number, record: string, group: FailureGroup): void => {
    if (dir === undefined || group.files.length >= o.filesPerSignature) return;
    let name = `${index}.json`;
    for (let k = 2; written.has(name); k++) name = `${index}-${k}.json`;
    written.add(name);
    writeFileSync(`${dir}/${name}`, record);
    group.files.push(name);
    filesWritten++;
  };

  const record = (
    slot: Slot,
    kind: FailureKind,
    signature: string,
    ex: FailureGroup['example'],
    recordJson: string | undefined,
  ): void => {
    const key = `${kind}|${signature}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { kind, signature, count: 0, onlyNonJson: true, example: ex, files: [] };
      groups.set(key, g);
    }
    g.count++;
    if (ex.json) g.onlyNonJson = false;
    if (slot.lastIndexByKind.get(kind) !== ex.index) {
      slot.lastIndexByKind.set(kind, ex.index);
      counts[kind]++;
    }
    if (recordJson !== undefined) writeRecord(ex.index, recordJson, g);
  };

  const recordFromMain = (slot: Slot, kind: FailureKind, signature: string, index: number, ms: number, detail: string): void => {
    let source = '?';
    let mutations: readonly string[] = [];
    let json = true;
    let rec: string | undefined;
    try {
      const c = makeCase(options.seed, index);
      source = c.source;
      mutations = c.mutations;
      rec = caseRecord(c, { kind, signature, detail, ms });
      json = !rec.includes('"$fuzz"');
    } catch (e) {
      detail += ` (case could not be regenerated: ${String(e)})`;
    }
    record(slot, kind, signature, { index, source, mutations, detail, json, ms }, rec);
  };

  const failuresSoFar = (): number => FAILURE_KINDS.reduce((t, k) => t + counts[k], 0);

  const slots: Slot[] = Array.from({ length: Math.max(1, Math.min(o.workers, options.runs)) }, (_, offset) => ({
    offset,
    heartbeat: new Float64Array(new SharedArrayBuffer(16)).fill(-1),
    stats: emptyStats(),
    previous: emptyStats(),
    done: false,
    segStart: offset,
    lastIndexByKind: new Map(),
    segmentHeap: { reported: false },
  }));
  const stride = slots.length;

  return await new Promise<FuzzSummary>((resolve, reject) => {
    const start = (slot: Slot, from: number): void => {
      slot.heartbeat.fill(-1);
      slot.stats = emptyStats();
      slot.segmentHeap = { reported: false };
      delete slot.killedForHang;
      delete slot.error;
      slot.segStart = from;
      if (from >= options.runs) {
        slot.done = true;
        finish();
        return;
      }
      const range: RangeOptions = {
        seed: options.seed,
        start: from,
        end: options.runs,
        stride,
        slowMs: o.slowMs,
        heapSampleEvery: o.heapSampleEvery,
        recordsPerSignature: dir === undefined ? 0 : o.filesPerSignature,
        progressEvery: 500,
      };
      const w = new Worker(BOOT, {
        workerData: { entry: ENTRY, range, heartbeat: slot.heartbeat.buffer },
        // stackSizeMb 1 ≈ the main thread's stack (984 KB), so `--case N` in the main thread reproduces what the worker saw.
        resourceLimits: { maxOldGenerationSizeMb: o.workerHeapMb, stackSizeMb: 1 },
      });
      slot.worker = w;
      w.on('message', (e: WorkerEvent) => {
        switch (e.type) {
          case 'failure':
            record(slot, e.kind, e.signature, { index: e.index, source: e.source, mutations: e.mutations, detail: e.detail, json: e.json, ms: e.ms }, e.record);
            break;
          case 'progress':
          case 'done':
            slot.stats = e.stats;
            if (e.type === 'done') slot.done = true;
            break;
          case 'heap': {
            maxHeapUsedMb = Math.max(maxHeapUsedMb, e.heapUsedMb);
            if (retained.first < 0) retained.first = e.retainedMb;
            retained.last = e.retainedMb;
            retained.max = Math.max(retained.max, e.retainedMb);
            const h = slot.segmentHeap;
            // Baseline: the first sample taken after some cases ran (caches and compiled code are warm by then).
            if (e.afterCases > 0 && h.baseline === undefined) h.baseline = e.retainedMb;
            else if (h.baseline !== undefined && !h.reported && e.retainedMb - h.baseline > o.heapGrowthMb) {
              h.reported = true;
              record(slot, 'heap', `retained heap grew by more than ${o.heapGrowthMb} MB`, {
                index: slot.heartbeat[0] ?? -1, source: '-', mutations: [], json: true, ms: 0,
                detail: `retained ${h.baseline.toFixed(1)} MB → ${e.retainedMb.toFixed(1)} MB after ${e.afterCases} cases of this worker`,
              }, undefined);
            }
            break;
          }
        }
      });
      w.on('error', (err) => {
        slot.error = err;
      });
      w.on('exit', () => {
        const index = slot.heartbeat[0] ?? -1;
        const caseStart = slot.heartbeat[1] ?? -1;
        // A worker killed mid-run sent its stats some cases ago: count the cases it finished from the index.
        const stopped = slot.killedForHang?.index ?? (slot.error !== undefined ? index : -1);
        slot.previous = addStats(slot.previous, stopped >= 0 ? { ...slot.stats, cases: Math.round((stopped - slot.segStart) / stride) } : slot.stats);
        delete slot.worker;
        if (slot.done && slot.killedForHang === undefined && slot.error === undefined) return finish();
        if (slot.killedForHang !== undefined) {
          const { index: i, ms } = slot.killedForHang;
          recordFromMain(slot, 'slow', `hang: still running after ${o.hangMs} ms (worker killed)`, i, ms, `killed after ${ms} ms`);
          slot.previous = addStats(slot.previous, { ...emptyStats(), cases: 1, slowestMs: ms, slowestIndex: i });
          restarts++;
          return start(slot, i + stride);
        }
        if (slot.error !== undefined && index >= 0 && caseStart >= 0) {
          const err = slot.error as Error & { code?: string };
          const ms = Date.now() - caseStart;
          recordFromMain(slot, 'crash', `worker died: ${err.code ?? err.name}: ${err.message.split('\n')[0]?.slice(0, 120) ?? ''}`, index, ms, String(err.stack ?? err));
          slot.previous = addStats(slot.previous, { ...emptyStats(), cases: 1, slowestMs: ms, slowestIndex: index });
          restarts++;
          return start(slot, index + stride);
        }
        clearInterval(watchdog);
        for (const s of slots) void s.worker?.terminate();
        reject(slot.error ?? new Error(`fuzz worker ${slot.offset} exited before finishing (last case ${index})`));
      });
    };

    let lastProgress = Date.now();
    const watchdog = setInterval(() => {
      const now = Date.now();
      for (const slot of slots) {
        const t = slot.heartbeat[1] ?? -1;
        if (slot.worker !== undefined && slot.killedForHang === undefined && t > 0 && now - t > o.hangMs) {
          slot.killedForHang = { index: slot.heartbeat[0] ?? -1, ms: now - t };
          void slot.worker.terminate();
        }
      }
      if (options.onProgress !== undefined && now - lastProgress >= 5000) {
        lastProgress = now;
        const done = slots.reduce((t, s) => {
          const i = s.heartbeat[0] ?? -1;
          return t + s.previous.cases + (s.worker !== undefined && i >= 0 ? Math.round((i - s.segStart) / stride) : 0);
        }, 0);
        options.onProgress({ done, runs: options.runs, elapsedMs: now - started, failures: failuresSoFar() });
      }
    }, 100);

    const finish = (): void => {
      if (!slots.every((s) => s.done && s.worker === undefined)) return;
      clearInterval(watchdog);
      const stats = slots.reduce((t, s) => addStats(t, s.previous), emptyStats());
      const elapsedMs = Date.now() - started;
      resolve({
        seed: options.seed,
        runs: options.runs,
        casesRun: stats.cases,
        elapsedMs,
        casesPerSecond: stats.cases / Math.max(elapsedMs / 1000, 1e-3),
        counts,
        groups: [...groups.values()].sort((a, b) => FAILURE_KINDS.indexOf(a.kind) - FAILURE_KINDS.indexOf(b.kind) || b.count - a.count),
        slowest: { ms: stats.slowestMs, index: stats.slowestIndex },
        maxHeapUsedMb,
        retainedMb: { first: Math.max(retained.first, 0), last: retained.last, max: retained.max },
        stats,
        workerRestarts: restarts,
        filesWritten,
      });
    };

    for (const slot of slots) start(slot, slot.offset);
  });
}

/** A readable summary. */
export function formatSummary(s: FuzzSummary, opts: { examples?: boolean; failureDir?: string } = {}): string {
  const lines: string[] = [];
  const f = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  lines.push(`jixiao fuzz — seed ${s.seed}`);
  lines.push(`  cases run        ${f(s.casesRun)} of ${f(s.runs)} in ${f(s.elapsedMs / 1000, 1)} s (${f(s.casesPerSecond, 0)} cases/s)`);
  lines.push(
    `  outcomes         ${f(s.stats.validated)} frameworks valid; sheets ${f(s.stats.evaluatedOk)}, partial sheets ${f(s.stats.evaluatedPartial)}, refused inputs ${f(s.stats.evaluatedIssues)}; ${f(s.stats.unmutated)} unmutated cases`,
  );
  if (s.stats.unmutatedRandomRejected > 0) {
    lines.push(`  note             ${f(s.stats.unmutatedRandomRejected)} unmutated random frameworks were rejected by validation (generator, not a failure; e.g. case ${s.stats.unmutatedRandomRejectedExample})`);
  }
  lines.push(`  slowest case     ${f(s.slowest.ms, 1)} ms (case ${s.slowest.index}; a case over the limit is run again and counts if it is slow twice)`);
  if (s.stats.unconfirmedSlow > 0) lines.push(`  not confirmed    ${s.stats.unconfirmedSlow} case(s) over the limit once but not when run again (GC pause or busy machine)`);
  lines.push(`  heap             max heapUsed ${f(s.maxHeapUsedMb, 1)} MB; retained after GC ${f(s.retainedMb.first, 1)} → ${f(s.retainedMb.last, 1)} MB (max ${f(s.retainedMb.max, 1)})`);
  if (s.workerRestarts > 0) lines.push(`  worker restarts  ${s.workerRestarts} (after hangs or crashes)`);
  if (s.stats.skippedCopies > 0) lines.push(`  copies skipped   ${s.stats.skippedCopies} (structuredClone / JSON overflowed the stack on a very deep framework)`);
  if (s.stats.harnessErrors > 0) lines.push(`  checker errors   ${s.stats.harnessErrors} (fuzzer's own, not jixiao's): ${s.stats.harnessErrorExamples.join(' | ')}`);
  lines.push('  failures by kind (cases):');
  for (const k of FAILURE_KINDS) lines.push(`    ${k.padEnd(15)} ${f(s.counts[k])}`);
  if (s.groups.length > 0) {
    lines.push(`  failure groups (${s.groups.length}):`);
    for (const g of s.groups) {
      lines.push(`    [${g.kind}] ×${f(g.count)}${g.onlyNonJson ? ' (non-JSON inputs only)' : ''} ${g.signature}`);
      if (opts.examples !== false) {
        const ex = g.example;
        lines.push(`        e.g. case ${ex.index} (${ex.source}${ex.mutations.length > 0 ? `; ${ex.mutations.join('; ')}` : ''})`.slice(0, 600));
        if (g.files.length > 0) lines.push(`        files: ${g.files.slice(0, 5).map((n) => `${opts.failureDir ?? ''}${n}`).join(', ')}`);
      }
    }
  }
  if (s.filesWritten > 0) lines.push(`  ${s.filesWritten} failure files written`);
  return lines.join('\n');
}

export function totalFailures(s: FuzzSummary): number {
  return FAILURE_KINDS.reduce((t, k) => t + s.counts[k], 0);
}
