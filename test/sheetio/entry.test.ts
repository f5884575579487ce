import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import configs from '../../tsup.config.js';

/*
 * exceljs stays out of the core. The library build of tsup.config.ts (the core, jixiao/presets and jixiao/xlsx, with
 * their shared chunks) is run into a scratch directory (ESM, no declarations): dist/xlsx.js imports exceljs and does
 * not inline it, and neither the core entry nor any chunk it loads mentions exceljs or csv-parse.
 */

const library = (Array.isArray(configs) ? configs : [configs])[0] as Options;
let out = '';

/** The bare imports of a built file and of the chunks it loads, followed transitively. */
function importsOf(entry: string): { files: string[]; bare: Set<string> } {
  const files = [entry];
  const bare = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const code = readFileSync(join(out, files[i] as string), 'utf8');
    for (const [, spec] of code.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)) {
      if ((spec as string).startsWith('./')) {
        if (!files.includes((spec as string).slice(2))) files.push((spec as string).slice(2));
      } else bare.add(spec as string);
    }
  }
  return { files, bare };
}

describe('jixiao/xlsx is a separate entry; the core never loads exceljs', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
    // config: false, or tsup would also load tsup.config.ts itself and build the CLI's configuration into this one.
    await build({ ...library, config: false, format: ['esm'], dts: false, clean: false, outDir: out, silent: true });
  }, 120_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('tsup.config.ts builds jixiao/xlsx with the core', () => {
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.js', 'presets.js', 'xlsx.js']));
  });

  it('dist/xlsx.js imports exceljs and csv-parse, and inlines neither', () => {
    const { files, bare } = importsOf('xlsx.js');
    expect(bare).toEqual(new Set(['exceljs', 'csv-parse/sync', 'decimal.js-light', 'zod/mini']));
    const code = files.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    // ExcelJS's own source would bring its class names and its zip writer along.
    expect(code).not.toMatch(/WorkbookWriter|class Workbook|JSZip|archiver/);
    expect(readFileSync(join(out, 'xlsx.js'), 'utf8').length).toBeLessThan(60_000);
  });

  it('the core (dist/index.js with its chunks) and jixiao/presets never mention exceljs', () => {
    for (const entry of ['index.js', 'presets.js']) {
      const { files, bare } = importsOf(entry);
      expect(bare, entry).toEqual(new Set(['decimal.js-light', 'zod/mini']));
      for (const f of files) expect(readFileSync(join(out, f), 'utf8'), f).not.toMatch(/exceljs|csv-parse/);
    }
  });
});
