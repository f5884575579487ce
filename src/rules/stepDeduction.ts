import { ceilInt, cmp, div, floorInt, max, mul, sub, ZERO } from '../decimal/decimal.js';
import type { StepDeductionRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { formatNumber } from './format.js';
import { isRate, showValue, type CompileContext, type Scorer } from './scorer.js';

/** 按步长扣分：每超过（低于）阈值一个步长扣若干分，扣完为止。 */
export function compileStepDeduction(rule: StepDeductionRule, ctx: CompileContext): Scorer {
  const value = compileExpr(rule.value);
  const threshold = constant(rule.threshold);
  const step = constant(rule.step);
  const points = constant(rule.points);
  const rate = isRate(rule.value, ctx);
  return (env, t, weight) => {
    const v = value.evaluate(env, t);
    if (v === undefined) return undefined;
    const excess = rule.direction === 'above' ? sub(v, threshold) : sub(threshold, v);
    const shown = showValue(v, value, rate, env);
    if (cmp(excess, ZERO) <= 0) return { score: weight, detail: `值 ${shown}，未${rule.direction === 'above' ? '超过' : '低于'}阈值` };
    const exact = div(excess, step);
    const steps = rule.steps === 'completed' ? floorInt(exact) : rule.steps === 'started' ? ceilInt(exact) : exact;
    const deduction = mul(steps, points);
    t.values.steps = formatNumber(steps);
    t.values.deduction = formatNumber(deduction);
    return {
      score: max(ZERO, sub(weight, deduction)),
      detail: `值 ${shown}，${rule.direction === 'above' ? '超过' : '低于'}阈值 ${formatNumber(steps)} 个步长，每步扣 ${formatNumber(points)} 分${cmp(deduction, weight) > 0 ? '，扣完为止' : ''}`,
    };
  };
}
