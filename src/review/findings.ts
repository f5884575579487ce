/**
 * 复核发现的代码、严重程度与说明。Codes, severities and sentences of review findings. A finding either comes from
 * the review's own checks (the codes below) or carries the code of the scorer's issue or warning it reports.
 */
import type { IssueCode } from '../errors/codes.js';

/** 复核自身的发现代码（稳定）。The review's own finding codes (stable; docs/review.md explains each). */
export const FINDING_CODES = [
  'claimed-above-weight',
  'rows-sum-mismatch',
  'level-weights-mismatch',
  'total-sum-mismatch',
  'total-differs',
  'unknown-level',
  'grade-mismatch',
  'prose-total-mismatch',
  'full-marks-target-missed',
  'satisfaction-rate-times-weight',
  'rounding-difference',
  'score-mismatch',
] as const;

/** 复核自身的发现代码。One of the review's own finding codes. */
export type FindingCode = (typeof FINDING_CODES)[number];

/** 严重程度：错误（须更正）、警告（须核对）、提示（供评价人参考）。Severity: error (must be corrected), warning (to check), notice (for the evaluator). */
export type FindingSeverity = 'error' | 'warning' | 'notice';

type Params = { readonly [key: string]: string };

const TEXTS: { readonly [C in FindingCode]: { readonly severity: FindingSeverity; readonly zh: (p: Params) => string; readonly en: (p: Params) => string } } = {
  'claimed-above-weight': {
    severity: 'error',
    zh: (p) => `${p.row}：所填得分 ${p.claimed} 超出分值 ${p.weight}（得分应在 0 至分值之间）${p.computed === '' ? '' : `；按模板规则应得 ${p.computed}`}`,
    en: (p) => `${p.rowEn ?? p.row}: the claimed score ${p.claimed} exceeds the weight ${p.weight} (a score lies between 0 and the weight)${p.computed === '' ? '' : `; the template's rule gives ${p.computed}`}`,
  },
  'rows-sum-mismatch': {
    severity: 'error',
    zh: (p) => `${p.row}：所填小计 ${p.claimed} 与其各行所填得分之和 ${p.computed} 不符`,
    en: (p) => `${p.row}: the claimed subtotal ${p.claimed} differs from the sum of its rows' claimed scores, ${p.computed}`,
  },
  'level-weights-mismatch': {
    severity: 'error',
    zh: (p) => `${p.row}：所填分值 ${p.claimed} 与其各行分值之和 ${p.computed} 不符`,
    en: (p) => `${p.row}: the level's weight ${p.claimed} differs from the sum of its rows' weights, ${p.computed}`,
  },
  'total-sum-mismatch': {
    severity: 'error',
    zh: (p) => `所填总分 ${p.claimed} 与${p.parts}所填得分之和 ${p.computed} 不符`,
    en: (p) => `The claimed total ${p.claimed} differs from the sum of the claimed scores of ${p.partsEn}, ${p.computed}`,
  },
  'total-differs': {
    severity: 'error',
    zh: (p) => `所填总分 ${p.claimed} 与按规则复核的总分 ${p.computed} 不符（表上未填全各部分得分，无法逐项核对）`,
    en: (p) => `The claimed total ${p.claimed} differs from the recomputed total ${p.computed} (not every part's score is printed, so the parts cannot be checked one by one)`,
  },
  'unknown-level': {
    severity: 'warning',
    zh: (p) => `表上一级指标小计“${p.level}”对不上任何指标行的一级指标，未核对`,
    en: (p) => `The level-1 subtotal "${p.level}" matches the level 1 of no row; it was not checked`,
  },
  'grade-mismatch': {
    severity: 'error',
    zh: (p) => `所填等级“${p.claimed}”与所填总分 ${p.total} 不符：按模板等级应为“${p.computed}”`,
    en: (p) => `The claimed grade "${p.claimed}" does not match the claimed total ${p.total}: the template's grades give "${p.computed}"`,
  },
  'prose-total-mismatch': {
    severity: 'error',
    zh: (p) => `报告正文所述总分 ${p.claimed} 与表上总分 ${p.computed} 不符`,
    en: (p) => `The total stated in the report's text, ${p.claimed}, differs from the table's total ${p.computed}`,
  },
  'full-marks-target-missed': {
    severity: 'error',
    zh: (p) => `${p.row}：未达到目标（${p.detail}）却按满分 ${p.claimed} 填报；按模板规则应得 ${p.computed} 分`,
    en: (p) => `${p.row}: full marks ${p.claimed} claimed although the target was missed (${p.detailEn}); the template's rule gives ${p.computed}`,
  },
  'satisfaction-rate-times-weight': {
    severity: 'error',
    zh: (p) => `${p.row}：满意度 ${p.actual} 已达到目标 ${p.target}，应得满分 ${p.computed}；所填 ${p.claimed} 是按“满意度 × 分值”计算的`,
    en: (p) => `${p.row}: satisfaction ${p.actual} meets the target ${p.target} and scores full marks, ${p.computed}; the claimed ${p.claimed} is the rate times the weight`,
  },
  'rounding-difference': {
    severity: 'warning',
    zh: (p) => `${p.row}：所填 ${p.claimed} 与按模板计算的 ${p.computed} 相差 ${p.difference}，是按“${p.rounding}”取舍所得（模板为${p.templateRounding}）`,
    en: (p) => `${p.row}: the claimed ${p.claimed} differs from the template's ${p.computed} by ${p.difference}; it is what ${p.roundingEn} gives (the template uses ${p.templateRoundingEn})`,
  },
  'score-mismatch': {
    severity: 'error',
    zh: (p) => `${p.row}：所填得分 ${p.claimed} 与按模板规则计算的 ${p.computed} 不符（相差 ${p.difference}）：${p.explanation}`,
    en: (p) => `${p.row}: the claimed score ${p.claimed} differs from the ${p.computed} the template's rule gives (by ${p.difference}): ${p.explanationEn}`,
  },
};

/** The severity and sentences of one of the review's own findings. */
export function findingText(code: FindingCode, params: Params): { severity: FindingSeverity; message: string; messageEn: string } {
  const t = TEXTS[code];
  return { severity: t.severity, message: t.zh(params), messageEn: t.en(params) };
}

/**
 * 计分问题与提示在复核中的严重程度。Severity in a review of the scorer's issues and warnings: issues are errors;
 * warnings are warnings, except a few that are data errors of the form (errors) or notes for the evaluator (notices).
 */
export function severityOfIssue(code: IssueCode, isWarning: boolean): FindingSeverity {
  if (!isWarning) return 'error';
  if (code === 'budget-rows-mismatch') return 'error';
  if (code === 'review-over-completion' || code === 'default-tier-score') return 'notice';
  return 'warning';
}
