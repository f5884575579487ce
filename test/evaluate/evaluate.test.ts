import { describe, expect, it } from 'vitest';
import { createScorer, evaluate, JixiaoError, defineFramework, safeEvaluate, validateFramework } from '../../src/index.js';
import type { FrameworkDefinition, NodeResult } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const amount = frameworkOf([{ id: 'r', name: '预算执行率', weight: 100, rule: { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } } }], {
  a: { type: 'number', unit: '万元' },
  b: { type: 'number', unit: '万元' },
});
const rate = frameworkOf([{ id: 'r', name: '执行率', weight: 100, rule: { kind: 'ratio', value: { input: 'v' } } }], { v: { type: 'percent' } });

describe('inputs as documents write them 输入格式', () => {
  it('accepts "95.47%", "11,429.51", full-width digits, spaces and the declared unit', () => {
    expect(evaluate(rate, { values: { v: '95.47%' } }).total).toBe('95.47');
    expect(evaluate(rate, { values: { v: 95.47 } }).total).toBe('95.47');
    expect(evaluate(rate, { values: { v: '１００％' } }).total).toBe('100.00');
    expect(evaluate(rate, { values: { v: '  88.5 ' } }).total).toBe('88.50');
    expect(evaluate(amount, { values: { a: '11,429.51', b: '11,429.51万元' } }).total).toBe('100.00');
  });
  it('reads "9.5%" of a percent or fraction input declared in % as 9.5% on both paths (the unit is the sign)', () => {
    for (const type of ['percent', 'fraction'] as const) {
      for (const unit of ['%', '％']) {
        const inPercent = frameworkOf([{ id: 'r', name: '执行率', weight: 100, rule: { kind: 'ratio', value: { input: 'v' } } }], { v: { type, unit } });
        const record = { values: { v: '9.5%' } };
        expect([evaluate(inPercent, record).total, createScorer(inPercent).score(record).total]).toEqual(['9.50', '9.50']);
      }
    }
  });
  it('rejects NaN, Infinity, "abc", empty text, with coded issues and paths; the sheet is still returned', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 'abc', '', '1,2,3', '12..5']) {
      const s = evaluate(rate, { values: { v: bad } });
      expect(s.complete).toBe(false);
      expect(s.total).toBeNull();
      expect(s.indicators[0]?.status).toBe('invalid-input');
      expect(['invalid-number', 'invalid-type']).toContain(s.issues[0]?.code);
      expect(s.issues[0]?.path).toEqual(['values', 'v']);
      expect(s.indicators[0]?.issues[0]).toEqual(s.issues[0]);
    }
  });
  it('refuses numbers too large to handle, quickly, with number-out-of-range', () => {
    for (const bad of ['1e100000000', '1e-100000000', '9'.repeat(30), 1e300]) {
      const s = evaluate(rate, { values: { v: bad } });
      expect(s.issues.map((i) => i.code)).toEqual(['number-out-of-range']);
    }
    const huge = validateFramework({ ...rate, total: '1e10000000' });
    expect(huge.ok ? [] : huge.issues.map((i) => i.code)).toContain('number-out-of-range');
  });
  it('reads the minus sign U+2212 like the hyphen and the full-width minus', () => {
    const signed = frameworkOf([{ id: 'r', name: '差异', weight: 10, rule: { kind: 'bands', value: { input: 'v' }, bands: [{ max: 0, fraction: 1 }, { min: 0, fraction: 0 }] } }], { v: { type: 'number' } });
    for (const v of ['−5', '－5', '-5']) expect(evaluate(signed, { values: { v } }).total).toBe('10.00');
  });
  it('never guesses units: a percent sign on a plain amount is an error', () => {
    const s = evaluate(amount, { values: { a: '50%', b: 100 } });
    expect(s.issues.map((i) => i.code)).toEqual(['unexpected-percent']);
    expect(s.complete).toBe(false);
  });
  it('never drops an input silently: unknown input names and indicator ids are errors', () => {
    const s = evaluate(rate, { values: { v: 90, vv: 1 }, notApplicable: ['nope'] });
    expect(s.issues.map((i) => i.code)).toEqual(['unknown-input', 'unknown-indicator']);
    expect(s.indicators[0]?.score).toBe('90.00');
    expect(s.total).toBeNull();
    expect(s.provisional?.total).toBe('90.00');
    expect(() => evaluate(rate, null as never)).toThrow(JixiaoError);
  });
  it('one missing and one malformed input: every other node scored, those two marked, complete false', () => {
    const def = frameworkOf(
      [
        { id: 'a', name: '甲', weight: 40, rule: { kind: 'ratio', value: { input: 'x' } } },
        { id: 'b', name: '乙', weight: 30, rule: { kind: 'ratio', value: { input: 'y' } } },
        { id: 'c', name: '丙', weight: 30, rule: { kind: 'ratio', value: { input: 'z' } } },
      ],
      { x: { type: 'percent' }, y: { type: 'percent' }, z: { type: 'percent' } },
    );
    const s = evaluate(def, { values: { x: '90%', z: 'nine' } });
    expect(s.indicators.map((n) => [n.id, n.status, n.score])).toEqual([
      ['a', 'scored', '36.00'],
      ['b', 'missing-input', '0.00'],
      ['c', 'invalid-input', '0.00'],
    ]);
    expect(s.complete).toBe(false);
    expect(s.total).toBeNull();
    expect(s.grade).toBeNull();
    expect(s.provisional).toMatchObject({ subtotal: '36.00', total: '36.00' });
    expect(s.missingInputs).toEqual(['y']);
    expect(s.issues.map((i) => [i.code, i.path])).toEqual([['invalid-number', ['values', 'z']]]);
  });
  it('keeps input names such as __proto__ and constructor as plain names', () => {
    const def = JSON.parse(
      '{"id":"p","name":"p","scope":"other","total":10,"inputs":{"__proto__":{"type":"number"},"constructor":{"type":"number"}},' +
        '"indicators":[{"id":"__proto__","name":"x","weight":10,"rule":{"kind":"ratio","value":{"div":[{"input":"__proto__"},{"input":"constructor"}]}}}],' +
        '"grades":[{"label":"合格","min":0}]}',
    ) as FrameworkDefinition;
    expect(evaluate(def, JSON.parse('{"values":{"__proto__":5,"constructor":10}}')).total).toBe('5.00');
    expect(evaluate(def, JSON.parse('{"values":{"constructor":10}}')).missingInputs).toEqual(['__proto__']);
  });
  it('division by zero is a fault of its indicator, never called missing input', () => {
    const s = evaluate(amount, { values: { a: 1, b: 0 } });
    expect(s.indicators[0]?.status).toBe('fault');
    expect(s.issues[0]).toMatchObject({ code: 'division-by-zero', path: ['indicators', 0] });
    expect(s.missingInputs).toEqual([]);
    expect(s.complete).toBe(false);
  });
  it('a fault inside a condition is an issue, never a silent 0', () => {
    const io = { a: { type: 'number' }, b: { type: 'number' } } as const;
    const ratioAbove1 = { left: { div: [{ input: 'a' }, { input: 'b' }] }, op: '>', right: 1 } as const;
    for (const when of [{ zero: ratioAbove1 }, { full: ratioAbove1 }, { notApplicable: ratioAbove1 }]) {
      const manual = { kind: 'manual' } as const;
      const def = frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: manual, when }, { id: 'y', name: '另一指标', weight: 10, rule: manual }], io);
      const s = evaluate(def, { values: { a: 1, b: 0, x: 5, y: 6 } });
      expect(s.issues.map((i) => i.code)).toEqual(['division-by-zero']);
      expect(s.indicators.map((n) => n.status)).toEqual(['fault', 'scored']);
    }
    const veto = frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'manual' } }], io, {
      adjustments: [{ kind: 'veto', id: 'v', name: '否决', when: ratioAbove1, effect: 'zero-total' }],
    });
    const s = evaluate(veto, { values: { a: 1, b: 0, x: 5 } });
    expect(s.issues.map((i) => i.code)).toEqual(['division-by-zero']);
    expect(s.adjustments[0]?.status).toBe('fault');
    expect(s.total).toBeNull();
  });
  it('a missing input scores 0 for now and makes the sheet incomplete', () => {
    const s = evaluate(amount, { values: { a: 1, b: null } });
    expect(s.total).toBeNull();
    expect(s.provisional?.total).toBe('0.00');
    expect(s.complete).toBe(false);
    expect(s.missingInputs).toEqual(['b']);
    expect(s.indicators[0]?.status).toBe('missing-input');
    expect(s.warnings.map((w) => w.code)).toEqual(['missing-input']);
  });
});

describe('not applicable 不适用', () => {
  const tree = (policy?: FrameworkDefinition['options']): FrameworkDefinition =>
    frameworkOf(
      [
        { id: 'exec', name: '预算执行率', weight: 10, rule: { kind: 'manual' } },
        { id: 'output', name: '产出', weight: 50, rule: { kind: 'manual' } },
        { id: 'benefit', name: '效益', weight: 30, children: [{ id: 'social', name: '社会效益', weight: 30, rule: { kind: 'manual' } }] },
        { id: 'sat', name: '满意度', weight: 10, rule: { kind: 'manual' } },
      ],
      {},
      policy === undefined ? {} : { options: policy },
    );
  const values = { exec: 10, output: 45, social: 27, sat: 9 };
  const get = (nodes: readonly NodeResult[], id: string): NodeResult | undefined => {
    for (const n of nodes) {
      if (n.id === id) return n;
      const inner = get(n.children, id);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  it('rescale: total = applicable scores ÷ applicable weight × 100', () => {
    const s = evaluate(tree(), { values, notApplicable: ['sat'] });
    // (10 + 45 + 27) ÷ 90 × 100 = 91.11…; the weights are handed down exactly: 11.11 + 55.56 + 33.33.
    expect(get(s.indicators, 'exec')?.effectiveWeight).toBe('11.11');
    expect(get(s.indicators, 'output')?.effectiveWeight).toBe('55.56');
    expect(get(s.indicators, 'social')?.effectiveWeight).toBe('33.33');
    expect(s.total).toBe('91.11');
    expect(get(s.indicators, 'sat')?.status).toBe('not-applicable');
  });
  it('transfer: 满意度 → 效益', () => {
    const def = tree();
    const withTransfer: FrameworkDefinition = {
      ...def,
      indicators: def.indicators.map((n) => (n.id === 'sat' ? { ...n, notApplicable: { policy: 'transfer', to: 'benefit' } } : n)),
    };
    const s = evaluate(defineFramework(withTransfer), { values, notApplicable: ['sat'] });
    expect(get(s.indicators, 'benefit')?.effectiveWeight).toBe('40.00');
    expect(get(s.indicators, 'social')?.effectiveWeight).toBe('40.00');
    expect(get(s.indicators, 'social')?.score).toBe('36.00');
    expect(s.total).toBe('91.00');
  });
  it('full and zero', () => {
    expect(evaluate(tree({ notApplicable: { policy: 'full' } }), { values, notApplicable: ['sat'] }).total).toBe('92.00');
    expect(evaluate(tree({ notApplicable: { policy: 'zero' } }), { values, notApplicable: ['sat'] }).total).toBe('82.00');
  });
  it('redistribute to siblings keeps the parent weight', () => {
    const def = frameworkOf(
      [
        { id: 'p', name: '产出', weight: 20, notApplicable: { policy: 'redistribute' }, children: [{ id: 'a', name: '数量', weight: 10, rule: { kind: 'manual' } }, { id: 'b', name: '质量', weight: 10, rule: { kind: 'manual' } }] },
        { id: 'c', name: '其他', weight: 80, rule: { kind: 'manual' } },
      ],
    );
    const s = evaluate(def, { values: { a: 5, c: 80 }, notApplicable: ['b'] });
    expect(get(s.indicators, 'a')?.effectiveWeight).toBe('20.00');
    expect(get(s.indicators, 'a')?.score).toBe('10.00');
    expect(s.total).toBe('90.00');
  });
  it('lists lost points of indicators counted as 0 when not applicable', () => {
    const s = evaluate(tree({ notApplicable: { policy: 'zero' } }), { values, notApplicable: ['sat'] });
    expect(s.lostPoints.map((l) => l.id)).toContain('sat');
  });
  it('a branch condition that cannot be decided leaves its leaves without points', () => {
    const def = frameworkOf(
      [
        { id: 'p', name: '项目', weight: 10, when: { notApplicable: { is: 'none' } }, children: [{ id: 'a', name: 'a', weight: 10, rule: { kind: 'manual' } }] },
        { id: 'c', name: '其他', weight: 90, rule: { kind: 'manual' } },
      ],
      { none: { type: 'boolean' } },
    );
    const s = evaluate(def, { values: { a: 10, c: 90 } });
    expect(s.complete).toBe(false);
    expect(s.missingInputs).toEqual(['none']);
    expect(s.total).toBeNull();
    expect(s.provisional?.total).toBe('90.00');
    expect(evaluate(def, { values: { a: 10, c: 90, none: true } }).total).toBe('100.00');
  });
  it('a condition can make an indicator not applicable ("若单位无项目")', () => {
    const def = frameworkOf(
      [
        { id: 'p', name: '项目执行', weight: 10, rule: { kind: 'manual' }, when: { notApplicable: { left: { input: 'projects' }, op: '=', right: 0 } } },
        { id: 'c', name: '其他', weight: 90, rule: { kind: 'manual' } },
      ],
      { projects: { type: 'number' } },
    );
    const s = evaluate(def, { values: { projects: 0, c: 81 } });
    expect(s.total).toBe('90.00');
  });
});

describe('adjustments, veto, grades 调整项、一票否决与等级', () => {
  const def = (extra: Partial<FrameworkDefinition> = {}): FrameworkDefinition =>
    frameworkOf([{ id: 's', name: '评分', weight: 100, rule: { kind: 'manual' } }], { d: { type: 'number' }, b: { type: 'number' }, fraud: { type: 'boolean' } }, {
      adjustments: [
        { kind: 'deduction', id: 'coop', name: '被评价部门配合度', max: 10, amount: { input: 'd' } },
        { kind: 'bonus', id: 'plus', name: '加分项', max: 5, amount: { input: 'b' } },
        { kind: 'veto', id: 'veto', name: '重大违纪', when: { is: 'fraud' }, effect: 'zero-total' },
      ],
      ...extra,
    });
  it('deductions are capped, bonuses are capped, the total stays in [0, 100]', () => {
    const s = evaluate(def(), { values: { s: 95, d: 12, b: 3, fraud: false } });
    expect(s.subtotal).toBe('95.00');
    expect(s.adjustments.map((a) => a.points)).toEqual(['-10.00', '3.00', '0.00']);
    expect(s.total).toBe('88.00');
    expect(s.warnings.map((w) => w.code)).toEqual(['adjustment-capped']);
    expect(evaluate(def(), { values: { s: 99, d: 0, b: 5, fraud: false } }).total).toBe('100.00');
    expect(evaluate(def(), { values: { s: 5, d: 10, b: 0, fraud: false } }).total).toBe('0.00');
  });
  it('bonuses may exceed the total when the option says so', () => {
    expect(evaluate(def({ options: { bonusAboveTotal: true } }), { values: { s: 99, d: 0, b: 5, fraud: false } }).total).toBe('104.00');
  });
  it('a zeroing veto sets the total to 0 and marks every node', () => {
    const s = evaluate(def(), { values: { s: 95, d: 0, b: 0, fraud: true } });
    expect(s.total).toBe('0.00');
    expect(s.vetoed).toBe(true);
    expect(s.indicators[0]?.status).toBe('vetoed');
    expect(s.grade?.label).toBe('差');
  });
  it('a lowest-grade veto keeps the total but forces the lowest grade', () => {
    const d2 = def({
      adjustments: [{ kind: 'veto', id: 'veto', name: '重大违纪', when: { is: 'fraud' }, effect: 'lowest-grade' }],
    });
    const s = evaluate(d2, { values: { s: 95, fraud: true } });
    expect(s.total).toBe('95.00');
    expect(s.grade?.label).toBe('差');
    expect(s.nextGrade).toBeNull();
  });
  it('grades are half-open: 89.99 is 良, 90 is 优, with the points needed for the next grade', () => {
    const g = (v: number) => evaluate(def(), { values: { s: v, d: 0, b: 0, fraud: false } });
    expect(g(89.99).grade?.label).toBe('良');
    expect(g(89.99).nextGrade).toEqual({ label: '优', pointsNeeded: '0.01' });
    expect(g(90).grade?.label).toBe('优');
    expect(g(90).nextGrade).toBeNull();
    expect(g(59.5).grade?.label).toBe('差');
  });
  it('lost points are ranked, largest first, with reasons', () => {
    const two = frameworkOf([
      { id: 'a', name: '甲', weight: 50, rule: { kind: 'manual' } },
      { id: 'b', name: '乙', weight: 50, rule: { kind: 'manual' } },
    ]);
    const s = evaluate(two, { values: { a: 49, b: 40 } });
    expect(s.lostPoints.map((l) => [l.id, l.lost])).toEqual([
      ['b', '10.00'],
      ['a', '1.00'],
    ]);
  });
});

describe('precision and rounding 精度与舍入', () => {
  const thirds = frameworkOf(
    [1, 2, 3].map((i) => ({ id: `r${i}`, name: `指标${i}`, weight: 10, rule: { kind: 'ratio' as const, value: { div: [{ input: 'a' }, { input: 'b' }] } } })),
    { a: { type: 'number' }, b: { type: 'number' } },
  );
  it('leaf scores are rounded, parents are exact sums of the shown leaves', () => {
    const s = evaluate(thirds, { values: { a: 2, b: 3 } });
    expect(s.indicators.map((n) => n.score)).toEqual(['6.67', '6.67', '6.67']);
    expect(s.total).toBe('20.01');
  });
  it('a precision override below the decimals of the weights is refused', () => {
    const half = frameworkOf([{ id: 'a', name: 'a', weight: '1.5', rule: { kind: 'manual' } }]);
    const r = safeEvaluate(half, { values: { a: 1 } }, { precision: 0 });
    expect(r.ok ? '' : r.issues[0].code).toBe('invalid-option');
  });
  it('evaluate options are checked as strictly as the framework options', () => {
    const half = frameworkOf([{ id: 'a', name: 'a', weight: '1.5', rule: { kind: 'manual' } }]);
    const codes = (options: unknown): string[] => {
      const r = safeEvaluate(half, { values: { a: 1 } }, options as never);
      return r.ok ? [] : r.issues.map((i) => i.code);
    };
    expect(codes({ roundAt: 'x' })).toEqual(['invalid-type']);
    expect(codes({ rounding: 'bogus' })).toEqual(['invalid-type']);
    expect(codes({ precison: 2 })).toEqual(['unknown-key']);
    expect(codes(null)).toEqual(['invalid-type']);
    expect(codes({ precision: 11 })).toEqual(['invalid-option']);
    expect(codes({ roundAt: 'total', rounding: 'down', precision: 3 })).toEqual([]);
  });
  it('rounding modes and precision are options', () => {
    expect(evaluate(thirds, { values: { a: 2, b: 3 } }, { rounding: 'down' }).total).toBe('19.98');
    expect(evaluate(thirds, { values: { a: 2, b: 3 } }, { precision: 0 }).total).toBe('21');
    expect(evaluate(thirds, { values: { a: 2, b: 3 } }, { roundAt: 'total' }).total).toBe('20.00');
  });
  it('is exact where floats are not: 0.1 + 0.2', () => {
    const f = frameworkOf([
      { id: 'a', name: 'a', weight: '0.1', rule: { kind: 'manual' } },
      { id: 'b', name: 'b', weight: '0.2', rule: { kind: 'manual' } },
    ], {}, { total: '0.3' });
    expect(evaluate(f, { values: { a: 0.1, b: 0.2 } }).total).toBe('0.30');
  });
});

describe('not-applicable explanations 不适用说明', () => {
  it('a transfer to a node that is itself not applicable is rescaled, and says so', () => {
    const def = frameworkOf([
      { id: 'a', name: '甲', weight: 10, rule: { kind: 'manual' }, notApplicable: { policy: 'transfer', to: 'b' } },
      { id: 'b', name: '乙', weight: 10, rule: { kind: 'manual' } },
      { id: 'c', name: '丙', weight: 80, rule: { kind: 'manual' } },
    ]);
    const s = evaluate(def, { values: { c: 40 }, notApplicable: ['a', 'b'] });
    expect(s.indicators[0]?.explanation).toBe('甲不适用，分值按适用指标折算');
    expect(s.indicators[2]?.effectiveWeight).toBe('100.00');
    expect(s.total).toBe('50.00');
  });
});

describe('found by fuzzing 模糊测试发现', () => {
  it('redistribute with no applicable sibling of positive weight falls back to rescale, keeping every level whole', () => {
    const def = frameworkOf(
      [
        { id: 'p', name: '父', weight: 10, notApplicable: { policy: 'redistribute' }, children: [{ id: 'a', name: '甲', weight: 0, rule: { kind: 'manual' } }, { id: 'b', name: '乙', weight: 10, rule: { kind: 'manual' } }] },
        { id: 'q', name: '丙', weight: 90, rule: { kind: 'manual' } },
      ],
    );
    const s = evaluate(def, { values: { a: 0, q: 45 }, notApplicable: ['b'] });
    expect(s.indicators.map((n) => n.effectiveWeight)).toEqual(['0.00', '100.00']);
    expect(s.total).toBe('50.00');
    expect(s.indicators[0]?.children[1]?.explanation).toBe('乙不适用，分值按适用指标折算');
  });
  it('an adjustment cap finer than the precision is refused, so no amount is rounded past its cap', () => {
    const def = frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'manual' } }], { b: { type: 'number' } }, {
      adjustments: [{ kind: 'bonus', id: 'bonus', name: '加分项', max: '2.345', amount: { input: 'b' } }],
      options: { bonusAboveTotal: true },
    });
    const r = validateFramework(def);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid-option', 'adjustments.0.max']]);
    expect(validateFramework({ ...def, options: { precision: 3, bonusAboveTotal: true } }).ok).toBe(true);
  });
  it('a non-JSON value such as a BigInt kind is an issue, never an exception', () => {
    const r = validateFramework(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 1n } as never }]));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message])).toEqual([['invalid-type', '类型错误：应为纯数据（JSON）']]);
  });
});
