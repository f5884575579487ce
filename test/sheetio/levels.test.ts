import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reviewSelfEvaluation, scoreSelfEvaluation, type SelfEvaluation, type SelfEvaluationReview } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { exportSelfEvaluationCsv, exportSelfEvaluationXlsx, importSelfEvaluation, type ImportResult } from '../../src/xlsx.js';

/*
 * Level-1 subtotals (`levels`) and annual targets' points and scores, as forms print them: a subtotal row in the
 * indicator table (产出指标 | 小计 | … | 50 | 48, or the level name alone over empty 二级 / 三级 cells), a level written
 * with its points (产出指标（50分）), a 年度绩效目标 line with （40分） and 得分. Export writes subtotal rows, so that
 * export → import gives them back, and a review of the imported form finds what a review of the YAML finds.
 */

const national = (() => {
  const p = getPreset('national-project-2020');
  if (p?.kind !== 'template') throw new Error('no template');
  return p.template;
})();
const sums = parse(readFileSync(new URL('../../examples/review/03-sums.yaml', import.meta.url), 'utf8')) as SelfEvaluation;

function docOf(result: ImportResult): SelfEvaluation {
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return result.value;
}
const warned = (result: ImportResult): string[] => result.warnings.map((w) => `${w.path.join('.')} ${String(w.data?.text)}`);
function findings(doc: SelfEvaluation): string[] {
  const r = reviewSelfEvaluation(doc, national);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return (r.value as SelfEvaluationReview).findings.map((f) => `${f.code} ${f.path.join('.')}`).sort();
}
const xlsx = async (build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('自评表'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
};

describe('examples/review/03-sums.yaml through a spreadsheet', () => {
  const { statedTotal: _prose, ...onSheet } = sums;

  it.each(['XLSX', 'CSV'])('%s: export → import gives the document back, but the prose total; the review finds the same', async (format) => {
    expect(sums.levels).toHaveLength(3);
    const back = docOf(await importSelfEvaluation(format === 'XLSX' ? await exportSelfEvaluationXlsx(sums) : exportSelfEvaluationCsv(sums)));
    expect(back).toEqual(onSheet);
    const yaml = findings(sums);
    // The level subtotals are what these findings are about: without them the review could not make them.
    expect(yaml).toEqual(expect.arrayContaining(['rows-sum-mismatch levels.0.claimed', 'level-weights-mismatch levels.2.weight', 'prose-total-mismatch statedTotal']));
    expect(findings(back)).toEqual(yaml.filter((f) => !f.startsWith('prose-total-mismatch')));
  });

  it('with a scored sheet (the 自评得分 column) too; the subtotal rows leave it blank', async () => {
    const bytes = await exportSelfEvaluationXlsx(sums, scoreSelfEvaluation(sums, national));
    expect(docOf(await importSelfEvaluation(bytes))).toEqual(onSheet);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const subtotal = (ws.getColumn(2).values as unknown[]).indexOf('小计');
    expect((ws.getRow(subtotal).values as unknown[]).slice(1)).toEqual(['产出指标', '小计', undefined, undefined, undefined, 50, 48]);
  });

  it('the subtotal rows follow their levels\' rows, 一级 | 小计 | … | 分值 | 得分, outside the merged 一级 cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportSelfEvaluationXlsx(sums)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const top = (ws.getColumn(1).values as unknown[]).indexOf('一级指标');
    const body = Array.from({ length: 9 }, (_, i) => (ws.getRow(top + 1 + i).values as unknown[]).slice(1, 8).map((v) => v ?? ''));
    expect(body.map((r) => r.slice(0, 3).join('|'))).toEqual([
      '产出指标|数量指标|维修校舍面积', '产出指标|质量指标|工程验收合格率', '产出指标|数量指标|维修学校数量', '产出指标|小计|',
      '效益指标|社会效益指标|消除校舍安全隐患', '效益指标|可持续影响指标|校舍使用年限延长', '效益指标|小计|',
      '满意度指标|服务对象满意度指标|师生满意度', '满意度指标|小计|',
    ]);
    expect(body[3]?.slice(5)).toEqual([50, 48]);
    expect(body[8]?.slice(5)).toEqual([15, 10]);
    expect(ws.getCell(top + 3, 1).master.row).toBe(top + 1);
    expect(ws.getCell(top + 4, 1).master.row).toBe(top + 4);
  });
});

describe('subtotals as forms print them', () => {
  const head = ['项目名称,示例', '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分'];

  it('CSV: 小计 in the 二级 or 三级 cell, 合计 too, the level from its 一级 cell or from above; never an indicator row', async () => {
    const result = await importSelfEvaluation(
      [
        ...head,
        '产出指标,数量指标,里程,≥50公里,52公里,30,30',
        ',质量指标,优良率,≥90%,95%,20,20',
        '产出指标,小计,,,,50,50',
        '效益指标,社会效益指标,出行改善,效果明显,达成,30,28',
        ',,小计,/,/,30,28',
        '满意度指标,满意度指标,群众满意度,≥90%,95%,10,10',
        '满意度指标,合计,合计,,,10,10',
        '总分,,,,,,98',
      ].join('\n'),
    );
    const doc = docOf(result);
    expect(doc.rows?.map((r) => r.name)).toEqual(['里程', '优良率', '出行改善', '群众满意度']);
    expect(doc.levels).toEqual([
      { level1: '产出指标', weight: 50, claimed: 50 },
      { level1: '效益指标', weight: 30, claimed: 28 },
      { level1: '满意度指标', weight: 10, claimed: 10 },
    ]);
    expect(doc.claimedTotal).toBe(98);
    expect(result.warnings).toEqual([]);
  });

  it('CSV as Excel saves a merged form: the level name alone over empty 二级 / 三级, under rows left blank', async () => {
    const result = await importSelfEvaluation([...head, '产出指标,数量指标,里程,≥50公里,52公里,30,30', ',质量指标,优良率,≥90%,95%,20,18', '产出指标,,,,,50,48'].join('\n'));
    expect(docOf(result).rows).toHaveLength(2);
    expect(docOf(result).levels).toEqual([{ level1: '产出指标', weight: 50, claimed: 48 }]);
  });

  it('CSV where every row repeats its level: a row of numbers only is an indicator row (write 小计 to make it a subtotal)', async () => {
    const doc = docOf(await importSelfEvaluation([...head, '产出指标,数量指标,里程,≥50公里,52公里,30,30', '产出指标,,,,,20,18'].join('\n')));
    expect(doc.rows).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '里程', target: '≥50公里', actual: '52公里', weight: 30, claimed: 30 },
      { level1: '产出指标', weight: 20, claimed: 18 },
    ]);
    expect(doc.levels).toBeUndefined();
  });

  it('XLSX: the level name alone after its merged rows, "效益指标小计" across 一级–三级, a one-row level; 合计 under a merged 一级', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['项目名称', '示例']);
      ws.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
      ws.addRow(['产出指标', '数量指标', '里程', '≥50公里', '52公里', 30, 30]);
      ws.addRow([null, '质量指标', '优良率', '≥90%', '95%', 20, 18]);
      ws.mergeCells('A3:A4');
      ws.addRow(['产出指标', null, null, null, null, 50, 48]);
      ws.addRow(['效益指标', '社会效益指标', '出行改善', '效果明显', '达成', 30, 30]);
      ws.addRow(['效益指标小计', null, null, null, null, 30, 30]);
      ws.mergeCells('A7:C7');
      ws.addRow(['满意度指标', '满意度指标', '群众满意度', '≥90%', '95%', 10, 10]);
      ws.addRow(['满意度指标', null, null, '/', null, 10, 10]);
      ws.addRow(['甲类指标', '甲', '乙', '≥1', '1', 5, 5]);
      ws.addRow([null, '合计', null, null, null, 5, 5]);
      ws.mergeCells('A10:A11');
      ws.addRow(['总分', null, null, null, null, null, 101]);
    });
    const result = await importSelfEvaluation(bytes);
    const doc = docOf(result);
    expect(doc.rows?.map((r) => `${r.level1} ${r.name}`)).toEqual(['产出指标 里程', '产出指标 优良率', '效益指标 出行改善', '满意度指标 群众满意度', '甲类指标 乙']);
    expect(doc.levels).toEqual([
      { level1: '产出指标', weight: 50, claimed: 48 },
      { level1: '效益指标', weight: 30, claimed: 30 },
      { level1: '满意度指标', weight: 10, claimed: 10 },
      { level1: '甲类指标', weight: 5, claimed: 5 },
    ]);
    expect(doc.claimedTotal).toBe(101);
    expect(result.warnings).toEqual([]);
  });

  it('"产出指标（50分）": the level is 产出指标 and 50 its weight; a subtotal row adds the score; a different weight is reported', async () => {
    const result = await importSelfEvaluation(
      [
        ...head,
        '产出指标（50分）,数量指标,里程,≥50公里,52公里,30,30',
        ',质量指标,优良率,≥90%,95%,20,18',
        '效益指标(30 分),社会效益指标,出行改善,效果明显,达成,30,30',
        '效益指标,小计,,,,30,30',
        '满意度指标（10分）,满意度指标,群众满意度,≥90%,95%,10,10',
        '满意度指标（10分）,小计,,,,15,10',
      ].join('\n'),
    );
    const doc = docOf(result);
    expect(doc.rows?.map((r) => r.level1)).toEqual(['产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(doc.levels).toEqual([{ level1: '产出指标', weight: 50 }, { level1: '效益指标', weight: 30, claimed: 30 }, { level1: '满意度指标', weight: 10, claimed: 10 }]);
    expect(warned(result)).toEqual(['F8 15']);
  });

  it('columns of their own: 一级指标分值 and 一级指标得分 beside 一级指标, written on a level\'s first row', async () => {
    const result = await importSelfEvaluation(
      [
        '项目名称,示例',
        '一级指标,一级指标分值,一级指标得分,二级指标,三级指标,年度指标值,实际完成值,分值,得分',
        '产出指标,50,48,数量指标,里程,≥50公里,52公里,30,30',
        ',,,质量指标,优良率,≥90%,95%,20,18',
        '效益指标,30,,社会效益指标,出行改善,效果明显,达成,30,30',
      ].join('\n'),
    );
    const doc = docOf(result);
    expect(doc.rows?.map((r) => [r.level1, r.weight])).toEqual([['产出指标', 30], ['产出指标', 20], ['效益指标', 30]]);
    expect(doc.levels).toEqual([{ level1: '产出指标', weight: 50, claimed: 48 }, { level1: '效益指标', weight: 30 }]);
    expect(result.warnings).toEqual([]);
  });

  it('XLSX: 一级指标 merged over two columns, "名称 | 分值" on the row below, the 分值 merged down each level', async () => {
    const bytes = await xlsx((ws) => {
      ws.addRow(['项目名称', '示例']);
      ws.addRow(['一级指标', null, '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
      ws.addRow(['名称', '分值']);
      ws.mergeCells('A2:B2');
      for (const c of 'CDEFGH') ws.mergeCells(`${c}2:${c}3`);
      ws.addRow(['产出指标', 50, '数量指标', '里程', '≥50公里', '52公里', 30, 30]);
      ws.addRow([null, null, '质量指标', '优良率', '≥90%', '95%', 20, 18]);
      ws.mergeCells('A4:A5');
      ws.mergeCells('B4:B5');
      ws.addRow(['效益指标', 30, '社会效益指标', '出行改善', '效果明显', '达成', 30, 30]);
      ws.addRow(['效益指标', null, '小计', null, null, null, 30, 30]);
    });
    const result = await importSelfEvaluation(bytes);
    const doc = docOf(result);
    expect(doc.rows?.map((r) => `${r.level1} ${r.name}`)).toEqual(['产出指标 里程', '产出指标 优良率', '效益指标 出行改善']);
    expect(doc.levels).toEqual([{ level1: '产出指标', weight: 50 }, { level1: '效益指标', weight: 30, claimed: 30 }]);
    expect(result.warnings).toEqual([]);
  });

  it('CSV of that form: the 分值 under the blank heading beside 一级指标', async () => {
    const result = await importSelfEvaluation(
      ['项目名称,示例', '一级指标,,二级指标,三级指标,年度指标值,实际完成值,分值,得分', ',分值,,,,,,', '产出指标,50,数量指标,里程,≥50公里,52公里,30,30', ',,质量指标,优良率,≥90%,95%,20,18'].join('\n'),
    );
    expect(docOf(result).levels).toEqual([{ level1: '产出指标', weight: 50 }]);
    expect(docOf(result).rows).toHaveLength(2);
    expect(result.warnings).toEqual([]);
  });

  it('a subtotal row\'s 自评得分 (jixiao\'s computed column) is skipped, as on indicator rows', async () => {
    const result = await importSelfEvaluation(
      ['项目名称,示例', '一级指标,二级指标,三级指标,分值,得分,自评得分', '产出指标,数量指标,里程,30,30,30', '产出指标,小计,,30,30,30'].join('\n'),
    );
    expect(docOf(result).levels).toEqual([{ level1: '产出指标', weight: 30, claimed: 30 }]);
    expect(result.warnings).toEqual([]);
  });

  it('a level-2 subtotal (二级 written, 三级 小计) is no row and no level: its cells are reported', async () => {
    const result = await importSelfEvaluation([...head, '产出指标,数量指标,里程,≥50公里,52公里,30,30', ',数量指标,小计,,,30,30'].join('\n'));
    expect(docOf(result).rows).toHaveLength(1);
    expect(docOf(result).levels).toBeUndefined();
    expect(warned(result)).toEqual(['B4 数量指标', 'C4 小计', 'F4 30', 'G4 30']);
  });

  it('annual targets: "年度绩效目标1（40分）" in one cell, and the 目标分值 / 得分 labels, give points and claimed', async () => {
    const result = await importSelfEvaluation(
      [
        '项目名称,培训',
        '年度绩效目标1（40分）,,得分,38',
        '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分',
        '产出指标,数量指标,培训人数,≥1000人,900人,40,38',
        '年度绩效目标,乡镇培训,目标分值,40,得分：36',
        '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分',
        '产出指标,数量指标,培训人数,≥500人,600人,40,36',
      ].join('\n'),
      { template: 'hubei-project-2020' },
    );
    const doc = docOf(result);
    expect(doc.targets?.map(({ rows: _rows, ...t }) => t)).toEqual([{ name: '年度绩效目标1', points: 40, claimed: 38 }, { name: '乡镇培训', points: 40, claimed: 36 }]);
    expect(result.warnings).toEqual([]);
  });

  it('目标分值 or 得分 outside a 年度绩效目标 line belongs to no field and is reported', async () => {
    const result = await importSelfEvaluation(['项目名称,示例', '目标分值,40'].join('\n'));
    expect(warned(result)).toEqual(['B2 40']);
  });
});

describe('export → import', () => {
  it('levels without rows, levels out of the rows\' order, and rows of numbers only stay what they are (XLSX and CSV)', async () => {
    const doc: SelfEvaluation = {
      template: 'national-project-2020',
      project: { name: '示例' },
      budget: {},
      rows: [
        { level1: '产出指标', level2: '数量指标', name: '里程', weight: 30, claimed: 30 },
        { level1: '产出指标', weight: 20, claimed: 18 },
        { level1: '效益指标', weight: 30 },
        { level1: '效益指标', weight: 30 },
        { level1: '产出指标', claimed: 1 },
      ],
      levels: [{ level1: '产出指标', claimed: 49 }, { level1: '效益指标', weight: 60 }, { level1: '满意度指标', weight: 10, claimed: 9 }],
    };
    expect(docOf(await importSelfEvaluation(await exportSelfEvaluationXlsx(doc)))).toEqual(doc);
    expect(docOf(await importSelfEvaluation(exportSelfEvaluationCsv(doc)))).toEqual(doc);
  });

  it('targets with points and claimed; levels after the last table that has their rows', async () => {
    const doc: SelfEvaluation = {
      template: 'hubei-project-2020',
      project: { name: '示例' },
      budget: {},
      targets: [
        { name: '年度绩效目标1', points: 40, claimed: 38, rows: [{ level1: '产出指标', name: '甲', weight: 40, claimed: 38 }] },
        { name: '年度绩效目标2', points: 40, claimed: '三十', rows: [{ level1: '效益指标', name: '乙', weight: 40 }] },
      ],
      levels: [{ level1: '产出指标', weight: 40, claimed: 38 }, { level1: '效益指标', weight: 40 }],
    };
    expect(docOf(await importSelfEvaluation(await exportSelfEvaluationXlsx(doc)))).toEqual(doc);
    expect(docOf(await importSelfEvaluation(exportSelfEvaluationCsv(doc)))).toEqual(doc);
  });
});
