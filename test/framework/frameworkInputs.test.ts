import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, findNode, frameworkInputs, isJixiaoError, JixiaoError, NATIONAL_TIERS } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const def = frameworkOf(
  [
    { id: 'exec', name: '预算执行率', weight: 10, rule: { kind: 'ratio', value: { div: [{ input: 'executed' }, { input: 'budget' }] } } },
    {
      id: 'quality',
      name: '质量',
      weight: 20,
      children: [
        { id: 'effect', name: '效果', weight: 10, rule: { kind: 'tiers', tiers: NATIONAL_TIERS } },
        { id: 'open', name: '公开', weight: 10, rule: { kind: 'binary', when: { is: 'published' } }, when: { notApplicable: { is: 'secret' } } },
      ],
    },
  ],
  {
    executed: { type: 'number', name: '执行数', unit: '万元' },
    budget: { type: 'number', name: '预算数', unit: '万元' },
    published: { type: 'boolean' },
    secret: { type: 'boolean', name: '涉密' },
    deduct: { type: 'number' },
  },
  { adjustments: [{ kind: 'deduction', id: 'cut', name: '扣分项', max: 5, amount: { input: 'deduct' } }] },
);

describe('frameworkInputs 输入清单', () => {
  it('lists every input with its type, unit, label, and who reads it', () => {
    const r = frameworkInputs(defineFramework(def));
    expect(r.ok && r.value).toEqual([
      { name: 'executed', type: 'number', label: '执行数', unit: '万元', declared: true, usedBy: ['exec'] },
      { name: 'budget', type: 'number', label: '预算数', unit: '万元', declared: true, usedBy: ['exec'] },
      { name: 'published', type: 'boolean', declared: true, usedBy: ['open'] },
      { name: 'secret', type: 'boolean', label: '涉密', declared: true, usedBy: ['open'] },
      { name: 'deduct', type: 'number', declared: true, usedBy: ['cut'] },
      { name: 'effect', type: 'tier', declared: false, usedBy: ['effect'] },
    ]);
  });
  it('reports the issues of an invalid framework instead of a list', () => {
    const r = frameworkInputs({ ...def, total: 99 });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['total-mismatch']);
  });
});

describe('findNode and isJixiaoError', () => {
  it('finds a node at any depth by id', () => {
    const sheet = evaluate(def, { values: { executed: 9, budget: 10, effect: { tier: 'achieved', score: 9 }, published: true, secret: false, deduct: 0 } });
    expect(findNode(sheet, 'open')?.score).toBe('10.00');
    expect(findNode(sheet, 'quality')?.score).toBe('19.00');
    expect(findNode(sheet, 'nope')).toBeUndefined();
  });
  it('tells jixiao errors apart from others, without instanceof', () => {
    let caught: unknown;
    try {
      defineFramework({ ...def, total: 99 });
    } catch (e) {
      caught = e;
    }
    expect(isJixiaoError(caught)).toBe(true);
    expect(caught).toBeInstanceOf(JixiaoError);
    expect(isJixiaoError(new Error('x'))).toBe(false);
    expect(isJixiaoError({ name: 'JixiaoError', issues: [] })).toBe(false);
    expect(isJixiaoError(null)).toBe(false);
  });
});
