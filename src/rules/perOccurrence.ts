import { cmp, max, mul, sub, ZERO, isNegative } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { PerOccurrenceRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { formatNumber } from './format.js';
import type { CompileContext, Scorer } from './scorer.js';

/** 按次扣分：每发生一次扣 p 分，扣完为止。 */
export function compilePerOccurrence(rule: PerOccurrenceRule, _ctx: CompileContext): Scorer {
  const count = compileExpr(rule.count);
  const points = constant(rule.points);
  return (env, t, weight) => {
    const n = count.evaluate(env, t);
    if (n === undefined) return undefined;
    if (isNegative(n)) {
      t.issues.push(makeIssue('negative-amount', t.path, { name: t.name, value: formatNumber(n) }));
      return undefined;
    }
    const deduction = mul(n, points);
    t.values.deduction = formatNumber(deduction);
    return { score: max(ZERO, sub(weight, deduction)), detail: `发生 ${formatNumber(n)} 次，每次扣 ${formatNumber(points)} 分${cmp(deduction, weight) > 0 ? '，扣完为止' : ''}` };
  };
}
