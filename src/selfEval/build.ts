/**
 * 由模板和自评表生成指标体系与输入。Turns a template and a self-evaluation document into a framework definition
 * and evaluation inputs for the core engine, row by row: each row's texts are read, its weight settled, and its
 * rule chosen by the template. A row that cannot be read keeps its weight and carries a coded issue; it is left
 * without input, so the core engine leaves it unscored and the rest of the form still scores.
 */
import { allocate } from '../calc/allocate.js';
import { decimalCalculator } from '../calc/calculator.js';
import { add, cmp, dec, div, isZero, mul, pow10, sub, sum, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { formReason, makeFormIssue } from '../errors/formMessages.js';
import type { Condition, Expr } from '../expr/types.js';
import type { FrameworkDefinition, Indicator, InputDeclaration, InputValue } from '../framework/types.js';
import type { Rule } from '../rules/registry.js';
import { compactText, formatTarget, parseActual, parseTarget, type ActualTier, type ParsedActual, type ParsedTarget } from './targetText.js';
import type { LevelRule, TemplateDefinition, TemplateTier } from './template.js';
import type { SelfEvaluation, TargetRow } from './types.js';
import { knownUnit } from './units.js';

/** How a row is scored. */
export type RowMode = 'positive' | 'reverse' | 'equal' | 'qualitative' | 'deadline' | 'row-rule';

/** A row as planned: its texts read, its weight and rule settled. */
export interface PlannedRow {
  /** Node id in the built framework. */
  readonly id: string;
  /** Path of the row in the document (the first row's, for merged rows). */
  readonly path: IssuePath;
  /** Paths of all rows merged into this one (Hubei aggregation); one path otherwise. */
  readonly paths: readonly IssuePath[];
  readonly level1: string;
  readonly level2: string;
  readonly levelId: string;
  readonly name: string;
  readonly targetText: string;
  readonly actualText: string;
  readonly target: ParsedTarget | null;
  /** The actual, converted to the target's unit. */
  readonly actual: ParsedActual | null;
  readonly mode: RowMode | 'not-set' | 'unscored';
  weight: Dec;
  readonly weightGiven: boolean;
  readonly claimed: string | null;
  readonly targetIndex: number;
  /** Errors that leave the row unscored. */
  readonly issues: Issue[];
  /** Warnings and notices (the row still scores). */
  readonly warnings: Issue[];
  /** The tier a qualitative row was placed in, and whether the template's default score was used. */
  tier?: { readonly tier: TemplateTier; readonly score: Dec; readonly defaulted: boolean };
  /** Fund-weighted aggregation: Σ actual × fund and Σ target × fund, Σ fund. */
  merged?: { readonly actual: Dec; readonly target: Dec; readonly funds: Dec | null };
}

/** What a template and a document give the core engine. */
export interface BuiltSelfEvaluation {
  readonly definition: FrameworkDefinition;
  readonly values: { [name: string]: InputValue };
  /** Rows not set but given a weight: not applicable this time. */
  readonly notApplicable: readonly string[];
  readonly rows: readonly PlannedRow[];
  readonly budget: { readonly budget: Dec | null; readonly executed: Dec | null; readonly weight: Dec };
  /** Form-level issues (weights that do not add up…). */
  readonly issues: readonly Issue[];
  /** Form-level warnings (budget rows…). */
  readonly warnings: readonly Issue[];
}

const PERCENT = '%';
const HUNDRED = /* @__PURE__ */ dec(100);

const text = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
const numOf = (v: string | number | undefined): Dec | null => {
  if (v === undefined) return null;
  const n = parseNumber(v);
  return n.ok ? n.value : null;
};

/**
 * A number of the template, read as defineTemplate has checked it (parseNumber: "80%" is 0.8, "1,000" and "+10" are
 * read too). A value it could not read never passes validation; it is left to `dec`, which throws.
 */
export const templateNum = (x: number | string): Dec => numOf(x) ?? dec(x);

/** The level-1 category of a row: the first template level whose match words the text contains. */
function levelOf(template: TemplateDefinition, level1: string): LevelRule | undefined {
  const t = compactText(level1);
  return template.levels.find((l) => l.match.some((w) => t.includes(w)));
}

/** The row's target text: as printed, or composed from Sichuan's 指标性质 / 指标值 / 度量单位 columns. */
function targetTextOf(row: TargetRow): string {
  if (row.target !== undefined) return text(row.target);
  const nature = compactText(text(row.nature));
  const value = text(row.value);
  if (nature === '定性') return value;
  return `${nature}${value}${row.unit ?? ''}`;
}

/** Converts an actual to the target's unit: same unit, no unit (read in the target's), or one that converts. */
function convert(actual: ParsedActual & { kind: 'number' }, targetUnit: string | null): ParsedActual | 'mismatch' {
  if (actual.unit === null || actual.unit === targetUnit) return { ...actual, unit: targetUnit };
  if (targetUnit === null) return actual;
  const a = knownUnit(actual.unit);
  const t = knownUnit(targetUnit);
  if (a === undefined || t === undefined || a.dimension !== t.dimension) return 'mismatch';
  return { kind: 'number', value: toPlain(div(mul(dec(actual.value), dec(a.factor)), dec(t.factor))), unit: targetUnit };
}

function dateMet(deadline: ParsedTarget & { kind: 'deadline' }, actual: ParsedActual & { kind: 'date' }): boolean {
  if (deadline.year !== undefined && actual.year !== undefined && deadline.year !== actual.year) return actual.year < deadline.year;
  const month = deadline.month ?? 12;
  if (actual.month !== month) return actual.month < month;
  return deadline.day === undefined || actual.day === undefined || actual.day <= deadline.day;
}

function modeOf(t: ParsedTarget): RowMode {
  if (t.kind === 'qualitative') return 'qualitative';
  if (t.kind === 'deadline') return 'deadline';
  if (t.op === '>=' || t.op === '>') return 'positive';
  if (t.op === '<=' || t.op === '<') return 'reverse';
  return 'equal';
}

/** Reads one row: target, actual, mode and row-level issues. */
function readRow(template: TemplateDefinition, row: TargetRow, path: IssuePath, id: string, targetIndex: number): PlannedRow {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const level = levelOf(template, row.level1);
  const name = text(row.name).trim() || text(row.level2).trim() || row.level1;
  const targetText = targetTextOf(row);
  const actualText = text(row.actual);
  const weight = numOf(row.weight);
  const claimed = row.claimed === undefined ? null : text(row.claimed);
  // A weight or a claimed score that is not a number is reported, never taken as "not given".
  if (row.weight !== undefined && weight === null) issues.push(makeIssue('invalid-number', [...path, 'weight'], { value: text(row.weight) }));
  if (claimed !== null && numOf(claimed) === null) issues.push(makeIssue('invalid-number', [...path, 'claimed'], { value: claimed }));
  const base = {
    id, path, paths: [path], level1: row.level1, level2: compactText(text(row.level2)), levelId: level?.id ?? `other:${compactText(row.level1)}`,
    name, targetText, actualText, weight: weight ?? ZERO, weightGiven: row.weight !== undefined, claimed, targetIndex, issues, warnings,
  };
  // "/" marks a row (or its level-2 category) as not set. A blank target is not that: the row is unreadable.
  const notSet = compactText(text(row.level2)) === '/' || compactText(text(row.name)) === '/' || (compactText(targetText) !== '' && parseTarget(targetText).ok === 'not-set');
  const targetPath = [...path, row.target !== undefined || row.value === undefined ? 'target' : 'value'];
  if (issues.length > 0 && !notSet) return { ...base, target: null, actual: null, mode: 'unscored' };
  if (!notSet && compactText(targetText) === '') {
    issues.push(makeFormIssue('unreadable-target', targetPath, { name, text: targetText, ...formReason('target-blank') }));
    return { ...base, target: null, actual: null, mode: 'unscored' };
  }
  const reading = notSet ? ({ ok: 'not-set' } as const) : parseTarget(targetText);
  // A row not set carries no weight, unless the form gives it one: it is then not applicable and rescaled.
  if (reading.ok === 'not-set') return { ...base, target: null, actual: null, mode: 'not-set' };
  if (reading.ok === false) {
    const why = reading.reason === 'ocr-comparator' ? formReason('target-ocr', { hint: reading.hint ?? '' })
      : reading.reason === 'out-of-range' ? formReason('target-out-of-range')
      : reading.reason === 'conflicting-comparators' ? formReason('target-conflicting') : formReason('target-unreadable');
    issues.push(makeFormIssue('unreadable-target', targetPath, { name, text: targetText, ...why }));
    return { ...base, target: null, actual: null, mode: 'unscored' };
  }
  const target = reading.target;
  if (reading.suspect !== undefined) {
    warnings.push(makeFormIssue('suspect-target', targetPath, { name, text: targetText, hint: reading.suspect, read: formatTarget(target) }));
  }
  const mode = modeOf(target);
  const actualPath = [...path, 'actual'];
  const a = parseActual(row.actual ?? '');
  if (a.ok === 'blank') {
    issues.push(makeFormIssue('missing-actual', actualPath, { name }));
    return { ...base, target, actual: null, mode: 'unscored' };
  }
  if (a.ok === false) {
    issues.push(makeFormIssue('unreadable-actual', actualPath, { name, text: actualText }));
    return { ...base, target, actual: null, mode: 'unscored' };
  }
  const targetShown = formatTarget(target);
  if (target.kind === 'numeric') {
    if (a.actual.kind !== 'number') {
      issues.push(makeFormIssue('actual-not-numeric', actualPath, { name, text: actualText, target: targetShown }));
      return { ...base, target, actual: null, mode: 'unscored' };
    }
    const actual = convert(a.actual, target.unit);
    if (actual === 'mismatch') {
      issues.push(makeFormIssue('unit-mismatch', actualPath, { name, actualUnit: a.actual.unit ?? '', targetUnit: target.unit ?? '' }));
      return { ...base, target, actual: null, mode: 'unscored' };
    }
    // A percentage written as a fraction ("0.9" for 90%): flagged with both readings, scored as written.
    const v = dec(a.actual.value);
    if (target.unit === PERCENT && a.actual.unit === null && cmp(v, ZERO) > 0 && cmp(v, dec('1.5')) <= 0 && cmp(dec(target.value), dec(10)) >= 0) {
      warnings.push(makeFormIssue('implausible-actual', actualPath, { name, target: targetShown, value: toPlain(v), alternative: toPlain(mul(v, HUNDRED)) }));
    }
    return { ...base, target, actual, mode };
  }
  if (a.actual.kind === 'number') {
    issues.push(makeFormIssue('actual-not-qualitative', actualPath, { name, text: actualText, target: targetShown }));
    return { ...base, target, actual: null, mode: 'unscored' };
  }
  if (a.actual.kind === 'date' && target.kind !== 'deadline') {
    issues.push(makeFormIssue('actual-not-qualitative', actualPath, { name, text: actualText, target: targetShown }));
    return { ...base, target, actual: null, mode: 'unscored' };
  }
  return { ...base, target, actual: a.actual, mode };
}

/** The tier of a qualitative or deadline row, from the words of its actual or the date. */
function tierOf(row: PlannedRow): ActualTier {
  const a = row.actual as ParsedActual;
  if (a.kind === 'word') return a.tier;
  if (a.kind === 'date' && row.target?.kind === 'deadline') return dateMet(row.target, a) ? 'achieved' : 'not-achieved';
  return 'not-achieved';
}

/** Rows that match a template row rule. */
function rowRuleOf(template: TemplateDefinition, row: PlannedRow) {
  return template.rowRules?.find(
    (r) => (r.match.level === undefined || r.match.level === row.levelId) && (r.match.name === undefined || r.match.name.some((w) => row.name.includes(w))),
  );
}

/** Replaces the input names `actual` and `target` in a template row rule by the row's. */
function renameInputs<T>(value: T, names: { readonly [from: string]: string }): T {
  if (Array.isArray(value)) return value.map((v) => renameInputs(v, names)) as T;
  if (value !== null && typeof value === 'object') {
    const out: { [k: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = (k === 'input' || k === 'is') && typeof v === 'string' ? (names[v] ?? v) : renameInputs(v, names);
    }
    return out as T;
  }
  return value;
}

/**
 * What a row says, normalised (full-width and spaces do not count): the key that orders rows wherever an order
 * must be chosen (spare cents of a split, node ids), so that neither the order of the rows nor the way a text is
 * typed changes a score.
 */
export function rowKey(row: TargetRow): string {
  const t = (v: string | number | undefined) => compactText(text(v));
  return [t(row.level1), t(row.level2), t(row.name), t(targetTextOf(row)), t(row.actual), t(row.weight), t(row.claimed)].join('\u0000');
}

/** Splits the points of each pool (level, or annual target) over its rows without a weight, exactly. */
function settleWeights(template: TemplateDefinition, doc: SelfEvaluation, rows: PlannedRow[], places: number, issues: Issue[]): void {
  const calc = decimalCalculator;
  const unit = pow10(-places);
  const counted = rows.filter((r) => r.mode !== 'not-set');
  const pools = new Map<string, { points: Dec; rows: PlannedRow[] }>();
  const targets = doc.targets ?? [];
  if (targets.length > 1 && template.aggregation === 'per-target') {
    const given = targets.map((t) => numOf(t.points));
    const targetPoints = sub(templateNum(template.total), templateNum(template.budget.weight));
    const split = given.every((g) => g !== null)
      ? (given as Dec[])
      : allocate(calc, targetPoints, targets.map(() => dec(1)), targets.map((_, i) => String(i).padStart(6, '0')), unit);
    targets.forEach((_, i) => pools.set(`target-${i}`, { points: split[i] ?? ZERO, rows: [] }));
    for (const r of counted) pools.get(`target-${r.targetIndex}`)?.rows.push(r);
  } else if (template.levels.some((l) => l.points === undefined)) {
    // No split by category: one pool of the target points.
    pools.set('targets', { points: sub(templateNum(template.total), templateNum(template.budget.weight)), rows: counted });
  } else {
    const present = new Set(counted.map((r) => r.levelId));
    const points = new Map(template.levels.map((l) => [l.id, templateNum(l.points ?? 0)]));
    for (const l of template.levels) {
      if (present.has(l.id) || l.whenAbsent === undefined) continue;
      const to = l.whenAbsent.to;
      points.set(to, add(points.get(to) ?? ZERO, templateNum(l.points ?? 0)));
    }
    for (const r of counted) {
      const pool = pools.get(r.levelId) ?? { points: points.get(r.levelId) ?? ZERO, rows: [] };
      pool.rows.push(r);
      pools.set(r.levelId, pool);
    }
  }
  for (const [key, pool] of pools) {
    const open = pool.rows.filter((r) => !r.weightGiven);
    if (open.length === 0) continue;
    const given = sum(pool.rows.filter((r) => r.weightGiven).map((r) => r.weight));
    const left = sub(pool.points, given);
    if (cmp(left, ZERO) < 0) {
      issues.push(makeIssue('weight-sum-mismatch', open[0]?.path ?? [], { name: key, actual: toPlain(given), expected: toPlain(pool.points) }));
      continue;
    }
    // Ties of the split go by the row's content, not its position, so that reordering rows changes no weight.
    const parts = allocate(calc, left, open.map(() => dec(1)), open.map((r) => r.id), unit);
    open.forEach((r, i) => (r.weight = parts[i] ?? ZERO));
  }
}

/** Hubei: numeric rows of one indicator across annual targets, merged before scoring. */
function mergeRows(doc: SelfEvaluation, rows: PlannedRow[]): PlannedRow[] {
  const targets = doc.targets ?? [];
  const funds = targets.map((t) => numOf(t.fund));
  const groups = new Map<string, PlannedRow[]>();
  const out: PlannedRow[] = [];
  for (const r of rows) {
    if (r.mode === 'positive' || r.mode === 'reverse' || r.mode === 'equal') {
      const t = r.target as ParsedTarget & { kind: 'numeric' };
      const key = JSON.stringify([r.levelId, r.level2, r.name, t.op, t.unit]);
      const g = groups.get(key);
      if (g === undefined) {
        groups.set(key, [r]);
        out.push(r);
      } else g.push(r);
    } else out.push(r);
  }
  return out.flatMap((r): PlannedRow | PlannedRow[] => {
    const t0 = r.target;
    if (t0 === null || t0.kind !== 'numeric') return r;
    const group = groups.get(JSON.stringify([r.levelId, r.level2, r.name, t0.op, t0.unit])) ?? [r];
    if (group.length < 2) return r;
    const relative = t0.unit === PERCENT;
    const weightOf = (g: PlannedRow) => (relative ? (funds[g.targetIndex] ?? null) : dec(1));
    if (relative && group.some((g) => weightOf(g) === null)) {
      // Without the funds the rows cannot be combined: each is left unscored, with the missing fund named.
      const missing = group.find((g) => weightOf(g) === null)?.targetIndex ?? 0;
      for (const g of group) g.issues.push(makeIssue('missing-field', ['targets', missing], { key: 'fund' }));
      return [r, ...group.slice(1)];
    }
    const value = (g: PlannedRow, which: 'actual' | 'target') => dec((which === 'actual' ? (g.actual as { value: string }) : (g.target as { value: string })).value);
    const actual = sum(group.map((g) => mul(value(g, 'actual'), weightOf(g) as Dec)));
    const target = sum(group.map((g) => mul(value(g, 'target'), weightOf(g) as Dec)));
    const fundSum = relative ? sum(group.map((g) => weightOf(g) as Dec)) : null;
    return {
      ...r,
      targetText: group.map((g) => g.targetText).join('；'),
      actualText: group.map((g) => g.actualText).join('；'),
      paths: group.map((g) => g.path),
      weight: sum(group.map((g) => g.weight)),
      weightGiven: group.every((g) => g.weightGiven),
      issues: group.flatMap((g) => g.issues),
      warnings: group.flatMap((g) => g.warnings),
      merged: { actual, target, funds: fundSum },
    };
  });
}

interface RowRuleBuild {
  readonly rule: Rule;
  readonly inputs: { [name: string]: InputDeclaration };
  readonly values: { [name: string]: InputValue };
}

/** The core rule and inputs of a readable row. */
function ruleOf(template: TemplateDefinition, row: PlannedRow): RowRuleBuild {
  const id = row.id;
  if (row.mode === 'qualitative' || row.mode === 'deadline') {
    const tier = row.tier as NonNullable<PlannedRow['tier']>;
    return {
      rule: { kind: 'tiers', input: id, tiers: template.tiers.map((t) => ({ id: t.id, name: t.name, min: t.min, max: t.max })) },
      inputs: { [id]: { type: 'tier', name: row.name } },
      values: { [id]: { tier: tier.tier.id, score: toPlain(tier.score) } },
    };
  }
  const t = row.target as ParsedTarget & { kind: 'numeric' };
  const a = row.actual as ParsedActual & { kind: 'number' };
  const percent = t.unit === PERCENT;
  const decl: InputDeclaration = { type: percent ? 'percent' : 'number', name: row.name, ...(t.unit !== null && !percent ? { unit: t.unit } : {}) };
  const scale = (v: Dec): Dec => (percent ? div(v, HUNDRED) : v);
  // Merged rows: the input is Σ actual × fund; the target and the divisor are constants of the rule.
  const actualValue = row.merged === undefined ? dec(a.value) : row.merged.actual;
  const actual: Expr = row.merged?.funds != null ? { div: [{ input: id }, toPlain(row.merged.funds)] } : { input: id };
  const targetDec = row.merged === undefined ? dec(t.value) : row.merged.target;
  const targetExpr: Expr = row.merged?.funds != null ? { div: [toPlain(scale(targetDec)), toPlain(row.merged.funds)] } : toPlain(scale(targetDec));
  const inputs = { [id]: decl };
  const values: { [name: string]: InputValue } = { [id]: toPlain(actualValue) };
  const rowRule = rowRuleOf(template, row);
  if (rowRule !== undefined) {
    const targetInput = `${id}-target`;
    return {
      rule: renameInputs(rowRule.rule, { actual: id, target: targetInput }),
      inputs: { ...inputs, [targetInput]: { ...decl, name: `${row.name}（目标）` } },
      values: { ...values, [targetInput]: toPlain(targetDec) },
    };
  }
  const unitOf = t.unit !== null && !percent ? { unit: t.unit } : {};
  const cond = (op: '>=' | '<=' | '=', right: Expr): Condition => ({ left: actual, op, right });
  switch (row.mode) {
    case 'positive':
      if (isZero(targetDec)) return { rule: { kind: 'binary', when: cond('>=', '0') }, inputs, values };
      // actual ÷ target; for fund-weighted rows Σ actual × fund ÷ Σ target × fund (the fund sums cancel).
      return { rule: { kind: 'ratio', value: { div: [{ input: id }, toPlain(scale(targetDec))] } }, inputs, values };
    case 'reverse':
      if (template.reverse === 'met-or-not') return { rule: { kind: 'binary', when: cond('<=', targetExpr) }, inputs, values };
      return { rule: { kind: 'lower-is-better', actual, target: targetExpr, variant: template.reverse, ...unitOf }, inputs, values };
    default:
      if (template.equal === 'met-or-not') return { rule: { kind: 'binary', when: cond('=', targetExpr) }, inputs, values };
      return { rule: { kind: 'equal', actual, target: targetExpr, ...unitOf }, inputs, values };
  }
}

/** Budget amounts: the total row, or the sum of its sub-rows where they disagree (with a warning). */
const SUB_ROWS = ['appropriation', 'carryover', 'other'] as const;

function budgetAmounts(template: TemplateDefinition, doc: SelfEvaluation, issues: Issue[], warnings: Issue[]) {
  const b = doc.budget;
  const present = SUB_ROWS.filter((k) => b[k] !== undefined);
  const subs = present.map((k) => b[k] as NonNullable<(typeof b)[typeof k]>);
  const field = (key: 'initial' | 'annual' | 'executed', zh: string): Dec | null => {
    const total = numOf(b[key]);
    if (b[key] !== undefined && total === null) issues.push(makeIssue('invalid-number', ['budget', key], { value: text(b[key]) }));
    subs.forEach((r, i) => {
      if (r[key] !== undefined && numOf(r[key]) === null) issues.push(makeIssue('invalid-number', ['budget', present[i] as string, key], { value: text(r[key]) }));
    });
    const parts = subs.map((r) => numOf(r[key])).filter((x): x is Dec => x !== null);
    if (parts.length === 0) return total;
    const s = sum(parts);
    if (total === null) return s;
    if (cmp(total, s) !== 0) {
      warnings.push(makeFormIssue('budget-rows-mismatch', ['budget', key], { field: key, fieldZh: zh, total: toPlain(total), sum: toPlain(s) }));
      return s;
    }
    return total;
  };
  const initial = field('initial', '年初预算数');
  const annual = field('annual', '全年预算数');
  const executed = field('executed', '全年执行数');
  const budget = template.budget.denominator === 'initial' ? initial : (annual ?? initial);
  // The budget line needs its two amounts: without them the form cannot be complete, and says which is missing.
  if (budget === null && !issues.some((i) => i.path[0] === 'budget')) issues.push(makeIssue('missing-field', ['budget'], { key: template.budget.denominator === 'initial' ? 'initial' : 'annual' }));
  if (executed === null && !issues.some((i) => i.path[0] === 'budget' && i.path.includes('executed'))) issues.push(makeIssue('missing-field', ['budget'], { key: 'executed' }));
  return { budget, executed };
}

/** Builds the framework definition and inputs of a self-evaluation under a template. */
export function buildSelfEvaluation(template: TemplateDefinition, doc: SelfEvaluation): BuiltSelfEvaluation {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const places = template.options?.precision ?? 2;
  const multi = doc.targets !== undefined && doc.targets.length > 1;
  const listed: { row: TargetRow; path: IssuePath; t: number }[] =
    doc.targets !== undefined
      ? doc.targets.flatMap((t, ti) => t.rows.map((row, i) => ({ row, path: ['targets', ti, 'rows', i] as IssuePath, t: ti })))
      : (doc.rows ?? []).map((row, i) => ({ row, path: ['rows', i] as IssuePath, t: 0 }));
  // Node ids come from the rows' content (see rowKey): the core breaks ties by id, so ids must not be positions.
  const keys = listed.map(({ row, t }) => `${t}\u0000${rowKey(row)}`);
  const order = keys.map((k, i) => ({ k, i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  const ids = new Array<string>(listed.length);
  order.forEach(({ i }, rank) => (ids[i] = `row-${String(rank + 1).padStart(4, '0')}`));
  let rows = listed.map(({ row, path, t }, i) => readRow(template, row, path, ids[i] as string, t));
  if (multi && template.aggregation === 'merge') rows = mergeRows(doc, rows);
  settleWeights(template, doc, rows, places, issues);
  // An annual target's points must be what its weighted rows add up to.
  (doc.targets ?? []).forEach((t, ti) => {
    const points = numOf(t.points);
    const own = listed.filter((l) => l.t === ti).map((l) => numOf(l.row.weight));
    if (points === null || own.length === 0 || own.some((w) => w === null) || doc.targets?.length === 1) return;
    const s = sum(own as Dec[]);
    if (cmp(s, points) !== 0) issues.push(makeIssue('weight-sum-mismatch', ['targets', ti, 'rows'], { name: t.name ?? `年度绩效目标${ti + 1}`, actual: toPlain(s), expected: toPlain(points) }));
  });

  const values: { [name: string]: InputValue } = {};
  const inputs: { [name: string]: InputDeclaration } = {
    budget: { type: 'number', name: template.budget.denominator === 'initial' ? '年初预算数' : '全年预算数', unit: '万元' },
    executed: { type: 'number', name: '全年执行数', unit: '万元' },
  };
  const { budget, executed } = budgetAmounts(template, doc, issues, warnings);
  if (budget !== null) values.budget = toPlain(budget);
  if (executed !== null) values.executed = toPlain(executed);
  if (budget !== null && executed !== null && !isZero(budget) && cmp(executed, budget) > 0) {
    warnings.push(makeFormIssue('budget-over-execution', ['budget', 'executed'], { rate: `${toPlain(div(mul(executed, HUNDRED), budget).toDecimalPlaces(2))}%`, executed: toPlain(executed), budget: toPlain(budget) }));
  }

  // Leaves: readable rows get their rule and inputs; unreadable ones a manual rule whose input stays absent.
  const leaves = new Map<string, Indicator>();
  const notApplicable: string[] = [];
  for (const r of rows) {
    if (r.mode === 'not-set') {
      if (r.weightGiven && !r.weight.isZero()) {
        notApplicable.push(r.id);
        inputs[r.id] = { type: 'score', name: r.name };
        leaves.set(r.id, { id: r.id, name: r.name, weight: toPlain(r.weight), rule: { kind: 'manual', input: r.id } });
      }
      continue;
    }
    const weight = toPlain(r.weight);
    if (r.mode === 'unscored' || r.issues.length > 0) {
      inputs[r.id] = { type: 'score', name: r.name };
      leaves.set(r.id, { id: r.id, name: r.name, weight, rule: { kind: 'manual', input: r.id } });
      continue;
    }
    if (r.mode === 'qualitative' || r.mode === 'deadline') {
      const tierId = tierOf(r);
      const tier = template.tiers.find((t) => t.id === tierId) as TemplateTier;
      const given = r.claimed === null ? null : numOf(r.claimed);
      const score = given ?? mul(r.weight, templateNum(tier.default));
      r.tier = { tier, score, defaulted: given === null };
      if (given === null) {
        const word = r.actual?.kind === 'word' ? r.actual.word : r.actualText;
        r.warnings.push(makeFormIssue('default-tier-score', [...r.path, 'claimed'], {
          name: r.name, word, tierZh: tier.name, tier: tier.id, score: toPlain(score),
          min: toPlain(mul(r.weight, templateNum(tier.min))), max: toPlain(mul(r.weight, templateNum(tier.max))),
        }));
      }
    }
    const built = ruleOf(template, r);
    Object.assign(inputs, built.inputs);
    Object.assign(values, built.values);
    const criteria = rowRuleOf(template, r)?.criteria;
    leaves.set(r.id, { id: r.id, name: r.name, weight, rule: built.rule, ...(criteria === undefined ? {} : { criteria }) });
  }

  // Tree: [annual target →] level 1 → level 2 → rows, in template order, then the order of the form.
  const counted = rows.filter((r) => leaves.has(r.id));
  const levelOrder = (id: string) => {
    const i = template.levels.findIndex((l) => l.id === id);
    return i < 0 ? template.levels.length : i;
  };
  const branch = (id: string, name: string, children: Indicator[]): Indicator => ({
    id, name, weight: toPlain(sum(children.map((c) => dec(c.weight as string)))), children,
  });
  const levels = (group: PlannedRow[], prefix: string): Indicator[] => {
    const ids = [...new Set(group.map((r) => r.levelId))].sort((a, b) => levelOrder(a) - levelOrder(b));
    return ids.map((lid) => {
      const inLevel = group.filter((r) => r.levelId === lid);
      const level = template.levels.find((l) => l.id === lid);
      const names = [...new Set(inLevel.map((r) => r.level2))];
      const children: Indicator[] = [];
      names.forEach((l2) => {
        const leafs = inLevel.filter((r) => r.level2 === l2).map((r) => leaves.get(r.id) as Indicator);
        if (l2 === '') children.push(...leafs);
        else children.push(branch(`${prefix}level:${lid}/${l2}`, l2, leafs));
      });
      // Ids and names from content (the template's category, the level-2 text), never from positions.
      return branch(`${prefix}level:${lid}`, level?.name ?? (compactText(inLevel[0]?.level1 ?? '') || lid), children);
    });
  };
  const budgetWeight = templateNum(template.budget.weight);
  const budgetLeaf: Indicator = {
    id: 'budget-execution', name: '预算执行率', weight: toPlain(budgetWeight),
    criteria: `执行数 ÷ ${template.budget.denominator === 'initial' ? '年初预算数' : '全年预算数'} × ${toPlain(budgetWeight)}，最高不超过分值`,
    rule: { kind: 'ratio', value: { div: [{ input: 'executed' }, { input: 'budget' }] } },
  };
  const targetNodes: Indicator[] =
    multi && template.aggregation === 'per-target'
      ? (doc.targets ?? []).map((t, ti) => ({ t, ti })).filter(({ ti }) => counted.some((r) => r.targetIndex === ti))
          .map(({ t, ti }) => branch(`T${ti + 1}`, t.name ?? `年度绩效目标${ti + 1}`, levels(counted.filter((r) => r.targetIndex === ti), `T${ti + 1}-`)))
      : levels(counted, '');
  const indicators = [budgetLeaf, ...targetNodes];
  const total = sum(indicators.map((i) => dec(i.weight as string)));
  if (cmp(total, templateNum(template.total)) !== 0) {
    issues.push(makeIssue('weight-sum-mismatch', doc.targets !== undefined ? ['targets'] : ['rows'], { name: doc.project.name, actual: toPlain(total), expected: toPlain(templateNum(template.total)) }));
  }
  const grades = template.grades.filter((g) => cmp(templateNum(g.min), total) <= 0).map((g) => ({ label: g.label, min: g.min }));
  const definition: FrameworkDefinition = {
    id: template.id,
    name: `${doc.project.name}（${template.name}）`,
    scope: 'project',
    ...(doc.project.year === undefined ? {} : { year: doc.project.year }),
    region: template.region,
    document: template.source.number ?? template.source.title,
    total: toPlain(total),
    inputs,
    indicators,
    grades,
    options: { precision: places, rounding: template.options?.rounding ?? 'half-up' },
  };
  return { definition, values, notApplicable, rows, budget: { budget, executed, weight: budgetWeight }, issues, warnings };
}
