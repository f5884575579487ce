import type { BinaryRule } from '../framework/types.js';
import { compileCondition, constant } from './expr.js';
import type { CompileContext, Scorer } from './scorer.js';
import { ZERO } from '../decimal/decimal.js';

/** 是否型/比较型：条件成立得 points（缺省满分），否则 otherwise（缺省 0）。 */
export function compileBinary(rule: BinaryRule, ctx: CompileContext): Scorer {
  const when = compileCondition(rule.when, ctx.labels);
  const points = rule.points === undefined ? undefined : constant(rule.points);
  const otherwise = rule.otherwise === undefined ? ZERO : constant(rule.otherwise);
  return (env, t, weight) => {
    const holds = when.evaluate(env, t);
    if (holds === undefined) return undefined;
    t.values.condition = holds ? '成立' : '不成立';
    return {
      score: holds ? (points ?? weight) : otherwise,
      detail: 'is' in rule.when || holds ? when.text(env) : `${when.text(env)} 不成立`,
    };
  };
}
