/**
 * A small fixed-seed fuzz run (scripts/fuzz): 2,000 mutated frameworks and evaluations. The full campaign is
 * `npm run fuzz` (1,000,000 cases by default).
 */
import { describe, expect, it } from 'vitest';
import type { FailureKind } from '../../scripts/fuzz/check.js';
import { formatSummary, runFuzz, type FuzzSummary } from '../../scripts/fuzz/run.js';

const RUNS = 2_000;
const SEED = 20_240_601;

let campaign: Promise<FuzzSummary> | undefined;
/** One campaign shared by the tests below (the first test waits for it). */
const run = (): Promise<FuzzSummary> =>
  (campaign ??= runFuzz({
    runs: RUNS,
    seed: SEED,
    workers: 1,
    // A case over 1 s is a failure; one still running at 2 s is killed (and recorded) so the run goes on.
    slowMs: 1000,
    hangMs: 2000,
    workerHeapMb: 512,
    heapSampleEvery: 500,
  }));

const groups = (s: FuzzSummary, ...kinds: FailureKind[]): string[] =>
  s.groups.filter((g) => kinds.includes(g.kind)).map((g) => `[${g.kind}] ×${g.count} ${g.signature} — e.g. npm run fuzz -- --seed ${s.seed} --case ${g.example.index}`);

describe(`fuzzing: ${RUNS} cases, seed ${SEED} 模糊测试`, () => {
  it('runs every case', async () => {
    const s = await run();
    expect(s.casesRun, formatSummary(s)).toBe(RUNS);
  }, 600_000);

  it('(1) no call throws, and no case crashes the worker (out of memory)', async () => {
    const s = await run();
    expect(groups(s, 'throw', 'crash'), formatSummary(s)).toEqual([]);
  }, 600_000);

  it('(2) no case takes more than 1 second', async () => {
    const s = await run();
    expect(groups(s, 'slow'), formatSummary(s)).toEqual([]);
  }, 600_000);

  it('(3) the retained heap does not keep growing', async () => {
    const s = await run();
    expect(groups(s, 'heap'), formatSummary(s)).toEqual([]);
  }, 600_000);

  it('(4) every returned sheet reconciles and every issue is well formed', async () => {
    const s = await run();
    expect(groups(s, 'invariant'), formatSummary(s)).toEqual([]);
  }, 600_000);

  // Expected to fail until the core fix lands: today a structuredClone'd or JSON-copied framework is
  // re-validated as a definition and refused with `missing-field`. Once defineFramework returns plain data,
  // the copies must score exactly like the original.
  it('(4) structuredClone and JSON copies of a framework give deep-equal results (clone mismatch)', async () => {
    const s = await run();
    expect(groups(s, 'clone-mismatch'), formatSummary(s)).toEqual([]);
  }, 600_000);
});
