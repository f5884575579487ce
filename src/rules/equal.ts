import * as z from 'zod/mini';
import { clampWith } from '../calc/calculator.js';
import { isNegative, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import { ruleInvalid, type RuleModule } from './RuleModule.js';

/**
 * 等于型指标。Equality target: target 0 → full if actual ≤ 0 else 0; otherwise full if
 * |actual − target| ≤ tolerance (default 0, the bound included), else w × min(actual ÷ target, 1).
 */
export interface EqualRule {
  /** 规则类型：等于型。Rule kind: `equal`. */
  readonly kind: 'equal';
  /** 实际值。Actual value. */
  readonly actual: Expr;
  /** 目标值。Target value. */
  readonly target: Expr;
  /** 容差（含），缺省 0。Tolerance, bound included; default 0. */
  readonly tolerance?: Num;
  /** 单位（用于说明）。Unit of actual and target, for explanations. */
  readonly unit?: string;
}

/** 等于型的结果。Outcome of an equal rule. */
export interface EqualOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'equal';
  /** 实际值。The actual value. */
  readonly actual: N;
  /** 目标值。The target value. */
  readonly target: N;
  /** 达到目标（在容差内，或目标为 0 时实际 ≤ 0）。The target is met. */
  readonly met: boolean;
  /** 得分占分值的比例。Fraction of the weight awarded. */
  readonly fraction: N;
}

interface Params {
  readonly actual: ParsedExpr;
  readonly target: ParsedExpr;
  readonly tolerance: Dec;
}

/** The `equal` rule kind. */
export const equal: RuleModule<EqualRule, Params> = {
  kind: 'equal',
  schema: z.strictObject({ kind: z.literal('equal'), actual: exprSchema, target: exprSchema, tolerance: z.optional(numSchema), unit: z.optional(z.string()) }),
  parse(rule, ctx, path) {
    const actual = parseExpr(ctx, rule.actual, [...path, 'actual']);
    const target = parseExpr(ctx, rule.target, [...path, 'target']);
    const tolerance = rule.tolerance === undefined ? ZERO : ctx.num(rule.tolerance, [...path, 'tolerance']);
    if (tolerance !== undefined && isNegative(tolerance)) return ruleInvalid(ctx, [...path, 'tolerance'], 'negative', { field: 'tolerance', value: toPlain(tolerance) });
    return actual === undefined || target === undefined || tolerance === undefined ? undefined : { actual, target, tolerance };
  },
  compile(p, { calc: c, expr }) {
    const [actual, target, tolerance] = [expr(p.actual), expr(p.target), c.from(p.tolerance)];
    return (env, t, weight) => {
      const a = actual(env, t);
      const g = target(env, t);
      if (a === undefined || g === undefined) return undefined;
      const met = c.isZero(g) ? c.cmp(a, c.zero) <= 0 : c.cmp(c.abs(c.sub(a, g)), tolerance) <= 0;
      const fraction = met ? c.one : c.isZero(g) ? c.zero : clampWith(c, c.div(a, g), c.zero, c.one);
      if (t.facts) t.outcome = { kind: 'equal', actual: a, target: g, met, fraction };
      return c.mul(weight, fraction);
    };
  },
};
