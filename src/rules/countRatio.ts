import * as z from 'zod/mini';
import { clampWith } from '../calc/calculator.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema } from '../expr/schema.js';
import type { Expr } from '../expr/types.js';
import type { RuleModule } from './RuleModule.js';

/** 个数比率：达成数 ÷ 设定数 × w（封顶 1）。Count ratio: met ÷ set × w, capped at 1. */
export interface CountRatioRule {
  /** 规则类型：个数比率。Rule kind: `count-ratio`. */
  readonly kind: 'count-ratio';
  /** 达成个数。Count met. */
  readonly met: Expr;
  /** 设定个数。Count set. */
  readonly total: Expr;
}

/** 个数比率的结果。Outcome of a count-ratio rule. */
export interface CountRatioOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'count-ratio';
  /** 达成个数。Count met. */
  readonly met: N;
  /** 设定个数（不为 0；为 0 时计算出错）。Count set; never 0 here (0 is a `division-by-zero` fault). */
  readonly total: N;
  /** 达成比率（未封顶，可大于 1）。met ÷ total, before the cap at 1. */
  readonly ratio: N;
}

interface Params {
  readonly met: ParsedExpr;
  readonly total: ParsedExpr;
}

/** The `count-ratio` rule kind. */
export const countRatio: RuleModule<CountRatioRule, Params> = {
  kind: 'count-ratio',
  schema: z.strictObject({ kind: z.literal('count-ratio'), met: exprSchema, total: exprSchema }),
  parse(rule, ctx, path) {
    const met = parseExpr(ctx, rule.met, [...path, 'met']);
    const total = parseExpr(ctx, rule.total, [...path, 'total']);
    return met === undefined || total === undefined ? undefined : { met, total };
  },
  compile(p, { calc: c, expr }) {
    const [met, total] = [expr(p.met), expr(p.total)];
    return (env, t, weight) => {
      const m = met(env, t);
      const n = total(env, t);
      if (m === undefined || n === undefined) return undefined;
      if (c.isZero(n)) {
        t.faults.push({ code: 'division-by-zero', data: {} });
        return undefined;
      }
      const ratio = c.div(m, n);
      if (t.facts) t.outcome = { kind: 'count-ratio', met: m, total: n, ratio };
      return c.mul(weight, clampWith(c, ratio, c.zero, c.one));
    };
  },
};
