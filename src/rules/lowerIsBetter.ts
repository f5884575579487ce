import * as z from 'zod/mini';
import { maxWith } from '../calc/calculator.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema } from '../expr/schema.js';
import type { Expr } from '../expr/types.js';
import type { RuleModule } from './RuleModule.js';

/**
 * 反向指标（越低越好）。Lower is better. Actual ≤ target → full marks; a target ≤ 0 that is exceeded → 0; else
 * - `inverse`: w × target ÷ actual (Hubei, Jiangxi, Beijing);
 * - `linear-to-double`: w × (1 − (actual − target) ÷ target), 0 from 2 × target on.
 */
export interface LowerIsBetterRule {
  /** 规则类型：反向指标。Rule kind: `lower-is-better`. */
  readonly kind: 'lower-is-better';
  /** 实际值。Actual value. */
  readonly actual: Expr;
  /** 目标值（上限）。Target (upper limit). */
  readonly target: Expr;
  /** 计分方式。Variant of the formula. */
  readonly variant: 'inverse' | 'linear-to-double';
  /** 实际值与目标值的单位（用于说明，如 "万元"、"%"）。Unit of actual and target, for explanations. */
  readonly unit?: string;
}

/** 反向指标的结果。Outcome of a lower-is-better rule. */
export interface LowerIsBetterOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'lower-is-better';
  /** 实际值。The actual value. */
  readonly actual: N;
  /** 目标值（上限）。The target (upper limit). */
  readonly target: N;
  /** 实际值不高于目标值。Actual ≤ target. */
  readonly met: boolean;
  /** 得分占分值的比例。Fraction of the weight awarded. */
  readonly fraction: N;
}

interface Params {
  readonly actual: ParsedExpr;
  readonly target: ParsedExpr;
  readonly variant: LowerIsBetterRule['variant'];
}

/** The `lower-is-better` rule kind. */
export const lowerIsBetter: RuleModule<LowerIsBetterRule, Params> = {
  kind: 'lower-is-better',
  schema: z.strictObject({
    kind: z.literal('lower-is-better'),
    actual: exprSchema,
    target: exprSchema,
    variant: z.enum(['inverse', 'linear-to-double']),
    unit: z.optional(z.string()),
  }),
  parse(rule, ctx, path) {
    const actual = parseExpr(ctx, rule.actual, [...path, 'actual']);
    const target = parseExpr(ctx, rule.target, [...path, 'target']);
    return actual === undefined || target === undefined ? undefined : { actual, target, variant: rule.variant };
  },
  compile(p, { calc: c, expr }) {
    const [actual, target] = [expr(p.actual), expr(p.target)];
    return (env, t, weight) => {
      const a = actual(env, t);
      const g = target(env, t);
      if (a === undefined || g === undefined) return undefined;
      const met = c.cmp(a, g) <= 0;
      const fraction = met
        ? c.one
        : c.cmp(g, c.zero) <= 0
          ? c.zero
          : p.variant === 'inverse'
            ? c.div(g, a)
            : maxWith(c, c.zero, c.sub(c.one, c.div(c.sub(a, g), g)));
      if (t.facts) t.outcome = { kind: 'lower-is-better', actual: a, target: g, met, fraction };
      return c.mul(weight, fraction);
    };
  },
};
