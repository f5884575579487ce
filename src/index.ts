/**
 * jixiao（绩效）：预算绩效评价打分引擎。Exact, explainable scoring of Chinese budget performance evaluations.
 * Every public export is named here, values and types alike.
 */

// 指标体系 Frameworks
export { defineFramework, validateFramework } from './framework/defineFramework.js';
export type { Framework } from './framework/defineFramework.js';
export { frameworkInputs } from './framework/frameworkInputs.js';
export type { InputInfo } from './framework/frameworkInputs.js';
export { NATIONAL_GRADES, NATIONAL_TIERS, LEGACY_TIERS } from './framework/constants.js';
export { LIMITS } from './limits.js';
export { NUMBER_LIMITS } from './calc/parseNumber.js';
export type {
  Adjustment,
  BonusItem,
  BranchIndicator,
  DeductionItem,
  EvaluationInputs,
  FrameworkDefinition,
  FrameworkOptions,
  GradeBand,
  Indicator,
  InputDeclaration,
  InputValue,
  LeafIndicator,
  Modifiers,
  NotApplicablePolicy,
  RoundAt,
  Scope,
  TierInput,
  VetoItem,
} from './framework/types.js';
export type { RoundingMode } from './calc/rounding.js';
export type { InputType } from './expr/ParseContext.js';
export type { ComparisonOp, Condition, Expr, Num } from './expr/types.js';

// 计分规则 Rules
export type { Rule, RuleKind } from './rules/registry.js';
import type { RuleOutcome as RuleOutcomeOf } from './rules/registry.js';
/** 规则结果（按 `kind` 区分，精确十进制字符串）。A rule's structured outcome, exact decimal strings. */
export type RuleOutcome = RuleOutcomeOf<string>;
export type { RatioRule } from './rules/ratio.js';
import type { RatioOutcome as RatioOutcomeOf } from './rules/ratio.js';
/** 比率规则的结果（精确十进制字符串）。Outcome of a `ratio` rule. */
export type RatioOutcome = RatioOutcomeOf<string>;
export type { LowerIsBetterRule } from './rules/lowerIsBetter.js';
import type { LowerIsBetterOutcome as LowerIsBetterOutcomeOf } from './rules/lowerIsBetter.js';
/** 反向指标规则的结果（精确十进制字符串）。Outcome of a `lower-is-better` rule. */
export type LowerIsBetterOutcome = LowerIsBetterOutcomeOf<string>;
export type { EqualRule } from './rules/equal.js';
import type { EqualOutcome as EqualOutcomeOf } from './rules/equal.js';
/** 等于型规则的结果（精确十进制字符串）。Outcome of an `equal` rule. */
export type EqualOutcome = EqualOutcomeOf<string>;
export type { Band, BandsRule } from './rules/bands.js';
import type { BandsOutcome as BandsOutcomeOf } from './rules/bands.js';
/** 区间计分规则的结果（精确十进制字符串）。Outcome of a `bands` rule. */
export type BandsOutcome = BandsOutcomeOf<string>;
export type { StepDeductionRule } from './rules/stepDeduction.js';
import type { StepDeductionOutcome as StepDeductionOutcomeOf } from './rules/stepDeduction.js';
/** 按步长扣分规则的结果（精确十进制字符串）。Outcome of a `step-deduction` rule. */
export type StepDeductionOutcome = StepDeductionOutcomeOf<string>;
export type { PiecewiseRule } from './rules/piecewise.js';
import type { PiecewiseOutcome as PiecewiseOutcomeOf } from './rules/piecewise.js';
/** 分段线性规则的结果（精确十进制字符串）。Outcome of a `piecewise` rule. */
export type PiecewiseOutcome = PiecewiseOutcomeOf<string>;
export type { BinaryRule } from './rules/binary.js';
export type { BinaryOutcome } from './rules/binary.js';
export type { Check, ChecklistRule } from './rules/checklist.js';
export type { ChecklistOutcome } from './rules/checklist.js';
export type { Tier, TiersRule } from './rules/tiers.js';
import type { TiersOutcome as TiersOutcomeOf } from './rules/tiers.js';
/** 定性分档规则的结果（精确十进制字符串）。Outcome of a `tiers` rule. */
export type TiersOutcome = TiersOutcomeOf<string>;
export type { CountRatioRule } from './rules/countRatio.js';
import type { CountRatioOutcome as CountRatioOutcomeOf } from './rules/countRatio.js';
/** 个数比率规则的结果（精确十进制字符串）。Outcome of a `count-ratio` rule. */
export type CountRatioOutcome = CountRatioOutcomeOf<string>;
export type { PerOccurrenceRule } from './rules/perOccurrence.js';
import type { PerOccurrenceOutcome as PerOccurrenceOutcomeOf } from './rules/perOccurrence.js';
/** 按次扣分规则的结果（精确十进制字符串）。Outcome of a `per-occurrence` rule. */
export type PerOccurrenceOutcome = PerOccurrenceOutcomeOf<string>;
export type { ManualRule } from './rules/manual.js';
import type { ManualOutcome as ManualOutcomeOf } from './rules/manual.js';
/** 评价人打分规则的结果（精确十进制字符串）。Outcome of a `manual` rule. */
export type ManualOutcome = ManualOutcomeOf<string>;
export type { EitherRule } from './rules/either.js';
import type { EitherOutcome as EitherOutcomeOf } from './rules/either.js';
/** 二者择其一规则的结果（精确十进制字符串）。Outcome of an `either` rule. */
export type EitherOutcome = EitherOutcomeOf<string>;

// 评价 Evaluation
export { evaluate, safeEvaluate } from './evaluate/evaluate.js';
export type { EvaluateOptions } from './evaluate/evaluate.js';
export { findNode } from './evaluate/findNode.js';
export { createScorer } from './fast/scorer.js';
export type { FastResult, Scorer, ScorerNode } from './fast/scorer.js';
export { scoreMany, scoreSelfEvaluations } from './fast/scoreMany.js';
export type { BatchRecord, BatchRecordId, BatchResult, ScoreManyOptions, SelfEvaluationBatchResult } from './fast/scoreMany.js';
export type {
  AdjustmentResult,
  EffectiveOptions,
  GradeResult,
  LostPoint,
  NodeResult,
  NodeStatus,
  ProvisionalResult,
  ScoreSheet,
} from './evaluate/types.js';

// 自评表与模板 Self-evaluation forms and templates
export { scoreSelfEvaluation, safeScoreSelfEvaluation } from './selfEval/scoreSelfEvaluation.js';
export type { BudgetLineResult, SelfEvaluationRowResult, SelfEvaluationSheet } from './selfEval/scoreSelfEvaluation.js';
export { defineTemplate, validateTemplate } from './selfEval/defineTemplate.js';
export type { Template } from './selfEval/defineTemplate.js';
export type { LevelRule, RowRule, SourceRef, TemplateDefinition, TemplateTier } from './selfEval/template.js';
export type { AnnualTarget, BudgetBlock, BudgetRow, ClaimedLevel, ProjectFacts, SelfEvaluation, TargetRow, TemplateOptions, TemplateRef } from './selfEval/types.js';
export { formatTarget, parseActual, parseTarget } from './selfEval/targetText.js';
export type {
  ActualReading,
  ActualTier,
  Comparator,
  DeadlineTarget,
  NumericTarget,
  ParsedActual,
  ParsedTarget,
  QualitativeTarget,
  TargetReading,
} from './selfEval/targetText.js';
export type { RowMode } from './selfEval/build.js';

// 派生 Deriving frameworks
export { extendFramework } from './framework/extendFramework.js';
export type { FrameworkPatch } from './framework/extendFramework.js';

// 展示 Rendering
export { formatScoreTable } from './report/formatScoreTable.js';
export type { FormatOptions } from './report/formatScoreTable.js';
export { formatSelfEvaluationTable } from './report/formatSelfEvaluationTable.js';
export {
  formatScoreSheetCsv,
  formatScoreSheetHtml,
  formatScoreSheetMarkdown,
  formatSelfEvaluationCsv,
  formatSelfEvaluationHtml,
  formatSelfEvaluationMarkdown,
} from './report/formatSheet.js';

// 复核 Review (复核) of submitted forms
export { reviewSelfEvaluation } from './review/reviewSelfEvaluation.js';
export type { SelfEvaluationReview } from './review/reviewSelfEvaluation.js';
export { reviewEvaluation } from './review/reviewEvaluation.js';
export type { ClaimedScores, EvaluationReview } from './review/reviewEvaluation.js';
export type { Finding, FindingCounts, FindingRow, ReviewOutcome } from './review/common.js';
export { FINDING_CODES } from './review/findings.js';
export type { FindingCode, FindingSeverity } from './review/findings.js';
export { formatReviewCsv, formatReviewHtml, formatReviewMarkdown } from './report/formatReview.js';

// 问题 Issues
export { JixiaoError, isJixiaoError } from './errors/JixiaoError.js';
export { ISSUE_CODES } from './errors/codes.js';
export type { IssueCode } from './errors/codes.js';
export type { Issue, Issues, IssuePath } from './errors/issue.js';
export type { Result } from './errors/result.js';
