import type { RoundingMode } from './rounding.js';

/*
 * 十进制文本运算。Exact operations on plain decimal texts ("-12.345", "0.5", "100"): rounding to a number of places
 * and moving the decimal point. The score sheet shows every value through these, so that showing a value costs a
 * few string operations instead of a decimal.js rounding (which builds new decimals). Each one is exact: it only
 * moves, drops or increments digits.
 */

/** Adds one unit in the last place of a string of digits ("0999" → "1000", "99" → "100"). */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${'0'.repeat(digits.length - i - 1)}`;
}

/** Does `s` hold a digit other than 0 from position `from`? */
function nonZeroFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) !== 48) return true;
  return false;
}

/** Leading zeros of an integer part removed, one kept: "007" → "7", "000" → "0". */
function trimLeading(int: string): string {
  let i = 0;
  while (i < int.length - 1 && int.charCodeAt(i) === 48) i++;
  return i === 0 ? int : int.slice(i);
}

/**
 * 按位数和方式舍入十进制文本。A plain decimal text rounded to exactly `places` decimals with `mode`, as decimal.js
 * `toFixed(places, mode)` gives it, except that a negative value rounding to zero is "0.00", never "-0.00".
 *
 * @param plain a decimal text: an optional "-", digits, and optionally "." and digits (no exponent)
 * @param places decimals to show (0 or more)
 * @param mode the rounding mode
 */
export function roundText(plain: string, places: number, mode: RoundingMode): string {
  // The common case of a score sheet: a non-negative value (its first character a digit, not "-") with no more
  // decimals than asked for and no leading zero ("2.5", "0.25", "10"), only padded with zeros.
  const point = plain.indexOf('.');
  const decimals = point < 0 ? 0 : plain.length - point - 1;
  const lead = plain.charCodeAt(0);
  if (decimals <= places && lead >= 48 && (lead !== 48 || point === 1 || plain.length === 1)) {
    if (decimals === places) return plain;
    return point < 0 ? `${plain}.${'0'.repeat(places)}` : `${plain}${'0'.repeat(places - decimals)}`;
  }
  return roundGeneral(plain, places, mode);
}

/** `roundText` in general: a sign, leading zeros, more decimals than asked for. */
function roundGeneral(plain: string, places: number, mode: RoundingMode): string {
  const negative = plain.charCodeAt(0) === 45;
  const body = negative ? plain.slice(1) : plain;
  const point = body.indexOf('.');
  const int = point < 0 ? body : body.slice(0, point);
  const frac = point < 0 ? '' : body.slice(point + 1);
  let digits: string;
  if (frac.length <= places) digits = int + frac + '0'.repeat(places - frac.length);
  else {
    digits = int + frac.slice(0, places);
    const first = frac.charCodeAt(places) - 48;
    const after = nonZeroFrom(frac, places + 1);
    if (first !== 0 || after) {
      let up: boolean;
      switch (mode) {
        case 'down':
          up = false;
          break;
        case 'up':
          up = true;
          break;
        case 'floor':
          up = negative;
          break;
        case 'ceil':
          up = !negative;
          break;
        case 'half-up':
          up = first >= 5;
          break;
        case 'half-down':
          up = first > 5 || (first === 5 && after);
          break;
        default: {
          const last = digits.length === 0 ? 0 : digits.charCodeAt(digits.length - 1) - 48;
          up = first > 5 || (first === 5 && (after || last % 2 === 1));
        }
      }
      if (up) digits = increment(digits);
    }
  }
  const whole = trimLeading(digits.slice(0, digits.length - places) || '0');
  const text = places === 0 ? whole : `${whole}.${digits.slice(digits.length - places)}`;
  return negative && nonZeroFrom(digits, 0) ? `-${text}` : text;
}

/**
 * 移动小数点。A plain decimal text times 10^k (k may be negative), as a plain text without trailing zeros after the
 * point: shiftText("0.9547", 2) is "95.47", shiftText("95", -2) is "0.95".
 */
export function shiftText(plain: string, k: number): string {
  const negative = plain.charCodeAt(0) === 45;
  const body = negative ? plain.slice(1) : plain;
  const point = body.indexOf('.');
  let digits = point < 0 ? body : body.slice(0, point) + body.slice(point + 1);
  let at = (point < 0 ? body.length : point) + k;
  if (at <= 0) {
    digits = '0'.repeat(1 - at) + digits;
    at = 1;
  } else if (at > digits.length) digits += '0'.repeat(at - digits.length);
  return trimText(`${negative ? '-' : ''}${digits.slice(0, at)}${at < digits.length ? `.${digits.slice(at)}` : ''}`);
}

/** Trailing zeros after the point and leading zeros removed ("012.500" → "12.5", "-0.0" → "0"). */
export function trimText(text: string): string {
  const negative = text.charCodeAt(0) === 45;
  let body = negative ? text.slice(1) : text;
  const point = body.indexOf('.');
  if (point >= 0) {
    let end = body.length;
    while (end > point + 1 && body.charCodeAt(end - 1) === 48) end--;
    body = end === point + 1 ? body.slice(0, point) : body.slice(0, end);
  }
  const p = body.indexOf('.');
  const int = trimLeading(p < 0 ? body : body.slice(0, p));
  body = p < 0 ? int : `${int}${body.slice(p)}`;
  return negative && nonZeroFrom(body.replace('.', ''), 0) ? `-${body}` : body;
}

/** Number of decimals of a plain decimal text without trailing zeros ("1.25" → 2, "3" → 0). */
export const placesOf = (plain: string): number => {
  const point = plain.indexOf('.');
  return point < 0 ? 0 : plain.length - point - 1;
};
