/**
 * Full-width digits and signs (０-９ ． ％ ， － ＋) and the minus sign U+2212 to their ASCII forms; spaces
 * (ASCII and the ideographic space U+3000) removed at both ends.
 */
export function normalizeText(raw: string): string {
  let out = '';
  for (const ch of raw.trim()) {
    const code = ch.codePointAt(0) ?? 0;
    // U+FF01..U+FF5E mirror ASCII 0x21..0x7E; U+3000 is the ideographic space; U+2212 is the minus sign.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-';
    else out += ch;
  }
  return out.trim();
}
