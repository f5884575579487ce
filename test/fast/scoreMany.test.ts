import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, scoreMany, type FrameworkDefinition } from '../../src/index.js';

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
