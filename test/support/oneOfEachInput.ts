import type { FrameworkDefinition } from '../../src/index.js';

/** A framework reading one input of each type (number, percent, score, boolean, tier, checks): test/fast/. */
export const oneOfEachInput: FrameworkDefinition = {
  id: 'forms',
  name: '输入形式',
  scope: 'project',
  total: 60,
  grades: [{ label: '优', min: 50 }, { label: '良', min: 0 }],
  inputs: {
    n: { type: 'number', name: '执行数', unit: '万元' },
    p: { type: 'percent', name: '完成率' },
    s: { type: 'score', name: '评分' },
    b: { type: 'boolean', name: '是否按时' },
    t: { type: 'tier', name: '档次' },
    c: { type: 'checks', name: '检查项' },
  },
  indicators: [
    { id: 'amount', name: '执行率', weight: 10, rule: { kind: 'ratio', value: { div: [{ input: 'n' }, 200] } } },
    { id: 'rate', name: '完成率', weight: 10, rule: { kind: 'ratio', value: { input: 'p' } } },
    { id: 'manual', name: '评分', weight: 10, rule: { kind: 'manual', input: 's' } },
    { id: 'flag', name: '按时', weight: 10, rule: { kind: 'binary', when: { is: 'b' } } },
    { id: 'tier', name: '档次', weight: 10, rule: { kind: 'tiers', input: 't', tiers: [{ id: 'good', name: '好', min: 0.8, max: 1 }, { id: 'fair', name: '中', min: 0, max: 0.8 }] } },
    { id: 'checks', name: '检查', weight: 10, rule: { kind: 'checklist', input: 'c', checks: [{ id: 'x', name: '甲', points: 4 }, { id: 'y', name: '乙', points: 6 }] } },
  ],
};
