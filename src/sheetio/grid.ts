/**
 * 表格的单元格网格：XLSX 工作表或 CSV 读入后的统一形式。The cell grid a worksheet or a CSV file is read into,
 * so that one reader (read.ts) serves both. Rows and columns count from 0 here; addresses (`C14`) count as a
 * spreadsheet shows them.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { dec, mul, toPlain } from '../calc/decimal.js';
import type { Issue } from '../errors/issue.js';
import { formReason, makeFormIssue } from '../errors/formMessages.js';

/** 单元格的值：数值、文字或空。A cell's value: a number, a text, or nothing. */
export type CellValue = string | number | undefined;

/** 网格中的一个单元格。A cell of the grid. */
export interface GridCell {
  /** 值（合并区域的从属单元格给出主单元格的值）。Its value; a merged cell that is not the master shows the master's. */
  readonly value: CellValue;
  /** 合并区域左上角单元格的行、列（未合并时为自身）。Row and column of its merge master; itself when not merged. */
  readonly master: readonly [row: number, col: number];
}

/** 单元格网格。A grid of cells. */
export interface Grid {
  /** 逐行的单元格。The rows of cells. */
  readonly rows: readonly (readonly GridCell[])[];
  /** 是否来自 CSV（没有类型：数字也是文字）。Whether it came from CSV, where every cell is text. */
  readonly csv: boolean;
  /** 读取单元格时的提示（如没有计算结果的公式）。Warnings about cells met while reading (a formula without a result). */
  readonly notes?: readonly Issue[];
}

/** 单元格地址，如 C14（行列从 0 起）。The address of a cell, such as C14 (row and column from 0). */
export function address(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Text trimmed; a blank cell is no value. */
const clean = (v: CellValue): CellValue => (typeof v === 'string' ? v.trim() || undefined : v);

/** A date as the scorer reads it (2023-12-31), in UTC as ExcelJS gives it. */
const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** A number as Excel shows it: binary noise beyond 15 significant digits dropped (28.499999999999996 → 28.5). */
const shown = (n: number): number => Number(n.toPrecision(15));

/**
 * The value of an ExcelJS cell: rich text joined, a formula's cached result, a date as YYYY-MM-DD, a number as Excel
 * shows it; a number formatted as a percentage is read as the percentage it shows (0.95 in a `0%` cell is "95%").
 */
function cellValue(v: ExcelJS.CellValue, percent: boolean): CellValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    return percent ? `${toPlain(mul(dec(shown(v)), dec(100)))}%` : shown(v);
  }
  if (typeof v === 'string') return clean(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return isoDate(v);
  if ('richText' in v) return clean(v.richText.map((r) => r.text).join(''));
  if ('hyperlink' in v) return clean(v.text);
  if ('error' in v) return v.error;
  return 'result' in v ? cellValue(v.result ?? null, percent) : undefined;
}

/** Whether a cell holds a formula whose result the file does not carry (never calculated and saved). */
const formulaWithoutResult = (v: ExcelJS.CellValue): boolean =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v) && (v as { result?: unknown }).result === undefined;

/**
 * 读取 XLSX 工作簿中的一张表。Reads one worksheet of an XLSX workbook into a grid.
 *
 * @param bytes the workbook
 * @param sheet the sheet's name, or its index from 0; the first sheet by default
 * @returns the grid, or a `sheet-unreadable` issue when the workbook or the sheet cannot be read
 */
export async function gridFromXlsx(bytes: Uint8Array, sheet: string | number | undefined): Promise<Grid | Issue> {
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's `Buffer` type is an ArrayBuffer; JSZip reads any byte array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return makeFormIssue('sheet-unreadable', [], formReason('sheet-not-xlsx', { detail: e instanceof Error ? e.message : String(e) }));
  }
  const ws = typeof sheet === 'string' ? workbook.getWorksheet(sheet) : workbook.worksheets[sheet ?? 0];
  if (ws === undefined) return makeFormIssue('sheet-unreadable', [], formReason('sheet-missing', { sheet: typeof sheet === 'string' ? `"${sheet}"` : `#${String(sheet ?? 0)}` }));
  const rows: GridCell[][] = [];
  const notes: Issue[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const at = cell.master.fullAddress;
      if (cell.master === cell && formulaWithoutResult(cell.value)) {
        const where = address(r - 1, c - 1);
        notes.push(makeFormIssue('sheet-cell-unmapped', [where], { cell: where, text: `=${String((cell.value as { formula?: string }).formula ?? '')}`, ...formReason('cell-formula-no-result') }));
      }
      row.push({ value: cellValue(cell.value, /%/.test(cell.numFmt ?? '')), master: [at.row - 1, at.col - 1] });
    }
    rows.push(row);
  }
  return { rows, csv: false, notes };
}

/**
 * 解码 CSV 文本：BOM 或有效 UTF-8 即 UTF-8，否则按 GBK（同 src/cli/readText.ts）。Decodes CSV bytes: as `encoding` when
 * given; otherwise a UTF-8 byte-order mark or valid UTF-8 is UTF-8, anything else GBK (as src/cli/readText.ts does).
 * Strict: bytes invalid in the encoding are an error, never "�".
 *
 * @returns the text without byte-order mark, or undefined when the bytes are not valid text
 */
export function decodeCsv(bytes: Uint8Array, encoding: 'utf8' | 'gbk' | undefined): string | undefined {
  const tryAs = (label: 'utf-8' | 'gbk'): string | undefined => {
    // 0xFF occurs in no GBK text, but ICU's decoder drops it silently even when fatal.
    if (label === 'gbk' && bytes.includes(0xff)) return undefined;
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  };
  if (encoding !== undefined) return tryAs(encoding === 'utf8' ? 'utf-8' : 'gbk');
  return tryAs('utf-8') ?? tryAs('gbk');
}

/**
 * 读取 CSV 文本为网格（没有合并单元格）。Reads CSV text into a grid; CSV has no merged cells.
 *
 * @returns the grid, or a `sheet-unreadable` issue when the CSV is malformed
 */
export function gridFromCsv(text: string): Grid | Issue {
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    return makeFormIssue('sheet-unreadable', [], formReason('sheet-bad-csv', { detail: e instanceof Error ? e.message : String(e) }));
  }
  const rows = records.map((record, r) => record.map((v, c): GridCell => ({ value: clean(v), master: [r, c] })));
  return { rows, csv: true };
}
