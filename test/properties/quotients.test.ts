import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate, type FrameworkDefinition } from '../../src/index.js';
import { runs } from './helpers.js';

/*
 * 商乘回去就是被除数。A quotient multiplied back by its divisor is the dividend: on every rule that compares, floors or
 * ceils a value, the expression x ÷ y × y scores as an input holding x does, on the explained path and on the fast
 * path, with the rule's bound often on x itself (where a 50-digit quotient such as 0.999…9 used to fall on the
 * wrong side of it) and otherwise anywhere.
 */

const N = { type: 'number', name: '数' } as const;
const QUOTIENT = { mul: [{ div: [{ input: 'x' }, { input: 'y' }] }, { input: 'y' }] };
const VALUE = { input: 'w' };

/** The rule of the one leaf, around an expression `e`, with bound `b`. */
type Rule = (e: unknown, b: number) => unknown;

const rules: readonly (readonly [string, Rule])[] = [
  ...(['>=', '>', '<=', '<', '=', '!='] as const).map((op): readonly [string, Rule] => [`binary ${op}`, (e, b) => ({ kind: 'binary', when: { left: e, op, right: b }, otherwise: 0.5 })]),
  ...[true, false].map((lowInclusive): readonly [string, Rule] => [
    `bands, bound ${lowInclusive ? 'in the lower band' : 'in the upper band'}`,
    (e, b) => ({
      kind: 'bands',
      value: e,
      bands: [
        { min: 0, max: b, maxInclusive: lowInclusive, fraction: 0.2 },
        { min: b, minInclusive: !lowInclusive, fraction: 1 },
      ],
    }),
  ]),
  ['ratio, zeroBelow', (e, b) => ({ kind: 'ratio', value: e, zeroBelow: b })],
  ['ratio, zeroAbove', (e, b) => ({ kind: 'ratio', value: e, zeroAbove: b })],
  ...(['completed', 'started'] as const).map((steps): readonly [string, Rule] => [`step-deduction, ${steps} steps`, (e, b) => ({ kind: 'step-deduction', value: e, direction: 'above', threshold: 0, step: b, points: 1, steps })]),
];

function framework(rule: unknown): ReturnType<typeof defineFramework> {
  return defineFramework({
    id: 'quotients',
    name: '商',
    scope: 'project',
    total: 10,
    inputs: { x: N, y: N, w: N },
    grades: [
      { label: '好', min: 6 },
      { label: '差', min: 0 },
    ],
    indicators: [{ id: 'a', name: '指标', weight: 10, rule }],
  } as unknown as FrameworkDefinition);
}

describe('x ÷ y × y scores as x on every rule that compares, floors or ceils', () => {
  it('on both paths, with the bound on x or anywhere', () => {
    // x in (0, 3] with 2 decimals; y any divisor of up to 3 digits; the bound x itself half the time.
    const cents = fc.integer({ min: 1, max: 300 }).map((c) => c / 100);
    fc.assert(
      fc.property(fc.constantFrom(...rules), cents, fc.integer({ min: 1, max: 999 }), fc.oneof(fc.constant(undefined), cents), ([, rule], x, y, other) => {
        const bound = other ?? x;
        const withQuotient = framework(rule(QUOTIENT, bound));
        const withValue = framework(rule(VALUE, bound));
        const record = { values: { x, y } };
        const sheet = evaluate(withQuotient, record);
        const exact = evaluate(withValue, { values: { x, y, w: x } });
        expect([sheet.total, sheet.grade?.label, sheet.complete]).toEqual([exact.total, exact.grade?.label, exact.complete]);
        expect(createScorer(withQuotient).score(record).total).toBe(sheet.total);
      }),
      runs(400),
    );
  });
});
