import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, LIMITS, safeEvaluate, validateFramework } from '../../src/index.js';
import type { FrameworkDefinition, Indicator } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/** Codes of a validation result (empty when valid). */
const codes = (r: { ok: boolean; issues?: readonly { code: string }[] }): string[] => (r.ok ? [] : (r.issues ?? []).map((i) => i.code));
const grades = [{ label: '合格', min: 0 }];

function deepTree(depth: number): FrameworkDefinition {
  let node: Indicator = { id: 'leaf', name: '末级', weight: 10, rule: { kind: 'manual' } };
  for (let i = 0; i < depth - 1; i++) node = { id: `n${i}`, name: `第${i}层`, weight: 10, children: [node] };
  return { id: 'deep', name: '深树', scope: 'other', total: 10, indicators: [node], grades };
}

function deepExpr(depth: number): FrameworkDefinition {
  let e: unknown = { input: 'a' };
  for (let i = 0; i < depth; i++) e = { add: [e, 1] };
  return frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'ratio', value: e as never } }], { a: { type: 'number' } });
}

/*
 * No wall-clock assertions here (timed tests are flaky on a loaded machine): the limits make the work bounded by
 * construction, and `npm run fuzz` measures the slowest case of a million.
 */
describe('hostile and malformed input 恶意与畸形输入', () => {
  it('a framework nested at the documented limit scores; one level deeper is refused with too-deep', () => {
    expect(codes(validateFramework(deepTree(LIMITS.treeDepth)))).toEqual([]);
    expect(codes(validateFramework(deepTree(LIMITS.treeDepth + 1)))).toEqual(['too-deep']);
    expect(codes(validateFramework(deepExpr(LIMITS.exprDepth)))).toEqual([]);
    expect(codes(validateFramework(deepExpr(LIMITS.exprDepth + 1)))).toEqual(['too-deep']);
  });

  it('5,000-deep frameworks and expressions end in a coded issue, never a stack overflow', () => {
    for (const def of [deepTree(5000), deepExpr(5000)]) {
      expect(codes(validateFramework(def))).toEqual(['too-deep']);
      expect(codes(safeEvaluate(def, { values: {} }))).toEqual(['too-deep']);
    }
  });

  it('10,000 indicators score', () => {
    const leaves: Indicator[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `i${i}`, name: `指标${i}`, weight: '0.01', rule: { kind: 'manual' } }));
    const framework = defineFramework({ id: 'wide', name: '一万个指标', scope: 'other', total: 100, indicators: leaves, grades });
    const values = Object.fromEntries(leaves.map((l, i) => [l.id, i % 2 === 0 ? '0.01' : 0]));
    const sheet = evaluate(framework, { values });
    expect(sheet.total).toBe('50.00');
    expect(sheet.complete).toBe(true);
  });

  it('a cyclic or alias-bomb input is refused, not walked forever', () => {
    const framework = defineFramework(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'manual' } }]));
    const cyclic: { values: Record<string, unknown> } = { values: {} };
    cyclic.values.self = cyclic;
    expect(codes(safeEvaluate(framework, cyclic as never))).toEqual(['too-deep']);
    // Each level refers twice to the level below: 2^40 paths, a handful of objects.
    let bomb: unknown = [1];
    for (let i = 0; i < 40; i++) bomb = [bomb, bomb];
    expect(codes(safeEvaluate(framework, { values: { x: bomb } } as never))).toEqual(['too-large']);
  });

  it('odd values give coded issues on their indicator, never an exception', () => {
    const def = frameworkOf(
      [
        { id: 'b', name: '是否', weight: 10, rule: { kind: 'binary', when: { is: 'flag' } } },
        { id: 'c', name: '清单', weight: 10, rule: { kind: 'checklist', checks: [{ id: 'constructor', name: '构造', points: 10 }] } },
        { id: 'm', name: '打分', weight: 10, rule: { kind: 'manual' } },
      ],
      { flag: { type: 'boolean' } },
    );
    const framework = defineFramework(def);
    const nullProto = Object.assign(Object.create(null) as object, { constructor: true });
    const sheet = evaluate(framework, { values: { flag: { toString: false } as never, c: nullProto as never, m: [] as never } });
    expect(sheet.indicators.map((n) => n.status)).toEqual(['invalid-input', 'scored', 'invalid-input']);
    expect(sheet.issues.map((i) => i.code)).toEqual(['invalid-boolean', 'invalid-type']);
    for (const options of [null, 'x', { roundAt: 'x' }, { unknown: 1 }]) {
      expect(() => safeEvaluate(framework, { values: {} }, options as never)).not.toThrow();
      expect(safeEvaluate(framework, { values: {} }, options as never).ok).toBe(false);
    }
    for (const inputs of [null, undefined, 5, 'x', [], { values: null }, { values: [] }]) {
      expect(safeEvaluate(framework, inputs as never).ok).toBe(false);
    }
  });

  it('a sparse array (from code, or a hole in JSON-like data) is data with undefined in it, never an internal error', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = [, ,] as unknown;
    for (const r of [validateFramework(holes), validateFramework({ id: 'x', indicators: holes })]) {
      expect(r.ok).toBe(false);
      expect(r.ok ? [] : r.issues.map((i) => i.code)).not.toContain('internal-error');
    }
  });

  it('a misspelt rule kind is named as such, and a missing enum field is missing-field', () => {
    const misspelt = validateFramework(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'ratoi', value: 1 } as never }]));
    expect(misspelt.ok ? [] : misspelt.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unknown-kind', 'indicators.0.rule.kind']]);
    const { scope: _scope, ...noScope } = frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'manual' } }]);
    const missing = validateFramework(noScope);
    expect(missing.ok ? [] : missing.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['missing-field', 'scope']]);
  });
});

describe('what is checked is what is kept 校验的即保存的', () => {
  it('a Date or a Boolean object where plain data belongs is refused, not turned into something unchecked', () => {
    const base = frameworkOf([{ id: 'x', name: '指标', weight: 10, rule: { kind: 'manual' } }]);
    const withDate = validateFramework({ ...base, options: new Date(0) });
    expect(withDate.ok ? [] : withDate.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid-type', 'options']]);
    const withBoolean = validateFramework({ ...base, indicators: [{ ...base.indicators[0], when: new Boolean(false) }] });
    expect(withBoolean.ok).toBe(false);
    expect(validateFramework(10n).ok).toBe(false);
  });
});
