/**
 * 按指标体系评价的复核。Review (复核) of an evaluation against a framework: the scores printed per indicator, the
 * total and the grade are checked against each other and against the framework's rules.
 */
import { add, cmp, dec, sub, sum, toPlain, type Dec } from '../calc/decimal.js';
import type { Num } from '../expr/types.js';
import type { Issue, IssuePath, Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Result } from '../errors/result.js';
import { safeEvaluate, type EvaluateOptions } from '../evaluate/evaluate.js';
import type { NodeResult, ScoreSheet } from '../evaluate/types.js';
import * as z from 'zod/mini';
import { numSchema } from '../expr/schema.js';
import { guarded, type Framework } from '../framework/defineFramework.js';
import { checkedCopy } from '../framework/plainData.js';
import { lazy } from '../lazy.js';
import type { EvaluationInputs } from '../framework/types.js';
import { checkTotals, findingList, numOf, reviewOutcome, ROUNDINGS, roundingEn, roundingZh, same, unreadableClaim, type FindingRow, type ReviewOutcome } from './common.js';
import { severityOfIssue } from './findings.js';

/** 表上所填的各指标得分、总分与等级（复核用）。The scores, total and grade printed on an evaluation, for review. */
export interface ClaimedScores {
  /** 各指标所填得分（按指标 id，任一级均可）。Claimed scores by indicator id, at any level. */
  readonly scores?: { readonly [id: string]: Num };
  /** 所填总分。Claimed total. */
  readonly total?: Num;
  /** 所填等级。Claimed grade. */
  readonly grade?: string;
  /** 报告正文所述总分。Total stated in the report's prose. */
  readonly statedTotal?: Num;
}

/** Structure of the claims (strict: a misspelt field is `unknown-key`), built on first use (see src/lazy.ts). */
export const claimedScoresSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    scores: z.optional(z.record(z.string(), numSchema)),
    total: z.optional(numSchema),
    grade: z.optional(z.string()),
    statedTotal: z.optional(numSchema),
  }),
);

/** 按指标体系评价的复核结果。The review of an evaluation against a framework. */
export interface EvaluationReview extends ReviewOutcome {
  /** 格式标记。Format tag. */
  readonly format: 'jixiao.evaluation-review/1';
  /** 指标体系。The framework. */
  readonly framework: {
    /** id。Id. */
    readonly id: string;
    /** 名称。Name. */
    readonly name: string;
  };
  /** 复核所依据的打分表。The score sheet the review is based on. */
  readonly sheet: ScoreSheet;
}

/** Every node of a sheet, parents before children. */
function nodesOf(sheet: ScoreSheet): NodeResult[] {
  const out: NodeResult[] = [];
  const walk = (ns: readonly NodeResult[]) => ns.forEach((n) => (out.push(n), walk(n.children)));
  walk(sheet.indicators);
  return out;
}

const rowOf = (n: NodeResult): FindingRow => ({ level1: n.path[0] ?? n.name, level2: n.path.length > 2 ? (n.path[1] ?? '') : '', name: n.path.length > 1 ? n.name : '' });

function review(framework: Framework, inputs: EvaluationInputs, claims: ClaimedScores, options: EvaluateOptions, sheet: ScoreSheet): EvaluationReview {
  const places = sheet.options.precision;
  const mode = sheet.options.rounding;
  const grades = framework.definition.grades;
  const nodes = nodesOf(sheet);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const scores = claims.scores ?? {};
  const claimOf = (id: string) => (Object.hasOwn(scores, id) ? numOf(scores[id]) : null);

  // A subtotal not printed (攀枝花's 总体绩效) is the sum of its children's claims, when they are all printed.
  const derived = new Map<string, Dec | null>();
  const claimOrSum = (n: NodeResult): Dec | null => {
    if (derived.has(n.id)) return derived.get(n.id) as Dec | null;
    const own = claimOf(n.id);
    const parts = own !== null || n.children.length === 0 ? [] : n.children.map(claimOrSum);
    const v = own ?? (parts.length > 0 && parts.every((p) => p !== null) ? sum(parts as Dec[]) : null);
    derived.set(n.id, v);
    return v;
  };
  const adjustments = sum(sheet.adjustments.filter((a) => a.triggered && a.kind !== 'veto').map((a) => dec(a.points)));
  const level1Claims = sheet.indicators.map(claimOrSum);
  const claimSum = level1Claims.every((c) => c !== null) ? add(sum(level1Claims as Dec[]), adjustments) : null;
  const claimedTotal = numOf(claims.total);
  const base = claimedTotal ?? claimSum;
  const list = findingList(grades, places, base);
  const { push, fixed, shifts } = list;

  // Claims for ids the framework does not have: reported, never dropped.
  for (const id of Object.keys(scores)) {
    if (!byId.has(id)) list.issue(makeIssue('unknown-indicator', ['claimed', 'scores', id], { id }), 'error', null, String(scores[id]));
    else unreadableClaim(list, ['claimed', 'scores', id], scores[id], rowOf(byId.get(id) as NodeResult));
  }
  unreadableClaim(list, ['claimed', 'total'], claims.total, null);
  unreadableClaim(list, ['claimed', 'statedTotal'], claims.statedTotal, null);

  // Re-scoring under other roundings, made only when a claimed score needs explaining.
  let alternatives: { places: number; mode: typeof mode; sheet: ScoreSheet }[] | undefined;
  const alternativeSheets = () => {
    alternatives ??= ROUNDINGS.filter(([p, m]) => p !== places || m !== mode).flatMap(([p, m]) => {
      const r = safeEvaluate(framework, inputs, { ...options, precision: p, rounding: m });
      return r.ok ? [{ places: p, mode: m, sheet: r.value }] : [];
    });
    return alternatives;
  };

  const compared = new Set<string>();
  for (const n of nodes) {
    const claimed = claimOf(n.id);
    if (claimed === null) continue;
    const row = rowOf(n);
    const path: IssuePath = ['claimed', 'scores', n.id];
    const claimedText = String(scores[n.id]);
    const scored = n.status === 'scored' || n.status === 'not-applicable' || n.status === 'vetoed';
    const weight = dec(n.effectiveWeight);
    if (!scored) {
      if (cmp(claimed, weight) > 0) push('claimed-above-weight', { path, row, claimed: claimedText, computed: null, difference: null, stake: fixed(sub(claimed, weight)), changesGrade: null }, { weight: toPlain(weight) });
      continue;
    }
    compared.add(n.id);
    const computed = dec(n.score);
    const difference = sub(claimed, computed);
    const common = { path, row, claimed: claimedText, computed: n.score, difference: fixed(difference), stake: fixed(difference.abs()), changesGrade: shifts(claimed, computed) };
    if (cmp(claimed, weight) > 0) {
      push('claimed-above-weight', common, { weight: toPlain(weight) });
      continue;
    }
    if (same(difference, dec(0))) continue;
    const alt = alternativeSheets().find((a) => {
      const m = nodesOf(a.sheet).find((x) => x.id === n.id);
      return m !== undefined && same(dec(m.score), claimed);
    });
    if (alt !== undefined) {
      push('rounding-difference', { ...common, rounding: { places: alt.places, mode: alt.mode } }, {
        rounding: roundingZh(alt.places, alt.mode), roundingEn: roundingEn(alt.places, alt.mode),
        templateRounding: roundingZh(places, mode), templateRoundingEn: roundingEn(places, mode),
      });
      continue;
    }
    if (same(claimed, weight) && n.children.length === 0) {
      push('full-marks-target-missed', common, { detail: n.explanation, detailEn: n.explanationEn });
      continue;
    }
    push('score-mismatch', common, { explanation: n.explanation, explanationEn: n.explanationEn });
  }

  // Sums of the claims, independent of any rule: a parent and its children, the total and level 1.
  for (const n of nodes) {
    const claimed = claimOf(n.id);
    if (claimed === null || n.children.length === 0) continue;
    const parts = n.children.map((c) => claimOf(c.id));
    if (parts.some((c) => c === null)) continue;
    const s = sum(parts as Dec[]);
    if (!same(s, claimed)) {
      push('rows-sum-mismatch', { path: ['claimed', 'scores', n.id], row: rowOf(n), claimed: String(scores[n.id]), computed: toPlain(s), difference: fixed(sub(claimed, s)), stake: fixed(sub(claimed, s).abs()), changesGrade: shifts(claimed, s) }, {});
    }
  }
  if (claimedTotal !== null && claimSum !== null && !same(claimSum, claimedTotal)) {
    const diff = sub(claimedTotal, claimSum);
    push('total-sum-mismatch', { path: ['claimed', 'total'], row: null, claimed: String(claims.total), computed: toPlain(claimSum), difference: fixed(diff), stake: fixed(diff.abs()), changesGrade: list.gradeAt(claimedTotal) !== list.gradeAt(claimSum) }, {
      parts: '各一级指标（及调整项）', partsEn: 'the level-1 indicators (and adjustments)',
    });
  }
  const stated = numOf(claims.statedTotal);
  checkTotals(list, {
    total: claimedTotal === null ? null : { value: claimedTotal, text: String(claims.total), path: ['claimed', 'total'] },
    grade: claims.grade === undefined ? null : { text: claims.grade, path: ['claimed', 'grade'] },
    stated: stated === null ? null : { value: stated, text: String(claims.statedTotal), path: ['claimed', 'statedTotal'] },
    base,
    partsKnown: claimSum !== null,
    recomputed: sheet.total,
    maximum: dec(sheet.maximum),
    aboveMaximum: framework.definition.options?.bonusAboveTotal === true,
  });

  // The sheet's issues and warnings, each a finding on its indicator.
  const nodeAt = (i: Issue): NodeResult | undefined => {
    if (i.path[0] === 'values') return nodes.find((n) => n.children.length === 0 && Object.hasOwn(n.inputs, String(i.path[1])));
    const id = i.data?.id ?? i.data?.indicator;
    return id === undefined ? undefined : byId.get(id);
  };
  const fromIssue = (i: Issue, isWarning: boolean) => {
    const n = nodeAt(i);
    const row = n === undefined ? null : rowOf(n);
    const claim = n === undefined ? null : claimOf(n.id);
    list.issue(i, severityOfIssue(i.code, isWarning), row, claim === null || n === undefined ? null : String(scores[n.id]), !isWarning && n !== undefined && n.status !== 'scored' ? n.effectiveWeight : '0');
  };
  for (const i of sheet.issues) fromIssue(i, false);
  for (const w of sheet.warnings) fromIssue(w, true);

  const computedTotal = sheet.total ?? sheet.provisional?.total ?? sheet.subtotal;
  const computedGrade = sheet.grade?.label ?? sheet.provisional?.grade?.label ?? null;
  return {
    format: 'jixiao.evaluation-review/1',
    framework: { id: framework.id, name: framework.name },
    ...reviewOutcome(
      list,
      { total: claims.total !== undefined ? String(claims.total) : claimSum === null ? null : toPlain(claimSum), grade: claims.grade ?? null },
      base,
      { total: computedTotal, grade: computedGrade, complete: sheet.complete },
    ),
    sheet,
  };
}

/**
 * 复核按指标体系所做的评价（不抛异常）。Reviews (复核) an evaluation against its framework: the inputs are scored,
 * and the scores printed per indicator (any level), the total and the grade are checked — against the rules
 * (claimed vs computed, a rounding that reproduces the claim, a score above its weight) and against each other
 * (children that do not add up to their parent, level 1 and adjustments that do not add up to the total, a grade
 * that does not match, a prose total that differs). The sheet's issues and warnings are findings too. Only
 * inputs that cannot be evaluated at all give `ok: false` (as `safeEvaluate`).
 *
 * @param framework the framework (`defineFramework`)
 * @param inputs the evaluation's inputs
 * @param claimed the scores, total and grade printed on the evaluation
 * @param options evaluation options (precision, rounding, roundAt)
 * @example
 * const r = reviewEvaluation(framework, { values }, { scores: { 'budget-execution': 9 }, total: 92, grade: '优' });
 * if (r.ok) for (const f of r.value.findings) console.log(f.code, f.message);
 */
export function reviewEvaluation(framework: Framework, inputs: EvaluationInputs, claimed: ClaimedScores, options: EvaluateOptions = {}): Result<EvaluationReview> {
  return guarded(() => {
    const claims = checkedCopy<ClaimedScores>(claimed ?? {}, claimedScoresSchema());
    if (!claims.ok) return { ok: false, issues: claims.issues.map((i) => ({ ...i, path: ['claimed', ...i.path] })) as unknown as Issues };
    const scored = safeEvaluate(framework, inputs, options);
    if (!scored.ok) return scored;
    return { ok: true, value: review(framework, inputs, claims.value, options, scored.value) };
  });
}
