import { sumWith, type Calculator } from '../calc/calculator.js';
import { cmp, toFixed, toPlain, type Dec } from '../calc/decimal.js';
import { roundText } from '../calc/decimalText.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { quantity } from '../explain/format.js';
import { adjustmentSentence, nodeSentence, type AdjustmentFacts, type NodeFacts } from '../explain/nodeText.js';
import type { ExplainContext, Lang } from '../explain/text.js';
import type { Finding, Trace } from '../expr/trace.js';
import type { Compiled } from '../framework/compile.js';
import type { Rule, RuleOutcome } from '../rules/registry.js';
import { displayUnit } from '../explain/units.js';
import { settle, type AppliedAdjustment } from './applyAdjustments.js';
import type { ParsedInputs } from './parseInputs.js';
import type { Rounding, ScoredNode } from './scoreTree.js';
import type { AdjustmentResult, LostPoint, NodeResult, ScoreSheet } from './types.js';

/** `T` with its fields writable, for a result built field by field. */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Converts a kernel's outcome (calculator values) to exact decimal strings. */
function outcomeStrings<N>(c: Calculator<N>, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (c.is(value)) return toPlain(c.toDec(value));
  if (Array.isArray(value)) return value.map((v) => outcomeStrings(c, v));
  const out: { [key: string]: unknown } = {};
  for (const k of Object.keys(value)) out[k] = outcomeStrings(c, (value as { readonly [key: string]: unknown })[k]);
  return out;
}

/** Plain texts of the decimals every sheet of a framework shows (weights, effective weights of the cached plans). */
const plainTexts = new WeakMap<Dec, string>();
/** `toPlain` of a decimal that many sheets show, remembered. */
function plainOf(d: Dec): string {
  let text = plainTexts.get(d);
  if (text === undefined) {
    text = toPlain(d);
    plainTexts.set(d, text);
  }
  return text;
}

/**
 * A finding (code + exact values) as an issue with its messages. Its `value` is shown in the unit the rule's
 * value is shown in (`unit`); the ratios of a review notice always in %.
 */
function findingIssue<N>(c: Calculator<N>, f: Finding, path: IssuePath, name: string, unit: string | undefined): Issue {
  const data: { [k: string]: string } = { name };
  for (const [k, v] of Object.entries(f.data)) {
    data[k] = c.is(v) ? quantity(toPlain(c.toDec(v)), f.code === 'review-over-completion' ? '%' : k === 'value' ? unit : undefined) : String(v);
  }
  return makeIssue(f.code, f.path ?? path, data);
}

/** The unit a rule's value is shown in, for its findings. */
function valueUnit(rule: Rule | undefined, inputs: ExplainContext['inputs']): string | undefined {
  if (rule === undefined || !('value' in rule)) return undefined;
  return displayUnit(rule.value, inputs, 'unit' in rule ? rule.unit : undefined);
}

/** Builds the sheet from the scored tree and adjustments: strings, sentences, issues, totals, grade. */
export function buildSheet<N>(
  compiled: Compiled<N>,
  inputs: ParsedInputs,
  tree: readonly ScoredNode<N>[],
  adjustments: readonly AppliedAdjustment<N>[],
  r: Rounding,
  hash: string,
): ScoreSheet {
  const c = compiled.calc;
  const parsed = compiled.parsed;
  const dec = (n: N): Dec => c.toDec(n);
  const fmt = { precision: r.precision, rounding: r.rounding };
  const leafRounding = r.roundAt === 'leaf';
  /** A value on the sheet: at the precision when leaves are rounded, else exact. */
  const showPlain = (plain: string): string => (leafRounding ? roundText(plain, r.precision, r.rounding) : plain);
  // Scores in sentences: at the precision when leaves are rounded; with rounding only at the total, the exact
  // score to two more places (trailing zeros beyond the precision trimmed), so no sentence rounds on its own.
  const atPlain = (plain: string, shown: string): string => (leafRounding ? shown : trimTo(roundText(plain, r.precision + 2, r.rounding), r.precision));
  const show = (n: N): string => showPlain(toPlain(dec(n)));
  const at = (n: N): string => {
    const plain = toPlain(dec(n));
    return atPlain(plain, showPlain(plain));
  };
  const x: ExplainContext = { inputs: parsed.inputs, written: inputs.written, format: fmt };
  const issues: Issue[] = [...inputs.general];
  for (const list of inputs.byInput.values()) for (const issue of list) issues.push(issue);
  const warnings: Issue[] = [];
  const missingInputs: string[] = [];
  const missingSeen = new Set<string>();

  /** The issues of a trace, at the node or adjustment `path` named `name`. */
  const traceIssues = (t: Trace, path: IssuePath, name: string, rule?: Rule): Issue[] => {
    const unit = valueUnit(rule, parsed.inputs);
    const own: Issue[] = [];
    for (const f of t.invalid) {
      const input = f.code === 'invalid-input' ? inputs.byInput.get(String(f.data.input)) : undefined;
      if (input !== undefined) for (const issue of input) own.push(issue);
      else {
        const issue = findingIssue(c, f, path, name, unit);
        own.push(issue);
        issues.push(issue);
      }
    }
    for (const f of t.faults) {
      const issue = findingIssue(c, f, path, name, unit);
      own.push(issue);
      issues.push(issue);
    }
    for (const m of t.missing) {
      if (!missingSeen.has(m)) {
        missingSeen.add(m);
        missingInputs.push(m);
      }
      const issue = makeIssue('missing-input', path, { input: m, name });
      own.push(issue);
      warnings.push(issue);
    }
    for (const f of t.warnings) warnings.push(findingIssue(c, f, path, name, unit));
    return own;
  };

  const toResult = (s: ScoredNode<N>): NodeResult => {
    const p = s.node.parsed;
    const own = traceIssues(s.trace, p.path, p.name, p.rule?.definition);
    const outcome = s.outcome === undefined ? undefined : (outcomeStrings(c, s.outcome) as RuleOutcome);
    const lost = c.sub(s.effectiveWeight, s.score);
    const scorePlain = toPlain(dec(s.score));
    const scoreShown = showPlain(scorePlain);
    const effPlain = plainOf(dec(s.effectiveWeight));
    const effShown = showPlain(effPlain);
    const lostPlain = toPlain(dec(lost));
    const lostShown = showPlain(lostPlain);
    const facts: NodeFacts = {
      name: p.name,
      status: s.status,
      branch: s.children.length > 0,
      score: atPlain(scorePlain, scoreShown),
      effectiveWeight: atPlain(effPlain, effShown),
      lost: atPlain(lostPlain, lostShown),
      full: c.isZero(lost),
      missing: s.trace.missing,
      problem: own.find((i) => i.code !== 'missing-input'),
      modifier: s.modifier === undefined ? undefined : { which: s.modifier, condition: p.when?.[s.modifier] },
      rule: outcome === undefined || p.rule === undefined ? undefined : { outcome, definition: p.rule.definition },
      na: s.naPolicy === undefined ? undefined : { policy: s.naPolicy, target: s.naPolicy.policy === 'transfer' ? (parsed.byId.get(s.naPolicy.to)?.name ?? s.naPolicy.to) : '' },
    };
    const read: { [name: string]: string } = {};
    for (const n of s.trace.read) {
      const exact = inputs.exact.get(n);
      if (exact !== undefined) read[n] = exact;
    }
    // Built field by field in the order of NodeResult (optional fields only when present): object spreads of
    // conditional literals cost ~10% of the explained path.
    const result: Mutable<NodeResult> = {
      id: p.id,
      name: p.name,
      level: p.level,
      path: p.names,
      weight: roundText(plainOf(p.weight), r.precision, r.rounding),
      effectiveWeight: effShown,
      score: scoreShown,
      lost: lostShown,
      status: s.status,
    } as Mutable<NodeResult>;
    if (p.rule !== undefined) result.rule = p.rule.kind;
    if (s.modifier !== undefined) result.modifier = s.modifier;
    if (outcome !== undefined) result.outcome = outcome;
    result.inputs = read;
    result.explanation = nodeSentence(facts, x, 'zh');
    result.explanationEn = nodeSentence(facts, x, 'en');
    result.issues = own;
    result.children = s.children.map(toResult);
    return result;
  };
  let indicators = tree.map(toResult);

  const adjustmentResults = adjustments.map((a): AdjustmentResult & { raw: N } => {
    const { id, name, kind, path } = a.parsed;
    traceIssues(a.trace, path, name);
    const facts: AdjustmentFacts = {
      name,
      kind,
      status: a.status,
      missing: a.trace.missing,
      triggered: a.triggered,
      condition: a.parsed.kind === 'veto' ? a.parsed.condition : undefined,
      amount: at(c.cmp(a.points, c.zero) < 0 ? c.neg(a.points) : a.points),
      cap: a.parsed.kind === 'veto' ? '' : toPlain(a.parsed.max),
    };
    const text = (lang: Lang): string => adjustmentSentence(facts, x, lang);
    const status = a.status;
    return { id, name, kind, points: show(a.points), triggered: a.triggered, status, explanation: text('zh'), explanationEn: text('en'), raw: a.points };
  });

  const subtotal = sumWith(c, tree.map((n) => n.score));
  const { total, vetoPoints, zeroVeto, lowestVeto, gradeIndex } = settle(compiled, subtotal, adjustments, r);
  const vetoed = zeroVeto !== undefined || lowestVeto;
  if (zeroVeto !== undefined) indicators = indicators.map(markVetoed);
  const totalText = toFixed(dec(total), r.precision, r.rounding);

  const grades = parsed.grades;
  const g = grades[gradeIndex] ?? grades[grades.length - 1];
  const grade = g === undefined ? null : { label: g.label, min: toFixed(g.min, r.precision, r.rounding) };
  const above = gradeIndex > 0 && !vetoed ? grades[gradeIndex - 1] : undefined;

  const lost: { amount: Dec; line: LostPoint }[] = [];
  const collect = (s: ScoredNode<N>, n: NodeResult): void => {
    if (s.children.length > 0) s.children.forEach((ch, i) => collect(ch, n.children[i] as NodeResult));
    else if (c.cmp(s.effectiveWeight, s.score) > 0) {
      const amount = c.sub(s.effectiveWeight, s.score);
      lost.push({ amount: dec(amount), line: { id: n.id, name: n.name, path: n.path, lost: at(amount), reason: n.explanation, reasonEn: n.explanationEn } });
    }
  };
  tree.forEach((s, i) => collect(s, indicators[i] as NodeResult));
  adjustmentResults.forEach((a, i) => {
    // A deduction's points, and a zeroing veto's: what it took from the running total.
    const taken = adjustments[i] === zeroVeto ? vetoPoints : a.kind === 'deduction' ? a.raw : c.zero;
    if (c.cmp(taken, c.zero) < 0) {
      const amount = c.neg(taken);
      lost.push({ amount: dec(amount), line: { id: a.id, name: a.name, path: [a.name], lost: at(amount), reason: a.explanation, reasonEn: a.explanationEn } });
    }
  });
  // Largest first; equal losses keep tree order (the sort is stable).
  const ranked = lost.sort((p, q) => cmp(q.amount, p.amount)).map((l) => l.line);
  const complete = issues.length === 0 && missingInputs.length === 0 && adjustments.every((a) => a.status === 'applied');
  const def = parsed.definition;
  return {
    framework: { id: def.id, name: def.name, ...(def.version === undefined ? {} : { version: def.version }), hash, ...(def.base === undefined ? {} : { base: def.base }) },
    options: { precision: r.precision, rounding: r.rounding, roundAt: r.roundAt },
    maximum: toFixed(parsed.total, r.precision, r.rounding),
    subtotal: show(subtotal),
    complete,
    total: complete ? totalText : null,
    totalNumber: complete ? Number(totalText) : null,
    grade: complete ? grade : null,
    nextGrade: complete && above !== undefined ? { label: above.label, pointsNeeded: toFixed(dec(c.sub(c.from(above.min), total)), r.precision, r.rounding) } : null,
    provisional: complete ? null : { subtotal: show(subtotal), total: totalText, grade },
    vetoed,
    indicators,
    adjustments: adjustmentResults.map(({ raw: _raw, ...a }, i) => (adjustments[i] === zeroVeto ? { ...a, points: show(vetoPoints) } : a)),
    lostPoints: ranked,
    issues,
    warnings,
    missingInputs,
  };
}

/** "4.50" → "4.5" and "4.00" → "4" (keeping `keep` decimals at least): trailing zeros beyond `keep` trimmed. */
function trimTo(fixed: string, keep: number): string {
  const [int, frac = ''] = fixed.split('.');
  let f = frac;
  while (f.length > keep && f.endsWith('0')) f = f.slice(0, -1);
  return f === '' ? (int ?? '') : `${int ?? ''}.${f}`;
}

/** Marks scored nodes as vetoed; a node that could not score keeps its status, so no problem is hidden. */
function markVetoed(n: NodeResult): NodeResult {
  return { ...n, status: n.status === 'scored' ? 'vetoed' : n.status, children: n.children.map(markVetoed) };
}
