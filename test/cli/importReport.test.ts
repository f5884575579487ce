import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reviewSelfEvaluation, scoreSelfEvaluation, type SelfEvaluation, type Template } from '../../src/index.js';
import { importCommand, parseImportArgs, parseReportArgs, reportCommand } from '../../src/cli/importReport.js';
import { getPreset } from '../../src/presets/index.js';
import { escapeHtml } from '../../src/report/html.js';
import { importSelfEvaluation } from '../../src/sheetio/index.js';
import { DABU_EVALUATION, repo, runIn, spawnCli } from './helpers.js';

const FIXTURE = join(repo, 'test/sheetio/fixtures/chizhou-2022.xlsx');
const CHIZHOU = join(repo, 'examples/chizhou-2022/self-evaluation.yaml');
const national = (getPreset('national-project-2020') as { template: Template }).template;
const chizhou = parse(readFileSync(CHIZHOU, 'utf8')) as SelfEvaluation;

/** Runs an async command in this process, capturing its output. */
async function capture(run: (io: { out: (t: string) => void; err: (t: string) => void }) => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run({ out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('jixiao import 导入表格', () => {
  it('imports the XLSX fixture as YAML that scores as the example it was made from', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
    const out = join(dir, 'form.yaml');
    const r = await capture((io) => importCommand(parseImportArgs([FIXTURE, '-o', out]), io));
    expect(r.code, r.err).toBe(0);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(parse(yaml)).toEqual(chizhou);
    const scored = runIn(['score', out, '--format', 'json']);
    const expected = scoreSelfEvaluation(chizhou, national);
    const sheet = JSON.parse(scored.out) as { provisional: { total: string } | null; total: string | null };
    expect(sheet.provisional?.total ?? sheet.total).toBe(expected.provisional?.total ?? expected.total);
    expect(sheet.provisional?.total).toBe('90.00');
  });

  it('lists cells it cannot map with their address (exit 1), and refuses files that are not spreadsheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
    const csv = readFileSync(join(repo, 'test/sheetio/fixtures/chizhou-2022.csv'), 'utf8').split('\r\n');
    csv.splice(2, 0, '备注说明,见附件');
    writeFileSync(join(dir, 'odd.csv'), csv.join('\r\n'));
    const r = await capture((io) => importCommand(parseImportArgs([join(dir, 'odd.csv')]), io));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/sheet-cell-unmapped\] A3/);
    expect(parse(r.out)).toMatchObject({ project: chizhou.project });
    expect(() => parseImportArgs([CHIZHOU])).toThrow(/xlsx/);
  });
});

describe('jixiao report 报告', () => {
  it('xlsx: the form with a 自评得分 column, which opens with the same library and re-imports to the same document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
    const out = join(dir, 'report.xlsx');
    const r = await capture((io) => reportCommand(parseReportArgs([CHIZHOU, '--format', 'xlsx', '-o', out]), io));
    expect(r.code).toBe(1); // the 池州 sheet is incomplete (a cut-off row): the report is written all the same
    const back = await importSelfEvaluation(new Uint8Array(readFileSync(out)));
    expect(back.ok ? back.value : back.issues).toEqual(chizhou);
    // The imported report, rescored, gives the same provisional total.
    const again = await capture((io) => reportCommand(parseReportArgs([out, '--format', 'md']), io));
    expect(again.out).toContain('90.00');
  });

  it('md, html and csv of a self-evaluation and of a framework evaluation; --review writes the memo', async () => {
    const qingshen = join(repo, 'examples/qingshen-2023/self-evaluation.yaml');
    for (const format of ['md', 'html', 'csv']) {
      const r = await capture((io) => reportCommand(parseReportArgs([qingshen, '--format', format]), io));
      expect(r.code).toBe(0);
      expect(r.out).toContain('100.00');
      expect(r.out).toContain('发放覆盖率');
    }
    for (const format of ['md', 'html', 'csv']) {
      const r = await capture((io) => reportCommand(parseReportArgs([DABU_EVALUATION, '--format', format]), io));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('92.00');
    }
    const form = join(repo, 'examples/review/02-full-marks.yaml');
    const memo = await capture((io) => reportCommand(parseReportArgs([form, '--review', '--format', 'html']), io));
    expect(memo.code).toBe(1);
    const review = reviewSelfEvaluation(parse(readFileSync(form, 'utf8')), national);
    if (!review.ok) throw new Error('review');
    for (const f of review.value.findings) expect(memo.out).toContain(escapeHtml(f.message));
  });

  it('--review --format csv writes one line per finding; text that Excel would run as a formula opens as text', async () => {
    const form = join(repo, 'examples/review/02-full-marks.yaml');
    const r = await capture((io) => reportCommand(parseReportArgs([form, '--review', '--format', 'csv']), io));
    const lines = r.out.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1,error,full-marks-target-missed,rows\.3\.claimed,/);
    expect(() => parseReportArgs([form, '--review', '--format', 'xlsx', '-o', 'x.xlsx'])).toThrow(/md、html、csv/);
    const doc = parse(readFileSync(form, 'utf8')) as SelfEvaluation;
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
    writeFileSync(join(dir, 'f.yaml'), JSON.stringify({ ...doc, project: { ...doc.project, unit: '=HYPERLINK("x")' } }));
    const sheet = await capture((io) => reportCommand(parseReportArgs([join(dir, 'f.yaml'), '--format', 'csv']), io));
    expect(sheet.out).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('usage: xlsx needs -o, xlsx is for self-evaluations, unknown formats are refused (exit 2)', async () => {
    expect(() => parseReportArgs([CHIZHOU, '--format', 'xlsx'])).toThrow(/-o/);
    expect(() => parseReportArgs([CHIZHOU, '--format', 'pdf'])).toThrow(/md、html、csv、xlsx/);
    expect(spawnCli(['report', DABU_EVALUATION, '--format', 'xlsx', '-o', join(tmpdir(), 'x.xlsx')]).code).toBe(2);
    expect(runIn(['help', 'report']).out).toContain('jixiao report <自评表或评价文件');
    expect(runIn(['help', 'import']).out).toContain('jixiao import <表格');
  });
});
