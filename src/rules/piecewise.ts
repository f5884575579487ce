import * as z from 'zod/mini';
import { cmp, ONE, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { reason, type ReasonId } from '../errors/reasons.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import type { Kernel, RuleCompileContext, RuleModule } from './RuleModule.js';

/**
 * 分段线性（含惩罚系数）。Piecewise linear: points `[x, fraction]` with strictly increasing x, linear between
 * them, constant beyond the ends. `(1 − 10 × r) × w, 0 if r > 0.1` is `[[0, 1], [0.1, 0]]`.
 */
export interface PiecewiseRule {
  /** 规则类型：分段线性。Rule kind: `piecewise`. */
  readonly kind: 'piecewise';
  /** 自变量。The value. */
  readonly value: Expr;
  /** 分段点 [x, 得分比例]，至少两个。Points [x, fraction of the weight], at least two. */
  readonly points: readonly (readonly [Num, Num])[];
  /** 值的单位（用于说明）。Unit of the value, for explanations. */
  readonly unit?: string;
}

/** 分段线性的结果。Outcome of a piecewise rule. */
export interface PiecewiseOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'piecewise';
  /** 自变量的值。The value. */
  readonly value: N;
  /** 得分占分值的比例。Fraction of the weight awarded. */
  readonly fraction: N;
}

interface Params {
  readonly value: ParsedExpr;
  readonly points: readonly (readonly [Dec, Dec])[];
}

/** The `piecewise` rule kind. */
export const piecewise: RuleModule<PiecewiseRule, Params> = {
  kind: 'piecewise',
  schema: z.strictObject({ kind: z.literal('piecewise'), value: exprSchema, points: z.array(z.tuple([numSchema, numSchema])), unit: z.optional(z.string()) }),
  parse(rule, ctx, path) {
    const value = parseExpr(ctx, rule.value, [...path, 'value']);
    const bad = (at: (string | number)[], id: ReasonId, params: { readonly [key: string]: string } = {}): void => ctx.report('piecewise-invalid', at, reason(id, params));
    if (rule.points.length < 2) bad([...path, 'points'], 'too-few', { field: 'points', min: '2' });
    let ok = rule.points.length >= 2;
    let prev: Dec | undefined;
    const points = rule.points.map(([x, f], i): readonly [Dec, Dec] | undefined => {
      const xv = ctx.num(x, [...path, 'points', i, 0]);
      const fv = ctx.num(f, [...path, 'points', i, 1]);
      if (fv !== undefined && (cmp(fv, ZERO) < 0 || cmp(fv, ONE) > 0)) {
        bad([...path, 'points', i, 1], 'fraction-range', { value: toPlain(fv) });
        ok = false;
      }
      if (xv !== undefined && prev !== undefined && cmp(xv, prev) <= 0) {
        bad([...path, 'points', i, 0], 'x-not-increasing');
        ok = false;
      }
      if (xv !== undefined) prev = xv;
      return xv === undefined || fv === undefined ? undefined : [xv, fv];
    });
    if (value === undefined || !ok || !points.every((x) => x !== undefined)) return undefined;
    return { value, points: points as (readonly [Dec, Dec])[] };
  },
  compile<N>(p: Params, { calc: c, expr }: RuleCompileContext<N>): Kernel<N> {
    const value = expr(p.value);
    const pts = p.points.map(([x, f]) => [c.from(x), c.from(f)] as const);
    const [first, last] = [pts[0] as readonly [N, N], pts[pts.length - 1] as readonly [N, N]];
    return (env, t, weight) => {
      const v = value(env, t);
      if (v === undefined) return undefined;
      let fraction = c.cmp(v, first[0]) <= 0 ? first[1] : last[1];
      for (let i = 1; i < pts.length; i++) {
        const [x0, f0] = pts[i - 1] as readonly [N, N];
        const [x1, f1] = pts[i] as readonly [N, N];
        if (c.cmp(v, x0) > 0 && c.cmp(v, x1) <= 0) {
          fraction = c.add(f0, c.mul(c.sub(f1, f0), c.div(c.sub(v, x0), c.sub(x1, x0))));
          break;
        }
      }
      if (t.facts) t.outcome = { kind: 'piecewise', value: v, fraction };
      return c.mul(weight, fraction);
    };
  },
};
