import { dec, toPlain, type Dec } from './decimal.js';
import { shiftText } from './decimalText.js';
import { normalizeText } from './normalizeText.js';

/**
 * 数值范围。The numbers jixiao reads: at most `MAX_INTEGER_DIGITS` digits before the decimal point and
 * `MAX_FRACTION_DIGITS` after it (after any exponent is applied), written in at most `MAX_TEXT_LENGTH`
 * characters. Anything larger is refused with `number-out-of-range` before it is expanded, so that a short
 * text such as "1e100000000" cannot exhaust memory.
 */
export const NUMBER_LIMITS = Object.freeze({
  /** 整数部分最多位数（指数展开后，不计前导零）。Most digits before the decimal point, after any exponent, leading zeros not counted. */
  MAX_INTEGER_DIGITS: 18,
  /** 小数部分最多位数（指数展开后，不计末尾零）。Most digits after the decimal point, after any exponent, trailing zeros not counted. */
  MAX_FRACTION_DIGITS: 20,
  /**
   * 数值文本最多字符数（去掉单位、百分号和千位分隔符后）。Longest numeric text in characters, once normalised and
   * stripped of the unit, percent sign and thousands separators; a text over four times as long is refused unread.
   */
  MAX_TEXT_LENGTH: 64
});

/** Outcome of reading a number written the way documents write it. */
export type ParsedNumber =
  | { readonly ok: true; readonly value: Dec; readonly percent: boolean; readonly written: string }
  | { readonly ok: false; readonly reason: 'invalid' | 'out-of-range' };

const LITERAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Checks a plain literal's size from its digits and exponent alone, before any decimal is built. */
export function sizeOf(text: string): 'ok' | 'invalid' | 'out-of-range' {
  const m = LITERAL.exec(text);
  if (m === null) return 'invalid';
  const int = (m[2] ?? '').replace(/^0+/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if ((m[2] ?? '') === '' && (m[3] ?? '') === '') return 'invalid';
  const expText = m[4];
  // An exponent longer than 6 digits is out of range whatever the mantissa (checked before Number()).
  if (expText !== undefined && expText.replace(/^[+-]?0*/, '').length > 6) return int === '' && frac === '' ? 'ok' : 'out-of-range';
  const exp = expText === undefined ? 0 : Number(expText);
  if (int === '' && frac === '') return 'ok';
  const intDigits = int === '' ? 0 : int.length;
  const leadingFracZeros = int === '' ? (m[3] ?? '').length - (m[3] ?? '').replace(/^0+/, '').length : 0;
  const magnitude = int === '' ? -leadingFracZeros + exp : intDigits + exp; // digits before the point
  const fractionDigits = Math.max(0, frac.length - exp);
  if (magnitude > NUMBER_LIMITS.MAX_INTEGER_DIGITS || fractionDigits > NUMBER_LIMITS.MAX_FRACTION_DIGITS) return 'out-of-range';
  return 'ok';
}

/**
 * Is a finite number surely within `NUMBER_LIMITS`, without writing it out? 0, and any |x| in [0.001, 10^15): its
 * shortest text (`String`) is plain, with at most 15 digits before the point (< `MAX_INTEGER_DIGITS`) and at most 2
 * zeros and 17 significant digits after it (< `MAX_FRACTION_DIGITS`). Others are measured on their text (`sizeOf`).
 */
export function withinLimits(x: number): boolean {
  const a = x < 0 ? -x : x;
  return a === 0 || (a >= 0.001 && a < 1e15);
}

/**
 * Reads `95.47`, `"95.47%"`, `"11,429.51"`, `"１００％"`, `"−5"`, `" 3 "`, and `"58.22万元"` when `unit` is
 * `万元` (a unit written in full-width characters matches its ASCII form; a unit `%` is the percent sign). A trailing percent sign divides by 100 and is reported in `percent`; `written` is the number as the
 * document wrote it, normalised and without the unit ("21.70", "11,429.51", "95.47%"). NaN, Infinity, empty
 * text and anything else are rejected; numbers beyond `NUMBER_LIMITS` are refused as out of range.
 */
export function parseNumber(raw: number | string, unit?: string): ParsedNumber {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, reason: 'invalid' };
    if (!withinLimits(raw)) {
      const size = sizeOf(String(raw));
      if (size !== 'ok') return { ok: false, reason: size };
    }
    const value = dec(raw);
    return { ok: true, value, percent: false, written: toPlain(value) };
  }
  if (raw.length > NUMBER_LIMITS.MAX_TEXT_LENGTH * 4) return { ok: false, reason: 'out-of-range' };
  let text = normalizeText(raw);
  // The unit is normalised as the text is ("％" is "%"). A unit that is the percent sign is not stripped as a unit:
  // it is the sign, so "9.5%" of a fraction input declared in % is 0.095, as the input's type says.
  const u = unit === undefined ? '' : normalizeText(unit);
  if (u !== '' && u !== '%' && text.endsWith(u)) text = text.slice(0, -u.length).trim();
  const written = text;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  // Thousands separators only between digit groups: "11,429.51", not ",5" or "1,,2".
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (text.length > NUMBER_LIMITS.MAX_TEXT_LENGTH) return { ok: false, reason: LITERAL.test(text) ? 'out-of-range' : 'invalid' };
  const size = sizeOf(text);
  if (size !== 'ok') return { ok: false, reason: size };
  // A literal of LITERAL's form: a leading "+" is the only part the decimal library does not read.
  const value = dec(text.charCodeAt(0) === 43 ? text.slice(1) : text);
  // "95.47%" is 0.9547: the point moved on the exact text (the value a decimal division by 100 gives).
  return { ok: true, value: percent ? dec(shiftText(toPlain(value), -2)) : value, percent, written };
}
