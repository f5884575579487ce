import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate } from '../../src/index.js';
import { scoreRow } from '../../src/fast/scorer.js';
import { frameworkSpecArb, buildFramework, valuesArb } from '../support/arbitraries.js';
import { agree } from '../support/fastAgree.js';

import { runs } from '../properties/helpers.js';

describe('one scorer, many records in sequence (stale env slots)', () => {
  it('agrees record after record, including records handed over midway', () => {
    let fastCount = 0, all = 0;
    fc.assert(
      fc.property(
        frameworkSpecArb({ conditions: false, veto: false }).chain((spec) => {
          const def = buildFramework(spec);
          return fc.tuple(fc.constant(def), fc.array(fc.tuple(fc.oneof(valuesArb(def), valuesArb(def), valuesArb(def, { missing: true })), fc.constantFrom('plain', 'poison', 'row', 'shuffle', 'poisonrow')), { minLength: 2, maxLength: 8 }));
        }),
        ([def, list]) => {
          const framework = defineFramework(def);
          const scorer = createScorer(framework);
          for (const [values, how] of list) {
            let v: Record<string, unknown> = values;
            if (how === 'shuffle') v = Object.fromEntries(Object.entries(values).reverse());
            if (how === 'poison' || how === 'poisonrow') {
              const keys = Object.keys(values);
              if (keys.length > 0) v = { ...values, [keys[keys.length - 1] as string]: [1] };
            }
            if (how === 'row' || how === 'poisonrow') {
              const cols = Object.keys(v);
              const row = cols.map((k) => (v[k] === null || v[k] === undefined ? '' : typeof v[k] === 'object' ? JSON.stringify(v[k]) : v[k]));
              const r = scoreRow(scorer, row, cols);
              if (r !== undefined) {
                const sheet = evaluate(framework, { values: v as never });
                agree(scorer, r, sheet);
              }
              // After a row, also score the record normally
            }
            const result = scorer.score({ values: v as never });
            agree(scorer, result, evaluate(framework, { values: v as never }));
            all++;
            if (result.path === 'fast') fastCount++;
          }
        },
      ),
      runs(150),
    );
    // Meaningful only if a good share of the records was scored on the fast path itself.
    if (runs(150).numRuns >= 100) expect(fastCount / all).toBeGreaterThan(0.05);
  });
});
