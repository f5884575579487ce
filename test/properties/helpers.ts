/**
 * Checks shared by the property tests. They read sheets through the public types only, loosely where the sheet
 * is changing (partial sheets: `total` null and `provisional` while incomplete), so that they run on the core as
 * it is and as it will be.
 */
import { expect } from 'vitest';
import { ISSUE_CODES } from '../../src/index.js';
import type { EvaluateOptions, FrameworkDefinition, NodeResult, ScoreSheet } from '../../src/index.js';
import { D, dec, precisionOf, roundAtOf, roundingOf, roundTo, type Dec } from '../support/arbitraries.js';

export { D, dec };
export type { Dec };

/** Small run counts: the whole folder stays well under 40 s on two cores. */
/**
 * Runs per property: `runs(n)` is n, or fewer when JIXIAO_PROPERTY_RUNS caps it (mutation testing runs every
 * covering test once per mutant, and caps the runs to keep that affordable: see vitest.stryker.config.ts).
 */
export const runs = (n: number): { readonly numRuns: number } => ({ numRuns: Math.min(n, Number(process.env.JIXIAO_PROPERTY_RUNS ?? n)) });
export const RUNS = runs(100);

interface Grade {
  readonly label: string;
  readonly min: string;
}
/** The parts of a sheet that are changing, typed loosely. */
interface Loose {
  readonly total: string | null;
  readonly grade: Grade | null;
  readonly complete: boolean;
  readonly provisional?: { readonly subtotal: string; readonly total: string; readonly grade: Grade | null } | null;
  readonly issues?: readonly { readonly code: string }[];
}
export const loose = (s: ScoreSheet): Loose => s as unknown as Loose;

/** The total, or while the sheet is incomplete the provisional total. */
export function totalOf(s: ScoreSheet): string {
  const l = loose(s);
  const t = l.total ?? l.provisional?.total;
  if (typeof t !== 'string') throw new Error('the sheet has neither a total nor a provisional total');
  return t;
}
/** The grade, or while the sheet is incomplete the provisional grade. */
export function gradeOf(s: ScoreSheet): Grade | null {
  const l = loose(s);
  return l.total !== null && l.total !== undefined ? l.grade : (l.provisional?.grade ?? l.grade);
}

export function walk(nodes: readonly NodeResult[], f: (n: NodeResult, parent: NodeResult | undefined) => void, parent?: NodeResult): void {
  for (const n of nodes) {
    f(n, parent);
    walk(n.children, f, n);
  }
}
export function byId(sheet: ScoreSheet): Map<string, NodeResult> {
  const m = new Map<string, NodeResult>();
  walk(sheet.indicators, (n) => m.set(n.id, n));
  return m;
}
export const leavesOfSheet = (sheet: ScoreSheet): NodeResult[] => {
  const out: NodeResult[] = [];
  walk(sheet.indicators, (n) => {
    if (n.children.length === 0) out.push(n);
  });
  return out;
};

/** Number of decimals of a decimal string. */
const places = (s: string): number => (s.includes('.') ? (s.split('.')[1] ?? '').length : 0);

/** The grade a total falls in: the highest band whose lower bound it reaches. */
export function bandOf(def: FrameworkDefinition, total: Dec): string {
  const sorted = [...def.grades].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
  return (sorted.find((g) => total.gte(dec(g.min))) ?? sorted[sorted.length - 1])?.label ?? '';
}
export function lowestGrade(def: FrameworkDefinition): string {
  const sorted = [...def.grades].sort((a, b) => dec(a.min).comparedTo(dec(b.min)));
  return sorted[0]?.label ?? '';
}
/** Rank of a grade label, lowest 0. */
export function gradeRank(def: FrameworkDefinition, label: string | undefined): number {
  const sorted = [...def.grades].sort((a, b) => dec(a.min).comparedTo(dec(b.min)));
  const i = sorted.findIndex((g) => g.label === label);
  if (i < 0) throw new Error(`unknown grade ${String(label)}`);
  return i;
}

/**
 * Everything that must hold of any sheet, under every option: scores in [0, effective weight], lost points,
 * parents as exact sums of score and of effective weight, the level-1 split summing to the maximum, rounding at
 * the precision, the total reconciling with the subtotal and the adjustments, the grade from the total.
 * `options` are the per-call overrides the sheet was evaluated with.
 */
export function checkSheet(def: FrameworkDefinition, sheet: ScoreSheet, options: EvaluateOptions = {}): void {
  const p = options.precision ?? precisionOf(def);
  const mode = options.rounding ?? roundingOf(def);
  const roundAt = options.roundAt ?? roundAtOf(def);
  const unit = dec(10).pow(-p);
  // With roundAt 'total' node scores are "exact", i.e. as many digits as the decimal arithmetic keeps (a third is
  // 0.333…3): sums and differences of those agree up to the last kept digit only.
  const slack = roundAt === 'total' ? dec('1e-30') : dec(0);
  const same = (x: Dec, y: Dec): boolean => x.minus(y).abs().lte(slack);
  walk(sheet.indicators, (n) => {
    const score = dec(n.score);
    const eff = dec(n.effectiveWeight);
    expect(score.gte(0), `${n.id}: score ${n.score} < 0`).toBe(true);
    expect(score.lte(eff), `${n.id}: score ${n.score} above effective weight ${n.effectiveWeight}`).toBe(true);
    expect(same(dec(n.lost), eff.minus(score)), `${n.id}: lost ${n.lost}`).toBe(true);
    // Effective weights sit on the grid of the precision; so do scores when leaves are rounded.
    // Rounding at leaves splits weights on the precision's grid; rounding only at the total, on a 10^-30 grid.
    const grid = sheet.options.roundAt === 'leaf' ? unit : dec('1e-30');
    expect(eff.div(grid).isInteger(), `${n.id}: effective weight ${n.effectiveWeight} off the grid`).toBe(true);
    if (roundAt === 'leaf') expect(score.div(unit).isInteger(), `${n.id}: score ${n.score} not rounded at ${p}`).toBe(true);
    if (n.children.length > 0) {
      const s = n.children.reduce((acc, c) => acc.plus(c.score), dec(0));
      const w = n.children.reduce((acc, c) => acc.plus(c.effectiveWeight), dec(0));
      expect(same(s, score), `${n.id}: children's scores sum to ${s.toFixed()}, not ${n.score}`).toBe(true);
      expect(w.eq(eff), `${n.id}: children's effective weights sum to ${w.toFixed()}, not ${n.effectiveWeight}`).toBe(true);
    }
  });
  const rootWeights = sheet.indicators.reduce((acc, c) => acc.plus(c.effectiveWeight), dec(0));
  const maximum = dec(sheet.maximum);
  expect(maximum.eq(dec(def.total))).toBe(true);
  if (!rootWeights.eq(maximum)) {
    // Only when every level-1 indicator is removed is nothing left to carry the weight.
    expect(rootWeights.isZero(), `level-1 effective weights sum to ${rootWeights.toFixed()}`).toBe(true);
    // (A zero-total veto marks every node 'vetoed'.)
    expect(sheet.indicators.every((n) => n.status === 'not-applicable' || n.status === 'vetoed')).toBe(true);
  }
  const roots = sheet.indicators.reduce((acc, c) => acc.plus(c.score), dec(0));
  const subtotal = loose(sheet).provisional?.subtotal ?? sheet.subtotal;
  expect(same(roots, dec(subtotal)), `subtotal ${subtotal} ≠ ${roots.toFixed()}`).toBe(true);
  const adj = sheet.adjustments.reduce((acc, a) => acc.plus(a.points), dec(0));
  const running = D.max(roots.plus(adj), 0);
  const clamped = def.options?.bonusAboveTotal === true ? running : D.min(running, maximum);
  const total = totalOf(sheet);
  const bounded = (x: Dec): Dec => D.max(def.options?.bonusAboveTotal === true ? x : D.min(x, maximum), 0);
  const expected = roundAt === 'total' ? [clamped, clamped.minus(slack), clamped.plus(slack)].map((x) => roundTo(bounded(x), p, mode)) : [clamped];
  expect(expected.some((e) => dec(total).eq(e)), `total ${total} ≠ ${expected.map((e) => e.toFixed()).join(' / ')}`).toBe(true);
  expect(places(total), `total ${total} not shown at precision ${p}`).toBe(p);
  // Grades: a veto drops to the lowest grade (a zeroed total is in it anyway); otherwise the band of the total.
  const vetoFired = sheet.adjustments.some((a) => a.kind === 'veto' && a.triggered);
  expect(sheet.vetoed).toBe(vetoFired);
  const zeroing = (def.adjustments ?? []).some(
    (a) => a.kind === 'veto' && a.effect !== 'lowest-grade' && sheet.adjustments.some((r) => r.id === a.id && r.triggered),
  );
  if (zeroing) expect(dec(total).isZero(), `a zero-total veto fired but the total is ${total}`).toBe(true);
  const grade = gradeOf(sheet);
  expect(grade?.label).toBe(vetoFired ? lowestGrade(def) : bandOf(def, dec(total)));
}

/** Checks an issue list: non-empty, stable codes, paths of keys and indices, messages in both languages. */
export function checkIssues(issues: readonly unknown[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const raw of issues) {
    const i = raw as { code: unknown; path: unknown; message: unknown; messageEn: unknown };
    expect(ISSUE_CODES as readonly unknown[]).toContain(i.code);
    expect(Array.isArray(i.path)).toBe(true);
    for (const k of i.path as unknown[]) expect(typeof k === 'string' || (typeof k === 'number' && Number.isInteger(k) && k >= 0)).toBe(true);
    expect(typeof i.message === 'string' && i.message.length > 0).toBe(true);
    expect(typeof i.messageEn === 'string' && i.messageEn.length > 0).toBe(true);
  }
}
