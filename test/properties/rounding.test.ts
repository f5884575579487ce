import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, safeEvaluate } from '../../src/index.js';
import type { RoundingMode } from '../../src/index.js';
import { leavesOf, naCaseArb, precisionOf, ROUNDING_MODES, roundingError, roundingOf } from '../support/arbitraries.js';
import { byId, checkSheet, dec, RUNS, totalOf } from './helpers.js';

/** The most decimals any weight of the definition has. */
const weightDecimals = (def: Parameters<typeof defineFramework>[0]): number => {
  let most = 0;
  const visit = (n: { weight: string | number; children?: readonly unknown[] }): void => {
    most = Math.max(most, dec(n.weight).decimalPlaces());
    (n.children ?? []).forEach((c) => visit(c as never));
  };
  def.indicators.forEach((n) => visit(n as never));
  // Adjustment caps count too: a precision finer than a cap could round an amount past it.
  for (const a of def.adjustments ?? []) if (a.kind !== 'veto') most = Math.max(most, dec(a.max).decimalPlaces());
  // So do grade bounds: a total at a coarser precision could never meet them exactly.
  for (const g of def.grades) most = Math.max(most, dec(g.min).decimalPlaces());
  return most;
};

describe('precision and rounding 精度与舍入', () => {
  it("roundAt 'total' and 'leaf' totals differ by at most the rounding of each leaf and amount", () => {
    // n roundings (leaves, deduction and bonus amounts) of ½ unit each for half-up and half-down; half-even needs
    // one more half unit (three leaves of 0.015 give 0.06 rounded per leaf, 0.04 rounded once); directed modes
    // (down, up, floor, ceil) err by up to a whole unit per rounding.
    fc.assert(
      fc.property(naCaseArb(), ({ def, values, na }) => {
        const fw = defineFramework(def);
        const leaf = evaluate(fw, { values, notApplicable: na }, { roundAt: 'leaf' });
        const total = evaluate(fw, { values, notApplicable: na }, { roundAt: 'total' });
        checkSheet(def, leaf, { roundAt: 'leaf' });
        checkSheet(def, total, { roundAt: 'total' });
        const mode = roundingOf(def);
        const n = leavesOf(def).length + (def.adjustments ?? []).filter((a) => a.kind !== 'veto').length;
        const unit = dec(10).pow(-precisionOf(def));
        const bound = roundingError(mode).times(mode === 'half-even' ? n + 1 : n).times(unit);
        const diff = dec(totalOf(leaf)).minus(totalOf(total)).abs();
        expect(diff.lte(bound), `leaf ${totalOf(leaf)} vs total ${totalOf(total)}: ${diff.toFixed()} > ${bound.toFixed()}`).toBe(true);
        // Leaf rounding splits effective weights on the precision's grid; total rounding on a far finer one, so
        // they agree to within one unit of the precision.
        const w = byId(total);
        for (const [id, node] of byId(leaf)) expect(dec(w.get(id)?.effectiveWeight ?? 'NaN').minus(node.effectiveWeight).abs().lt(unit)).toBe(true);
      }),
      RUNS,
    );
  });

  it('per-call precision and rounding overrides keep every invariant; a precision below the weights is refused', () => {
    fc.assert(
      fc.property(
        naCaseArb(),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<RoundingMode | undefined>(undefined, ...ROUNDING_MODES),
        fc.constantFrom<'leaf' | 'total' | undefined>(undefined, 'leaf', 'total'),
        ({ def, values, na }, precision, rounding, roundAt) => {
          const fw = defineFramework(def);
          const options = { precision, ...(rounding === undefined ? {} : { rounding }), ...(roundAt === undefined ? {} : { roundAt }) };
          const result = safeEvaluate(fw, { values, notApplicable: na }, options);
          if (precision < weightDecimals(def)) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.issues.map((i) => i.code)).toContain('invalid-option');
            return;
          }
          expect(result.ok).toBe(true);
          if (result.ok) checkSheet(def, result.value, options);
        },
      ),
      RUNS,
    );
  });

  it('a finer precision never moves the total by more than the rounding of each leaf at the coarser one', () => {
    fc.assert(
      fc.property(naCaseArb({ options: { roundAt: 'leaf' } }), fc.integer({ min: 1, max: 3 }), ({ def, values, na }, more) => {
        const fw = defineFramework(def);
        const p = precisionOf(def);
        const coarse = evaluate(fw, { values, notApplicable: na });
        const fine = evaluate(fw, { values, notApplicable: na }, { precision: p + more });
        const mode = roundingOf(def);
        const n = leavesOf(def).length + (def.adjustments ?? []).filter((a) => a.kind !== 'veto').length;
        // Each errs from the exact total by at most n roundings on its own grid, and each largest-remainder split by
        // less than a unit (of its own grid) per node.
        const nodes = byId(coarse).size;
        const unit = dec(10).pow(-p);
        const bound = roundingError(mode).times(2 * n).plus(2 * nodes).times(unit);
        const diff = dec(totalOf(coarse)).minus(totalOf(fine)).abs();
        expect(diff.lte(bound), `${totalOf(coarse)} at ${p} vs ${totalOf(fine)} at ${p + more}`).toBe(true);
      }),
      RUNS,
    );
  });
});
