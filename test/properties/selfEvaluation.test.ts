import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, findNode, reviewSelfEvaluation, safeScoreSelfEvaluation } from '../../src/index.js';
import type { AnnualTarget, SelfEvaluation, SelfEvaluationSheet, TargetRow, Template, TemplateDefinition } from '../../src/index.js';
import { getPreset, listPresets } from '../../src/presets/index.js';
import { checkIssues, dec, leavesOfSheet, runs, type Dec } from './helpers.js';

/*
 * Properties of self-evaluation sheets (项目支出绩效自评表) under every template preset: arbitrary documents with
 * the texts as printed on real forms (comparators in symbols and words, units, qualitative texts, deadlines, "/"
 * rows, blanks, OCR artefacts; actuals as numbers, words, dates, blanks and garbage), one or several annual
 * targets, rows with and without weights, claimed scores in and out of the tier, and the template options.
 */

const TEMPLATE_IDS = [
  'national-project-2020',
  'anhui-project',
  'hebei-project',
  'hubei-project-2020',
  'beijing-project-2016',
  'jiangxi-project-2017',
  'sichuan-project-2023',
] as const;
type TemplateId = (typeof TEMPLATE_IDS)[number];

const TEMPLATES = new Map<string, Template>(
  TEMPLATE_IDS.map((id) => {
    const p = getPreset(id);
    if (p?.kind !== 'template') throw new Error(`no template preset ${id}`);
    return [id, p.template];
  }),
);
const templateOf = (id: string): Template => TEMPLATES.get(id) as Template;
const definitionOf = (id: string): TemplateDefinition => templateOf(id).definition;
/** The template target points: total − budget weight (90, or 80 for Hubei). */
const targetPoints = (id: string): Dec => dec(definitionOf(id).total).minus(dec(definitionOf(id).budget.weight));

/** Fields that may be undefined become optional ones (exactOptionalPropertyTypes). */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> };
/** Drops undefined fields, as a document read from JSON or YAML has them. */
const compact = <T extends object>(o: T): Compact<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;

// ————————————————————————————————————————————————————————————————— texts as printed

/** A decimal as printed: 0 … 3000 with 0–2 decimals. */
const numText = fc
  .tuple(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(0, 0, 1, 2))
  .map(([n, k]) => dec(n).div(dec(10).pow(k)).toFixed());

const UNITS = ['%', '万元', '元', '个', '人', ''] as const;
const POSITIVE = ['≥', '>=', '＞＝', '不低于', '不少于', '达到'];
const REVERSE = ['≤', '<=', '不超过', '不高于', '控制在'];
const OTHER_OPS = ['=', '等于', '>', '<', '大于', '低于', ''];
const QUALITATIVE = ['效果明显', '符合相关规定', '有效提升', '逐步改善', '群众认可'];
const DEADLINES = ['12月底前完成', '2023年12月31日前', '按期完成', '6月前', '年底前完成', '2023年6月底前'];
const NOT_SET = ['/', '无'];
const BLANK = ['', '  '];
const UNREADABLE = ['1-2个', 'W95%', '≥95%以下', '12月32日前', '约95%', '95%-100%', '≥'];
const WORDS = ['达成预期指标', '部分达成', '未达成', '完成', '基本完成', '未完成', '达成年度指标', '效果一般', '较差'];
const DATES = ['11月', '2023年11月20日', '2024-01-05', '2023年12月底前完成', '2023/6/30', '7月'];
const GARBAGE = ['abc', '约90%', '1-2', '见附件', '100%以上', '2023年13月', 'N/A?'];

/** What a target is, so that a fitting actual can be drawn for it. */
type TargetSpec =
  | { readonly kind: 'numeric'; readonly value: string; readonly unit: string; readonly fields: Partial<TargetRow> }
  | { readonly kind: 'qualitative' | 'deadline' | 'not-set' | 'blank' | 'unreadable'; readonly fields: Partial<TargetRow> };

const numericTarget: fc.Arbitrary<TargetSpec> = fc
  .record({
    op: fc.constantFrom(...POSITIVE, ...REVERSE, ...OTHER_OPS),
    value: numText,
    unit: fc.constantFrom(...UNITS),
    suffix: fc.constantFrom('', '', '', '以上', '以内', '及以下'),
    form: fc.constantFrom('text', 'text', 'text', 'number', 'columns'),
    asNumber: fc.boolean(),
  })
  .map(({ op, value, unit, suffix, form, asNumber }): TargetSpec => {
    if (form === 'number' && op === '' && unit === '') return { kind: 'numeric', value, unit, fields: { target: Number(value) } };
    if (form === 'columns') {
      // Sichuan's 指标性质 / 指标值 / 度量单位 columns.
      const nature = op === '' ? '=' : op;
      return { kind: 'numeric', value, unit, fields: compact({ nature, value: asNumber ? Number(value) : value, unit: unit === '' ? undefined : unit }) };
    }
    return { kind: 'numeric', value, unit, fields: { target: `${op}${value}${unit}${op === '' ? suffix : ''}` } };
  });

const targetSpec: fc.Arbitrary<TargetSpec> = fc.oneof(
  { weight: 8, arbitrary: numericTarget },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...QUALITATIVE), fc.boolean()).map(([t, columns]): TargetSpec => ({
      kind: 'qualitative',
      fields: columns ? { nature: '定性', value: t } : { target: t },
    })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...DEADLINES).map((t): TargetSpec => ({ kind: 'deadline', fields: { target: t } })) },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_SET).map((t): TargetSpec => ({ kind: 'not-set', fields: { target: t } })) },
  { weight: 1, arbitrary: fc.constantFrom(...BLANK).map((t): TargetSpec => ({ kind: 'blank', fields: { target: t } })) },
  { weight: 1, arbitrary: fc.constantFrom(...UNREADABLE).map((t): TargetSpec => ({ kind: 'unreadable', fields: { target: t } })) },
);

/** Any actual, fitting the target or not. */
const anyActual: fc.Arbitrary<string | number | undefined> = fc.oneof(
  numText.map((v) => `${v}`),
  fc.tuple(numText, fc.constantFrom(...UNITS)).map(([v, u]) => `${v}${u}`),
  numText.map(Number),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...DATES),
  fc.constantFrom('', '/', '-', ' '),
  fc.constantFrom(...GARBAGE),
  fc.constant(undefined),
);

/** An actual that fits the target: a number near the target value in its unit (or none, or a convertible one), a tier word, a date. */
function fittingActual(spec: TargetSpec): fc.Arbitrary<string | number | undefined> {
  if (spec.kind === 'numeric') {
    const ratio = fc.oneof(fc.constantFrom('0', '0.5', '0.8', '0.99', '1', '1.2', '1.5', '2'), fc.integer({ min: 0, max: 300 }).map((n) => dec(n).div(100).toFixed()));
    return fc.tuple(ratio, fc.constantFrom('same', 'same', 'none', 'convert', 'number', 'fraction')).map(([r, how]) => {
      const v = dec(spec.value).times(dec(r)).toDecimalPlaces(2);
      if (how === 'number') return v.toNumber();
      // "0.9" for 90 %: read as written, with an implausible-actual notice.
      if (how === 'fraction') return v.div(100).toDecimalPlaces(4).toFixed();
      if (how === 'none' || spec.unit === '') return v.toFixed();
      if (how === 'convert' && spec.unit === '万元') return `${v.times(10000).toFixed()}元`;
      if (how === 'convert' && spec.unit === '元') return `${v.div(10000).toFixed()}万元`;
      // 人 and 个 never convert: a unit mismatch.
      if (how === 'convert' && spec.unit === '人') return `${v.toFixed()}个`;
      return `${v.toFixed()}${spec.unit}`;
    });
  }
  if (spec.kind === 'qualitative') return fc.constantFrom(...WORDS);
  if (spec.kind === 'deadline') return fc.oneof(fc.constantFrom(...DATES), fc.constantFrom(...WORDS));
  return anyActual;
}

const LEVEL1 = ['产出指标', '产出指标', '效益指标', '满意度指标', '效果指标', '其他指标'];
const LEVEL2 = ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '经济效益指标', '服务对象满意度指标', '', '/'];
const NAMES = ['培训人数', '覆盖率', '项目成本', '完成时间', '社会效益', '满意度', '群众满意率', '成本控制率', '/', ''];
const WEIGHTS: readonly (number | string)[] = [0, 2.5, 5, 8, 10, '12.5', 15, 20, 30, '33.33', 40, 50];

interface RowOptions {
  /** Weights: every row gives one ('all'), none does (the template splits), or some do ('mixed', the default). */
  readonly weights?: 'all' | 'none' | 'mixed';
  /** Whether rows may be "/" (not set). */
  readonly notSet?: boolean;
}

const rowArb = (o: RowOptions = {}): fc.Arbitrary<TargetRow> =>
  fc
    .record({
      level1: fc.constantFrom(...LEVEL1),
      level2: fc.option(fc.constantFrom(...LEVEL2.filter((l) => o.notSet !== false || l !== '/')), { nil: undefined }),
      name: fc.option(fc.constantFrom(...NAMES.filter((n) => o.notSet !== false || n !== '/')), { nil: undefined }),
      spec: o.notSet === false ? targetSpec.filter((s) => s.kind !== 'not-set') : targetSpec,
      weight:
        o.weights === 'all' ? fc.constantFrom(...WEIGHTS)
        : o.weights === 'none' ? fc.constant(undefined)
        : fc.option(fc.constantFrom(...WEIGHTS), { nil: undefined, freq: 2 }),
      claimed: fc.option(
        fc.oneof(fc.integer({ min: -5, max: 60 }), fc.constantFrom('7.5', '0.01', '12.345', '1e1', 'abc')),
        { nil: undefined, freq: 2 },
      ),
    })
    .chain(({ spec, ...rest }) =>
      fc.oneof({ weight: 4, arbitrary: fittingActual(spec) }, { weight: 1, arbitrary: anyActual }).map((actual) =>
        compact({ ...rest, ...spec.fields, actual }) as TargetRow,
      ),
    );

const templateRef = (id: TemplateId): fc.Arbitrary<SelfEvaluation['template']> =>
  fc.oneof(
    fc.constant(id),
    fc.constant(`template:${id}`),
    fc
      .record({
        reverse: fc.option(fc.constantFrom('inverse' as const, 'linear-to-double' as const, 'met-or-not' as const), { nil: undefined }),
        reviewAt: fc.option(fc.constantFrom('1.2', 1.1, 2, '1', '1.5'), { nil: undefined }),
      })
      .map((options) => ({ id, options: compact(options) })),
  );

const budgetArb: fc.Arbitrary<SelfEvaluation['budget']> = fc
  .record({
    initial: fc.option(numText, { nil: undefined }),
    annual: fc.option(numText.filter((v) => v !== '0'), { nil: undefined, freq: 10 }),
    executed: fc.option(numText, { nil: undefined, freq: 10 }),
    appropriation: fc.option(fc.record({ annual: numText, executed: numText }), { nil: undefined, freq: 5 }),
  })
  .map((b) => compact(b));

interface DocOptions extends RowOptions {
  /** Several annual targets ('multi'), one (`rows`, 'single'), or either. */
  readonly shape?: 'single' | 'multi' | 'any';
  readonly templates?: readonly TemplateId[];
  readonly maxRows?: number;
  /** Every row gives a weight: adding up to the template's points, or any. */
  readonly given?: boolean;
}

/** A document and its template id. */
interface Case {
  readonly id: TemplateId;
  readonly doc: SelfEvaluation;
}

/** Σ weights of rows. */
const weightSum = (rows: readonly TargetRow[]): Dec => rows.reduce((acc, r) => acc.plus(dec(r.weight ?? 0)), dec(0));

const annualTargets = (o: DocOptions): fc.Arbitrary<AnnualTarget[]> =>
  fc
    .tuple(
      // Rows that every target repeats (Hubei merges same-named quantitative rows across targets), and each target's own.
      fc.array(rowArb(o), { maxLength: 2 }),
      fc.array(
        fc.record({ rows: fc.array(rowArb(o), { minLength: 1, maxLength: o.maxRows ?? 3 }), fund: fc.option(numText, { nil: undefined, freq: 4 }) }),
        { minLength: 2, maxLength: 3 },
      ),
      fc.constantFrom('none', 'split', 'own'),
    )
    .map(([shared, ts, points]) =>
      ts.map((t, i) => {
        const rows = [...shared, ...t.rows];
        return compact({
          name: `年度绩效目标${i + 1}`,
          rows,
          fund: t.fund,
          // Points for all targets or none: an even split, or what the target's rows add up to.
          points:
            points === 'none' ? undefined
            : points === 'split' ? (i === 0 ? '45' : dec(45).div(ts.length - 1).toDecimalPlaces(2).toFixed())
            : weightSum(rows).toFixed(),
        });
      }),
    );

/**
 * `n` weights on the 0.01 grid summing to `total`, in proportion to random shares; with `offBy`, one of them
 * moved by a small amount (when it stays ≥ 0). `exact` tells whether they still sum to `total`.
 */
const weightsArb = (n: number, total: Dec, offBy: boolean): fc.Arbitrary<{ weights: string[]; exact: boolean }> =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
      offBy ? fc.option(fc.constantFrom('-5', '-0.01', '0.01', '1', '10'), { nil: undefined }) : fc.constant(undefined),
      fc.nat(),
    )
    .map(([shares, delta, k]) => {
      const all = shares.reduce((a, b) => a + b, 0);
      const parts = shares.map((s) => total.times(s).div(all).toDecimalPlaces(2, 1));
      parts[n - 1] = (parts[n - 1] as Dec).plus(total.minus(parts.reduce((a, b) => a.plus(b), dec(0))));
      if (delta !== undefined) {
        const i = k % n;
        const moved = (parts[i] as Dec).plus(dec(delta));
        if (moved.gte(0)) parts[i] = moved;
      }
      return { weights: parts.map((p) => p.toFixed()), exact: parts.reduce((a, b) => a.plus(b), dec(0)).eq(total) };
    });

/** The document with its rows' weights replaced, in document order; targets' points, when given, follow their rows. */
function reweigh(doc: SelfEvaluation, weights: readonly string[]): SelfEvaluation {
  let i = 0;
  const one = (r: TargetRow): TargetRow => ({ ...r, weight: weights[i++] as string });
  if (doc.rows !== undefined) return { ...doc, rows: doc.rows.map(one) };
  const targets = (doc.targets ?? []).map((t) => {
    const rows = t.rows.map(one);
    return { ...t, ...(t.points === undefined ? {} : { points: weightSum(rows).toFixed() }), rows };
  });
  return { ...doc, targets };
}
const rowsOf = (doc: SelfEvaluation): readonly TargetRow[] => doc.rows ?? (doc.targets ?? []).flatMap((t) => t.rows);

/** A document under one of the templates; with no weight option, its rows give weights that add up, none, or some. */
const caseArb = (o: DocOptions = {}): fc.Arbitrary<Case> =>
  fc
    .tuple(fc.constantFrom(...(o.templates ?? TEMPLATE_IDS)), o.given === true ? fc.constantFrom('exact', 'all') : o.weights === undefined ? fc.constantFrom('exact', 'none', 'mixed') : fc.constant(o.weights))
    .chain(([id, weights]) => {
      const ro: DocOptions = { ...o, weights: weights === 'exact' ? 'all' : weights };
      return fc
        .record({
          template: templateRef(id),
          budget: budgetArb,
          shape: o.shape === 'single' ? fc.constant('single') : o.shape === 'multi' ? fc.constant('multi') : fc.constantFrom('single', 'single', 'one-target', 'multi'),
        })
        .chain(({ template, budget, shape }) => {
          const head = { template, project: { name: '构造项目', year: 2023 }, budget };
          if (shape === 'multi') return annualTargets(ro).map((targets): SelfEvaluation => ({ ...head, targets }));
          const rows = fc.array(rowArb(ro), { minLength: 1, maxLength: o.maxRows ?? 7 });
          if (shape === 'one-target') return rows.map((r): SelfEvaluation => ({ ...head, targets: [{ name: '年度绩效目标', rows: r }] }));
          return rows.map((r): SelfEvaluation => ({ ...head, rows: r }));
        })
        .chain((doc) =>
          weights !== 'exact' ? fc.constant({ id, doc })
          : weightsArb(rowsOf(doc).length, targetPoints(id), false).map(({ weights: w }): Case => ({ id, doc: reweigh(doc, w) })),
        );
    });

/** A row whose level 2, name or target reads "/" (or a target 无): not set. */
const isNotSet = (row: TargetRow): boolean => {
  const slash = (v: unknown): boolean => typeof v === 'string' && v.replace(/\s/g, '') === '/';
  return slash(row.level2) || slash(row.name) || (typeof row.target === 'string' && NOT_SET.includes(row.target.trim()));
};

/** The document's row at a path of the sheet (`rows.3`, `targets.1.rows.0`). */
const rowAt = (doc: SelfEvaluation, path: readonly (string | number)[]): TargetRow =>
  (path[0] === 'rows' ? doc.rows?.[path[1] as number] : doc.targets?.[path[1] as number]?.rows[path[3] as number]) as TargetRow;

/** Any document, with more Hubei multi-target ones (where same-named quantitative rows are merged). */
const anyCase = (o: DocOptions = {}): fc.Arbitrary<Case> =>
  fc.oneof({ weight: 3, arbitrary: caseArb(o) }, { weight: 1, arbitrary: caseArb({ ...o, templates: ['hubei-project-2020'], shape: 'multi' }) });

// ————————————————————————————————————————————————————————————————— checks

function scored(c: Case): SelfEvaluationSheet {
  const result = safeScoreSelfEvaluation(c.doc, templateOf(c.id));
  if (!result.ok) throw new Error(`not scored: ${JSON.stringify(result.issues.map((i) => [i.code, i.path, i.messageEn]))}\n${JSON.stringify(c.doc)}`);
  return result.value;
}

/** The grade band a total falls in under a template: the highest band whose lower bound it reaches. */
function bandOf(def: TemplateDefinition, total: Dec): string | null {
  const sorted = [...def.grades].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
  return sorted.find((g) => total.gte(dec(g.min)))?.label ?? null;
}

const sortedScores = (s: SelfEvaluationSheet): string[] => s.rows.map((r) => r.score ?? 'null').sort();
const totalOf = (s: SelfEvaluationSheet): string => s.total ?? s.provisional?.total ?? 'none';

// ————————————————————————————————————————————————————————————————— properties

describe('properties of self-evaluation sheets 自评表的不变量', () => {
  it('the generators reach every template preset', () => {
    const listed = listPresets().filter((p) => p.kind === 'template').map((p) => p.id);
    expect([...listed].sort()).toEqual([...TEMPLATE_IDS].sort());
  });

  it('safeScoreSelfEvaluation never throws nor reports an internal error; a refusal has bilingual issues', () => {
    const check = (doc: unknown, id: TemplateId): void => {
      let result: ReturnType<typeof safeScoreSelfEvaluation> | undefined;
      expect(() => (result = safeScoreSelfEvaluation(doc, templateOf(id)))).not.toThrow();
      if (result === undefined) return;
      if (!result.ok) checkIssues(result.issues);
      const issues = result.ok ? result.value.issues : result.issues;
      expect(issues.filter((i) => i.code === 'internal-error'), fc.stringify(doc)).toEqual([]);
    };
    // Well-formed documents, arbitrary JSON values, and documents with one field replaced by an arbitrary value.
    fc.assert(fc.property(anyCase(), ({ id, doc }) => check(doc, id)), runs(150));
    fc.assert(fc.property(fc.constantFrom(...TEMPLATE_IDS), fc.jsonValue(), (id, v) => check(v, id)), runs(150));
    // Sparse arrays too: a hole used to be an internal error in checkNesting (found by this property, fixed).
    const anything = fc.anything({ withSparseArray: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withObjectString: true, withBoxedValues: true });
    fc.assert(fc.property(fc.constantFrom(...TEMPLATE_IDS), anything, (id, v) => check(v, id)), runs(100));
    const mutated = caseArb({ maxRows: 3 }).chain(({ id, doc }) =>
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([k, v]) => {
        const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
        // Replace one field somewhere in the document by an arbitrary JSON value.
        const holders: Record<string, unknown>[] = [];
        const visit = (x: unknown): void => {
          if (x !== null && typeof x === 'object') {
            holders.push(x as Record<string, unknown>);
            for (const y of Object.values(x)) visit(y);
          }
        };
        visit(copy);
        const holder = holders[k % holders.length] as Record<string, unknown>;
        const keys = Object.keys(holder);
        if (keys.length > 0) holder[keys[k % keys.length] as string] = v;
        return { id, doc: copy as unknown };
      }),
    );
    // A template option reviewAt that is not a number used to be an internal error (found here, fixed).
    fc.assert(
      fc.property(mutated, ({ id, doc }) => {
        check(doc, id);
      }),
      runs(200),
    );
  });

  it('well-formed documents are scored under every template (ok: true), with bilingual issues and warnings', () => {
    fc.assert(
      fc.property(anyCase(), (c) => {
        const s = scored(c);
        for (const list of [s.issues, s.warnings]) if (list.length > 0) checkIssues(list);
      }),
      runs(150),
    );
  });

  it('every row scores in [0, its weight] (exactly; [0, effective weight] when a "/" row with a weight is rescaled); not-set rows score null; rows with issues are invalid-input', () => {
    fc.assert(
      fc.property(anyCase(), (c) => {
        const s = scored(c);
        // A "/" row with a weight is not applicable: the core rescales the other rows above their printed weights
        // (as documented), so their bound is then the node's effective weight, checked on the leaves below.
        const rescaled = leavesOfSheet(s.sheet).some((n) => n.status === 'not-applicable');
        for (const r of s.rows) {
          const where = `${r.path.join('.')} ${r.name}: ${String(r.score)} of ${r.weight} (${r.status})`;
          // A row whose level 2, name or target reads "/" (or a target 无) is not set: never scored, never a zero.
          expect(r.status === 'not-set', where).toBe(isNotSet(rowAt(c.doc, r.path)));
          if (r.status === 'not-set') {
            expect(r.score, where).toBeNull();
            expect(r.lost, where).toBeNull();
            continue;
          }
          expect(r.score, where).not.toBeNull();
          const score = dec(r.score as string);
          expect(score.gte(0), where).toBe(true);
          if (!rescaled) expect(score.lte(dec(r.weight)), where).toBe(true);
          if (r.issues.length > 0) expect(r.status, where).toBe('invalid-input');
          if (r.status === 'invalid-input') expect(score.isZero(), where).toBe(true);
        }
        for (const n of leavesOfSheet(s.sheet)) {
          expect(dec(n.score).gte(0) && dec(n.score).lte(dec(n.effectiveWeight)), `${n.id}: ${n.score} of ${n.effectiveWeight}`).toBe(true);
        }
      }),
      runs(200),
    );
  });

  it('the sheet reconciles: subtotal = budget score + Σ row scores (merged rows once); a complete sheet has that total and the template grade, an incomplete one a provisional result', () => {
    fc.assert(
      fc.property(anyCase(), (c) => {
        const s = scored(c);
        const def = definitionOf(c.id);
        const rowSum = s.rows.reduce((acc, r) => (r.score === null ? acc : acc.plus(dec(r.score))), dec(0));
        const sum = dec(s.budget.score).plus(rowSum);
        expect(dec(s.sheet.subtotal).eq(sum), `subtotal ${s.sheet.subtotal} ≠ ${s.budget.score} + ${rowSum.toFixed()}`).toBe(true);
        // The rows with a score are the sheet's leaves besides the budget line, one each.
        const leaves = leavesOfSheet(s.sheet).filter((n) => n.id !== 'budget-execution' && n.status !== 'not-applicable');
        expect(leaves.map((n) => n.score).sort()).toEqual(s.rows.filter((r) => r.score !== null).map((r) => r.score).sort());
        // Every row of the document is told once: alone, or among the rows merged into one.
        // (A Hubei group whose funds are missing used to drop rows here: found by this property, fixed.)
        const told = s.rows.flatMap((r) => r.paths.map((p) => p.join('.'))).sort();
        const listed = c.doc.rows !== undefined ? c.doc.rows.map((_, i) => `rows.${i}`) : (c.doc.targets ?? []).flatMap((t, ti) => t.rows.map((_, i) => `targets.${ti}.rows.${i}`));
        expect(told).toEqual(listed.sort());
        expect(s.maximum).toBe(dec(s.sheet.maximum).toFixed(2));
        if (s.complete) {
          expect(s.total).not.toBeNull();
          expect(dec(s.total as string).eq(sum), `total ${String(s.total)} ≠ ${sum.toFixed()}`).toBe(true);
          expect(s.grade).toBe(bandOf(def, sum));
          expect(s.provisional).toBeNull();
          expect(dec(s.maximum).eq(dec(def.total))).toBe(true);
        } else {
          expect(s.total).toBeNull();
          expect(s.grade).toBeNull();
          expect(s.provisional).not.toBeNull();
          const p = s.provisional as NonNullable<SelfEvaluationSheet['provisional']>;
          expect(dec(p.total).eq(sum), `provisional ${p.total} ≠ ${sum.toFixed()}`).toBe(true);
          expect(p.grade).toBe(bandOf(def, sum));
        }
      }),
      runs(200),
    );
  });

  it('complete exactly when there is no issue and every row (and the budget line) is scored', () => {
    fc.assert(
      fc.property(anyCase(), (c) => {
        const s = scored(c);
        const allScored = s.rows.every((r) => r.status === 'scored' || r.status === 'not-set') && s.budget.status === 'scored';
        expect(s.complete, JSON.stringify({ issues: s.issues.map((i) => i.code), rows: s.rows.map((r) => r.status), budget: s.budget.status })).toBe(
          s.issues.length === 0 && allScored,
        );
      }),
      runs(200),
    );
  });

  it('the order of the rows does not matter: same total, same row scores (rows with and without weights)', () => {
    // Rows of any kind: with and without weights, "/" rows with a weight (rescaled, ties by node id), rows that
    // differ only in their claimed score. Node ids and the ties of splits go by the rows' content, not position.
    const arb = caseArb({ shape: 'single' })
      .chain((c) => fc.shuffledSubarray([...(c.doc.rows ?? [])], { minLength: (c.doc.rows ?? []).length }).map((rows) => ({ c, rows })));
    fc.assert(
      fc.property(arb, ({ c, rows }) => {
        const a = scored(c);
        const b = scored({ id: c.id, doc: { ...c.doc, rows } });
        expect(totalOf(b)).toBe(totalOf(a));
        expect(b.complete).toBe(a.complete);
        expect(sortedScores(b)).toEqual(sortedScores(a));
        expect(b.rows.map((r) => r.weight).sort()).toEqual(a.rows.map((r) => r.weight).sort());
      }),
      runs(150),
    );
  });

  it('full-width digits and %, and spaces, in the target and actual texts change no score', () => {
    const FULL: Record<string, string> = Object.fromEntries([...'0123456789%'].map((ch) => [ch, String.fromCodePoint((ch.codePointAt(0) as number) + 0xfee0)]));
    const vary = (s: string, full: boolean, spaces: readonly number[], space: string): string => {
      let out = full ? [...s].map((ch) => FULL[ch] ?? ch).join('') : s;
      for (const p of spaces) {
        const at = p % (out.length + 1);
        out = `${out.slice(0, at)}${space}${out.slice(at)}`;
      }
      return out;
    };
    // Rows with and without weights: the ties of a split go by the texts as read, so "１-２个" and "1-2个" tie alike.
    const arb = caseArb().chain((c) =>
      fc.record({ full: fc.boolean(), spaces: fc.array(fc.nat(), { maxLength: 3 }), space: fc.constantFrom(' ', '\u3000', '  ') }).map((v) => ({ c, ...v })),
    );
    fc.assert(
      fc.property(arb, ({ c, full, spaces, space }) => {
        const widen = (r: TargetRow): TargetRow => {
          const out: Record<string, unknown> = { ...r };
          for (const k of ['target', 'actual', 'value'] as const) {
            const v = r[k];
            if (typeof v === 'string') out[k] = vary(v, full, spaces, space);
          }
          return out as unknown as TargetRow;
        };
        const doc: SelfEvaluation =
          c.doc.rows !== undefined ? { ...c.doc, rows: c.doc.rows.map(widen) } : { ...c.doc, targets: (c.doc.targets ?? []).map((t) => ({ ...t, rows: t.rows.map(widen) })) };
        const a = scored(c);
        const b = scored({ id: c.id, doc });
        expect(b.rows.map((r) => [r.status, r.weight, r.score])).toEqual(a.rows.map((r) => [r.status, r.weight, r.score]));
        expect(b.budget.score).toBe(a.budget.score);
        expect([b.complete, b.total, b.provisional]).toEqual([a.complete, a.total, a.provisional]);
        expect(b.issues.map((i) => i.code)).toEqual(a.issues.map((i) => i.code));
      }),
      runs(150),
    );
  });

  it('weights summing to the template total − the budget weight give no weight-sum-mismatch; any other sum exactly one, at the document level', () => {
    const arb = anyCase({ weights: 'all' }).chain((c) =>
      weightsArb(rowsOf(c.doc).length, targetPoints(c.id), true).map(({ weights, exact }) => ({ c: { id: c.id, doc: reweigh(c.doc, weights) }, exact })),
    );
    fc.assert(
      fc.property(arb, ({ c, exact }) => {
        const s = scored(c);
        const mismatches = s.issues.filter((i) => i.code === 'weight-sum-mismatch');
        if (exact) expect(mismatches, JSON.stringify(c.doc)).toEqual([]);
        else {
          expect(mismatches.map((i) => i.path), JSON.stringify(c.doc)).toEqual([c.doc.rows !== undefined ? ['rows'] : ['targets']]);
        }
      }),
      runs(200),
    );
  });
});

// ————————————————————————————————————————————————————————————————— review 复核

/** The document with the sheet's own figures printed on it as the claimed scores, total and grade. */
function claimingComputed(doc: SelfEvaluation, sheet: SelfEvaluationSheet): SelfEvaluation {
  const claims = new Map<string, string>();
  // A qualitative row without the evaluator's score (the template's default was used) stays without a claim.
  // Its claim is the evaluator's score in the row's own points: the row's score when not rescaled, and the
  // evaluator's own score otherwise (the scorer rescales it again).
  for (const r of sheet.rows) {
    if (r.status !== 'scored' || r.score === null || r.tier?.defaulted === true) continue;
    if (r.paths.length > 1) {
      // Rows combined for scoring (Hubei) print scores that add up to the combined row's score.
      r.paths.forEach((p, i) => claims.set(p.join('.'), i === 0 ? (r.score as string) : '0'));
      continue;
    }
    const rescaled = dec(findNode(sheet.sheet, r.node)?.effectiveWeight ?? r.weight).gt(dec(r.weight));
    claims.set(r.path.join('.'), r.tier !== undefined && rescaled ? r.tier.score : r.score);
  }
  return withClaims(doc, sheet, claims);
}

/**
 * Whether some qualitative row had its evaluator's score clamped and rescaled, or rescaled down: then no claim
 * reproduces the sheet exactly (the evaluator's score is an input, in the row's own points).
 */
const clampedAndRescaled = (sheet: SelfEvaluationSheet): boolean =>
  sheet.rows.some(
    (r) =>
      r.tier !== undefined &&
      ((sheet.warnings.some((w) => w.code === 'tier-score-clamped' && r.path.every((k, i) => w.path[i] === k)) &&
        !dec(findNode(sheet.sheet, r.node)?.effectiveWeight ?? r.weight).equals(dec(r.weight))) ||
        dec(findNode(sheet.sheet, r.node)?.effectiveWeight ?? r.weight).lt(dec(r.weight))),
  );

function withClaims(doc: SelfEvaluation, sheet: SelfEvaluationSheet, claims: ReadonlyMap<string, string>): SelfEvaluation {
  // Rows the scorer did not score keep what they claimed (an unreadable claim is their issue).
  const claim = (row: TargetRow, path: string): TargetRow => {
    const c = claims.get(path);
    return c === undefined ? row : { ...row, claimed: c };
  };
  return {
    ...doc,
    budget: { ...doc.budget, claimed: sheet.budget.score },
    ...(doc.rows === undefined ? {} : { rows: doc.rows.map((r, i) => claim(r, `rows.${i}`)) }),
    ...(doc.targets === undefined ? {} : { targets: doc.targets.map((t, ti) => ({ ...t, rows: t.rows.map((r, i) => claim(r, `targets.${ti}.rows.${i}`)) })) }),
    ...(sheet.total === null ? {} : { claimedTotal: sheet.total }),
    ...(sheet.grade === null ? {} : { claimedGrade: sheet.grade }),
  };
}

const OWN = new Set<string>(FINDING_CODES);

describe('properties of reviews 复核的不变量', () => {
  it('a form that claims exactly what the template computes has none of the review\'s own findings; the scorer\'s issues are all findings', () => {
    fc.assert(
      fc.property(anyCase(), (c) => {
        const sheet = scored(c);
        if (clampedAndRescaled(sheet)) return;
        const doc = claimingComputed(c.doc, sheet);
        const r = reviewSelfEvaluation(doc, templateOf(c.id));
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        // A row the scorer could not score keeps its generated claim, which may well be above its weight.
        const unscored = r.value.sheet.rows.filter((x) => x.status !== 'scored' && x.status !== 'not-set').map((x) => x.path.join('.'));
        const onScored = (f: { path: readonly (string | number)[] }) => !unscored.some((p) => f.path.join('.').startsWith(`${p}.`));
        expect(r.value.findings.filter((f) => OWN.has(f.code) && onScored(f)).map((f) => [f.code, f.path.join('.'), f.messageEn, JSON.stringify(doc)])).toEqual([]);
        expect(r.value.findings.filter((f) => !OWN.has(f.code)).length).toBe(r.value.sheet.issues.length + r.value.sheet.warnings.length);
        if (sheet.complete && r.value.sheet.complete && sheet.grade !== null) expect(r.value.gradeChanged, JSON.stringify([doc, r.value.claimed, r.value.computed])).toBe(false);
      }),
      runs(200),
    );
  });

  it('changing one claimed score gives a finding on that row, with claimed − computed as its difference', () => {
    fc.assert(
      fc.property(anyCase(), fc.integer({ min: 1, max: 500 }), fc.boolean(), (c, cents, up) => {
        const sheet = scored(c);
        if (clampedAndRescaled(sheet)) return;
        // A qualitative row's claim is the evaluator's score (an input), so only rows scored by a formula are changed.
        const target = sheet.rows.find((r) => r.status === 'scored' && r.paths.length === 1 && r.score !== null && r.tier === undefined);
        if (target === undefined) return;
        const claimed = dec(target.score as string).plus(dec(cents).dividedBy(100).times(up ? 1 : -1));
        const base = claimingComputed(c.doc, sheet);
        const path = target.path;
        const edit = (row: TargetRow): TargetRow => ({ ...row, claimed: claimed.toFixed() });
        const doc: SelfEvaluation =
          path[0] === 'rows'
            ? { ...base, rows: (base.rows ?? []).map((r, i) => (i === path[1] ? edit(r) : r)) }
            : { ...base, targets: (base.targets ?? []).map((t, ti) => (ti === path[1] ? { ...t, rows: t.rows.map((r, i) => (i === path[3] ? edit(r) : r)) } : t)) };
        const r = reviewSelfEvaluation(doc, templateOf(c.id));
        if (!r.ok) throw new Error(JSON.stringify(r.issues));
        // A claim that is the row's score before rescaling (a "/" row's points spread over the others) is accepted.
        const eff = dec(findNode(sheet.sheet, target.node)?.effectiveWeight ?? target.weight);
        if (eff.gt(dec(target.weight)) && claimed.times(eff).dividedBy(dec(target.weight)).toDecimalPlaces(2).equals(dec(target.score as string))) return;
        // Claims take part in telling repeated rows apart; a row the changed form no longer scores is left out.
        if (r.value.sheet.rows.find((x) => x.path.join('.') === path.join('.'))?.status !== 'scored') return;
        const own = r.value.findings.filter((f) => OWN.has(f.code) && f.path.join('.') === [...path, 'claimed'].join('.'));
        expect(own.length, JSON.stringify([path, claimed, r.value.findings.map((f) => [f.code, f.path]), doc])).toBe(1);
        const f = own[0]!;
        expect(f.claimed).toBe(claimed.toFixed());
        expect(f.computed).toBe(target.score);
        expect(dec(f.difference as string).equals(claimed.minus(dec(target.score as string)).toDecimalPlaces(2))).toBe(true);
        // Points at stake are never negative and findings come most points at stake first.
        const stakes = r.value.findings.map((x) => dec(x.stake));
        expect(stakes.every((x, i) => !x.isNegative() && (i === 0 || stakes[i - 1]!.gte(x)))).toBe(true);
      }),
      runs(200),
    );
  });

  it('reviewSelfEvaluation never throws on arbitrary documents', () => {
    fc.assert(
      fc.property(anyCase(), fc.anything(), (c, junk) => {
        expect(() => reviewSelfEvaluation({ ...c.doc, claimedTotal: junk as never }, templateOf(c.id))).not.toThrow();
        expect(() => reviewSelfEvaluation(junk, templateOf(c.id))).not.toThrow();
      }),
      runs(100),
    );
  });
});
