import { abs, cmp, mul, type Dec } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { Band, BandsRule } from '../framework/types.js';
import { compileExpr, constant } from './expr.js';
import { formatNumber, formatPercentExact } from './format.js';
import { isRate, showValue, type CompileContext, type Scorer } from './scorer.js';

/** A band with its bounds parsed; `undefined` bounds are unbounded. */
export interface CompiledBand {
  readonly min: Dec | undefined;
  readonly max: Dec | undefined;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly points: Dec | undefined;
  readonly fraction: Dec | undefined;
  readonly label: string | undefined;
}

/** Parses one band definition (defaults: lower bound inclusive, upper bound exclusive). */
export function compileBand(b: Band): CompiledBand {
  return {
    min: b.min === undefined ? undefined : constant(b.min),
    max: b.max === undefined ? undefined : constant(b.max),
    minInclusive: b.minInclusive ?? true,
    maxInclusive: b.maxInclusive ?? false,
    points: b.points === undefined ? undefined : constant(b.points),
    fraction: b.fraction === undefined ? undefined : constant(b.fraction),
    label: b.label,
  };
}

/** Does the band contain v? */
export function bandContains(b: CompiledBand, v: Dec): boolean {
  if (b.min !== undefined) {
    const c = cmp(v, b.min);
    if (c < 0 || (c === 0 && !b.minInclusive)) return false;
  }
  if (b.max !== undefined) {
    const c = cmp(v, b.max);
    if (c > 0 || (c === 0 && !b.maxInclusive)) return false;
  }
  return true;
}

/** The band as interval text: "[0.1, 0.2)", "(-∞, 0.6)". */
export function bandText(b: CompiledBand, rate = false): string {
  const f = rate ? formatPercentExact : formatNumber;
  const lo = b.min === undefined ? '(-∞' : `${b.minInclusive ? '[' : '('}${f(b.min)}`;
  const hi = b.max === undefined ? '+∞)' : `${f(b.max)}${b.maxInclusive ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

/** 区间计分：值落入哪个区间，得该区间的分数或分值比例。 */
export function compileBands(rule: BandsRule, ctx: CompileContext): Scorer {
  const value = compileExpr(rule.value);
  const bands = rule.bands.map(compileBand);
  const rate = isRate(rule.value, ctx);
  return (env, t, weight) => {
    const raw = value.evaluate(env, t);
    if (raw === undefined) return undefined;
    const v = rule.absolute === true ? abs(raw) : raw;
    const band = bands.find((b) => bandContains(b, v));
    const shown = showValue(raw, value, rate, env);
    if (band === undefined) {
      t.issues.push(makeIssue('value-outside-bands', t.path, { name: t.name, value: formatNumber(raw) }));
      return undefined;
    }
    t.values.band = band.label ?? bandText(band, rate);
    const score = band.points ?? mul(weight, band.fraction ?? constant(0));
    const where = band.label === undefined ? `落在区间 ${bandText(band, rate)}` : `属“${band.label}”档`;
    return { score, detail: `值 ${shown}${rule.absolute === true ? '（取绝对值）' : ''}，${where}` };
  };
}
