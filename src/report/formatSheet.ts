/**
 * 打分表与自评表的报告（Markdown、HTML、CSV）。Reports of scored sheets: the framework score sheet (`evaluate`)
 * and the scored self-evaluation (`scoreSelfEvaluation`), each as Markdown, as one self-contained printable HTML
 * page, and as CSV (UTF-8 with BOM, CRLF, RFC 4180) with one record per node or row.
 *
 * Markdown and HTML show scores as the text tables do (formatScoreTable, formatSelfEvaluationTable): at the sheet's
 * precision, the shown rows adding up to the shown total. CSV carries the sheet's own figures, exact, so that
 * they can be read back and summed.
 */
import { add, dec, mul, sub, toFixed, toPlain } from '../calc/decimal.js';
import type { Issue } from '../errors/issue.js';
import { findNode } from '../evaluate/findNode.js';
import type { AdjustmentResult, NodeResult, NodeStatus, ScoreSheet } from '../evaluate/types.js';
import type { SelfEvaluationRowResult, SelfEvaluationSheet } from '../selfEval/scoreSelfEvaluation.js';
import { csvDocument } from './csv.js';
import { shownScores } from './formatScoreTable.js';
import { escapeHtml as e, htmlPage } from './html.js';

// ——— shared ———

const STATUS: { readonly [s in NodeStatus | 'not-set']: string } = {
  scored: '已计分 scored',
  'not-set': '未设置 not set',
  'not-applicable': '不适用 not applicable',
  'missing-input': '缺少输入 missing input',
  'invalid-input': '输入有误 invalid input',
  fault: '计算出错 fault',
  vetoed: '否决 vetoed',
  incomplete: '未完成 incomplete',
};
/** The status shown in a table: nothing for a scored row, so that the others stand out. */
const statusCell = (s: NodeStatus | 'not-set'): string => (s === 'scored' ? '' : STATUS[s]);
const UNSCORED: ReadonlySet<string> = new Set(['missing-input', 'invalid-input', 'fault', 'incomplete']);
const ADJUSTMENT: { readonly [k in AdjustmentResult['kind']]: string } = { deduction: '扣分项 deduction', bonus: '加分项 bonus', veto: '一票否决 veto' };
const ADJUSTMENT_STATUS: { readonly [k in AdjustmentResult['status']]: string } = {
  applied: '已计 applied',
  'missing-input': '缺少输入 missing input',
  'invalid-input': '输入有误 invalid input',
  fault: '计算出错 fault',
};
const PROVISIONAL = '暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）';
const isPositive = (s: string | null): boolean => s !== null && dec(s).greaterThan(0);

/** Escapes text for Markdown: characters that would start markup or raw HTML, table pipes, line breaks. */
const md = (s: string): string => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');

const issueMd = (i: Issue): string[] => [`- \`${i.code}\` ${md(i.path.join('.'))}：${md(i.message)}`, `  ${md(i.messageEn)}`];
const issuesMd = (title: string, list: readonly Issue[]): string[] => (list.length === 0 ? [] : [`## ${title}`, '', ...list.flatMap(issueMd), '']);
const issuesHtml = (title: string, cls: string, list: readonly Issue[]): string =>
  list.length === 0
    ? ''
    : `<h2>${e(title)}</h2>\n<ul class="${cls}">\n${list.map((i) => `<li><code>${e(i.code)}</code> ${e(i.path.join('.'))}：${e(i.message)}<div class="en">${e(i.messageEn)}</div></li>`).join('\n')}\n</ul>\n`;

/** 一级, 二级, … as column labels. */
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const levelLabel = (n: number): string => `${NUMERALS[n - 1] ?? String(n)}级指标 level ${n}`;

// ——— self-evaluation ———

const sourceOf = (sheet: SelfEvaluationSheet): string => {
  const s = sheet.template.source;
  return [s.issuer, s.number, s.title === '' ? undefined : `《${s.title}》`, s.date].filter((x) => x !== undefined).join(' ');
};
const projectLine = (sheet: SelfEvaluationSheet): string => {
  const p = sheet.project;
  return [
    `项目 Project：${p.name}`,
    p.unit === undefined ? '' : `实施单位 Unit：${p.unit}`,
    p.department === undefined ? '' : `主管部门 Department：${p.department}`,
    p.year === undefined ? '' : `年度 Year：${p.year}`,
    p.fund === undefined ? '' : `项目资金 Fund：${p.fund} 万元`,
  ]
    .filter((x) => x !== '')
    .join('　');
};
const templateLine = (sheet: SelfEvaluationSheet): string => {
  const t = sheet.template;
  return `模板 Template：${t.name}（${t.id}；地区 Region：${t.region}；出处 Source：${sourceOf(sheet)}）`;
};
const percent = (rate: string | null): string => (rate === null ? '—' : `${toFixed(mul(dec(rate), dec(100)), 2, 'half-up')}%`);
/** The weight as printed, marked when the template assigned it (a not-set row has none to assign). */
const weightOf = (r: SelfEvaluationRowResult): string => (r.weightGiven || r.status === 'not-set' ? r.weight : `${r.weight}†`);
const WEIGHT_NOTE = '† 表上未填分值，按模板分配。Weight not given on the form, assigned by the template.';
const selfTitle = (sheet: SelfEvaluationSheet): string => `绩效自评表 Self-evaluation：${sheet.project.name}`;
const budgetLost = (sheet: SelfEvaluationSheet): string => {
  const node = findNode(sheet.sheet, 'budget-execution');
  return node?.lost ?? toPlain(sub(dec(sheet.budget.weight), dec(sheet.budget.score)));
};
const rowClass = (status: NodeStatus | 'not-set', lost: string | null): string =>
  UNSCORED.has(status) ? 'issue' : status === 'not-set' || status === 'not-applicable' ? 'na' : isPositive(lost) ? 'lost' : '';
const selfTotal = (sheet: SelfEvaluationSheet): { label: string; value: string; grade: string; provisional: boolean } =>
  sheet.total !== null || sheet.provisional === null
    ? { label: '总分 Total', value: `${sheet.total ?? '—'} / ${sheet.maximum}`, grade: `等级 Grade：${sheet.grade ?? '—'}`, provisional: false }
    : { label: PROVISIONAL, value: `${sheet.provisional.total} / ${sheet.maximum}`, grade: `暂计等级 Provisional grade：${sheet.provisional.grade ?? '—'}`, provisional: true };

/**
 * 把自评表的计分结果写成 Markdown：项目、模板及出处、预算执行率一行、按表上样式排列的各指标行（一级 / 二级 / 三级、
 * 年度指标值、实际完成值、分值、得分、状态）、总分或暂计总分（不完整时标为“暂计”，非最终结果）与等级、逐行说明
 * （中文、英文）、问题与提示。Renders a scored self-evaluation as Markdown: the project, the template and its source
 * (issuer, number, title, date), the budget line, the rows as the form prints them, the total — or, while the
 * sheet is incomplete, the provisional total labelled as not final — and grade, one sentence per row in Chinese and
 * English, then issues and warnings.
 *
 * @param sheet the result of `scoreSelfEvaluation`
 * @returns Markdown text ending in a newline
 */
export function formatSelfEvaluationMarkdown(sheet: SelfEvaluationSheet): string {
  const b = sheet.budget;
  const total = selfTotal(sheet);
  const out: string[] = [`# ${md(selfTitle(sheet))}`, '', md(projectLine(sheet)), '', md(templateLine(sheet)), ''];
  out.push(
    '## 预算执行 Budget execution',
    '',
    '| 预算数 Budget（万元） | 执行数 Executed（万元） | 执行率 Rate | 分值 Weight | 得分 Score | 状态 Status |',
    '|---:|---:|---:|---:|---:|---|',
    `| ${b.budget ?? '—'} | ${b.executed ?? '—'} | ${percent(b.rate)} | ${b.weight} | ${b.score} | ${statusCell(b.status)} |`,
    '',
    '## 绩效指标 Performance indicators',
    '',
    '| 一级指标 Level 1 | 二级指标 Level 2 | 三级指标 Indicator | 年度指标值 Target | 实际完成值 Actual | 分值 Weight | 得分 Score | 状态 Status |',
    '|---|---|---|---|---|---:|---:|---|',
    ...sheet.rows.map((r) => `| ${md(r.level1)} | ${md(r.level2)} | ${md(r.name)} | ${md(r.targetText)} | ${md(r.actualText)} | ${weightOf(r)} | ${r.score ?? '—'} | ${statusCell(r.status)} |`),
    '',
  );
  if (sheet.rows.some((r) => weightOf(r) !== r.weight)) out.push(WEIGHT_NOTE, '');
  out.push(`**${md(total.label)}：${total.value}**　${md(total.grade)}`, '');
  out.push('## 逐行说明 Rows explained', '', `- **预算执行率 Budget execution**：${md(b.explanation)}`, `  ${md(b.explanationEn)}`);
  for (const r of sheet.rows) out.push(`- **${md(r.name)}**：${md(r.explanation)}`, `  ${md(r.explanationEn)}`);
  out.push('', ...issuesMd('问题 Issues', sheet.issues), ...issuesMd('提示 Warnings', sheet.warnings));
  return out.join('\n');
}

/** How many rows from `i` on share the key of row `i` (0 unless `i` starts a run). */
function runLength(rows: readonly SelfEvaluationRowResult[], i: number, key: (r: SelfEvaluationRowResult) => string): number {
  const k = key(rows[i] as SelfEvaluationRowResult);
  if (i > 0 && key(rows[i - 1] as SelfEvaluationRowResult) === k) return 0;
  let n = 1;
  while (i + n < rows.length && key(rows[i + n] as SelfEvaluationRowResult) === k) n++;
  return n;
}

/**
 * 把自评表的计分结果写成一页自包含、可打印的 HTML（内联样式，无外部资源）：一级、二级指标按表上样式合并单元格，
 * 失分的行与暂不得分的行突出显示，总分或暂计总分（标为“暂计”，非最终结果）与等级，逐行说明（中文、英文），问题
 * 突出显示，以及提示。Renders a scored self-evaluation as one self-contained, printable HTML page (inline CSS, no
 * external resources): level-1 and level-2 groups merged as on the form (rowspan), rows that lose points and rows
 * left unscored highlighted, the total or the provisional total (labelled as not final) and grade, each row's
 * sentence in Chinese and English, the issues highlighted, and the warnings. All text is escaped.
 *
 * @param sheet the result of `scoreSelfEvaluation`
 * @returns the HTML document
 */
export function formatSelfEvaluationHtml(sheet: SelfEvaluationSheet): string {
  const b = sheet.budget;
  const total = selfTotal(sheet);
  const rows = sheet.rows;
  const body = rows.map((r, i) => {
    const n1 = runLength(rows, i, (x) => x.level1);
    const n2 = runLength(rows, i, (x) => `${x.level1}\u0000${x.level2}`);
    const cls = rowClass(r.status, r.lost);
    return (
      `<tr${cls === '' ? '' : ` class="${cls}"`}>` +
      (n1 > 0 ? `<th class="group" rowspan="${n1}">${e(r.level1)}</th>` : '') +
      (n2 > 0 ? `<th class="group" rowspan="${n2}">${e(r.level2)}</th>` : '') +
      `<td>${e(r.name)}</td><td>${e(r.targetText)}</td><td>${e(r.actualText)}</td><td class="n">${e(weightOf(r))}</td><td class="n">${e(r.score ?? '—')}</td>` +
      `<td>${e(statusCell(r.status))}</td><td>${e(r.explanation)}<div class="en">${e(r.explanationEn)}</div></td></tr>`
    );
  });
  const budgetClass = rowClass(b.status, budgetLost(sheet));
  const html = `<p>${e(projectLine(sheet))}<br>${e(templateLine(sheet))}</p>
<h2>预算执行 Budget execution</h2>
<table><tr><th>预算数 Budget（万元）</th><th>执行数 Executed（万元）</th><th>执行率 Rate</th><th>分值 Weight</th><th>得分 Score</th><th>状态 Status</th><th>说明 Explanation</th></tr>
<tr${budgetClass === '' ? '' : ` class="${budgetClass}"`}><td class="n">${e(b.budget ?? '—')}</td><td class="n">${e(b.executed ?? '—')}</td><td class="n">${e(percent(b.rate))}</td><td class="n">${e(b.weight)}</td><td class="n">${e(b.score)}</td><td>${e(statusCell(b.status))}</td><td>${e(b.explanation)}<div class="en">${e(b.explanationEn)}</div></td></tr></table>
<h2>绩效指标 Performance indicators</h2>
<table><tr><th>一级指标 Level 1</th><th>二级指标 Level 2</th><th>三级指标 Indicator</th><th>年度指标值 Target</th><th>实际完成值 Actual</th><th>分值 Weight</th><th>得分 Score</th><th>状态 Status</th><th>说明 Explanation</th></tr>
${body.join('\n')}
</table>
${rows.some((r) => weightOf(r) !== r.weight) ? `<p class="en">${e(WEIGHT_NOTE)}</p>\n` : ''}<p class="total${total.provisional ? ' provisional' : ''}">${e(`${total.label}：${total.value}`)}　${e(total.grade)}</p>
${issuesHtml('问题 Issues', 'issues', sheet.issues)}${issuesHtml('提示 Warnings', 'warnings', sheet.warnings)}`;
  return htmlPage(selfTitle(sheet), html.trimEnd());
}

/**
 * 把自评表的计分结果写成 CSV（UTF-8 带 BOM，CRLF 行尾，RFC 4180 引号）：表头之后先是预算执行率一行（类型 `budget`），
 * 再是各指标行（类型 `row`），每行一条记录；分值、得分、失分为结果中的原值，状态为状态代码。Renders a scored
 * self-evaluation as CSV (UTF-8 with BOM, CRLF line ends, RFC 4180 quoting): after the header, the budget line
 * (type `budget`), then one record per row (type `row`) with the level names, target and actual as printed,
 * weight, score and lost points as the sheet has them, the status code and the explanations. A not-set row has
 * empty score and lost.
 *
 * @param sheet the result of `scoreSelfEvaluation`
 * @returns the CSV text, starting with "\uFEFF"
 */
export function formatSelfEvaluationCsv(sheet: SelfEvaluationSheet): string {
  const b = sheet.budget;
  const header = ['类型 type', '一级指标 level 1', '二级指标 level 2', '三级指标 indicator', '年度指标值 target', '实际完成值 actual', '分值 weight', '得分 score', '失分 lost', '状态 status', '说明 explanation', '英文说明 explanation (English)'];
  const budget = ['budget', '预算执行', '', '预算执行率', '', b.rate === null ? '' : percent(b.rate), b.weight, b.score, budgetLost(sheet), b.status, b.explanation, b.explanationEn];
  const rows = sheet.rows.map((r) => ['row', r.level1, r.level2, r.name, r.targetText, r.actualText, r.weight, r.score ?? '', r.lost ?? '', r.status, r.explanation, r.explanationEn]);
  return csvDocument(header, [budget, ...rows]);
}

// ——— framework score sheet ———

const nodesOf = (sheet: ScoreSheet): NodeResult[] => {
  const out: NodeResult[] = [];
  const visit = (n: NodeResult): void => {
    out.push(n);
    n.children.forEach(visit);
  };
  sheet.indicators.forEach(visit);
  return out;
};
const sheetTitle = (sheet: ScoreSheet): string => `打分表 Score sheet：${sheet.framework.name}`;
const frameworkLine = (sheet: ScoreSheet): string => {
  const f = sheet.framework;
  const o = sheet.options;
  return [
    `指标体系 Framework：${f.name}（${f.id}${f.version === undefined ? '' : `，版本 version ${f.version}`}，指纹 hash ${f.hash}${f.base === undefined ? '' : `，派生自 derived from ${f.base.id}（${f.base.hash}）`}）`,
    `计算选项 Options：${o.precision} 位小数 places，${o.rounding}，舍入位置 round at ${o.roundAt}`,
  ].join('　');
};

/** The figures of each node as shown: weight (→ effective weight), score and lost at the precision. */
interface ShownNode {
  readonly node: NodeResult;
  readonly weight: string;
  readonly score: string;
  readonly lost: string;
}
function shownNodes(sheet: ScoreSheet): ShownNode[] {
  const { precision, rounding } = sheet.options;
  const fixed = (s: string): string => toFixed(dec(s), precision, rounding);
  const scores = shownScores(sheet);
  return nodesOf(sheet).map((n) => {
    const eff = fixed(n.effectiveWeight);
    const score = scores.get(n) ?? fixed(n.score);
    return { node: n, weight: eff === n.weight ? n.weight : `${n.weight}→${eff}`, score, lost: fixed(toPlain(sub(dec(eff), dec(score)))) };
  });
}

/** The lines under the tree: subtotal, cap or floor, total or provisional total, grade, veto, next grade, missing inputs. */
function totalLines(sheet: ScoreSheet): { text: string; strong?: boolean; provisional?: boolean }[] {
  const { precision, rounding } = sheet.options;
  const fixed = (s: string): string => toFixed(dec(s), precision, rounding);
  const out: { text: string; strong?: boolean; provisional?: boolean }[] = [{ text: `指标得分 Subtotal：${fixed(sheet.subtotal)} / ${sheet.maximum}` }];
  const running = sheet.adjustments.reduce((s, a) => add(s, dec(a.points)), dec(sheet.subtotal));
  const shownTotal = sheet.total ?? sheet.provisional?.total;
  if (shownTotal !== undefined && fixed(running.toString()) !== shownTotal) {
    out.push({ text: running.greaterThan(dec(shownTotal)) ? `超过满分的部分不计 Capped at the maximum：${fixed(running.toString())} → ${shownTotal}` : `总分不低于 0 Floored at 0：${fixed(running.toString())} → ${shownTotal}` });
  }
  if (sheet.total !== null) {
    out.push({ text: `总分 Total：${sheet.total} / ${sheet.maximum}　等级 Grade：${sheet.grade?.label ?? '—'}${sheet.vetoed ? '（一票否决 vetoed）' : ''}`, strong: true });
  } else if (sheet.provisional !== null) {
    out.push({ text: `${PROVISIONAL}：${sheet.provisional.total} / ${sheet.maximum}　暂计等级 Provisional grade：${sheet.provisional.grade?.label ?? '—'}${sheet.vetoed ? '（一票否决 vetoed）' : ''}`, strong: true, provisional: true });
  }
  if (sheet.nextGrade !== null) out.push({ text: `距“${sheet.nextGrade.label}”还差 ${sheet.nextGrade.pointsNeeded} 分 ${sheet.nextGrade.pointsNeeded} points to the next grade` });
  if (sheet.missingInputs.length > 0) out.push({ text: `缺少输入 Missing inputs：${sheet.missingInputs.join('、')}` });
  return out;
}
const adjustmentStatus = (a: AdjustmentResult): string => `${ADJUSTMENT_STATUS[a.status]}${a.triggered ? '，已触发 triggered' : ''}`;
const nodeClass = (n: NodeResult, lost: string): string =>
  [`l${Math.min(n.level, 9)}`, UNSCORED.has(n.status) && n.children.length === 0 ? 'issue' : n.status === 'not-applicable' ? 'na' : n.children.length === 0 && isPositive(lost) ? 'lost' : '']
    .filter((c) => c !== '')
    .join(' ');

/**
 * 把打分表写成 Markdown：指标树（层级缩进，分值 / 得分 / 失分 / 状态）、指标得分、总分或暂计总分（不完整时标为
 * “暂计”，非最终结果）与等级、调整项、从大到小的失分明细、逐项说明（中文、英文）、问题与提示。Renders a score sheet
 * as Markdown: the indicator tree with levels indented (weight, score, lost, status), the subtotal, the total —
 * or, while incomplete, the provisional total labelled as not final — and grade, the adjustments, the lost points
 * largest first, every node's sentence in Chinese and English, then issues and warnings.
 *
 * @param sheet the result of `evaluate`
 * @returns Markdown text ending in a newline
 */
export function formatScoreSheetMarkdown(sheet: ScoreSheet): string {
  const out: string[] = [`# ${md(sheetTitle(sheet))}`, '', md(frameworkLine(sheet)), ''];
  out.push('## 指标 Indicators', '', '| 层级 Level | 指标 Indicator | 分值 Weight | 得分 Score | 失分 Lost | 状态 Status |', '|---:|---|---:|---:|---:|---|');
  for (const s of shownNodes(sheet)) {
    const n = s.node;
    const name = n.level === 1 ? `**${md(n.name)}**` : `${'　'.repeat(2 * (n.level - 1))}${md(n.name)}`;
    out.push(`| ${n.level} | ${name} | ${s.weight} | ${s.score} | ${s.lost} | ${statusCell(n.status)} |`);
  }
  out.push('', ...totalLines(sheet).map((l) => `${l.strong === true ? `**${md(l.text)}**` : md(l.text)}  `), '');
  if (sheet.adjustments.length > 0) {
    out.push('## 调整项 Adjustments', '', '| 调整项 Adjustment | 类型 Kind | 分数 Points | 状态 Status | 说明 Explanation |', '|---|---|---:|---|---|');
    for (const a of sheet.adjustments) out.push(`| ${md(a.name)} | ${ADJUSTMENT[a.kind]} | ${a.points} | ${adjustmentStatus(a)} | ${md(a.explanation)} / ${md(a.explanationEn)} |`);
    out.push('');
  }
  if (sheet.lostPoints.length > 0) {
    out.push('## 失分明细 Lost points（从大到小 largest first）', '');
    sheet.lostPoints.forEach((l, i) => out.push(`${i + 1}. **${md(l.path.join(' / '))}** −${l.lost}：${md(l.reason)}`, `   ${md(l.reasonEn)}`));
    out.push('');
  }
  out.push('## 逐项说明 Explanations', '');
  for (const n of nodesOf(sheet)) {
    const indent = '  '.repeat(n.level - 1);
    out.push(`${indent}- **${md(n.name)}**：${md(n.explanation)}`, `${indent}  ${md(n.explanationEn)}`);
  }
  out.push('', ...issuesMd('问题 Issues', sheet.issues), ...issuesMd('提示 Warnings', sheet.warnings));
  return out.join('\n');
}

/**
 * 把打分表写成一页自包含、可打印的 HTML（内联样式，无外部资源）：指标树按层级缩进（CSS 内边距），失分与暂不得分的
 * 指标突出显示，分值 / 得分 / 失分 / 状态与说明（中文、英文），总分或暂计总分（标为“暂计”，非最终结果）与等级，调整项，
 * 突出显示的失分明细，问题与提示。Renders a score sheet as one self-contained, printable HTML page (inline CSS, no
 * external resources): the indicator tree indented by level (CSS padding), leaves that lose points or are left
 * unscored highlighted, with weight, score, lost, status and the sentences in Chinese and English; the total or the
 * provisional total (labelled as not final) and grade; the adjustments; the ranked lost points, highlighted; the
 * issues and warnings. All text is escaped.
 *
 * @param sheet the result of `evaluate`
 * @returns the HTML document
 */
export function formatScoreSheetHtml(sheet: ScoreSheet): string {
  const tree = shownNodes(sheet).map((s) => {
    const n = s.node;
    const cls = nodeClass(n, s.lost);
    return (
      `<tr class="${n.level === 1 ? `level1 ${cls}` : cls}"><td class="n">${n.level}</td><td style="padding-left:${(0.5 + 1.5 * (n.level - 1)).toFixed(1)}em">${e(n.name)}</td>` +
      `<td class="n">${e(s.weight)}</td><td class="n">${e(s.score)}</td><td class="n">${e(s.lost)}</td><td>${e(statusCell(n.status))}</td>` +
      `<td>${e(n.explanation)}<div class="en">${e(n.explanationEn)}</div></td></tr>`
    );
  });
  const totals = totalLines(sheet)
    .map((l) => (l.strong === true ? `<span class="total${l.provisional === true ? ' provisional' : ''}">${e(l.text)}</span>` : e(l.text)))
    .join('<br>\n');
  const adjustments =
    sheet.adjustments.length === 0
      ? ''
      : `<h2>调整项 Adjustments</h2>
<table><tr><th>调整项 Adjustment</th><th>类型 Kind</th><th>分数 Points</th><th>状态 Status</th><th>说明 Explanation</th></tr>
${sheet.adjustments
  .map((a) => `<tr${a.status !== 'applied' ? ' class="issue"' : isPositive(dec(a.points).negated().toString()) || a.triggered ? ' class="lost"' : ''}><td>${e(a.name)}</td><td>${e(ADJUSTMENT[a.kind])}</td><td class="n">${e(a.points)}</td><td>${e(adjustmentStatus(a))}</td><td>${e(a.explanation)}<div class="en">${e(a.explanationEn)}</div></td></tr>`)
  .join('\n')}
</table>
`;
  const lost =
    sheet.lostPoints.length === 0
      ? ''
      : `<h2>失分明细 Lost points（从大到小 largest first）</h2>
<table><tr><th>#</th><th>指标 Indicator</th><th>失分 Lost</th><th>原因 Reason</th></tr>
${sheet.lostPoints.map((l, i) => `<tr class="lost"><td class="n">${i + 1}</td><td>${e(l.path.join(' / '))}</td><td class="n">−${e(l.lost)}</td><td>${e(l.reason)}<div class="en">${e(l.reasonEn)}</div></td></tr>`).join('\n')}
</table>
`;
  const html = `<p>${e(frameworkLine(sheet))}</p>
<h2>指标 Indicators</h2>
<table><tr><th>层级 Level</th><th>指标 Indicator</th><th>分值 Weight</th><th>得分 Score</th><th>失分 Lost</th><th>状态 Status</th><th>说明 Explanation</th></tr>
${tree.join('\n')}
</table>
<p>${totals}</p>
${adjustments}${lost}${issuesHtml('问题 Issues', 'issues', sheet.issues)}${issuesHtml('提示 Warnings', 'warnings', sheet.warnings)}`;
  return htmlPage(sheetTitle(sheet), html.trimEnd());
}

/** The last line: the total (or the provisional total, so labelled) and the grade. */
function totalRecord(sheet: ScoreSheet, levels: (names: readonly string[]) => string[]): string[] {
  const provisional = sheet.total === null;
  const total = sheet.total ?? sheet.provisional?.total ?? sheet.subtotal;
  const grade = sheet.grade?.label ?? sheet.provisional?.grade?.label ?? '';
  const name = provisional ? '暂计总分 provisional total（不完整，非最终结果 incomplete, not final）' : '总分 total';
  return ['total', '', '', ...levels([name]), sheet.maximum, '', total, '', provisional ? 'incomplete' : 'complete', grade === '' ? '' : `等级 ${grade}`, grade === '' ? '' : `grade ${grade}`];
}

/**
 * 把打分表写成 CSV（UTF-8 带 BOM，CRLF 行尾，RFC 4180 引号）：每个节点一条记录（类型 `indicator`，按树的顺序，
 * 含 id、层级、一级至末级名称、分值、有效分值、得分、失分、状态代码与说明），其后每个调整项一条记录（类型为
 * `deduction` / `bonus` / `veto`，分数记在得分列，扣分为负）；数值为打分表中的原值（精确）。Renders a score sheet as
 * CSV (UTF-8 with BOM, CRLF line ends, RFC 4180 quoting): one record per node in tree order (type `indicator`: id,
 * level, the names from level 1 down, one column per level, weight, effective weight, score, lost, status code,
 * explanations), then one per adjustment (type `deduction`, `bonus` or `veto`, its points in the score column,
 * negative for deductions), then a `total` record with the total (or the provisional total, so labelled) and the
 * grade. Figures are the sheet's own, exact.
 *
 * @param sheet the result of `evaluate`
 * @returns the CSV text, starting with "\uFEFF"
 */
export function formatScoreSheetCsv(sheet: ScoreSheet): string {
  const nodes = nodesOf(sheet);
  const depth = nodes.reduce((d, n) => Math.max(d, n.level), 1);
  const levels = (names: readonly string[]): string[] => Array.from({ length: depth }, (_, i) => names[i] ?? '');
  const header = ['类型 type', 'id', '层级 level', ...Array.from({ length: depth }, (_, i) => levelLabel(i + 1)), '分值 weight', '有效分值 effective weight', '得分 score', '失分 lost', '状态 status', '说明 explanation', '英文说明 explanation (English)'];
  const records = [
    ...nodes.map((n) => ['indicator', n.id, String(n.level), ...levels(n.path), n.weight, n.effectiveWeight, n.score, n.lost, n.status, n.explanation, n.explanationEn]),
    ...sheet.adjustments.map((a) => [a.kind, a.id, '', ...levels([a.name]), '', '', a.points, '', a.status, a.explanation, a.explanationEn]),
    totalRecord(sheet, levels),
  ];
  return csvDocument(header, records);
}
