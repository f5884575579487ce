import * as z from 'zod/mini';
import type { Dec } from '../calc/decimal.js';
import { parseCondition } from '../expr/parse.js';
import type { ParsedCondition } from '../expr/parsed.js';
import { conditionSchema, numSchema } from '../expr/schema.js';
import type { Condition, Num } from '../expr/types.js';
import { pointsWithin, type RuleModule } from './RuleModule.js';

/** 是否型/比较型：条件成立得 `points`（缺省满分），否则 `otherwise`（缺省 0）。Binary / comparison. */
export interface BinaryRule {
  /** 规则类型：是否型。Rule kind: `binary`. */
  readonly kind: 'binary';
  /** 条件。The condition. */
  readonly when: Condition;
  /** 成立时得分，缺省满分。Points when it holds; default the weight. */
  readonly points?: Num;
  /** 不成立时得分，缺省 0。Points when it does not; default 0. */
  readonly otherwise?: Num;
}

/** 是否型的结果。Outcome of a binary rule. */
export interface BinaryOutcome {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'binary';
  /** 条件是否成立。Whether the condition held. */
  readonly holds: boolean;
}

interface Params {
  readonly when: ParsedCondition;
  readonly points: Dec | undefined;
  readonly otherwise: Dec | undefined;
}

/** The `binary` rule kind. */
export const binary: RuleModule<BinaryRule, Params> = {
  kind: 'binary',
  schema: z.strictObject({ kind: z.literal('binary'), when: conditionSchema, points: z.optional(numSchema), otherwise: z.optional(numSchema) }),
  parse(rule, ctx, path) {
    const when = parseCondition(ctx, rule.when, [...path, 'when']);
    const points = pointsWithin(ctx, rule.points, ctx.weight, [...path, 'points']);
    const otherwise = pointsWithin(ctx, rule.otherwise, ctx.weight, [...path, 'otherwise']);
    if (when === undefined || points === null || otherwise === null) return undefined;
    return { when, points, otherwise };
  },
  compile(p, { calc: c, condition }) {
    const when = condition(p.when);
    const points = p.points === undefined ? undefined : c.from(p.points);
    const otherwise = p.otherwise === undefined ? c.zero : c.from(p.otherwise);
    return (env, t, weight) => {
      const holds = when(env, t);
      if (holds === undefined) return undefined;
      if (t.facts) t.outcome = { kind: 'binary', holds };
      return holds ? (points ?? weight) : otherwise;
    };
  },
};
