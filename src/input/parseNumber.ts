import { dec, div, isDecimalLiteral, toPlain, type Dec } from '../decimal/decimal.js';
import { normalizeText } from './normalizeText.js';

/** Outcome of reading a number written the way documents write it. */
export type ParsedNumber =
  | { readonly ok: true; readonly value: Dec; readonly percent: boolean; readonly written: string }
  | { readonly ok: false };

const HUNDRED = dec(100);

/**
 * Reads `95.47`, `"95.47%"`, `"11,429.51"`, `"１００％"`, `" 3 "`, and `"58.22万元"` when `unit` is `万元`.
 * A trailing percent sign divides by 100 and is reported in `percent`; `written` is the number as the
 * document wrote it, normalised and without the unit ("21.70", "11,429.51", "95.47%"). NaN, Infinity, empty
 * text and anything else are rejected.
 */
export function parseNumber(raw: number | string, unit?: string): ParsedNumber {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false };
    const value = dec(raw);
    return { ok: true, value, percent: false, written: toPlain(value) };
  }
  let text = normalizeText(raw);
  if (unit !== undefined && unit !== '' && text.endsWith(unit)) text = text.slice(0, -unit.length).trim();
  const written = text;
  let percent = false;
  if (text.endsWith('%')) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  // Thousands separators only between digit groups: "11,429.51", not ",5" or "1,,2".
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!isDecimalLiteral(text)) return { ok: false };
  const value = dec(text);
  return { ok: true, value: percent ? div(value, HUNDRED) : value, percent, written };
}
