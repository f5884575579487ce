import * as z from 'zod/mini';
import { clampWith } from '../calc/calculator.js';
import { cmp, toPlain, type Dec } from '../calc/decimal.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import { allParsed, optionalNum, ruleInvalid, type RuleModule } from './RuleModule.js';

/** 比率（正向）：w × min(value, 1)。Ratio, higher is better. */
export interface RatioRule {
  /** 规则类型：比率。Rule kind: `ratio`. */
  readonly kind: 'ratio';
  /** 完成比率（如 执行数 ÷ 预算数）。The achievement ratio, e.g. `{ div: [actual, target] }`. */
  readonly value: Expr;
  /** 低于该比率得 0 分（等于时照常计分）。Below this ratio the score is 0 (at it, the ratio scores as usual). */
  readonly zeroBelow?: Num;
  /** 超过该比率得 0 分（超额完成过多，如四川 1.3；等于时得满分）。Above this ratio the score is 0 (Sichuan 1.3). */
  readonly zeroAbove?: Num;
  /** 超过该比率给出复核提示（如 1.2）。Above this ratio a review notice is raised (e.g. 1.2). */
  readonly reviewAbove?: Num;
}

/** 比率的结果。Outcome of a ratio rule. */
export interface RatioOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'ratio';
  /** 比率。The ratio. */
  readonly value: N;
  /** 因低于 zeroBelow 或超过 zeroAbove 得 0 分。Set when a cut-off gave 0. */
  readonly cut?: 'below' | 'above';
  /** 起作用的界限（zeroBelow 或 zeroAbove）。The cut-off that applied, with `cut`. */
  readonly limit?: N;
  /** 比率超过 1，按满分封顶。The ratio exceeded 1 and the score was capped. */
  readonly capped: boolean;
}

interface Params {
  readonly value: ParsedExpr;
  readonly zeroBelow: Dec | undefined;
  readonly zeroAbove: Dec | undefined;
  readonly reviewAbove: Dec | undefined;
}

/** The `ratio` rule kind. */
export const ratio: RuleModule<RatioRule, Params> = {
  kind: 'ratio',
  schema: z.strictObject({ kind: z.literal('ratio'), value: exprSchema, zeroBelow: z.optional(numSchema), zeroAbove: z.optional(numSchema), reviewAbove: z.optional(numSchema) }),
  parse(rule, ctx, path) {
    const value = parseExpr(ctx, rule.value, [...path, 'value']);
    const zeroBelow = optionalNum(ctx, rule.zeroBelow, [...path, 'zeroBelow']);
    const zeroAbove = optionalNum(ctx, rule.zeroAbove, [...path, 'zeroAbove']);
    const reviewAbove = optionalNum(ctx, rule.reviewAbove, [...path, 'reviewAbove']);
    if (!allParsed(value) || zeroBelow === null || zeroAbove === null || reviewAbove === null) return undefined;
    if (zeroBelow !== undefined && zeroAbove !== undefined && cmp(zeroBelow, zeroAbove) > 0) {
      return ruleInvalid(ctx, [...path, 'zeroBelow'], 'cut-offs-cross', { below: toPlain(zeroBelow), above: toPlain(zeroAbove) });
    }
    return { value: value as ParsedExpr, zeroBelow, zeroAbove, reviewAbove };
  },
  compile(p, { calc: c, expr }) {
    const value = expr(p.value);
    const [zeroBelow, zeroAbove, reviewAbove] = [p.zeroBelow, p.zeroAbove, p.reviewAbove].map((x) => (x === undefined ? undefined : c.from(x)));
    return (env, t, weight) => {
      const v = value(env, t);
      if (v === undefined) return undefined;
      if (reviewAbove !== undefined && c.cmp(v, reviewAbove) > 0) t.warnings.push({ code: 'review-over-completion', data: { value: v, limit: reviewAbove } });
      const capped = c.cmp(v, c.one) > 0;
      if (zeroBelow !== undefined && c.cmp(v, zeroBelow) < 0) {
        if (t.facts) t.outcome = { kind: 'ratio', value: v, cut: 'below', limit: zeroBelow, capped };
        return c.zero;
      }
      if (zeroAbove !== undefined && c.cmp(v, zeroAbove) > 0) {
        if (t.facts) t.outcome = { kind: 'ratio', value: v, cut: 'above', limit: zeroAbove, capped };
        return c.zero;
      }
      if (t.facts) t.outcome = { kind: 'ratio', value: v, capped };
      return c.mul(weight, clampWith(c, v, c.zero, c.one));
    };
  },
};
