/* Display widths of text tables: CJK and full-width characters take two columns. */

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    w += (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ? 2 : 1;
  }
  return w;
}
/** Pads on the right to a display width. */
export const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
/** Pads on the left to a display width. */
export const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

