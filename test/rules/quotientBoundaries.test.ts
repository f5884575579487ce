/**
 * A quotient multiplied back (x ÷ y × z) that lands exactly on a rule's boundary scores as the exact value does.
 * The decimal path keeps 50 significant digits, so 1 ÷ 3 × 3 is 0.999…9 there; its comparisons, floors, ceilings
 * and zero tests take values snapped to the guard places, which gives 1. Each case scores one framework with the
 * expression and one with an input `w` holding its exact value in its place, on the explained path and on the fast
 * path (exact fractions), and expects the same sheet from all of them.
 */
import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate, type FrameworkDefinition } from '../../src/index.js';

const N = { type: 'number', name: '数' } as const;
/** x ÷ y × z. */
const Q = { mul: [{ div: [{ input: 'x' }, { input: 'y' }] }, { input: 'z' }] };
const W = { input: 'w' };

/** An expression: `Q`, or `W` in its place. */
type Expr = typeof Q | typeof W;
/** The indicators (and adjustments) of a framework around an expression. */
type Build = (e: Expr) => object;

const leaf = (rule: unknown, when?: unknown): object => ({ indicators: [{ id: 'a', name: '指标', weight: 10, rule, ...(when === undefined ? {} : { when }) }] });
const atLeastOne = (e: Expr) => ({ left: e, op: '>=', right: 1 });

function framework(build: Build, e: Expr) {
  return defineFramework({
    id: 'q',
    name: '商的边界',
    scope: 'project',
    total: 10,
    inputs: { x: N, y: N, z: N, w: N },
    grades: [
      { label: '好', min: 6 },
      { label: '差', min: 0 },
    ],
    ...build(e),
  } as unknown as FrameworkDefinition);
}

/** Each case: the framework around an expression, and x, y, z whose x ÷ y × z is w exactly (0.999…9 on 50 digits for 1; 3.000…01 for 3). */
const cases: readonly (readonly [string, Build, { x: number; y: number; z: number; w: number }])[] = [
  ['binary, ≥', (e) => leaf({ kind: 'binary', when: atLeastOne(e) }), { x: 1, y: 3, z: 3, w: 1 }],
  ['binary, =', (e) => leaf({ kind: 'binary', when: { left: e, op: '=', right: 1 } }), { x: 1, y: 3, z: 3, w: 1 }],
  ['binary, <', (e) => leaf({ kind: 'binary', when: { left: e, op: '<', right: 1 }, otherwise: 0.5 }), { x: 1, y: 3, z: 3, w: 1 }],
  [
    'bands, a boundary at 1',
    (e) =>
      leaf({
        kind: 'bands',
        value: e,
        bands: [
          { min: 0, max: 1, maxInclusive: false, fraction: 0 },
          { min: 1, minInclusive: true, fraction: 1 },
        ],
      }),
    { x: 1, y: 3, z: 3, w: 1 },
  ],
  ['ratio, zeroBelow', (e) => leaf({ kind: 'ratio', value: e, zeroBelow: 0.6 }), { x: 1, y: 3, z: 1.8, w: 0.6 }],
  ['step-deduction, completed steps (a floor)', (e) => leaf({ kind: 'step-deduction', value: e, direction: 'above', threshold: 0, step: 1, points: 1, steps: 'completed' }), { x: 1, y: 3, z: 3, w: 1 }],
  // 1 ÷ 6 × 18 is 3.000…01 on 50 digits: a fourth started step.
  ['step-deduction, started steps (a ceiling)', (e) => leaf({ kind: 'step-deduction', value: e, direction: 'above', threshold: 0, step: 1, points: 1, steps: 'started' }), { x: 1, y: 6, z: 18, w: 3 }],
  ['a zero-points condition', (e) => leaf({ kind: 'manual' }, { zero: atLeastOne(e) }), { x: 1, y: 3, z: 3, w: 1 }],
  ['a full-marks condition', (e) => leaf({ kind: 'binary', when: { left: 1, op: '<', right: 0 } }, { full: atLeastOne(e) }), { x: 1, y: 3, z: 3, w: 1 }],
  [
    'a veto',
    (e) => ({ ...leaf({ kind: 'ratio', value: { input: 'z' } }), adjustments: [{ kind: 'veto', id: 'v', name: '否决', when: atLeastOne(e), effect: 'zero-total' }] }),
    { x: 1, y: 3, z: 3, w: 1 },
  ],
  ['a zero divisor (x ÷ (q − 1))', (e) => leaf({ kind: 'ratio', value: { div: [{ input: 'x' }, { sub: [e, 1] }] } }), { x: 1, y: 3, z: 3, w: 1 }],
];

describe('a quotient multiplied back onto a boundary scores as its exact value', () => {
  it.each(cases)('%s', (_, build, { x, y, z, w }) => {
    const withQuotient = framework(build, Q);
    const withValue = framework(build, W);
    const record = { values: { x, y, z } };
    const exact = evaluate(withValue, { values: { w, x, y, z } });
    const sheet = evaluate(withQuotient, record);
    const fast = createScorer(withQuotient).score(record);
    const scores = (s: typeof sheet) => s.indicators.map((n) => [n.id, n.score, n.status]);
    expect([sheet.total, sheet.grade?.label, sheet.complete, scores(sheet)]).toEqual([exact.total, exact.grade?.label, exact.complete, scores(exact)]);
    expect(sheet.issues.map((i) => i.code)).toEqual(exact.issues.map((i) => i.code));
    expect([fast.total, fast.grade, fast.complete]).toEqual([sheet.total, sheet.grade?.label ?? null, sheet.complete]);
  });
});

describe('two values closer than 10^-30 compare as equal, on both paths', () => {
  it('a1 ÷ b1 < a1 ÷ b2 for quotients 10^-32 apart: not taken, on the fast path as on the decimal path', () => {
    const fw = defineFramework({
      id: 'close',
      name: '相近的商',
      scope: 'project',
      total: 10,
      grades: [{ label: '—', min: 0 }],
      inputs: { a: N, b1: N, b2: N },
      indicators: [{ id: 'r', name: '比较', weight: 10, rule: { kind: 'binary', when: { left: { div: [{ input: 'a' }, { input: 'b1' }] }, op: '<', right: { div: [{ input: 'a' }, { input: 'b2' }] } } } }],
    } as unknown as FrameworkDefinition);
    const record = { values: { a: '0.0001', b1: '899999999999.9999', b2: '899999999999.9998' } };
    const fast = createScorer(fw).score(record);
    expect([fast.total, evaluate(fw, record).total]).toEqual(['0.00', '0.00']);
  });

  it('snaps half-even: a product of 5 × 10^-31 (a tie at the 31st place) is 0, not 10^-30', () => {
    const fw = defineFramework({
      id: 'tie',
      name: '第 31 位的 5',
      scope: 'project',
      total: 10,
      grades: [{ label: '—', min: 0 }],
      inputs: { x: N, y: N },
      indicators: [{ id: 'r', name: '比较', weight: 10, rule: { kind: 'binary', when: { left: { mul: [{ input: 'x' }, { input: 'y' }] }, op: '>', right: 0 } } }],
    } as unknown as FrameworkDefinition);
    const totals = (x: string) => [createScorer(fw).score({ values: { x, y: '0.000000000000001' } }).total, evaluate(fw, { values: { x, y: '0.000000000000001' } }).total];
    expect([totals('0.0000000000000005'), totals('0.0000000000000015')]).toEqual([['0.00', '0.00'], ['10.00', '10.00']]);
  });
});
