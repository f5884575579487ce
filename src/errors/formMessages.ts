import type { FormIssueCode } from './codes.js';
import type { Issue, IssuePath } from './issue.js';
import { issueFrom, type Params, type Template } from './messages.js';

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
