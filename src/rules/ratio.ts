import { clamp, cmp, mul, ONE, ZERO } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { RatioRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { formatPercent } from './format.js';
import { showValue, type CompileContext, type Scorer } from './scorer.js';

/** 比率（正向）：w × min(value, 1), with optional zero-below, zero-above and review thresholds. */
export function compileRatio(rule: RatioRule, _ctx: CompileContext): Scorer {
  const value = compileExpr(rule.value);
  const zeroBelow = rule.zeroBelow === undefined ? undefined : constant(rule.zeroBelow);
  const zeroAbove = rule.zeroAbove === undefined ? undefined : constant(rule.zeroAbove);
  const reviewAbove = rule.reviewAbove === undefined ? undefined : constant(rule.reviewAbove);
  return (env, t, weight) => {
    const v = value.evaluate(env, t);
    if (v === undefined) return undefined;
    t.values.ratio = formatPercent(v);
    const shown = showValue(v, value, true, env);
    if (reviewAbove !== undefined && cmp(v, reviewAbove) > 0) {
      t.warnings.push(makeIssue('review-over-completion', t.path, { name: t.name, value: formatPercent(v), limit: formatPercent(reviewAbove) }));
    }
    if (zeroBelow !== undefined && cmp(v, zeroBelow) < 0) {
      return { score: ZERO, detail: `${shown}，低于 ${formatPercent(zeroBelow)}` };
    }
    if (zeroAbove !== undefined && cmp(v, zeroAbove) > 0) {
      return { score: ZERO, detail: `${shown}，超过 ${formatPercent(zeroAbove)}（超额过多）` };
    }
    return { score: mul(weight, clamp(v, ZERO, ONE)), detail: shown };
  };
}
