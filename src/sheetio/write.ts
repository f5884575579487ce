/**
 * 导出：把版式写成 XLSX 工作簿或 CSV 文本。Writes a layout (layout.ts) as an XLSX workbook, with merged cells,
 * borders and bold headings, or as CSV text.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from './grid.js';
import type { Layout } from './layout.js';

const THIN = { style: 'thin' } as const;
/** Column widths, in characters, of the indicator table's fields. */
const WIDTHS: { readonly [field: string]: number } = { level1: 12, level2: 14, name: 22, target: 16, actual: 14, reason: 24 };

/**
 * 写成 XLSX。The layout as an XLSX workbook of one sheet, 绩效自评表.
 *
 * @returns the workbook's bytes
 */
export async function writeXlsx(layout: Layout): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('绩效自评表');
  layout.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (v !== undefined) cell.value = v;
      if (r > 0) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      cell.alignment = { vertical: 'middle', wrapText: true, ...(r === 0 ? { horizontal: 'center' } : {}) };
      if (layout.headings.has(r)) cell.font = r === 0 ? { bold: true, size: 14 } : { bold: true };
    }),
  );
  for (const [top, left, bottom, right] of layout.merges) ws.mergeCells(top + 1, left + 1, bottom + 1, right + 1);
  layout.columns.forEach((f, c) => (ws.getColumn(c + 1).width = WIDTHS[f] ?? 11));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** A CSV field: quoted when it holds a quote, a comma, a line break, or white space at either end. */
function field(v: CellValue): string {
  const s = v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * 写成 CSV（UTF-8，带 BOM，CRLF 换行）。The layout as CSV: UTF-8 with a byte-order mark (so that Excel reads it as
 * UTF-8), CRLF line ends, merged areas flattened (only their first cell holds the value, except 一级 / 二级,
 * which are written on every row).
 */
export function writeCsv(layout: Layout): string {
  return `\uFEFF${layout.rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
