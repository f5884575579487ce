import { describe, expect, it } from 'vitest';
import { safeScoreSelfEvaluation, scoreSelfEvaluation, validateTemplate, type SelfEvaluation, type SelfEvaluationSheet, type TargetRow, type TemplateDefinition } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';

/*
 * Each template rule pinned on constructed rows: a positive row at 80%, a reverse row over its target, qualitative
 * tiers with and without the evaluator's score, a missing satisfaction category, a "/" row, the equality variants,
 * Hubei's two annual targets, Jiangxi's row rules. Scores are computed by the engine; the expectations are the
 * template's formulas worked by hand on these numbers, as the source documents state them.
 */

const template = (id: string): TemplateDefinition => {
  const p = getPreset(id);
  if (p?.kind !== 'template') throw new Error(`no template ${id}`);
  return p.template.definition;
};

const form = (templateId: string, rows: TargetRow[], budget: SelfEvaluation['budget'] = { annual: 100, executed: 100 }): SelfEvaluation => ({
  template: templateId,
  project: { name: '构造项目' },
  budget,
  rows,
});

const score = (doc: SelfEvaluation, id = typeof doc.template === 'string' ? doc.template : doc.template.id): SelfEvaluationSheet =>
  scoreSelfEvaluation(doc, template(id));

/** Fills the form to 90 target points with a met row, so the sheet is complete. */
const filler = (points: number): TargetRow => ({ level1: '产出指标', level2: '数量指标', name: '补足', target: '≥1个', actual: '1个', weight: points });

describe('national-project-2020 国家模板', () => {
  it('预算执行率 = 执行数 ÷ 全年预算数 × 10, capped at 10 with a review warning above 100%', () => {
    const s = score(form('national-project-2020', [filler(90)], { annual: 90, executed: 89.974 }));
    expect(s.budget.score).toBe('10.00');
    expect(s.budget.rate).toBe('0.999711');
    const over = score(form('national-project-2020', [filler(90)], { annual: 90, executed: 99 }));
    expect(over.budget.score).toBe('10.00');
    expect(over.warnings.map((w) => w.code)).toContain('budget-over-execution');
    const half = score(form('national-project-2020', [filler(90)], { annual: 200, executed: 99 }));
    expect(half.budget.score).toBe('4.95');
  });

  it('a positive row at 80% scores 80% of its weight; at or above the target full marks', () => {
    const s = score(form('national-project-2020', [
      { level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥100人', actual: '80人', weight: 10 },
      { level1: '产出指标', level2: '数量指标', name: '覆盖户数', target: '不少于50户', actual: '50户', weight: 10 },
      filler(70),
    ]));
    expect(s.rows.map((r) => r.score)).toEqual(['8.00', '10.00', '70.00']);
    expect(s.rows[0]?.ratio).toBe('0.800000');
    expect(s.rows[0]?.explanation).toBe('实际完成 80人，目标 ≥100人，完成率 80.00%，得 8.00 分（满分 10 分）');
    expect(s.rows[1]?.explanation).toBe('实际完成 50户，目标 ≥50户，已达成，得满分 10 分');
    expect(s.complete).toBe(true);
    expect(s.total).toBe('98.00');
  });

  it('a reverse row over its target scores target ÷ actual × weight (option reverse switches the formula)', () => {
    const rows: TargetRow[] = [{ level1: '产出指标', level2: '成本指标', name: '预算控制数', target: '≤541.87万元', actual: '974.39万元', weight: 10 }, filler(80)];
    const s = score(form('national-project-2020', rows));
    // 541.87 ÷ 974.39 × 10 = 5.5611… → 5.56
    expect(s.rows[0]?.score).toBe('5.56');
    const linear = score({ ...form('national-project-2020', rows), template: { id: 'national-project-2020', options: { reverse: 'linear-to-double' } } });
    // (1 − (974.39 − 541.87) ÷ 541.87) × 10 = 2.0178… → 2.02
    expect(linear.rows[0]?.score).toBe('2.02');
    const strict = score({ ...form('national-project-2020', rows), template: { id: 'national-project-2020', options: { reverse: 'met-or-not' } } });
    expect(strict.rows[0]?.score).toBe('0.00');
  });

  it('万元 and 元 convert; 人 and 个 do not (unit-mismatch on that row only)', () => {
    const s = score(form('national-project-2020', [
      { level1: '产出指标', level2: '成本指标', name: '项目总成本', target: '≤90万元', actual: '900000元', weight: 10 },
      { level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥100人', actual: '100个', weight: 10 },
      filler(70),
    ]));
    expect(s.rows[0]?.score).toBe('10.00');
    expect(s.rows[0]?.actual).toEqual({ kind: 'number', value: '90', unit: '万元' });
    expect(s.rows[1]?.status).toBe('invalid-input');
    expect(s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unit-mismatch', 'rows.1.actual']]);
    expect(s.complete).toBe(false);
    expect(s.provisional?.total).toBe('90.00');
  });

  it('qualitative tiers 80/60: the evaluator scores inside the tier; without a score the template default (top of 达成, bottom of the others) with a notice', () => {
    const s = score(form('national-project-2020', [
      { level1: '效益指标', level2: '社会效益指标', name: 'a', target: '效果明显', actual: '达成预期指标', weight: 10, claimed: 9 },
      { level1: '效益指标', level2: '社会效益指标', name: 'b', target: '效果明显', actual: '达成预期指标', weight: 10 },
      { level1: '效益指标', level2: '社会效益指标', name: 'c', target: '效果明显', actual: '部分达成', weight: 10 },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: 'd', target: '满意', actual: '未达成', weight: 10 },
      filler(50),
    ]));
    expect(s.rows.map((r) => r.score)).toEqual(['9.00', '10.00', '6.00', '0.00', '50.00']);
    expect(s.rows.map((r) => r.tier?.defaulted)).toEqual([false, true, true, true, undefined]);
    expect(s.warnings.filter((w) => w.code === 'default-tier-score').map((w) => w.path.join('.'))).toEqual(['rows.1.claimed', 'rows.2.claimed', 'rows.3.claimed']);
    // A score outside the chosen tier is clamped to it, with the core's warning, at the row's claimed field.
    const clamped = score(form('national-project-2020', [{ level1: '效益指标', level2: '社会效益指标', name: 'a', target: '效果明显', actual: '部分达成', weight: 10, claimed: 9 }, filler(80)]));
    expect(clamped.rows[0]?.score).toBe('8.00');
    expect(clamped.warnings.map((w) => [w.code, w.path.join('.')])).toContainEqual(['tier-score-clamped', 'rows.0.claimed']);
  });

  it('no satisfaction row: its 10 points go to 效益 when the rows give no weights (national practice); the split ignores row order', () => {
    const rows: TargetRow[] = [
      { level1: '产出指标', level2: '数量指标', name: 'a', target: '≥1个', actual: '1个' },
      { level1: '产出指标', level2: '质量指标', name: 'b', target: '≥1个', actual: '1个' },
      { level1: '产出指标', level2: '时效指标', name: 'c', target: '≥1个', actual: '1个' },
      { level1: '效益指标', level2: '社会效益指标', name: 'd', target: '≥1个', actual: '1个' },
      { level1: '效益指标', level2: '社会效益指标', name: 'e', target: '≥1个', actual: '1个' },
      { level1: '效益指标', level2: '社会效益指标', name: 'f', target: '≥1个', actual: '1个' },
    ];
    const s = score(form('national-project-2020', rows));
    // 产出 50 over three rows: 16.67 + 16.67 + 16.66 by largest remainder, the spare cents to the rows first by
    // content (数量 < 时效 < 质量 by code point); 效益 30 + 10 over three rows: 13.34 + 13.33 + 13.33.
    expect(s.rows.map((r) => [r.name, r.weight])).toEqual([['a', '16.67'], ['b', '16.66'], ['c', '16.67'], ['d', '13.34'], ['e', '13.33'], ['f', '13.33']]);
    expect(s.rows.every((r) => !r.weightGiven)).toBe(true);
    expect(s.total).toBe('100.00');
    const reversed = score(form('national-project-2020', [...rows].reverse()));
    expect(new Map(reversed.rows.map((r) => [r.name, r.weight]))).toEqual(new Map(s.rows.map((r) => [r.name, r.weight])));
  });

  it('a "/" row is not set: no weight, no score, not a zero; a blank target is an issue instead', () => {
    const s = score(form('national-project-2020', [{ level1: '效益指标', level2: '经济效益指标', name: '/', target: '/', actual: '/' }, filler(90)]));
    expect(s.rows[0]).toMatchObject({ status: 'not-set', score: null, weight: '0' });
    expect(s.total).toBe('100.00');
    const blank = score(form('national-project-2020', [{ level1: '效益指标', level2: '经济效益指标', name: '经济效益', target: '', actual: '1', weight: 10 }, filler(80)]));
    expect(blank.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unreadable-target', 'rows.0.target']]);
  });

  it('weights that do not add up to 100 are an issue (seed 001 sums to 90)', () => {
    const s = score(form('national-project-2020', [filler(80)]));
    expect(s.issues.map((i) => i.code)).toEqual(['weight-sum-mismatch']);
    expect(s.complete).toBe(false);
  });

  it('a word in a numeric row, a number in a qualitative row, a blank actual: coded issues, never zeros; the rest scores', () => {
    const s = score(form('national-project-2020', [
      { level1: '产出指标', level2: '成本指标', name: '成本控制数', target: '≤30万元', actual: '完成', weight: 10 },
      { level1: '效益指标', level2: '社会效益指标', name: '社会效益', target: '效果明显', actual: '100%', weight: 10 },
      { level1: '产出指标', level2: '数量指标', name: '数量', target: '≥5个', weight: 10 },
      filler(60),
    ]));
    expect(s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['actual-not-numeric', 'rows.0.actual'],
      ['actual-not-qualitative', 'rows.1.actual'],
      ['missing-actual', 'rows.2.actual'],
    ]);
    expect(s.rows.map((r) => r.status)).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'scored']);
    expect(s.provisional?.total).toBe('70.00');
  });

  it('a percent written as a fraction is flagged with both readings and scored as written', () => {
    const s = score(form('national-project-2020', [{ level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '0.9', weight: 10 }, filler(80)]));
    expect(s.rows[0]?.score).toBe('0.10');
    const w = s.warnings.find((x) => x.code === 'implausible-actual');
    expect(w?.data).toMatchObject({ value: '0.9', alternative: '90' });
  });

  it('over-completion at 120% or more is a review warning, never a deduction', () => {
    const s = score(form('national-project-2020', [{ level1: '产出指标', level2: '数量指标', name: '数量', target: '≥100个', actual: '120个', weight: 10 }, filler(80)]));
    expect(s.rows[0]?.score).toBe('10.00');
    expect(s.warnings.map((w) => [w.code, w.path.join('.')])).toEqual([['review-over-completion', 'rows.0.actual']]);
    const below = score(form('national-project-2020', [{ level1: '产出指标', level2: '数量指标', name: '数量', target: '≥100个', actual: '119.99个', weight: 10 }, filler(80)]));
    expect(below.warnings).toEqual([]);
  });

  it('deadlines: a date on or before the deadline is 达成, a later one 未达成', () => {
    const s = score(form('national-project-2020', [
      { level1: '产出指标', level2: '时效指标', name: '完成时间', target: '12月底前完成', actual: '2023年11月20日', weight: 10 },
      { level1: '产出指标', level2: '时效指标', name: '验收时间', target: '2023年6月30日前', actual: '2023-07-01', weight: 10 },
      filler(70),
    ]));
    expect(s.rows.map((r) => r.tier?.id)).toEqual(['achieved', 'not-achieved', undefined]);
    expect(s.rows.map((r) => r.score)).toEqual(['10.00', '0.00', '70.00']);
  });

  it('a document naming another template is refused (template-mismatch); template:<id> names the same template', () => {
    const r = safeScoreSelfEvaluation(form('hubei-project-2020', [filler(80)]), template('national-project-2020'));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['template-mismatch']);
    expect(score({ ...form('national-project-2020', [filler(90)]), template: 'template:national-project-2020' }, 'national-project-2020').total).toBe('100.00');
  });
});

describe('values that are not numbers 非数值', () => {
  it('a weight, a claimed score or a budget amount that is not a number is an issue at its field, never "not given"', () => {
    const s = score(form('national-project-2020', [
      { level1: '产出指标', level2: '数量指标', name: 'a', target: '≥1个', actual: '1个', weight: 'abc' },
      { level1: '产出指标', level2: '数量指标', name: 'b', target: '≥1个', actual: '1个', weight: 10, claimed: '十分' },
      filler(80),
    ], { annual: '一百', executed: 100 }));
    expect(s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-number', 'budget.annual'],
      ['invalid-number', 'rows.0.weight'],
      ['invalid-number', 'rows.1.claimed'],
    ]);
    expect(s.complete).toBe(false);
  });

  it('a budget line without its amounts is missing-field, so the form is not complete', () => {
    const s = score(form('national-project-2020', [filler(90)], { executed: 100 }));
    expect(s.issues.map((i) => [i.code, i.path.join('.'), i.data?.key])).toEqual([['missing-field', 'budget', 'annual']]);
  });

  it('a template option reviewAt that is not a number is refused with its path', () => {
    const r = safeScoreSelfEvaluation({ ...form('national-project-2020', [filler(90)]), template: { id: 'national-project-2020', options: { reviewAt: 'abc' } } }, template('national-project-2020'));
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalid-number', 'template.options.reviewAt']]);
  });

  it('a template is checked as a whole: category points, their sum, and the trial frameworks of its tiers, grades and row rules', () => {
    const national = template('national-project-2020');
    const jiangxi = template('jiangxi-project-2017');
    const issuesOf = (t: TemplateDefinition) => {
      const r = validateTemplate(t);
      return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.'), i.data]);
    };
    // Points on some categories only.
    expect(issuesOf({ ...national, levels: national.levels.map(({ points, ...l }, i) => (i === 0 ? l : { ...l, ...(points === undefined ? {} : { points }) })) }).map(([c, p]) => [c, p])).toEqual([['invalid-option', 'levels']]);
    // Budget line and category points that do not add up to the total, with both figures.
    expect(issuesOf({ ...national, budget: { ...national.budget, weight: 20 } })).toEqual([['weight-sum-mismatch', 'levels', { name: national.name, actual: '110', expected: '100' }]]);
    // Found only by the trial frameworks: tiers that overlap, grades with a gap, a row rule of an unknown kind.
    expect(issuesOf({ ...national, tiers: national.tiers.map((t, i) => (i === 1 ? { ...t, max: '0.9' } : t)) }).map(([c, p]) => [c, p])).toEqual([['tiers-overlap', 'tiers']]);
    expect(issuesOf({ ...national, grades: [{ label: 'A', min: 90 }, { label: 'B', min: 95 }] }).map(([c, p]) => [c, p])).toEqual([['grade-scale-gap', 'grades.0.min']]);
    expect(issuesOf({ ...jiangxi, rowRules: (jiangxi.rowRules ?? []).map((r, i) => (i === 0 ? { ...r, rule: { ...r.rule, kind: 'ratioo' } as never } : r)) }).map(([c, p]) => [c, p])).toEqual([['unknown-kind', 'rowRules.0.rule.kind']]);
  });

  it("a template's total, budget weight or category points that cannot be read is an issue at its field, never an internal error", () => {
    const national = template('national-project-2020');
    const issuesOf = (t: TemplateDefinition) => {
      const r = validateTemplate(t);
      return r.ok ? [] : r.issues.map((i) => [i.code, i.path.join('.')]);
    };
    expect(issuesOf({ ...national, total: '0x10' })).toEqual([['invalid-number', 'total']]);
    expect(issuesOf({ ...national, total: 'NaN' })).toEqual([['invalid-number', 'total']]);
    expect(issuesOf({ ...national, budget: { ...national.budget, weight: '+-5' } })).toEqual([['invalid-number', 'budget.weight']]);
    expect(issuesOf({ ...national, levels: national.levels.map((l, i) => (i === 0 ? { ...l, points: '5,0' } : l)) })).toEqual([['invalid-number', 'levels.0.points']]);
    // Other issues are still reported beside them.
    expect(issuesOf({ ...national, total: 'abc', tiers: national.tiers.slice(1) })).toEqual([['invalid-option', 'tiers'], ['invalid-number', 'total']]);
  });

  it('numbers of a template are read as written in any accepted form ("80%", "+10", "1,000"): the same sheet as plain numbers', () => {
    const national = template('national-project-2020');
    const written: TemplateDefinition = {
      ...national,
      total: '+100',
      budget: { ...national.budget, weight: '+10' },
      levels: national.levels.map((l) => ({ ...l, points: `${String(l.points)}.0` })),
      tiers: national.tiers.map((t) => ({ ...t, min: `${Number(t.min) * 100}%`, max: `${Number(t.max) * 100}%`, ...(t.default === undefined ? {} : { default: `${Number(t.default) * 100}%` }) })),
    };
    expect(validateTemplate(written).ok).toBe(true);
    const rows: TargetRow[] = [
      { level1: '效益指标', level2: '社会效益指标', name: 'a', target: '效果明显', actual: '部分达成', weight: 10 },
      { level1: '效益指标', level2: '社会效益指标', name: 'b', target: '效果明显', actual: '达成预期指标', weight: 10, claimed: 9 },
      filler(70),
    ];
    const plain = scoreSelfEvaluation(form('national-project-2020', rows), national);
    const other = scoreSelfEvaluation(form('national-project-2020', rows), written);
    expect(other.rows.map((r) => r.score)).toEqual(plain.rows.map((r) => r.score));
    expect(other.rows.map((r) => r.explanation)).toEqual(plain.rows.map((r) => r.explanation));
    expect(other.warnings.map((w) => w.message)).toEqual(plain.warnings.map((w) => w.message));
    expect([other.total, other.grade]).toEqual([plain.total, plain.grade]);
    expect(plain.rows.map((r) => r.score)).toEqual(['6.00', '9.00', '70.00']);
  });

  it('Hubei rows that cannot be combined for lack of a fund stay on the sheet, each unscored with the missing fund named', () => {
    const row: TargetRow = { level1: '产出指标', level2: '数量指标', name: '覆盖率', target: '≥90%', actual: '95%', weight: 40 };
    const s = score({ template: 'hubei-project-2020', project: { name: 'x' }, budget: { annual: 1, executed: 1 }, targets: [{ fund: 10, rows: [row] }, { rows: [row] }] });
    expect(s.maximum).toBe('100.00');
    expect(s.rows.map((r) => [r.path.join('.'), r.status])).toEqual([['targets.0.rows.0', 'invalid-input'], ['targets.1.rows.0', 'invalid-input']]);
    expect(s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['missing-field', 'targets.1'], ['missing-field', 'targets.1']]);
  });
});

describe('provincial templates 各省模板', () => {
  it('hubei-project-2020: budget 20 × rate; 80/50 tiers; reverse w × A ÷ B', () => {
    const s = score(form('hubei-project-2020', [
      { level1: '产出指标', level2: '成本指标', name: '成本', target: '≤80万元', actual: '100万元', weight: 40 },
      { level1: '效益指标', level2: '社会效益', name: '效益', target: '效果明显', actual: '部分达成', weight: 40 },
    ], { annual: 200, executed: 150 }));
    expect(s.budget.score).toBe('15.00');
    expect(s.rows.map((r) => r.score)).toEqual(['32.00', '20.00']);
  });

  it('hubei-project-2020, two annual targets: same-named rows combined, absolute values summed, relative ones fund-weighted', () => {
    const doc: SelfEvaluation = {
      template: 'hubei-project-2020',
      project: { name: '两目标' },
      budget: { annual: 100, executed: 100 },
      targets: [
        { name: '目标1', points: 40, fund: 150, rows: [
          { level1: '产出指标', level2: '数量指标', name: '人数', target: '≥1000人', actual: '900人', weight: 20 },
          { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥90%', actual: '85%', weight: 20 },
        ] },
        { name: '目标2', points: 40, fund: 50, rows: [
          { level1: '产出指标', level2: '数量指标', name: '人数', target: '≥500人', actual: '300人', weight: 20 },
          { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥90%', actual: '95%', weight: 20 },
        ] },
      ],
    };
    const s = score(doc);
    // 人数 (900 + 300) ÷ (1000 + 500) = 0.8 → 40 × 0.8 = 32; 合格率 (85 × 150 + 95 × 50) ÷ (90 × 200) = 0.97222… → 38.89
    expect(s.rows.map((r) => [r.name, r.weight, r.score, r.paths.length])).toEqual([
      ['人数', '40', '32.00', 2],
      ['合格率', '40', '38.89', 2],
    ]);
    expect(s.total).toBe('90.89');
    // Scored per target (another template) the same rows give (18 + 18.89) + (12 + 20): the aggregation matters.
    const perTarget = scoreSelfEvaluation({ ...doc, template: 'national-project-2020' }, { ...template('national-project-2020'), budget: { weight: 20, denominator: 'annual' }, levels: [{ id: 'output', name: '产出指标', match: ['产出'] }] });
    expect(perTarget.rows.map((r) => r.score)).toEqual(['18.00', '18.89', '12.00', '20.00']);
  });

  it('hubei-project-2020: an annual target whose rows do not add up to its points is an issue', () => {
    const s = score({
      template: 'hubei-project-2020', project: { name: 'x' }, budget: { annual: 1, executed: 1 },
      targets: [
        { points: 40, rows: [{ level1: '产出指标', level2: '数量指标', name: 'a', target: '≥1个', actual: '1个', weight: 30 }] },
        { points: 40, rows: [{ level1: '产出指标', level2: '数量指标', name: 'b', target: '≥1个', actual: '1个', weight: 50 }] },
      ],
    });
    expect(s.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['weight-sum-mismatch', 'targets.0.rows'], ['weight-sum-mismatch', 'targets.1.rows']]);
  });

  it('beijing-project-2016: 海淀 学院路街道 年初预算 310.2, 执行 154.74 → 49.88%, 4.99 (the form printed 50%, 5)', () => {
    const s = score(form('beijing-project-2016', [filler(90)], { initial: 310.2, executed: 154.74 }));
    expect(s.budget.rate).toBe('0.498839');
    expect(s.budget.score).toBe('4.99');
  });

  it('jiangxi-project-2017: 满意度 90% 以上 10 分，每降 5% 扣 1 分; 成本控制率 ±10% 5 分, ±10–15% 3 分, ±15–20% 1 分', () => {
    const rows = (satisfaction: string, control: string): TargetRow[] => [
      { level1: '满意度指标', level2: '服务对象满意度', name: '群众满意度', target: '≥90%', actual: satisfaction, weight: 10 },
      { level1: '产出指标', level2: '成本指标', name: '成本控制率', target: '≤10%', actual: control, weight: 5 },
      filler(75),
    ];
    const cases: [string, string, string, string][] = [
      ['90%', '10%', '10.00', '5.00'],
      ['89.99%', '-10.01%', '10.00', '3.00'],
      ['85%', '15%', '9.00', '3.00'],
      ['80%', '-15.5%', '8.00', '1.00'],
      ['40%', '20.01%', '0.00', '0.00'],
    ];
    for (const [sat, ctl, a, b] of cases) {
      const s = score(form('jiangxi-project-2017', rows(sat, ctl)));
      expect([sat, ctl, s.rows[0]?.score, s.rows[1]?.score]).toEqual([sat, ctl, a, b]);
    }
  });

  it('sichuan-project-2023: 指标性质 / 指标值 / 度量单位 columns; "=" is met or not; 执行数 ÷ 调整后预算数', () => {
    const s = score(form('sichuan-project-2023', [
      { level1: '产出指标', level2: '数量指标', name: '发放覆盖率', nature: '=', value: 100, unit: '%', actual: '99%', weight: 60 },
      { level1: '产出指标', level2: '质量指标', name: '结余率', nature: '≤', value: 5, unit: '%', actual: '10%', weight: 30 },
    ], { initial: 0, annual: 3.36, executed: 3.36 }));
    expect(s.budget.score).toBe('10.00');
    expect(s.rows.map((r) => r.score)).toEqual(['0.00', '15.00']);
    expect(s.rows[0]?.target).toEqual({ kind: 'numeric', op: '=', explicit: true, value: '100', unit: '%' });
  });

  it('every template validates, and a broken one is reported, not thrown', () => {
    for (const id of ['national-project-2020', 'hubei-project-2020', 'beijing-project-2016', 'jiangxi-project-2017', 'sichuan-project-2023', 'anhui-project', 'hebei-project']) {
      expect(validateTemplate(template(id)).ok).toBe(true);
    }
    const bad = validateTemplate({ ...template('national-project-2020'), budget: { weight: 20, denominator: 'annual' }, tiers: template('national-project-2020').tiers.slice(1) });
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['invalid-option', 'tiers'],
      ['weight-sum-mismatch', 'levels'],
    ]);
  });
});
