import { dec, toFixed } from '../decimal/decimal.js';
import type { NodeResult, ScoreSheet } from '../evaluate/types.js';

/** 文本打分表选项。Options of the text score table. */
export interface FormatOptions {
  /** 是否列出失分明细，缺省 true。List the ranked lost points, default true. */
  readonly lostPoints?: boolean;
  /** 是否列出提示，缺省 true。List warnings, default true. */
  readonly warnings?: boolean;
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

const STATUS: { readonly [K in NodeResult['status']]: string } = {
  scored: '',
  'not-applicable': '不适用',
  'missing-input': '缺输入',
  vetoed: '否决',
};

/**
 * 把打分表排成可读的文本表格（层级缩进，分值/得分/扣分，总分、等级与失分明细）。Renders a score sheet as a
 * plain-text table: indented levels, weight / score / lost, the total, the grade and the ranked lost points.
 *
 * @param sheet the result of `evaluate`
 * @param options what to include
 * @returns the table as text, lines separated by "\n"
 */
export function formatScoreTable(sheet: ScoreSheet, options: FormatOptions = {}): string {
  // With rounding only at the total, node scores are exact and may be long: show them at the total's decimals.
  const places = (sheet.total.split('.')[1] ?? '').length;
  const fit = (s: string): string => ((s.split('.')[1] ?? '').length > places ? toFixed(dec(s), places, 'half-up') : s);
  const rows: [string, string, string, string, string][] = [];
  const visit = (n: NodeResult, depth: number): void => {
    const weight = n.effectiveWeight === n.weight ? n.weight : `${n.weight}→${n.effectiveWeight}`;
    rows.push([`${'  '.repeat(depth)}${n.name}`, weight, fit(n.score), fit(n.lost), STATUS[n.status]]);
    n.children.forEach((c) => visit(c, depth + 1));
  };
  sheet.indicators.forEach((n) => visit(n, 0));
  for (const a of sheet.adjustments) {
    const label = a.kind === 'deduction' ? '扣分项' : a.kind === 'bonus' ? '加分项' : '一票否决';
    rows.push([`${label}：${a.name}`, '', a.points, '', a.status === 'missing-input' ? '缺输入' : a.triggered ? '触发' : '']);
  }
  const header: [string, string, string, string, string] = ['指标 Indicator', '分值', '得分', '扣分', ''];
  const all = [header, ...rows];
  const cols = [0, 1, 2, 3].map((i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]): string =>
    [padEnd(r[0] ?? '', cols[0] ?? 0), ...[1, 2, 3].map((i) => padStart(r[i] ?? '', cols[i] ?? 0)), r[4] ?? '']
      .join('  ')
      .trimEnd();
  const rule = '─'.repeat((cols[0] ?? 0) + (cols[1] ?? 0) + (cols[2] ?? 0) + (cols[3] ?? 0) + 6);
  const out = [sheet.framework.name, rule, line(header), rule, ...rows.map(line), rule];
  out.push(`指标得分 Subtotal  ${fit(sheet.subtotal)} / ${sheet.maximum}`);
  out.push(`总分 Total         ${sheet.total} / ${sheet.maximum}${sheet.grade === null ? '' : `   等级 Grade：${sheet.grade.label}`}${sheet.vetoed ? '（一票否决 vetoed）' : ''}`);
  if (sheet.nextGrade !== null) out.push(`距“${sheet.nextGrade.label}”还差 ${sheet.nextGrade.pointsNeeded} 分 / ${sheet.nextGrade.pointsNeeded} points to the next grade`);
  if (!sheet.complete) out.push(`输入不全 Incomplete：缺少 ${sheet.missingInputs.join('、')}`);
  if ((options.lostPoints ?? true) && sheet.lostPoints.length > 0) {
    out.push('', '失分明细 Lost points（从大到小）：');
    sheet.lostPoints.forEach((l, i) => out.push(`${i + 1}. ${l.path.join(' / ')}  −${l.lost}：${l.reason}`));
  }
  if ((options.warnings ?? true) && sheet.warnings.length > 0) {
    out.push('', '提示 Warnings：');
    for (const w of sheet.warnings) out.push(`- [${w.code}] ${w.message}`);
  }
  return out.join('\n');
}
