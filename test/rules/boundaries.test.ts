/**
 * 边界 Boundaries: every boundary docs/rules.md and docs/concepts.md state, pinned exactly, so that an off-by-one
 * (`<` for `<=`, floor for ceil, an inclusive bound made exclusive, a missing branch) fails a test.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, LEGACY_TIERS, NATIONAL_GRADES, NATIONAL_TIERS, safeEvaluate, validateFramework } from '../../src/index.js';
import type { EvaluationInputs, FrameworkDefinition, Indicator, InputDeclaration, InputValue, Rule, ScoreSheet } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/**
 * The sheet of one leaf `x` of the given weight and rule, for valid inputs: it must be complete and the leaf scored
 * (an input refused as invalid also scores 0, so a 0 alone would not tell).
 */
function one(weight: number | string, rule: Rule, inputs: Record<string, InputDeclaration>, values: Record<string, InputValue>): ScoreSheet {
  const sheet = evaluate(frameworkOf([{ id: 'x', name: '指标', weight, rule }], inputs), { values });
  expect({ values, complete: sheet.complete, status: sheet.indicators[0]?.status }).toEqual({ values, complete: true, status: 'scored' });
  return sheet;
}
/** The score of that leaf. */
const score = (weight: number | string, rule: Rule, inputs: Record<string, InputDeclaration>, values: Record<string, InputValue>): string =>
  one(weight, rule, inputs, values).indicators[0]?.score ?? '';

/** The total, or while the sheet is incomplete the provisional one (partial sheets: the core is changing). */
function totalOf(s: ScoreSheet): string {
  const l = s as unknown as { total: string | null; provisional?: { total: string } | null };
  return l.total ?? l.provisional?.total ?? '';
}
/** The grade, or the provisional one. */
function gradeOf(s: ScoreSheet): string | undefined {
  const l = s as unknown as { total: string | null; grade: { label: string } | null; provisional?: { grade: { label: string } | null } | null };
  return (l.total === null ? l.provisional?.grade : l.grade)?.label;
}
/**
 * The issue codes an evaluation reports, whether as a failed result (today) or on a partial sheet (the new
 * contract: bad inputs no longer make evaluate throw).
 */
function codesOf(def: FrameworkDefinition, inputs: EvaluationInputs): string[] {
  const r = safeEvaluate(def, inputs);
  if (!r.ok) return r.issues.map((i) => i.code);
  const issues = (r.value as unknown as { issues?: readonly { code: string }[] }).issues ?? [];
  return issues.map((i) => i.code);
}
const warningsOf = (s: ScoreSheet): string[] => s.warnings.map((w) => w.code);

const pct = { v: { type: 'percent' } } as const;
const frac = { v: { type: 'fraction' } } as const;

describe('ratio 比率: zeroBelow / zeroAbove / reviewAbove', () => {
  const sichuan: Rule = { kind: 'ratio', value: { input: 'v' }, zeroAbove: '1.3', reviewAbove: '1.2' };
  it('at exactly zeroAbove the score is full; only above it is 0 (`>`, not `>=`)', () => {
    expect(score(5, sichuan, pct, { v: 130 })).toBe('5.00');
    expect(score(5, sichuan, pct, { v: '130.01' })).toBe('0.00');
    expect(score(5, sichuan, pct, { v: 131 })).toBe('0.00');
    expect(score(5, sichuan, pct, { v: '129.99' })).toBe('5.00');
  });
  it('at exactly zeroBelow the score is ratio × weight; only below it is 0 (`<`, not `<=`)', () => {
    const r: Rule = { kind: 'ratio', value: { input: 'v' }, zeroBelow: '0.6' };
    expect(score(5, r, pct, { v: 60 })).toBe('3.00');
    expect(score(5, r, pct, { v: '59.99' })).toBe('0.00');
    expect(score(5, r, pct, { v: '60.01' })).toBe('3.00');
    expect(score(10, r, pct, { v: 60 })).toBe('6.00');
  });
  it('warns only above reviewAbove, and the warning never changes the score', () => {
    expect(warningsOf(one(5, sichuan, pct, { v: 120 }))).not.toContain('review-over-completion');
    const above = one(5, sichuan, pct, { v: '120.01' });
    expect(warningsOf(above)).toContain('review-over-completion');
    expect(above.indicators[0]?.score).toBe('5.00');
    expect(score(5, sichuan, pct, { v: '95.47' })).toBe('4.77');
    expect(warningsOf(one(5, sichuan, pct, { v: 131 }))).toContain('review-over-completion');
  });
  it('caps at the weight at 100% and floors at 0 below 0', () => {
    expect(score(10, { kind: 'ratio', value: { input: 'v' } }, pct, { v: 100 })).toBe('10.00');
    expect(score(10, { kind: 'ratio', value: { input: 'v' } }, pct, { v: 130 })).toBe('10.00');
    expect(score(10, { kind: 'ratio', value: { input: 'v' } }, pct, { v: -5 })).toBe('0.00');
  });
});

describe('equal 等于型: tolerance and target 0', () => {
  const io = { a: { type: 'number' }, t: { type: 'number' } } as const;
  const rule: Rule = { kind: 'equal', actual: { input: 'a' }, target: { input: 't' }, tolerance: 2 };
  it('|actual − target| exactly equal to the tolerance scores full (`<=`, not `<`)', () => {
    expect(score(4, rule, io, { a: 98, t: 100 })).toBe('4.00');
    expect(score(4, rule, io, { a: '97.99', t: 100 })).toBe('3.92');
    expect(score(4, rule, io, { a: 97, t: 100 })).toBe('3.88');
    expect(score(4, { ...rule, tolerance: '0.5' } as Rule, io, { a: '99.5', t: 100 })).toBe('4.00');
  });
  it('without a tolerance only the target itself scores full; above it the ratio is capped', () => {
    const strict: Rule = { kind: 'equal', actual: { input: 'a' }, target: { input: 't' } };
    expect(score(4, strict, io, { a: 100, t: 100 })).toBe('4.00');
    expect(score(4, strict, io, { a: 80, t: 100 })).toBe('3.20');
    expect(score(4, strict, io, { a: 120, t: 100 })).toBe('4.00');
  });
  it('target 0: full exactly when actual ≤ 0', () => {
    const strict: Rule = { kind: 'equal', actual: { input: 'a' }, target: { input: 't' } };
    expect(score(4, strict, io, { a: 0, t: 0 })).toBe('4.00');
    expect(score(4, strict, io, { a: -1, t: 0 })).toBe('4.00');
    expect(score(4, strict, io, { a: '0.5', t: 0 })).toBe('0.00');
    expect(score(4, strict, io, { a: '0.0001', t: 0 })).toBe('0.00');
  });
});

describe('lower-is-better 反向指标: at the target, at twice the target, target ≤ 0', () => {
  const io = { a: { type: 'number' }, t: { type: 'number' } } as const;
  const inverse: Rule = { kind: 'lower-is-better', actual: { input: 'a' }, target: { input: 't' }, variant: 'inverse' };
  const linear: Rule = { kind: 'lower-is-better', actual: { input: 'a' }, target: { input: 't' }, variant: 'linear-to-double' };
  it('actual equal to the target scores full in both variants', () => {
    expect(score(5, inverse, io, { a: '4.5', t: '4.5' })).toBe('5.00');
    expect(score(5, linear, io, { a: '4.5', t: '4.5' })).toBe('5.00');
  });
  it('the documented table', () => {
    expect(score(5, inverse, io, { a: '1.06', t: '4.5' })).toBe('5.00');
    expect(score(5, inverse, io, { a: 6, t: '4.5' })).toBe('3.75');
    expect(score(5, linear, io, { a: 6, t: '4.5' })).toBe('3.33');
    expect(score(5, inverse, io, { a: 9, t: '4.5' })).toBe('2.50');
    expect(score(5, inverse, io, { a: '974.39', t: '541.87' })).toBe('2.78');
    expect(score(5, linear, io, { a: '974.39', t: '541.87' })).toBe('1.01');
  });
  it('linear-to-double reaches 0 at exactly twice the target and stays there', () => {
    expect(score(5, linear, io, { a: 9, t: '4.5' })).toBe('0.00');
    expect(score(5, linear, io, { a: '8.99', t: '4.5' })).toBe('0.01');
    expect(score(5, linear, io, { a: 20, t: '4.5' })).toBe('0.00');
  });
  it('target ≤ 0 and actual above it scores 0 in both variants', () => {
    for (const rule of [inverse, linear]) {
      expect(score(5, rule, io, { a: 3, t: 0 })).toBe('0.00');
      // "Cut by 5%" (−0.05), cut by only 3% (−0.03): target ÷ actual would be 1.67 and 1 − (a − g) ÷ g would be 1.4.
      expect(score(5, rule, io, { a: '-0.03', t: '-0.05' })).toBe('0.00');
      expect(score(5, rule, io, { a: 1, t: -1 })).toBe('0.00');
      // At or below a target ≤ 0 is still full.
      expect(score(5, rule, io, { a: '-0.05', t: '-0.05' })).toBe('5.00');
      expect(score(5, rule, io, { a: '-0.06', t: '-0.05' })).toBe('5.00');
      expect(score(5, rule, io, { a: 0, t: 0 })).toBe('5.00');
    }
  });
});

describe('bands 区间: inclusive and exclusive bounds', () => {
  const hunan: Rule = {
    kind: 'bands',
    value: { input: 'v' },
    bands: [
      { max: 0, maxInclusive: true, points: 5, label: '= 0' },
      { min: 0, minInclusive: false, max: '0.1', maxInclusive: true, points: 4 },
      { min: '0.1', minInclusive: false, max: '0.2', maxInclusive: true, points: 3 },
      { min: '0.2', minInclusive: false, max: '0.3', maxInclusive: true, points: 2 },
      { min: '0.3', minInclusive: false, points: 0 },
    ],
  };
  it('Hunan budget control: (… 0] 5, (0, 10%] 4, (10%, 20%] 3, (20%, 30%] 2, above 0', () => {
    const table: [InputValue, string][] = [
      [0, '5.00'],
      ['0.01', '4.00'],
      [10, '4.00'],
      ['10.01', '3.00'],
      [20, '3.00'],
      ['20.01', '2.00'],
      [25, '2.00'],
      [30, '2.00'],
      ['30.01', '0.00'],
      ['30.5', '0.00'],
    ];
    for (const [v, s] of table) expect([v, score(5, hunan, pct, { v })]).toEqual([v, s]);
    // The order the bands are listed in does not matter: the exclusive lower bounds hold wherever they are.
    const reversed: Rule = { ...hunan, bands: [...(hunan as { bands: readonly object[] }).bands].reverse() } as Rule;
    for (const [v, s] of table) expect([v, score(5, reversed, pct, { v })]).toEqual([v, s]);
  });
  it('Jiangxi two-sided (absolute): ±10% 5, ±10–15% 3, ±15–20% 1, beyond 0 — the same on both sides', () => {
    const jiangxi: Rule = {
      kind: 'bands',
      value: { input: 'v' },
      absolute: true,
      bands: [
        { max: '0.1', maxInclusive: true, points: 5 },
        { min: '0.1', minInclusive: false, max: '0.15', maxInclusive: true, points: 3 },
        { min: '0.15', minInclusive: false, max: '0.2', maxInclusive: true, points: 1 },
        { min: '0.2', minInclusive: false, points: 0 },
      ],
    };
    const table: [InputValue, string][] = [
      [-8, '5.00'],
      [10, '5.00'],
      [-10, '5.00'],
      ['10.01', '3.00'],
      [12, '3.00'],
      ['-12.5', '3.00'],
      [-15, '3.00'],
      [15, '3.00'],
      [18, '1.00'],
      [-20, '1.00'],
      ['20.01', '0.00'],
      [-25, '0.00'],
    ];
    for (const [v, s] of table) expect([v, score(5, jiangxi, pct, { v })]).toEqual([v, s]);
  });
  it('by default the lower bound is included and the upper one is not; fraction × weight or points', () => {
    const rule: Rule = {
      kind: 'bands',
      value: { input: 'v' },
      bands: [{ max: '0.6', fraction: '0.2' }, { min: '0.6', max: '0.9', points: '2.5' }, { min: '0.9', fraction: 1 }],
    };
    expect(score(5, rule, frac, { v: '0.5999' })).toBe('1.00');
    expect(score(5, rule, frac, { v: '0.6' })).toBe('2.50');
    expect(score(5, rule, frac, { v: '0.8999' })).toBe('2.50');
    expect(score(5, rule, frac, { v: '0.9' })).toBe('5.00');
  });
  it('a single-point band [c, c] takes exactly c; its neighbours exclude it', () => {
    const rule: Rule = {
      kind: 'bands',
      value: { input: 'v' },
      bands: [{ max: 1, fraction: '0.5' }, { min: 1, max: 1, maxInclusive: true, fraction: 1 }, { min: 1, minInclusive: false, fraction: 0 }],
    };
    expect(score(4, rule, frac, { v: '0.9999' })).toBe('2.00');
    expect(score(4, rule, frac, { v: 1 })).toBe('4.00');
    expect(score(4, rule, frac, { v: '1.0001' })).toBe('0.00');
  });
  it('a value in no band is reported (value-outside-bands)', () => {
    const rule: Rule = { kind: 'bands', value: { input: 'v' }, bands: [{ min: 0, max: 1, fraction: 1 }] };
    expect(codesOf(frameworkOf([{ id: 'x', name: '指标', weight: 4, rule }], frac), { values: { v: 1 } })).toContain('value-outside-bands');
    expect(score(4, rule, frac, { v: 0 })).toBe('4.00');
  });
});

describe('step-deduction 按步长扣分: completed / started / proportional at exact multiples', () => {
  const staff = (steps: 'completed' | 'started' | 'proportional'): Rule => ({
    kind: 'step-deduction',
    value: { div: [{ input: 's' }, { input: 'q' }] },
    direction: 'above',
    threshold: 1,
    step: '0.01',
    points: '0.5',
    steps,
  });
  const io = { s: { type: 'number' }, q: { type: 'number' } } as const;
  it('the documented table (Hunan staff control, w 5, above 100%, −0.5 per point)', () => {
    const table: [number, number, string, string, string][] = [
      [52, 50, '3.00', '3.00', '3.00'],
      [207, 200, '3.50', '3.00', '3.25'],
      [60, 50, '0.00', '0.00', '0.00'],
    ];
    for (const [s, q, completed, started, proportional] of table) {
      expect([s, score(5, staff('completed'), io, { s, q }), score(5, staff('started'), io, { s, q }), score(5, staff('proportional'), io, { s, q })]).toEqual([
        s,
        completed,
        started,
        proportional,
      ]);
    }
  });
  it('at the threshold nothing is deducted; at exactly one step all three modes deduct one step', () => {
    for (const steps of ['completed', 'started', 'proportional'] as const) {
      expect(score(5, staff(steps), io, { s: 50, q: 50 })).toBe('5.00');
      expect(score(5, staff(steps), io, { s: 101, q: 100 })).toBe('4.50');
      expect(score(5, staff(steps), io, { s: 49, q: 50 })).toBe('5.00');
    }
    // Just past one step: completed still 1, started 2, proportional 1.0something.
    expect(score(5, staff('completed'), io, { s: '1011', q: 1000 })).toBe('4.50');
    expect(score(5, staff('started'), io, { s: '1011', q: 1000 })).toBe('4.00');
    expect(score(5, staff('proportional'), io, { s: '1011', q: 1000 })).toBe('4.45');
    // Just short of one step: completed 0, started 1.
    expect(score(5, staff('completed'), io, { s: '1009', q: 1000 })).toBe('5.00');
    expect(score(5, staff('started'), io, { s: '1009', q: 1000 })).toBe('4.50');
  });
  it('below a threshold (Hunan completion, Jiangxi satisfaction), with the floor at 0', () => {
    const below = (w: number, threshold: number | string, step: string, points: number, steps: 'completed' | 'started' | 'proportional'): Rule => ({
      kind: 'step-deduction',
      value: { input: 'v' },
      direction: 'below',
      threshold,
      step,
      points,
      steps,
    });
    expect([score(5, below(5, 1, '0.05', 2, 'completed'), pct, { v: 88 }), score(5, below(5, 1, '0.05', 2, 'started'), pct, { v: 88 }), score(5, below(5, 1, '0.05', 2, 'proportional'), pct, { v: 88 })]).toEqual(['1.00', '0.00', '0.20']);
    expect([score(10, below(10, '0.9', '0.05', 1, 'completed'), pct, { v: 83 }), score(10, below(10, '0.9', '0.05', 1, 'started'), pct, { v: 83 }), score(10, below(10, '0.9', '0.05', 1, 'proportional'), pct, { v: 83 })]).toEqual(['9.00', '8.00', '8.60']);
    expect(score(10, below(10, '0.9', '0.05', 1, 'started'), pct, { v: 92 })).toBe('10.00');
    expect(score(10, below(10, '0.9', '0.05', 1, 'started'), pct, { v: 90 })).toBe('10.00');
    // Exactly one and exactly two steps below.
    for (const steps of ['completed', 'started', 'proportional'] as const) {
      expect(score(5, below(5, 1, '0.05', 2, steps), pct, { v: 95 })).toBe('3.00');
      expect(score(5, below(5, 1, '0.05', 2, steps), pct, { v: 90 })).toBe('1.00');
      expect(score(5, below(5, 1, '0.05', 2, steps), pct, { v: 85 })).toBe('0.00');
    }
  });
});

describe('piecewise 分段线性: at its points and beyond its ends', () => {
  const accuracy: Rule = { kind: 'piecewise', value: { div: [{ input: 'a' }, { input: 'i' }] }, points: [[0, 1], ['0.1', 0]] };
  const io = { a: { type: 'number' }, i: { type: 'number' } } as const;
  it('the documented table (Sichuan budget accuracy, w 5)', () => {
    expect(score(5, accuracy, io, { a: 0, i: 600 })).toBe('5.00');
    expect(score(5, accuracy, io, { a: '23.4', i: 600 })).toBe('3.05');
    expect(score(5, accuracy, io, { a: 45, i: 600 })).toBe('1.25');
    expect(score(5, accuracy, io, { a: 60, i: 600 })).toBe('0.00');
    expect(score(5, accuracy, io, { a: 75, i: 600 })).toBe('0.00');
  });
  it('three points: exactly at each point the point’s fraction, between them the line, beyond the ends the end values', () => {
    const rule: Rule = { kind: 'piecewise', value: { input: 'v' }, points: [['0.6', 0], ['0.9', '0.8'], [1, 1]] };
    const table: [InputValue, string][] = [
      [50, '0.00'],
      [60, '0.00'],
      [75, '4.00'],
      [90, '8.00'],
      [95, '9.00'],
      [100, '10.00'],
      [110, '10.00'],
    ];
    for (const [v, s] of table) expect([v, score(10, rule, pct, { v })]).toEqual([v, s]);
  });
  it('before the first point the first fraction holds (not 0, not the line extended)', () => {
    const rule: Rule = { kind: 'piecewise', value: { input: 'v' }, points: [['0.2', '0.5'], ['0.4', 1]] };
    expect(score(4, rule, frac, { v: '0.1' })).toBe('2.00');
    expect(score(4, rule, frac, { v: '0.2' })).toBe('2.00');
    expect(score(4, rule, frac, { v: '0.3' })).toBe('3.00');
    expect(score(4, rule, frac, { v: '0.4' })).toBe('4.00');
    expect(score(4, rule, frac, { v: '0.5' })).toBe('4.00');
  });
});

describe('tiers 定性分档: closed ranges with shared boundaries', () => {
  const national: Rule = { kind: 'tiers', tiers: NATIONAL_TIERS };
  const legacy: Rule = { kind: 'tiers', tiers: LEGACY_TIERS };
  it('a score on the boundary of two tiers fits either tier, with no warning', () => {
    for (const tier of ['partly', 'achieved']) {
      const s = one(10, national, {}, { x: { tier, score: 8 } });
      expect(s.indicators[0]?.score).toBe('8.00');
      expect(warningsOf(s)).not.toContain('tier-score-clamped');
    }
    for (const tier of ['partly', 'not-achieved']) {
      const s = one(10, national, {}, { x: { tier, score: 6 } });
      expect(s.indicators[0]?.score).toBe('6.00');
      expect(warningsOf(s)).not.toContain('tier-score-clamped');
    }
    const s = one(10, legacy, {}, { x: { tier: 'not-achieved', score: 5 } });
    expect(s.indicators[0]?.score).toBe('5.00');
    expect(warningsOf(s)).not.toContain('tier-score-clamped');
  });
  it('the ends of the scale are inside: 0 and the full weight', () => {
    expect(warningsOf(one(10, national, {}, { x: { tier: 'not-achieved', score: 0 } }))).not.toContain('tier-score-clamped');
    const full = one(10, national, {}, { x: { tier: 'achieved', score: 10 } });
    expect(full.indicators[0]?.score).toBe('10.00');
    expect(warningsOf(full)).not.toContain('tier-score-clamped');
  });
  it('a score outside the chosen tier moves to its nearer end, with a warning (NATIONAL 80/60, LEGACY 80/50)', () => {
    const above = one(10, national, {}, { x: { tier: 'partly', score: '8.5' } });
    expect(above.indicators[0]?.score).toBe('8.00');
    expect(warningsOf(above)).toContain('tier-score-clamped');
    const below = one(10, national, {}, { x: { tier: 'partly', score: 5 } });
    expect(below.indicators[0]?.score).toBe('6.00');
    expect(warningsOf(below)).toContain('tier-score-clamped');
    const legacyBelow = one(10, legacy, {}, { x: { tier: 'partly', score: 5 } });
    expect(legacyBelow.indicators[0]?.score).toBe('5.00');
    expect(warningsOf(legacyBelow)).not.toContain('tier-score-clamped');
    expect(one(10, legacy, {}, { x: { tier: 'partly', score: '4.99' } }).indicators[0]?.score).toBe('5.00');
    expect(one(10, national, {}, { x: { tier: 'achieved', score: '9.5' } }).indicators[0]?.score).toBe('9.50');
    expect(one(10, national, {}, { x: { tier: 'partly', score: 7 } }).indicators[0]?.score).toBe('7.00');
  });
});

describe('manual 评价人打分: range and step', () => {
  const rule: Rule = { kind: 'manual', step: '0.5' };
  const fw = frameworkOf([{ id: 'x', name: '采购合规性', weight: 3, rule }]);
  it('0 and the full weight are in range; multiples of the step are accepted', () => {
    expect(score(3, rule, {}, { x: 0 })).toBe('0.00');
    expect(score(3, rule, {}, { x: 3 })).toBe('3.00');
    expect(score(3, rule, {}, { x: '2.5' })).toBe('2.50');
    expect(score(3, rule, {}, { x: '0.5' })).toBe('0.50');
  });
  it('off the step, out of range, or a percent is reported', () => {
    expect(codesOf(fw, { values: { x: '2.3' } })).toContain('score-off-step');
    expect(codesOf(fw, { values: { x: '0.25' } })).toContain('score-off-step');
    expect(codesOf(fw, { values: { x: '3.5' } })).toContain('score-out-of-range');
    expect(codesOf(fw, { values: { x: '3.0001' } })).toContain('score-out-of-range');
    expect(codesOf(fw, { values: { x: -1 } })).toContain('score-out-of-range');
    expect(codesOf(fw, { values: { x: '50%' } })).toContain('unexpected-percent');
  });
  it('without a step, a score with more decimals is rounded at the precision, half-up by default', () => {
    expect(score(3, { kind: 'manual' }, {}, { x: '2.835' })).toBe('2.84');
    expect(score(3, { kind: 'manual' }, {}, { x: '2.834' })).toBe('2.83');
  });
});

describe('per-occurrence 按次扣分 and count-ratio 个数比率', () => {
  const rule: Rule = { kind: 'per-occurrence', count: { input: 'n' }, points: '0.5' };
  const io = { n: { type: 'number' } } as const;
  it('w − n × p, floored at 0 exactly when the deductions reach the weight', () => {
    expect(score(2, rule, io, { n: 0 })).toBe('2.00');
    expect(score(2, rule, io, { n: 3 })).toBe('0.50');
    expect(score(2, rule, io, { n: 4 })).toBe('0.00');
    expect(score(2, rule, io, { n: 5 })).toBe('0.00');
    expect(score(2, rule, io, { n: 100 })).toBe('0.00');
  });
  it('a negative count is reported', () => {
    expect(codesOf(frameworkOf([{ id: 'x', name: '监督检查', weight: 2, rule }], io), { values: { n: -1 } })).toContain('negative-amount');
  });
  const ratio: Rule = { kind: 'count-ratio', met: { input: 'm' }, total: { input: 't' } };
  const cio = { m: { type: 'number' }, t: { type: 'number' } } as const;
  it('met ÷ total × w, capped at 1 (more met than set scores full, not more)', () => {
    expect(score(4, ratio, cio, { m: 7, t: 9 })).toBe('3.11');
    expect(score(4, ratio, cio, { m: 3, t: 3 })).toBe('4.00');
    expect(score(4, ratio, cio, { m: 10, t: 9 })).toBe('4.00');
    expect(score(4, ratio, cio, { m: 0, t: 5 })).toBe('0.00');
  });
  it('a total of 0 is reported (division-by-zero)', () => {
    expect(codesOf(frameworkOf([{ id: 'x', name: '目标实现', weight: 4, rule: ratio }], cio), { values: { m: 0, t: 0 } })).toContain('division-by-zero');
  });
});

describe('veto 一票否决: the three effects', () => {
  const veto = (effect: 'lowest-grade' | 'zero-total' | 'both'): FrameworkDefinition =>
    frameworkOf([{ id: 's', name: '评分', weight: 100, rule: { kind: 'manual' } }], { fraud: { type: 'boolean' }, coop: { type: 'number' }, award: { type: 'number' } }, {
      grades: NATIONAL_GRADES,
      adjustments: [
        { kind: 'deduction', id: 'cooperation', name: '配合度', max: 10, amount: { input: 'coop' } },
        { kind: 'bonus', id: 'innovation', name: '创新加分', max: 5, amount: { input: 'award' } },
        { kind: 'veto', id: 'fraud-veto', name: '弄虚作假', when: { is: 'fraud' }, effect },
      ],
    });
  const values = { s: '87.05', fraud: '是', coop: 1, award: 2 };
  it("'both' gives total 0 and the lowest grade", () => {
    const s = evaluate(veto('both'), { values });
    expect(totalOf(s)).toBe('0.00');
    expect(gradeOf(s)).toBe('差');
    expect(s.vetoed).toBe(true);
    expect(s.nextGrade).toBeNull();
  });
  it("'lowest-grade' keeps the total and drops to the lowest grade", () => {
    const s = evaluate(veto('lowest-grade'), { values });
    expect(totalOf(s)).toBe('88.05');
    expect(gradeOf(s)).toBe('差');
    expect(s.vetoed).toBe(true);
    expect(s.nextGrade).toBeNull();
  });
  it("'zero-total' zeroes the total (recorded as minus the running total) and gives the grade of 0", () => {
    const s = evaluate(veto('zero-total'), { values });
    expect(totalOf(s)).toBe('0.00');
    expect(gradeOf(s)).toBe('差');
    expect(s.adjustments.map((a) => a.points)).toEqual(['-1.00', '2.00', '-88.05']);
    expect(s.vetoed).toBe(true);
  });
  it('a veto that does not fire changes nothing', () => {
    for (const effect of ['lowest-grade', 'zero-total', 'both'] as const) {
      const s = evaluate(veto(effect), { values: { ...values, fraud: '否' } });
      expect([effect, totalOf(s), gradeOf(s), s.vetoed]).toEqual([effect, '88.05', '良', false]);
    }
  });
});

describe('not-applicable splits 不适用分值的分配', () => {
  const indicators = (order: string): Indicator[] =>
    [...order].map((id) => ({ id, name: `指标${id}`, weight: id === 'd' ? 10 : 30, rule: { kind: 'manual' } }) as Indicator);
  const values = { a: 30, b: 0, c: 15, d: 0 };
  const permutations = (s: string): string[] => (s.length <= 1 ? [s] : [...s].flatMap((ch, i) => permutations(s.slice(0, i) + s.slice(i + 1)).map((p) => ch + p)));
  it('weights 30/30/30/10 with d not applicable score the same in every sibling order, under rescale and redistribute', () => {
    for (const policy of ['rescale', 'redistribute'] as const) {
      const results = permutations('abcd').map((order) => {
        const s = evaluate(frameworkOf(indicators(order), {}, { options: { notApplicable: { policy } } }), { values, notApplicable: ['d'] });
        const nodes = Object.fromEntries(s.indicators.map((n) => [n.id, `${n.effectiveWeight}/${n.score}`]));
        return { order, total: totalOf(s), a: nodes.a, b: nodes.b, c: nodes.c };
      });
      const first = results[0];
      for (const r of results) expect({ ...r, order: first?.order }).toEqual(first);
    }
  });
  it('the documented split of 100 over 10 : 50 : 30 is 11.11 / 55.56 / 33.33 (largest remainders first)', () => {
    const fw = frameworkOf([
      { id: 'e', name: '预算执行率', weight: 10, rule: { kind: 'manual' } },
      { id: 'o', name: '产出', weight: 50, rule: { kind: 'manual' } },
      { id: 'b', name: '效益', weight: 30, rule: { kind: 'manual' } },
      { id: 's', name: '满意度', weight: 10, rule: { kind: 'manual' } },
    ]);
    const s = evaluate(fw, { values: { e: 10, o: 50, b: 30 }, notApplicable: ['s'] });
    expect(s.indicators.map((n) => n.effectiveWeight)).toEqual(['11.11', '55.56', '33.33', '0.00']);
    expect(totalOf(s)).toBe('100.00');
  });
});

describe('yes/no 是否 synonyms', () => {
  const fw = frameworkOf([{ id: 'x', name: '预决算公开', weight: 3, rule: { kind: 'binary', when: { is: 'p' } } }], { p: { type: 'boolean' } });
  const scoreOf = (p: InputValue): string => {
    const sheet = evaluate(fw, { values: { p } });
    // Read as yes or no, not refused (a refused value also scores 0).
    expect({ p, complete: sheet.complete, status: sheet.indicators[0]?.status }).toEqual({ p, complete: true, status: 'scored' });
    return sheet.indicators[0]?.score ?? '';
  };
  it("'有' reads yes and '无' reads no", () => {
    expect(scoreOf('有')).toBe('3.00');
    expect(scoreOf('无')).toBe('0.00');
  });
  it('是/否, true/false, yes/no, y/n, 1/0 — in any case, full-width, with spaces', () => {
    for (const yes of ['是', true, 'true', 'TRUE', 'yes', 'Yes', 'y', 'Y', '1', 1, 'ｙｅｓ', '１', ' 是 ', '\u3000有']) expect([yes, scoreOf(yes)]).toEqual([yes, '3.00']);
    for (const no of ['否', false, 'false', 'False', 'no', 'NO', 'n', 'N', '0', 0, 'ｎｏ', '０', ' 否 ', '无\u3000']) expect([no, scoreOf(no)]).toEqual([no, '0.00']);
  });
  it('anything else is reported (invalid-boolean)', () => {
    for (const bad of ['maybe', '是否', '2', 2, 'yess', '']) expect([bad, codesOf(fw, { values: { p: bad } })]).toEqual([bad, expect.arrayContaining(['invalid-boolean'])]);
  });
});

describe('empty lists are rejected by validation (rule-invalid)', () => {
  const leaf = (rule: unknown): FrameworkDefinition => frameworkOf([{ id: 'x', name: '指标', weight: 5, rule: rule as Rule }], { v: { type: 'percent' } });
  const codes = (def: FrameworkDefinition): string[] => {
    const r = validateFramework(def);
    return r.ok ? [] : r.issues.map((i) => i.code);
  };
  it('tiers: []', () => {
    expect(codes(leaf({ kind: 'tiers', tiers: [] }))).toContain('rule-invalid');
  });
  it('bands: []', () => {
    expect(codes(leaf({ kind: 'bands', value: { input: 'v' }, bands: [] }))).toContain('rule-invalid');
  });
  it('either with no alternatives', () => {
    expect(codes(leaf({ kind: 'either', alternatives: [] }))).toContain('rule-invalid');
  });
  it('but one tier covering everything, or one unbounded band, is fine', () => {
    expect(codes(leaf({ kind: 'tiers', tiers: [{ id: 'all', name: '全部', min: 0, max: 1 }] }))).toEqual([]);
    expect(codes(leaf({ kind: 'bands', value: { input: 'v' }, bands: [{ fraction: 1 }] }))).toEqual([]);
  });
});
