/**
 * 区间计分的变异测试补充 bands, pinned where mutation testing found nothing watching: every `band-invalid` reason
 * of docs/errors.md (points xor fraction, negative points, a fraction outside [0, 1], an empty band), the
 * `points-exceed-weight`, `bands-gap` and `bands-overlap` issues with their exact paths and data (the bands written
 * as intervals), unreadable literals reported once at their own path, and the outcome's bounds (absent when
 * unbounded, as BandsOutcome's JSDoc says).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, validateFramework } from '../../src/index.js';
import type { Band, InputValue, Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const io = { v: { type: 'number' } } as const;
type Shown = { code: string; path: readonly (string | number)[]; data: unknown };

/** The issues of validating one leaf `x` (weight 5 unless given) with these bands, as { code, path, data }. */
function issuesOf(bands: readonly unknown[], weight: number | string = 5, value: unknown = { input: 'v' }): Shown[] {
  const rule = { kind: 'bands', value, bands } as unknown as Rule;
  const r = validateFramework(frameworkOf([{ id: 'x', name: '预算控制率', weight, rule }], io, { total: 5, grades: [{ label: '差', min: 0 }] }));
  return r.ok ? [] : r.issues.map((i) => ({ code: i.code, path: i.path, data: i.data }));
}
const at = (...rest: (string | number)[]) => ['indicators', 0, 'rule', ...rest];
/** A band-invalid issue's data: the reason's parameters and both texts. */
const why = (params: Record<string, string>, reasonZh: string, reason: string) => ({ ...params, reasonZh, reason });

describe('bands 校验 validation: band-invalid reasons, paths and data', () => {
  it('an unknown input in `value` is reported at rule.value.input / 未声明的输入指向 value', () => {
    expect(issuesOf([{ fraction: 1 }], 5, { input: 'nope' })).toEqual([{ code: 'unknown-input', path: at('value', 'input'), data: { input: 'nope' } }]);
  });
  it('an empty list is rule-invalid at rule.bands, naming the field / 区间列表为空', () => {
    expect(issuesOf([])).toEqual([
      { code: 'rule-invalid', path: at('bands'), data: why({ field: 'bands' }, '“bands”至少需要一项', '"bands" needs at least one entry') },
    ]);
  });
  it('exactly one of points and fraction: both, or neither, is band-invalid at the band / points 与 fraction 须且只须给出一个', () => {
    const data = why({}, 'points 与 fraction 须且只须给出一个', 'give exactly one of points and fraction');
    expect(issuesOf([{ max: 1, points: 1, fraction: '0.5' }, { min: 1, points: 0 }])).toEqual([{ code: 'band-invalid', path: at('bands', 0), data }]);
    expect(issuesOf([{ max: 1, points: 1 }, { min: 1 }])).toEqual([{ code: 'band-invalid', path: at('bands', 1), data }]);
  });
  it('negative points are band-invalid at the band’s points; 0 points are fine / 得分不能为负', () => {
    expect(issuesOf([{ max: 1, points: -1 }, { min: 1, points: 0 }])).toEqual([
      { code: 'band-invalid', path: at('bands', 0, 'points'), data: why({ field: 'points', value: '-1' }, '“points”不能为负（-1）', '"points" cannot be negative (-1)') },
    ]);
    expect(issuesOf([{ max: 1, points: 0 }, { min: 1, points: 5 }])).toEqual([]);
  });
  it('points above the weight are points-exceed-weight at the band’s points; exactly the weight is fine / 得分超出分值', () => {
    expect(issuesOf([{ max: 1, points: '5.01' }, { min: 1, points: 0 }])).toEqual([
      { code: 'points-exceed-weight', path: at('bands', 0, 'points'), data: { points: '5.01', weight: '5' } },
    ]);
  });
  it('an unreadable weight leaves the points unchecked against it: only the weight is reported / 分值无法识别时不比较', () => {
    expect(issuesOf([{ max: 1, points: 3 }, { min: 1, points: 0 }], 'abc')).toEqual([{ code: 'invalid-number', path: ['indicators', 0, 'weight'], data: { value: 'abc' } }]);
  });
  it('a fraction outside [0, 1] is band-invalid at the band’s fraction; 0 and 1 are fine / 比例须在 [0, 1] 内', () => {
    expect(issuesOf([{ max: 1, fraction: '1.5' }, { min: 1, fraction: 0 }])).toEqual([
      { code: 'band-invalid', path: at('bands', 0, 'fraction'), data: why({ value: '1.5' }, '比例 1.5 须在 [0, 1] 内', 'fraction 1.5 must lie in [0, 1]') },
    ]);
    expect(issuesOf([{ max: 1, fraction: 1 }, { min: 1, fraction: '-0.1' }])).toEqual([
      { code: 'band-invalid', path: at('bands', 1, 'fraction'), data: why({ value: '-0.1' }, '比例 -0.1 须在 [0, 1] 内', 'fraction -0.1 must lie in [0, 1]') },
    ]);
    expect(issuesOf([{ max: 1, fraction: 1 }, { min: 1, fraction: 0 }])).toEqual([]);
  });
  it('an empty band is band-invalid at the band, written as an interval / 区间为空', () => {
    const empty = (band: string) => why({ band }, `区间 ${band} 为空`, `band ${band} is empty`);
    expect(issuesOf([{ min: 2, max: 1, points: 1 }])).toEqual([{ code: 'band-invalid', path: at('bands', 0), data: empty('[2, 1)') }]);
    expect(issuesOf([{ min: 1, max: 1, points: 1 }])).toEqual([{ code: 'band-invalid', path: at('bands', 0), data: empty('[1, 1)') }]);
    expect(issuesOf([{ min: 1, max: 1, minInclusive: false, maxInclusive: true, points: 1 }])).toEqual([{ code: 'band-invalid', path: at('bands', 0), data: empty('(1, 1]') }]);
    expect(issuesOf([{ min: 1, max: 1, minInclusive: false, points: 1 }])).toEqual([{ code: 'band-invalid', path: at('bands', 0), data: empty('(1, 1)') }]);
  });
  it('a single-point band [1, 1] is not empty: = 1 can be a band of its own / 单点区间有效', () => {
    const bands: Band[] = [{ max: 1, points: 1 }, { min: 1, max: 1, maxInclusive: true, points: 5 }, { min: 1, minInclusive: false, points: 0 }];
    expect(issuesOf(bands)).toEqual([]);
    const s = evaluate(frameworkOf([{ id: 'x', name: '预算控制率', weight: 5, rule: { kind: 'bands', value: { input: 'v' }, bands } }], io), { values: { v: 1 } });
    expect(s.indicators[0]?.score).toBe('5.00');
  });
  it('an unreadable bound, points or fraction is invalid-number at its own path, and the band is not checked further / 无法识别的数值只报一次', () => {
    // Each band would also be band-invalid (points xor fraction) if its literals had been read.
    expect(issuesOf([{ max: 'abc' }, { min: 1, points: 0 }])).toEqual([{ code: 'invalid-number', path: at('bands', 0, 'max'), data: { value: 'abc' } }]);
    expect(issuesOf([{ max: 1, points: 1 }, { min: 'abc' }])).toEqual([{ code: 'invalid-number', path: at('bands', 1, 'min'), data: { value: 'abc' } }]);
    expect(issuesOf([{ max: 1, points: 'abc', fraction: 1 }, { min: 1, points: 0 }])).toEqual([{ code: 'invalid-number', path: at('bands', 0, 'points'), data: { value: 'abc' } }]);
    expect(issuesOf([{ max: 1, points: 1 }, { min: 1, points: 0, fraction: 'abc' }])).toEqual([{ code: 'invalid-number', path: at('bands', 1, 'fraction'), data: { value: 'abc' } }]);
  });
  it('an invalid band is not checked for gaps or overlaps with the others / 无效区间不再检查空档与重叠', () => {
    expect(issuesOf([{ max: 1, fraction: 2 }, { min: 2, points: 0 }]).map((i) => i.code)).toEqual(['band-invalid']);
    expect(issuesOf([{ max: 1, points: 6 }, { min: 2, points: 0 }]).map((i) => i.code)).toEqual(['points-exceed-weight']);
    expect(issuesOf([{ max: 1, points: 1 }, { min: 2, max: '1.5', points: 0 }, { min: 3, points: 0 }]).map((i) => i.code)).toEqual(['band-invalid']);
  });
});

describe('bands 校验 validation: gaps and overlaps, with the bands as intervals', () => {
  it('a gap between adjacent bands is bands-gap at the later band (docs: [0, 0.5) and [0.6, +∞)) / 区间之间有空档', () => {
    expect(issuesOf([{ min: 0, max: '0.5', points: 1 }, { min: '0.6', points: 0 }])).toEqual([
      { code: 'bands-gap', path: at('bands', 1), data: { a: '[0, 0.5)', b: '[0.6, +∞)' } },
    ]);
    // Listed out of order: the issue is at the band that starts later, and names the earlier one first.
    expect(issuesOf([{ min: '0.6', points: 0 }, { min: 0, max: '0.5', points: 1 }])).toEqual([
      { code: 'bands-gap', path: at('bands', 0), data: { a: '[0, 0.5)', b: '[0.6, +∞)' } },
    ]);
  });
  it('a shared bound excluded on both sides is a gap; included on both sides an overlap / 边界两侧都不含是空档，都含是重叠', () => {
    expect(issuesOf([{ max: 1, points: 1 }, { min: 1, minInclusive: false, points: 0 }])).toEqual([
      { code: 'bands-gap', path: at('bands', 1), data: { a: '(-∞, 1)', b: '(1, +∞)' } },
    ]);
    expect(issuesOf([{ max: 1, maxInclusive: true, points: 1 }, { min: 1, points: 0 }])).toEqual([
      { code: 'bands-overlap', path: at('bands', 1), data: { a: '(-∞, 1]', b: '[1, +∞)' } },
    ]);
    expect(issuesOf([{ max: 1, maxInclusive: true, points: 1 }, { min: 1, minInclusive: false, max: 2, maxInclusive: true, points: 0 }, { min: 2, minInclusive: false, points: 0 }])).toEqual([]);
  });
  it('two bands without a lower bound overlap, reported at the second as listed / 两个区间都无下限', () => {
    expect(issuesOf([{ max: 1, points: 1 }, { max: 2, points: 0 }, { min: 2, points: 0 }])).toEqual([
      { code: 'bands-overlap', path: at('bands', 1), data: { a: '(-∞, 1)', b: '(-∞, 2)' } },
    ]);
  });
  it('two bands without an upper bound overlap / 两个区间都无上限', () => {
    expect(issuesOf([{ max: 0, points: 1 }, { min: 0, points: 1 }, { min: 1, points: 0 }])).toEqual([
      { code: 'bands-overlap', path: at('bands', 2), data: { a: '[0, +∞)', b: '[1, +∞)' } },
    ]);
  });
  it('two bands with the same lower bound overlap, reported at the second as listed / 下限相同的两个区间', () => {
    expect(issuesOf([{ max: 0, points: 1 }, { min: 0, max: 1, points: 1 }, { min: 0, points: 0 }])).toEqual([
      { code: 'bands-overlap', path: at('bands', 2), data: { a: '[0, 1)', b: '[0, +∞)' } },
    ]);
    expect(issuesOf([{ max: 0, maxInclusive: true, points: 1 }, { min: 0, minInclusive: false, max: 1, maxInclusive: true, points: 1 }, { min: 0, minInclusive: false, points: 0 }])).toEqual([
      { code: 'bands-overlap', path: at('bands', 2), data: { a: '(0, 1]', b: '(0, +∞)' } },
    ]);
  });
});

describe('bands 结果 outcome: the band’s bounds, absent when unbounded', () => {
  const rule: Rule = {
    kind: 'bands',
    value: { input: 'v' },
    bands: [{ max: 0, maxInclusive: true, points: 5 }, { min: 0, minInclusive: false, max: '0.1', maxInclusive: true, points: 4 }, { min: '0.1', minInclusive: false, points: 0 }],
  };
  const outcome = (v: InputValue) => evaluate(frameworkOf([{ id: 'x', name: '预算控制率', weight: 5, rule }], io), { values: { v } }).indicators[0]?.outcome;
  it('a band bounded on both sides gives min and max / 双边有界', () => {
    expect(outcome('0.05')).toStrictEqual({ kind: 'bands', value: '0.05', band: 1, min: '0', max: '0.1', minInclusive: false, maxInclusive: true });
  });
  it('no lower bound: no `min` key at all; no upper bound: no `max` key / 无下界则无 min，无上界则无 max', () => {
    const low = outcome(-1);
    expect(low).toStrictEqual({ kind: 'bands', value: '-1', band: 0, max: '0', minInclusive: true, maxInclusive: true });
    expect(Object.keys(low ?? {})).not.toContain('min');
    const high = outcome(1);
    expect(high).toStrictEqual({ kind: 'bands', value: '1', band: 2, min: '0.1', minInclusive: false, maxInclusive: false });
    expect(Object.keys(high ?? {})).not.toContain('max');
  });
});
