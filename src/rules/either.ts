import * as z from 'zod/mini';
import { newTrace } from '../expr/trace.js';
import { ruleInvalid, type Kernel, type ParsedRule, type RuleCompileContext, type RuleModule } from './RuleModule.js';
import { namedInputs, ruleSchema, type Rule, type RuleOutcome } from './registry.js';

/** 二者择其一：取第一个输入齐全的规则。Either-or: the first alternative whose inputs are all present. */
export interface EitherRule {
  /** 规则类型：二者择其一。Rule kind: `either`. */
  readonly kind: 'either';
  /** 备选规则（按顺序尝试）。Alternatives, tried in order. */
  readonly alternatives: readonly Rule[];
}

/** 二者择其一的结果。Outcome of an either rule. */
export interface EitherOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'either';
  /** 采用的备选规则下标。Index of the alternative used. */
  readonly alternative: number;
  /** 该备选规则的结果。Its outcome. */
  readonly outcome: RuleOutcome<N>;
}

/** The `either` rule kind: an alternative is any rule, so its schema refers (lazily) to the registry's. */
export const either: RuleModule<EitherRule, readonly ParsedRule[]> = {
  kind: 'either',
  schema: z.strictObject({ kind: z.literal('either'), alternatives: z.array(z.lazy(() => ruleSchema)) }),
  namedInputs: (rule, leafId) => rule.alternatives.flatMap((r) => namedInputs(r, leafId)),
  parse(rule, ctx, path) {
    if (rule.alternatives.length === 0) {
      return ruleInvalid(ctx, [...path, 'alternatives'], 'empty-list', { field: 'alternatives' });
    }
    const parsed = rule.alternatives.map((r, i) => ctx.parseRule(r, [...path, 'alternatives', i]));
    return parsed.every((p) => p !== undefined) ? (parsed as ParsedRule[]) : undefined;
  },
  compile<N>(alternatives: readonly ParsedRule[], { compileRule }: RuleCompileContext<N>): Kernel<N> {
    const kernels = alternatives.map(compileRule);
    return (env, t, weight) => {
      const missing: string[] = [];
      for (const [i, kernel] of kernels.entries()) {
        const scratch = newTrace(t.facts);
        const result = kernel(env, scratch, weight);
        // An alternative that lacks inputs (and has nothing else wrong) gives way to the next one.
        if (result === undefined && scratch.missing.length > 0 && scratch.invalid.length === 0 && scratch.faults.length === 0) {
          missing.push(...scratch.missing);
          continue;
        }
        t.read.push(...scratch.read);
        t.missing.push(...scratch.missing);
        t.invalid.push(...scratch.invalid);
        t.faults.push(...scratch.faults);
        t.warnings.push(...scratch.warnings);
        if (result !== undefined && t.facts) t.outcome = { kind: 'either', alternative: i, outcome: scratch.outcome };
        return result;
      }
      for (const m of missing) if (!t.missing.includes(m)) t.missing.push(m);
      return undefined;
    };
  },
};
