import { allocate } from '../calc/allocate.js';
import { decimalCalculator as c } from '../calc/calculator.js';
import { add, dec, pow10, sub, toFixed, toPlain, type Dec } from '../calc/decimal.js';
import type { NodeResult, ScoreSheet } from '../evaluate/types.js';
import { padEnd, padStart, width } from './textWidth.js';

/** 文本打分表选项。Options of the text score table. */
export interface FormatOptions {
  /** 是否列出失分明细，缺省 true。List the ranked lost points, default true. */
  readonly lostPoints?: boolean;
  /** 是否列出提示与问题，缺省 true。List issues and warnings, default true. */
  readonly warnings?: boolean;
}

const STATUS: { readonly [K in NodeResult['status']]: string } = {
  scored: '',
  'not-applicable': '不适用',
  'missing-input': '缺输入',
  'invalid-input': '输入有误',
  fault: '计算出错',
  vetoed: '否决',
  incomplete: '未完成',
};

/**
 * Scores as shown at the sheet's precision. With `roundAt: 'total'` node scores are exact; rounding each one
 * on its own would let the shown rows disagree with the shown total, so the shown total is split down the tree
 * by largest remainder instead: every shown level adds up to the level above. Shared with the Markdown and HTML
 * sheets (formatSheet.ts).
 */
export function shownScores(sheet: ScoreSheet): Map<NodeResult, string> {
  const { precision, rounding, roundAt } = sheet.options;
  const shown = new Map<NodeResult, string>();
  const unit = pow10(-precision);
  const handDown = (nodes: readonly NodeResult[], amount: Dec): void => {
    const parts = roundAt === 'leaf' ? nodes.map((n) => dec(n.score)) : allocate(c, amount, nodes.map((n) => dec(n.score)), nodes.map((n) => n.id), unit);
    nodes.forEach((n, i) => {
      const part = parts[i] ?? dec(0);
      shown.set(n, toFixed(part, precision, rounding));
      handDown(n.children, part);
    });
  };
  handDown(sheet.indicators, dec(toFixed(dec(sheet.subtotal), precision, rounding)));
  return shown;
}

/**
 * 把打分表排成可读的文本表格（层级缩进，分值/得分/扣分，总分、等级与失分明细）。Renders a score sheet as a
 * plain-text table: indented levels, weight / score / lost, the total (or the provisional total, labelled so,
 * while incomplete), the grade, and the ranked lost points.
 *
 * @param sheet the result of `evaluate`
 * @param options what to include
 * @returns the table as text, lines separated by "\n"
 */
export function formatScoreTable(sheet: ScoreSheet, options: FormatOptions = {}): string {
  const { precision, rounding } = sheet.options;
  const fixed = (s: string): string => toFixed(dec(s), precision, rounding);
  const scores = shownScores(sheet);
  const rows: [string, string, string, string, string][] = [];
  const visit = (n: NodeResult, depth: number): void => {
    const eff = fixed(n.effectiveWeight);
    const weight = eff === n.weight ? n.weight : `${n.weight}→${eff}`;
    const score = scores.get(n) ?? fixed(n.score);
    rows.push([`${'  '.repeat(depth)}${n.name}`, weight, score, fixed(toPlain(sub(dec(eff), dec(score)))), STATUS[n.status]]);
    n.children.forEach((ch) => visit(ch, depth + 1));
  };
  sheet.indicators.forEach((n) => visit(n, 0));
  for (const a of sheet.adjustments) {
    const label = a.kind === 'deduction' ? '扣分项' : a.kind === 'bonus' ? '加分项' : '一票否决';
    const status = a.status === 'applied' ? (a.triggered ? '触发' : '') : STATUS[a.status];
    rows.push([`${label}：${a.name}`, '', fixed(a.points), '', status]);
  }
  const header: [string, string, string, string, string] = ['指标 Indicator', '分值', '得分', '扣分', ''];
  const all = [header, ...rows];
  const cols = [0, 1, 2, 3].map((i) => all.reduce((most, r) => Math.max(most, width(r[i] ?? '')), 0));
  const line = (r: readonly string[]): string =>
    [padEnd(r[0] ?? '', cols[0] ?? 0), ...[1, 2, 3].map((i) => padStart(r[i] ?? '', cols[i] ?? 0)), r[4] ?? ''].join('  ').trimEnd();
  const rule = '─'.repeat((cols[0] ?? 0) + (cols[1] ?? 0) + (cols[2] ?? 0) + (cols[3] ?? 0) + 6);
  const out = [sheet.framework.name, rule, line(header), rule, ...rows.map(line), rule];
  out.push(`指标得分 Subtotal  ${fixed(sheet.subtotal)} / ${sheet.maximum}`);
  // The total is the subtotal plus the adjustments, kept within [0, maximum]: say so when that bound applied.
  const running = sheet.adjustments.reduce((sum, a) => add(sum, dec(a.points)), dec(sheet.subtotal));
  const shownTotal = sheet.total ?? sheet.provisional?.total;
  if (shownTotal !== undefined && fixed(running.toString()) !== shownTotal) {
    out.push(running.greaterThan(dec(shownTotal)) ? `超过满分的部分不计 Capped at the maximum：${fixed(running.toString())} → ${shownTotal}` : `总分不低于 0 Floored at 0：${fixed(running.toString())} → ${shownTotal}`);
  }
  if (sheet.total !== null) {
    out.push(`总分 Total         ${sheet.total} / ${sheet.maximum}${sheet.grade === null ? '' : `   等级 Grade：${sheet.grade.label}`}${sheet.vetoed ? '（一票否决 vetoed）' : ''}`);
  } else if (sheet.provisional !== null) {
    const g = sheet.provisional.grade;
    out.push(`暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）  ${sheet.provisional.total} / ${sheet.maximum}${g === null ? '' : `   暂计等级：${g.label}`}`);
  }
  if (sheet.nextGrade !== null) out.push(`距“${sheet.nextGrade.label}”还差 ${sheet.nextGrade.pointsNeeded} 分 / ${sheet.nextGrade.pointsNeeded} points to the next grade`);
  if (sheet.missingInputs.length > 0) out.push(`输入不全 Incomplete：缺少 ${sheet.missingInputs.join('、')}`);
  if ((options.lostPoints ?? true) && sheet.lostPoints.length > 0) {
    out.push('', '失分明细 Lost points（从大到小）：');
    sheet.lostPoints.forEach((l, i) => out.push(`${i + 1}. ${l.path.join(' / ')}  −${l.lost}：${l.reason}`));
  }
  if ((options.warnings ?? true) && sheet.issues.length > 0) {
    out.push('', '问题 Issues：');
    for (const w of sheet.issues) out.push(`- [${w.code}] ${w.path.join('.')}：${w.message}`);
  }
  if ((options.warnings ?? true) && sheet.warnings.length > 0) {
    out.push('', '提示 Warnings：');
    for (const w of sheet.warnings) out.push(`- [${w.code}] ${w.message}`);
  }
  return out.join('\n');
}
