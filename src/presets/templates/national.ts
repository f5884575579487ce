import type { TemplateDefinition } from '../../selfEval/template.js';

/** 国家 80/60 定性三档，缺省分：达成取档顶、部分达成与未达成取档底。National tiers with their default points. */
export const NATIONAL_TEMPLATE_TIERS: TemplateDefinition['tiers'] = [
  { id: 'achieved', name: '达成年度指标', min: '0.8', max: '1', default: '1' },
  { id: 'partly', name: '部分达成年度指标并具有一定效果', min: '0.6', max: '0.8', default: '0.6' },
  { id: 'not-achieved', name: '未达成年度指标且效果较差', min: '0', max: '0.6', default: '0' },
];

/** 2020 年前及湖北、江西的 80/50 三档。The 80/50 tiers of older, Hubei and Jiangxi forms. */
export const LEGACY_TEMPLATE_TIERS: TemplateDefinition['tiers'] = [
  { id: 'achieved', name: '达成年度指标', min: '0.8', max: '1', default: '1' },
  { id: 'partly', name: '部分达成年度指标并具有一定效果', min: '0.5', max: '0.8', default: '0.5' },
  { id: 'not-achieved', name: '未达成年度指标且效果较差', min: '0', max: '0.5', default: '0' },
];

/** 优 ≥ 90，良 [80, 90)，中 [60, 80)，差 < 60。The national grade bands. */
export const NATIONAL_TEMPLATE_GRADES: TemplateDefinition['grades'] = [
  { label: '优', min: 90 },
  { label: '良', min: 80 },
  { label: '中', min: 60 },
  { label: '差', min: 0 },
];

/** 产出 50、效益 30、满意度 10；无满意度指标时其分值归效益。Output 50, benefit 30, satisfaction 10 (to benefit when absent). */
export const NATIONAL_LEVELS: TemplateDefinition['levels'] = [
  { id: 'output', name: '产出指标', match: ['产出'], points: 50 },
  { id: 'benefit', name: '效益指标', match: ['效益', '效果'], points: 30 },
  { id: 'satisfaction', name: '满意度指标', match: ['满意'], points: 10, whenAbsent: { to: 'benefit' } },
];

/**
 * 国家项目支出绩效自评表（财预〔2020〕10号 附件）。The national project self-evaluation template.
 */
export const nationalProject2020: TemplateDefinition = {
  id: 'national-project-2020',
  name: '项目支出绩效自评表（全国）',
  region: '全国',
  year: 2020,
  source: { title: '项目支出绩效评价管理办法', issuer: '财政部', number: '财预〔2020〕10号', date: '2020-02-25' },
  total: 100,
  budget: { weight: 10, denominator: 'annual' },
  levels: NATIONAL_LEVELS,
  equal: 'like-positive',
  reverse: 'inverse',
  tiers: NATIONAL_TEMPLATE_TIERS,
  reviewAt: '1.2',
  aggregation: 'per-target',
  grades: NATIONAL_TEMPLATE_GRADES,
  options: { precision: 2, rounding: 'half-up' },
  notes:
    '预算执行率 = 全年执行数 ÷ 全年预算数 × 10，不超过 10 分。定量指标：完成值达到指标值得满分，未达到按 完成值 ÷ 指标值 × 分值。' +
    '反向指标的计分办法 10号文未写明，此处按 指标值 ÷ 完成值 × 分值（模板选项 reverse 可改）。定性指标按 80/60 三档，' +
    '评价人在档内打分；表上未填得分时按档的缺省分（达成取满分，部分达成、未达成取档底）并提示。' +
    '未设置满意度指标时其 10 分归效益指标（实践做法）。完成率达到 120% 时提示复核（某地系统做法），不扣分。' +
    ' Budget execution: executed ÷ annual budget × 10, capped. Quantitative: met → full, else actual ÷ target × weight. ' +
    'Reverse targets are not stated in the document: target ÷ actual × weight here (option `reverse`).',
};
