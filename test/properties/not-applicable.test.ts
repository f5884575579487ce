import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate } from '../../src/index.js';
import type { FrameworkDefinition, Indicator } from '../../src/index.js';
import { naCaseArb, precisionOf, roundingError, roundingOf, type Knobs } from '../support/arbitraries.js';
import { byId, dec, leavesOfSheet, RUNS, totalOf, walk, runs } from './helpers.js';

/** The definition with the siblings at every level reordered by `keys` (a stable sort, so any permutation). */
function reorder(def: FrameworkDefinition, keys: readonly number[]): FrameworkDefinition {
  let k = 0;
  const perm = (nodes: readonly Indicator[]): Indicator[] =>
    nodes
      .map((n) => ({ n: 'children' in n ? { ...n, children: perm(n.children) } : n, key: keys[k++ % keys.length] ?? 0 }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.n);
  return { ...def, indicators: perm(def.indicators) };
}

describe('not-applicable indicators 不适用', () => {
  it('sibling order does not matter, with not-applicable indicators under every policy', () => {
    // naCaseArb draws every policy as the framework's default (transfer included), per-node policies on top, and
    // conditions that make indicators not applicable besides the declared ones.
    const arb = naCaseArb();
    fc.assert(
      fc.property(arb, fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 30 }), ({ def, values, na }, keys) => {
        const a = evaluate(defineFramework(def), { values, notApplicable: na });
        const b = evaluate(defineFramework(reorder(def, keys)), { values, notApplicable: na });
        const ma = byId(a);
        for (const [id, n] of byId(b)) {
          const m = ma.get(id);
          expect({ id, score: n.score, effectiveWeight: n.effectiveWeight, status: n.status }).toEqual({
            id,
            score: m?.score,
            effectiveWeight: m?.effectiveWeight,
            status: m?.status,
          });
        }
        expect(totalOf(b)).toBe(totalOf(a));
        expect(b.grade).toEqual(a.grade);
      }),
      runs(200),
    );
  });

  it('with rescale, the total is Σ applicable scores ÷ applicable weight × total, within the rounding of the leaves and the split', () => {
    // The bound: every applicable leaf is rounded once (½ unit, 1 unit for directed modes), and every largest-remainder
    // split of g applicable siblings moves at most g/4 units of score away from the exact shares (the units handed
    // out go to the largest remainders). "n half-units" alone is not enough: 10 manual leaves of weight 1 and one of
    // weight 5 not applicable, precision 0, scores 0.75 ×5 and 0.5 ×5, give 15 for a formula of 9.375.
    const knobs: Knobs = { options: { policy: { policy: 'rescale' }, roundAt: 'leaf' }, nodePolicies: false, adjustments: false };
    fc.assert(
      fc.property(naCaseArb(knobs), ({ def, values, na }) => {
        const fw = defineFramework(def);
        const sheet = evaluate(fw, { values, notApplicable: na });
        // Unrounded leaf scores: score = raw × effective weight ÷ weight, so raw = score × weight ÷ effective weight.
        const exact = evaluate(fw, { values, notApplicable: na }, { roundAt: 'total' });
        let raw = dec(0);
        let weight = dec(0);
        let leaves = 0;
        for (const leaf of leavesOfSheet(exact)) {
          if (leaf.status === 'not-applicable') continue;
          expect(leaf.status).toBe('scored');
          raw = raw.plus(dec(leaf.score).times(leaf.weight).div(leaf.effectiveWeight));
          weight = weight.plus(leaf.weight);
          leaves++;
        }
        if (weight.isZero()) return;
        let applicable = 0;
        walk(sheet.indicators, (n) => {
          if (n.status !== 'not-applicable') applicable++;
        });
        const formula = raw.div(weight).times(def.total);
        const unit = dec(10).pow(-precisionOf(def));
        const bound = roundingError(roundingOf(def)).times(leaves).plus(dec(applicable).div(4)).times(unit);
        const off = dec(totalOf(sheet)).minus(formula).abs();
        expect(off.lte(bound), `total ${totalOf(sheet)}, formula ${formula.toFixed(8)}, off by ${off.toFixed()} > ${bound.toFixed()}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('without not-applicable indicators, effective weights are the weights and the total is the sum of rounded leaf scores', () => {
    fc.assert(
      fc.property(naCaseArb({ conditions: false, adjustments: false }), ({ def, values }) => {
        const sheet = evaluate(defineFramework(def), { values });
        walk(sheet.indicators, (n) => expect(dec(n.effectiveWeight).eq(dec(n.weight)), n.id).toBe(true));
      }),
      RUNS,
    );
  });
});
