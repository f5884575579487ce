import * as z from 'zod/mini';
import { maxWith } from '../calc/calculator.js';
import type { Dec } from '../calc/decimal.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import { positiveNum, type RuleModule } from './RuleModule.js';

/** 按次扣分：w − n × p，扣完为止。Per-occurrence deduction inside an indicator, floor 0. */
export interface PerOccurrenceRule {
  /** 规则类型：按次扣分。Rule kind: `per-occurrence`. */
  readonly kind: 'per-occurrence';
  /** 发生次数（不能为负）。Number of occurrences (not negative). */
  readonly count: Expr;
  /** 每次扣分（> 0）。Points per occurrence (> 0). */
  readonly points: Num;
}

/** 按次扣分的结果。Outcome of a per-occurrence rule. */
export interface PerOccurrenceOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'per-occurrence';
  /** 发生次数（不为负）。Number of occurrences, not negative. */
  readonly count: N;
  /** 每次扣分。Points per occurrence. */
  readonly perOccurrence: N;
  /** 扣分（未封顶）。Points deducted before the floor at 0. */
  readonly deduction: N;
  /** 扣完为止。The deduction reached the weight. */
  readonly exhausted: boolean;
}

interface Params {
  readonly count: ParsedExpr;
  readonly points: Dec;
}

/** The `per-occurrence` rule kind. */
export const perOccurrence: RuleModule<PerOccurrenceRule, Params> = {
  kind: 'per-occurrence',
  schema: z.strictObject({ kind: z.literal('per-occurrence'), count: exprSchema, points: numSchema }),
  parse(rule, ctx, path) {
    const count = parseExpr(ctx, rule.count, [...path, 'count']);
    const points = positiveNum(ctx, rule.points, [...path, 'points'], 'points');
    return count === undefined || points === undefined ? undefined : { count, points };
  },
  compile(p, { calc: c, expr }) {
    const [count, points] = [expr(p.count), c.from(p.points)];
    return (env, t, weight) => {
      const n = count(env, t);
      if (n === undefined) return undefined;
      if (c.cmp(n, c.zero) < 0) {
        t.faults.push({ code: 'negative-amount', data: { value: n } });
        return undefined;
      }
      const deduction = c.mul(n, points);
      if (t.facts) t.outcome = { kind: 'per-occurrence', count: n, perOccurrence: points, deduction, exhausted: c.cmp(deduction, weight) >= 0 };
      return maxWith(c, c.zero, c.sub(weight, deduction));
    };
  },
};
