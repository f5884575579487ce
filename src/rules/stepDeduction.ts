import * as z from 'zod/mini';
import { maxWith } from '../calc/calculator.js';
import type { Dec } from '../calc/decimal.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import { positiveNum, type RuleModule } from './RuleModule.js';

/**
 * 按步长扣分（每超过/低于 X 扣 Y 分，扣完为止）。Linear deduction per step. `steps`: `completed` counts whole
 * steps only (floor), `started` counts a started step as whole (ceil), `proportional` deducts pro rata.
 */
export interface StepDeductionRule {
  /** 规则类型：按步长扣分。Rule kind: `step-deduction`. */
  readonly kind: 'step-deduction';
  /** 被比较的值。The value compared with the threshold. */
  readonly value: Expr;
  /** `above`：超过阈值扣分；`below`：低于阈值扣分。Deduct above or below the threshold. */
  readonly direction: 'above' | 'below';
  /** 阈值（等于阈值不扣分）。Threshold; at the threshold nothing is deducted. */
  readonly threshold: Num;
  /** 步长（> 0）。Step (> 0). */
  readonly step: Num;
  /** 每步扣分（> 0）。Points per step (> 0). */
  readonly points: Num;
  /** 步数计法。How steps are counted. */
  readonly steps: 'completed' | 'started' | 'proportional';
  /** 值与阈值的单位（用于说明）。Unit of the value and threshold, for explanations. */
  readonly unit?: string;
}

/** 按步长扣分的结果。Outcome of a step-deduction rule. */
export interface StepDeductionOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'step-deduction';
  /** 被比较的值。The value compared with the threshold. */
  readonly value: N;
  /** 阈值。The threshold. */
  readonly threshold: N;
  /** 每步扣分。Points per step. */
  readonly perStep: N;
  /** 超出阈值的部分（≤ 0 表示未超出）。How far past the threshold (≤ 0: not past it). */
  readonly excess: N;
  /** 计扣的步数。Steps counted. */
  readonly steps: N;
  /** 扣分（未封顶）。Points deducted before the floor at 0. */
  readonly deduction: N;
  /** 扣完为止。The deduction reached the weight. */
  readonly exhausted: boolean;
}

interface Params {
  readonly value: ParsedExpr;
  readonly direction: StepDeductionRule['direction'];
  readonly threshold: Dec;
  readonly step: Dec;
  readonly points: Dec;
  readonly steps: StepDeductionRule['steps'];
}

/** The `step-deduction` rule kind. */
export const stepDeduction: RuleModule<StepDeductionRule, Params> = {
  kind: 'step-deduction',
  schema: z.strictObject({
    kind: z.literal('step-deduction'),
    value: exprSchema,
    direction: z.enum(['above', 'below']),
    threshold: numSchema,
    step: numSchema,
    points: numSchema,
    steps: z.enum(['completed', 'started', 'proportional']),
    unit: z.optional(z.string()),
  }),
  parse(rule, ctx, path) {
    const value = parseExpr(ctx, rule.value, [...path, 'value']);
    const threshold = ctx.num(rule.threshold, [...path, 'threshold']);
    const step = positiveNum(ctx, rule.step, [...path, 'step'], 'step');
    const points = positiveNum(ctx, rule.points, [...path, 'points'], 'points');
    if (value === undefined || threshold === undefined || step === undefined || points === undefined) return undefined;
    return { value, direction: rule.direction, threshold, step, points, steps: rule.steps };
  },
  compile(p, { calc: c, expr }) {
    const [value, threshold, step, points] = [expr(p.value), c.from(p.threshold), c.from(p.step), c.from(p.points)];
    return (env, t, weight) => {
      const v = value(env, t);
      if (v === undefined) return undefined;
      const excess = p.direction === 'above' ? c.sub(v, threshold) : c.sub(threshold, v);
      if (c.cmp(excess, c.zero) <= 0) {
        if (t.facts) t.outcome = { kind: 'step-deduction', value: v, threshold, perStep: points, excess, steps: c.zero, deduction: c.zero, exhausted: false };
        return weight;
      }
      const exact = c.div(excess, step);
      const steps = p.steps === 'completed' ? c.floor(exact) : p.steps === 'started' ? c.ceil(exact) : exact;
      const deduction = c.mul(steps, points);
      if (t.facts) t.outcome = { kind: 'step-deduction', value: v, threshold, perStep: points, excess, steps, deduction, exhausted: c.cmp(deduction, weight) >= 0 };
      return maxWith(c, c.zero, c.sub(weight, deduction));
    };
  },
};
