/**
 * 规则细节 Rule details: validation issues with their exact paths and data, outcome fields, and the boundaries of
 * checklist, either, equal, ratio, per-occurrence, binary and the shared literal readers (mutation survivors of
 * src/rules/*.ts other than bands / piecewise / tiers / step-deduction).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, findNode, validateFramework } from '../../src/index.js';
import type { InputDeclaration, InputValue, Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/** The issues of validating one leaf `x` of the given weight and rule: code, dotted path and data. */
function issuesOf(rule: unknown, inputs: Record<string, InputDeclaration> = { v: { type: 'number' } }, weight = 5) {
  const r = validateFramework(frameworkOf([{ id: 'x', name: 'x', weight, rule: rule as Rule }], inputs));
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), data: i.data }));
}
/** Leaf `x` evaluated. */
function leafOf(rule: Rule, inputs: Record<string, InputDeclaration>, values: Record<string, InputValue>, weight = 5) {
  const sheet = evaluate(frameworkOf([{ id: 'x', name: 'x', weight, rule }], inputs), { values });
  const x = findNode(sheet, 'x');
  if (x === undefined) throw new Error('no x');
  return { sheet, x };
}
const reasons = (field: string, zh: string, en: string) => ({ field, reasonZh: zh, reason: en });

describe('checklist 检查清单: validation 校验', () => {
  it('a repeated check id is duplicate-check-id at its id / 检查项 id 重复', () => {
    const rule = { kind: 'checklist', checks: [{ id: 'a', name: 'A', points: 3 }, { id: 'a', name: 'B', points: 2 }] };
    expect(issuesOf(rule)).toEqual([{ code: 'duplicate-check-id', path: 'indicators.0.rule.checks.1.id', data: { id: 'a' } }]);
  });
  it('unreadable points are invalid-number at those points, and nothing else / 分数无法识别', () => {
    const rule = { kind: 'checklist', checks: [{ id: 'a', name: 'A', points: 'abc' }, { id: 'b', name: 'B', points: 2 }] };
    expect(issuesOf(rule)).toEqual([{ code: 'invalid-number', path: 'indicators.0.rule.checks.0.points', data: { value: 'abc' } }]);
  });
  it('negative points are negative-amount with the check name and value / 分数为负', () => {
    const rule = { kind: 'checklist', checks: [{ id: 'a', name: 'A', points: -1 }, { id: 'b', name: 'B', points: 6 }] };
    expect(issuesOf(rule)).toEqual([{ code: 'negative-amount', path: 'indicators.0.rule.checks.0.points', data: { name: 'A', value: '-1' } }]);
  });
  it('an empty list is rule-invalid at checks, even on a weight-0 leaf / 清单为空', () => {
    const empty = { code: 'rule-invalid', path: 'indicators.0.rule.checks', data: reasons('checks', '“checks”至少需要一项', '"checks" needs at least one entry') };
    expect(issuesOf({ kind: 'checklist', checks: [] })).toEqual([empty]);
    const def = frameworkOf([{ id: 'x', name: 'x', weight: 0, rule: { kind: 'checklist', checks: [] } }, { id: 'y', name: 'y', weight: 5, rule: { kind: 'manual' } }]);
    const r = validateFramework(def);
    expect(r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), data: i.data }))).toEqual([empty]);
  });
  it('points that do not sum to the weight give checklist-points-mismatch with both sums / 分数合计不等于分值', () => {
    const rule = { kind: 'checklist', checks: [{ id: 'a', name: 'A', points: 3 }] };
    expect(issuesOf(rule)).toEqual([{ code: 'checklist-points-mismatch', path: 'indicators.0.rule.checks', data: { actual: '3', expected: '5' } }]);
  });
});

describe('checklist 检查清单: scoring 计分', () => {
  const rule: Rule = { kind: 'checklist', checks: [{ id: 'a', name: 'A', points: 3 }, { id: 'b', name: 'B', points: 2 }] };
  it('an unknown check is invalid-input with unknown-check at values.<input>.<id> / 未知检查项', () => {
    const { sheet, x } = leafOf(rule, {}, { x: { a: true, b: true, zz: false } as never });
    expect(x.status).toBe('invalid-input');
    expect(sheet.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }))).toEqual([
      { code: 'unknown-check', path: ['values', 'x', 'zz'], data: { check: 'zz', name: 'x' } },
    ]);
  });
  it('a checklist missing one item gives way to the next alternative of an either / 缺少检查项时让给下一个备选规则', () => {
    const either: Rule = { kind: 'either', alternatives: [rule, { kind: 'ratio', value: { input: 'v' } }] };
    const { x } = leafOf(either, { v: { type: 'percent' } }, { x: { a: true } as never, v: '80%' });
    expect(x.status).toBe('scored');
    expect(x.score).toBe('4.00');
    expect(x.outcome).toMatchObject({ kind: 'either', alternative: 1 });
  });
  it('with every item given it scores the passed items / 检查项齐全时按通过项计分', () => {
    const { x } = leafOf(rule, {}, { x: { a: true, b: false } as never });
    expect(x.score).toBe('3.00');
    expect(x.outcome).toEqual({ kind: 'checklist', passed: ['a'], failed: ['b'] });
  });
});

describe('either 二者择其一', () => {
  const io: Record<string, InputDeclaration> = { a: { type: 'number' }, b: { type: 'number' }, p: { type: 'percent' }, q: { type: 'percent' } };
  const rule: Rule = {
    kind: 'either',
    alternatives: [
      { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } },
      { kind: 'ratio', value: { input: 'q' } },
    ],
  };
  it('an empty list is rule-invalid at alternatives / 备选为空', () => {
    expect(issuesOf({ kind: 'either', alternatives: [] })).toEqual([
      { code: 'rule-invalid', path: 'indicators.0.rule.alternatives', data: reasons('alternatives', '“alternatives”至少需要一项', '"alternatives" needs at least one entry') },
    ]);
  });
  it("an alternative's issues are reported under its own index / 备选规则的问题带其下标", () => {
    const bad = { kind: 'either', alternatives: [{ kind: 'ratio', value: { input: 'v' } }, { kind: 'ratio', value: { input: 'nope' } }] };
    expect(issuesOf(bad)).toEqual([{ code: 'unknown-input', path: 'indicators.0.rule.alternatives.1.value.input', data: { input: 'nope' } }]);
  });
  it('the first alternative with its inputs is used / 取第一个输入齐全的备选', () => {
    const { x } = leafOf(rule, io, { a: 1, b: 2, q: '100%' });
    expect(x.score).toBe('2.50');
    expect(x.outcome).toEqual({ kind: 'either', alternative: 0, outcome: { kind: 'ratio', value: '0.5', capped: false } });
    expect(leafOf(rule, io, { q: '100%' }).x.outcome).toMatchObject({ alternative: 1 });
  });
  it('an alternative whose input is invalid is reported; later ones are not tried / 输入有误时不再尝试后面的备选', () => {
    const { x } = leafOf(rule, io, { a: 'abc', b: 2, q: '100%' });
    expect(x.status).toBe('invalid-input');
    expect(x.score).toBe('0.00');
    expect(x.issues.map((i) => i.code)).toEqual(['invalid-number']);
  });
  it('an alternative that meets a fault is reported; later ones are not tried / 计算出错时不再尝试后面的备选', () => {
    const { x, sheet } = leafOf(rule, io, { a: 1, b: 0, q: '100%' });
    expect(x.status).toBe('fault');
    expect(sheet.issues.map((i) => i.code)).toEqual(['division-by-zero']);
  });
  it('an alternative with an invalid input and a missing one is reported, not skipped / 既有误又缺少输入时也不跳过', () => {
    const { x, sheet } = leafOf(rule, io, { a: 'abc', q: '100%' });
    expect(x.status).toBe('invalid-input');
    expect(x.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-number', 'values.a'],
      ['missing-input', 'indicators.0'],
    ]);
    expect(sheet.missingInputs).toEqual(['b']);
  });
  it('an alternative with a fault and a missing input is reported, not skipped / 既出错又缺少输入时也不跳过', () => {
    const faulty: Rule = { kind: 'either', alternatives: [{ kind: 'ratio', value: { sub: [{ div: [1, { input: 'b' }] }, { input: 'a' }] } }, { kind: 'ratio', value: { input: 'q' } }] };
    const { x, sheet } = leafOf(faulty, io, { b: 0, q: '100%' });
    expect(x.status).toBe('fault');
    expect(x.score).toBe('0.00');
    expect(sheet.issues.map((i) => i.code)).toEqual(['division-by-zero']);
    expect(sheet.missingInputs).toEqual(['a']);
  });
  it('when every alternative lacks inputs, each missing input is listed once / 都缺少输入时每个输入只列一次', () => {
    const twice: Rule = { kind: 'either', alternatives: [{ kind: 'ratio', value: { input: 'p' } }, { kind: 'ratio', value: { sub: [1, { input: 'p' }] } }] };
    const { x, sheet } = leafOf(twice, io, {});
    expect(x.status).toBe('missing-input');
    expect(x.issues.map((i) => [i.code, i.data?.input])).toEqual([['missing-input', 'p']]);
    expect(sheet.missingInputs).toEqual(['p']);
  });
});

describe('equal 等于型: tolerance 容差', () => {
  const base = { kind: 'equal', actual: { input: 'v' }, target: 1 };
  it('an unreadable tolerance is invalid-number at tolerance, and nothing else / 容差无法识别', () => {
    expect(issuesOf({ ...base, tolerance: 'abc' })).toEqual([{ code: 'invalid-number', path: 'indicators.0.rule.tolerance', data: { value: 'abc' } }]);
  });
  it('a negative tolerance is rule-invalid with the field and value / 容差为负', () => {
    expect(issuesOf({ ...base, tolerance: -1 })).toEqual([
      { code: 'rule-invalid', path: 'indicators.0.rule.tolerance', data: { field: 'tolerance', value: '-1', reasonZh: '“tolerance”不能为负（-1）', reason: '"tolerance" cannot be negative (-1)' } },
    ]);
  });
});

describe('ratio 比率: validation and outcome 校验与结果', () => {
  it('an unreadable cut-off is invalid-number there, and nothing else / 界限无法识别', () => {
    expect(issuesOf({ kind: 'ratio', value: { input: 'v' }, zeroBelow: 'abc', zeroAbove: 1.3 })).toEqual([
      { code: 'invalid-number', path: 'indicators.0.rule.zeroBelow', data: { value: 'abc' } },
    ]);
    expect(issuesOf({ kind: 'ratio', value: { input: 'v' }, zeroBelow: 0.6, zeroAbove: 'abc', reviewAbove: 1.2 })).toEqual([
      { code: 'invalid-number', path: 'indicators.0.rule.zeroAbove', data: { value: 'abc' } },
    ]);
  });
  it('crossing cut-offs are rule-invalid at zeroBelow with both values / 界限交叉', () => {
    expect(issuesOf({ kind: 'ratio', value: { input: 'v' }, zeroBelow: 1.4, zeroAbove: 1.3 })).toEqual([
      {
        code: 'rule-invalid',
        path: 'indicators.0.rule.zeroBelow',
        data: { below: '1.4', above: '1.3', reasonZh: 'zeroBelow 1.4 大于 zeroAbove 1.3，任何比率都不得分', reason: 'zeroBelow 1.4 is above zeroAbove 1.3: no ratio could score' },
      },
    ]);
  });
  const pct = { v: { type: 'percent' } } as const;
  const sichuan: Rule = { kind: 'ratio', value: { input: 'v' }, zeroBelow: '0.6', zeroAbove: '1.3', reviewAbove: '1.2' };
  it('the outcome says whether the ratio was capped at 100% and which cut-off applied / 结果标明是否按 100% 计及所用界限', () => {
    expect(leafOf(sichuan, pct, { v: 100 }).x.outcome).toEqual({ kind: 'ratio', value: '1', capped: false });
    expect(leafOf(sichuan, pct, { v: '100.01' }).x.outcome).toEqual({ kind: 'ratio', value: '1.0001', capped: true });
    expect(leafOf(sichuan, pct, { v: 131 }).x.outcome).toEqual({ kind: 'ratio', value: '1.31', cut: 'above', limit: '1.3', capped: true });
    expect(leafOf(sichuan, pct, { v: 59 }).x.outcome).toEqual({ kind: 'ratio', value: '0.59', cut: 'below', limit: '0.6', capped: false });
  });
  it('the review warning carries the value and the limit / 复核提示带数值和界限', () => {
    const { sheet } = leafOf(sichuan, pct, { v: 125 });
    expect(sheet.warnings.map((w) => ({ code: w.code, path: w.path, data: w.data }))).toEqual([
      { code: 'review-over-completion', path: ['indicators', 0], data: { name: 'x', value: '125.00%', limit: '120.00%' } },
    ]);
  });
});

describe('per-occurrence 按次扣分', () => {
  const io = { n: { type: 'number' } } as const;
  const rule: Rule = { kind: 'per-occurrence', count: { input: 'n' }, points: 2 };
  it('an unknown count input and unreadable points are each reported at their paths / 次数与每次扣分的问题', () => {
    expect(issuesOf({ kind: 'per-occurrence', count: { input: 'nope' }, points: 'abc' })).toEqual([
      { code: 'unknown-input', path: 'indicators.0.rule.count.input', data: { input: 'nope' } },
      { code: 'invalid-number', path: 'indicators.0.rule.points', data: { value: 'abc' } },
    ]);
  });
  it('points of 0 are rule-invalid, naming the field / 每次扣分须大于 0', () => {
    expect(issuesOf({ kind: 'per-occurrence', count: { input: 'v' }, points: 0 })).toEqual([
      { code: 'rule-invalid', path: 'indicators.0.rule.points', data: reasons('points', '“points”须大于 0', '"points" must be greater than 0') },
    ]);
  });
  it('exhausted is true from deduction = weight on, false below / 扣完的边界', () => {
    const at = (n: number) => leafOf(rule, io, { n }).x.outcome as unknown as { exhausted: boolean; deduction: string };
    expect(at(2)).toMatchObject({ deduction: '4', exhausted: false });
    expect(at(0)).toMatchObject({ deduction: '0', exhausted: false });
    expect(leafOf({ ...rule, points: '2.5' } as Rule, io, { n: 2 }).x.outcome).toMatchObject({ deduction: '5', exhausted: true });
    expect(leafOf({ ...rule, points: '2.5' } as Rule, io, { n: 2 }).x.score).toBe('0.00');
    expect(at(3)).toMatchObject({ deduction: '6', exhausted: true });
  });
  it('a negative count is a fault with negative-amount and its value / 次数为负是计算错误', () => {
    const { x, sheet } = leafOf(rule, io, { n: -1 });
    expect(x.status).toBe('fault');
    expect(sheet.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }))).toEqual([
      { code: 'negative-amount', path: ['indicators', 0], data: { name: 'x', value: '-1' } },
    ]);
  });
});

describe('binary 是否型: points and otherwise 得分与否则得分', () => {
  const io = { b: { type: 'boolean' } } as const;
  it('points within the weight are accepted and scored when the condition holds / 不超过分值的 points', () => {
    const rule: Rule = { kind: 'binary', when: { is: 'b' }, points: 3, otherwise: 1 };
    expect(issuesOf(rule, io)).toEqual([]);
    expect(leafOf(rule, io, { b: true }).x.score).toBe('3.00');
    expect(leafOf(rule, io, { b: false }).x.score).toBe('1.00');
    expect(issuesOf({ ...rule, points: 5, otherwise: 0 }, io)).toEqual([]);
  });
  it('without points the weight is scored / 不写 points 时得满分', () => {
    expect(leafOf({ kind: 'binary', when: { is: 'b' } }, io, { b: true }).x.score).toBe('5.00');
    expect(leafOf({ kind: 'binary', when: { is: 'b' } }, io, { b: false }).x.score).toBe('0.00');
  });
  it('negative points and points above the weight are reported with their data / 为负或超过分值', () => {
    expect(issuesOf({ kind: 'binary', when: { is: 'b' }, points: -1, otherwise: 6 }, io)).toEqual([
      { code: 'negative-amount', path: 'indicators.0.rule.points', data: { name: 'points', value: '-1' } },
      { code: 'points-exceed-weight', path: 'indicators.0.rule.otherwise', data: { points: '6', weight: '5' } },
    ]);
  });
  it('an unknown condition input and unreadable points are each reported, and nothing else / 条件与分数的问题', () => {
    expect(issuesOf({ kind: 'binary', when: { is: 'nope' }, points: 'abc' }, io)).toEqual([
      { code: 'unknown-input', path: 'indicators.0.rule.when.is', data: { input: 'nope' } },
      { code: 'invalid-number', path: 'indicators.0.rule.points', data: { value: 'abc' } },
    ]);
  });
});

describe('rules under an unreadable weight 分值无法识别时的规则检查', () => {
  /** Validation issues of one leaf whose weight cannot be read: only that weight is reported, never an internal error. */
  function withBadWeight(rule: unknown) {
    const def = frameworkOf([{ id: 'x', name: 'x', weight: 'abc', rule: rule as Rule }], { b: { type: 'boolean' } }, { total: 5, grades: [{ label: '合格', min: 0 }] });
    const r = validateFramework(def);
    return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.') }));
  }
  it('binary points are not compared with a weight that could not be read / 不与无法识别的分值比较', () => {
    expect(withBadWeight({ kind: 'binary', when: { is: 'b' }, points: 3 })).toEqual([{ code: 'invalid-number', path: 'indicators.0.weight' }]);
  });
  it('checklist points are not summed against a weight that could not be read / 清单合计不与无法识别的分值比较', () => {
    expect(withBadWeight({ kind: 'checklist', checks: [{ id: 'a', name: 'A', points: 3 }] })).toEqual([{ code: 'invalid-number', path: 'indicators.0.weight' }]);
  });
});

describe('ratio 比率: equal cut-offs 两个界限相等', () => {
  it('zeroBelow equal to zeroAbove is accepted: only that exact ratio scores / 界限相等时合法', () => {
    const rule: Rule = { kind: 'ratio', value: { input: 'v' }, zeroBelow: 1, zeroAbove: 1 };
    expect(issuesOf(rule, { v: { type: 'percent' } })).toEqual([]);
    const pct = { v: { type: 'percent' } } as const;
    expect(leafOf(rule, pct, { v: 100 }).x.score).toBe('5.00');
    expect(leafOf(rule, pct, { v: '99.99' }).x.score).toBe('0.00');
    expect(leafOf(rule, pct, { v: '100.01' }).x.score).toBe('0.00');
  });
});

describe('manual 评价人打分: the issues of a bad score carry its figures / 评分有误时问题中带有数值', () => {
  const rule: Rule = { kind: 'manual', step: '0.5' };
  const issueOf = (value: InputValue) => {
    const { sheet, x } = leafOf(rule, {}, { x: value }, 3);
    expect(x.status).toBe('invalid-input');
    return sheet.issues.map((i) => ({ code: i.code, path: i.path.join('.'), data: i.data, message: i.message, messageEn: i.messageEn }));
  };
  it('above the weight: score-out-of-range with the score and the range [0, weight] / 超出分值', () => {
    expect(issueOf('3.5')).toEqual([
      { code: 'score-out-of-range', path: 'values.x', data: { name: 'x', value: '3.5', min: '0', max: '3' }, message: '评分 3.5 超出范围 [0, 3]', messageEn: 'Score 3.5 is outside [0, 3]' },
    ]);
  });
  it('off the step: score-off-step with the score and the step / 不是步长的整数倍', () => {
    expect(issueOf('2.3')).toEqual([
      { code: 'score-off-step', path: 'values.x', data: { name: 'x', value: '2.3', step: '0.5' }, message: '评分 2.3 不是步长 0.5 的整数倍', messageEn: 'Score 2.3 is not a multiple of 0.5' },
    ]);
  });
});
