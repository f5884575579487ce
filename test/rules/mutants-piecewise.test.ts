/**
 * 分段线性的变异测试补充 piecewise, pinned where mutation testing found nothing watching: the `piecewise-invalid`
 * reasons of docs/errors.md (too few points, a fraction outside [0, 1], x not strictly increasing) with their exact
 * paths and data, unreadable literals reported once at their own path, and the interpolation at the points.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, validateFramework } from '../../src/index.js';
import type { InputValue, Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const io = { v: { type: 'fraction' } } as const;
type Shown = { code: string; path: readonly (string | number)[]; data: unknown };

/** The issues of validating one leaf `x` (weight 5) with this rule, as { code, path, data }. */
function issuesOf(rule: unknown): Shown[] {
  const r = validateFramework(frameworkOf([{ id: 'x', name: '编制准确', weight: 5, rule: rule as Rule }], io));
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }));
}
const pw = (points: unknown, value: unknown = { input: 'v' }) => ({ kind: 'piecewise', value, points });
const at = (...rest: (string | number)[]) => ['indicators', 0, 'rule', ...rest];

describe('piecewise 校验 validation: issue paths and data', () => {
  it('an unknown input in `value` is reported at rule.value.input / 未声明的输入指向 value', () => {
    expect(issuesOf(pw([[0, 1], ['0.1', 0]], { input: 'nope' }))).toEqual([{ code: 'unknown-input', path: at('value', 'input'), data: { input: 'nope' } }]);
  });
  it('fewer than two points is piecewise-invalid at rule.points, saying at least 2 / 分段点少于两个', () => {
    for (const points of [[], [[0, 1]]]) {
      expect(issuesOf(pw(points))).toEqual([
        { code: 'piecewise-invalid', path: at('points'), data: { field: 'points', min: '2', reasonZh: '“points”至少需要 2 项', reason: '"points" needs at least 2 entries' } },
      ]);
    }
  });
  it('a fraction outside [0, 1] is piecewise-invalid at rule.points.i.1; 0 and 1 themselves are fine / 比例须在 [0, 1] 内', () => {
    expect(issuesOf(pw([[0, '1.01'], ['0.1', 0]]))).toEqual([
      { code: 'piecewise-invalid', path: at('points', 0, 1), data: { value: '1.01', reasonZh: '比例 1.01 须在 [0, 1] 内', reason: 'fraction 1.01 must lie in [0, 1]' } },
    ]);
    expect(issuesOf(pw([[0, 1], ['0.1', '-0.01']]))).toEqual([
      { code: 'piecewise-invalid', path: at('points', 1, 1), data: { value: '-0.01', reasonZh: '比例 -0.01 须在 [0, 1] 内', reason: 'fraction -0.01 must lie in [0, 1]' } },
    ]);
    expect(issuesOf(pw([[0, 1], ['0.1', 0]]))).toEqual([]);
  });
  it('x must increase strictly: an equal or smaller x is piecewise-invalid at rule.points.i.0 / x 须严格递增', () => {
    const data = { reasonZh: '分段点的 x 须严格递增', reason: 'x must increase strictly' };
    expect(issuesOf(pw([[0, 1], [0, 0]]))).toEqual([{ code: 'piecewise-invalid', path: at('points', 1, 0), data }]);
    expect(issuesOf(pw([[0, 1], ['0.1', '0.5'], ['0.05', 0]]))).toEqual([{ code: 'piecewise-invalid', path: at('points', 2, 0), data }]);
    expect(issuesOf(pw([[0, 1], ['0.0001', 0]]))).toEqual([]);
  });
  it('an unreadable x or fraction is invalid-number at its own path, and nothing else is reported / 无法识别的数值只报一次', () => {
    expect(issuesOf(pw([[0, 1], ['abc', 0]]))).toEqual([{ code: 'invalid-number', path: at('points', 1, 0), data: { value: 'abc' } }]);
    expect(issuesOf(pw([[0, 'abc'], ['0.1', 0]]))).toEqual([{ code: 'invalid-number', path: at('points', 0, 1), data: { value: 'abc' } }]);
    expect(issuesOf(pw([['abc', 1], ['0.1', 0], ['0.2', 0]]))).toEqual([{ code: 'invalid-number', path: at('points', 0, 0), data: { value: 'abc' } }]);
  });
});

describe('piecewise 计分 scoring at and between the points', () => {
  const rule = pw([['0.6', 0], ['0.9', '0.8'], [1, 1]]) as Rule;
  const run = (v: InputValue) => {
    const s = evaluate(frameworkOf([{ id: 'x', name: '编制准确', weight: 10, rule }], io), { values: { v } });
    return { score: s.indicators[0]?.score, outcome: s.indicators[0]?.outcome };
  };
  it('at every point the fraction is the point’s own; beyond the ends the end’s / 分段点处取该点比例', () => {
    expect(run('0.6')).toEqual({ score: '0.00', outcome: { kind: 'piecewise', value: '0.6', fraction: '0' } });
    expect(run('0.9')).toEqual({ score: '8.00', outcome: { kind: 'piecewise', value: '0.9', fraction: '0.8' } });
    expect(run(1)).toEqual({ score: '10.00', outcome: { kind: 'piecewise', value: '1', fraction: '1' } });
    expect(run('0.5')).toEqual({ score: '0.00', outcome: { kind: 'piecewise', value: '0.5', fraction: '0' } });
    expect(run('1.1')).toEqual({ score: '10.00', outcome: { kind: 'piecewise', value: '1.1', fraction: '1' } });
    expect(run('0.75')).toEqual({ score: '4.00', outcome: { kind: 'piecewise', value: '0.75', fraction: '0.4' } });
    expect(run('0.95')).toEqual({ score: '9.00', outcome: { kind: 'piecewise', value: '0.95', fraction: '0.9' } });
  });
});
