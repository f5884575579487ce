import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, JixiaoError, scoreMany, type FrameworkDefinition } from '../../src/index.js';

const definition = {
  id: 'ids',
  name: '记录 id',
  scope: 'project',
  total: 10,
  grades: [{ label: 'A', min: 0 }],
  inputs: { a: { type: 'boolean', name: 'a' }, b: { type: 'boolean', name: 'b' } },
  indicators: [
    { id: 'p1', name: 'a', weight: 5, rule: { kind: 'binary', when: { is: 'a' } } },
    { id: 'p2', name: 'b', weight: 5, rule: { kind: 'binary', when: { is: 'b' } } },
  ],
} as FrameworkDefinition;

describe('scoreMany: a record id is carried to its result and takes no part in the scoring', () => {
  const framework = defineFramework(definition);
  const scorer = createScorer(framework);
  const values = { a: true, b: false };
  const inherited = Object.assign(Object.create({ id: 'from-prototype' }) as object, { values, notApplicable: ['p2'] });
  const records = [
    { id: 'r1', values },
    { id: 7, values, notApplicable: ['p2'] },
    { values, id: 'r3', notApplicable: [] },
    inherited,
    { id: { not: 'an id' }, values },
  ];
  const results = [...scoreMany(scorer, records as never)];

  it('gives each result the index, the id, and the score of the record without its id', () => {
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.id)).toEqual(['r1', '7', 'r3', 'from-prototype', undefined]);
    const expected = [{ values }, { values, notApplicable: ['p2'] }, { values, notApplicable: [] }, { values, notApplicable: ['p2'] }, { values }].map((r) => scorer.score(r));
    results.forEach((r, i) => {
      const { index: _index, id: _id, ...rest } = r;
      expect(rest).toEqual(expected[i]);
    });
    // Not-applicable indicators given beside an id are kept: 5 of 5 applicable points, 10 after rescaling.
    expect(results.map((r) => r.total)).toEqual(['5.00', '10.00', '5.00', '10.00', '5.00']);
  });
});

describe('scoreMany: options and records it cannot use are refused, and a record that throws gives its issue', () => {
  const framework = defineFramework(definition);
  const scorer = createScorer(framework);
  const codes = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      if (e instanceof JixiaoError) return e.issues.map((i) => `${i.code}@${i.path.join('.')}`);
      throw e;
    }
    return [];
  };

  it('refuses precision or rounding given beside a scorer, which carries its own (they were ignored)', () => {
    const record = { values: { a: true, b: true } };
    expect(codes(() => scoreMany(scorer, [record], { precision: 4 }))).toEqual(['invalid-option@options']);
    expect(codes(() => scoreMany(scorer, [record], { rounding: 'down' }))).toEqual(['invalid-option@options']);
    // With a framework they apply; columns and firstIndex are the batch's own, welcome beside a scorer.
    expect([...scoreMany(framework, [record], { precision: 4 })].map((r) => r.total)).toEqual(['10.0000']);
    expect([...scoreMany(scorer, [record], { firstIndex: 3 })].map((r) => [r.index, r.total])).toEqual([[3, '10.00']]);
  });

  it('refuses records that are not iterable with a coded issue, not a TypeError', () => {
    for (const records of [null, undefined, 5, { values: {} }]) expect(codes(() => scoreMany(scorer, records as never))).toEqual(['invalid-type@records']);
  });

  it('gives a record that throws while it is read its issue, at its index, and goes on', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwingId = { values: { a: true }, get id(): string { throw new Error('id getter'); } };
    const row = new Proxy(['1', '0'], { get: (target, key) => (key === 'length' ? (() => { throw new Error('length getter'); })() : Reflect.get(target, key)) });
    const results = [...scoreMany(scorer, [revoked.proxy, throwingId, row, { values: { a: true, b: true } }] as never, { columns: ['a', 'b'] })];
    expect(results.map((r) => [r.index, r.complete, r.issues.map((i) => `${i.code}@${i.path.join('.')}`)])).toEqual([
      [0, false, ['internal-error@records.0']],
      [1, false, ['internal-error@records.1']],
      [2, false, ['internal-error@records.2']],
      [3, true, []],
    ]);
  });
});
