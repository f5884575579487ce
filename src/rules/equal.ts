import { abs, clamp, cmp, div, isZero, mul, ONE, sub, ZERO } from '../decimal/decimal.js';
import type { EqualRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { showValue, isRate, type CompileContext, type Scorer } from './scorer.js';

/** 等于型：目标为 0 时实际 ≤ 0 得满分；否则偏差在容差内得满分，不然按 实际 ÷ 目标 计。 */
export function compileEqual(rule: EqualRule, ctx: CompileContext): Scorer {
  const actual = compileExpr(rule.actual);
  const target = compileExpr(rule.target);
  const tolerance = rule.tolerance === undefined ? ZERO : constant(rule.tolerance);
  const rate = isRate(rule.actual, ctx);
  return (env, t, weight) => {
    const a = actual.evaluate(env, t);
    const g = target.evaluate(env, t);
    if (a === undefined || g === undefined) return undefined;
    const detail = `实际 ${showValue(a, actual, rate, env)}，目标 = ${showValue(g, target, rate, env)}`;
    if (isZero(g)) return { score: cmp(a, ZERO) <= 0 ? weight : ZERO, detail };
    if (cmp(abs(sub(a, g)), tolerance) <= 0) return { score: weight, detail };
    return { score: mul(weight, clamp(div(a, g), ZERO, ONE)), detail };
  };
}
