/*
 * CSV 记录的快速切分。The cells of a plain CSV record, cut with `indexOf` and `slice`: the common case of `jixiao
 * batch`, where csv-parse, reading a record character by character, took about a third of a CSV batch. Only records
 * whose reading RFC 4180 leaves no doubt about are cut here; csv-parse reads every other one (and reports it when it
 * is not CSV), so a record gets the cells csv-parse gives it either way (test/cli/csvRecord.test.ts checks this
 * against csv-parse). One difference, never met: a lone surrogate (which no decoder makes) is kept here, where
 * csv-parse, encoding the text to UTF-8, reads U+FFFD.
 */

import { parse as parseCsvSync, type Options as CsvOptions } from 'csv-parse/sync';

const QUOTE = 34;
const COMMA = 44;

/**
 * The cells of one CSV record (its lines joined by "\n"), as csv-parse reads it with `jixiao batch`'s options (",",
 * quotes '"', no trimming), when the record is plain: each field either unquoted, with no quote and no line break, or
 * quoted from its first character to a closing quote that a comma or the record's end follows, `""` inside standing
 * for one quote. Undefined for anything else.
 *
 * @param text the record's text
 * @returns its cells, or undefined when csv-parse must read it
 */
export function plainCsvRecord(text: string): string[] | undefined {
  if (text === '') return undefined; // no record at all (csv-parse reads none; the reader skips blank lines)
  if (text.indexOf('"') < 0) return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text.split(',') : undefined;
  const cells: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let cell = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return undefined; // never closed
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        cell += text.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(cell);
      if (i === n) return cells;
      if (text.charCodeAt(i) !== COMMA) return undefined; // text after the closing quote
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      for (let k = i; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === QUOTE || c === 10 || c === 13) return undefined; // a quote inside an unquoted field, or a line break
      }
      cells.push(text.slice(i, end));
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
}

/** csv-parse's options: one record (its lines cut by the reader, quoted line breaks joined by "\n"). */
const csvOptions = (bom: boolean): CsvOptions => ({ bom, relax_column_count: true, record_delimiter: '\n' });

/**
 * The cells of one CSV record: cut directly when it is plain (`plainCsvRecord`), else read by csv-parse. A string is
 * csv-parse's error message when the record is not CSV.
 *
 * @param text the record's text (its lines joined by "\n")
 * @param bom may it start with a byte-order mark (the file's first record)?
 */
export function csvCells(text: string, bom = false): string[] | string {
  const plain = bom && text.charCodeAt(0) === 0xfeff ? undefined : plainCsvRecord(text);
  if (plain !== undefined) return plain;
  try {
    return (parseCsvSync(text, csvOptions(bom)) as string[][])[0] ?? [];
  } catch (e) {
    return (e as Error).message;
  }
}
