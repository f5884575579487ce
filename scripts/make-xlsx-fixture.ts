/**
 * 生成测试用的自评表 XLSX / CSV：池州 2022“委托业务项目”，按原表版式手工排出（不经 jixiao 的导出）。Builds the
 * test fixtures by hand, laid out as the printed form (not through jixiao's own export): the 池州 2022 form of
 * examples/chizhou-2022/self-evaluation.yaml, with a title and year line, the header block, the budget block with
 * its 其中 rows, 年度总体目标, a 绩效指标 column merged down the table, merged 一级 / 二级 cells, the "/" row, the
 * total row and 自评等级. The CSV files are that sheet as Excel saves it (a merged area's value in its first cell
 * only), in UTF-8, UTF-8 with BOM, and GBK.
 *
 * Usage: npx tsx scripts/make-xlsx-fixture.ts   (writes test/sheetio/fixtures/chizhou-2022.*)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { encodeGbk } from '../test/sheetio/gbk.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'sheetio', 'fixtures');

type V = string | number | null;
const workbook = new ExcelJS.Workbook();
workbook.created = workbook.modified = new Date(Date.UTC(2023, 0, 1));
const ws = workbook.addWorksheet('项目支出绩效自评表');
const put = (ref: string, v: V, merge?: string): void => {
  ws.getCell(ref).value = v;
  if (merge !== undefined) ws.mergeCells(`${ref}:${merge}`);
};
const row = (r: number, cells: readonly V[], from = 'A'): void =>
  cells.forEach((v, i) => {
    if (v !== null) ws.getCell(`${String.fromCharCode(from.charCodeAt(0) + i)}${r}`).value = v;
  });

// Title and header block.
put('A1', '项目支出绩效自评表', 'I1');
put('A2', '（2022年度）', 'I2');
put('A3', '项目名称', 'B3');
put('C3', '委托业务项目', 'I3');
put('A4', '主管部门', 'B4');
put('C4', null, 'E4');
put('F4', '实施单位');
put('G4', '贵池区棠溪镇', 'I4');

// Budget block: 项目资金（万元） merged down its five rows; the total row printed 0 / 0 / 0 as on the form.
put('A5', '项目资金（万元）', 'A9');
row(5, ['年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'], 'C');
row(6, ['年度资金总额', 0, 0, 0, 10, null, null], 'B');
row(7, ['其中：当年财政拨款', 90, 90, 89.974, '—', null, '—'], 'B');
row(8, ['上年结转资金', null, null, null, '—', null, '—'], 'B');
row(9, ['其他资金', null, null, null, '—', null, '—'], 'B');
ws.mergeCells('H5:I5');
for (const r of [6, 7, 8, 9]) ws.mergeCells(`H${r}:I${r}`);

// 年度总体目标 (blank on the published form).
put('A10', '年度总体目标', 'A11');
put('B10', '预期目标', 'E10');
put('F10', '实际完成情况', 'I10');
put('B11', null, 'E11');
put('F11', null, 'I11');

// Indicator table: 绩效指标 merged down, 一级 and 二级 merged over their rows. Actuals typed as text ("50").
put('A12', '绩效指标', 'A23');
row(12, ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'], 'B');
const rows: readonly V[][] = [
  ['产出指标', '数量指标', '基建工程委托业务项目数量', '≥50个', '50', 8, 8],
  [null, '质量指标', '委托业务报告合格率', '≥100百分比', '100', 8, 8],
  [null, null, '经费支出合规性', '严格执行相关制度规定', '达成预期指标', 8, 8],
  [null, '时效指标', '提交报告及时性', '在项目计划完成时间内完成', '达成预期指标', 8, 8],
  [null, '成本指标', '项目总成本', '≤90万元', '90', 8, 8],
  [null, null, '单项业务成本', '符合相关规定', '达成预期指标', 10, 10],
  ['效益指标', '经济效益指标', '/', '/', '/', null, null],
  [null, '社会效益指标', '社会效益', '效果明显', '达成预期指标', 10, 10],
  [null, '生态效益指标', '生态效益', '效果明显', '达成预期指标', 10, 10],
  [null, '可持续影响指标', '可持续影响', '效果明显', '达成预期指标', 10, 10],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度（原表截断）', null, null, 10, null],
];
rows.forEach((cells, i) => row(13 + i, cells, 'B'));
ws.mergeCells('B13:B18');
ws.mergeCells('C14:C15');
ws.mergeCells('C17:C18');
ws.mergeCells('B19:B22');

// Total (分值 100, 得分 blank: the published form is cut off) and grade.
put('A24', '总分', 'F24');
put('G24', 100);
put('A25', '自评等级', 'B25');
put('C25', null, 'I25');

// Borders and widths, so that it looks like the form.
for (let r = 1; r <= 25; r++) {
  for (let c = 1; c <= 9; c++) {
    const cell = ws.getCell(r, c);
    if (r > 2) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  }
}
[10, 12, 16, 24, 22, 14, 8, 8, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
ws.getCell('A1').font = { bold: true, size: 14 };
ws.getCell('A1').alignment = { horizontal: 'center' };

/** The sheet as Excel saves it as CSV: a merged area's value in its first cell only. */
function asCsv(): string {
  const lines: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const fields: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      const v = cell.master === cell && cell.value !== null && cell.value !== undefined ? String(cell.value) : '';
      fields.push(/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    }
    lines.push(fields.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'chizhou-2022.xlsx'), new Uint8Array(await workbook.xlsx.writeBuffer()));
const csv = asCsv();
writeFileSync(join(OUT, 'chizhou-2022.csv'), csv);
writeFileSync(join(OUT, 'chizhou-2022.bom.csv'), `\uFEFF${csv}`);
writeFileSync(join(OUT, 'chizhou-2022.gbk.csv'), encodeGbk(csv));
console.log(`written: ${OUT}/chizhou-2022.{xlsx,csv,bom.csv,gbk.csv}`);
