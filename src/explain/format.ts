import { placesOf, roundText, shiftText, trimText } from '../calc/decimalText.js';
import type { RoundingMode } from '../calc/rounding.js';

/** What formatting needs to know about the sheet: its precision and rounding mode. */
export interface FormatContext {
  readonly precision: number;
  readonly rounding: RoundingMode;
}

/** A score (an exact plain decimal text) at the sheet's precision: "0.40", "92.00". */
export const points = (value: string, f: FormatContext): string => roundText(value, f.precision, f.rounding);

/**
 * A computed value (an exact plain decimal text) shown with its unit: `%` shows a fraction as a percentage with two
 * decimals.
 */
export function quantity(value: string, unit: string | undefined): string {
  if (unit === '%') return `${roundText(shiftText(value, 2), 2, 'half-up')}%`;
  // Computed values may carry many digits (a quotient); four decimals at most, trailing zeros trimmed.
  const plain = trimText(value);
  const shown = placesOf(plain) > 4 ? trimText(roundText(plain, 4, 'half-up')) : plain;
  return unit === undefined || unit === '' ? shown : `${shown} ${unit}`;
}

/** A literal of the definition (a bound, a threshold; an exact plain decimal text) shown exactly with its unit. */
export function literal(value: string, unit: string | undefined): string {
  if (unit === '%') return `${shiftText(value, 2)}%`;
  const plain = trimText(value);
  return unit === undefined || unit === '' ? plain : `${plain} ${unit}`;
}
