import DecimalJs from 'decimal.js-light';
import { roundText } from './decimalText.js';
import type { RoundingMode } from './rounding.js';

/*
 * The only module that imports decimal.js-light (the small build of decimal.js, by the same author: less than half
 * its size). A private clone keeps the host application's global `Decimal.set(...)` from changing our results, and
 * ours from changing theirs. Exponent notation is never used (`toExpNeg` and `toExpPos` at their limits), so that
 * `toFixed()` always gives plain text.
 *
 * 有效数字。Results carry 50 significant digits, rounded half-up, exactly as decimal.js at precision 50 gives them.
 * decimal.js-light truncates its results at its precision instead of rounding them, so it works at 51 digits and
 * a longer result is rounded to 50 here (`fit`). This is exact: 50-digit half-points lie on the 51-digit grid, so
 * the value truncated to 51 digits is at or above a half-point exactly when the true result is.
 */
const DIGITS = 50;
const D = DecimalJs.clone({ precision: DIGITS + 1, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
/** A result of decimal.js-light (truncated at 51 digits) rounded half-up to 50 significant digits. */
const fit = (x: Dec): Dec => (x.sd(false) > DIGITS ? x.toSignificantDigits(DIGITS, DecimalJs.ROUND_HALF_UP) : x);

/** 精确十进制数（不透明）。An exact decimal; opaque outside this folder. */
export type Dec = InstanceType<typeof D>;

const MODES: { readonly [M in RoundingMode]: number } = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceil: DecimalJs.ROUND_CEIL,
};

/** Makes a decimal from a canonical numeric string or a finite number. */
export const dec = (value: string | number): Dec => new D(value);
/** Zero. */
export const ZERO: Dec = dec(0);
/** One. */
export const ONE: Dec = dec(1);
/** a + b. */
export const add = (a: Dec, b: Dec): Dec => fit(a.plus(b));
/** a − b. */
export const sub = (a: Dec, b: Dec): Dec => fit(a.minus(b));
/** a × b. */
export const mul = (a: Dec, b: Dec): Dec => fit(a.times(b));
/** Division; the caller checks for a zero divisor. */
export const div = (a: Dec, b: Dec): Dec => fit(a.dividedBy(b));
/** |a|. */
export const abs = (a: Dec): Dec => a.abs();
/** −a. */
export const neg = (a: Dec): Dec => a.negated();
/** -1, 0 or 1. */
export const cmp = (a: Dec, b: Dec): number => a.comparedTo(b);
/** Is a zero? */
export const isZero = (a: Dec): boolean => a.isZero();
/** Is a below zero (−0 is not)? */
export const isNegative = (a: Dec): boolean => a.isNegative() && !a.isZero();
/** The smaller of a and b. */
export const min = (a: Dec, b: Dec): Dec => (a.lessThan(b) ? a : b);
/** The larger of a and b. */
export const max = (a: Dec, b: Dec): Dec => (a.greaterThan(b) ? a : b);
/** a brought into [lo, hi]. */
export const clamp = (a: Dec, lo: Dec, hi: Dec): Dec => min(max(a, lo), hi);
/** The exact sum of a list. */
export const sum = (xs: readonly Dec[]): Dec => xs.reduce(add, ZERO);
/** Rounds down to an integer. */
export const floorInt = (a: Dec): Dec => a.toDecimalPlaces(0, DecimalJs.ROUND_FLOOR);
/** Rounds up to an integer. */
export const ceilInt = (a: Dec): Dec => a.toDecimalPlaces(0, DecimalJs.ROUND_CEIL);
/** Is a a whole number? */
export const isInteger = (a: Dec): boolean => a.isInteger();
/** Number of decimal places of a. */
export const decimalPlaces = (a: Dec): number => a.decimalPlaces();

/** Rounds to `places` decimals with the named mode (a value with no more places is returned as it is). */
export const round = (a: Dec, places: number, mode: RoundingMode): Dec =>
  a.decimalPlaces() <= places ? a : a.toDecimalPlaces(places, MODES[mode]);

/**
 * Fixed-point string with exactly `places` decimals, rounded with the named mode; a negative value that rounds to
 * zero is shown as zero, never "-0.00". Rounded on the exact text (decimalText.ts), which builds no decimal.
 */
export const toFixed = (a: Dec, places: number, mode: RoundingMode): string => roundText(toPlain(a), places, mode);

/** Exact string without exponent notation (trailing zeros trimmed). */
export const toPlain = (a: Dec): string => {
  const s = a.toFixed();
  return s === '-0' ? '0' : s;
};

/** a as a JS number (display only). */
export const toNumber = (a: Dec): number => a.toNumber();

/** Is `a` a decimal of this module's copy of decimal.js-light (its clones share one prototype)? */
export const isDec = (a: unknown): a is Dec => a instanceof D;

/** 10^n for a whole n. */
export const pow10 = (n: number): Dec => new D(10).pow(n);
