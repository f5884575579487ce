/**
 * 自评表复核。Review (复核) of a submitted self-evaluation: the form's claimed numbers are checked against each
 * other (sums, weights, grade) and against the template's rules (recomputed by the scorer), and every difference
 * becomes a finding with the row, claimed vs computed, and what the rule gives.
 */
import { add, cmp, dec, div, isZero, mul, round, sub, sum, toFixed, toPlain, type Dec } from '../calc/decimal.js';
import type { RoundingMode } from '../calc/rounding.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import type { Result } from '../errors/result.js';
import { findNode } from '../evaluate/findNode.js';
import { guarded } from '../framework/defineFramework.js';
import { isTemplateValue, type Template } from '../selfEval/defineTemplate.js';
import { safeScoreSelfEvaluation, type SelfEvaluationRowResult, type SelfEvaluationSheet } from '../selfEval/scoreSelfEvaluation.js';
import { compactText } from '../selfEval/targetText.js';
import { templateRounding, type TemplateDefinition } from '../selfEval/template.js';
import type { ProjectFacts, SelfEvaluation, TargetRow } from '../selfEval/types.js';
import { checkTotals, findingList, numOf, reviewOutcome, ROUNDINGS, roundingEn, roundingZh, same, unreadableClaim, type FindingRow, type ReviewOutcome } from './common.js';
import { severityOfIssue } from './findings.js';

/** 自评表复核结果。The review of a self-evaluation. */
export interface SelfEvaluationReview extends ReviewOutcome {
  /** 格式标记。Format tag. */
  readonly format: 'jixiao.review/1';
  /** 所用模板。The template. */
  readonly template: {
    /** 模板 id。Id. */
    readonly id: string;
    /** 模板名称。Name. */
    readonly name: string;
  };
  /** 项目信息。Project facts. */
  readonly project: ProjectFacts;
  /** 复核所依据的计分结果。The scored sheet the review is based on. */
  readonly sheet: SelfEvaluationSheet;
}

/** The document row at a path such as ["rows", 3] or ["targets", 0, "rows", 2]. */
function docRow(doc: SelfEvaluation, path: IssuePath): TargetRow | undefined {
  if (path[0] === 'rows') return doc.rows?.[path[1] as number];
  if (path[0] === 'targets') return doc.targets?.[path[1] as number]?.rows[path[3] as number];
  return undefined;
}

const startsWith = (path: IssuePath, prefix: IssuePath) => prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

function review(doc: SelfEvaluation, def: TemplateDefinition, sheet: SelfEvaluationSheet): SelfEvaluationReview {
  const { precision: places, rounding: mode } = templateRounding(def);
  const budgetRow: FindingRow = { level1: '预算执行率', level2: '', name: '' };

  // The claimed total the grade effects are measured from: printed, else the sum of every claimed score.
  const live = sheet.rows.filter((r) => r.status !== 'not-set');
  const rowClaims = live.map((r) => numOf(r.claimed ?? undefined));
  const budgetClaim = numOf(doc.budget.claimed);
  const claimSum = budgetClaim !== null && rowClaims.every((c) => c !== null) ? add(budgetClaim, sum(rowClaims as Dec[])) : null;
  const claimedTotal = numOf(doc.claimedTotal);
  const base = claimedTotal ?? claimSum;
  const list = findingList(def.grades, places, base);
  const { push, fixed, gradeAt, shifts } = list;

  // Re-scoring under other roundings, made only when a claimed score needs explaining.
  let alternatives: { places: number; mode: RoundingMode; sheet: SelfEvaluationSheet }[] | undefined;
  const alternativeSheets = () => {
    alternatives ??= ROUNDINGS.filter(([p, m]) => p !== places || m !== mode).flatMap(([p, m]) => {
      const r = safeScoreSelfEvaluation(doc, { ...def, options: { precision: p, rounding: m } });
      return r.ok ? [{ places: p, mode: m, sheet: r.value }] : [];
    });
    return alternatives;
  };

  /** Compares one claimed score with the computed one and names the most specific explanation of a difference. */
  const compare = (row: FindingRow, path: IssuePath, claimedText: string, weight: Dec, computedText: string, missed: readonly [string, string] | null, pick: (s: SelfEvaluationSheet) => string | null, result?: SelfEvaluationRowResult) => {
    const claimed = numOf(claimedText) as Dec;
    const computed = dec(computedText);
    const difference = sub(claimed, computed);
    const common = { path, row, claimed: claimedText, computed: computedText, difference: fixed(difference), stake: fixed(difference.abs()), changesGrade: shifts(claimed, computed) };
    // Points of rows that are not set may be rescaled over the others: the most a row can score is then above its weight.
    const cap = cmp(computed, weight) > 0 ? computed : weight;
    if (cmp(claimed, cap) > 0) {
      push('claimed-above-weight', common, { weight: toPlain(weight) });
      return;
    }
    if (same(difference, dec(0))) return;
    const alt = alternativeSheets().find((a) => {
      const v = pick(a.sheet);
      return v !== null && same(dec(v), claimed);
    });
    if (alt !== undefined) {
      push('rounding-difference', { ...common, rounding: { places: alt.places, mode: alt.mode } }, {
        rounding: roundingZh(alt.places, alt.mode), roundingEn: roundingEn(alt.places, alt.mode),
        templateRounding: roundingZh(places, mode), templateRoundingEn: roundingEn(places, mode),
      });
      return;
    }
    if (same(claimed, cap) && missed !== null && cmp(computed, cap) < 0) {
      push('full-marks-target-missed', common, { detail: missed[0], detailEn: missed[1] });
      return;
    }
    if (result !== undefined && /满意/.test(result.level1 + result.level2 + result.name) && same(computed, weight) && result.actual?.kind === 'number') {
      const rate = result.actual.unit === '%' ? div(dec(result.actual.value), dec(100)) : dec(result.actual.value);
      const product = mul(rate, weight);
      if (cmp(rate, dec(1)) <= 0 && ROUNDINGS.some(([p, m]) => same(round(product, p, m), claimed))) {
        push('satisfaction-rate-times-weight', common, { actual: result.actualText, target: result.targetText });
        return;
      }
    }
    const explanation = result?.explanation ?? sheet.budget.explanation;
    const explanationEn = result?.explanationEn ?? sheet.budget.explanationEn;
    push('score-mismatch', common, { explanation, explanationEn });
  };

  // The budget line.
  const b = sheet.budget;
  if (budgetClaim !== null && b.status === 'scored') {
    const rate = b.rate === null ? null : dec(b.rate);
    const shown = rate === null ? '' : `${toFixed(mul(rate, dec(100)), 2, 'half-up')}%`;
    const missed = rate !== null && cmp(rate, dec(1)) < 0 ? ([`执行率 ${shown}`, `execution rate ${shown}`] as const) : null;
    compare(budgetRow, ['budget', 'claimed'], String(doc.budget.claimed), dec(b.weight), b.score, missed, (s) => (s.budget.status === 'scored' ? s.budget.score : null));
  }

  // Each row the scorer could score.
  const compared = new Set<SelfEvaluationRowResult>();
  for (const r of live) {
    if (r.claimed === null || numOf(r.claimed) === null || r.score === null) continue;
    const row: FindingRow = { level1: r.level1, level2: r.level2, name: r.name };
    if (r.status !== 'scored') {
      if (cmp(numOf(r.claimed) as Dec, dec(r.weight)) > 0) {
        push('claimed-above-weight', { path: [...r.path, 'claimed'], row, claimed: r.claimed, computed: null, difference: null, stake: fixed(sub(numOf(r.claimed) as Dec, dec(r.weight))), changesGrade: null }, { weight: r.weight });
      }
      continue;
    }
    // Rows merged for scoring (Hubei) are compared by the sum of their claims.
    const claims = r.paths.map((p) => numOf(docRow(doc, p)?.claimed));
    if (claims.some((c) => c === null)) continue;
    const claimedText = r.paths.length === 1 ? r.claimed : toPlain(sum(claims as Dec[]));
    // A qualitative row's claim is the evaluator's score: the scorer takes it as given inside its tier (then the
    // row's score is the claim) and clamps it otherwise; with no claim the template's default is used.
    if (r.tier?.defaulted === true) continue;
    // Points of rows that are not set may be rescaled over the others; a form may print a row's score before or after.
    const node = findNode(sheet.sheet, r.node);
    // The claim is taken as printed before rescaling when, rescaled as the template does, it gives the row's score.
    // (Only for points rescaled up, where a different claim always rescales to a different score.)
    if (node !== undefined && cmp(dec(node.effectiveWeight), dec(r.weight)) > 0 && !isZero(dec(r.weight))) {
      const rescaled = round(div(mul(numOf(claimedText) as Dec, dec(node.effectiveWeight)), dec(r.weight)), places, mode);
      if (same(rescaled, dec(r.score))) continue;
    }
    const actual = r.tier === undefined ? r.actualText : `${r.actualText}（${r.tier.name}）`;
    const missed = dec(r.score).lessThan(dec(r.weight)) ? ([`实际 ${actual}，目标 ${r.targetText}`, `actual ${actual}, target ${r.targetText}`] as const) : null;
    const index = sheet.rows.indexOf(r);
    compared.add(r);
    compare(row, [...r.path, 'claimed'], claimedText, dec(r.weight), r.score, missed, (s) => s.rows[index]?.score ?? null, r);
  }

  // A claimed number that cannot be read is a finding, wherever it is printed (the rows' are the scorer's issues).
  const unreadable = (path: IssuePath, value: unknown, row: FindingRow | null) => void unreadableClaim(list, path, value, row);
  unreadable(['budget', 'claimed'], doc.budget.claimed, budgetRow);
  (doc.levels ?? []).forEach((l, i) => {
    unreadable(['levels', i, 'weight'], l.weight, { level1: l.level1, level2: '', name: '' });
    unreadable(['levels', i, 'claimed'], l.claimed, { level1: l.level1, level2: '', name: '' });
  });
  (doc.targets ?? []).forEach((t, i) => unreadable(['targets', i, 'claimed'], t.claimed, { level1: t.name ?? `年度绩效目标${i + 1}`, level2: '', name: '' }));
  unreadable(['claimedTotal'], doc.claimedTotal, null);
  unreadable(['statedTotal'], doc.statedTotal, null);

  // Sums of the claimed numbers, independent of any rule.
  const levelRows = (level1: string) => live.filter((r) => compactText(r.level1) === compactText(level1));
  const levelParts: Dec[] = [];
  let levelsCover = doc.levels !== undefined && doc.levels.length > 0;
  (doc.levels ?? []).forEach((l, i) => {
    const rows = levelRows(l.level1);
    const row: FindingRow = { level1: l.level1, level2: '', name: '' };
    if (rows.length === 0 && !sheet.rows.some((r) => compactText(r.level1) === compactText(l.level1))) {
      push('unknown-level', { path: ['levels', i, 'level1'], row, claimed: l.claimed === undefined ? null : String(l.claimed), computed: null, difference: null, stake: '0', changesGrade: null }, { level: l.level1 });
    }
    const claimed = numOf(l.claimed);
    const claims = rows.map((r) => numOf(r.claimed ?? undefined));
    if (claimed === null) levelsCover = false;
    else levelParts.push(claimed);
    if (claimed !== null && rows.length > 0 && claims.every((c) => c !== null)) {
      const s = sum(claims as Dec[]);
      if (!same(s, claimed)) {
        push('rows-sum-mismatch', { path: ['levels', i, 'claimed'], row, claimed: String(l.claimed), computed: toPlain(s), difference: fixed(sub(claimed, s)), stake: fixed(sub(claimed, s).abs()), changesGrade: shifts(claimed, s) }, {});
      }
    }
    const weight = numOf(l.weight);
    if (weight !== null && rows.length > 0 && rows.every((r) => r.weightGiven)) {
      const s = sum(rows.map((r) => dec(r.weight)));
      if (!same(s, weight)) {
        push('level-weights-mismatch', { path: ['levels', i, 'weight'], row, claimed: String(l.weight), computed: toPlain(s), difference: fixed(sub(weight, s)), stake: fixed(sub(weight, s).abs()), changesGrade: null }, {});
      }
    }
  });
  if (levelsCover && !live.every((r) => (doc.levels ?? []).some((l) => compactText(l.level1) === compactText(r.level1)))) levelsCover = false;
  (doc.targets ?? []).forEach((t, i) => {
    const claimed = numOf(t.claimed);
    const claims = t.rows.map((r) => numOf(r.claimed));
    if (claimed === null || !claims.some((c) => c !== null) || claims.some((c, j) => c === null && sheet.rows.some((r) => r.status !== 'not-set' && r.paths.some((p) => p[1] === i && p[3] === j)))) return;
    const s = sum(claims.filter((c): c is Dec => c !== null));
    if (!same(s, claimed)) {
      const row: FindingRow = { level1: t.name ?? `年度绩效目标${i + 1}`, level2: '', name: '' };
      push('rows-sum-mismatch', { path: ['targets', i, 'claimed'], row, claimed: String(t.claimed), computed: toPlain(s), difference: fixed(sub(claimed, s)), stake: fixed(sub(claimed, s).abs()), changesGrade: shifts(claimed, s) }, {});
    }
  });
  if (claimedTotal !== null && budgetClaim !== null) {
    const parts = levelsCover ? add(budgetClaim, sum(levelParts)) : claimSum;
    // With rows' points rescaled (a "/" row that carries points), a form may print row scores before rescaling and
    // the rescaled total: a total equal to the recomputed one is not a finding.
    const rescaled = live.some((r) => {
      const n = findNode(sheet.sheet, r.node);
      return n !== undefined && !same(dec(n.effectiveWeight), dec(r.weight));
    });
    const printedRescaled = rescaled && sheet.total !== null && same(claimedTotal, dec(sheet.total));
    if (parts !== null && !same(parts, claimedTotal) && !printedRescaled) {
      const diff = sub(claimedTotal, parts);
      push('total-sum-mismatch', { path: ['claimedTotal'], row: null, claimed: String(doc.claimedTotal), computed: toPlain(parts), difference: fixed(diff), stake: fixed(diff.abs()), changesGrade: gradeAt(claimedTotal) !== gradeAt(parts) }, {
        parts: levelsCover ? '预算执行率与各一级指标' : '预算执行率与各指标行', partsEn: levelsCover ? 'the budget line and the level-1 subtotals' : 'the budget line and the rows',
      });
    }
  }
  // A total whose parts are not all printed is still checked against the recomputed total.
  checkTotals(list, {
    total: claimedTotal === null ? null : { value: claimedTotal, text: String(doc.claimedTotal), path: ['claimedTotal'] },
    grade: doc.claimedGrade === undefined ? null : { text: doc.claimedGrade, path: ['claimedGrade'] },
    stated: numOf(doc.statedTotal) === null ? null : { value: numOf(doc.statedTotal) as Dec, text: String(doc.statedTotal), path: ['statedTotal'] },
    base,
    partsKnown: budgetClaim !== null && (levelsCover || claimSum !== null),
    recomputed: sheet.total,
    maximum: dec(sheet.maximum),
    aboveMaximum: false,
  });

  // The scorer's issues and warnings, each a finding on its row.
  const own = [...list.all];
  const rowAt = (path: IssuePath) => sheet.rows.find((r) => r.paths.some((p) => startsWith(path, p)));
  const fromIssue = (i: Issue, isWarning: boolean) => {
    const r = rowAt(i.path);
    // A clamped evaluator's score already has its finding from the comparison of the row's claim.
    if (r !== undefined && compared.has(r) && i.code === 'tier-score-clamped' && own.some((f) => startsWith(f.path, r.path))) return;
    const row: FindingRow | null = r !== undefined ? { level1: r.level1, level2: r.level2, name: r.name } : i.path[0] === 'budget' ? budgetRow : null;
    const unscored = !isWarning && r !== undefined && r.status !== 'scored';
    list.issue(i, severityOfIssue(i.code, isWarning), row, r?.claimed ?? null, unscored ? r.weight : '0');
  };
  for (const i of sheet.issues) fromIssue(i, false);
  for (const w of sheet.warnings) fromIssue(w, true);

  const computedTotal = sheet.total ?? sheet.provisional?.total ?? '0';
  const computedGrade = sheet.grade ?? sheet.provisional?.grade ?? null;
  return {
    format: 'jixiao.review/1',
    template: { id: sheet.template.id, name: sheet.template.name },
    project: sheet.project,
    ...reviewOutcome(
      list,
      { total: doc.claimedTotal !== undefined ? String(doc.claimedTotal) : claimSum === null ? null : toPlain(claimSum), grade: doc.claimedGrade ?? null },
      base,
      { total: computedTotal, grade: computedGrade, complete: sheet.complete },
    ),
    sheet,
  };
}

/**
 * 复核自评表（不抛异常）。Reviews (复核) a filled self-evaluation: recomputes it under the template and checks the
 * scores, subtotals, total and grade printed on the form (`claimed`, `levels`, `claimedTotal`, `claimedGrade`,
 * `statedTotal`). Every difference is a finding with the row, claimed vs computed, the points at stake, whether
 * it changes the grade, and a sentence in Chinese and English. Only a document that cannot be scored at all gives
 * `ok: false` (as `safeScoreSelfEvaluation`).
 *
 * @param document the self-evaluation with the claimed numbers
 * @param template the template it names (`defineTemplate`, or a preset's `template`)
 * @example
 * const result = reviewSelfEvaluation(doc, getPreset('national-project-2020').template);
 * if (result.ok) for (const f of result.value.findings) console.log(f.severity, f.message);
 */
export function reviewSelfEvaluation(document: unknown, template: Template | TemplateDefinition): Result<SelfEvaluationReview> {
  const scored = safeScoreSelfEvaluation(document, template);
  if (!scored.ok) return scored;
  const def = isTemplateValue(template) ? template.definition : template;
  return guarded(() => ({ ok: true, value: review(document as SelfEvaluation, def, scored.value) }));
}
