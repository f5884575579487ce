/**
 * 自评表上的标签与列标题：导出写第一种写法，导入认所有写法。The labels and column headings of the form: export
 * writes the first spelling of each, import accepts every spelling listed. Headings are compared after `norm`.
 */

/**
 * 规范化标签：去空白、去括号内的说明（如“（万元）”“（A）”）、去结尾冒号。Normalises a label for comparison: no white
 * space, no bracketed note ("（万元）", "(B/A)"), no trailing colon.
 */
export function norm(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[：:]+$/, '');
}

/** 一个标签的各种写法，第一种为导出所用。The spellings of a label; export writes the first. */
export type Spellings = readonly [string, ...string[]];

/** 指标表的列。A column of the indicator table. */
export type TableField =
  | 'level1' | 'level1Weight' | 'level1Claimed' | 'level2' | 'name' | 'target' | 'nature' | 'value' | 'unit' | 'actual' | 'weight' | 'claimed' | 'score' | 'reason';

/** 指标表各列的标题写法（第一种为导出所用）。Headings of the indicator table's columns; export writes the first. */
export const TABLE_HEADINGS: { readonly [F in TableField]: Spellings } = {
  level1: ['一级指标'],
  level1Weight: ['一级指标分值', '一级分值', '一级指标权重'],
  level1Claimed: ['一级指标得分', '一级得分'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称', '三级指标名称'],
  target: ['年度指标值', '年度目标值', '目标值', '指标值'],
  nature: ['指标性质'],
  value: ['指标值'],
  unit: ['度量单位', '计量单位'],
  actual: ['实际完成值', '完成值', '实际值', '全年实际值', '实际完成数'],
  weight: ['分值', '权重', '指标分值', '分值权重'],
  claimed: ['得分', '自评得分'],
  score: ['自评得分'],
  reason: ['偏差原因分析及改进措施', '偏差原因分析', '偏差原因', '原因分析及改进措施', '偏差原因及改进措施'],
};

/** 预算执行块的列。A column of the budget block. */
export type BudgetField = 'initial' | 'annual' | 'executed' | 'weight' | 'rate' | 'claimed' | 'score';

/** 预算执行块的列标题。Headings of the budget block's columns; export writes the first. */
export const BUDGET_HEADINGS: { readonly [F in BudgetField]: Spellings } = {
  initial: ['年初预算数', '年初预算'],
  annual: ['全年预算数', '调整后预算数', '全年预算', '预算数'],
  executed: ['全年执行数', '执行数', '全年执行', '实际执行数'],
  weight: ['分值'],
  rate: ['执行率', '预算执行率'],
  claimed: ['得分', '自评得分'],
  score: ['自评得分'],
};

/** 预算执行块的行。A row of the budget block. */
export type BudgetLine = 'total' | 'appropriation' | 'carryover' | 'other';

/** 预算执行块各行的标签（导出写法）。The labels export writes for the budget rows. */
export const BUDGET_LINES: { readonly [L in BudgetLine]: string } = {
  total: '年度资金总额',
  appropriation: '其中：本年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

/** 预算行的标签归类（“其中：当年财政拨款”→ appropriation）。Which budget row a label names, if any. */
export function budgetLineOf(label: string): BudgetLine | undefined {
  const t = norm(label).replace(/^其中[：:]?/, '');
  if (t.includes('财政拨款')) return 'appropriation';
  if (t.includes('上年结转')) return 'carryover';
  if (t.includes('其他资金')) return 'other';
  if (['年度资金总额', '资金总额', '项目资金总额', '合计', '小计', '总额', '年度资金'].includes(t)) return 'total';
  return undefined;
}

/** 表头块与年度目标行的字段。A labelled field of the header block or of an annual target's line. */
export type HeaderField = 'name' | 'department' | 'unit' | 'year' | 'fund' | 'template' | 'reverse' | 'reviewAt' | 'target' | 'points' | 'targetFund' | 'targetClaimed';

/** 表头块标签（第一种为导出所用）。Labels of the header block; export writes the first. */
export const HEADER_LABELS: { readonly [F in HeaderField]: Spellings } = {
  name: ['项目名称'],
  department: ['主管部门', '主管单位'],
  unit: ['实施单位', '项目实施单位'],
  year: ['年度', '评价年度', '自评年度'],
  fund: ['项目资金（万元）', '项目资金'],
  template: ['模板', '自评模板'],
  reverse: ['反向指标计分方式'],
  reviewAt: ['超额完成复核比率'],
  target: ['年度绩效目标'],
  points: ['目标分值'],
  targetFund: ['目标资金（万元）', '目标资金'],
  targetClaimed: ['得分', '目标得分', '本目标得分'],
};

/** 只出现在年度绩效目标行上的字段。Fields of an annual target's line, not of the header block. */
export const TARGET_FIELDS: ReadonlySet<HeaderField> = new Set<HeaderField>(['target', 'points', 'targetFund', 'targetClaimed']);

/** 标签对应的表头字段。The header field a label names, if any. */
export function headerFieldOf(label: string): HeaderField | undefined {
  const t = norm(label);
  for (const [field, labels] of Object.entries(HEADER_LABELS) as [HeaderField, readonly string[]][]) {
    if (labels.some((l) => norm(l) === t)) return field;
  }
  return undefined;
}

/** 其他认得的标签。Other labels of the form. */
export const LABELS = {
  title: '项目支出绩效自评表',
  budget: '项目资金（万元）',
  overall: '年度总体目标',
  expected: '预期目标',
  achieved: '实际完成情况',
  indicators: '绩效指标',
  total: '总分',
  grade: '自评等级',
} as const;

/** 总分行的标签。Labels of the total row. */
export const TOTAL_LABELS: readonly string[] = ['总分', '合计', '总计', '自评总分'];

/**
 * 一级指标栏下的子标题（一级指标合并两栏，下一行写“名称 | 分值”时）。Sub-headings under a 一级指标 heading spread over
 * several columns, on the row below it: the level's name, its 分值, its 得分.
 */
export const LEVEL_SUBHEADINGS: { readonly [F in 'level1' | 'level1Weight' | 'level1Claimed']: readonly string[] } = {
  level1: ['一级指标', '名称', '指标', '指标名称'],
  level1Weight: ['分值', '权重', ...TABLE_HEADINGS.level1Weight],
  level1Claimed: ['得分', ...TABLE_HEADINGS.level1Claimed],
};

/** 小计行的标记（写在二级或三级指标栏；导出写第一种）。Marks of a level-1 subtotal row in its 二级 or 三级 cell; export writes the first. */
export const SUBTOTAL_LABELS: readonly string[] = ['小计', '合计'];

/**
 * 拆出标签所带的分值：“产出指标（50分）”→ 产出指标 与 50。Splits the points off a label written with them, as
 * "产出指标（50分）" or "年度绩效目标1(40 分)": the label and the points; a label without "（N分）" comes back as is.
 */
export function splitPoints(text: string): { readonly text: string; readonly points?: number } {
  const m = /^(.*\S)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]$/.exec(text);
  return m === null ? { text } : { text: m[1] as string, points: Number(m[2]) };
}

/** 读入时不需对应字段的文字（标题、分组标签）。Texts that name a part of the form and map to no field. */
export function isDecoration(text: string): boolean {
  const t = norm(text);
  return t.includes('绩效自评表') || ['年度总体目标', '绩效指标', '序号', '项目资金', '单位', '万元', '单位万元'].includes(t);
}
