import { add, cmp, div, mul, sub } from '../decimal/decimal.js';
import type { PiecewiseRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { formatNumber } from './format.js';
import { isRate, showValue, type CompileContext, type Scorer } from './scorer.js';

/** 分段线性：在分段点之间线性插值得分值比例，两端之外取端点值。 */
export function compilePiecewise(rule: PiecewiseRule, ctx: CompileContext): Scorer {
  const value = compileExpr(rule.value);
  const pts = rule.points.map(([x, f]) => [constant(x), constant(f)] as const);
  const rate = isRate(rule.value, ctx);
  return (env, t, weight) => {
    const v = value.evaluate(env, t);
    if (v === undefined) return undefined;
    const first = pts[0];
    const last = pts[pts.length - 1];
    // Validation guarantees at least two points with increasing x.
    if (first === undefined || last === undefined) return undefined;
    let fraction = cmp(v, first[0]) <= 0 ? first[1] : last[1];
    for (let i = 1; i < pts.length; i++) {
      const [x0, f0] = pts[i - 1] ?? first;
      const [x1, f1] = pts[i] ?? last;
      if (cmp(v, x0) > 0 && cmp(v, x1) <= 0) {
        fraction = add(f0, mul(sub(f1, f0), div(sub(v, x0), sub(x1, x0))));
        break;
      }
    }
    t.values.fraction = formatNumber(fraction);
    return { score: mul(weight, fraction), detail: `值 ${showValue(v, value, rate, env)}，得分比例 ${formatNumber(fraction)}` };
  };
}
