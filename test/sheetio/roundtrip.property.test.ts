import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualTarget, BudgetRow, ClaimedLevel, ProjectFacts, SelfEvaluation, TargetRow, TemplateOptions } from '../../src/index.js';
import { exportSelfEvaluationCsv, exportSelfEvaluationXlsx, importSelfEvaluation } from '../../src/xlsx.js';

/*
 * Property: any self-evaluation document survives export → import. XLSX keeps types (a number cell is a number, a
 * text cell text), so the document comes back exactly. CSV has none: it comes back as import reads CSV — plain
 * numbers in the numeric columns (amounts, 分值, 得分, 指标值 of Sichuan rows) as numbers, targets and actuals as text.
 *
 * Texts are drawn from characters that cannot spell one of the form's labels (项目名称, 总分, 一级指标…), without
 * white space at either end (import trims cells); numeric texts avoid the placeholders "/" and "-", which mean empty.
 */

const RUNS = Number(process.env.JIXIAO_SHEET_RUNS ?? 60);

const chars = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉ABCxyz019%≥≤=.,"\'/（）()'];
const text = fc
  .string({ unit: fc.constantFrom(...chars, ' ', '\n'), minLength: 1, maxLength: 10 })
  .filter((s) => s.trim() === s && s !== '');
const number = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  // Excel keeps 15 significant digits (and import reads numbers as Excel shows them): doubles as a sheet can hold them.
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : Number(x.toPrecision(15)))).map((x) => (Object.is(x, -0) ? 0 : x)),
);
/** A Num: a number, a numeric text as written ("1.50"), or a word in a numeric cell. */
const num = fc.oneof(number, fc.stringMatching(/^\d{1,3}(\.\d{1,2})?$/), fc.constantFrom('八分', '约10', '10分'));
const textOrNumber = fc.oneof(text, number);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** An object without its undefined fields (exactOptionalPropertyTypes, and as import builds them). */
function defined<T>(o: object): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const level1 = fc.constantFrom('产出指标', '效益指标', '满意度指标', '甲类指标');
const row: fc.Arbitrary<TargetRow> = fc
  .record({
    level1,
    level2: opt(fc.constantFrom('数量指标', '质量指标', '/', '社会效益指标')),
    name: opt(text),
    target: opt(textOrNumber),
    nature: opt(fc.constantFrom('≥', '≤', '=', '定性')),
    value: opt(textOrNumber),
    unit: opt(fc.constantFrom('%', '万元', '人')),
    actual: opt(textOrNumber),
    weight: opt(num),
    claimed: opt(num),
    reason: opt(text),
  })
  .map((o) => defined<TargetRow>(o));
const rows = fc.array(row, { maxLength: 7 });
const budgetRow: fc.Arbitrary<BudgetRow> = fc.record({ initial: opt(num), annual: opt(num), executed: opt(num), claimed: opt(num) }).map((o) => defined<BudgetRow>(o));
const target: fc.Arbitrary<AnnualTarget> = fc
  .record({ name: opt(text), expected: opt(text), achieved: opt(text), points: opt(num), fund: opt(num), claimed: opt(num), rows })
  .map((o) => defined<AnnualTarget>(o));

const levels: fc.Arbitrary<ClaimedLevel[]> = fc.uniqueArray(
  fc.record({ level1, weight: opt(num), claimed: opt(num) }).map((o) => defined<ClaimedLevel>(o)),
  { minLength: 1, maxLength: 4, selector: (l) => l.level1 },
);

const document: fc.Arbitrary<SelfEvaluation> = fc
  .record({
    template: fc.oneof(
      fc.constantFrom('national-project-2020', 'sichuan-project-2023', 'template:hubei-project-2020'),
      fc.record({ id: fc.constant('hubei-project-2020'), options: fc.record({ reverse: opt(fc.constantFrom('inverse', 'linear-to-double', 'met-or-not' as const)), reviewAt: opt(num) }).map((o) => defined<TemplateOptions>(o)) })
        .filter((t) => Object.keys(t.options).length > 0),
    ),
    project: fc
      .record({ name: text, department: opt(text), unit: opt(text), year: opt(fc.integer({ min: 1990, max: 2100 })), fund: opt(num) })
      .map((o) => defined<ProjectFacts>(o)),
    budget: fc
      .record({ total: budgetRow, appropriation: opt(budgetRow), carryover: opt(budgetRow), other: opt(budgetRow) })
      .map(({ total, ...sub }) => defined({ ...total, ...Object.fromEntries(Object.entries(sub).filter(([, v]) => v !== undefined && Object.keys(v).length > 0)) })),
    expected: opt(text),
    achieved: opt(text),
    table: fc.oneof(fc.record({ rows }), fc.record({ targets: fc.array(target, { minLength: 1, maxLength: 3 }) })),
    levels: opt(levels),
    claimedTotal: opt(num),
    claimedGrade: opt(fc.constantFrom('优', '良', '中', '差')),
  })
  .map(({ table, ...doc }) => defined({ ...doc, ...table }) as SelfEvaluation);

/** What CSV gives back: numeric columns' plain numbers as numbers, everything else as text. */
function asCsvReads(doc: SelfEvaluation): SelfEvaluation {
  const n = (v: string | number | undefined): string | number | undefined => {
    if (v === undefined) return undefined;
    const s = String(v);
    return /^-?\d+(\.\d+)?$/.test(s) && String(Number(s)) === s ? Number(s) : s;
  };
  const t = (v: string | number | undefined): string | undefined => (v === undefined ? undefined : String(v));
  const b = (r: BudgetRow): BudgetRow => defined<BudgetRow>({ initial: n(r.initial), annual: n(r.annual), executed: n(r.executed), claimed: n(r.claimed) });
  const r = (x: TargetRow): TargetRow => defined<TargetRow>({ ...x, target: t(x.target), value: n(x.value), actual: t(x.actual), weight: n(x.weight), claimed: n(x.claimed) });
  const template = typeof doc.template === 'string' ? doc.template : { id: doc.template.id, options: defined({ ...doc.template.options, reviewAt: n(doc.template.options?.reviewAt) }) };
  return defined<SelfEvaluation>({
    ...doc,
    template,
    project: defined({ ...doc.project, fund: n(doc.project.fund) }),
    budget: defined({
      ...b(doc.budget),
      appropriation: doc.budget.appropriation && b(doc.budget.appropriation),
      carryover: doc.budget.carryover && b(doc.budget.carryover),
      other: doc.budget.other && b(doc.budget.other),
    }),
    rows: doc.rows?.map(r),
    targets: doc.targets?.map((x) => defined({ ...x, points: n(x.points), fund: n(x.fund), claimed: n(x.claimed), rows: x.rows.map(r) })),
    levels: doc.levels?.map((l) => defined<ClaimedLevel>({ ...l, weight: n(l.weight), claimed: n(l.claimed) })),
    claimedTotal: n(doc.claimedTotal),
  });
}

describe('export → import (property)', () => {
  it('XLSX gives back the same document', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const back = await importSelfEvaluation(await exportSelfEvaluationXlsx(doc));
        expect(back.warnings).toEqual([]);
        expect(back.ok && back.value).toEqual(doc);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('CSV gives back the document as CSV reads it', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const back = await importSelfEvaluation(exportSelfEvaluationCsv(doc));
        expect(back.warnings).toEqual([]);
        expect(back.ok && back.value).toEqual(asCsvReads(doc));
      }),
      { numRuns: RUNS * 3 },
    );
  }, 120_000);
});
