/**
 * 问题代码（稳定，可用于程序判断）。Stable issue codes. See docs/errors.md for each code's meaning.
 */
export const ISSUE_CODES = [
  // 结构 structure
  'invalid-type',
  'missing-field',
  'unknown-key',
  'invalid-number',
  'number-out-of-range',
  'too-deep',
  'too-large',
  'unknown-kind',
  // 指标体系 framework
  'duplicate-id',
  'weight-sum-mismatch',
  'total-mismatch',
  'negative-weight',
  'branch-with-rule',
  'leaf-without-rule',
  'bands-overlap',
  'bands-gap',
  'band-invalid',
  'points-exceed-weight',
  'tiers-invalid',
  'tiers-overlap',
  'tiers-gap',
  'checklist-points-mismatch',
  'duplicate-check-id',
  'piecewise-invalid',
  'rule-invalid',
  'grade-scale-gap',
  'grade-scale-overlap',
  'grade-scale-invalid',
  'unknown-input',
  'input-type-mismatch',
  'unknown-node',
  'invalid-option',
  // 评价输入 evaluation inputs
  'invalid-input',
  'unexpected-percent',
  'invalid-boolean',
  'unknown-tier',
  'unknown-check',
  'score-out-of-range',
  'score-off-step',
  'division-by-zero',
  'value-outside-bands',
  'negative-amount',
  'unknown-indicator',
  // 自评表 self-evaluation forms
  'unreadable-target',
  'unreadable-actual',
  'actual-not-numeric',
  'actual-not-qualitative',
  'missing-actual',
  'unit-mismatch',
  'template-mismatch',
  'unknown-preset',
  // 表格导入 spreadsheet import (jixiao/xlsx)
  'sheet-unreadable',
  'sheet-cell-unmapped',
  // 批量 batch
  'malformed-record',
  'row-length-mismatch',
  // 提示 warnings
  'review-over-completion',
  'tier-score-clamped',
  'adjustment-capped',
  'missing-input',
  'implausible-actual',
  'suspect-target',
  'default-tier-score',
  'budget-rows-mismatch',
  'budget-over-execution',
  // 内部错误 internal
  'internal-error',
] as const;

/** 问题代码。An issue code. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Codes that only self-evaluations, spreadsheets and batches raise (their messages are not in the core's catalogue). Internal. */
export type FormIssueCode = 'unreadable-target' | 'unreadable-actual' | 'actual-not-numeric' | 'actual-not-qualitative' | 'missing-actual' | 'unit-mismatch' | 'template-mismatch' | 'unknown-preset' | 'sheet-unreadable' | 'sheet-cell-unmapped' | 'malformed-record' | 'implausible-actual' | 'suspect-target' | 'default-tier-score' | 'budget-rows-mismatch' | 'budget-over-execution';

/** Codes the core (frameworks and evaluations) raises. Internal. */
export type CoreIssueCode = Exclude<IssueCode, FormIssueCode>;
