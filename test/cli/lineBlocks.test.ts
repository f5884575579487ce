import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { jsonlBlocks, lineBlocks } from '../../src/cli/batch.js';
import { runs } from '../properties/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-lines-'));

/**
 * The lines readline gives (with crlfDelay Infinity) over a decoding stream: as the batch reader cut them before, except
 * for a file that ends inside a character, where readline over bytes dropped what was left and the decoding stream
 * (like the reader now) gives U+FFFD.
 */
async function readlineLines(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const l of createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity })) out.push(l);
  return out;
}

async function blockLines(path: string): Promise<{ lines: (string | null)[]; bytes: number }> {
  const lines: (string | null)[] = [];
  let bytes = 0;
  for await (const block of lineBlocks(path, 'utf8', (n) => (bytes += n))) lines.push(...block);
  return { lines, bytes };
}

describe('lines read a block at a time (jixiao batch)', () => {
  it('cuts lines as readline does: "\\r\\n", "\\n" and a lone "\\r", across the 64 kB blocks, and a last line without a break', async () => {
    // Text around the first block boundary (65,536 bytes), so that a "\r\n" or a 3-byte character is cut by it.
    const tail = fc.string({ unit: fc.constantFrom('a', '\r', '\n', '中', ' '), maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 65_500, max: 65_540 }), tail, fc.boolean(), async (lead, rest, bom) => {
        const text = `${bom ? '\uFEFF' : ''}${'x'.repeat(lead)}${rest}`;
        const path = join(dir, 'lines.txt');
        writeFileSync(path, text);
        const { lines, bytes } = await blockLines(path);
        expect(lines).toEqual(await readlineLines(path));
        expect(bytes).toBe(Buffer.byteLength(text));
      }),
      runs(60),
    );
  });

  it('searches a line of many blocks once, not once per block (time linear in its length)', async () => {
    // 16 MB in one line, 256 blocks: cut again at every block this took ~10 s. Counted, not timed: the cuts made.
    const path = join(dir, 'long.txt');
    writeFileSync(path, `${'x'.repeat(16 << 20)}\nshort\r\n`);
    const split = vi.spyOn(String.prototype, 'split');
    try {
      const { lines } = await blockLines(path);
      expect(lines.map((l) => l?.length)).toEqual([16 << 20, 5]);
      expect(split.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      split.mockRestore();
    }
  });

  it('reads short files and empty ones', async () => {
    for (const [text, lines] of [['', []], ['a', ['a']], ['a\n', ['a']], ['a\r', ['a']], ['\n\n', ['', '']], ['a\r\nb\rc\n\nd', ['a', 'b', 'c', '', 'd']]] as const) {
      const path = join(dir, 'short.txt');
      writeFileSync(path, text);
      expect((await blockLines(path)).lines).toEqual(lines);
      expect(await readlineLines(path)).toEqual(lines);
    }
    // A "\r\n" cut by the first block (64 kB): one line break, not two.
    const crlf = join(dir, 'crlf.txt');
    writeFileSync(crlf, `${'x'.repeat(65_535)}\r\ny`);
    expect((await blockLines(crlf)).lines).toEqual(['x'.repeat(65_535), 'y']);
    expect(await readlineLines(crlf)).toEqual(['x'.repeat(65_535), 'y']);
    // A file cut inside a character: that line is not text (null, reported on its line), where readline read one
    // replacement character.
    const path = join(dir, 'cut.txt');
    writeFileSync(path, Buffer.concat([Buffer.from('a\n'), Buffer.from('中').subarray(0, 2)]));
    expect(await readlineLines(path)).toEqual(['a', '\uFFFD']);
    expect((await blockLines(path)).lines).toEqual(['a', null]);
  });

  it('decodes strictly: a line not in the encoding is null, and the lines around it are read whole', async () => {
    const path = join(dir, 'bad.txt');
    // "中文" in GBK on the second line of a UTF-8 file, after a "\r\n"; a lone "\r" later.
    writeFileSync(path, Buffer.concat([Buffer.from('第一\r\n'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('\r三\n')]));
    expect((await blockLines(path)).lines).toEqual(['第一', null, '三']);
    const gbk: (string | null)[] = [];
    for (const block of lineBlocks(path, 'gbk', () => undefined)) gbk.push(...block);
    expect(gbk[1]).toBe('中文');
  });
});

describe('JSONL blocks (jixiao batch)', () => {
  it('joins a line of many blocks once, not once per block (time linear in its length)', () => {
    // 16 MB in one line, 256 reads: joining all the pending bytes after each read made ~256 copies of up to 16 MB.
    const path = join(dir, 'long.jsonl');
    writeFileSync(path, `{"x":"${'x'.repeat(16 << 20)}"}\n{}\n`);
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const blocks = [...jsonlBlocks(path, () => undefined)];
      expect(blocks.map((b) => [b.firstLine, b.records])).toEqual([[1, 2]]);
      expect(concat.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      concat.mockRestore();
    }
  });
});
