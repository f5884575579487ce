/** Full-width digits and signs (０-９ ． ％ ， － ＋) to their ASCII forms, spaces removed at both ends. */
export function normalizeText(raw: string): string {
  let out = '';
  for (const ch of raw.trim()) {
    const code = ch.codePointAt(0) ?? 0;
    // U+FF01..U+FF5E mirror ASCII 0x21..0x7E; U+3000 is the ideographic space.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.trim();
}
