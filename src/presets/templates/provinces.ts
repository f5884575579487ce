import type { TemplateDefinition } from '../../selfEval/template.js';
import { LEGACY_TEMPLATE_TIERS, NATIONAL_LEVELS, NATIONAL_TEMPLATE_GRADES, NATIONAL_TEMPLATE_TIERS, nationalProject2020 } from './national.js';

/** 一级指标类别，不规定各类分值（表上各行给出分值）。Level-1 categories without a points split (rows give weights). */
const LEVELS_UNSPLIT: TemplateDefinition['levels'] = NATIONAL_LEVELS.map(({ id, name, match }) => ({ id, name, match }));

type Own = Pick<TemplateDefinition, 'id' | 'name' | 'region' | 'year' | 'source' | 'budget' | 'tiers' | 'notes'> & Partial<TemplateDefinition>;

/**
 * What the provincial forms share unless they say otherwise: 100 points, the national categories without a points
 * split, equality like positive, reverse target ÷ actual, annual targets scored each, national grades, 2 places.
 */
const provincial = (own: Own): TemplateDefinition => ({
  total: 100,
  levels: LEVELS_UNSPLIT,
  equal: 'like-positive',
  reverse: 'inverse',
  aggregation: 'per-target',
  grades: NATIONAL_TEMPLATE_GRADES,
  options: { precision: 2, rounding: 'half-up' },
  ...own,
});

/** 湖北省项目支出绩效自评表（2020）。Hubei 2020: budget 20, 80 target points over annual targets, 80/50 tiers. */
export const hubeiProject2020: TemplateDefinition = provincial({
  id: 'hubei-project-2020',
  name: '湖北省项目支出绩效自评表',
  region: '湖北省',
  year: 2020,
  source: { title: '湖北省项目支出绩效自评表（表注）', issuer: '湖北省财政厅', date: '2020' },
  budget: { weight: 20, denominator: 'annual' },
  tiers: LEGACY_TEMPLATE_TIERS,
  aggregation: 'merge',
  notes:
    '预算执行率得分 = 20 × 执行率。年度绩效目标共 80 分，可分为多个目标（如 40 + 40）。正向指标 分值 × 完成值 ÷ 指标值，' +
    '反向指标 分值 × 指标值 ÷ 完成值，均不超过分值。定性 80/50 三档。多个目标的同名定量指标“绝对值直接累加计算，相对值按照' +
    '资金额度加权平均计算”，“定量指标先汇总完成数，再计算得分”。表注未规定一级指标的分值划分，未填分值的行平分剩余分值。' +
    ' Budget: 20 × rate. 80 target points, possibly over several annual targets; same-named quantitative rows are merged ' +
    '(absolute values summed, relative ones fund-weighted) before scoring.',
});

/** 北京市项目支出绩效自评表（2016）。Beijing 2016: budget 10, capped; reached → full. */
export const beijingProject2016: TemplateDefinition = provincial({
  id: 'beijing-project-2016',
  name: '北京市项目支出绩效自评表',
  region: '北京市',
  year: 2016,
  source: { title: '北京市项目支出绩效自评表', issuer: '北京市财政局', date: '2016' },
  budget: { weight: 10, denominator: 'annual' },
  tiers: LEGACY_TEMPLATE_TIERS,
  notes:
    '预算执行率：“执行率*该指标分值，最高不得超过分值上限”。全年预算数未填时按年初预算数计算。指标达到目标值得满分，' +
    '未达到按 完成值 ÷ 指标值 × 分值；反向指标按 指标值 ÷ 完成值 × 分值。产出指标 50 分（数量 12.5 …），其余类别的分值' +
    '表上未统一规定，未填分值的行平分剩余分值。定性档次按 2020 年前的 80/50。',
});

/** 江西省项目支出绩效自评表（2017）。Jiangxi 2017, with its 满意度 and 成本控制率 row rules. */
export const jiangxiProject2017: TemplateDefinition = provincial({
  id: 'jiangxi-project-2017',
  name: '江西省项目支出绩效自评表',
  region: '江西省',
  year: 2017,
  source: { title: '江西省省级项目支出绩效自评表', issuer: '江西省财政厅', date: '2017' },
  budget: { weight: 10, denominator: 'annual' },
  tiers: LEGACY_TEMPLATE_TIERS,
  rowRules: [
    {
      match: { name: ['满意度', '满意率'] },
      rule: { kind: 'step-deduction', value: { input: 'actual' }, direction: 'below', threshold: '0.9', step: '0.05', points: 1, steps: 'completed' },
      criteria: '群众满意率90%以上得10分，每降5%扣1分，扣完为止',
    },
    {
      match: { name: ['成本控制率'] },
      rule: {
        kind: 'bands',
        value: { input: 'actual' },
        absolute: true,
        bands: [
          { min: 0, max: '0.1', maxInclusive: true, fraction: 1, label: '±10%以内' },
          { min: '0.1', minInclusive: false, max: '0.15', maxInclusive: true, fraction: '0.6', label: '±10-15%' },
          { min: '0.15', minInclusive: false, max: '0.2', maxInclusive: true, fraction: '0.2', label: '±15-20%' },
          { min: '0.2', minInclusive: false, fraction: 0, label: '±20%以外' },
        ],
        unit: '%',
      },
      criteria: '成本控制率=(预算数-实际支出)/预算数×100%，控制率在±10%以内得5分，±10-15%以内得3分，±15-20%以内得1分，±20%以外不得分',
    },
  ],
  notes:
    '预算执行率 执行数 ÷ 预算数 × 分值，不超过分值。正向 完成值 ÷ 指标值 × 分值，反向 指标值 ÷ 完成值 × 分值，定性 80/50。' +
    '满意度行：90% 以上满分，每降 5%（满 5 个百分点）扣 1 分。成本控制率行：原表按 5 分写（5/3/1/0 分），此处按分值的比例' +
    '（1、0.6、0.2、0）计，5 分的行与原表相同。The 成本控制率 bands are fractions of the weight (5/3/1/0 on a 5-point row).',
});

/** 四川省项目支出绩效自评表（2022–2023）。Sichuan 2023: 10 + 90, 指标性质 columns, "=" met or not. */
export const sichuanProject2023: TemplateDefinition = provincial({
  id: 'sichuan-project-2023',
  name: '四川省项目支出绩效自评表',
  region: '四川省',
  year: 2023,
  source: { title: '四川省项目支出绩效自评表（510000_0013zp）', issuer: '四川省财政厅', date: '2023' },
  budget: { weight: 10, denominator: 'annual' },
  equal: 'met-or-not',
  tiers: NATIONAL_TEMPLATE_TIERS,
  notes:
    '预算执行 10 分 = 执行数 ÷ 调整后预算数（全年预算数）× 10；绩效指标 90 分，表上分“指标性质 / 指标值 / 度量单位”三列。' +
    '正向 完成值 ÷ 指标值 × 分值、反向 指标值 ÷ 完成值 × 分值，均封顶；“=”指标达到即满分，否则 0 分。',
});

/** 安徽省（按国家模板）。Anhui forms follow the national template. */
export const anhuiProject: TemplateDefinition = {
  ...nationalProject2020,
  id: 'anhui-project',
  name: '安徽省项目支出绩效自评表（同国家模板）',
  region: '安徽省',
  notes: `安徽省自评表与国家模板相同（财预〔2020〕10号）。${nationalProject2020.notes ?? ''}`,
};

/** 河北省（按国家模板）。Hebei forms follow the national template. */
export const hebeiProject: TemplateDefinition = {
  ...nationalProject2020,
  id: 'hebei-project',
  name: '河北省项目支出绩效自评表（同国家模板）',
  region: '河北省',
  notes: `河北省自评表与国家模板相同（财预〔2020〕10号）。${nationalProject2020.notes ?? ''}`,
};
