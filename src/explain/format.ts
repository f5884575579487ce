import { dec, mul, toFixed, toPlain } from '../calc/decimal.js';
import type { RoundingMode } from '../calc/rounding.js';

const HUNDRED = dec(100);

/** What formatting needs to know about the sheet: its precision and rounding mode. */
export interface FormatContext {
  readonly precision: number;
  readonly rounding: RoundingMode;
}

/** A score at the sheet's precision: "0.40", "92.00". */
export const points = (value: string, f: FormatContext): string => toFixed(dec(value), f.precision, f.rounding);

/** A computed (exact) value shown with its unit: `%` shows a fraction as a percentage with two decimals. */
export function quantity(value: string, unit: string | undefined): string {
  const d = dec(value);
  if (unit === '%') return `${toFixed(mul(d, HUNDRED), 2, 'half-up')}%`;
  // Computed values may carry many digits (a quotient); four decimals at most, trailing zeros trimmed.
  const shown = d.decimalPlaces() > 4 ? toPlain(dec(toFixed(d, 4, 'half-up'))) : toPlain(d);
  return unit === undefined || unit === '' ? shown : `${shown} ${unit}`;
}

/** A literal of the definition (a bound, a threshold) shown exactly with its unit. */
export function literal(value: string, unit: string | undefined): string {
  if (unit === '%') return `${toPlain(mul(dec(value), HUNDRED))}%`;
  return unit === undefined || unit === '' ? toPlain(dec(value)) : `${toPlain(dec(value))} ${unit}`;
}
