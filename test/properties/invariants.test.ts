import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate } from '../../src/index.js';
import type { FrameworkDefinition, InputValue } from '../../src/index.js';
import { caseArb, naCaseArb, valuesArb } from '../support/arbitraries.js';
import { byId, checkSheet, dec, gradeOf, gradeRank, leavesOfSheet, loose, RUNS, totalOf, walk } from './helpers.js';

describe('properties of every score sheet 打分表的不变量', () => {
  it('every score lies in [0, effective weight], parents are exact sums, the total and grade reconcile — under every option', () => {
    fc.assert(
      fc.property(naCaseArb(), ({ def, values, na }) => {
        const sheet = evaluate(defineFramework(def), { values, notApplicable: na });
        expect(sheet.complete).toBe(true);
        checkSheet(def, sheet);
      }),
      RUNS,
    );
  });

  it('the effective weights of every split sum exactly to the whole, at every level, under every policy', () => {
    fc.assert(
      fc.property(naCaseArb({ adjustments: false }), ({ def, values, na }) => {
        const sheet = evaluate(defineFramework(def), { values, notApplicable: na });
        const roots = sheet.indicators.reduce((acc, n) => acc.plus(n.effectiveWeight), dec(0));
        const allRemoved = roots.isZero() && sheet.indicators.every((n) => n.status === 'not-applicable');
        expect(allRemoved || roots.eq(dec(def.total)), `level 1 sums to ${roots.toFixed()}`).toBe(true);
        walk(sheet.indicators, (n) => {
          if (n.children.length === 0) return;
          const sum = n.children.reduce((acc, c) => acc.plus(c.effectiveWeight), dec(0));
          expect(sum.eq(dec(n.effectiveWeight)), `${n.id}: ${sum.toFixed()} ≠ ${n.effectiveWeight}`).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('an applicable leaf never loses effective weight to a not-applicable one', () => {
    fc.assert(
      fc.property(naCaseArb({ adjustments: false }), ({ def, values, na }) => {
        const sheet = evaluate(defineFramework(def), { values, notApplicable: na });
        for (const leaf of leavesOfSheet(sheet)) {
          if (leaf.status === 'not-applicable') continue;
          expect(dec(leaf.effectiveWeight).gte(dec(leaf.weight)), `${leaf.id}: ${leaf.weight} → ${leaf.effectiveWeight}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('missing inputs never earn points; the sheet is incomplete exactly when an input is missing', () => {
    fc.assert(
      fc.property(caseArb({}, { missing: true }), ({ def, values }) => {
        const sheet = evaluate(defineFramework(def), { values });
        checkSheet(def, sheet);
        walk(sheet.indicators, (n) => {
          if (n.status === 'missing-input') expect(dec(n.score).isZero()).toBe(true);
        });
        expect(sheet.complete).toBe(sheet.missingInputs.length === 0);
        // Someone is waiting for each missing input: a leaf or an adjustment (a zero-total veto marks every node 'vetoed').
        if (sheet.missingInputs.length > 0 && !sheet.indicators.every((n) => n.status === 'vetoed')) {
          const waiting = leavesOfSheet(sheet).some((n) => n.status === 'missing-input') || sheet.adjustments.some((a) => a.status === 'missing-input');
          expect(waiting, `missing ${sheet.missingInputs.join(', ')} but nothing waits for them`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('an incomplete sheet gives a provisional result and no final total or grade; a complete one the reverse (new contract)', () => {
    fc.assert(
      fc.property(caseArb({}, { missing: true }), ({ def, values }) => {
        const sheet = loose(evaluate(defineFramework(def), { values }));
        if (sheet.complete) {
          expect(sheet.total).not.toBeNull();
          expect(sheet.grade).not.toBeNull();
          expect(sheet.provisional).toBeNull();
        } else {
          expect(sheet.total).toBeNull();
          expect(sheet.grade).toBeNull();
          expect(typeof sheet.provisional?.total).toBe('string');
          expect(typeof sheet.provisional?.subtotal).toBe('string');
        }
      }),
      RUNS,
    );
  });

  it('the sheet is plain JSON data: it survives JSON.stringify → JSON.parse unchanged', () => {
    fc.assert(
      fc.property(naCaseArb(), ({ def, values, na }) => {
        const sheet = evaluate(defineFramework(def), { values, notApplicable: na });
        expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
        expect(sheet.totalNumber).toBe(Number(totalOf(sheet)));
      }),
      RUNS,
    );
  });

  it('deductions never raise the total and bonuses never lower it', () => {
    fc.assert(
      fc.property(caseArb({ adjustments: true }), fc.integer({ min: 0, max: 2000 }), fc.boolean(), ({ def, values }, extra, deduction) => {
        const fw = defineFramework(def);
        const name = deduction ? 'adj-d' : 'adj-b';
        const base = dec(String(values[name] ?? 0));
        const a = evaluate(fw, { values });
        const b = evaluate(fw, { values: { ...values, [name]: base.plus(dec(extra).div(100)).toFixed() } });
        const [ta, tb] = [dec(totalOf(a)), dec(totalOf(b))];
        expect(deduction ? tb.lte(ta) : tb.gte(ta), `${name} + ${extra / 100}: ${totalOf(a)} → ${totalOf(b)}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('grades are monotone in the total, for random grade scales', () => {
    const pair = caseArb({ adjustments: false }).chain((c) => valuesArb(c.def).map((other) => ({ ...c, other })));
    fc.assert(
      fc.property(pair, ({ def, values, other }) => {
        const fw = defineFramework(def);
        const a = evaluate(fw, { values });
        const b = evaluate(fw, { values: other });
        const [lo, hi] = dec(totalOf(a)).lte(dec(totalOf(b))) ? [a, b] : [b, a];
        expect(gradeRank(def, gradeOf(lo)?.label)).toBeLessThanOrEqual(gradeRank(def, gradeOf(hi)?.label));
      }),
      RUNS,
    );
    // A single evaluator score sweeps the whole scale.
    const scale = fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 5 });
    fc.assert(
      fc.property(scale, fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (mins, x, y) => {
        const def: FrameworkDefinition = {
          id: 'g',
          name: '等级',
          scope: 'other',
          total: 100,
          indicators: [{ id: 's', name: '评分', weight: 100, rule: { kind: 'manual' } }],
          grades: [{ label: 'L', min: 0 }, ...mins.map((m) => ({ label: `G${m}`, min: dec(m).div(100).toFixed() }))],
        };
        const fw = defineFramework(def);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = evaluate(fw, { values: { s: dec(lo).div(100).toFixed() } });
        const b = evaluate(fw, { values: { s: dec(hi).div(100).toFixed() } });
        expect(gradeRank(def, gradeOf(a)?.label)).toBeLessThanOrEqual(gradeRank(def, gradeOf(b)?.label));
        // The grade is the highest band whose lower bound the total reaches.
        const reached = [0, ...mins].filter((m) => m <= lo).sort((p, q) => q - p)[0];
        expect(gradeOf(a)?.label).toBe(reached === 0 ? 'L' : `G${String(reached)}`);
      }),
      RUNS,
    );
  });

  it('a better value never lowers the score of a monotone rule', () => {
    const rules = [
      { dir: 1, rule: { kind: 'ratio', value: { input: 'v' }, zeroBelow: '0.3' } },
      { dir: -1, rule: { kind: 'lower-is-better', actual: { input: 'v' }, target: '0.8', variant: 'inverse' } },
      { dir: -1, rule: { kind: 'lower-is-better', actual: { input: 'v' }, target: '0.8', variant: 'linear-to-double' } },
      { dir: -1, rule: { kind: 'lower-is-better', actual: { input: 'v' }, target: '-0.05', variant: 'inverse' } },
      { dir: 1, rule: { kind: 'equal', actual: { input: 'v' }, target: '0.9', tolerance: '0.02' } },
      { dir: -1, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: '0.01', points: '0.5', steps: 'completed' } },
      { dir: -1, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: '0.01', points: '0.5', steps: 'started' } },
      { dir: 1, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'below', threshold: 1, step: '0.05', points: 2, steps: 'proportional' } },
      { dir: -1, rule: { kind: 'piecewise', value: { input: 'v' }, points: [[0, 1], ['0.1', 0]] } },
      { dir: 1, rule: { kind: 'piecewise', value: { input: 'v' }, points: [['0.6', 0], ['0.9', '0.8'], [1, 1]] } },
      { dir: -1, rule: { kind: 'per-occurrence', count: { input: 'v' }, points: '0.5' } },
      {
        dir: 1,
        rule: { kind: 'bands', value: { input: 'v' }, bands: [{ max: '0.6', fraction: '0.2' }, { min: '0.6', max: '0.9', fraction: '0.5' }, { min: '0.9', fraction: 1 }] },
      },
      {
        dir: -1,
        rule: {
          kind: 'bands',
          value: { input: 'v' },
          absolute: true,
          bands: [{ max: '0.1', maxInclusive: true, fraction: 1 }, { min: '0.1', minInclusive: false, max: '0.2', maxInclusive: true, fraction: '0.6' }, { min: '0.2', minInclusive: false, fraction: 0 }],
        },
        abs: true,
      },
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 1, max: 40 }),
        (r, x, y, halves) => {
          const fw = defineFramework({
            id: 'm',
            name: '单调',
            scope: 'other',
            total: halves / 2,
            inputs: { v: { type: 'fraction' } },
            indicators: [{ id: 'a', name: '指标', weight: halves / 2, rule: r.rule as never }],
            grades: [{ label: '合格', min: 0 }],
          });
          const [worse, better] = (x <= y) === (r.dir === 1) ? [x, y] : [y, x];
          const a = evaluate(fw, { values: { v: worse / 10000 } });
          const b = evaluate(fw, { values: { v: better / 10000 } });
          expect(dec(totalOf(a)).lte(dec(totalOf(b))), `${worse / 10000} → ${totalOf(a)}, ${better / 10000} → ${totalOf(b)}`).toBe(true);
          if ('abs' in r) {
            // Two-sided bands: −v scores like v.
            const c = evaluate(fw, { values: { v: -worse / 10000 } });
            expect(totalOf(c)).toBe(totalOf(a));
          }
        },
      ),
      RUNS,
    );
  });

  it('the same inputs give the same sheet, and the framework is not changed by evaluating it', () => {
    fc.assert(
      fc.property(naCaseArb(), ({ def, values, na }) => {
        const before = JSON.stringify(def);
        const fw = defineFramework(def);
        const copy: Record<string, InputValue> = JSON.parse(JSON.stringify(values)) as Record<string, InputValue>;
        const a = evaluate(fw, { values, notApplicable: na });
        const b = evaluate(fw, { values: copy, notApplicable: [...na] });
        expect(b).toEqual(a);
        expect(JSON.stringify(def)).toBe(before);
        expect(JSON.stringify(values)).toBe(JSON.stringify(copy));
        const ids = byId(a);
        for (const id of na) expect(['not-applicable', 'vetoed']).toContain(ids.get(id)?.status);
      }),
      RUNS,
    );
  });
});
