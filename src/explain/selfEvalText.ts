/**
 * 自评表各行的说明句。Sentences for the rows of a self-evaluation sheet, in Chinese and English, built from the
 * parsed texts and the core engine's node results ("实际完成 98%，目标 ≥95%，已达成，得满分 10 分").
 */
import { cmp, dec, div, mul, toFixed, toPlain } from '../calc/decimal.js';
import type { NodeResult } from '../evaluate/types.js';
import { templateNum, type PlannedRow } from '../selfEval/build.js';
import { formatTarget, type ParsedActual, type ParsedTarget } from '../selfEval/targetText.js';

type Pair = readonly [zh: string, en: string];

const pct = (fraction: string): string => `${toFixed(mul(dec(fraction), dec(100)), 2, 'half-up')}%`;

/** An actual as it reads on the form, in the target's unit. */
export function actualText(a: ParsedActual): string {
  switch (a.kind) {
    case 'number':
      return `${a.value}${a.unit ?? ''}`;
    case 'word':
      return a.word;
    case 'date':
      return `${a.year === undefined ? '' : `${a.year}年`}${a.month}月${a.day === undefined ? '' : `${a.day}日`}`;
  }
}

/** 完成率：实际 ÷ 目标（目标为 0 时为 null）。Completion ratio actual ÷ target, or null for a zero target. */
export function completionRatio(row: PlannedRow): string | null {
  if (row.target?.kind !== 'numeric' || row.actual?.kind !== 'number') return null;
  const [a, t] = row.merged === undefined ? [dec(row.actual.value), dec(row.target.value)] : [row.merged.actual, row.merged.target];
  if (t.isZero()) return null;
  return toFixed(div(a, t), 6, 'half-up');
}

/** The sentence of a scored row. */
export function rowSentence(row: PlannedRow, node: NodeResult): Pair {
  const w = toPlain(row.weight);
  const s = node.score;
  const full = cmp(dec(s), row.weight) === 0 && !row.weight.isZero();
  const target = row.target as ParsedTarget;
  const shownTarget = formatTarget(target);
  const got: Pair = full ? [`得满分 ${w} 分`, `full ${w} points`] : [`得 ${s} 分（满分 ${w} 分）`, `${s} of ${w} points`];
  const merged: Pair = row.merged === undefined ? ['', ''] : [`（${row.paths.length} 个年度目标汇总）`, ` (${row.paths.length} annual targets combined)`];
  if (row.tier !== undefined) {
    const t = row.tier;
    const lo = toPlain(mul(row.weight, templateNum(t.tier.min)));
    const hi = toPlain(mul(row.weight, templateNum(t.tier.max)));
    const how: Pair = t.defaulted ? ['表上未填得分，按模板缺省', 'no score on the form, the template default'] : ['评价人打分', "the evaluator's score"];
    const when = row.actual?.kind === 'date' ? [`完成时间 ${actualText(row.actual)}，时限 ${shownTarget}，`, `done ${actualText(row.actual)}, deadline ${shownTarget}; `] : [`实际完成情况“${actualText(row.actual as ParsedActual)}”，目标“${shownTarget}”，`, `actual "${actualText(row.actual as ParsedActual)}", target "${shownTarget}"; `];
    return [
      `${when[0]}属“${t.tier.name}”档（${lo}–${hi} 分），${how[0]} ${toPlain(t.score)} 分，${got[0]}`,
      `${when[1]}tier "${t.tier.id}" (${lo}–${hi} points), ${how[1]} ${toPlain(t.score)}: ${got[1]}`,
    ];
  }
  const a = row.actual as ParsedActual & { kind: 'number' };
  const actual = row.merged === undefined ? actualText(a) : `${toPlain(row.merged.funds === null ? row.merged.actual : div(row.merged.actual, row.merged.funds).toDecimalPlaces(4))}${a.unit ?? ''}`;
  const targetShown = row.merged === undefined ? shownTarget : formatTarget({ ...(target as ParsedTarget & { kind: 'numeric' }), value: toPlain(row.merged.funds === null ? row.merged.target : div(row.merged.target, row.merged.funds).toDecimalPlaces(4)) });
  const ratio = completionRatio(row);
  const met = node.outcome !== undefined && 'met' in node.outcome ? node.outcome.met : node.outcome?.kind === 'binary' ? node.outcome.holds : full;
  const head: Pair = [`实际完成 ${actual}，目标 ${targetShown}${merged[0]}`, `actual ${actual}, target ${targetShown}${merged[1]}`];
  if (row.mode === 'row-rule' || (node.outcome !== undefined && !['ratio', 'lower-is-better', 'equal', 'binary'].includes(node.outcome.kind))) {
    return [`${head[0]}；${node.explanation}`, `${head[1]}; ${node.explanationEn}`];
  }
  if (full || met) return [`${head[0]}，已达成，${got[0]}`, `${head[1]}: met, ${got[1]}`];
  const how: Pair =
    row.mode === 'reverse'
      ? node.outcome?.kind === 'lower-is-better'
        ? [`未达成，按目标与实际之比计分`, `not met, scored by target ÷ actual`]
        : [`未达成`, `not met`]
      : ratio === null
        ? ['未达成', 'not met']
        : [`完成率 ${pct(ratio)}`, `completion ${pct(ratio)}`];
  return [`${head[0]}，${how[0]}，${got[0]}`, `${head[1]}: ${how[1]}, ${got[1]}`];
}

/** The sentence of the budget execution line. */
export function budgetSentence(budget: string | null, executed: string | null, node: NodeResult): Pair {
  const w = node.weight;
  if (budget === null || executed === null || node.status !== 'scored' || node.outcome?.kind !== 'ratio') {
    return [`预算执行率暂不得分：${node.explanation}`, `Budget execution not scored: ${node.explanationEn}`];
  }
  const rate = pct(node.outcome.value);
  return [
    `全年执行数 ${executed} 万元 ÷ 预算数 ${budget} 万元 = ${rate}，得 ${node.score} 分（满分 ${w} 分）`,
    `executed ${executed} ÷ budget ${budget} (万元) = ${rate}: ${node.score} of ${w} points`,
  ];
}
