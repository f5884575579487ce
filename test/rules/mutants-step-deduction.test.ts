/**
 * 按步长扣分的变异测试补充 step-deduction, pinned where mutation testing found nothing watching: the issue paths
 * and data of an invalid rule (docs/errors.md), and the outcome fields (`steps`, `deduction`, `exhausted`) that
 * docs/rules.md and the JSDoc of StepDeductionOutcome define.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, validateFramework } from '../../src/index.js';
import type { InputValue, Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const io = { v: { type: 'number' } } as const;
const base = { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: '0.01', points: '0.5', steps: 'completed' } as const;

/** The issues of validating one leaf `x` (weight 5) with this rule, as { code, path, data }. */
function issuesOf(rule: unknown, weight: number | string = 5): { code: string; path: readonly (string | number)[]; data: unknown }[] {
  const r = validateFramework(frameworkOf([{ id: 'x', name: '指标', weight, rule: rule as Rule }], io));
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }));
}

/** The leaf of evaluating one leaf `x` with this rule and value. */
function leaf(rule: Rule, v: InputValue, weight: number | string = 5) {
  const s = evaluate(frameworkOf([{ id: 'x', name: '指标', weight, rule }], io), { values: { v } });
  expect(s.indicators[0]?.status).toBe('scored');
  return s.indicators[0];
}

describe('step-deduction 校验 validation: issue paths and data', () => {
  it('an unknown input in `value` is reported at rule.value.input / 未声明的输入指向 value', () => {
    expect(issuesOf({ ...base, value: { input: 'nope' } })).toEqual([
      { code: 'unknown-input', path: ['indicators', 0, 'rule', 'value', 'input'], data: { input: 'nope' } },
    ]);
  });
  it('`step` not greater than 0 is rule-invalid at rule.step, naming the field / 步长须大于 0', () => {
    const issues = issuesOf({ ...base, step: 0 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'rule-invalid', path: ['indicators', 0, 'rule', 'step'], data: { field: 'step' } });
    expect(issuesOf({ ...base, step: '-0.01' })[0]).toMatchObject({ code: 'rule-invalid', path: ['indicators', 0, 'rule', 'step'], data: { field: 'step' } });
  });
  it('`points` not greater than 0 is rule-invalid at rule.points, naming the field / 每步扣分须大于 0', () => {
    const issues = issuesOf({ ...base, points: 0 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'rule-invalid', path: ['indicators', 0, 'rule', 'points'], data: { field: 'points' } });
  });
  it('an unreadable threshold is invalid-number at rule.threshold / 阈值无法识别', () => {
    expect(issuesOf({ ...base, threshold: 'abc' })).toEqual([
      { code: 'invalid-number', path: ['indicators', 0, 'rule', 'threshold'], data: { value: 'abc' } },
    ]);
  });
});

describe('step-deduction 结果 outcome: steps, deduction, exhausted', () => {
  it('at or before the threshold nothing is counted: steps 0, deduction 0, not exhausted / 未超过阈值不计步', () => {
    // Before the threshold a `completed` count of −0.1 ÷ 0.01 would floor to −10 and `started` ceil to −10: the outcome says 0.
    for (const steps of ['completed', 'started', 'proportional'] as const) {
      expect(leaf({ ...base, steps }, '0.9')?.outcome).toEqual({
        kind: 'step-deduction', value: '0.9', threshold: '1', perStep: '0.5', excess: '-0.1', steps: '0', deduction: '0', exhausted: false,
      });
      expect(leaf({ ...base, steps }, '0.955')?.outcome).toMatchObject({ excess: '-0.045', steps: '0', deduction: '0', exhausted: false });
      expect(leaf({ ...base, steps }, 1)?.outcome).toMatchObject({ excess: '0', steps: '0', deduction: '0', exhausted: false });
    }
    const below: Rule = { ...base, direction: 'below', threshold: '0.9', step: '0.05', points: 1, steps: 'started' };
    expect(leaf(below, '0.97', 10)?.outcome).toMatchObject({ excess: '-0.07', steps: '0', deduction: '0', exhausted: false });
    expect(leaf(below, '0.97', 10)?.score).toBe('10.00');
  });
  it('`exhausted` is true exactly when the deduction reaches the weight (≥, not >) / 扣完为止：扣分达到分值', () => {
    // 5 × 0.5 = 2.5 of 5: not exhausted.
    expect(leaf(base, '1.05')?.outcome).toMatchObject({ steps: '5', deduction: '2.5', exhausted: false });
    // 9 × 0.5 = 4.5 of 5: not exhausted, 0.5 left.
    expect(leaf(base, '1.09')?.outcome).toMatchObject({ steps: '9', deduction: '4.5', exhausted: false });
    expect(leaf(base, '1.09')?.score).toBe('0.50');
    // 10 × 0.5 = 5 of 5: exactly the weight, exhausted.
    expect(leaf(base, '1.1')?.outcome).toMatchObject({ steps: '10', deduction: '5', exhausted: true });
    expect(leaf(base, '1.1')?.score).toBe('0.00');
    // 12 × 0.5 = 6 of 5: beyond the weight, exhausted; the deduction is shown before the floor.
    expect(leaf(base, '1.12')?.outcome).toMatchObject({ steps: '12', deduction: '6', exhausted: true });
    expect(leaf(base, '1.12')?.score).toBe('0.00');
  });
  it('proportional: exhausted exactly at the weight, not a hair before / 按比例时恰好扣完', () => {
    const prop: Rule = { ...base, steps: 'proportional' };
    expect(leaf(prop, '1.0999')?.outcome).toMatchObject({ steps: '9.99', deduction: '4.995', exhausted: false });
    expect(leaf(prop, '1.1')?.outcome).toMatchObject({ steps: '10', deduction: '5', exhausted: true });
  });
});
