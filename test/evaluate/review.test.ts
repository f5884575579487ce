import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, safeEvaluate, validateFramework } from '../../src/index.js';
import type { Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/** Findings of the review of the redesign, each pinned. */
describe('review findings 复核发现', () => {
  it('literals written as documents write them ("60%", "1,000", "−5", full-width) explain without re-reading', () => {
    const cases: [Rule, 'fraction' | 'number', Record<string, unknown>, string][] = [
      [{ kind: 'ratio', value: { input: 'v' }, zeroBelow: '60%' }, 'fraction', { v: '0.5' }, '完成率 50.00%，低于 60%，不得分'],
      [{ kind: 'step-deduction', value: { input: 'v' }, direction: 'below', threshold: '９０%', step: '5%', points: 1, steps: 'started', unit: '%' }, 'fraction', { v: '0.8' }, '低于阈值 90% 计 2 个步长，每步扣 1 分'],
      [{ kind: 'bands', value: { input: 'v' }, bands: [{ max: '1,000', fraction: 1 }, { min: '1,000', fraction: 0 }] }, 'number', { v: 5 }, '落在区间 (-∞, 1000)'],
      [{ kind: 'bands', value: { input: 'v' }, bands: [{ max: '−5', fraction: 0 }, { min: '−5', fraction: 1 }] }, 'number', { v: 5 }, '落在区间 [-5, +∞)'],
    ];
    for (const [rule, type, values, text] of cases) {
      const s = evaluate(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule }], { v: { type } }), { values: values as never });
      expect(s.issues).toEqual([]);
      expect(s.indicators[0]?.explanation).toContain(text);
    }
  });

  it("a parent NA only because all its children are applies each child's own policy (transfer)", () => {
    const def = frameworkOf([
      { id: 'a', name: '甲', weight: 20, children: [{ id: 'a1', name: '甲一', weight: 20, rule: { kind: 'manual' }, notApplicable: { policy: 'transfer', to: 'b' } }] },
      { id: 'b', name: '乙', weight: 40, rule: { kind: 'manual' } },
      { id: 'c', name: '丙', weight: 40, rule: { kind: 'manual' } },
    ]);
    const s = evaluate(def, { values: { b: 30, c: 40 }, notApplicable: ['a1'] });
    expect(s.indicators.map((n) => [n.id, n.status, n.effectiveWeight, n.score])).toEqual([
      ['a', 'not-applicable', '0.00', '0.00'],
      ['b', 'scored', '60.00', '45.00'],
      ['c', 'scored', '40.00', '40.00'],
    ]);
    expect(s.total).toBe('85.00');
  });

  it('directed rounding rounds the true value: 3 × (1 ÷ 3) is 1.00 under down and floor', () => {
    const def = frameworkOf([{ id: 'x', name: '指标', weight: 3, rule: { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } } }], { a: { type: 'number' }, b: { type: 'number' } });
    for (const rounding of ['down', 'floor'] as const) {
      expect(evaluate(def, { values: { a: 1, b: 3 } }, { rounding }).total).toBe('1.00');
      expect(evaluate(def, { values: { a: 1, b: 3 } }, { rounding, roundAt: 'total' }).indicators[0]?.score).toBe('1');
    }
  });

  it("with roundAt 'total' the total does not depend on which id gets a spare unit", () => {
    const ids = ['a', 'b', 'c', 'd'];
    const totals = ids.slice(0, 3).map((full) => {
      const def = frameworkOf(ids.map((id) => ({ id, name: id, weight: id === 'd' ? 10 : 30, rule: { kind: 'manual' as const } })), {}, { options: { roundAt: 'total' } });
      const values = Object.fromEntries(ids.slice(0, 3).map((id) => [id, id === full ? 30 : 0]));
      return evaluate(def, { values, notApplicable: ['d'] }).total;
    });
    expect(totals).toEqual(['33.33', '33.33', '33.33']);
  });

  it('a decided any/all forgets the faults of its undecided parts, as it forgets their missing inputs', () => {
    const def = frameworkOf(
      [{ id: 'x', name: '指标', weight: 10, rule: { kind: 'binary', when: { any: [{ is: 'ok' }, { left: { div: [1, { input: 'b' }] }, op: '>', right: 1 }] } } }],
      { ok: { type: 'boolean' }, b: { type: 'number' } },
    );
    expect(evaluate(def, { values: { ok: true, b: 0 } }).total).toBe('10.00');
    expect(evaluate(def, { values: { ok: true } }).total).toBe('10.00');
    expect(evaluate(def, { values: { ok: false, b: 0 } }).indicators[0]?.status).toBe('fault');
  });

  it('a value past the threshold by less than a step says so, not "not past the threshold"', () => {
    const rule: Rule = { kind: 'step-deduction', value: { input: 'v' }, direction: 'below', threshold: '0.9', step: '0.05', points: 1, steps: 'completed', unit: '%' };
    const s = evaluate(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule }], { v: { type: 'fraction' } }), { values: { v: '0.88' } });
    expect(s.indicators[0]?.explanation).toBe('指标 值 88.00%，低于阈值 90% 不足一个步长，不扣分，得满分 10.00 分');
  });
});

describe('validation refuses what cannot score sensibly 校验', () => {
  const codesOf = (def: unknown): string[][] => {
    const r = validateFramework(def);
    return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')]);
  };
  const leaf = (rule: Rule, weight = 10) => [{ id: 'x', name: '指标', weight, rule }];
  it('negative check points, crossed cut-offs, a manual step above the weight', () => {
    expect(codesOf(frameworkOf(leaf({ kind: 'checklist', checks: [{ id: 'a', name: '甲', points: 12 }, { id: 'b', name: '减', points: -2 }] })))).toEqual([['negative-amount', 'indicators.0.rule.checks.1.points']]);
    expect(codesOf(frameworkOf(leaf({ kind: 'ratio', value: { input: 'v' }, zeroBelow: 2, zeroAbove: '1.3' }), { v: { type: 'percent' } }))).toEqual([['rule-invalid', 'indicators.0.rule.zeroBelow']]);
    expect(codesOf(frameworkOf(leaf({ kind: 'manual', step: 20 })))).toEqual([['rule-invalid', 'indicators.0.rule.step']]);
    expect(codesOf(frameworkOf(leaf({ kind: 'manual', step: 10 })))).toEqual([]);
  });
  it('grade bounds finer than the precision, or negative; a % unit on a plain number; a transfer to a weight-0 node', () => {
    expect(codesOf(frameworkOf(leaf({ kind: 'manual' }), {}, { grades: [{ label: '优', min: '9.5' }, { label: '差', min: 0 }], options: { precision: 0 } }))).toEqual([['grade-scale-invalid', 'grades.0.min']]);
    expect(codesOf(frameworkOf(leaf({ kind: 'manual' }), {}, { grades: [{ label: '差', min: -5 }] }))).toEqual([['grade-scale-invalid', 'grades.0.min']]);
    expect(codesOf(frameworkOf(leaf({ kind: 'ratio', value: { input: 'v' } }), { v: { type: 'number', unit: '%' } }))).toEqual([['invalid-option', 'inputs.v.unit']]);
    const zero = frameworkOf([
      { id: 'a', name: '甲', weight: 10, rule: { kind: 'manual' }, notApplicable: { policy: 'transfer', to: 'z' } },
      { id: 'z', name: '零', weight: 0, rule: { kind: 'manual' } },
    ]);
    expect(codesOf(zero)).toEqual([['invalid-option', 'indicators.0.notApplicable.to']]);
  });
});

describe('issue paths and messages 问题路径与说明', () => {
  const show = (r: { ok: boolean; issues?: readonly { code: string; path: readonly (string | number)[]; message: string }[] }): string[] =>
    r.ok ? [] : (r.issues ?? []).map((i) => `${i.code}@${i.path.join('.')} ${i.message}`);
  it('point into the value the caller passed, with a message that says what is expected', () => {
    const f = defineFramework(frameworkOf([{ id: 'x', name: 'x', weight: 10, rule: { kind: 'manual' } }]));
    const copy = JSON.parse(JSON.stringify(f)) as { definition: { total: unknown } };
    copy.definition.total = 'abc';
    expect(show(safeEvaluate(copy as never, { values: {} }))).toEqual(['invalid-number@definition.total 无法识别的数值“abc”']);
    expect(show(safeEvaluate(f, { values: {} }, { precision: 1e300 }))).toEqual(['invalid-type@options.precision 类型错误：应为范围内的值']);
    expect(show(safeEvaluate(undefined as never, { values: {} }))).toEqual(['invalid-type@ 类型错误：应为对象']);
    expect(show(validateFramework(frameworkOf([{ id: 'x', name: 'x', weight: 10, rule: { kind: 'manual', input: 'v' } }], { v: { type: 'number' } })))).toEqual([
      'input-type-mismatch@indicators.0.rule.input 输入“v”的类型为 number，此处需要 score',
    ]);
  });
});

describe('found by the 1,000,000-case fuzz run 百万次模糊测试发现', () => {
  it('a transfer to an ancestor is applied as rescale (its weight would have no applicable child to go to)', () => {
    const own = frameworkOf([
      { id: 'p', name: '父', weight: 30, children: [{ id: 'a', name: '甲', weight: 30, rule: { kind: 'manual' }, notApplicable: { policy: 'transfer', to: 'p' } }] },
      { id: 'q', name: '丙', weight: 70, rule: { kind: 'manual' } },
    ]);
    const declared = evaluate(own, { values: { q: 70 }, notApplicable: ['a'] });
    expect(declared.total).toBe('100.00');
    expect(declared.indicators[0]?.children[0]?.explanation).toBe('甲不适用，分值按适用指标折算');
    // Framework-wide: every NA node transfers to p, including p's own children, whose weight p could not pass on.
    const inherited = frameworkOf(
      [
        { id: 'p', name: '父', weight: 29, children: [{ id: 'a', name: '甲', weight: 29, rule: { kind: 'manual' } }, { id: 'z', name: '零', weight: 0, rule: { kind: 'manual' } }] },
        { id: 'q', name: '丙', weight: 71, rule: { kind: 'manual' } },
      ],
      {},
      { options: { notApplicable: { policy: 'transfer', to: 'p' } } },
    );
    const s = evaluate(inherited, { values: { z: 0, q: 71 }, notApplicable: ['a'] });
    expect(s.indicators.map((n) => [n.id, n.effectiveWeight, n.children.map((c) => c.effectiveWeight)])).toEqual([
      ['p', '0.00', ['0.00', '0.00']],
      ['q', '100.00', []],
    ]);
    expect(s.total).toBe('100.00');
  });
  it('a transfer to a node that cannot take weight (nothing applicable of positive weight below it) is applied as rescale', () => {
    const def = frameworkOf([
      { id: 'p', name: '父', weight: 29, children: [{ id: 'a', name: '甲', weight: 29, rule: { kind: 'manual' } }, { id: 'z', name: '零', weight: 0, rule: { kind: 'manual' } }] },
      { id: 'b', name: '乙', weight: 21, rule: { kind: 'manual' }, notApplicable: { policy: 'transfer', to: 'p' } },
      { id: 'q', name: '丙', weight: 50, rule: { kind: 'manual' } },
    ]);
    const s = evaluate(def, { values: { z: 0, q: 25 }, notApplicable: ['a', 'b'] });
    expect(s.indicators.map((n) => [n.id, n.effectiveWeight])).toEqual([['p', '0.00'], ['b', '0.00'], ['q', '100.00']]);
    expect(s.indicators[1]?.explanation).toBe('乙不适用，分值按适用指标折算');
    expect(s.total).toBe('50.00');
  });
});
