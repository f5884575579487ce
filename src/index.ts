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
export type { Rule, RuleKind, RuleOutcome } from './rules/registry.js';
export type { RatioRule, RatioOutcome } from './rules/ratio.js';
export type { LowerIsBetterRule, LowerIsBetterOutcome } from './rules/lowerIsBetter.js';
export type { EqualRule, EqualOutcome } from './rules/equal.js';
export type { Band, BandsRule, BandsOutcome } from './rules/bands.js';
export type { StepDeductionRule, StepDeductionOutcome } from './rules/stepDeduction.js';
export type { PiecewiseRule, PiecewiseOutcome } from './rules/piecewise.js';
export type { BinaryRule, BinaryOutcome } from './rules/binary.js';
export type { Check, ChecklistRule, ChecklistOutcome } from './rules/checklist.js';
export type { Tier, TiersRule, TiersOutcome } from './rules/tiers.js';
export type { CountRatioRule, CountRatioOutcome } from './rules/countRatio.js';
export type { PerOccurrenceRule, PerOccurrenceOutcome } from './rules/perOccurrence.js';
export type { ManualRule, ManualOutcome } from './rules/manual.js';
export type { EitherRule, EitherOutcome } from './rules/either.js';

// 评价 Evaluation
export { evaluate, safeEvaluate } from './evaluate/evaluate.js';
export type { EvaluateOptions } from './evaluate/evaluate.js';
export { findNode } from './evaluate/findNode.js';
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

// 展示 Rendering
export { formatScoreTable } from './report/formatScoreTable.js';
export type { FormatOptions } from './report/formatScoreTable.js';

// 问题 Issues
export { JixiaoError, isJixiaoError } from './errors/JixiaoError.js';
export { ISSUE_CODES } from './errors/codes.js';
export type { IssueCode } from './errors/codes.js';
export type { Issue, Issues, IssuePath } from './errors/issue.js';
export type { Result } from './errors/result.js';
