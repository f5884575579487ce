import { dec, mul, toFixed } from '../calc/decimal.js';
import type { SelfEvaluationSheet } from '../selfEval/scoreSelfEvaluation.js';
import { padEnd, padStart, width } from './textWidth.js';

const STATUS: { readonly [status: string]: string } = {
  scored: '',
  'not-set': '未设置',
  'not-applicable': '不适用',
  'missing-input': '缺输入',
  'invalid-input': '暂不得分',
  fault: '计算出错',
  vetoed: '否决',
  incomplete: '未完成',
};

/**
 * 把自评表的计分结果排成文本表格：项目、模板及出处、预算执行率一行、各指标行（一级 / 二级 / 三级、年度指标值、实际
 * 完成值、分值、得分），总分与等级，逐行说明，问题与提示。Renders a scored self-evaluation as a plain-text form: the
 * project, the template and its source, the budget line, the rows as printed with weight and score, the total
 * (or the provisional total, labelled so) and grade, one sentence per row, then issues and warnings.
 *
 * @param sheet the result of `scoreSelfEvaluation`
 * @returns the text, lines separated by "\n"
 */
export function formatSelfEvaluationTable(sheet: SelfEvaluationSheet): string {
  const p = sheet.project;
  const t = sheet.template;
  const source = [t.source.issuer, t.source.number, t.source.title === '' ? undefined : `《${t.source.title}》`, t.source.date].filter((x) => x !== undefined).join(' ');
  const out: string[] = [];
  out.push(`项目 Project：${p.name}${p.unit === undefined ? '' : `　实施单位：${p.unit}`}${p.department === undefined ? '' : `　主管部门：${p.department}`}${p.year === undefined ? '' : `　年度：${p.year}`}`);
  out.push(`模板 Template：${t.name}（${t.id}；${source}）`);
  const b = sheet.budget;
  out.push(`预算执行 Budget：预算数 ${b.budget ?? '—'} 万元，执行数 ${b.executed ?? '—'} 万元，执行率 ${b.rate === null ? '—' : `${toFixed(mul(dec(b.rate), dec(100)), 2, 'half-up')}%`}，分值 ${b.weight}，得分 ${b.score}${STATUS[b.status] === '' ? '' : `（${STATUS[b.status]}）`}`);
  const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', ''];
  const rows = sheet.rows.map((r) => [r.level1, r.level2, r.name, r.targetText, r.actualText, r.weight, r.score ?? '—', STATUS[r.status] ?? r.status]);
  const all = [header, ...rows];
  const cols = header.map((_, i) => all.reduce((most, row) => Math.max(most, width(row[i] ?? '')), 0));
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i === 5 || i === 6 ? padStart(cell, cols[i] ?? 0) : i === 7 ? cell : padEnd(cell, cols[i] ?? 0))).join('  ').trimEnd();
  const rule = '─'.repeat(cols.slice(0, 7).reduce((a, n) => a + n, 0) + 12);
  out.push(rule, line(header), rule, ...rows.map(line), rule);
  if (sheet.total !== null) out.push(`总分 Total  ${sheet.total} / ${sheet.maximum}${sheet.grade === null ? '' : `   等级 Grade：${sheet.grade}`}`);
  else if (sheet.provisional !== null) {
    out.push(`暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）  ${sheet.provisional.total} / ${sheet.maximum}${sheet.provisional.grade === null ? '' : `   暂计等级：${sheet.provisional.grade}`}`);
  }
  out.push('', '逐行说明 Rows：', `- 预算执行率：${b.explanation}`);
  for (const r of sheet.rows) out.push(`- ${r.name}：${r.explanation}`);
  if (sheet.issues.length > 0) {
    out.push('', '问题 Issues：');
    for (const i of sheet.issues) out.push(`- [${i.code}] ${i.path.join('.')}：${i.message}`);
  }
  if (sheet.warnings.length > 0) {
    out.push('', '提示 Warnings：');
    for (const w of sheet.warnings) out.push(`- [${w.code}] ${w.path.join('.')}：${w.message}`);
  }
  return out.join('\n');
}
