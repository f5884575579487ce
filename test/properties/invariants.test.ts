import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate, validateFramework } from '../../src/index.js';
import type { FrameworkDefinition, Indicator, NodeResult, ScoreSheet } from '../../src/index.js';
import { buildFramework, caseArb, leavesOf, shapeArb, valuesArb } from '../support/arbitraries.js';

const D = Decimal.clone({ precision: 60 });
const d = (s: string): Decimal => new D(s);
const RUNS = { numRuns: 150 };

function walk(nodes: readonly NodeResult[], f: (n: NodeResult) => void): void {
  for (const n of nodes) {
    f(n);
    walk(n.children, f);
  }
}

function byId(sheet: ScoreSheet): Map<string, NodeResult> {
  const m = new Map<string, NodeResult>();
  walk(sheet.indicators, (n) => m.set(n.id, n));
  return m;
}

function checkReconciles(sheet: ScoreSheet): void {
  walk(sheet.indicators, (n) => {
    expect(d(n.score).gte(0)).toBe(true);
    expect(d(n.score).lte(d(n.effectiveWeight))).toBe(true);
    expect(d(n.lost).eq(d(n.effectiveWeight).minus(n.score))).toBe(true);
    if (n.children.length > 0) {
      const s = n.children.reduce((acc, c) => acc.plus(c.score), d('0'));
      const w = n.children.reduce((acc, c) => acc.plus(c.effectiveWeight), d('0'));
      expect(s.eq(d(n.score))).toBe(true);
      expect(w.eq(d(n.effectiveWeight))).toBe(true);
    }
  });
  const roots = sheet.indicators.reduce((acc, c) => acc.plus(c.score), d('0'));
  expect(roots.eq(d(sheet.subtotal))).toBe(true);
  const adj = sheet.adjustments.reduce((acc, a) => acc.plus(a.points), d('0'));
  const expected = D.min(D.max(roots.plus(adj), 0), d(sheet.maximum));
  expect(d(sheet.total).eq(expected)).toBe(true);
}

describe('properties of every score sheet 打分表的不变量', () => {
  it('every score lies in [0, effective weight]; parents are exact sums; the total reconciles', () => {
    fc.assert(
      fc.property(caseArb({ adjustments: true }), ({ def, values }) => {
        const sheet = evaluate(defineFramework(def), { values });
        checkReconciles(sheet);
        expect(sheet.complete).toBe(true);
      }),
      RUNS,
    );
  });

  it('missing inputs never earn points and mark the sheet incomplete', () => {
    fc.assert(
      fc.property(caseArb({}, true), ({ def, values }) => {
        const sheet = evaluate(defineFramework(def), { values });
        checkReconciles(sheet);
        walk(sheet.indicators, (n) => {
          if (n.status === 'missing-input') expect(n.score).toBe('0.00');
        });
        expect(sheet.complete).toBe(sheet.missingInputs.length === 0);
      }),
      RUNS,
    );
  });

  it('not-applicable indicators keep every level reconciled and the total weight intact, under every policy', () => {
    const policy = fc.constantFrom(
      { policy: 'rescale' as const },
      { policy: 'redistribute' as const },
      { policy: 'full' as const },
      { policy: 'zero' as const },
    );
    fc.assert(
      fc.property(
        policy.chain((p) =>
          shapeArb.chain((shape) => {
            const def = buildFramework(shape, { policy: p });
            const ids = leavesOf(def).map((l) => l.id);
            return fc.record({ def: fc.constant(def), values: valuesArb(def), na: fc.subarray(ids) });
          }),
        ),
        ({ def, values, na }) => {
          const sheet = evaluate(defineFramework(def), { values, notApplicable: na });
          checkReconciles(sheet);
          const weights = sheet.indicators.reduce((acc, c) => acc.plus(c.effectiveWeight), d('0'));
          const allNA = sheet.indicators.every((n) => n.status === 'not-applicable');
          const kept = ['full', 'zero'].includes(def.options?.notApplicable?.policy ?? '');
          // When every indicator is removed there is nothing left to carry the weight.
          if (!allNA || kept) expect(weights.eq(d(sheet.maximum))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('sibling order does not matter', () => {
    const shuffle = (nodes: readonly Indicator[], seed: number): Indicator[] =>
      [...nodes]
        .map((n, i) => ({ n: 'children' in n ? { ...n, children: shuffle(n.children, seed + i) } : n, k: (i * 7919 + seed) % 13 }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.n);
    fc.assert(
      fc.property(caseArb({ adjustments: true }), fc.integer({ min: 0, max: 1000 }), ({ def, values }, seed) => {
        const a = evaluate(defineFramework(def), { values });
        const shuffled: FrameworkDefinition = { ...def, indicators: shuffle(def.indicators, seed) };
        const b = evaluate(defineFramework(shuffled), { values });
        expect(b.total).toBe(a.total);
        const ma = byId(a);
        for (const [id, n] of byId(b)) expect(n.score).toBe(ma.get(id)?.score);
      }),
      RUNS,
    );
  });

  it('serialize → parse → evaluate gives the same sheet', () => {
    fc.assert(
      fc.property(caseArb({ adjustments: true }), ({ def, values }) => {
        const a = evaluate(defineFramework(def), { values });
        const copy = JSON.parse(JSON.stringify(def)) as FrameworkDefinition;
        const b = evaluate(defineFramework(copy), JSON.parse(JSON.stringify({ values })));
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('deductions never raise the total', () => {
    fc.assert(
      fc.property(caseArb({ adjustments: true }), fc.integer({ min: 0, max: 1000 }), ({ def, values }, extra) => {
        const fw = defineFramework(def);
        const base = Number(values.deduct ?? 0);
        const a = evaluate(fw, { values });
        const b = evaluate(fw, { values: { ...values, deduct: base + extra / 100 } });
        expect(d(b.total).lte(d(a.total))).toBe(true);
      }),
      RUNS,
    );
  });

  it('the grade is monotone in the total', () => {
    const fw = defineFramework({
      id: 'g',
      name: '等级',
      scope: 'other',
      total: 100,
      indicators: [{ id: 's', name: '评分', weight: 100, rule: { kind: 'manual' } }],
      grades: [
        { label: '优', min: 90 },
        { label: '良', min: 80 },
        { label: '中', min: 60 },
        { label: '差', min: 0 },
      ],
    });
    const rank = ['差', '中', '良', '优'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = evaluate(fw, { values: { s: lo / 100 } });
        const b = evaluate(fw, { values: { s: hi / 100 } });
        expect(rank.indexOf(a.grade?.label ?? '')).toBeLessThanOrEqual(rank.indexOf(b.grade?.label ?? ''));
      }),
    );
  });

  it('a better value never lowers the score of a monotone rule', () => {
    const rules = [
      { dir: 1, rule: { kind: 'ratio', value: { input: 'v' }, zeroBelow: '0.3' } },
      { dir: -1, rule: { kind: 'lower-is-better', actual: { input: 'v' }, target: '0.8', variant: 'inverse' } },
      { dir: -1, rule: { kind: 'lower-is-better', actual: { input: 'v' }, target: '0.8', variant: 'linear-to-double' } },
      { dir: -1, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'above', threshold: 1, step: '0.01', points: '0.5', steps: 'completed' } },
      { dir: 1, rule: { kind: 'step-deduction', value: { input: 'v' }, direction: 'below', threshold: 1, step: '0.05', points: 2, steps: 'proportional' } },
      { dir: -1, rule: { kind: 'piecewise', value: { input: 'v' }, points: [[0, 1], ['0.1', 0]] } },
      { dir: -1, rule: { kind: 'per-occurrence', count: { input: 'v' }, points: '0.5' } },
      {
        dir: 1,
        rule: { kind: 'bands', value: { input: 'v' }, bands: [{ max: '0.6', fraction: '0.2' }, { min: '0.6', max: '0.9', fraction: '0.5' }, { min: '0.9', fraction: 1 }] },
      },
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 1, max: 40 }),
        ({ dir, rule }, x, y, halves) => {
          const fw = defineFramework({
            id: 'm',
            name: '单调',
            scope: 'other',
            total: halves / 2,
            inputs: { v: { type: 'fraction' } },
            indicators: [{ id: 'a', name: '指标', weight: halves / 2, rule: rule as never }],
            grades: [{ label: '合格', min: 0 }],
          });
          const [worse, better] = (x <= y) === (dir === 1) ? [x, y] : [y, x];
          const a = evaluate(fw, { values: { v: worse / 10000 } });
          const b = evaluate(fw, { values: { v: better / 10000 } });
          expect(d(a.total).lte(d(b.total))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('validation never throws on arbitrary JSON, it only returns issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateFramework(value);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('validation never throws on corrupted frameworks', () => {
    const corrupt = caseArb().chain(({ def }) =>
      fc.record({
        def: fc.constant(def),
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        replacement: fc.jsonValue(),
      }),
    );
    fc.assert(
      fc.property(corrupt, ({ def, path, replacement }) => {
        const copy = JSON.parse(JSON.stringify(def)) as unknown;
        let cursor = copy as Record<string, unknown>;
        for (const step of path.slice(0, -1)) {
          const keys = Object.keys(cursor);
          const key = keys[step % Math.max(keys.length, 1)];
          const next = key === undefined ? undefined : cursor[key];
          if (next === null || typeof next !== 'object') break;
          cursor = next as Record<string, unknown>;
        }
        const keys = Object.keys(cursor);
        const last = keys[(path.at(-1) ?? 0) % Math.max(keys.length, 1)];
        if (last !== undefined) cursor[last] = replacement;
        const result = validateFramework(copy);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
