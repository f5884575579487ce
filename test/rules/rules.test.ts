import { describe, expect, it } from 'vitest';
import { evaluate, LEGACY_TIERS, NATIONAL_TIERS } from '../../src/index.js';
import type { InputDeclaration, InputValue, Rule, ScoreSheet } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/** Scores one leaf of the given weight and rule. */
function score1(weight: number | string, rule: Rule, inputs: Record<string, InputDeclaration>, values: Record<string, InputValue>): ScoreSheet {
  return evaluate(frameworkOf([{ id: 'x', name: '指标', weight, rule }], inputs), { values });
}
const leafScore = (s: ScoreSheet): string => s.indicators[0]?.score ?? '';
/** The messages of the sheet's issues, one string, for matching. */
const problems = (s: ScoreSheet): string => s.issues.map((i) => i.message).join('\n');
const pct = { v: { type: 'percent' } } as const;
const frac = { v: { type: 'fraction' } } as const;

describe('ratio 比率（正向）', () => {
  const rule: Rule = { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } };
  const io = { a: { type: 'number' }, b: { type: 'number' } } as const;
  it('scores executed ÷ budget × weight, capped at the weight', () => {
    expect(leafScore(score1(10, rule, io, { a: 12.5, b: 16 }))).toBe('7.81');
    expect(leafScore(score1(3, rule, io, { a: '33.58', b: '33.58' }))).toBe('3.00');
    expect(leafScore(score1(10, rule, io, { a: 20, b: 16 }))).toBe('10.00');
  });
  it('explains the score in one Chinese sentence', () => {
    const s = evaluate(frameworkOf([{ id: 'p', name: '政府采购执行率', weight: 3, rule }], io), { values: { a: '33.58', b: '33.58' } });
    expect(s.indicators[0]?.explanation).toBe('政府采购执行率 完成率 100.00%（33.58 ÷ 33.58），得满分 3.00 分');
    expect(s.indicators[0]?.explanationEn).toBe('政府采购执行率: ratio 100.00% (33.58 ÷ 33.58); full marks 3.00');
    expect(s.indicators[0]?.outcome).toEqual({ kind: 'ratio', value: '1', capped: false });
  });
  it('shows a value in its declared unit, never a guessed percent (per-capita 万元/人)', () => {
    const perCapita: Rule = { kind: 'bands', value: { div: [{ input: 'assets' }, { input: 'people' }] }, unit: '万元/人', bands: [{ max: 20, fraction: 1 }, { min: 20, fraction: 0 }] };
    const s = score1(2, perCapita, { assets: { type: 'number', unit: '万元' }, people: { type: 'number', unit: '人' } }, { assets: 1250, people: 100 });
    expect(s.indicators[0]?.explanation).toContain('值 12.5 万元/人（1250 ÷ 100）');
    const bare: Rule = { ...perCapita, unit: undefined } as unknown as Rule;
    const t = score1(2, bare, { assets: { type: 'number', unit: '万元' }, people: { type: 'number', unit: '人' } }, { assets: 1250, people: 100 });
    expect(t.indicators[0]?.explanation).toContain('值 12.5（1250 ÷ 100）');
    expect(t.indicators[0]?.explanation).not.toContain('%');
  });
  it('zeroes over-completion beyond the limit (Sichuan 130%) and warns above the review ratio (120%)', () => {
    const r: Rule = { kind: 'ratio', value: { input: 'v' }, zeroAbove: '1.3', reviewAbove: '1.2' };
    expect(leafScore(score1(5, r, pct, { v: 131 }))).toBe('0.00');
    const s = score1(5, r, pct, { v: 125 });
    expect(leafScore(s)).toBe('5.00');
    expect(s.warnings.map((w) => w.code)).toEqual(['review-over-completion']);
  });
  it('zeroes a ratio below the cut-off', () => {
    expect(leafScore(score1(10, { kind: 'ratio', value: { input: 'v' }, zeroBelow: '0.6' }, pct, { v: 59.99 }))).toBe('0.00');
  });
});

describe('lower-is-better 反向指标', () => {
  const io = { a: { type: 'number' }, t: { type: 'number' } } as const;
  const inverse: Rule = { kind: 'lower-is-better', actual: { input: 'a' }, target: { input: 't' }, variant: 'inverse' };
  const linear: Rule = { kind: 'lower-is-better', actual: { input: 'a' }, target: { input: 't' }, variant: 'linear-to-double' };
  it('variant 1: target ÷ actual × weight (Hubei, Jiangxi, Beijing)', () => {
    expect(leafScore(score1(10, inverse, io, { a: 80, t: 100 }))).toBe('10.00');
    expect(leafScore(score1(10, inverse, io, { a: 120, t: 100 }))).toBe('8.33');
  });
  it('variant 2: linear down to 0 at twice the target', () => {
    expect(leafScore(score1(10, linear, io, { a: 150, t: 100 }))).toBe('5.00');
    expect(leafScore(score1(10, linear, io, { a: 200, t: 100 }))).toBe('0.00');
    expect(leafScore(score1(10, linear, io, { a: 250, t: 100 }))).toBe('0.00');
  });
});

describe('equal 等于型', () => {
  const io = { a: { type: 'number' }, t: { type: 'number' } } as const;
  const rule: Rule = { kind: 'equal', actual: { input: 'a' }, target: { input: 't' } };
  it('target 0: full only when actual ≤ 0', () => {
    expect(leafScore(score1(5, rule, io, { a: 0, t: 0 }))).toBe('5.00');
    expect(leafScore(score1(5, rule, io, { a: 1, t: 0 }))).toBe('0.00');
  });
  it('otherwise like higher-is-better', () => {
    expect(leafScore(score1(5, rule, io, { a: 90, t: 100 }))).toBe('4.50');
  });
});

describe('bands 区间', () => {
  it('step bands (Hunan 预算控制率)', () => {
    const rule: Rule = {
      kind: 'bands',
      value: { input: 'v' },
      bands: [
        { max: 0, maxInclusive: true, points: 5 },
        { min: 0, minInclusive: false, max: '0.1', maxInclusive: true, points: 4 },
        { min: '0.1', minInclusive: false, max: '0.2', maxInclusive: true, points: 3 },
        { min: '0.2', minInclusive: false, max: '0.3', maxInclusive: true, points: 2 },
        { min: '0.3', minInclusive: false, points: 0 },
      ],
    };
    expect(['0', '10%', '10.01%', '30%', '31%'].map((v) => leafScore(score1(5, rule, frac, { v })))).toEqual(['5.00', '4.00', '3.00', '2.00', '0.00']);
  });
  it('two-sided bands (Jiangxi 成本控制率 ±10%)', () => {
    const rule: Rule = {
      kind: 'bands',
      value: { sub: [{ input: 'v' }, 1] },
      absolute: true,
      bands: [
        { max: '0.1', maxInclusive: true, points: 5 },
        { min: '0.1', minInclusive: false, max: '0.15', maxInclusive: true, points: 3 },
        { min: '0.15', minInclusive: false, max: '0.2', maxInclusive: true, points: 1 },
        { min: '0.2', minInclusive: false, points: 0 },
      ],
    };
    expect(['90%', '110%', '88%', '116%', '79%'].map((v) => leafScore(score1(5, rule, frac, { v })))).toEqual(['5.00', '5.00', '3.00', '1.00', '0.00']);
  });
  it('a value that falls in no band is an error, not a silent 0', () => {
    const rule: Rule = { kind: 'bands', value: { input: 'v' }, bands: [{ min: 0, points: 5 }] };
    const s = score1(5, rule, frac, { v: '-1%' });
    expect(problems(s)).toMatch(/不在任何计分区间内/);
    // The value is shown in the unit the explanations use: −1.00% for a fraction input, not -0.01.
    expect(s.issues[0]?.message).toBe('“指标”的值 -1.00% 不在任何计分区间内');
    expect(s.indicators[0]?.status).toBe('fault');
  });
});

describe('step-deduction 按步长扣分', () => {
  it('Hunan 在职人员控制率: each point above 100% −0.5, 扣完为止', () => {
    const rule: Rule = { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: '0.01', points: '0.5', steps: 'completed' };
    expect(['100%', '103%', '103.5%', '120%'].map((v) => leafScore(score1(5, rule, frac, { v })))).toEqual(['5.00', '3.50', '3.50', '0.00']);
  });
  it('Jiangxi 满意度: ≥ 90% full, each 5% below −1; started, whole or proportional steps', () => {
    const base = { kind: 'step-deduction', value: { input: 'v' }, direction: 'below', threshold: '0.9', step: '0.05', points: 1 } as const;
    expect(leafScore(score1(10, { ...base, steps: 'started' }, pct, { v: 87 }))).toBe('9.00');
    expect(leafScore(score1(10, { ...base, steps: 'completed' }, pct, { v: 87 }))).toBe('10.00');
    expect(leafScore(score1(10, { ...base, steps: 'proportional' }, pct, { v: 87 }))).toBe('9.40');
  });
});

describe('piecewise 分段线性', () => {
  it('Sichuan 编制准确: (1 − 10 × 调剂 ÷ 年初预算) × w, 0 above 10%', () => {
    const rule: Rule = { kind: 'piecewise', value: { div: [{ input: 'a' }, { input: 'b' }] }, points: [[0, 1], ['0.1', 0]] };
    const io = { a: { type: 'number' }, b: { type: 'number' } } as const;
    expect(leafScore(score1(8, rule, io, { a: 30, b: 1000 }))).toBe('5.60');
    expect(leafScore(score1(8, rule, io, { a: 150, b: 1000 }))).toBe('0.00');
  });
});

describe('binary, checklist, count-ratio, per-occurrence, manual', () => {
  it('binary comparison: 三公 actual ≤ budget → 4 else 0 (seed 002)', () => {
    const rule: Rule = { kind: 'binary', when: { left: { input: 'a' }, op: '<=', right: { input: 'b' } } };
    const io = { a: { type: 'number' }, b: { type: 'number' } } as const;
    expect(leafScore(score1(4, rule, io, { a: '21.70', b: 3 }))).toBe('0.00');
    expect(leafScore(score1(4, rule, io, { a: '58.22', b: '58.22' }))).toBe('4.00');
  });
  it('checklist: three 1-point checks', () => {
    const rule: Rule = { kind: 'checklist', checks: [{ id: 'real', name: '数据真实', points: 1 }, { id: 'full', name: '完整', points: 1 }, { id: 'exact', name: '准确', points: 1 }] };
    const s = score1(3, rule, {}, { x: { real: true, full: false, exact: true } });
    expect(leafScore(s)).toBe('2.00');
    expect(s.indicators[0]?.explanation).toContain('未达到：完整');
    expect(problems(score1(3, rule, {}, { x: { real: true, full: true, exact: true, typo: true } }))).toMatch(/未知检查项/);
    // A check id such as "constructor" is an own key, never read through the prototype.
    const proto: Rule = { kind: 'checklist', checks: [{ id: 'constructor', name: '构造', points: 1 }, { id: 'toString', name: '文本', points: 2 }] };
    const partial = score1(3, proto, {}, { x: { toString: true } });
    expect(partial.complete).toBe(false);
    expect(partial.missingInputs).toEqual(['x.constructor']);
    expect(score1(3, rule, {}, { x: { real: true } }).complete).toBe(false);
  });
  it('count ratio (Sichuan 目标实现)', () => {
    const rule: Rule = { kind: 'count-ratio', met: { input: 'm' }, total: { input: 'n' } };
    expect(leafScore(score1(4, rule, { m: { type: 'number' }, n: { type: 'number' } }, { m: 2, n: 3 }))).toBe('2.67');
  });
  it('per-occurrence deduction, floor 0', () => {
    const rule: Rule = { kind: 'per-occurrence', count: { input: 'n' }, points: 2 };
    expect(leafScore(score1(5, rule, { n: { type: 'number' } }, { n: 2 }))).toBe('1.00');
    expect(leafScore(score1(5, rule, { n: { type: 'number' } }, { n: 4 }))).toBe('0.00');
  });
  it('manual score must lie in [0, w] and on its step', () => {
    const rule: Rule = { kind: 'manual', step: '0.5' };
    expect(leafScore(score1(10, rule, {}, { x: '9.5' }))).toBe('9.50');
    expect(problems(score1(10, rule, {}, { x: 11 }))).toMatch(/超出范围/);
    expect(problems(score1(10, rule, {}, { x: '9.3' }))).toMatch(/步长/);
    expect(score1(10, rule, {}, { x: '9.3' }).indicators[0]?.status).toBe('invalid-input');
  });
});

describe('tiers 定性分档', () => {
  it('national 80/60 and legacy 80/50 tiers; a score outside the tier is clamped with a warning', () => {
    const national: Rule = { kind: 'tiers', tiers: NATIONAL_TIERS };
    expect(leafScore(score1(10, national, {}, { x: { tier: 'partly', score: 7 } }))).toBe('7.00');
    const s = score1(10, national, {}, { x: { tier: 'partly', score: 5 } });
    expect(leafScore(s)).toBe('6.00');
    expect(s.warnings[0]?.code).toBe('tier-score-clamped');
    const legacy: Rule = { kind: 'tiers', tiers: LEGACY_TIERS };
    expect(score1(10, legacy, {}, { x: { tier: 'partly', score: 5 } }).warnings).toEqual([]);
    expect(problems(score1(10, national, {}, { x: { tier: 'unknown', score: 5 } }))).toMatch(/未知档次/);
    const noScore = score1(10, national, {}, { x: { tier: 'achieved' } });
    expect(noScore.issues.map((i) => [i.code, i.path])).toEqual([['missing-field', ['values', 'x', 'score']]]);
    expect(noScore.issues[0]?.message).toContain('score');
  });
});

describe('either 二者择其一 and relative values', () => {
  it('uses the first alternative whose inputs are present (结转结余率 or 结转结余变动率)', () => {
    const rule: Rule = {
      kind: 'either',
      alternatives: [
        { kind: 'lower-is-better', actual: { input: 'rate' }, target: '0.1', variant: 'inverse' },
        { kind: 'binary', when: { left: { input: 'change' }, op: '<=', right: 0 } },
      ],
    };
    const io = { rate: { type: 'percent' }, change: { type: 'percent' } } as const;
    expect(leafScore(score1(5, rule, io, { rate: 20 }))).toBe('2.50');
    expect(leafScore(score1(5, rule, io, { change: -3 }))).toBe('5.00');
    expect(score1(5, rule, io, {}).missingInputs).toEqual(['rate', 'change']);
  });
  it('a value relative to a reference: below 0.6 × the city average → 0.3 of 1.5 (seed 003)', () => {
    const rule: Rule = {
      kind: 'bands',
      value: { div: [{ input: 'unit' }, { mul: ['0.6', { input: 'city' }] }] },
      bands: [{ max: 1, points: '0.3' }, { min: 1, fraction: 1 }],
    };
    const io = { unit: { type: 'percent' }, city: { type: 'percent' } } as const;
    expect(leafScore(score1('1.5', rule, io, { unit: '2.35%', city: '17.51%' }))).toBe('0.30');
    expect(leafScore(score1('1.5', rule, io, { unit: '12%', city: '17.51%' }))).toBe('1.50');
  });
});

describe('modifiers 修饰条件', () => {
  const rule: Rule = { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } };
  const io = { a: { type: 'number' }, b: { type: 'number' }, projects: { type: 'number' }, targets: { type: 'boolean' } } as const;
  const fw = frameworkOf(
    [
      { id: 'x', name: '项目执行', weight: 10, rule, when: { full: { left: { input: 'projects' }, op: '=', right: 0 }, zero: { not: { is: 'targets' } } } },
      { id: 'y', name: '其他', weight: 90, rule: { kind: 'manual' } },
    ],
    io,
  );
  it('"no projects → full"; "no targets set → 0" wins over full', () => {
    expect(evaluate(fw, { values: { projects: 0, targets: true, y: 90 } }).indicators[0]?.score).toBe('10.00');
    expect(evaluate(fw, { values: { projects: 0, targets: false, y: 90 } }).indicators[0]?.score).toBe('0.00');
    expect(evaluate(fw, { values: { projects: 2, targets: true, a: 1, b: 2, y: 90 } }).indicators[0]?.score).toBe('5.00');
  });
});
