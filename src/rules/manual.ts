import * as z from 'zod/mini';
import { cmp, toPlain, type Dec } from '../calc/decimal.js';
import { numSchema } from '../expr/schema.js';
import type { Num } from '../expr/types.js';
import { noteRead } from '../expr/trace.js';
import { positiveNum, ruleInvalid, type RuleModule } from './RuleModule.js';

/** 评价人打分 [0, w]，可限定步长（0.5）。Evaluator's manual score in [0, w], optionally on a step. */
export interface ManualRule {
  /** 规则类型：评价人打分。Rule kind: `manual`. */
  readonly kind: 'manual';
  /** `score` 类型输入的名称，缺省为指标 id。Input name (type `score`), default the indicator id. */
  readonly input?: string;
  /** 步长（分数须为其整数倍）。Step: the score must be a whole multiple of it. */
  readonly step?: Num;
}

/** 评价人打分的结果。Outcome of a manual rule. */
export interface ManualOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'manual';
  /** 评价人给出的分数。The score given. */
  readonly score: N;
}

interface Params {
  readonly input: string;
  readonly step: Dec | undefined;
}

/** The `manual` rule kind. */
export const manual: RuleModule<ManualRule, Params> = {
  kind: 'manual',
  schema: z.strictObject({ kind: z.literal('manual'), input: z.optional(z.string()), step: z.optional(numSchema) }),
  namedInputs: (rule, leafId) => [{ name: rule.input ?? leafId, type: 'score' }],
  parse(rule, ctx, path) {
    const step = rule.step === undefined ? undefined : positiveNum(ctx, rule.step, [...path, 'step'], 'step');
    if (step !== undefined && ctx.weight !== undefined && cmp(step, ctx.weight) > 0) {
      return ruleInvalid(ctx, [...path, 'step'], 'step-above-weight', { step: toPlain(step), weight: toPlain(ctx.weight) });
    }
    return rule.step !== undefined && step === undefined ? undefined : { input: rule.input ?? ctx.leafId, step };
  },
  compile(p, { calc: c, slot }) {
    const at = slot(p.input);
    const step = p.step === undefined ? undefined : c.from(p.step);
    return (env, t, weight) => {
      const score = env.numbers[at];
      if (!noteRead(env, t, p.input, at, score !== undefined) || score === undefined) return undefined;
      const path = ['values', p.input];
      if (c.cmp(score, c.zero) < 0 || c.cmp(score, weight) > 0) {
        t.invalid.push({ code: 'score-out-of-range', path, data: { value: score, min: c.zero, max: weight } });
        return undefined;
      }
      if (step !== undefined && !c.isInteger(c.div(score, step))) {
        t.invalid.push({ code: 'score-off-step', path, data: { value: score, step } });
        return undefined;
      }
      if (t.facts) t.outcome = { kind: 'manual', score };
      return score;
    };
  },
};
