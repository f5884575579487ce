import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reviewSelfEvaluation, type Template } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { importSelfEvaluation } from '../../src/sheetio/index.js';

/** A form as Excel users save it: rates as percentage-formatted numbers, scores and the total as formulas. */
async function workbook(withResults: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('自评表');
  const f = (formula: string, result: number) => (withResults ? { formula, result } : { formula });
  const rows: (string | number | null | object)[][] = [
    ['项目支出绩效自评表'],
    ['项目名称', null, '测试项目'],
    ['主管部门', null, '某局', null, null, '实施单位', '某中心'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
    [null, '年度资金总额', 100, 100, 100, 10, 1, 10],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '受益人数', '≥1000人', 950, 30, f('F7/1000*G7', 28.499999999999996)],
    [null, null, '质量指标', '合格率', '≥90%', 0.95, 20, 20],
    [null, '效益指标', '社会效益指标', '效果', '效果明显', '达成预期指标', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', 0.92, 10, 10],
    ['总分', null, null, null, null, null, 100, f('SUM(H5:H10)', 98.49999999999999)],
    ['自评等级', null, null, null, null, null, null, '优'],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  for (const a of ['F8', 'F10', 'G5']) ws.getCell(a).numFmt = '0%';
  ws.mergeCells('B7:B8');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('cells as Excel stores them 单元格', () => {
  it('a percentage-formatted number reads as the percentage shown; a float result as Excel shows it', async () => {
    const r = await importSelfEvaluation(await workbook(true));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const rows = r.value.rows ?? [];
    expect(rows.map((x) => x.actual)).toEqual([950, '95%', '达成预期指标', '92%']);
    expect(rows[0]?.claimed).toBe(28.5);
    expect(r.value.claimedTotal).toBe(98.5);
    // The form is right: its review has no error (a 0.95 read as 0.95% would miss every rate target).
    const review = reviewSelfEvaluation(r.value, (getPreset('national-project-2020') as { template: Template }).template);
    expect(review.ok && review.value.counts.error).toBe(0);
  });

  it('a formula whose result the file does not carry is a warning with its address, never silently dropped', async () => {
    const r = await importSelfEvaluation(await workbook(false));
    expect(r.warnings.map((w) => [w.code, w.path[0]])).toEqual([
      ['sheet-cell-unmapped', 'H7'],
      ['sheet-cell-unmapped', 'H11'],
    ]);
    expect(r.warnings[0]?.message).toContain('=F7/1000*G7');
  });
});
