import { describe, expect, it } from 'vitest';
import { validateFramework } from '../../src/index.js';
import type { Rule } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

const io = { a: { type: 'number' }, b: { type: 'number' } } as const;

/** Each rule with one unreadable literal or unknown input, and the path its issue must point at. */
const CASES: readonly [string, Rule, string, string][] = [
  ['ratio value', { kind: 'ratio', value: { input: 'nope' } }, 'unknown-input', 'indicators.0.rule.value.input'],
  ['ratio zeroBelow', { kind: 'ratio', value: { input: 'a' }, zeroBelow: 'x' }, 'invalid-number', 'indicators.0.rule.zeroBelow'],
  ['ratio zeroAbove', { kind: 'ratio', value: { input: 'a' }, zeroAbove: 'x' }, 'invalid-number', 'indicators.0.rule.zeroAbove'],
  ['ratio reviewAbove', { kind: 'ratio', value: { input: 'a' }, reviewAbove: 'x' }, 'invalid-number', 'indicators.0.rule.reviewAbove'],
  ['lower-is-better actual', { kind: 'lower-is-better', actual: { input: 'nope' }, target: { input: 'b' }, variant: 'inverse' }, 'unknown-input', 'indicators.0.rule.actual.input'],
  ['lower-is-better target', { kind: 'lower-is-better', actual: { input: 'a' }, target: 'x', variant: 'inverse' }, 'invalid-number', 'indicators.0.rule.target'],
  ['equal actual', { kind: 'equal', actual: 'x', target: { input: 'b' } }, 'invalid-number', 'indicators.0.rule.actual'],
  ['equal target', { kind: 'equal', actual: { input: 'a' }, target: { input: 'nope' } }, 'unknown-input', 'indicators.0.rule.target.input'],
  ['equal tolerance', { kind: 'equal', actual: { input: 'a' }, target: { input: 'b' }, tolerance: '-1' }, 'rule-invalid', 'indicators.0.rule.tolerance'],
  ['count-ratio met', { kind: 'count-ratio', met: 'x', total: { input: 'b' } }, 'invalid-number', 'indicators.0.rule.met'],
  ['count-ratio total', { kind: 'count-ratio', met: { input: 'a' }, total: { input: 'nope' } }, 'unknown-input', 'indicators.0.rule.total.input'],
  ['per-occurrence points', { kind: 'per-occurrence', count: { input: 'a' }, points: 0 }, 'rule-invalid', 'indicators.0.rule.points'],
  ['step-deduction threshold', { kind: 'step-deduction', value: { input: 'a' }, direction: 'above', threshold: 'x', step: 1, points: 1, steps: 'completed' }, 'invalid-number', 'indicators.0.rule.threshold'],
  ['step-deduction step', { kind: 'step-deduction', value: { input: 'a' }, direction: 'above', threshold: 1, step: 0, points: 1, steps: 'completed' }, 'rule-invalid', 'indicators.0.rule.step'],
  ['binary points', { kind: 'binary', when: { left: { input: 'a' }, op: '<', right: 1 }, points: 11 }, 'points-exceed-weight', 'indicators.0.rule.points'],
  ['binary otherwise', { kind: 'binary', when: { left: { input: 'a' }, op: '<', right: 1 }, otherwise: -1 }, 'negative-amount', 'indicators.0.rule.otherwise'],
];

describe('issue paths point at the field 问题路径指向出错字段', () => {
  it.each(CASES)('%s', (_name, rule, code, path) => {
    const r = validateFramework(frameworkOf([{ id: 'x', name: '指标', weight: 10, rule }], io));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([[code, path]]);
  });
});
