import type { FormIssueCode } from './codes.js';
import type { Issue, IssuePath } from './issue.js';
import { issueFrom, type Params, type Template } from './messages.js';
import { reasonFrom } from './reasons.js';

/* The message templates of the codes that only self-evaluations, spreadsheets and batches raise (see messages.ts). */
const FORM_TEMPLATES: { readonly [C in FormIssueCode]: Template } = {
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
};

/** Builds an issue of a self-evaluation, spreadsheet or batch with its Chinese and English messages. */
export function makeFormIssue(code: FormIssueCode, path: IssuePath, data: Params = {}): Issue {
  return issueFrom(FORM_TEMPLATES[code], code, path, data);
}

/** The codes whose templates are here (for checks such as the docs test). */
export const FORM_CODES = Object.keys(FORM_TEMPLATES) as readonly FormIssueCode[];

/** The reasons (see reasons.ts) that only self-evaluations, templates and spreadsheets give: Chinese first. */
const FORM_REASONS = {
  'target-blank': () => ['未填写（未设置的行请写“/”）', 'it is blank (write "/" for a row that is not set)'],
  'target-unreadable': () => ['既不是“比较符 + 数值 + 单位”，也不是时限或不含数字的定性文字', 'neither comparator + number + unit, nor a deadline, nor a qualitative text without digits'],
  'target-out-of-range': () => ['数值超出可读范围', 'the number is out of range'],
  'target-conflicting': () => ['前后比较方向矛盾（如“≥95%以下”）', 'the comparators contradict each other (such as "≥95%以下")'],
  'target-ocr': (p: Params) => [`疑为识别错误，本意可能是“${p.hint}”，请按原表改写`, `looks like a recognition error, perhaps "${p.hint}": rewrite it from the form`],
  'rows-or-targets': () => ['须给出 rows（单一年度目标）或 targets（多个年度目标）之一', 'give either rows (one annual target) or targets (several)'],
  'tier-missing': (p: Params) => [`模板缺少档次“${p.tier}”（达成、部分达成、未达成须各有一档）`, `the template lacks tier "${p.tier}" (achieved, partial and not-achieved need one each)`],
  'tier-default-outside': (p: Params) => [`档次“${p.tier}”的缺省得分 ${p.value} 不在 [${p.min}, ${p.max}] 内`, `the default ${p.value} of tier "${p.tier}" is outside [${p.min}, ${p.max}]`],
  'level-points-partial': () => ['一级指标类别的 points 须全部给出或全部不给', 'give points for every level-1 category or for none'],
  'absent-to-self': (p: Params) => [`类别“${p.level}”不能把分值转给自身`, `category "${p.level}" cannot give its points to itself`],
  'target-without-points': () => ['多个年度目标时，须全部给出或全部不给 points', 'with several annual targets, give points for all of them or for none'],
  'sheet-not-xlsx': (p: Params) => [`不是 XLSX 工作簿（${p.detail}）`, `not an XLSX workbook (${p.detail})`],
  'sheet-missing': (p: Params) => [`工作簿中没有工作表 ${p.sheet}`, `the workbook has no sheet ${p.sheet}`],
  'sheet-not-text': (p: Params) => [`不是有效的 ${p.encoding} 文本，可用 encoding 选项指定编码`, `not valid ${p.encoding} text; the encoding option chooses another`],
  'sheet-bad-csv': (p: Params) => [`CSV 格式有误（${p.detail}）`, `malformed CSV (${p.detail})`],
  'cell-no-field': () => ['不属于自评表的任何部分', 'it belongs to no part of the form'],
  'cell-unknown-heading': () => ['不是认得的列标题', 'not a known column heading'],
  'cell-year': () => ['年度须为四位整数年份', 'the year must be a four-digit whole number'],
  'cell-repeated': () => ['重复填写，已用前一处', 'given twice; the first was used'],
  'cell-formula-no-result': () => ['公式没有保存的计算结果，请在 Excel 中打开并保存后再导入', 'a formula without a saved result; open and save the file in Excel, then import it'],
} satisfies { readonly [id: string]: Template };

/** A reason's id, of the reasons here. */
export type FormReasonId = keyof typeof FORM_REASONS;

/** The data of a self-evaluation's, template's or spreadsheet's issue that carries a reason (see `reason`). */
export function formReason(id: FormReasonId, params: Params = {}): Params {
  return reasonFrom(FORM_REASONS[id], params);
}
