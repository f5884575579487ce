import * as z from 'zod/mini';
import { cmp, isNegative, ONE, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import type { IssuePath } from '../errors/issue.js';
import { reason, type ReasonId } from '../errors/reasons.js';
import type { ParseContext } from '../expr/ParseContext.js';
import { parseExpr } from '../expr/parse.js';
import type { ParsedExpr } from '../expr/parsed.js';
import { exprSchema, numSchema } from '../expr/schema.js';
import type { Expr, Num } from '../expr/types.js';
import { optionalNum, ruleInvalid, type RuleModule } from './RuleModule.js';

/** 区间（档次）。One band: an interval with explicit bounds, giving points or a fraction of the weight. */
export interface Band {
  /** 下限（缺省为 −∞）。Lower bound; absent means unbounded. */
  readonly min?: Num;
  /** 上限（缺省为 +∞）。Upper bound; absent means unbounded. */
  readonly max?: Num;
  /** 是否含下限，缺省 true。Lower bound inclusive, default true. */
  readonly minInclusive?: boolean;
  /** 是否含上限，缺省 false。Upper bound inclusive, default false. */
  readonly maxInclusive?: boolean;
  /** 得分（分）。Points awarded (exactly one of `points`, `fraction`). */
  readonly points?: Num;
  /** 得分占分值的比例。Fraction of the weight awarded. */
  readonly fraction?: Num;
  /** 档次名称。Label of the band. */
  readonly label?: string;
}

/** 区间计分（单边或双边 ±）。Step bands, one-sided, or two-sided with `absolute: true` (±10%). */
export interface BandsRule {
  /** 规则类型：区间计分。Rule kind: `bands`. */
  readonly kind: 'bands';
  /** 被分档的值。The value that is banded. */
  readonly value: Expr;
  /** 取绝对值后比较（双边区间）。Compare |value| (two-sided bands). */
  readonly absolute?: boolean;
  /** 区间，不重叠、无空档。Bands, without overlaps or gaps. */
  readonly bands: readonly Band[];
  /** 值与区间边界的单位（用于说明；"%" 表示按百分数显示比例）。Unit of the value and bounds, for explanations. */
  readonly unit?: string;
}

/** 区间计分的结果。Outcome of a bands rule. */
export interface BandsOutcome<N = string> {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'bands';
  /** 值（取绝对值之前）。The value, before any absolute value. */
  readonly value: N;
  /** 落入的区间（在 `bands` 中的下标）。Index of the band the value fell in. */
  readonly band: number;
  /** 该区间的下限（无则为无下界）。Its lower bound, absent when unbounded. */
  readonly min?: N;
  /** 该区间的上限（无则为无上界）。Its upper bound, absent when unbounded. */
  readonly max?: N;
  /** 是否含下限。Lower bound included. */
  readonly minInclusive: boolean;
  /** 是否含上限。Upper bound included. */
  readonly maxInclusive: boolean;
}

/** A band with its literals read. */
export interface ParsedBand {
  readonly min: Dec | undefined;
  readonly max: Dec | undefined;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly points: Dec | undefined;
  readonly fraction: Dec | undefined;
}

interface Params {
  readonly value: ParsedExpr;
  readonly absolute: boolean;
  readonly bands: readonly ParsedBand[];
}

/** Does band `b` contain `v`, compared with `compare`? */
function bandContains<N>(b: { readonly min: N | undefined; readonly max: N | undefined; readonly minInclusive: boolean; readonly maxInclusive: boolean }, v: N, compare: (a: N, b: N) => number): boolean {
  if (b.min !== undefined) {
    const c = compare(v, b.min);
    if (c < 0 || (c === 0 && !b.minInclusive)) return false;
  }
  if (b.max !== undefined) {
    const c = compare(v, b.max);
    if (c > 0 || (c === 0 && !b.maxInclusive)) return false;
  }
  return true;
}

/** A band as interval text for issues: "[0.1, 0.2)", "(-∞, 0.6)". */
function bandText(b: ParsedBand): string {
  const lo = b.min === undefined ? '(-∞' : `${b.minInclusive ? '[' : '('}${toPlain(b.min)}`;
  const hi = b.max === undefined ? '+∞)' : `${toPlain(b.max)}${b.maxInclusive ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

function parseBand(ctx: ParseContext, b: Band, weight: Dec | undefined, path: IssuePath): ParsedBand | undefined {
  const min = optionalNum(ctx, b.min, [...path, 'min']);
  const max = optionalNum(ctx, b.max, [...path, 'max']);
  const points = optionalNum(ctx, b.points, [...path, 'points']);
  const fraction = optionalNum(ctx, b.fraction, [...path, 'fraction']);
  if (min === null || max === null || points === null || fraction === null) return undefined;
  let ok = true;
  const bad = (id: ReasonId, params: { readonly [key: string]: string }, at: IssuePath = path): void => {
    ctx.report('band-invalid', at, reason(id, params));
    ok = false;
  };
  if ((points === undefined) === (fraction === undefined)) bad('points-xor-fraction', {});
  if (points !== undefined && isNegative(points)) bad('negative', { field: 'points', value: toPlain(points) }, [...path, 'points']);
  if (points !== undefined && weight !== undefined && cmp(points, weight) > 0) {
    ctx.report('points-exceed-weight', [...path, 'points'], { points: toPlain(points), weight: toPlain(weight) });
    ok = false;
  }
  if (fraction !== undefined && (cmp(fraction, ZERO) < 0 || cmp(fraction, ONE) > 0)) {
    bad('fraction-range', { value: toPlain(fraction) }, [...path, 'fraction']);
  }
  const band: ParsedBand = { min, max, minInclusive: b.minInclusive ?? true, maxInclusive: b.maxInclusive ?? false, points, fraction };
  if (min !== undefined && max !== undefined) {
    const order = cmp(min, max);
    if (order > 0 || (order === 0 && !(band.minInclusive && band.maxInclusive))) bad('band-empty', { band: bandText(band) });
  }
  return ok ? band : undefined;
}

/** Orders bands by their lower end (−∞ first; at equal bounds the inclusive one first). */
function lowerOrder(a: ParsedBand, b: ParsedBand): number {
  if (a.min === undefined) return b.min === undefined ? 0 : -1;
  if (b.min === undefined) return 1;
  return cmp(a.min, b.min) || (a.minInclusive === b.minInclusive ? 0 : a.minInclusive ? -1 : 1);
}

/** How the band `next` (starting later) meets `prev`. */
function adjacency(prev: ParsedBand, next: ParsedBand): 'ok' | 'gap' | 'overlap' {
  if (prev.max === undefined || next.min === undefined) return 'overlap';
  const c = cmp(prev.max, next.min);
  if (c !== 0) return c < 0 ? 'gap' : 'overlap';
  if (prev.maxInclusive && next.minInclusive) return 'overlap';
  return !prev.maxInclusive && !next.minInclusive ? 'gap' : 'ok';
}

/** Reports overlaps and gaps between bands; true when there are none. */
function checkCoverage(ctx: ParseContext, bands: readonly ParsedBand[], path: IssuePath): boolean {
  const sorted = bands.map((b, i) => ({ b, i })).sort((x, y) => lowerOrder(x.b, y.b));
  let ok = true;
  for (let k = 1; k < sorted.length; k++) {
    const [prev, next] = [sorted[k - 1], sorted[k]];
    if (prev === undefined || next === undefined) continue;
    const relation = adjacency(prev.b, next.b);
    if (relation === 'ok') continue;
    ctx.report(relation === 'gap' ? 'bands-gap' : 'bands-overlap', [...path, 'bands', next.i], { a: bandText(prev.b), b: bandText(next.b) });
    ok = false;
  }
  return ok;
}

const bandSchema = z.strictObject({
  min: z.optional(numSchema),
  max: z.optional(numSchema),
  minInclusive: z.optional(z.boolean()),
  maxInclusive: z.optional(z.boolean()),
  points: z.optional(numSchema),
  fraction: z.optional(numSchema),
  label: z.optional(z.string()),
});

/** The `bands` rule kind. */
export const bands: RuleModule<BandsRule, Params> = {
  kind: 'bands',
  schema: z.strictObject({ kind: z.literal('bands'), value: exprSchema, absolute: z.optional(z.boolean()), bands: z.array(bandSchema), unit: z.optional(z.string()) }),
  parse(rule, ctx, path) {
    const value = parseExpr(ctx, rule.value, [...path, 'value']);
    if (rule.bands.length === 0) return ruleInvalid(ctx, [...path, 'bands'], 'empty-list', { field: 'bands' });
    const parsed = rule.bands.map((b, i) => parseBand(ctx, b, ctx.weight, [...path, 'bands', i]));
    if (!parsed.every((b) => b !== undefined)) return undefined;
    const covered = checkCoverage(ctx, parsed as ParsedBand[], path);
    return value === undefined || !covered ? undefined : { value, absolute: rule.absolute === true, bands: parsed as ParsedBand[] };
  },
  compile(p, { calc: c, expr }) {
    const value = expr(p.value);
    const from = (x: Dec | undefined) => (x === undefined ? undefined : c.from(x));
    const list = p.bands.map((b, index) => {
      const [min, max] = [from(b.min), from(b.max)];
      const { minInclusive, maxInclusive } = b;
      // The outcome's shape per band is fixed: built by a function chosen once, without spreading per record.
      const outcome =
        min === undefined
          ? max === undefined
            ? (value: ReturnType<typeof c.from>) => ({ kind: 'bands', value, band: index, minInclusive, maxInclusive })
            : (value: ReturnType<typeof c.from>) => ({ kind: 'bands', value, band: index, max, minInclusive, maxInclusive })
          : max === undefined
            ? (value: ReturnType<typeof c.from>) => ({ kind: 'bands', value, band: index, min, minInclusive, maxInclusive })
            : (value: ReturnType<typeof c.from>) => ({ kind: 'bands', value, band: index, min, max, minInclusive, maxInclusive });
      return { ...b, min, max, points: from(b.points), fraction: from(b.fraction), outcome };
    });
    return (env, t, weight) => {
      const raw = value(env, t);
      if (raw === undefined) return undefined;
      const v = p.absolute ? c.abs(raw) : raw;
      let band: (typeof list)[number] | undefined;
      for (const b of list) {
        if (bandContains(b, v, c.cmp)) {
          band = b;
          break;
        }
      }
      if (band === undefined) {
        t.faults.push({ code: 'value-outside-bands', data: { value: raw } });
        return undefined;
      }
      if (t.facts) t.outcome = band.outcome(raw);
      return band.points ?? c.mul(weight, band.fraction ?? c.zero);
    };
  },
};
