import { clamp, mul, ONE, ZERO } from '../decimal/decimal.js';
import type { CountRatioRule } from '../framework/types.js';
import { compileExpr } from './expr.js';
import { formatPercent } from './format.js';
import type { Scorer } from './scorer.js';

/** 个数比率：达成数 ÷ 设定数 × w. */
export function compileCountRatio(rule: CountRatioRule): Scorer {
  const met = compileExpr(rule.met);
  const total = compileExpr(rule.total);
  const ratio = compileExpr({ div: [rule.met, rule.total] });
  return (env, t, weight) => {
    const r = ratio.evaluate(env, t);
    if (r === undefined) return undefined;
    t.values.ratio = formatPercent(r);
    return {
      score: mul(weight, clamp(r, ZERO, ONE)),
      detail: `达成 ${met.text(env)} 个 / 共 ${total.text(env)} 个（${formatPercent(r)}）`,
    };
  };
}
