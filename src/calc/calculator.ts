import * as d from './decimal.js';
import type { Dec } from './decimal.js';
import type { RoundingMode } from './rounding.js';

/**
 * 计算器接口。The arithmetic the rule kernels and the tree scoring use, so that no domain code touches a number
 * type. `N` is the calculator's own value type (opaque to its users). The decimal calculator (decimal.js-light) is the first
 * implementation; a scaled-integer one can be added beside it without touching any kernel.
 *
 * Division is exact to the calculator's working precision (50 significant digits, rounded half-up, for the decimal calculator); rounding to
 * the sheet's precision happens only where `round` is called (see docs/concepts.md, 精度与对账).
 */
export interface Calculator<N> {
  /** Converts a parsed literal or input (an exact decimal) to this calculator's value. */
  readonly from: (value: Dec) => N;
  /** The exact decimal of a value (for the sheet and explanations). */
  readonly toDec: (value: N) => Dec;
  readonly zero: N;
  readonly one: N;
  readonly add: (a: N, b: N) => N;
  readonly sub: (a: N, b: N) => N;
  readonly mul: (a: N, b: N) => N;
  /** a ÷ b; the caller has checked that b is not zero. */
  readonly div: (a: N, b: N) => N;
  readonly neg: (a: N) => N;
  readonly abs: (a: N) => N;
  /** −1, 0 or 1. */
  readonly cmp: (a: N, b: N) => number;
  readonly isZero: (a: N) => boolean;
  /** Whole part, towards −∞. */
  readonly floor: (a: N) => N;
  /** Whole part, towards +∞. */
  readonly ceil: (a: N) => N;
  readonly isInteger: (a: N) => boolean;
  /** Rounds to `places` decimals with the named mode. */
  readonly round: (a: N, places: number, mode: RoundingMode) => N;
  /** Is this value one of this calculator's? */
  readonly is: (value: unknown) => value is N;
}

/**
 * A decimal as comparisons, whole-number tests, floors and ceilings of the decimal calculator see it: snapped to the
 * guard places (see `GUARD_PLACES`), so that 3 × (1 ÷ 3), computed as 0.999…9 (50 digits), is 1 when it is
 * compared with 1, floored, or tested for zero, as it is exactly (and on the fast path, whose fractions are
 * exact). A value with 30 places or fewer (every input and literal) is left as it is.
 */
const sharp = (a: Dec): Dec => d.round(a, GUARD_PLACES, 'half-even');

/**
 * The decimal calculator (a private clone of decimal.js-light, 50 significant digits). Its comparisons, zero and
 * whole-number tests, floors and ceilings take values snapped to the guard places (see `sharp`).
 */
export const decimalCalculator: Calculator<Dec> = {
  from: (v) => v,
  toDec: (v) => v,
  zero: d.ZERO,
  one: d.ONE,
  add: d.add,
  sub: d.sub,
  mul: d.mul,
  div: d.div,
  neg: d.neg,
  abs: d.abs,
  cmp: (a, b) => d.cmp(sharp(a), sharp(b)),
  isZero: (a) => d.isZero(sharp(a)),
  floor: (a) => d.floorInt(sharp(a)),
  ceil: (a) => d.ceilInt(sharp(a)),
  isInteger: (a) => d.isInteger(sharp(a)),
  round: d.round,
  is: d.isDec,
};

/**
 * 保护位数。Quotients carry 50 significant digits, so 3 × (1 ÷ 3) is 0.999…9, not 1. Before a score is rounded
 * to the precision (or kept as the exact score when rounding happens at the total), it is first rounded
 * half-even to `GUARD_PLACES` decimals: a directed mode (`down`, `floor`…) then rounds the true value, never
 * the quotient's last digit. Inputs have at most 20 decimals (NUMBER_LIMITS), far inside the guard.
 */
export const GUARD_PLACES = 30;

/** A computed score snapped to the guard places (see `GUARD_PLACES`). */
export const snap = <N>(c: Calculator<N>, a: N): N => c.round(a, GUARD_PLACES, 'half-even');

/** a brought into [lo, hi] with calculator `c`. */
export function clampWith<N>(c: Calculator<N>, a: N, lo: N, hi: N): N {
  if (c.cmp(a, lo) < 0) return lo;
  return c.cmp(a, hi) > 0 ? hi : a;
}

/** The larger of a and b with calculator `c`. */
export const maxWith = <N>(c: Calculator<N>, a: N, b: N): N => (c.cmp(a, b) >= 0 ? a : b);

/** The smaller of a and b with calculator `c`. */
export const minWith = <N>(c: Calculator<N>, a: N, b: N): N => (c.cmp(a, b) <= 0 ? a : b);

/** The exact sum of a list with calculator `c`. */
export const sumWith = <N>(c: Calculator<N>, xs: readonly N[]): N => xs.reduce(c.add, c.zero);
