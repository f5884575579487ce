import DecimalJs from 'decimal.js';
import DecimalLight from 'decimal.js-light';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, NATIONAL_GRADES, type EvaluateOptions, type ScoreSheet } from '../../src/index.js';

/*
 * jixiao computes with a private clone of decimal.js-light. A host application that changes the global
 * configuration (`Decimal.set(...)`) of the same library, or of decimal.js (common in finance systems), must not
 * change jixiao's results, and jixiao must not change the host's configuration.
 */

const framework = defineFramework({
  id: 'isolation',
  name: '隔离测试',
  scope: 'project',
  total: 100,
  inputs: {
    actual: { type: 'number', name: '执行数', unit: '万元' },
    budget: { type: 'number', name: '预算数', unit: '万元' },
    met: { type: 'number', name: '达成个数' },
    set: { type: 'number', name: '设定个数' },
    cost: { type: 'number', name: '实际成本' },
    plan: { type: 'number', name: '计划成本' },
  },
  indicators: [
    { id: 'execution', name: '预算执行率', weight: 40, rule: { kind: 'ratio', value: { div: [{ input: 'actual' }, { input: 'budget' }] } } },
    { id: 'outputs', name: '产出指标完成率', weight: 35, rule: { kind: 'count-ratio', met: { input: 'met' }, total: { input: 'set' } } },
    { id: 'cost', name: '成本控制', weight: 25, rule: { kind: 'lower-is-better', actual: { input: 'cost' }, target: { input: 'plan' }, variant: 'inverse' } },
  ],
  grades: NATIONAL_GRADES,
});

const inputs = { values: { actual: '11,429.51', budget: '12,000', met: 2, set: 3, cost: 7, plan: 6 } };

/** Leaf rounding (default), and no rounding but the total, at high precision so that any loss shows. */
const OPTIONS: readonly EvaluateOptions[] = [{}, { roundAt: 'total', precision: 10 }, { rounding: 'down' }];

const snapshot = (): ScoreSheet[] => OPTIONS.map((o) => evaluate(framework, inputs, o));

/** The part of either library's constructor the test uses. */
interface HostDecimal {
  new (value: string | number): { dividedBy(x: number): { toString(): string } };
  precision: number;
  rounding: number;
  readonly ROUND_DOWN: number;
  set(config: { precision: number; rounding: number }): unknown;
}

describe.each([
  ['decimal.js-light', DecimalLight as unknown as HostDecimal],
  ['decimal.js', DecimalJs as unknown as HostDecimal],
])('%s isolation', (_, Decimal) => {
  it('the global Decimal.set() of the host does not change jixiao results', () => {
    const saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    const before = snapshot();
    // 40 × 11429.51 ÷ 12000 = 38.09836…; 35 × 2/3 = 23.3333…; 25 × 6/7 = 21.428571…
    expect(before[0]?.indicators.map((n) => n.score)).toEqual(['38.10', '23.33', '21.43']);
    expect(before[0]?.total).toBe('82.86');
    expect(before[1]?.total).toBe('82.8602714286');
    expect(before[2]?.total).toBe('82.84');

    try {
      Decimal.set({ precision: 3, rounding: Decimal.ROUND_DOWN });
      // The host's configuration is in effect for the host…
      expect(new Decimal(2).dividedBy(3).toString()).toBe('0.666');
      // …and not for jixiao.
      const after = snapshot();
      expect(after).toEqual(before);
      // jixiao left the host's configuration as the host set it.
      expect(Decimal.precision).toBe(3);
      expect(Decimal.rounding).toBe(Decimal.ROUND_DOWN);
      expect(new Decimal('11429.51').dividedBy(12000).toString()).toBe('0.952');
    } finally {
      Decimal.set(saved);
    }
    expect(snapshot()).toEqual(before);
  });
});
