import type { Dec } from '../decimal/decimal.js';
import type { Expr, InputType } from '../framework/types.js';
import type { CompiledExpr } from './expr.js';
import { formatNumber, formatPercent } from './format.js';
import type { Env, Trace } from './env.js';

/** What a rule gives: the raw score against the defined weight, and the reason in Chinese. */
export interface RuleOutcome {
  readonly score: Dec;
  /** Fragment such as "完成率 100.00%（33.58 ÷ 33.58）". */
  readonly detail: string;
}

/** A compiled rule. Undefined means it could not score (missing input, or an issue recorded in the trace). */
export type Scorer = (env: Env, t: Trace, weight: Dec) => RuleOutcome | undefined;

/** What compiling a rule needs to know about the framework. */
export interface CompileContext {
  readonly inputTypes: ReadonlyMap<string, InputType>;
  /** Input name for rules that read an evaluator's input (manual, tiers, checklist): the leaf id by default. */
  readonly leafId: string;
  /** Chinese names of declared inputs, for explanations. */
  readonly labels: ReadonlyMap<string, string>;
}

/** Is this expression a rate (a division, or a percent/fraction input)? Rates are shown as percentages. */
export function isRate(expr: Expr, ctx: CompileContext): boolean {
  if (typeof expr === 'object' && 'div' in expr) return true;
  if (typeof expr === 'object' && 'input' in expr) {
    const type = ctx.inputTypes.get(expr.input);
    return type === 'percent' || type === 'fraction';
  }
  return false;
}

/** Shows a computed value: "100.00%（33.58 ÷ 33.58）", "95.47%", "21.7". */
export function showValue(value: Dec, compiled: CompiledExpr, rate: boolean, env: Env): string {
  const shown = rate ? formatPercent(value) : formatNumber(value);
  return compiled.atomic ? shown : `${shown}（${compiled.text(env)}）`;
}
