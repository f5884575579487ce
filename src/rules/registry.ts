import * as z from 'zod/mini';
import type { InputType } from '../expr/ParseContext.js';
import { bands, type BandsOutcome, type BandsRule } from './bands.js';
import { binary, type BinaryOutcome, type BinaryRule } from './binary.js';
import { checklist, type ChecklistOutcome, type ChecklistRule } from './checklist.js';
import { countRatio, type CountRatioOutcome, type CountRatioRule } from './countRatio.js';
import { either, type EitherOutcome, type EitherRule } from './either.js';
import { equal, type EqualOutcome, type EqualRule } from './equal.js';
import { lowerIsBetter, type LowerIsBetterOutcome, type LowerIsBetterRule } from './lowerIsBetter.js';
import { manual, type ManualOutcome, type ManualRule } from './manual.js';
import { perOccurrence, type PerOccurrenceOutcome, type PerOccurrenceRule } from './perOccurrence.js';
import { piecewise, type PiecewiseOutcome, type PiecewiseRule } from './piecewise.js';
import { ratio, type RatioOutcome, type RatioRule } from './ratio.js';
import type { Kernel, ParsedRule, RuleCompileContext, RuleModule, RuleParseContext } from './RuleModule.js';
import { stepDeduction, type StepDeductionOutcome, type StepDeductionRule } from './stepDeduction.js';
import { tiers, type TiersOutcome, type TiersRule } from './tiers.js';
import type { IssuePath } from '../errors/issue.js';

/** 计分规则（按 `kind` 区分）。A scoring rule, discriminated on `kind`. */
export type Rule =
  | RatioRule
  | LowerIsBetterRule
  | EqualRule
  | BandsRule
  | StepDeductionRule
  | PiecewiseRule
  | BinaryRule
  | ChecklistRule
  | TiersRule
  | CountRatioRule
  | PerOccurrenceRule
  | ManualRule
  | EitherRule;

/** 规则类型名。The `kind` of a rule. */
export type RuleKind = Rule['kind'];

/**
 * 规则结果（按 `kind` 区分）：得分依据的事实，精确十进制字符串。The structured outcome of a rule: the facts its
 * score rests on, as exact decimal strings (type parameter `N` is the internal number type).
 */
export type RuleOutcome<N = string> =
  | RatioOutcome<N>
  | LowerIsBetterOutcome<N>
  | EqualOutcome<N>
  | BandsOutcome<N>
  | StepDeductionOutcome<N>
  | PiecewiseOutcome<N>
  | BinaryOutcome
  | ChecklistOutcome
  | TiersOutcome<N>
  | CountRatioOutcome<N>
  | PerOccurrenceOutcome<N>
  | ManualOutcome<N>
  | EitherOutcome<N>;

type AnyModule = RuleModule<{ readonly kind: string }, unknown>;

/** 全部规则类型（唯一的列表）。Every rule kind, in documentation order: the one list of kinds. */
const RULE_MODULES: readonly AnyModule[] = [
  ratio,
  lowerIsBetter,
  equal,
  bands,
  stepDeduction,
  piecewise,
  binary,
  checklist,
  tiers,
  countRatio,
  perOccurrence,
  manual,
  either,
] as unknown as readonly AnyModule[];

/** Every rule kind name. */
export const RULE_KINDS: readonly RuleKind[] = RULE_MODULES.map((m) => m.kind as RuleKind);

const byKind = new Map(RULE_MODULES.map((m) => [m.kind, m]));

/** Structure of a `Rule`: one variant per module. */
export const ruleSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.discriminatedUnion('kind', RULE_MODULES.map((m) => m.schema) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]]),
);

/** The inputs a rule reads by name (the evaluator's score, tier or checks), nested alternatives included. */
export function namedInputs(rule: Rule, leafId: string): { name: string; type: InputType }[] {
  return [...(byKind.get(rule.kind)?.namedInputs?.(rule, leafId) ?? [])];
}

/** Parses a structurally valid rule with its module. */
export function parseRule(rule: Rule, ctx: Omit<RuleParseContext, 'parseRule'>, path: IssuePath): ParsedRule | undefined {
  const module = byKind.get(rule.kind);
  if (module === undefined) return undefined;
  const full: RuleParseContext = { ...ctx, parseRule: (r, p) => parseRule(r as Rule, ctx, p) };
  const params = module.parse(rule, full, path);
  return params === undefined ? undefined : { kind: rule.kind, params };
}

/** Compiles a parsed rule into its kernel. */
export function compileRule<N>(rule: ParsedRule, ctx: Omit<RuleCompileContext<N>, 'compileRule'>): Kernel<N> {
  const module = byKind.get(rule.kind) as AnyModule;
  const full: RuleCompileContext<N> = { ...ctx, compileRule: (r) => compileRule(r, ctx) };
  return module.compile(rule.params, full);
}
