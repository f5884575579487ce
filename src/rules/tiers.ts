import * as z from 'zod/mini';
import { clampWith } from '../calc/calculator.js';
import { cmp, ONE, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { numSchema } from '../expr/schema.js';
import type { Num } from '../expr/types.js';
import { noteRead } from '../expr/trace.js';
import { ruleInvalid, type RuleModule } from './RuleModule.js';

/**
 * 定性档次。A qualitative tier: the closed range [min, max] of the weight, as fractions. Neighbouring tiers share
 * their boundary (0.8 of the weight fits 达成 and 部分达成 alike): the evaluator's choice of tier decides.
 */
export interface Tier {
  /** 标识（输入中用它选择档次）。Id, used by the input to choose the tier. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 下限（占分值比例）。Lower end, as a fraction of the weight. */
  readonly min: Num;
  /** 上限（占分值比例）。Upper end, as a fraction of the weight. */
  readonly max: Num;
}

/** 定性分档：评价人选择档次并在档次范围内打分。Qualitative tiers; the evaluator picks a tier and a score in it. */
export interface TiersRule {
  /** 规则类型：定性分档。Rule kind: `tiers`. */
  readonly kind: 'tiers';
  /** `tier` 类型输入的名称，缺省为指标 id。Input name (type `tier`), default the indicator id. */
  readonly input?: string;
  /** 档次（至少一个，相邻档次首尾相接）。Tiers, at least one, meeting end to end. */
  readonly tiers: readonly Tier[];
}

/** 定性分档的结果。Outcome of a tiers rule. */
export interface TiersOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'tiers';
  /** 所选档次 id。The tier chosen. */
  readonly tier: string;
  /** 评价人给出的分数。The score given. */
  readonly given: N;
  /** 采用的分数（档内）。The score used, inside the tier. */
  readonly used: N;
  /** 档次下限（分）：分值 × 档次的 min。Lower end of the tier in points: the weight × the tier's `min`. */
  readonly min: N;
  /** 档次上限（分）：分值 × 档次的 max。Upper end of the tier in points: the weight × the tier's `max`. */
  readonly max: N;
}

interface Params {
  readonly input: string;
  readonly tiers: readonly { readonly id: string; readonly name: string; readonly lo: Dec; readonly hi: Dec }[];
}

/** The `tiers` rule kind. */
export const tiers: RuleModule<TiersRule, Params> = {
  kind: 'tiers',
  schema: z.strictObject({
    kind: z.literal('tiers'),
    input: z.optional(z.string()),
    tiers: z.array(z.strictObject({ id: z.string(), name: z.string(), min: numSchema, max: numSchema })),
  }),
  namedInputs: (rule, leafId) => [{ name: rule.input ?? leafId, type: 'tier' }],
  parse(rule, ctx, path) {
    if (rule.tiers.length === 0) return ruleInvalid(ctx, [...path, 'tiers'], 'empty-list', { field: 'tiers' });
    const ids = new Set<string>();
    let ok = true;
    const parsed = rule.tiers.map((tier, i) => {
      if (ids.has(tier.id)) {
        ctx.report('duplicate-id', [...path, 'tiers', i, 'id'], { id: tier.id });
        ok = false;
      }
      ids.add(tier.id);
      const lo = ctx.num(tier.min, [...path, 'tiers', i, 'min']);
      const hi = ctx.num(tier.max, [...path, 'tiers', i, 'max']);
      if (lo === undefined || hi === undefined) return undefined;
      if (cmp(lo, ZERO) < 0 || cmp(hi, ONE) > 0 || cmp(lo, hi) > 0) {
        ctx.report('tiers-invalid', [...path, 'tiers', i], { tier: tier.name, min: toPlain(lo), max: toPlain(hi) });
        return undefined;
      }
      return { id: tier.id, name: tier.name, lo, hi };
    });
    if (!parsed.every((x) => x !== undefined)) return undefined;
    const ranges = [...(parsed as { id: string; name: string; lo: Dec; hi: Dec }[])].sort((a, b) => cmp(a.lo, b.lo));
    for (let k = 1; k < ranges.length; k++) {
      const [a, b] = [ranges[k - 1], ranges[k]];
      if (a === undefined || b === undefined || cmp(a.hi, b.lo) === 0) continue;
      ctx.report(cmp(a.hi, b.lo) > 0 ? 'tiers-overlap' : 'tiers-gap', [...path, 'tiers'], { a: a.name, b: b.name });
      ok = false;
    }
    return ok ? { input: rule.input ?? ctx.leafId, tiers: parsed as Params['tiers'] } : undefined;
  },
  compile(p, { calc: c, slot }) {
    const at = slot(p.input);
    const list = p.tiers.map((x) => ({ id: x.id, name: x.name, lo: c.from(x.lo), hi: c.from(x.hi) }));
    return (env, t, weight) => {
      const given = env.tiers[at];
      if (!noteRead(env, t, p.input, at, given !== undefined) || given === undefined) return undefined;
      const tier = list.find((x) => x.id === given.tier);
      if (tier === undefined) t.invalid.push({ code: 'unknown-tier', path: ['values', p.input, 'tier'], data: { tier: given.tier } });
      if (given.score === undefined) t.invalid.push({ code: 'missing-field', path: ['values', p.input, 'score'], data: { key: 'score' } });
      if (tier === undefined || given.score === undefined) return undefined;
      const min = c.mul(weight, tier.lo);
      const max = c.mul(weight, tier.hi);
      const used = clampWith(c, given.score, min, max);
      if (c.cmp(used, given.score) !== 0) t.warnings.push({ code: 'tier-score-clamped', data: { value: given.score, tier: tier.name, min, max, used } });
      if (t.facts) t.outcome = { kind: 'tiers', tier: tier.id, given: given.score, used, min, max };
      return used;
    };
  },
};
