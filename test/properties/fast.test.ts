import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate, scoreMany } from '../../src/index.js';
import type { EvaluationInputs, FrameworkDefinition } from '../../src/index.js';
import { scoreRow } from '../../src/fast/scorer.js';
import { caseArb, naCaseArb, ROUNDING_MODES } from '../support/arbitraries.js';
import { runs as capped } from './helpers.js';

/**
 * Runs of each property: as `runs` in CI (a few thousand cases in all); `npm run check:fast` sets JIXIAO_FAST_RUNS
 * (1,000,000 for the main property) for the long check.
 */
const runs = (n: number): { readonly numRuns: number } => {
  const long = Number(process.env.JIXIAO_FAST_RUNS ?? 0);
  return long > 0 ? { numRuns: Math.max(1, Math.round((long * n) / 400)) } : capped(n);
};
import { agree } from '../support/fastAgree.js';

/** Multiplies every plain number of the values by `k` (towards the edge of int53). */
function scaleNumbers(values: EvaluationInputs['values'], k: number): EvaluationInputs['values'] {
  return Object.fromEntries(Object.entries(values).map(([name, v]) => [name, typeof v === 'number' && !Number.isInteger(v) ? v : typeof v === 'number' ? v * k : v]));
}

describe('fast path 快速路径 = explained path 完整打分表', () => {
  /** Runs fast and explained paths on random cases under every rounding mode and place; gives the share scored fast. */
  function fastShare(cases: ReturnType<typeof caseArb>): number {
    let fast = 0;
    let all = 0;
    fc.assert(
      fc.property(cases, fc.constantFrom(...ROUNDING_MODES), fc.constantFrom<'leaf' | 'total'>('leaf', 'total'), ({ def, values }, rounding, roundAt) => {
        const framework = defineFramework(def);
        const options = { rounding, roundAt };
        const scorer = createScorer(framework, options);
        const result = scorer.score({ values });
        agree(scorer, result, evaluate(framework, { values }, options));
        all++;
        if (result.path === 'fast') fast++;
      }),
      runs(400),
    );
    return fast / all;
  }

  it('gives the same totals, grades and per-node scores as evaluate, for random frameworks of every rule kind and option', () => {
    // Missing inputs, conditions and warnings hand most of these cases to the decimal path (about 97%); some must stay
    // fast. Checked only over enough cases: at the 25 of a mutation run none may be (the next test guards the share).
    const share = fastShare(caseArb({}, { missing: true }));
    if (runs(400).numRuns >= 200) expect(share).toBeGreaterThan(0);
  });

  it('scores most complete records without conditions on the fast path itself, with the same figures', () => {
    // The comparison means something only if the fast path scored a good share of the cases itself.
    expect(fastShare(caseArb({ conditions: false, veto: false }))).toBeGreaterThan(0.3);
  });

  it('agrees with not-applicable indicators declared (handed to the decimal path)', () => {
    fc.assert(
      fc.property(naCaseArb(), ({ def, values, na }) => {
        const framework = defineFramework(def);
        const scorer = createScorer(framework);
        const result = scorer.score({ values, notApplicable: na });
        agree(scorer, result, evaluate(framework, { values, notApplicable: na }));
      }),
      runs(150),
    );
  });

  it('agrees near the int53 edge: integers scaled towards 2^53 fall back to decimals, never to a wrong score', () => {
    fc.assert(
      fc.property(caseArb({}), fc.constantFrom(1e6, 1e9, 1e11, 3e12), ({ def, values }, k) => {
        const framework = defineFramework(def);
        const scorer = createScorer(framework);
        const big = scaleNumbers(values, k);
        agree(scorer, scorer.score({ values: big }), evaluate(framework, { values: big }));
      }),
      runs(150),
    );
  });

  it('rounds on the boundary x.xx5 exactly like the decimal path, in every mode', () => {
    // ratio × 10 points: a ratio of 0.1234 + 0.00005·k puts the raw score on and around x.xx5 boundaries.
    const def: FrameworkDefinition = {
      id: 'boundary',
      name: '舍入边界',
      scope: 'project',
      total: 20,
      grades: [{ label: '合格', min: 0 }],
      inputs: { done: { type: 'number', name: '完成数' }, plan: { type: 'number', name: '计划数' }, b: { type: 'score', name: '评分' } },
      indicators: [
        { id: 'a', name: '比率', weight: 10, rule: { kind: 'ratio', value: { div: [{ input: 'done' }, { input: 'plan' }] } } },
        { id: 'b', name: '人工', weight: 10, rule: { kind: 'manual' } },
      ],
    };
    const framework = defineFramework(def);
    let fast = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...ROUNDING_MODES), fc.integer({ min: 0, max: 4 }), (k, den, rounding, precision) => {
        const options = { rounding, precision: Math.max(precision, 0) };
        const scorer = createScorer(framework, options);
        const values = { done: (k * 0.0005 * den).toFixed(5), plan: String(den), b: (k % 1000) / 1000 + 0.005 };
        const result = scorer.score({ values });
        agree(scorer, result, evaluate(framework, { values }, options));
        if (result.path === 'fast') fast++;
      }),
      runs(600),
    );
    expect(fast).toBeGreaterThan(runs(600).numRuns / 2);
  });

  it('sums thirds like the decimal path when rounding happens only at the total (1/3 + 1/3 + 1/3, rounded down)', () => {
    const leaf = (id: string) => ({ id, name: id, weight: 1, rule: { kind: 'ratio' as const, value: { div: [{ input: `${id}-done` }, { input: 'plan' }] as const } } });
    const def: FrameworkDefinition = {
      id: 'thirds',
      name: '三分之一',
      scope: 'project',
      total: 3,
      options: { roundAt: 'total', rounding: 'down' },
      grades: [{ label: '合格', min: 0 }],
      inputs: { 'a-done': { type: 'number', name: 'a' }, 'b-done': { type: 'number', name: 'b' }, 'c-done': { type: 'number', name: 'c' }, plan: { type: 'number', name: 'plan' } },
      indicators: [leaf('a'), leaf('b'), leaf('c')],
    };
    const framework = defineFramework(def);
    const scorer = createScorer(framework);
    const values = { 'a-done': 1, 'b-done': 1, 'c-done': 1, plan: 3 };
    const sheet = evaluate(framework, { values });
    agree(scorer, scorer.score({ values }), sheet);
    expect(sheet.total).toBe('0.99');
  });

  it('gives per-node numbers exactly as the sheet reads, for fractions with large denominators and for "-0" (review findings)', () => {
    const def: FrameworkDefinition = {
      id: 'fractions',
      name: '大分母',
      scope: 'project',
      total: 10,
      options: { roundAt: 'total' },
      grades: [{ label: 'A', min: 5 }, { label: 'B', min: 0 }],
      inputs: { a: { type: 'number', name: 'a' }, b: { type: 'number', name: 'b' }, c: { type: 'number', name: 'c' }, m: { type: 'score', name: 'm' } },
      indicators: [
        { id: 'x', name: 'x', weight: 5, rule: { kind: 'ratio', value: { div: [{ div: [{ input: 'a' }, { input: 'b' }] as const }, { input: 'c' }] as const } } },
        { id: 'm', name: 'm', weight: 5, rule: { kind: 'manual', input: 'm' } },
      ],
    };
    const framework = defineFramework(def);
    const scorer = createScorer(framework);
    const values = { a: 4986391250, b: 48828125, c: 48828125, m: '-0' };
    const result = scorer.score({ values });
    expect(result.path).toBe('fast');
    agree(scorer, result, evaluate(framework, { values }));
    expect(Object.is(result.scores[1], -0)).toBe(false);
  });

  it('reads records in any key order, with few inputs (read in key order) or many (read input by input), and hands over undeclared keys', () => {
    // n flags named f0…f{n−1} and "toString" (a name Object.prototype also has), each a 1-point binary indicator.
    const flags = (n: number): FrameworkDefinition => {
      const names = [...Array.from({ length: n }, (_, i) => `f${i}`), 'toString'];
      return {
        id: `flags-${n}`,
        name: '是否',
        scope: 'project',
        total: names.length,
        grades: [{ label: 'A', min: 0 }],
        inputs: Object.fromEntries(names.map((name) => [name, { type: 'boolean', name }])),
        indicators: names.map((name, i) => ({ id: `p${i}`, name, weight: 1, rule: { kind: 'binary', when: { is: name } } })),
      } as FrameworkDefinition;
    };
    for (const n of [10, 300]) {
      const framework = defineFramework(flags(n));
      const scorer = createScorer(framework);
      const names = [...Array.from({ length: n }, (_, i) => `f${i}`), 'toString'];
      fc.assert(
        fc.property(fc.shuffledSubarray(names, { minLength: names.length - 2 }), fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }), fc.constantFrom('none', 'extra', 'undefined'), (order, bits, twist) => {
          const values: { [k: string]: unknown } = {};
          order.forEach((name, i) => (values[name] = bits[i]));
          if (twist === 'extra') values['unknown-input'] = true;
          if (twist === 'undefined') values[order[0] as string] = undefined;
          const record = { values } as EvaluationInputs;
          const result = scorer.score(record);
          agree(scorer, result, evaluate(framework, record));
          if (twist === 'extra') expect(result.path).toBe('exact');
          else if (order.length === names.length && twist === 'none') expect(result.path).toBe('fast');
        }),
        // Fewer runs on the 301-input framework (each evaluate there costs milliseconds), also in the long check.
        runs(n > 128 ? 10 : 40),
      );
      // One record after another of different key orders: the remembered order is checked, never trusted.
      const a = scorer.score({ values: Object.fromEntries(names.map((k) => [k, true])) });
      const b = scorer.score({ values: Object.fromEntries([...names].reverse().map((k, i) => [k, i === 0])) });
      expect(a.total).toBe(`${names.length}.00`);
      expect(b.total).toBe('1.00');
    }
  });

  it('reads a record given as a row, its columns in any order, as the record made of its non-empty cells (scoreMany)', () => {
    const rowCase = caseArb({}).chain((c) =>
      fc.record({
        c: fc.constant(c),
        order: fc.shuffledSubarray(Object.keys(c.values), { minLength: Object.keys(c.values).length, maxLength: Object.keys(c.values).length }),
        idAt: fc.nat(),
        emptyAt: fc.nat(),
      }),
    );
    let positional = 0;
    fc.assert(
      fc.property(rowCase, ({ c: { def, values }, order, idAt, emptyAt }) => {
        // The inputs in a shuffled order, an id column and an undeclared column left empty, each at a random place.
        const columns: string[] = [...order];
        columns.splice(idAt % (columns.length + 1), 0, 'id');
        columns.splice(emptyAt % (columns.length + 1), 0, 'not-an-input');
        const row = columns.map((name) => (name === 'id' ? 'r1' : name === 'not-an-input' ? '' : (values as { [k: string]: unknown })[name]));
        const framework = defineFramework(def);
        const scorer = createScorer(framework);
        const [result] = [...scoreMany(scorer, [row], { columns })];
        const record: { [name: string]: unknown } = {};
        row.forEach((cell, i) => {
          if (columns[i] !== 'id' && cell !== '' && cell !== undefined && cell !== null) record[columns[i] as string] = cell;
        });
        const { index, id, ...rest } = result ?? { index: -1 };
        expect([index, id]).toEqual([0, 'r1']);
        expect(rest).toEqual(scorer.score({ values: record as EvaluationInputs['values'] }));
        agree(scorer, rest as ReturnType<typeof scorer.score>, evaluate(framework, { values: record as EvaluationInputs['values'] }));
        if (scoreRow(scorer, row, columns) !== undefined) positional++;
      }),
      runs(150),
    );
    // About a third of these rows are complete and read by position (the others go the general way, as they must):
    // some must be, or the comparison above never reached the positional reader.
    if (runs(150).numRuns >= 100) expect(positional).toBeGreaterThan(runs(150).numRuns / 10);
  });

  it('never throws on records that are not evaluations: each gets its issues and its index (scoreMany)', () => {
    fc.assert(
      fc.property(caseArb({}), fc.array(fc.anything(), { maxLength: 5 }), ({ def }, junk) => {
        const results = [...scoreMany(defineFramework(def), junk as never)];
        expect(results.map((r) => r.index)).toEqual(junk.map((_, i) => i));
        for (const r of results) if (!r.complete) expect(r.issues.length + r.warnings.length).toBeGreaterThan(0);
      }),
      runs(100),
    );
  });
});
