import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate } from '../../src/index.js';
import { scoreRow } from '../../src/fast/scorer.js';
import { frameworkSpecArb, buildFramework, valuesArb } from '../support/arbitraries.js';
import { agree } from '../support/fastAgree.js';
import { frameworkOf } from '../support/minimal.js';

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

  // Each kind of input slot (number, yes/no, tier, checks), given in one record and absent from the next: the next
  // is incomplete, on records and on rows (random frameworks reach this only now and then).
  const framework = defineFramework(
    frameworkOf([
      { id: 'n', name: 'n', weight: 10, rule: { kind: 'manual' } },
      { id: 'b', name: 'b', weight: 10, rule: { kind: 'binary', when: { is: 'yes' } } },
      { id: 't', name: 't', weight: 10, rule: { kind: 'tiers', tiers: [{ id: 'good', name: '好', min: '0.8', max: '1' }, { id: 'poor', name: '差', min: '0', max: '0.8' }] } },
      { id: 'c', name: 'c', weight: 10, rule: { kind: 'checklist', checks: [{ id: 'x', name: 'X', points: 6 }, { id: 'y', name: 'Y', points: 4 }] } },
    ], { yes: { type: 'boolean' } }),
  );
  const full = { n: 8, yes: true, t: { tier: 'good', score: 9 }, c: { x: true, y: false } };
  it.each(['n', 'yes', 't', 'c'])('input %s given, then absent: the next record is incomplete / 上一条记录的输入不会留到下一条', (name) => {
    const scorer = createScorer(framework);
    expect(scorer.score({ values: full }).path).toBe('fast');
    const rest: Record<string, unknown> = { ...full };
    delete rest[name];
    const next = scorer.score({ values: rest as never });
    expect(next.complete).toBe(false);
    agree(scorer, next, evaluate(framework, { values: rest as never }));
  });
  it.each(['n', 'yes'])('input %s in a row, then an empty cell: the next row is incomplete / 行读取同样如此', (name) => {
    // Rows of scalar cells (a tier or checks cell is JSON text, which the row reader hands to the general path).
    const scalars = { n: 8, yes: true };
    const rest: Record<string, unknown> = { ...scalars };
    delete rest[name];
    const columns = Object.keys(scalars);
    const cells = (v: Record<string, unknown>) => columns.map((k) => v[k] ?? '');
    const scalar = defineFramework(frameworkOf([
      { id: 'n', name: 'n', weight: 10, rule: { kind: 'manual' } },
      { id: 'b', name: 'b', weight: 10, rule: { kind: 'binary', when: { is: 'yes' } } },
    ], { yes: { type: 'boolean' } }));
    const scorer = createScorer(scalar);
    expect(scoreRow(scorer, cells(scalars), columns)?.path).toBe('fast');
    // The next row is handed to the general path (undefined), which reports the missing input; never scored whole.
    const next = scoreRow(scorer, cells(rest), columns);
    if (next !== undefined) agree(scorer, next, evaluate(scalar, { values: rest as never }));
    expect(next?.complete ?? false).toBe(false);
  });
});
