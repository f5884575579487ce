import { describe, expect, it } from 'vitest';
import { validateFramework, NATIONAL_TIERS } from '../../src/index.js';
import type { FrameworkDefinition, IssueCode } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

function codes(def: unknown): IssueCode[] {
  const r = validateFramework(def);
  return r.ok ? [] : r.issues.map((i) => i.code);
}
function firstIssue(def: unknown) {
  const r = validateFramework(def);
  if (r.ok) throw new Error('expected issues');
  return r.issues[0];
}
const manual = (id: string, weight: number | string) => ({ id, name: id, weight, rule: { kind: 'manual' as const } });

describe('validateFramework 指标体系校验', () => {
  it('accepts a valid framework', () => {
    expect(validateFramework(frameworkOf([manual('a', 60), manual('b', 40)])).ok).toBe(true);
  });

  it('reports children whose weights do not sum to the parent, with the path of the parent', () => {
    const def = frameworkOf([{ id: 'p', name: '目标实现', weight: 11, children: [manual('a', 4), manual('b', 4), manual('c', 4)] }], {}, { total: 11 });
    const issue = firstIssue(def);
    expect(issue.code).toBe('weight-sum-mismatch');
    expect(issue.path).toEqual(['indicators', 0, 'children']);
    expect(issue.message).toContain('12');
    expect(issue.message).toContain('11');
  });

  it('reports roots not summing to the total', () => {
    expect(codes(frameworkOf([manual('a', 50)], {}, { total: 100 }))).toEqual(['total-mismatch']);
  });

  it('reports duplicate ids, branches with rules and leaves without rules', () => {
    expect(codes(frameworkOf([manual('a', 50), manual('a', 50)]))).toContain('duplicate-id');
    const both = { id: 'p', name: 'p', weight: 10, children: [manual('a', 10)], rule: { kind: 'manual' } };
    expect(codes(frameworkOf([both as never]))).toContain('branch-with-rule');
    expect(codes(frameworkOf([{ id: 'x', name: 'x', weight: 10 } as never]))).toContain('leaf-without-rule');
  });

  it('treats ids such as __proto__ and constructor as plain ids', () => {
    const def = frameworkOf([manual('__proto__', 50), manual('constructor', 50)]);
    expect(validateFramework(def).ok).toBe(true);
  });

  const bands = (list: unknown[]) =>
    frameworkOf([{ id: 'b', name: 'b', weight: 5, rule: { kind: 'bands', value: { input: 'v' }, bands: list } as never }], { v: { type: 'fraction' } });

  it('reports overlapping and gapped bands', () => {
    expect(codes(bands([{ max: '0.2', points: 5 }, { min: '0.1', points: 3 }]))).toEqual(['bands-overlap']);
    expect(codes(bands([{ max: '0.1', points: 5 }, { min: '0.2', points: 3 }]))).toEqual(['bands-gap']);
    expect(codes(bands([{ max: '0.1', points: 5 }, { min: '0.1', minInclusive: false, points: 3 }]))).toEqual(['bands-gap']);
    expect(codes(bands([{ max: '0.1', maxInclusive: true, points: 5 }, { min: '0.1', points: 3 }]))).toEqual(['bands-overlap']);
    expect(codes(bands([{ max: '0.1', maxInclusive: true, points: 5 }, { min: '0.1', minInclusive: false, points: 3 }]))).toEqual([]);
    expect(codes(bands([{ max: '0.1', points: 6 }, { min: '0.1', points: 3 }]))).toEqual(['points-exceed-weight']);
    expect(codes(bands([{ max: '0.1', points: 5, fraction: 1 }, { min: '0.1', points: 3 }]))).toEqual(['band-invalid']);
  });

  it('reports tier ranges outside [0, 1] or overlapping', () => {
    const tiers = (list: unknown[]) => frameworkOf([{ id: 't', name: 't', weight: 10, rule: { kind: 'tiers', tiers: list } as never }]);
    expect(codes(tiers([...NATIONAL_TIERS]))).toEqual([]);
    expect(codes(tiers([{ id: 'a', name: 'a', min: '0.8', max: '1.2' }]))).toEqual(['tiers-invalid']);
    expect(codes(tiers([{ id: 'a', name: 'a', min: '0.7', max: 1 }, { id: 'b', name: 'b', min: '0.5', max: '0.8' }]))).toEqual(['tiers-overlap']);
    expect(codes(tiers([{ id: 'a', name: 'a', min: '0.8', max: 1 }, { id: 'b', name: 'b', min: '0.5', max: '0.7' }]))).toEqual(['tiers-gap']);
  });

  it('reports checklist points that do not match the weight', () => {
    const def = frameworkOf([
      { id: 'c', name: '数据质量', weight: 3, rule: { kind: 'checklist', checks: [{ id: 'a', name: '真实', points: 1 }, { id: 'b', name: '完整', points: 1 }] } },
    ]);
    const issue = firstIssue(def);
    expect(issue.code).toBe('checklist-points-mismatch');
    expect(issue.path).toEqual(['indicators', 0, 'rule', 'checks']);
  });

  it('reports grade scales with gaps or overlaps', () => {
    const g = (grades: unknown[]) => frameworkOf([manual('a', 100)], {}, { grades: grades as never });
    expect(codes(g([{ label: '优', min: 90 }, { label: '差', min: 10 }]))).toEqual(['grade-scale-gap']);
    expect(codes(g([{ label: '优', min: 90 }, { label: '良', min: 90 }, { label: '差', min: 0 }]))).toEqual(['grade-scale-overlap']);
    expect(codes(g([{ label: '优', min: 90 }, { label: '差', min: 0, max: 80 }]))).toEqual(['grade-scale-gap']);
    expect(codes(g([{ label: '优', min: 90 }, { label: '差', min: 0, max: 95 }]))).toEqual(['grade-scale-overlap']);
    expect(codes(g([]))).toEqual(['grade-scale-invalid']);
  });

  it('reports references to unknown inputs and inputs of the wrong type', () => {
    const ratio = frameworkOf([{ id: 'r', name: 'r', weight: 10, rule: { kind: 'ratio', value: { div: [{ input: 'x' }, { input: 'y' }] } } }], { x: { type: 'number' } });
    const issue = firstIssue(ratio);
    expect(issue.code).toBe('unknown-input');
    expect(issue.path).toEqual(['indicators', 0, 'rule', 'value', 'div', 1, 'input']);
    const wrong = frameworkOf([{ id: 'b', name: 'b', weight: 10, rule: { kind: 'binary', when: { is: 'x' } } }], { x: { type: 'number' } });
    expect(codes(wrong)).toEqual(['input-type-mismatch']);
  });

  it('reports misspelt fields instead of dropping them', () => {
    const def = { ...frameworkOf([manual('a', 100)]), indicatorz: [] };
    const issue = firstIssue(def);
    expect(issue.code).toBe('unknown-key');
    expect(issue.path).toEqual(['indicatorz']);
  });

  it('checks branch conditions: their inputs must exist, and full/zero belong to leaves', () => {
    const branch = (when: unknown) =>
      frameworkOf([{ id: 'p', name: 'p', weight: 100, when, children: [manual('a', 100)] } as never], { flag: { type: 'boolean' } });
    expect(codes(branch({ notApplicable: { is: 'flag' } }))).toEqual([]);
    expect(codes(branch({ notApplicable: { is: 'ghost' } }))).toEqual(['unknown-input']);
    expect(codes(branch({ full: { is: 'flag' } }))).toEqual(['invalid-option']);
  });

  it('reports a missing required field by name', () => {
    const issue = firstIssue({ ...frameworkOf([manual('a', 100)]), indicators: [{ id: 'a', name: 'a', rule: { kind: 'manual' } }] });
    expect(issue).toMatchObject({ code: 'missing-field', path: ['indicators', 0, 'weight'] });
  });

  it('reports numbers that are not numbers', () => {
    expect(codes(frameworkOf([manual('a', 'abc')], {}, { total: 100 }))).toContain('invalid-number');
  });

  it('reports an unknown transfer target', () => {
    const def: FrameworkDefinition = frameworkOf([{ ...manual('a', 100), notApplicable: { policy: 'transfer', to: 'nowhere' } }]);
    expect(codes(def)).toEqual(['unknown-node']);
  });

  it('reports invalid piecewise points and rule parameters', () => {
    const pw = frameworkOf([{ id: 'p', name: 'p', weight: 10, rule: { kind: 'piecewise', value: { input: 'v' }, points: [['0.1', 1], [0, 0]] } }], { v: { type: 'fraction' } });
    expect(codes(pw)).toEqual(['piecewise-invalid']);
    const step = frameworkOf([{ id: 's', name: 's', weight: 10, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: 0, points: 1, steps: 'completed' } }], { v: { type: 'fraction' } });
    expect(codes(step)).toEqual(['rule-invalid']);
  });

  it('gives every issue a Chinese and an English message', () => {
    const r = validateFramework({ id: 1, scope: 'x', total: 'abc', indicators: [{}], grades: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const issue of r.issues) {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.messageEn.length).toBeGreaterThan(0);
      expect(Array.isArray(issue.path)).toBe(true);
    }
  });
});
