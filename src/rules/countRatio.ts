import { clamp, div, isZero, mul, ONE, ZERO } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { CountRatioRule } from '../framework/types.js';
import { compileExpr } from './expr.js';
import { formatNumber, formatPercent } from './format.js';
import type { CompileContext, Scorer } from './scorer.js';

/** 个数比率：达成数 ÷ 设定数 × w. */
export function compileCountRatio(rule: CountRatioRule, _ctx: CompileContext): Scorer {
  const met = compileExpr(rule.met);
  const total = compileExpr(rule.total);
  return (env, t, weight) => {
    const m = met.evaluate(env, t);
    const n = total.evaluate(env, t);
    if (m === undefined || n === undefined) return undefined;
    if (isZero(n)) {
      t.issues.push(makeIssue('division-by-zero', t.path, { name: t.name }));
      return undefined;
    }
    const r = div(m, n);
    t.values.ratio = formatPercent(r);
    return {
      score: mul(weight, clamp(r, ZERO, ONE)),
      detail: `达成 ${formatNumber(m)} 个 / 共 ${formatNumber(n)} 个（${formatPercent(r)}）`,
    };
  };
}
