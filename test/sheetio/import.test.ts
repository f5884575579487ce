import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreSelfEvaluation, type SelfEvaluation } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { exportSelfEvaluationCsv, exportSelfEvaluationXlsx, importSelfEvaluation, type ImportResult } from '../../src/xlsx.js';
import { encodeGbk } from './gbk.js';

/*
 * jixiao/xlsx reads forms laid out as printed. The fixtures (test/sheetio/fixtures/chizhou-2022.*) are the 池州 2022
 * form built by hand by scripts/make-xlsx-fixture.ts — merged 一级 / 二级 cells, a 绩效指标 column merged down, the "/"
 * row, the 其中 rows, a title with the year, a total row — and must read as examples/chizhou-2022/self-evaluation.yaml.
 */

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const example = (dir: string): SelfEvaluation =>
  parse(readFileSync(new URL(`../../examples/${dir}/self-evaluation.yaml`, import.meta.url), 'utf8')) as SelfEvaluation;
const chizhou = example('chizhou-2022');

const templateOf = (id: string) => {
  const p = getPreset(id);
  if (p?.kind !== 'template') throw new Error(id);
  return p.template;
};

/** The document of a successful import. */
function docOf(result: ImportResult): SelfEvaluation {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return result.value;
}

/** Warnings as "cell code". */
const warned = (result: ImportResult): string[] => result.warnings.map((w) => `${w.path.join('.')} ${w.code}`);

describe('the 池州 2022 form, as a real XLSX and as CSV', () => {
  it('XLSX: merged 一级 / 二级 filled down, the "/" row kept, 其中 rows, year from the title → the example document', async () => {
    const result = await importSelfEvaluation(fixture('chizhou-2022.xlsx'));
    expect(docOf(result)).toEqual(chizhou);
    expect(result.warnings).toEqual([]);
  });

  it('the fixture is laid out as the form: merged cells, a 绩效指标 column before 一级指标 (columns found by headings)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixture('chizhou-2022.xlsx') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('B12').value).toBe('一级指标');
    expect(ws.getCell('B15').master.address).toBe('B13');
    expect(ws.getCell('C15').master.address).toBe('C14');
    expect(ws.getCell('D19').value).toBe('/');
    expect(ws.getCell('B7').value).toBe('其中：当年财政拨款');
    expect(ws.getCell('A24').value).toBe('总分');
  });

  it.each([
    ['UTF-8', 'chizhou-2022.csv', {}],
    ['UTF-8 with BOM', 'chizhou-2022.bom.csv', {}],
    ['GBK (detected)', 'chizhou-2022.gbk.csv', {}],
    ['GBK (encoding: gbk)', 'chizhou-2022.gbk.csv', { encoding: 'gbk' as const }],
    ['UTF-8 (encoding: utf8)', 'chizhou-2022.csv', { encoding: 'utf8' as const }],
  ])('CSV in %s (blank continuation cells filled down) → the example document', async (_, file, options) => {
    const result = await importSelfEvaluation(fixture(file), options);
    expect(docOf(result)).toEqual(chizhou);
    expect(result.warnings).toEqual([]);
  });

  it('CSV given as a string, and as an ArrayBuffer', async () => {
    const text = new TextDecoder().decode(fixture('chizhou-2022.csv'));
    expect(docOf(await importSelfEvaluation(text))).toEqual(chizhou);
    const bytes = fixture('chizhou-2022.bom.csv');
    expect(docOf(await importSelfEvaluation(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer))).toEqual(chizhou);
  });

  it('the committed CSV fixtures are the same text in three encodings', () => {
    const utf8 = new TextDecoder().decode(fixture('chizhou-2022.csv'));
    expect(new TextDecoder('gbk').decode(fixture('chizhou-2022.gbk.csv'))).toBe(utf8);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixture('chizhou-2022.bom.csv'))).toBe(`\uFEFF${utf8}`);
    expect(encodeGbk(utf8)).toEqual(fixture('chizhou-2022.gbk.csv'));
  });

  it('the imported document scores as the YAML does', async () => {
    const doc = docOf(await importSelfEvaluation(fixture('chizhou-2022.xlsx')));
    const template = templateOf('national-project-2020');
    expect(JSON.stringify(scoreSelfEvaluation(doc, template))).toBe(JSON.stringify(scoreSelfEvaluation(chizhou, template)));
  });
});

describe('export → import gives back the document', () => {
  it.each(['chizhou-2022', 'qingshen-2023', 'hubei-two-targets'])('%s (XLSX and CSV)', async (dir) => {
    const doc = example(dir);
    expect(docOf(await importSelfEvaluation(await exportSelfEvaluationXlsx(doc)))).toEqual(doc);
    // CSV has no types: the examples write actuals as text ('50') and amounts as numbers, as CSV reads them back.
    expect(docOf(await importSelfEvaluation(exportSelfEvaluationCsv(doc)))).toEqual(doc);
  });

  it('with a scored sheet: a 自评得分 column of computed values (not formulas), skipped on import', async () => {
    const template = templateOf('national-project-2020');
    const sheet = scoreSelfEvaluation(chizhou, template);
    const bytes = await exportSelfEvaluationXlsx(chizhou, sheet);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const rowOf = (label: string): number => (ws.getColumn(1).values as unknown[]).indexOf(label);
    const top = rowOf('一级指标');
    const heading = ws.getRow(top).values as unknown[];
    const scoreCol = heading.indexOf('自评得分');
    expect(heading.slice(1)).toEqual(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '自评得分', '偏差原因分析及改进措施']);
    const computed = sheet.rows.map((r) => (r.score === null ? null : Number(r.score)));
    expect(computed.filter((s) => s !== null)).toHaveLength(10);
    expect(Array.from({ length: 11 }, (_, i) => ws.getCell(top + 1 + i, scoreCol).value ?? null)).toEqual(computed);
    expect(ws.getCell(top + 1, scoreCol).formula).toBeUndefined();
    // The budget total row (printed 0 / 0 / 0): 分值 10, 执行率 99.97% and the computed 10 from the 其中 row; 得分 blank.
    const budgetRow = ws.getRow(rowOf('项目资金（万元）') + 1).values as unknown[];
    expect(budgetRow.slice(2)).toEqual(['年度资金总额', 0, 0, 0, 10, '99.97%', undefined, 10]);
    // The total row: 分值 100, 得分 blank (not printed), 自评得分 blank (the sheet is incomplete: total null).
    expect((ws.getRow(rowOf('总分')).values as unknown[])[6]).toBe(100);
    expect(docOf(await importSelfEvaluation(bytes))).toEqual(chizhou);
    const csv = exportSelfEvaluationCsv(chizhou, sheet);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,自评得分,偏差原因分析及改进措施');
    expect(docOf(await importSelfEvaluation(csv))).toEqual(chizhou);
  });
});

describe('headings and cells as other forms write them', () => {
  const csv = (lines: readonly string[]): string => lines.join('\n');
  const form = [
    '2023年度项目支出绩效自评表',
    '项目名称：乡村道路养护',
    '主管部门,交通运输局,,实施单位,公路事务中心',
    '年初预算数,调整后预算数,执行数,分值,执行率,得分',
    '',
  ];

  it('variant headings (指标值, 完成值, 权重, 自评得分, 偏差原因), columns in another order, total and grade', async () => {
    const result = await importSelfEvaluation(
      csv([
        ...form,
        '序号,一级指标,二级指标,指标名称,权重,指标值,完成值,自评得分,偏差原因',
        '1,产出指标,数量指标,养护里程,20,≥50公里,52公里,20,',
        '2,,,,,,,,',
        '3,,质量指标,优良率,八分,≥90%,完成,10,资金到位晚',
        '合计,,,,,,,30,',
        '自评等级：优',
      ]),
    );
    const doc = docOf(result);
    expect(doc.project).toEqual({ name: '乡村道路养护', department: '交通运输局', unit: '公路事务中心', year: 2023 });
    expect(doc.rows).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '养护里程', weight: 20, target: '≥50公里', actual: '52公里', claimed: 20 },
      // A word in the 权重 column stays text, for the scorer to report; "完成" is kept as written.
      { level1: '产出指标', level2: '质量指标', name: '优良率', weight: '八分', target: '≥90%', actual: '完成', claimed: 10, reason: '资金到位晚' },
    ]);
    expect(doc.claimedTotal).toBe(30);
    expect(doc.claimedGrade).toBe('优');
    // The 序号 column's numbers belong to no field: each is reported with its cell.
    expect(warned(result)).toEqual(['A7 sheet-cell-unmapped', 'A8 sheet-cell-unmapped', 'A9 sheet-cell-unmapped']);
  });

  it('Sichuan split columns 指标性质 / 指标值 / 度量单位', async () => {
    const doc = docOf(
      await importSelfEvaluation(
        csv(['项目名称,工资性支出', '一级指标,二级指标,三级指标,指标性质,指标值,度量单位,全年实际值,分值', '产出指标,数量指标,发放覆盖率,=,100,%,100,60']),
      ),
    );
    // 指标值 is a number column on Sichuan forms: a plain number reads as a number; 全年实际值 stays text.
    expect(doc.rows).toEqual([{ level1: '产出指标', level2: '数量指标', name: '发放覆盖率', nature: '=', value: 100, unit: '%', actual: '100', weight: 60 }]);
  });

  it('XLSX cells keep their types: a number is a number, a text "8" stays "8", a date reads as 2023-12-31', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('自评');
    ws.addRow(['项目名称', '示例']);
    ws.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    ws.addRow(['产出指标', '时效指标', '完工时间', '12月底前完成', new Date(Date.UTC(2023, 11, 31)), '8', 8]);
    ws.addRow(['效益指标', '社会效益指标', '受益人数', '≥100人', 120, 10, { formula: 'F4', result: 10 }]);
    const doc = docOf(await importSelfEvaluation(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(doc.rows).toEqual([
      { level1: '产出指标', level2: '时效指标', name: '完工时间', target: '12月底前完成', actual: '2023-12-31', weight: '8', claimed: 8 },
      { level1: '效益指标', level2: '社会效益指标', name: '受益人数', target: '≥100人', actual: 120, weight: 10, claimed: 10 },
    ]);
  });

  it('template: the option wins, else the sheet\'s 模板 cell, else national-project-2020', async () => {
    const base = ['项目名称,示例', '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值'];
    expect(docOf(await importSelfEvaluation(csv(base))).template).toBe('national-project-2020');
    expect(docOf(await importSelfEvaluation(csv(base), { template: 'hubei-project-2020' })).template).toBe('hubei-project-2020');
    expect(docOf(await importSelfEvaluation(csv([...base.slice(0, 1), '模板,sichuan-project-2023', ...base.slice(1)]))).template).toBe('sichuan-project-2023');
  });

  it('sheet: by name or index; the first by default', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['填表说明']);
    wb.addWorksheet('自评表').addRow(['项目名称', '第二张']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(docOf(await importSelfEvaluation(bytes, { sheet: '自评表' })).project.name).toBe('第二张');
    expect(docOf(await importSelfEvaluation(bytes, { sheet: 1 })).project.name).toBe('第二张');
    const first = await importSelfEvaluation(bytes);
    expect(first.ok).toBe(false);
    expect(warned(first)).toEqual(['A1 sheet-cell-unmapped']);
    const missing = await importSelfEvaluation(bytes, { sheet: '无此表' });
    expect(missing.ok ? [] : missing.issues.map((i) => [i.code, i.message])).toEqual([['sheet-unreadable', '无法读取表格：工作簿中没有工作表 "无此表"']]);
  });
});

describe('what cannot be read is reported with its cell address', () => {
  it('XLSX: a stray note, an unknown column and an unreadable year, each with its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fixture('chizhou-2022.xlsx') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    ws.getCell('K12').value = '备注';
    ws.getCell('K14').value = '已复核';
    ws.getCell('A27').value = '填表人：张三';
    ws.getCell('A2').value = null;
    ws.getCell('K3').value = '年度';
    ws.getCell('L3').value = '二〇二二';
    const result = await importSelfEvaluation(new Uint8Array(await wb.xlsx.writeBuffer()));
    const { year: _year, ...project } = chizhou.project;
    expect(docOf(result)).toEqual({ ...chizhou, project });
    expect(result.warnings.map((w) => [w.path.join('.'), w.data?.text, w.data?.reason])).toEqual([
      ['L3', '二〇二二', 'the year must be a four-digit whole number'],
      ['K12', '备注', 'not a known column heading'],
      ['K14', '已复核', 'it belongs to no part of the form'],
      ['A27', '填表人：张三', 'it belongs to no part of the form'],
    ].sort((a, b) => order(a[0] as string) - order(b[0] as string)));
    expect(result.warnings.find((w) => w.path[0] === 'K14')?.message).toBe('单元格 K14 的“已复核”未读入（不属于自评表的任何部分），已忽略');
  });

  it('a row without 一级指标 and a form without 项目名称 are issues (ok: false), with the cell where there is one', async () => {
    const result = await importSelfEvaluation('一级指标,二级指标,三级指标\n,数量指标,人数\n');
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['missing-field', 'A2'],
      ['missing-field', 'project.name'],
    ]);
  });

  it('bytes that are neither a workbook nor text, a malformed CSV, and GBK read as UTF-8', async () => {
    const codes = async (data: Uint8Array | string, options = {}) => {
      const r = await importSelfEvaluation(data, options);
      return r.ok ? [] : r.issues.map((i) => `${i.code}: ${i.messageEn}`);
    };
    expect(await codes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual([expect.stringMatching(/^sheet-unreadable: The spreadsheet cannot be read: not an XLSX workbook/)]);
    expect(await codes(new Uint8Array([0xff, 0xfe, 0xfd]))).toEqual(['sheet-unreadable: The spreadsheet cannot be read: not valid UTF-8 / GBK text; the encoding option chooses another']);
    expect(await codes(fixture('chizhou-2022.gbk.csv'), { encoding: 'utf8' })).toEqual(['sheet-unreadable: The spreadsheet cannot be read: not valid UTF-8 / GBK text; the encoding option chooses another']);
    expect(await codes('项目名称,"未闭合\n')).toEqual([expect.stringMatching(/^sheet-unreadable: The spreadsheet cannot be read: malformed CSV/)]);
    expect(await codes('项目名称,x', { format: 'xlsx' })).toEqual([expect.stringMatching(/^sheet-unreadable/)]);
  });
});

/** Sort key of a cell address: row, then column. */
function order(cell: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  return Number(m[2]) * 100 + (m[1] as string).charCodeAt(0);
}
