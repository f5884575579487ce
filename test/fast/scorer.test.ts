import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate, type EvaluationInputs } from '../../src/index.js';
import { agree } from '../support/fastAgree.js';
import { oneOfEachInput } from '../support/oneOfEachInput.js';

/*
 * Which written forms of an input the fast path reads itself, and which it hands to the decimal path (that reports
 * them). Every case must agree with `evaluate`; the `path` pins the split, so that a fast reader that turned a
 * usual form away (slow, but still right) or took an unusual one (wrong, or a missed issue) fails here.
 */
const framework = defineFramework(oneOfEachInput);
const scorer = createScorer(framework);
const base = { n: 150, p: '90%', s: 8, b: true, t: { tier: 'good', score: 9 }, c: { x: true, y: false } };

/** Scores `base` with one input replaced; checks agreement with the sheet and returns the path and issue codes. */
function withInput(name: keyof typeof base, value: unknown): { path: 'fast' | 'exact'; issues: string[]; total: string | null } {
  const record = { values: { ...base, [name]: value } } as EvaluationInputs;
  const result = scorer.score(record);
  agree(scorer, result, evaluate(framework, record));
  return { path: result.path, issues: result.issues.map((i) => i.code), total: result.total };
}

describe('fast path: the input forms it reads itself, and the ones it hands over', () => {
  it('the base record is scored fast and complete', () => {
    const r = withInput('n', 150);
    expect(r).toMatchObject({ path: 'fast', issues: [] });
    expect(r.total).not.toBeNull();
  });

  it.each([
    ['n', '150'],
    ['n', '1,500.50'],
    ['n', '150万元'],
    ['n', 0],
    ['n', '-20'],
    ['p', 0.9],
    ['p', '90'],
    ['p', '95.5%'],
    ['s', '8'],
    ['s', 7.5],
    ['s', '7.50'],
    ['b', false],
    ['b', '是'],
    ['b', 'yes'],
    ['b', 1],
    ['b', '否'],
    ['t', { tier: 'fair', score: 5 }],
    ['t', { tier: 'good', score: '8.5' }],
    ['c', { x: '是', y: '否' }],
    ['c', { y: true, x: true }],
  ] as const)('%s = %j: fast', (name, value) => {
    expect(withInput(name, value)).toMatchObject({ path: 'fast', issues: [] });
  });

  it.each([
    ['n', '15%', 'unexpected-percent'],
    ['n', 'abc', 'invalid-number'],
    ['n', true, 'invalid-type'],
    ['s', '80%', 'unexpected-percent'],
    ['b', 'maybe', 'invalid-boolean'],
    ['t', { tier: 'good', score: '90%' }, 'unexpected-percent'],
    ['t', { tier: 'good', score: 9, note: 'x' }, 'unknown-key'],
    ['t', { tier: 'best', score: 9 }, 'unknown-tier'],
    ['t', 'good', 'invalid-type'],
    ['c', { x: 'maybe', y: true }, 'invalid-boolean'],
    ['c', { x: true, y: true, z: true }, 'unknown-check'],
    ['c', [true, false], 'invalid-type'],
  ] as const)('%s = %j: handed to the decimal path, which reports %s', (name, value, code) => {
    const r = withInput(name, value);
    expect(r.path).toBe('exact');
    expect(r.issues).toContain(code);
    expect(r.total).toBeNull();
  });

  it('a tier given without a score, or a missing input, is handed over too (the decimal path reports it)', () => {
    expect(withInput('t', { tier: 'good' })).toMatchObject({ path: 'exact' });
    const record = { values: { n: 150, p: '90%', s: 8, b: true, t: { tier: 'good', score: 9 } } } as EvaluationInputs;
    const result = scorer.score(record);
    agree(scorer, result, evaluate(framework, record));
    expect([result.path, result.complete]).toEqual(['exact', false]);
  });
});

describe('fast path: a record of many inputs (read name by name) takes only its own values', () => {
  // Over 128 declared inputs the fast path looks each one up by name; an inherited value must not count.
  const names = Array.from({ length: 130 }, (_, i) => `v${i}`);
  const many = defineFramework({
    id: 'many',
    name: '多输入',
    scope: 'project',
    total: 10,
    grades: [{ label: 'A', min: 0 }],
    inputs: Object.fromEntries(names.map((n) => [n, { type: 'number', name: n }])),
    indicators: [{ id: 'r', name: '比率', weight: 10, rule: { kind: 'ratio', value: { div: [{ add: names.map((input) => ({ input })) }, 100] } } }],
  });
  const manyScorer = createScorer(many);

  it('scores a record whose declared value is inherited as the decimal path does: missing, and the own undeclared key reported', () => {
    const values = Object.assign(Object.create({ v0: 40 }) as object, Object.fromEntries(names.slice(1).map((n) => [n, n === 'v1' ? 50 : 0])), { bogus: 1 });
    const record = { values } as EvaluationInputs;
    const result = manyScorer.score(record);
    agree(manyScorer, result, evaluate(many, record));
    expect([result.complete, result.issues.map((i) => i.code), result.warnings.map((w) => w.code)]).toEqual([false, ['unknown-input'], ['missing-input']]);
    // The same values as a plain record are read on the fast path.
    const plain = { values: Object.fromEntries(names.map((n) => [n, n === 'v0' ? 40 : n === 'v1' ? 50 : 0])) };
    expect([manyScorer.score(plain).path, manyScorer.score(plain).total]).toEqual(['fast', '9.00']);
  });
});
