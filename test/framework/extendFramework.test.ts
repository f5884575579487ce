import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, extendFramework, NATIONAL_GRADES, type FrameworkDefinition } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';

const base: FrameworkDefinition = {
  id: 'base', name: '基础', scope: 'project', total: 100,
  inputs: { rate: { type: 'percent' } },
  indicators: [
    { id: 'a', name: '甲', weight: 60, children: [
      { id: 'a1', name: '甲一', weight: 30, rule: { kind: 'ratio', value: { input: 'rate' } } },
      { id: 'a2', name: '甲二', weight: 30, rule: { kind: 'manual' } },
    ] },
    { id: 'b', name: '乙', weight: 40, rule: { kind: 'manual' } },
  ],
  grades: NATIONAL_GRADES,
};

describe('extendFramework 派生指标体系', () => {
  const framework = defineFramework(base);

  it('changes weights, re-validates, and records the base id and hash on the result and on every sheet', () => {
    const r = extendFramework(framework, { id: 'derived', weights: { a: 50, a2: 20, b: 50 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.definition.base).toEqual({ id: 'base', hash: framework.hash });
    const sheet = evaluate(r.value, { values: { rate: '90%', a2: 20, b: 50 } });
    expect(sheet.framework).toMatchObject({ id: 'derived', base: { id: 'base', hash: framework.hash } });
    expect(sheet.total).toBe('97.00');
    // The base is untouched, and a sheet of the base carries no `base`.
    expect(evaluate(framework, { values: { rate: '90%', a2: 30, b: 40 } }).framework.base).toBeUndefined();
  });

  it('replaces, adds and removes subtrees; a leaf that receives children becomes a branch', () => {
    const r = extendFramework(base, {
      remove: ['a2'],
      add: [{ parent: 'a', node: { id: 'a3', name: '甲三', weight: 30, rule: { kind: 'manual' } } }, { parent: 'b', node: { id: 'b1', name: '乙一', weight: 40, rule: { kind: 'manual' } } }],
      replace: { a1: { id: 'a1', name: '甲一（新）', weight: 30, rule: { kind: 'manual' } } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sheet = evaluate(r.value, { values: { a1: 30, a3: 15, b1: 40 } });
    expect(sheet.indicators.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([['a', ['a1', 'a3']], ['b', ['b1']]]);
    expect(sheet.total).toBe('85.00');
  });

  it('options merge over the base; grades and adjustments replace', () => {
    const r = extendFramework(framework, { options: { precision: 1 }, grades: [{ label: '合格', min: 60 }, { label: '不合格', min: 0 }] });
    expect(r.ok && evaluate(r.value, { values: { rate: '33.33%', a2: 30, b: 40 } }).grade?.label).toBe('合格');
    expect(r.ok && r.value.definition.options).toEqual({ precision: 1 });
  });

  it('an invalid patch is reported with coded issues, never thrown: unknown nodes, weights that no longer sum, a patch that is not an object', () => {
    const unknown = extendFramework(framework, { weights: { nope: 5 }, remove: ['gone'] });
    expect(unknown.ok ? [] : unknown.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown-node', 'patch.remove.0'],
      ['unknown-node', 'patch.weights.nope'],
    ]);
    const unbalanced = extendFramework(framework, { weights: { a1: 40 } });
    expect(unbalanced.ok ? [] : unbalanced.issues.map((i) => i.code)).toEqual(['weight-sum-mismatch']);
    expect(extendFramework(framework, null as never)).toMatchObject({ ok: false, issues: [{ code: 'invalid-type', path: ['patch'] }] });
    const broken = extendFramework({ ...base, total: 90 }, {});
    expect(broken.ok).toBe(false);
  });

  it('a preset extended: a derived 攀枝花 framework records its base hash and has its own', () => {
    const preset = getPreset('sichuan-department-2024');
    if (preset?.kind !== 'framework' || preset.framework === null) throw new Error('preset');
    const r = extendFramework(preset.framework, { id: 'panzhihua-copy' });
    expect(r.ok && r.value.definition.base?.hash).toBe(preset.framework.hash);
    expect(r.ok && r.value.hash).not.toBe(preset.framework.hash);
  });

  it('survives copying: a structuredClone of the base extends the same way', () => {
    const a = extendFramework(structuredClone(framework), { weights: { a: 50, a2: 20, b: 50 } });
    const b = extendFramework(framework, { weights: { a: 50, a2: 20, b: 50 } });
    expect(a.ok && b.ok && a.value.hash === b.value.hash).toBe(true);
  });
});
