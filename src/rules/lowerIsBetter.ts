import { cmp, div, isZero, max, mul, ONE, sub, ZERO } from '../decimal/decimal.js';
import type { LowerIsBetterRule } from '../framework/types.js';
import { compileExpr } from './expr.js';
import { showValue, isRate, type CompileContext, type Scorer } from './scorer.js';

/** 反向指标：实际值 ≤ 目标值得满分；否则按 inverse（目标 ÷ 实际）或 linear-to-double（至 2 倍目标线性降为 0）。 */
export function compileLowerIsBetter(rule: LowerIsBetterRule, ctx: CompileContext): Scorer {
  const actual = compileExpr(rule.actual);
  const target = compileExpr(rule.target);
  const rate = isRate(rule.actual, ctx);
  return (env, t, weight) => {
    const a = actual.evaluate(env, t);
    const g = target.evaluate(env, t);
    if (a === undefined || g === undefined) return undefined;
    const detail = `实际 ${showValue(a, actual, rate, env)}，目标 ≤ ${showValue(g, target, rate, env)}`;
    if (cmp(a, g) <= 0) return { score: weight, detail };
    if (cmp(g, ZERO) <= 0) return { score: ZERO, detail };
    const fraction =
      rule.variant === 'inverse' ? div(g, a) : max(ZERO, sub(ONE, div(sub(a, g), g)));
    return { score: isZero(fraction) ? ZERO : mul(weight, fraction), detail };
  };
}
