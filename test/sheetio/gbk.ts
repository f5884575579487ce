/**
 * GBK 编码（测试用）：由 TextDecoder('gbk') 反推。Encodes text as GBK for the tests, by inverting the WHATWG GBK
 * decoder over every two-byte sequence (no iconv needed).
 */
let table: Map<string, readonly [number, number]> | undefined;

function gbkTable(): Map<string, readonly [number, number]> {
  if (table !== undefined) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

/** The text in GBK; throws on a character GBK cannot hold. */
export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = gbkTable().get(ch);
    if (bytes === undefined) throw new Error(`not in GBK: ${ch} (U+${code.toString(16)})`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
