/**
 * 定性分档的变异测试补充 tiers, pinned where mutation testing found nothing watching: the validation issues of
 * docs/errors.md (`tiers-invalid`, `tiers-gap`, `tiers-overlap`, `duplicate-id`, `rule-invalid`) with their exact
 * paths and data, and at evaluation the `missing-input`, `missing-field` and `tier-score-clamped` of docs/rules.md.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, NATIONAL_TIERS, validateFramework } from '../../src/index.js';
import type { InputValue, Rule, Tier } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const io = { x: { type: 'tier' } } as const;
type Shown = { code: string; path: readonly (string | number)[]; data: unknown };

/** The issues of validating one leaf `x` (weight 10) with these tiers, as { code, path, data }. */
function issuesOf(tiers: readonly unknown[]): Shown[] {
  const rule = { kind: 'tiers', tiers } as unknown as Rule;
  const r = validateFramework(frameworkOf([{ id: 'x', name: '实施效果', weight: 10, rule }], io));
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }));
}

const tier = (id: string, min: string | number, max: string | number): Tier => ({ id, name: `档${id}`, min, max });
const at = (...rest: (string | number)[]) => ['indicators', 0, 'rule', ...rest];

describe('tiers 校验 validation: issue paths and data', () => {
  it('an empty list is rule-invalid at rule.tiers, naming the field / 档次列表为空', () => {
    const issues = issuesOf([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'rule-invalid', path: at('tiers'), data: { field: 'tiers' } });
  });
  it('a repeated tier id is duplicate-id at rule.tiers.i.id / 档次 id 重复', () => {
    expect(issuesOf([tier('a', '0.5', 1), tier('b', 0, '0.5'), tier('a', 0, '0.5')])).toContainEqual({ code: 'duplicate-id', path: at('tiers', 2, 'id'), data: { id: 'a' } });
    expect(issuesOf([tier('a', '0.5', 1), tier('a', 0, '0.5')])).toEqual([{ code: 'duplicate-id', path: at('tiers', 1, 'id'), data: { id: 'a' } }]);
  });
  it('an unreadable min or max is invalid-number at its own path, and nothing else is reported / 无法识别的上下限', () => {
    expect(issuesOf([tier('a', 'abc', 1), tier('b', 0, 1)])).toEqual([{ code: 'invalid-number', path: at('tiers', 0, 'min'), data: { value: 'abc' } }]);
    expect(issuesOf([tier('a', '0.5', 1), tier('b', 0, 'xyz')])).toEqual([{ code: 'invalid-number', path: at('tiers', 1, 'max'), data: { value: 'xyz' } }]);
  });
  it('a range outside [0, 1] or with min > max is tiers-invalid at rule.tiers.i, naming the tier / 档次范围无效', () => {
    expect(issuesOf([tier('a', '0.5', 1), tier('b', '-0.1', '0.5')])).toEqual([{ code: 'tiers-invalid', path: at('tiers', 1), data: { tier: '档b', min: '-0.1', max: '0.5' } }]);
    expect(issuesOf([tier('a', '0.5', '1.1'), tier('b', 0, '0.5')])).toEqual([{ code: 'tiers-invalid', path: at('tiers', 0), data: { tier: '档a', min: '0.5', max: '1.1' } }]);
    expect(issuesOf([tier('a', '0.6', '0.5')])).toEqual([{ code: 'tiers-invalid', path: at('tiers', 0), data: { tier: '档a', min: '0.6', max: '0.5' } }]);
  });
  it('the ends themselves are allowed: min 0, max 1, and min = max (a single point) / 端点与单点档次有效', () => {
    expect(issuesOf([tier('a', 0, 1)])).toEqual([]);
    expect(issuesOf([tier('a', '0.5', '0.5')])).toEqual([]);
    expect(issuesOf([tier('a', '0.5', '0.5'), tier('b', 0, '0.5'), tier('c', '0.5', 1)])).toEqual([]);
  });
  it('one invalid tier among valid ones gives exactly its own issue, no overlap or gap with it / 无效档次不再检查相接', () => {
    expect(issuesOf([tier('a', '0.8', 1), tier('b', '0.9', '0.5'), tier('c', 0, '0.6')])).toEqual([
      { code: 'tiers-invalid', path: at('tiers', 1), data: { tier: '档b', min: '0.9', max: '0.5' } },
    ]);
  });
  it('gaps and overlaps are reported at rule.tiers, naming both tiers in order of their lower ends / 空档与重叠', () => {
    expect(issuesOf([tier('hi', '0.8', 1), tier('lo', 0, '0.7')])).toEqual([{ code: 'tiers-gap', path: at('tiers'), data: { a: '档lo', b: '档hi' } }]);
    expect(issuesOf([tier('hi', '0.7', 1), tier('lo', 0, '0.8')])).toEqual([{ code: 'tiers-overlap', path: at('tiers'), data: { a: '档lo', b: '档hi' } }]);
    expect(issuesOf(NATIONAL_TIERS)).toEqual([]);
  });
});

describe('tiers 计分 evaluation: missing, invalid and clamped inputs', () => {
  const rule: Rule = { kind: 'tiers', tiers: NATIONAL_TIERS };
  const run = (values: Record<string, InputValue>) => evaluate(frameworkOf([{ id: 'x', name: '实施效果', weight: 10, rule }], io), { values });
  it('an absent tier input is missing-input, listed in missingInputs / 缺少档次输入', () => {
    const s = run({});
    expect(s.indicators[0]?.status).toBe('missing-input');
    expect(s.missingInputs).toEqual(['x']);
    expect(s.warnings.map((w) => ({ code: w.code, data: w.data }))).toEqual([{ code: 'missing-input', data: { input: 'x', name: '实施效果' } }]);
  });
  it('a tier input that is not { tier, score } is invalid-input / 档次输入格式错误', () => {
    const s = run({ x: 5 });
    expect(s.indicators[0]?.status).toBe('invalid-input');
    expect(s.missingInputs).toEqual([]);
    expect(s.issues.map((i) => ({ code: i.code, path: i.path }))).toEqual([{ code: 'invalid-type', path: ['values', 'x'] }]);
  });
  it('a tier the rule does not have is unknown-tier at values.x.tier, naming it / 未知档次', () => {
    const s = run({ x: { tier: 'good', score: 5 } });
    expect(s.indicators[0]?.status).toBe('invalid-input');
    expect(s.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }))).toEqual([
      { code: 'unknown-tier', path: ['values', 'x', 'tier'], data: { name: '实施效果', tier: 'good' } },
    ]);
  });
  it('a tier without a score is missing-field at values.x.score / 只有档次没有分数', () => {
    const s = run({ x: { tier: 'partly' } });
    expect(s.indicators[0]?.status).toBe('invalid-input');
    expect(s.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }))).toEqual([
      { code: 'missing-field', path: ['values', 'x', 'score'], data: { name: '实施效果', key: 'score' } },
    ]);
  });
  it('tier-score-clamped names the score, the tier, its range in points and the score used / 档外分数按最近一端计', () => {
    const s = run({ x: { tier: 'partly', score: '8.5' } });
    expect(s.indicators[0]?.score).toBe('8.00');
    expect(s.warnings.map((w) => ({ code: w.code, path: w.path, data: w.data }))).toEqual([
      { code: 'tier-score-clamped', path: ['indicators', 0], data: { name: '实施效果', value: '8.5', tier: '部分达成年度指标并具有一定效果', min: '6', max: '8', used: '8' } },
    ]);
    const low = run({ x: { tier: 'partly', score: 5 } });
    expect(low.warnings[0]?.data).toEqual({ name: '实施效果', value: '5', tier: '部分达成年度指标并具有一定效果', min: '6', max: '8', used: '6' });
  });
});
