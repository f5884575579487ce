import { clamp, cmp, mul } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { TiersRule } from '../framework/types.js';
import { constant } from './expr.js';
import { formatNumber } from './format.js';
import type { CompileContext, Scorer } from './scorer.js';

/**
 * 定性分档：评价人选档并在档内打分。A score outside the chosen tier is brought to the nearest end of the
 * tier, with a warning, so the sheet stays usable while the form is being filled in.
 */
export function compileTiers(rule: TiersRule, ctx: CompileContext): Scorer {
  const input = rule.input ?? ctx.leafId;
  const tiers = rule.tiers.map((tier) => ({ ...tier, lo: constant(tier.min), hi: constant(tier.max) }));
  return (env, t, weight) => {
    const given = env.tiers.get(input);
    if (given === undefined) {
      t.missing.push(input);
      return undefined;
    }
    const tier = tiers.find((x) => x.id === given.tier);
    if (tier === undefined) {
      t.issues.push(makeIssue('unknown-tier', ['values', input, 'tier'], { tier: given.tier }));
      return undefined;
    }
    const lo = mul(weight, tier.lo);
    const hi = mul(weight, tier.hi);
    const used = clamp(given.score, lo, hi);
    t.inputs[input] = `${tier.name}，${formatNumber(given.score)} 分`;
    t.values.tier = tier.name;
    if (cmp(used, given.score) !== 0) {
      t.warnings.push(
        makeIssue('tier-score-clamped', t.path, {
          name: t.name,
          value: formatNumber(given.score),
          tier: tier.name,
          min: formatNumber(lo),
          max: formatNumber(hi),
          used: formatNumber(used),
        }),
      );
    }
    return { score: used, detail: `评定为“${tier.name}”（${formatNumber(lo)}–${formatNumber(hi)} 分）` };
  };
}
