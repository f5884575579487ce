/**
 * 计分树与调整项 Tree scoring and adjustments: undecided conditions, modifiers, branch statuses, not-applicable
 * subtrees, and deduction / bonus / veto items (mutation survivors of src/evaluate/scoreTree.ts and
 * src/evaluate/applyAdjustments.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, findNode } from '../../src/index.js';
import type { Adjustment, FrameworkDefinition, Indicator, InputDeclaration, NotApplicablePolicy } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const manual = (id: string, weight: number, extra: Partial<Indicator> = {}): Indicator => ({ id, name: id, weight, rule: { kind: 'manual' }, ...extra }) as Indicator;
const branch = (id: string, weight: number, children: Indicator[], extra: Partial<Indicator> = {}): Indicator =>
  ({ id, name: id, weight, children, ...extra }) as Indicator;
const bools = (...names: string[]): Record<string, InputDeclaration> => Object.fromEntries(names.map((n) => [n, { type: 'boolean' }]));

describe('undecided conditions 无法判断的条件', () => {
  it("a leaf keeps its own undecided not-applicable condition under an undecided branch / 末级指标保留自己缺少的输入", () => {
    const def = frameworkOf(
      [branch('B', 20, [manual('L', 10, { when: { notApplicable: { is: 'p' } } }), manual('M', 10)], { when: { notApplicable: { is: 'q' } } }), manual('R', 10)],
      bools('p', 'q'),
    );
    const sheet = evaluate(def, { values: { L: 5, M: 5, R: 5 } });
    const inputsOf = (id: string) => findNode(sheet, id)?.issues.map((i) => [i.code, i.data?.input]);
    expect(inputsOf('L')).toEqual([['missing-input', 'p']]);
    expect(inputsOf('M')).toEqual([['missing-input', 'q']]);
    expect(findNode(sheet, 'L')?.status).toBe('missing-input');
    expect(findNode(sheet, 'M')?.status).toBe('missing-input');
    expect(findNode(sheet, 'R')?.status).toBe('scored');
    expect(sheet.missingInputs).toEqual(['p', 'q']);
  });
  it('an undecided zero condition leaves the leaf missing input even when the full condition holds / 不得分条件无法判断时不再看满分条件', () => {
    const def = frameworkOf([manual('x', 10, { when: { zero: { is: 'z' }, full: { is: 'f' } } })], bools('z', 'f'));
    const sheet = evaluate(def, { values: { f: true, x: 3 } });
    const x = findNode(sheet, 'x');
    expect({ status: x?.status, score: x?.score, modifier: x?.modifier }).toEqual({ status: 'missing-input', score: '0.00', modifier: undefined });
    expect(sheet.missingInputs).toEqual(['z']);
  });
});

describe('modifiers 满分/不得分条件', () => {
  const def = frameworkOf([manual('x', 10, { when: { zero: { is: 'z' }, full: { is: 'f' } } })], bools('z', 'f'));
  it('a zero condition that holds gives 0 and modifier "zero" / 不得分条件成立', () => {
    const x = findNode(evaluate(def, { values: { z: true, f: true, x: 7 } }), 'x');
    expect({ status: x?.status, score: x?.score, modifier: x?.modifier }).toEqual({ status: 'scored', score: '0.00', modifier: 'zero' });
  });
  it('a full condition that holds gives the weight and modifier "full" / 满分条件成立', () => {
    const x = findNode(evaluate(def, { values: { z: false, f: true, x: 7 } }), 'x');
    expect({ status: x?.status, score: x?.score, modifier: x?.modifier }).toEqual({ status: 'scored', score: '10.00', modifier: 'full' });
  });
  it('neither holds: the rule scores and there is no modifier / 均不成立时按规则计分', () => {
    const x = findNode(evaluate(def, { values: { z: false, f: false, x: 7 } }), 'x');
    expect({ status: x?.status, score: x?.score, modifier: x?.modifier }).toEqual({ status: 'scored', score: '7.00', modifier: undefined });
    expect(x !== undefined && 'modifier' in x).toBe(false);
  });
});

describe('branch status 上级指标状态', () => {
  const def = frameworkOf([branch('B', 20, [manual('x', 10), manual('y', 10)]), manual('r', 10)]);
  it('one scored child and one missing: incomplete / 有未计分的下级即为 incomplete', () => {
    const sheet = evaluate(def, { values: { x: 5, r: 5 } });
    expect(findNode(sheet, 'B')?.status).toBe('incomplete');
    expect(findNode(sheet, 'B')?.score).toBe('5.00');
  });
  it('every child scored: scored / 下级全部计分即为 scored', () => {
    expect(findNode(evaluate(def, { values: { x: 5, y: 6, r: 5 } }), 'B')?.status).toBe('scored');
  });
  it('one scored child and one not applicable: scored, not "not-applicable" / 部分下级不适用仍为 scored', () => {
    const sheet = evaluate(def, { values: { x: 5, r: 5 }, notApplicable: ['y'] });
    expect(findNode(sheet, 'B')?.status).toBe('scored');
    expect(findNode(sheet, 'y')?.status).toBe('not-applicable');
    expect(sheet.complete).toBe(true);
  });
  it('every child declared not applicable one by one: the branch is not applicable / 下级全部不适用则上级不适用', () => {
    const sheet = evaluate(def, { values: { r: 5 }, notApplicable: ['x', 'y'] });
    expect(findNode(sheet, 'B')?.status).toBe('not-applicable');
    expect(findNode(sheet, 'B')?.effectiveWeight).toBe('0.00');
    expect(findNode(sheet, 'r')?.effectiveWeight).toBe('30.00');
  });
});

describe('not-applicable subtrees 不适用的子树', () => {
  it('only the highest not-applicable node names the policy; the nodes below it just say not applicable / 只有最高的不适用节点说明处理方式', () => {
    const full: NotApplicablePolicy = { policy: 'full' };
    const def = frameworkOf([branch('A', 20, [manual('a1', 10), manual('a2', 10)], { notApplicable: full }), manual('r', 10)]);
    const sheet = evaluate(def, { values: { r: 4 }, notApplicable: ['A'] });
    expect(findNode(sheet, 'A')?.explanation).toBe('A不适用，按满分计');
    expect(findNode(sheet, 'a1')?.explanation).toBe('a1不适用');
    expect(findNode(sheet, 'a1')?.explanationEn).toBe('a1: not applicable');
    expect([findNode(sheet, 'A')?.score, findNode(sheet, 'a1')?.score, findNode(sheet, 'a2')?.score]).toEqual(['20.00', '10.00', '10.00']);
    expect(sheet.total).toBe('24.00');
  });
});

describe('adjustments 调整项', () => {
  const inputs: Record<string, InputDeclaration> = { d: { type: 'number' }, b: { type: 'number' }, ...bools('f') };
  const adjustments: Adjustment[] = [
    { kind: 'deduction', id: 'ded', name: '扣分', max: 5, amount: { input: 'd' } },
    { kind: 'bonus', id: 'bon', name: '加分', max: 2, amount: { input: 'b' } },
    { kind: 'veto', id: 'vet', name: '否决', when: { is: 'f' }, effect: 'zero-total' },
  ];
  const def: FrameworkDefinition = frameworkOf([manual('x', 10)], inputs, { adjustments });
  const adj = (values: Record<string, unknown>, options?: Parameters<typeof evaluate>[2]) => {
    const sheet = evaluate(def, { values: values as never }, options);
    return { sheet, byId: Object.fromEntries(sheet.adjustments.map((a) => [a.id, { points: a.points, triggered: a.triggered, status: a.status }])) };
  };
  it('a negative amount is a fault: nothing applied, issue negative-amount with the value / 金额为负是计算错误', () => {
    const { sheet, byId } = adj({ x: 5, d: -1, b: 1, f: false });
    expect(byId['ded']).toEqual({ points: '0.00', triggered: false, status: 'fault' });
    expect(sheet.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }))).toEqual([
      { code: 'negative-amount', path: ['adjustments', 0], data: { name: '扣分', value: '-1' } },
    ]);
    expect(sheet.complete).toBe(false);
    expect(sheet.provisional?.total).toBe('6.00');
  });
  it('an amount exactly at max is not capped; above it is, with the value and the cap / 恰好等于上限不封顶', () => {
    const at = adj({ x: 10, d: 5, b: 2, f: false });
    expect(at.byId['ded']).toEqual({ points: '-5.00', triggered: false, status: 'applied' });
    expect(at.byId['bon']).toEqual({ points: '2.00', triggered: false, status: 'applied' });
    expect(at.sheet.warnings).toEqual([]);
    const below = adj({ x: 10, d: '4.99', b: 1, f: false });
    expect(below.sheet.warnings).toEqual([]);
    expect(below.sheet.total).toBe('6.01');
    const over = adj({ x: 10, d: '5.01', b: 0, f: false });
    expect(over.sheet.warnings.map((w) => ({ code: w.code, path: w.path, data: w.data }))).toEqual([
      { code: 'adjustment-capped', path: ['adjustments', 0], data: { name: '扣分', value: '5.01', max: '5' } },
    ]);
    expect(over.byId['ded']?.points).toBe('-5.00');
  });
  it('a veto whose condition is missing does not fire and is missing-input / 否决条件缺少输入时不触发', () => {
    const { sheet, byId } = adj({ x: 10, d: 0, b: 0 });
    expect(byId['vet']).toEqual({ points: '0.00', triggered: false, status: 'missing-input' });
    expect(sheet.provisional?.total).toBe('10.00');
    expect(findNode(sheet, 'x')?.status).toBe('scored');
  });
  it('a missing amount applies nothing and is not triggered / 金额缺少输入时不扣不加', () => {
    const { byId } = adj({ x: 10, b: 1, f: false });
    expect(byId['ded']).toEqual({ points: '0.00', triggered: false, status: 'missing-input' });
  });
  it('a veto that fires is triggered; deductions and bonuses never are / 只有否决项有 triggered', () => {
    const { byId } = adj({ x: 10, d: 1, b: 1, f: true });
    expect(byId['vet']).toEqual({ points: '-10.00', triggered: true, status: 'applied' });
    expect(byId['ded']?.triggered).toBe(false);
    expect(byId['bon']?.triggered).toBe(false);
  });
  it("with roundAt 'total' an amount is kept exact / 只在总分舍入时调整金额保持精确", () => {
    const { sheet, byId } = adj({ x: 10, d: '1.234', b: 0, f: false }, { roundAt: 'total' });
    expect(byId['ded']?.points).toBe('-1.234');
    expect(sheet.total).toBe('8.77');
    expect(adj({ x: 10, d: '1.234', b: 0, f: false }).byId['ded']?.points).toBe('-1.23');
  });
});
