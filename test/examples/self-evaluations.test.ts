import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreSelfEvaluation, type SelfEvaluation } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';

/*
 * The self-evaluation examples, scored from the texts of the forms by their templates. Where the form prints
 * scores (池州), every computed row score is compared with the published one; the totals are what the engine
 * computes from the raw values, never typed in here as inputs.
 */

const read = (dir: string): SelfEvaluation => parse(readFileSync(new URL(`../../examples/${dir}/self-evaluation.yaml`, import.meta.url), 'utf8')) as SelfEvaluation;

const templateOf = (id: string) => {
  const p = getPreset(id);
  if (p?.kind !== 'template') throw new Error(id);
  return p.template;
};

describe('池州市贵池区棠溪镇 2022 委托业务项目（国家模板）', () => {
  const doc = read('chizhou-2022');
  const sheet = scoreSelfEvaluation(doc, templateOf('national-project-2020'));

  it('reproduces every printed row score from the texts (≥50个, ≥100百分比, ≤90万元, 达成预期指标, a "/" row)', () => {
    const printed = (doc.rows ?? []).map((r) => (r.claimed === undefined ? null : Number(r.claimed).toFixed(2)));
    const computed = sheet.rows.map((r) => (r.status === 'scored' ? r.score : null));
    expect(computed).toEqual(printed);
    expect(sheet.rows.filter((r) => r.status === 'not-set').map((r) => r.path.join('.'))).toEqual(['rows.6']);
  });

  it('the budget total row printed 0 / 0 / 0 is named, and the execution score is 10 from the sub-row (90, 89.974)', () => {
    expect(sheet.budget).toMatchObject({ budget: '90', executed: '89.974', rate: '0.999711', score: '10.00' });
    expect(sheet.warnings.filter((w) => w.code === 'budget-rows-mismatch').map((w) => w.path.join('.'))).toEqual(['budget.initial', 'budget.annual', 'budget.executed']);
  });

  it('the truncated 满意度 row is a coded issue on that row; the rest scores: provisional 90.00', () => {
    expect(sheet.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['unreadable-target', 'rows.10.target']]);
    expect(sheet.complete).toBe(false);
    expect(sheet.total).toBeNull();
    expect(sheet.provisional).toEqual({ total: '90.00', grade: '优' });
  });

  it('every row is explained', () => {
    for (const r of sheet.rows) expect(r.explanation.length, r.name).toBeGreaterThan(5);
    expect(sheet.rows[0]?.explanation).toBe('实际完成 50个，目标 ≥50个，已达成，得满分 8 分');
    expect(sheet.rows[4]?.explanation).toBe('实际完成 90万元，目标 ≤90万元，已达成，得满分 8 分');
  });

  it('anhui-project (Anhui forms follow the national template) scores it the same', () => {
    const anhui = scoreSelfEvaluation({ ...doc, template: 'anhui-project' }, templateOf('anhui-project'));
    expect(anhui.rows.map((r) => r.score)).toEqual(sheet.rows.map((r) => r.score));
    const hebei = scoreSelfEvaluation({ ...doc, template: 'hebei-project' }, templateOf('hebei-project'));
    expect(hebei.provisional).toEqual(sheet.provisional);
  });
});

describe('青神县发展和改革局 2023 工资性支出（四川模板）', () => {
  it('年初 238.93, 调整后 251.89, 执行 251.89 → 10; two "=" 100 % rows 60 + 30 → 100, 优', () => {
    const sheet = scoreSelfEvaluation(read('qingshen-2023'), templateOf('sichuan-project-2023'));
    expect(sheet.budget).toMatchObject({ budget: '251.89', rate: '1.000000', score: '10.00' });
    expect(sheet.rows.map((r) => r.score)).toEqual(['60.00', '30.00']);
    expect(sheet).toMatchObject({ complete: true, total: '100.00', grade: '优' });
  });

  it('大英县司法局 2023: "完成" in the numeric row 成本控制数 ≤ 30 万元 (weight 90) is an issue, not a zero; 3.36 / 3.36 → 10', () => {
    const sheet = scoreSelfEvaluation(
      {
        template: 'sichuan-project-2023',
        project: { name: '（大英县司法局项目）', unit: '大英县司法局', year: 2023 },
        budget: { initial: 0, annual: 3.36, executed: 3.36 },
        rows: [{ level1: '产出指标', level2: '成本指标', name: '成本控制数', nature: '≤', value: 30, unit: '万元', actual: '完成', weight: 90 }],
      },
      templateOf('sichuan-project-2023'),
    );
    expect(sheet.budget.score).toBe('10.00');
    expect(sheet.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['actual-not-numeric', 'rows.0.actual']]);
    expect(sheet.provisional?.total).toBe('10.00');
  });
});

describe('湖北 two annual targets (constructed example)', () => {
  it('combines 培训人数 (900 + 600 of 1000 + 500) and 培训合格率 (fund-weighted 91.25% of 90%), flags 0.7 for ≥60%', () => {
    const sheet = scoreSelfEvaluation(read('hubei-two-targets'), templateOf('hubei-project-2020'));
    expect(sheet.rows.map((r) => [r.name, r.weight, r.score])).toEqual([
      ['培训人数', '40', '40.00'],
      ['培训合格率', '20', '20.00'],
      ['学员满意度', '10', '6.00'],
      ['就业率', '10', '0.12'],
    ]);
    expect(sheet.budget.score).toBe('18.00');
    expect(sheet.total).toBe('84.12');
    expect(sheet.warnings.map((w) => w.code)).toEqual(['implausible-actual']);
  });
});
