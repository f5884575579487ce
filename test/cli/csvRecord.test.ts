import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCells, plainCsvRecord } from '../../src/cli/csvRecord.js';
import { runs } from '../properties/helpers.js';

/** What csv-parse makes of a record's text with `jixiao batch`'s options: its records, or its error message. */
function csvParse(text: string, bom = false): string[][] | string {
  try {
    return parse(text, { bom, relax_column_count: true, record_delimiter: '\n' }) as string[][];
  } catch (e) {
    return (e as Error).message;
  }
}

/** Texts of every shape: the characters that matter to CSV, and some that do not. */
const anyText = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', ' ', '\n', '\r', '中', '\uFEFF', '1', '.'), minLength: 1, maxLength: 30 });

/** A cell's value, with the characters that need quoting now and then. */
const value = fc.string({ unit: fc.constantFrom('a', '9', '.', ',', '"', ' ', '\n', '\r', '中', '{', ':'), maxLength: 8 });

/** A well-formed record: its cells, and its text (each cell quoted when it must be, and now and then when it need not). */
const record = fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 6 }).map((cells) => ({
  cells: cells.map(([v]) => v),
  text: cells.map(([v, quote]) => (quote || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','),
}));

describe('CSV records cut directly (jixiao batch)', () => {
  it('cuts a record only into the cells csv-parse reads, for texts of every shape', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cut = plainCsvRecord(text);
        if (cut !== undefined) expect([cut]).toEqual(csvParse(text));
        // csvCells gives csv-parse's cells, or its message when the text is not CSV.
        const read = csvParse(text);
        const cells = csvCells(text);
        expect(cells).toEqual(typeof read === 'string' ? read : (read[0] ?? []));
      }),
      runs(3000),
    );
  });

  it('cuts every well-formed record itself, into the cells written (csv-parse reads the same)', () => {
    fc.assert(
      fc.property(record, ({ cells, text }) => {
        // A record of one empty cell is a blank line, which the reader skips before it gets here.
        fc.pre(text !== '');
        expect(plainCsvRecord(text)).toEqual(cells);
        expect(csvParse(text)).toEqual([cells]);
      }),
      runs(3000),
    );
  });

  it('leaves to csv-parse what is not plain CSV: text after a closing quote, a quote inside a cell, a quote never closed, a byte-order mark', () => {
    for (const text of ['"a"b,c', 'a"b,c', '"a,b', 'a,"b""', '"a" ,b']) {
      expect(plainCsvRecord(text)).toBeUndefined();
      expect(typeof csvCells(text)).toBe('string');
    }
    expect(plainCsvRecord('a\rb')).toBeUndefined();
    expect(csvCells('\uFEFFid,x', true)).toEqual(['id', 'x']);
    expect(csvCells('\uFEFFid,x')).toEqual(['\uFEFFid', 'x']);
    expect(plainCsvRecord('"a ""b""",,"c\nd"')).toEqual(['a "b"', '', 'c\nd']);
    expect(csvCells('')).toEqual([]);
    expect(csvParse('')).toEqual([]);
  });
});
