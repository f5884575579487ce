/**
 * 表达式与条件 Expressions and conditions: every comparison operator at −1 / 0 / +1, inputs read twice, and the
 * guard snap (mutation survivors of src/expr/operators.ts, src/expr/trace.ts and src/calc/calculator.ts).
 */
import { describe, expect, it } from 'vitest';
import { createScorer, evaluate, findNode } from '../../src/index.js';
import type { ComparisonOp, InputDeclaration, InputValue, Rule } from '../../src/index.js';
import { COMPARISONS } from '../../src/expr/operators.js';
import { decimalCalculator as c, snap } from '../../src/calc/calculator.js';
import { dec } from '../../src/calc/decimal.js';
import { frameworkOf } from '../support/minimal.js';

const OPS: ComparisonOp[] = ['<', '<=', '=', '!=', '>=', '>'];
/** What each operator answers for left 4, 5, 6 against right 5. */
const TRUTH: Record<ComparisonOp, [boolean, boolean, boolean]> = {
  '<': [true, false, false],
  '<=': [true, true, false],
  '=': [false, true, false],
  '!=': [true, false, true],
  '>=': [false, true, true],
  '>': [false, false, true],
};

describe('comparisons 比较运算符', () => {
  it('the operator table answers each comparison result −1, 0, 1 / 运算符表', () => {
    for (const op of OPS) expect([COMPARISONS[op](-1), COMPARISONS[op](0), COMPARISONS[op](1)]).toEqual(TRUTH[op]);
  });
  it('a binary rule on `a op 5` holds exactly as the operator says, at 4, 5 and 6 / 条件在边界上的取值', () => {
    const io: Record<string, InputDeclaration> = { a: { type: 'number' } };
    for (const op of OPS) {
      const rule: Rule = { kind: 'binary', when: { left: { input: 'a' }, op, right: 5 } };
      const got = [4, 5, 6].map((a) => {
        const sheet = evaluate(frameworkOf([{ id: 'x', name: 'x', weight: 2, rule }], io), { values: { a } });
        return (findNode(sheet, 'x')?.outcome as { holds: boolean } | undefined)?.holds;
      });
      expect({ op, got }).toEqual({ op, got: TRUTH[op] });
    }
  });
});

describe('inputs read twice 同一输入读取两次', () => {
  const io: Record<string, InputDeclaration> = { a: { type: 'number' }, b: { type: 'number' } };
  const rule: Rule = { kind: 'ratio', value: { div: [{ input: 'a' }, { add: [{ input: 'a' }, { input: 'b' }] }] } };
  const leaf = (values: Record<string, InputValue>) => {
    const sheet = evaluate(frameworkOf([{ id: 'x', name: 'x', weight: 10, rule }], io), { values });
    return { sheet, x: findNode(sheet, 'x') };
  };
  it('a missing input read twice is one missing-input warning / 缺少的输入只提示一次', () => {
    const { sheet, x } = leaf({ b: 1 });
    expect(x?.status).toBe('missing-input');
    expect(x?.issues.map((i) => [i.code, i.data?.input])).toEqual([['missing-input', 'a']]);
    expect(sheet.warnings.map((w) => [w.code, w.data?.input])).toEqual([['missing-input', 'a']]);
  });
  it('an invalid input read twice is one issue on the node / 有误的输入只报告一次', () => {
    const { sheet, x } = leaf({ a: 'abc', b: 1 });
    expect(x?.status).toBe('invalid-input');
    expect(x?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid-number', 'values.a']]);
    expect(sheet.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid-number', 'values.a']]);
  });
  it('two different invalid inputs are both reported on the node / 两个不同的有误输入都报告', () => {
    const { sheet, x } = leaf({ a: 'abc', b: 'xyz' });
    expect(x?.status).toBe('invalid-input');
    expect(x?.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-number', 'values.a'],
      ['invalid-number', 'values.b'],
    ]);
    expect(sheet.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-number', 'values.a'],
      ['invalid-number', 'values.b'],
    ]);
  });
  it('a present input read twice is listed once in the node inputs / 读取的输入只列一次', () => {
    const { x } = leaf({ a: 1, b: 1 });
    expect(x?.inputs).toEqual({ a: '1', b: '1' });
    expect(x?.score).toBe('5.00');
  });
});

describe('snap 保护位数', () => {
  it('rounds half-even at the 30th decimal / 第 30 位按银行家舍入', () => {
    const z = '0.' + '0'.repeat(29);
    expect(String(snap(c, dec(`${z}25`)))).toBe(String(dec(`${z}2`)));
    expect(String(snap(c, dec(`${z}35`)))).toBe(String(dec(`${z}4`)));
    expect(String(snap(c, dec(`${z}251`)))).toBe(String(dec(`${z}3`)));
  });
});

describe('operators of any number of operands 多操作数运算符', () => {
  const io: Record<string, InputDeclaration> = { a: { type: 'number' }, b: { type: 'number' }, d: { type: 'number' } };
  /** The ratio of a leaf of weight 10 whose value is `value`, on the exact and the fast path. */
  const ratioOf = (value: Rule & { kind: 'ratio' } extends { value: infer E } ? E : never): string[] => {
    const framework = frameworkOf([{ id: 'x', name: 'x', weight: 10, rule: { kind: 'ratio', value } }], io);
    const values = { a: 0.3, b: 0.2, d: 0.5 };
    const outcome = findNode(evaluate(framework, { values }), 'x')?.outcome as { value: string } | undefined;
    return [outcome?.value ?? '', createScorer(framework).score({ values }).scores[0]?.toString() ?? ''];
  };
  it('a sum or a product of one operand is that operand (not doubled, not squared)', () => {
    expect(ratioOf({ add: [{ input: 'a' }] })).toEqual(['0.3', '3']);
    expect(ratioOf({ mul: [{ input: 'a' }] })).toEqual(['0.3', '3']);
  });
  it('folds three operands from the left, and takes |x| of one', () => {
    expect(ratioOf({ add: [{ input: 'a' }, { input: 'b' }, { input: 'd' }] })).toEqual(['1', '10']);
    expect(ratioOf({ mul: [{ input: 'd' }, { input: 'd' }, 2] })).toEqual(['0.5', '5']);
    expect(ratioOf({ abs: { sub: [{ input: 'b' }, { input: 'd' }] } })).toEqual(['0.3', '3']);
  });
  it('reports every missing operand of a fold, and scores nothing with one missing', () => {
    const framework = frameworkOf([{ id: 'x', name: 'x', weight: 10, rule: { kind: 'ratio', value: { add: [{ input: 'a' }, { input: 'b' }, { input: 'd' }] } } }], io);
    const sheet = evaluate(framework, { values: { b: 0.2 } });
    expect(findNode(sheet, 'x')?.status).toBe('missing-input');
    expect(sheet.warnings.map((w) => w.data?.input)).toEqual(['a', 'd']);
    expect(createScorer(framework).score({ values: { b: 0.2 } })).toMatchObject({ complete: false, path: 'exact' });
  });
});
