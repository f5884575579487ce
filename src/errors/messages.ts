import type { IssueCode } from './codes.js';
import type { Issue, IssuePath } from './issue.js';

type Params = { readonly [key: string]: string };
type Template = (p: Params) => readonly [zh: string, en: string];

const DEPTH_ZH: { readonly [what: string]: string } = { expression: '表达式嵌套', 'indicator tree': '指标层级', nesting: '数据嵌套' };

/* All message templates, Chinese first. */
const TEMPLATES: { readonly [C in IssueCode]: Template } = {
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
  'unreadable-target': (p) => [
    `“${p.name}”的年度指标值“${p.text}”无法识别（${p.reasonZh}），此行暂不得分`,
    `The target "${p.text}" of "${p.name}" cannot be read (${p.reason}); the row is not scored`,
  ],
  'unreadable-actual': (p) => [
    `“${p.name}”的实际完成值“${p.text}”无法识别，此行暂不得分`,
    `The actual "${p.text}" of "${p.name}" cannot be read; the row is not scored`,
  ],
  'actual-not-numeric': (p) => [
    `“${p.name}”的目标是数值（${p.target}），实际完成值却是“${p.text}”：需要数值，此行暂不得分`,
    `"${p.name}" has a numeric target (${p.target}) but the actual is "${p.text}": a number is needed; the row is not scored`,
  ],
  'actual-not-qualitative': (p) => [
    `“${p.name}”是定性或时限指标（${p.target}），实际完成值“${p.text}”不是达成、部分达成、未达成或完成日期，此行暂不得分`,
    `"${p.name}" has a qualitative or deadline target (${p.target}); the actual "${p.text}" is not 达成 / 部分达成 / 未达成 or a date; the row is not scored`,
  ],
  'missing-actual': (p) => [`“${p.name}”未填实际完成值，此行暂不得分`, `"${p.name}" has no actual value; the row is not scored`],
  'unit-mismatch': (p) => [
    `“${p.name}”的实际完成值单位“${p.actualUnit}”与目标单位“${p.targetUnit}”不一致，且不能换算，此行暂不得分`,
    `The unit "${p.actualUnit}" of the actual of "${p.name}" differs from the target's "${p.targetUnit}" and does not convert; the row is not scored`,
  ],
  'template-mismatch': (p) => [
    `自评表指定模板“${p.expected}”，但所给模板是“${p.actual}”`,
    `The document names template "${p.expected}" but template "${p.actual}" was given`,
  ],
  'unknown-preset': (p) => [
    `未知的预置“${p.id}”（jixiao presets 列出全部预置）`,
    `Unknown preset "${p.id}" (jixiao presets lists them all)`,
  ],
  'sheet-unreadable': (p) => [`无法读取表格：${p.reasonZh}`, `The spreadsheet cannot be read: ${p.reason}`],
  'sheet-cell-unmapped': (p) => [
    `单元格 ${p.cell} 的“${p.text}”未读入（${p.reasonZh}），已忽略`,
    `Cell ${p.cell} ("${p.text}") was not read (${p.reason}); it was ignored`,
  ],
  'malformed-record': (p) => [`第 ${p.line} 行无法读取：${p.reason}`, `Line ${p.line} cannot be read: ${p.reason}`],
  'row-length-mismatch': (p) => [`该行有 ${p.cells} 个单元格，但表头只有 ${p.columns} 列`, `The row has ${p.cells} cells but the header has ${p.columns} columns`],
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
  'implausible-actual': (p) => [
    `“${p.name}”的目标为 ${p.target}，实际完成值写作 ${p.value}（未带 %）：已按 ${p.value}% 计分；若本意是 ${p.alternative}%，请写作“${p.alternative}%”`,
    `"${p.name}" has target ${p.target} and an actual written ${p.value} without %: scored as ${p.value}%; if ${p.alternative}% was meant, write "${p.alternative}%"`,
  ],
  'suspect-target': (p) => [
    `“${p.name}”的年度指标值“${p.text}”疑为识别错误（本意可能是“${p.hint}”），已按“${p.read}”读取，请核对原表`,
    `The target "${p.text}" of "${p.name}" looks like a recognition error (perhaps "${p.hint}"); it was read as "${p.read}": check the form`,
  ],
  'default-tier-score': (p) => [
    `“${p.name}”实际完成情况为“${p.word}”（${p.tierZh}），表上未填得分，按模板缺省得 ${p.score} 分（档内 [${p.min}, ${p.max}]）`,
    `"${p.name}" is "${p.word}" (${p.tier}) and the form gives no score: the template's default ${p.score} (tier [${p.min}, ${p.max}]) was used`,
  ],
  'budget-rows-mismatch': (p) => [
    `预算执行合计行的${p.fieldZh} ${p.total} 与其中各项之和 ${p.sum} 不一致，已按各项之和计算`,
    `The budget total row's ${p.field} ${p.total} differs from the sum ${p.sum} of its sub-rows; the sum was used`,
  ],
  'budget-over-execution': (p) => [
    `预算执行率 ${p.rate} 超过 100%（执行数 ${p.executed} 大于预算数 ${p.budget}），按满分计，请复核`,
    `The execution rate ${p.rate} exceeds 100% (executed ${p.executed} above budget ${p.budget}); full marks were given: review it`,
  ],
  'internal-error': (p) => [`jixiao 内部错误（请报告此问题）：${p.message}`, `Internal error in jixiao (please report it): ${p.message}`],
};

/** Builds an issue with its Chinese and English messages. */
export function makeIssue(code: IssueCode, path: IssuePath, data: Params = {}): Issue {
  const [message, messageEn] = TEMPLATES[code](data);
  return Object.keys(data).length > 0 ? { code, path, message, messageEn, data } : { code, path, message, messageEn };
}
