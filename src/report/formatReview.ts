/**
 * 复核意见（Markdown、HTML）。The review memo (复核意见) in Markdown and as one self-contained HTML page: a summary
 * (claimed vs recomputed total and grade, findings by severity), then the findings, most points at stake first.
 */
import type { Finding } from '../review/common.js';
import { csvDocument } from './csv.js';
import { escapeHtml, htmlPage } from './html.js';
import type { EvaluationReview } from '../review/reviewEvaluation.js';
import type { SelfEvaluationReview } from '../review/reviewSelfEvaluation.js';

/** 复核结果：自评表的或按指标体系评价的。A review: of a self-evaluation, or of an evaluation against a framework. */
type AnyReview = SelfEvaluationReview | EvaluationReview;
const subjectOf = (r: AnyReview): string => ('project' in r ? r.project.name : r.framework.name);
const basisOf = (r: AnyReview): string => ('template' in r ? `模板 Template：${r.template.name}（${r.template.id}）` : `指标体系 Framework：${r.framework.name}（${r.framework.id}）`);

const SEVERITY: { readonly [s in Finding['severity']]: string } = { error: '错误 error', warning: '警告 warning', notice: '提示 notice' };

const yesNo = (v: boolean | null): string => (v === null ? '无法判断 unknown' : v ? '是 yes' : '否 no');
const rowOf = (f: Finding): string => (f.row === null ? '全表 whole form' : [f.row.level1, f.row.level2, f.row.name].filter((x) => x !== '' && x !== '/').join(' / '));
const projectLine = (r: AnyReview): string =>
  !('project' in r) ? '' : [`项目 Project：${r.project.name}`, r.project.unit === undefined ? '' : `实施单位 Unit：${r.project.unit}`, r.project.department === undefined ? '' : `主管部门 Department：${r.project.department}`, r.project.year === undefined ? '' : `年度 Year：${r.project.year}`]
    .filter((x) => x !== '')
    .join('　');
const gradeChange = (r: AnyReview): string =>
  r.gradeChanged === null ? (r.computed.complete ? '无法判断（表上未填总分或等级） unknown (no claimed total or grade)' : '无法判断（复核结果不完整，为暂计） unknown (the recomputed result is provisional)') : yesNo(r.gradeChanged);
const countsLine = (r: AnyReview): string =>
  `错误 errors ${r.counts.error}，警告 warnings ${r.counts.warning}，提示 notices ${r.counts.notice}`;
const totalShown = (r: AnyReview): string => `${r.computed.total}${r.computed.complete ? '' : '（暂计 provisional）'}`;

/** Escapes a Markdown table cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * 把复核结果写成 Markdown 复核意见。Renders a review as a Markdown memo: project and template, a summary table
 * (claimed vs recomputed total and grade), the grade change, counts by severity, then one table row and one
 * paragraph per finding (Chinese, English alongside), most points at stake first.
 *
 * @param review the result of `reviewSelfEvaluation` or `reviewEvaluation`
 * @returns Markdown text ending in a newline
 */
export function formatReviewMarkdown(review: AnyReview): string {
  const r = review;
  const out: string[] = [
    `# 复核意见 Review memo：${subjectOf(r)}`,
    '',
    ...(projectLine(r) === '' ? [] : [projectLine(r), '']),
    basisOf(r),
    '',
    '## 摘要 Summary',
    '',
    '| | 表上所填 Claimed | 复核 Recomputed |',
    '|---|---:|---:|',
    `| 总分 Total | ${r.claimed.total ?? '—'} | ${totalShown(r)} |`,
    `| 等级 Grade | ${r.claimed.grade ?? '—'} | ${r.computed.grade ?? '—'} |`,
    '',
    `等级变化 Grade change：${gradeChange(r)}`,
    '',
    `发现 Findings：${countsLine(r)}`,
    '',
  ];
  if (r.findings.length === 0) {
    out.push('未发现问题。No findings.', '');
    return out.join('\n');
  }
  out.push(
    '## 发现 Findings（按涉及分数排序 most points at stake first）',
    '',
    '| # | 严重程度 Severity | 代码 Code | 所在行 Row | 所填 Claimed | 复核 Computed | 差额 Difference | 改变等级 Changes grade |',
    '|---:|---|---|---|---:|---:|---:|---|',
    ...r.findings.map((f, i) => `| ${i + 1} | ${SEVERITY[f.severity]} | \`${f.code}\` | ${cell(rowOf(f))} | ${cell(f.claimed ?? '—')} | ${cell(f.computed ?? '—')} | ${f.difference ?? '—'} | ${yesNo(f.changesGrade)} |`),
    '',
  );
  r.findings.forEach((f, i) => out.push(`${i + 1}. **${SEVERITY[f.severity]}** \`${f.code}\`：${f.message}`, `   ${f.messageEn}`, ''));
  return out.join('\n');
}

/**
 * 把复核结果写成一页自包含、可打印的 HTML 复核意见（无外部资源）。Renders a review as one self-contained, printable
 * HTML page (no external resources): the summary, then a table of findings with errors, warnings and notices
 * highlighted, each with its sentences in Chinese and English.
 *
 * @param review the result of `reviewSelfEvaluation` or `reviewEvaluation`
 * @returns the HTML document
 */
export function formatReviewHtml(review: AnyReview): string {
  const r = review;
  const e = escapeHtml;
  const rows = r.findings
    .map(
      (f, i) =>
        `<tr class="${f.severity}"><td class="n">${i + 1}</td><td>${e(SEVERITY[f.severity])}</td><td><code>${e(f.code)}</code></td><td>${e(rowOf(f))}</td>` +
        `<td class="n">${e(f.claimed ?? '—')}</td><td class="n">${e(f.computed ?? '—')}</td><td class="n">${e(f.difference ?? '—')}</td><td>${e(yesNo(f.changesGrade))}</td>` +
        `<td>${e(f.message)}<div class="en">${e(f.messageEn)}</div></td></tr>`,
    )
    .join('\n');
  const body = `<p>${projectLine(r) === '' ? '' : `${e(projectLine(r))}<br>`}${e(basisOf(r))}</p>
<h2>摘要 Summary</h2>
<table><tr><th></th><th>表上所填 Claimed</th><th>复核 Recomputed</th></tr>
<tr><th>总分 Total</th><td class="n">${e(r.claimed.total ?? '—')}</td><td class="n">${e(totalShown(r))}</td></tr>
<tr><th>等级 Grade</th><td class="n">${e(r.claimed.grade ?? '—')}</td><td class="n">${e(r.computed.grade ?? '—')}</td></tr></table>
<p>${e(`等级变化 Grade change：${gradeChange(r)}`)}<br>${e(`发现 Findings：${countsLine(r)}`)}</p>
${
  r.findings.length === 0
    ? '<p>未发现问题。No findings.</p>'
    : `<h2>发现 Findings（按涉及分数排序 most points at stake first）</h2>
<table><tr><th>#</th><th>严重程度 Severity</th><th>代码 Code</th><th>所在行 Row</th><th>所填 Claimed</th><th>复核 Computed</th><th>差额 Difference</th><th>改变等级 Changes grade</th><th>说明 What is wrong</th></tr>
${rows}
</table>`
}`;
  return htmlPage(`复核意见 Review memo：${subjectOf(r)}`, body);
}

/**
 * 把复核发现写成 CSV（UTF-8 带 BOM，每条发现一行，按涉及分数排序）。Renders a review's findings as CSV (UTF-8 with BOM,
 * CRLF): one record per finding, most points at stake first, with severity, code, path, row, claimed, computed,
 * difference, points at stake, whether it changes the grade, and the sentences in Chinese and English.
 *
 * @param review the result of `reviewSelfEvaluation` or `reviewEvaluation`
 * @returns the CSV text, starting with "\uFEFF"
 */
export function formatReviewCsv(review: AnyReview): string {
  const header = ['序号 #', '严重程度 severity', '代码 code', '路径 path', '所在行 row', '所填 claimed', '复核 computed', '差额 difference', '涉及分数 stake', '改变等级 changes grade', '说明 message', '英文说明 message (English)'];
  const records = review.findings.map((f, i) => [
    String(i + 1), f.severity, f.code, f.path.join('.'), f.row === null ? '' : rowOf(f), f.claimed ?? '', f.computed ?? '', f.difference ?? '', f.stake,
    f.changesGrade === null ? '' : String(f.changesGrade), f.message, f.messageEn,
  ]);
  return csvDocument(header, records);
}
