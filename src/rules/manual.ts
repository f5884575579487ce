import { cmp, div, isInteger, ZERO } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { ManualRule } from '../framework/types.js';
import { constant } from './expr.js';
import { formatNumber } from './format.js';
import type { CompileContext, Scorer } from './scorer.js';

/** 评价人打分：分数须在 [0, 分值] 内，且为步长的整数倍（如设步长）。 */
export function compileManual(rule: ManualRule, ctx: CompileContext): Scorer {
  const input = rule.input ?? ctx.leafId;
  const step = rule.step === undefined ? undefined : constant(rule.step);
  return (env, t, weight) => {
    const score = env.numbers.get(input);
    if (score === undefined) {
      t.missing.push(input);
      return undefined;
    }
    const path = ['values', input];
    if (cmp(score, ZERO) < 0 || cmp(score, weight) > 0) {
      t.issues.push(makeIssue('score-out-of-range', path, { value: formatNumber(score), min: '0', max: formatNumber(weight) }));
      return undefined;
    }
    if (step !== undefined && !isInteger(div(score, step))) {
      t.issues.push(makeIssue('score-off-step', path, { value: formatNumber(score), step: formatNumber(step) }));
      return undefined;
    }
    t.inputs[input] = formatNumber(score);
    return { score, detail: '评价人打分' };
  };
}
