import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  defineFramework,
  evaluate,
  formatScoreSheetCsv,
  formatScoreSheetHtml,
  formatScoreSheetMarkdown,
  formatSelfEvaluationCsv,
  formatSelfEvaluationHtml,
  formatSelfEvaluationMarkdown,
  scoreSelfEvaluation,
  type FrameworkDefinition,
  type InputValue,
  type NodeResult,
  type ScoreSheet,
  type SelfEvaluation,
  type SelfEvaluationSheet,
} from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { csvDocument, csvField } from '../../src/report/csv.js';
import { escapeHtml } from '../../src/report/html.js';

/*
 * 打分表与自评表的 Markdown、HTML、CSV 报告。The Markdown, HTML and CSV reports of the bundled examples: every
 * name and score the sheet has is in the Markdown and the HTML, the HTML escapes text and loads nothing, the CSV
 * reads back (csv-parse) to the sheet's figures, and an incomplete sheet's total is labelled provisional.
 */

const example = (dir: string, file: string): unknown => parse(readFileSync(new URL(`../../examples/${dir}/${file}`, import.meta.url), 'utf8'));

interface EvaluationFile {
  framework: string;
  values: Record<string, InputValue>;
  notApplicable?: string[];
}

/** A framework example scored as test/examples/dabu-2021.test.ts does, with optional changes to its inputs. */
function scoreExample(dir: string, change: (e: EvaluationFile) => EvaluationFile = (e) => e, edit: (d: FrameworkDefinition) => FrameworkDefinition = (d) => d): ScoreSheet {
  const evaluation = change(example(dir, 'evaluation.yaml') as EvaluationFile);
  const definition = example(dir, evaluation.framework.replace(/^\.\//, '')) as FrameworkDefinition;
  const framework = defineFramework(edit(definition));
  return evaluate(framework, { values: evaluation.values, notApplicable: evaluation.notApplicable ?? [] });
}

const templateOf = (id: string) => {
  const p = getPreset(id);
  if (p?.kind !== 'template') throw new Error(id);
  return p.template;
};
const selfDoc = (dir: string): SelfEvaluation => example(dir, 'self-evaluation.yaml') as SelfEvaluation;
const scoreSelf = (doc: SelfEvaluation): SelfEvaluationSheet => scoreSelfEvaluation(doc, templateOf(typeof doc.template === 'string' ? doc.template : doc.template.id));

const nodesOf = (nodes: readonly NodeResult[]): NodeResult[] => nodes.flatMap((n) => [n, ...nodesOf(n.children)]);
/** What a Markdown renderer would show: backslash escapes removed. */
const unescapeMd = (s: string): string => s.replace(/\\(.)/g, '$1');
/** The cells of a CSV as Excel shows them: the `'` that keeps formula-like text ("=100%") from running is not shown. */
const readCsv = (text: string): string[][] => (parseCsv(text, { bom: true }) as string[][]).map((r) => r.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, '')));

/** A page loads nothing from outside and runs no script. */
function expectSelfContained(html: string): void {
  expect(html).toMatch(/^<!DOCTYPE html>/);
  expect(html).not.toMatch(/src\s*=|href\s*=|<link|<script|@import|url\(/i);
  expect(html).toContain('<style>');
}

/** A CSV as the brief has it: BOM, CRLF only, one line per record. */
function expectCsvShape(text: string, records: number): void {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(text.split('\r\n').length - 1).toBe(records + 1);
}

describe('framework score sheet reports 打分表报告（大埔 2021）', () => {
  const sheet = scoreExample('dabu-2021');
  const nodes = nodesOf(sheet.indicators);
  const markdown = formatScoreSheetMarkdown(sheet);
  const html = formatScoreSheetHtml(sheet);

  it('the example is complete, with lost points to show', () => {
    expect([sheet.complete, sheet.total, sheet.grade?.label, sheet.lostPoints.length]).toEqual([true, '92.00', '优', 3]);
  });

  it('every indicator name and every weight, score and lost figure is in the Markdown and the HTML', () => {
    const plain = unescapeMd(markdown);
    for (const n of nodes) {
      for (const text of [n.name, n.explanation, n.explanationEn]) {
        expect(plain, text).toContain(text);
        expect(html, text).toContain(escapeHtml(text));
      }
      // A row of the tree: name, weight, score, lost.
      expect(plain).toContain(`| ${n.level} | ${n.level === 1 ? `**${n.name}**` : `${'　'.repeat(2 * (n.level - 1))}${n.name}`} | ${n.weight} | ${n.score} | ${n.lost} |`);
      expect(html).toContain(`${escapeHtml(n.name)}</td><td class="n">${n.weight}</td><td class="n">${n.score}</td><td class="n">${n.lost}</td>`);
    }
    for (const text of [`总分 Total：${sheet.total} / ${sheet.maximum}`, `等级 Grade：${sheet.grade?.label}`, `指标得分 Subtotal：${sheet.subtotal}`]) {
      expect(plain).toContain(text);
      expect(html).toContain(escapeHtml(text));
    }
    expect(markdown).not.toContain('暂计');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('the HTML indents each level by CSS padding', () => {
    for (const n of nodes) expect(html).toContain(`<td style="padding-left:${(0.5 + 1.5 * (n.level - 1)).toFixed(1)}em">${escapeHtml(n.name)}</td>`);
  });

  it('lost points are listed largest first and highlighted; the leaves that lost them too', () => {
    const plain = unescapeMd(markdown);
    let at = 0;
    sheet.lostPoints.forEach((l, i) => {
      const line = `${i + 1}. **${l.path.join(' / ')}** −${l.lost}：${l.reason}`;
      expect(plain.indexOf(line), line).toBeGreaterThan(at);
      at = plain.indexOf(line);
      expect(plain).toContain(l.reasonEn);
      expect(html).toContain(`<tr class="lost"><td class="n">${i + 1}</td><td>${escapeHtml(l.path.join(' / '))}</td><td class="n">−${l.lost}</td>`);
    });
    const lostLeaves = nodes.filter((n) => n.children.length === 0 && Number(n.lost) > 0);
    expect(lostLeaves.length).toBe(3);
    expect(html.match(/<tr class="l\d lost">/g)?.length).toBe(lostLeaves.length);
  });

  it('the HTML is one self-contained page', () => {
    expectSelfContained(html);
  });

  it('the CSV has a BOM, CRLF, a header, one line per node and the total, and reads back to the sheet figures', () => {
    const text = formatScoreSheetCsv(sheet);
    expectCsvShape(text, nodes.length + 1);
    const [header, ...all] = readCsv(text);
    // The last record is the total, with the grade.
    const total = all.at(-1) ?? [];
    expect([total[0], total[3], total[7], total[9], total[11], total[12]]).toEqual(['total', '总分 total', sheet.maximum, sheet.total, 'complete', `等级 ${sheet.grade?.label}`]);
    const records = all.slice(0, -1);
    expect(header).toEqual(['类型 type', 'id', '层级 level', '一级指标 level 1', '二级指标 level 2', '三级指标 level 3', '四级指标 level 4', '分值 weight', '有效分值 effective weight', '得分 score', '失分 lost', '状态 status', '说明 explanation', '英文说明 explanation (English)']);
    expect(records.map((r) => [r[0], r[1], Number(r[2]), r.slice(3, 3 + Number(r[2])), ...r.slice(7)])).toEqual(
      nodes.map((n) => ['indicator', n.id, n.level, n.path, n.weight, n.effectiveWeight, n.score, n.lost, n.status, n.explanation, n.explanationEn]),
    );
    const level1 = records.filter((r) => r[2] === '1').reduce((s, r) => s + Number(r[9]), 0);
    expect(level1.toFixed(2)).toBe(sheet.subtotal);
  });
});

describe('adjustments and incomplete score sheets 调整项与不完整的打分表', () => {
  it('adjustments (攀枝花 2024) are in every format', () => {
    const sheet = scoreExample('panzhihua-2024');
    expect(sheet.adjustments.length).toBeGreaterThan(0);
    const markdown = unescapeMd(formatScoreSheetMarkdown(sheet));
    const html = formatScoreSheetHtml(sheet);
    const records = readCsv(formatScoreSheetCsv(sheet)).slice(1);
    const nodes = nodesOf(sheet.indicators);
    expect(records.length).toBe(nodes.length + sheet.adjustments.length + 1);
    for (const [i, a] of sheet.adjustments.entries()) {
      expect(markdown).toContain(`| ${a.name} |`);
      expect(markdown).toContain(a.explanation);
      expect(html).toContain(escapeHtml(a.explanation));
      const r = records[nodes.length + i] ?? [];
      expect([r[0], r[1], r[3], r[9], r[11]]).toEqual([a.kind, a.id, a.name, a.points, a.status]);
    }
    expectSelfContained(html);
  });

  it('an incomplete sheet shows its total as provisional, not final', () => {
    const sheet = scoreExample('dabu-2021', (e) => ({ ...e, values: Object.fromEntries(Object.entries(e.values).slice(1)) }));
    expect(sheet.complete).toBe(false);
    const provisional = sheet.provisional?.total as string;
    const markdown = formatScoreSheetMarkdown(sheet);
    const html = formatScoreSheetHtml(sheet);
    expect(markdown).toContain(`**暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）：${provisional} / ${sheet.maximum}`);
    expect(html).toContain(`<span class="total provisional">暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）：${provisional} / ${sheet.maximum}`);
    for (const text of [markdown, html]) expect(text).not.toMatch(/(^|[^计])总分 Total：/m);
    expect(html).toMatch(/<tr class="l\d issue">/);
    for (const w of sheet.warnings) expect(html).toContain(escapeHtml(w.message));
  });
});

describe('self-evaluation reports 自评表报告', () => {
  const cases = [
    ['qingshen-2023', scoreSelf(selfDoc('qingshen-2023'))],
    ['chizhou-2022', scoreSelf(selfDoc('chizhou-2022'))],
  ] as const;

  it.each(cases)('%s: every row, target, actual, weight and score is in the Markdown and the HTML', (_, sheet) => {
    const markdown = formatSelfEvaluationMarkdown(sheet);
    const plain = unescapeMd(markdown);
    const html = formatSelfEvaluationHtml(sheet);
    for (const r of sheet.rows) {
      const weight = r.weightGiven || r.status === 'not-set' ? r.weight : `${r.weight}†`;
      expect(plain).toContain(`| ${r.level1} | ${r.level2} | ${r.name} | ${r.targetText} | ${r.actualText} | ${weight} | ${r.score ?? '—'} |`);
      expect(html).toContain(`<td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.targetText)}</td><td>${escapeHtml(r.actualText)}</td><td class="n">${escapeHtml(weight)}</td><td class="n">${r.score ?? '—'}</td>`);
      for (const text of [r.level1, r.level2, r.explanation, r.explanationEn]) {
        expect(plain, text).toContain(text);
        expect(html, text).toContain(escapeHtml(text));
      }
    }
    const b = sheet.budget;
    for (const text of [b.budget ?? '—', b.executed ?? '—', b.weight, b.score, b.explanation, b.explanationEn]) {
      expect(plain).toContain(text);
      expect(html).toContain(escapeHtml(text));
    }
    const s = sheet.template.source;
    for (const text of [sheet.project.name, sheet.template.name, sheet.template.id, s.title, s.issuer ?? '', s.number ?? '', s.date ?? '']) {
      expect(plain).toContain(text);
      expect(html).toContain(escapeHtml(text));
    }
    for (const i of [...sheet.issues, ...sheet.warnings]) {
      expect(plain).toContain(`\`${i.code}\` ${i.path.join('.')}：${i.message}`);
      expect(html).toContain(escapeHtml(i.messageEn));
    }
    expectSelfContained(html);
  });

  it('qingshen-2023 is complete: total and grade, nothing provisional', () => {
    const sheet = cases[0][1];
    expect([sheet.total, sheet.grade]).toEqual(['100.00', '优']);
    expect(formatSelfEvaluationMarkdown(sheet)).toContain('**总分 Total：100.00 / 100.00**　等级 Grade：优');
    expect(formatSelfEvaluationHtml(sheet)).toContain('<p class="total">总分 Total：100.00 / 100.00　等级 Grade：优</p>');
    for (const text of [formatSelfEvaluationMarkdown(sheet), formatSelfEvaluationHtml(sheet)]) expect(text).not.toContain('暂计');
  });

  it('chizhou-2022 is incomplete: its 90.00 is labelled provisional, not final, in both', () => {
    const sheet = cases[1][1];
    expect([sheet.complete, sheet.total, sheet.provisional]).toEqual([false, null, { total: '90.00', grade: '优' }]);
    const markdown = formatSelfEvaluationMarkdown(sheet);
    const html = formatSelfEvaluationHtml(sheet);
    expect(markdown).toContain('**暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）：90.00 / 100.00**　暂计等级 Provisional grade：优');
    expect(html).toContain('<p class="total provisional">暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）：90.00 / 100.00　暂计等级 Provisional grade：优</p>');
    for (const text of [markdown, html]) expect(text).not.toMatch(/(^|[^计])总分 Total：/m);
  });

  it('chizhou-2022 HTML: level-1 and level-2 groups merged, the unscored row and the issue highlighted', () => {
    const sheet = cases[1][1];
    const html = formatSelfEvaluationHtml(sheet);
    // 产出指标 6 rows, 效益指标 4, 满意度指标 1; 质量指标 and 成本指标 2 each.
    const groups = [...html.matchAll(/<th class="group" rowspan="(\d+)">([^<]*)<\/th>/g)].map((m) => `${m[2]}×${m[1]}`);
    expect(groups).toEqual(['产出指标×6', '数量指标×1', '质量指标×2', '时效指标×1', '成本指标×2', '效益指标×4', '经济效益指标×1', '社会效益指标×1', '生态效益指标×1', '可持续影响指标×1', '满意度指标×1', '服务对象满意度指标×1']);
    expect(html).toMatch(/<tr class="issue">[^\n]*服务对象满意度（原表截断）/);
    expect(html).toMatch(/<tr class="na">[^\n]*未设置 not set/);
    expect(html.match(/<tr class="(issue|lost)">/g)?.length).toBe(1);
    expect(html).toMatch(/<ul class="issues">\n<li><code>unreadable-target<\/code> rows\.10\.target：/);
  });

  it('a row that loses points is highlighted', () => {
    const doc = selfDoc('qingshen-2023');
    const rows = (doc.rows ?? []).map((r, i) => (i === 0 ? { ...r, actual: '90' } : r));
    const sheet = scoreSelf({ ...doc, rows });
    expect(Number(sheet.rows[0]?.lost)).toBeGreaterThan(0);
    expect(formatSelfEvaluationHtml(sheet)).toMatch(new RegExp(`<tr class="lost">[^\\n]*<td>${sheet.rows[0]?.name}</td>`));
  });

  it.each(cases)('%s: the CSV has a BOM, CRLF, a header, the budget line and one line per row, and reads back to the sheet figures', (_, sheet) => {
    const text = formatSelfEvaluationCsv(sheet);
    expectCsvShape(text, 1 + sheet.rows.length);
    const [header, budget, ...records] = readCsv(text);
    expect(header).toEqual(['类型 type', '一级指标 level 1', '二级指标 level 2', '三级指标 indicator', '年度指标值 target', '实际完成值 actual', '分值 weight', '得分 score', '失分 lost', '状态 status', '说明 explanation', '英文说明 explanation (English)']);
    const b = sheet.budget;
    expect([budget?.[0], budget?.[3], budget?.[6], budget?.[7], budget?.[9], budget?.[10]]).toEqual(['budget', '预算执行率', b.weight, b.score, b.status, b.explanation]);
    expect(records).toEqual(sheet.rows.map((r) => ['row', r.level1, r.level2, r.name, r.targetText, r.actualText, r.weight, r.score ?? '', r.lost ?? '', r.status, r.explanation, r.explanationEn]));
    const sum = [budget, ...records].reduce((s, r) => s + Number(r?.[7] ?? 0), 0);
    expect(sum.toFixed(2)).toBe(sheet.total ?? sheet.provisional?.total);
  });
});

describe('hostile text 文字转义', () => {
  const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

  it('HTML escapes project, row and framework names; Markdown shows them as text, not as HTML', () => {
    const doc = selfDoc('qingshen-2023');
    const rows = (doc.rows ?? []).map((r, i) => (i === 0 ? { ...r, name: hostile, level1: `${r.level1}|<b>` } : r));
    const sheet = scoreSelf({ ...doc, project: { ...doc.project, name: hostile }, rows });
    const framework = scoreExample('dabu-2021', undefined, (d) => ({ ...d, name: hostile, indicators: d.indicators.map((n, i) => (i === 0 ? { ...n, name: hostile } : n)) }));
    expect(framework.indicators[0]?.name).toBe(hostile);
    for (const html of [formatSelfEvaluationHtml(sheet), formatScoreSheetHtml(framework)]) {
      expect(html).not.toMatch(/<script|<img|<b>/);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    }
    for (const markdown of [formatSelfEvaluationMarkdown(sheet), formatScoreSheetMarkdown(framework)]) {
      expect(markdown).not.toMatch(/(^|[^\\])<(script|img|b>)/);
      expect(unescapeMd(markdown)).toContain(hostile);
    }
    // The `|` stays inside its cell.
    const line = formatSelfEvaluationMarkdown(sheet).split('\n').find((l) => l.startsWith('| ') && l.includes('onerror')) ?? '';
    expect(line.split(/(?<!\\)\|/).length).toBe(10);
  });

  it('CSV quotes commas, quotes and line breaks in sheet text, and they read back', () => {
    const doc = selfDoc('chizhou-2022');
    const odd = ['a, b', 'say "hi"', 'two\nlines', 'crlf\r\nend', '=1+1'];
    const rows = (doc.rows ?? []).map((r, i) => (i < odd.length ? { ...r, name: odd[i] as string, level2: odd[odd.length - 1 - i] as string } : r));
    const sheet = scoreSelf({ ...doc, rows });
    expect(sheet.rows.slice(0, odd.length).map((r) => r.name)).toEqual(odd);
    const records = readCsv(formatSelfEvaluationCsv(sheet)).slice(2);
    expect(records.map((r) => [r[2], r[3]])).toEqual(sheet.rows.map((r) => [r.level2, r.name]));
  });

  it('csvField quotes what RFC 4180 needs, and edge spaces (for readers that trim); csvDocument reads back', () => {
    const fields = ['plain', 'a, b', 'say "hi"', 'two\nlines', 'cr\rend', ' padded ', 'trail ', '', ' lead', '中文，全角逗号'];
    expect(fields.map(csvField)).toEqual(['plain', '"a, b"', '"say ""hi"""', '"two\nlines"', '"cr\rend"', '" padded "', '"trail "', '', '" lead"', '中文，全角逗号']);
    // Text Excel would run as a formula opens as text; numbers stay numbers.
    expect(['=1+1', '=100%', '@SUM(A1)', '+86 10', '-0.50', '-5', '+3', '-.5', '-abc'].map(csvField)).toEqual(["'=1+1", "'=100%", "'@SUM(A1)", '+86 10', '-0.50', '-5', '+3', '-.5', "'-abc"]);
    const text = csvDocument(['h1', 'h 2'], [0, 2, 4, 6, 8].map((i) => fields.slice(i, i + 2)));
    expect(text.startsWith('\uFEFFh1,h 2\r\nplain,"a, b"\r\n')).toBe(true);
    expect(parseCsv(text, { bom: true, trim: true })).toEqual([['h1', 'h 2'], ...[0, 2, 4, 6, 8].map((i) => fields.slice(i, i + 2))]);
  });
});
