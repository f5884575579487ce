import type { CoreIssueCode, IssueCode } from './codes.js';
import type { Issue, IssuePath } from './issue.js';

/** Parameters of a message. */
export type Params = { readonly [key: string]: string };
/** A message template: the Chinese and English texts of an issue from its parameters. */
export type Template = (p: Params) => readonly [zh: string, en: string];

const DEPTH_ZH: { readonly [what: string]: string } = { expression: '表达式嵌套', 'indicator tree': '指标层级', nesting: '数据嵌套' };

/*
 * The message templates of the core's codes, Chinese first. Codes only self-evaluations, spreadsheets and batches
 * raise have their templates beside them (formMessages.ts), so that this catalogue — in every bundle of the core —
 * carries none it does not need.
 */
const TEMPLATES: { readonly [C in CoreIssueCode]: Template } = {
  'invalid-type': (p) => [`类型错误：应为${p.expectedZh ?? p.expected}`, `Invalid type: expected ${p.expected}`],
  'missing-field': (p) => [`缺少必填字段“${p.key}”`, `Required field "${p.key}" is missing`],
  'unknown-key': (p) => [`未知字段“${p.key}”`, `Unknown field "${p.key}"`],
  'invalid-number': (p) => [`无法识别的数值“${p.value}”`, `Not a valid number: "${p.value}"`],
  'number-out-of-range': (p) => [
    `数值“${p.value}”超出可处理的范围（整数部分至多 18 位，小数至多 20 位）`,
    `The number "${p.value}" is out of range (at most 18 digits before the point and 20 after it)`,
  ],
  'too-deep': (p) => [`${DEPTH_ZH[p.what ?? ''] ?? p.what}超过 ${p.limit} 层`, `The ${p.what} is nested deeper than ${p.limit} levels`],
  'too-large': (p) => [`数据包含的值超过 ${p.limit} 个`, `The document holds more than ${p.limit} values`],
  'unknown-kind': (p) => [`未知的类型“${p.kind}”，应为以下之一：${p.expected}`, `Unknown kind "${p.kind}"; expected one of ${p.expected}`],
  'invalid-input': (p) => [`输入“${p.input}”的值无法读取，见该输入的问题`, `The value of input "${p.input}" could not be read; see its issue`],
  'duplicate-id': (p) => [`标识“${p.id}”重复`, `Duplicate id "${p.id}"`],
  'weight-sum-mismatch': (p) => [
    `“${p.name}”的下级指标分值合计 ${p.actual}，不等于其分值 ${p.expected}`,
    `Children of "${p.name}" weigh ${p.actual} in all, not its weight ${p.expected}`,
  ],
  'total-mismatch': (p) => [
    `一级指标分值合计 ${p.actual}，不等于满分 ${p.expected}`,
    `Level-1 indicators weigh ${p.actual} in all, not the total ${p.expected}`,
  ],
  'negative-weight': (p) => [`分值不能为负数（${p.value}）`, `A weight cannot be negative (${p.value})`],
  'branch-with-rule': (p) => [`“${p.name}”既有下级指标又有计分规则`, `"${p.name}" has both children and a rule`],
  'leaf-without-rule': (p) => [`“${p.name}”既无下级指标也无计分规则`, `"${p.name}" has neither children nor a rule`],
  'bands-overlap': (p) => [`区间 ${p.a} 与 ${p.b} 重叠`, `Bands ${p.a} and ${p.b} overlap`],
  'bands-gap': (p) => [`区间 ${p.a} 与 ${p.b} 之间有空档`, `There is a gap between bands ${p.a} and ${p.b}`],
  'band-invalid': (p) => [`区间定义无效：${p.reasonZh}`, `Invalid band: ${p.reason}`],
  'points-exceed-weight': (p) => [
    `得分 ${p.points} 超出分值 ${p.weight}`,
    `Points ${p.points} exceed the weight ${p.weight}`,
  ],
  'tiers-invalid': (p) => [
    `档次“${p.tier}”的范围 [${p.min}, ${p.max}] 须在 [0, 1] 内且下限不大于上限`,
    `Tier "${p.tier}" range [${p.min}, ${p.max}] must lie in [0, 1] with min ≤ max`,
  ],
  'tiers-overlap': (p) => [`档次“${p.a}”与“${p.b}”的范围重叠`, `Tiers "${p.a}" and "${p.b}" overlap`],
  'tiers-gap': (p) => [`档次“${p.a}”与“${p.b}”之间有空档`, `There is a gap between tiers "${p.a}" and "${p.b}"`],
  'checklist-points-mismatch': (p) => [
    `检查项分值合计 ${p.actual}，不等于指标分值 ${p.expected}`,
    `Check points sum to ${p.actual}, not the weight ${p.expected}`,
  ],
  'duplicate-check-id': (p) => [`检查项标识“${p.id}”重复`, `Duplicate check id "${p.id}"`],
  'piecewise-invalid': (p) => [`分段点无效：${p.reasonZh}`, `Invalid piecewise points: ${p.reason}`],
  'rule-invalid': (p) => [`计分规则无效：${p.reasonZh}`, `Invalid rule: ${p.reason}`],
  'grade-scale-gap': (p) => [`等级“${p.a}”与“${p.b}”之间有空档`, `Gap between grades "${p.a}" and "${p.b}"`],
  'grade-scale-overlap': (p) => [`等级“${p.a}”与“${p.b}”重叠`, `Grades "${p.a}" and "${p.b}" overlap`],
  'grade-scale-invalid': (p) => [`等级设置无效：${p.reasonZh}`, `Invalid grade scale: ${p.reason}`],
  'unknown-input': (p) => [`未声明的输入“${p.input}”`, `Unknown input "${p.input}"`],
  'input-type-mismatch': (p) => [
    `输入“${p.input}”的类型为 ${p.actual}，此处需要 ${p.expected}`,
    `Input "${p.input}" is of type ${p.actual}; ${p.expected} is needed here`,
  ],
  'unknown-node': (p) => [`未知的指标“${p.id}”`, `Unknown indicator "${p.id}"`],
  'invalid-option': (p) => [`选项无效：${p.reasonZh}`, `Invalid option: ${p.reason}`],
  'unexpected-percent': (p) => [
    `输入“${p.input}”声明为普通数值，不能带百分号（“${p.value}”）`,
    `Input "${p.input}" is declared as a plain number and cannot carry a percent sign ("${p.value}")`,
  ],
  'invalid-boolean': (p) => [`无法识别的是/否值“${p.value}”`, `Not a yes/no value: "${p.value}"`],
  'unknown-tier': (p) => [`未知档次“${p.tier}”`, `Unknown tier "${p.tier}"`],
  'unknown-check': (p) => [`未知检查项“${p.check}”`, `Unknown check "${p.check}"`],
  'score-out-of-range': (p) => [
    `评分 ${p.value} 超出范围 [${p.min}, ${p.max}]`,
    `Score ${p.value} is outside [${p.min}, ${p.max}]`,
  ],
  'score-off-step': (p) => [`评分 ${p.value} 不是步长 ${p.step} 的整数倍`, `Score ${p.value} is not a multiple of ${p.step}`],
  'division-by-zero': (p) => [`“${p.name}”计算时除数为 0`, `Division by zero while computing "${p.name}"`],
  'value-outside-bands': (p) => [
    `“${p.name}”的值 ${p.value} 不在任何计分区间内`,
    `The value ${p.value} of "${p.name}" falls in no band`,
  ],
  'negative-amount': (p) => [`“${p.name}”的分数不能为负（${p.value}）`, `The points of "${p.name}" cannot be negative (${p.value})`],
  'unknown-indicator': (p) => [`未知的指标“${p.id}”`, `Unknown indicator "${p.id}"`],
  'review-over-completion': (p) => [
    `“${p.name}”完成率 ${p.value} 超过 ${p.limit}，目标可能设置偏低，建议复核`,
    `"${p.name}" reached ${p.value}, above ${p.limit}: the target may be set too low; review it`,
  ],
  'tier-score-clamped': (p) => [
    `“${p.name}”的评分 ${p.value} 不在所选档次“${p.tier}”的范围 [${p.min}, ${p.max}] 内，已按 ${p.used} 计`,
    `The score ${p.value} of "${p.name}" is outside tier "${p.tier}" [${p.min}, ${p.max}]; ${p.used} was used`,
  ],
  'adjustment-capped': (p) => [
    `“${p.name}”的分数 ${p.value} 超过上限 ${p.max}，按上限计`,
    `The points ${p.value} of "${p.name}" exceed the cap ${p.max}; the cap was used`,
  ],
  'missing-input': (p) => [`缺少输入“${p.input}”，“${p.name}”暂不得分`, `Input "${p.input}" is missing; "${p.name}" scores 0 for now`],
  'row-length-mismatch': (p) => [`该行有 ${p.cells} 个单元格，但表头只有 ${p.columns} 列`, `The row has ${p.cells} cells but the header has ${p.columns} columns`],
  'internal-error': (p) => [`jixiao 内部错误（请报告此问题）：${p.message}`, `Internal error in jixiao (please report it): ${p.message}`],
};

/** An issue of code `code` from its template. */
export function issueFrom(template: Template, code: IssueCode, path: IssuePath, data: Params): Issue {
  const [message, messageEn] = template(data);
  return Object.keys(data).length > 0 ? { code, path, message, messageEn, data } : { code, path, message, messageEn };
}

/** Builds an issue of the core with its Chinese and English messages. */
export function makeIssue(code: CoreIssueCode, path: IssuePath, data: Params = {}): Issue {
  return issueFrom(TEMPLATES[code], code, path, data);
}
