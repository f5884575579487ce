import type { EitherRule } from '../framework/types.js';
import { newTrace } from './env.js';
import type { Scorer } from './scorer.js';

/** 二者择其一：取第一个输入齐全的备选规则。 */
export function compileEither(rule: EitherRule, compile: (r: EitherRule['alternatives'][number]) => Scorer): Scorer {
  const alternatives = rule.alternatives.map(compile);
  return (env, t, weight) => {
    const missing: string[] = [];
    for (const [i, alt] of alternatives.entries()) {
      const scratch = newTrace(t.name, t.path);
      const outcome = alt(env, scratch, weight);
      if (scratch.missing.length > 0 && scratch.issues.length === 0) {
        missing.push(...scratch.missing);
        continue;
      }
      Object.assign(t.inputs, scratch.inputs);
      Object.assign(t.values, scratch.values, { alternative: String(i + 1) });
      t.issues.push(...scratch.issues);
      t.warnings.push(...scratch.warnings);
      return outcome;
    }
    t.missing.push(...missing.filter((m, i) => missing.indexOf(m) === i));
    return undefined;
  };
}
