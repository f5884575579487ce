/**
 * 有效分值 Effective weights: not-applicable policies and how they fall back, pinned by effective weights and
 * explanations (mutation survivors of src/evaluate/effectiveWeights.ts and src/calc/allocate.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, findNode } from '../../src/index.js';
import type { Indicator, NotApplicablePolicy, ScoreSheet } from '../../src/index.js';
import { allocate } from '../../src/calc/allocate.js';
import { decimalCalculator as c } from '../../src/calc/calculator.js';
import { dec } from '../../src/calc/decimal.js';
import { frameworkOf } from '../support/minimal.js';

const leaf = (id: string, weight: number, notApplicable?: NotApplicablePolicy): Indicator => ({
  id,
  name: id,
  weight,
  rule: { kind: 'manual' },
  ...(notApplicable === undefined ? {} : { notApplicable }),
});
const branch = (id: string, weight: number, children: Indicator[], notApplicable?: NotApplicablePolicy): Indicator => ({
  id,
  name: id,
  weight,
  children,
  ...(notApplicable === undefined ? {} : { notApplicable }),
});
/** Every node's effective weight, by id. */
function weights(s: ScoreSheet): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (ns: ScoreSheet['indicators']): void =>
    ns.forEach((n) => {
      out[n.id] = n.effectiveWeight;
      walk(n.children);
    });
  walk(s.indicators);
  return out;
}

describe('transfer 转移: the target can take the weight / 目标能否接收', () => {
  it('a target branch with one applicable child still takes the weight (a branch is NA only when all its children are) / 部分下级不适用的上级指标仍可接收', () => {
    const def = frameworkOf([
      branch('A', 20, [leaf('a1', 10), leaf('a2', 10)]),
      leaf('s', 10, { policy: 'transfer', to: 'A' }),
      leaf('t', 10),
    ]);
    const sheet = evaluate(def, { values: { a2: 10, t: 10 }, notApplicable: ['a1', 's'] });
    // a1 is rescaled away (A: 20 − 10 + 10 from s = 20), t keeps 10: 40 split 20 : 10.
    expect(weights(sheet)).toEqual({ A: '26.67', a1: '0.00', a2: '26.67', s: '0.00', t: '13.33' });
    expect(findNode(sheet, 's')?.explanation).toBe('s不适用，分值转入“A”');
    expect(findNode(sheet, 'A')?.status).toBe('scored');
    expect(sheet.total).toBe('40.00');
  });
  it('a transfer to an ancestor of the NA node falls back to rescale / 转给自己的上级时改按折算', () => {
    const def = frameworkOf([branch('B', 20, [leaf('x', 10, { policy: 'transfer', to: 'B' }), leaf('y', 10)]), leaf('t', 10)]);
    const sheet = evaluate(def, { values: { y: 10, t: 10 }, notApplicable: ['x'] });
    expect(weights(sheet)).toEqual({ B: '15.00', x: '0.00', y: '15.00', t: '15.00' });
    expect(findNode(sheet, 'x')?.explanation).toBe('x不适用，分值按适用指标折算');
    expect(findNode(sheet, 'x')?.explanationEn).toBe('x: not applicable; its points are rescaled over the applicable indicators');
  });
  it('a transfer to a grandparent also falls back to rescale / 转给更高的上级同样改按折算', () => {
    const def = frameworkOf([branch('G', 20, [branch('P', 20, [leaf('x', 10, { policy: 'transfer', to: 'G' }), leaf('y', 10)])]), leaf('t', 10)]);
    const sheet = evaluate(def, { values: { y: 10, t: 10 }, notApplicable: ['x'] });
    expect(weights(sheet)).toEqual({ G: '15.00', P: '15.00', x: '0.00', y: '15.00', t: '15.00' });
  });
});

describe('redistribute 分摊 next to rescale 与折算并存', () => {
  it('a redistribute and a rescale in the same evaluation each keep their own policy / 同一次评价中两种处理方式各自生效', () => {
    const def = frameworkOf([branch('B', 20, [leaf('x', 10, { policy: 'redistribute' }), leaf('y', 10)]), leaf('q', 10), leaf('r', 10)]);
    const sheet = evaluate(def, { values: { y: 10, r: 10 }, notApplicable: ['x', 'q'] });
    // B keeps 20 (y takes x's 10); q is rescaled away: 40 split 20 : 10.
    expect(weights(sheet)).toEqual({ B: '26.67', x: '0.00', y: '26.67', q: '0.00', r: '13.33' });
    expect(findNode(sheet, 'x')?.explanation).toBe('x不适用，分值由同级指标分摊');
    expect(findNode(sheet, 'q')?.explanation).toBe('q不适用，分值按适用指标折算');
  });
  it('a redistribute with no sibling to take it is applied, and explained, as rescale / 无同级可分摊时按折算处理并如此说明', () => {
    const def = frameworkOf([branch('B', 10, [leaf('x', 10, { policy: 'redistribute' })]), leaf('r', 10)]);
    const sheet = evaluate(def, { values: { r: 5 }, notApplicable: ['x'] });
    expect(weights(sheet)).toEqual({ B: '0.00', x: '0.00', r: '20.00' });
    expect(findNode(sheet, 'x')?.explanation).toBe('x不适用，分值按适用指标折算');
    expect(findNode(sheet, 'x')?.explanationEn).toBe('x: not applicable; its points are rescaled over the applicable indicators');
    expect(sheet.total).toBe('10.00');
  });
});

describe('allocate 最大余额法', () => {
  const d = (xs: (string | number)[]) => xs.map((x) => dec(x));
  const str = (xs: readonly unknown[]) => xs.map((x) => String(x));
  it('equal remainders go to the smaller key whatever the listing order / 余数相同时给 id 较小者，与排列顺序无关', () => {
    for (const keys of [['b', 'a'], ['a', 'b']]) {
      const parts = allocate(c, dec(1), d([1, 1]), keys, dec(1));
      expect(Object.fromEntries(keys.map((k, i) => [k, String(parts[i])]))).toEqual({ a: '1', b: '0' });
    }
    for (const keys of [['c', 'b', 'a'], ['b', 'c', 'a'], ['a', 'c', 'b'], ['c', 'a', 'b']]) {
      const parts = allocate(c, dec(2), d([1, 1, 1]), keys, dec(1));
      expect(Object.fromEntries(keys.map((k, i) => [k, String(parts[i])]))).toEqual({ a: '1', b: '1', c: '0' });
    }
  });
  it('shares on the grid that already sum to the amount are returned unchanged / 已在网格上且合计相符的份额原样返回', () => {
    const shares = d(['0.5', '0.25', '0.25']);
    const parts = allocate(c, dec(1), shares, ['a', 'b', 'c'], dec('0.01'));
    parts.forEach((p, i) => expect(p).toBe(shares[i]));
  });
  it('shares that sum to zero give zeros / 份额合计为 0 时每份为 0', () => {
    expect(str(allocate(c, dec(5), d([0, 0]), ['a', 'b'], dec('0.01')))).toEqual(['0', '0']);
  });
});
