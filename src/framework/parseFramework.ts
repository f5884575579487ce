import { add, cmp, decimalPlaces, isNegative, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { reason } from '../errors/reasons.js';
import { parseCondition, parseExpr } from '../expr/parse.js';
import type { InputType, ParseContext } from '../expr/ParseContext.js';
import type { Num } from '../expr/types.js';
import { LIMITS } from '../limits.js';
import { namedInputs, parseRule, type Rule } from '../rules/registry.js';
import { checkGrades } from './checkGrades.js';
import { contentHash } from './hash.js';
import type { ParsedAdjustment, ParsedFramework, ParsedNode } from './parsed.js';
import type { FrameworkDefinition, Indicator, InputDeclaration, Modifiers, NotApplicablePolicy } from './types.js';

/** A parse context that collects issues in `issues`. */
function collectingContext(issues: Issue[], inputTypes: ReadonlyMap<string, InputType>): ParseContext {
  return {
    report: (code, path, data = {}) => issues.push(makeIssue(code, path, data)),
    num: (value: Num, path: IssuePath) => {
      const parsed = parseNumber(value);
      if (parsed.ok) return parsed.value;
      issues.push(makeIssue(parsed.reason === 'out-of-range' ? 'number-out-of-range' : 'invalid-number', path, { value: String(value).slice(0, 80) }));
      return undefined;
    },
    inputTypes,
  };
}

interface Located {
  readonly node: Indicator;
  readonly path: IssuePath;
  readonly level: number;
}

/** Every indicator, parents before children, down to the depth limit (deeper ones are reported once). */
function locate(def: FrameworkDefinition, issues: Issue[]): Located[] {
  const out: Located[] = [];
  const stack: Located[] = def.indicators.map((node, i) => ({ node, path: ['indicators', i], level: 1 })).reverse();
  while (stack.length > 0) {
    const here = stack.pop() as Located;
    if (here.level > LIMITS.treeDepth) {
      issues.push(makeIssue('too-deep', here.path, { limit: String(LIMITS.treeDepth), what: 'indicator tree' }));
      continue;
    }
    out.push(here);
    if ('children' in here.node && here.node.children !== undefined) {
      const kids = here.node.children.map((node, i) => ({ node, path: [...here.path, 'children', i], level: here.level + 1 }));
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Located);
    }
  }
  return out;
}

/** Declared inputs plus those that evaluator rules read by name (the leaf id by default). */
function inputDeclarations(def: FrameworkDefinition, located: readonly Located[]): Map<string, InputDeclaration> {
  const inputs = new Map<string, InputDeclaration>(Object.entries(def.inputs ?? {}));
  for (const { node } of located) {
    if (!('rule' in node) || node.rule === undefined) continue;
    for (const { name, type } of namedInputs(node.rule, node.id)) if (!inputs.has(name)) inputs.set(name, { type });
  }
  return inputs;
}

/**
 * Checks a structurally valid definition and parses it in the same pass: every literal is read once, every
 * rule is checked and parsed by its module, and tree-level checks run as small named steps. Returns the
 * parsed framework, or every issue found.
 */
export function parseFramework(def: FrameworkDefinition): { parsed: ParsedFramework } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const located = locate(def, issues);
  const inputs = inputDeclarations(def, located);
  const types = new Map([...inputs].map(([name, decl]) => [name, decl.type] as const));
  const ctx = collectingContext(issues, types);

  const weights = readWeights(located, ctx);
  const ids = checkIds(located, def, issues);
  const total = ctx.num(def.total, ['total']);
  if (total !== undefined && cmp(total, ZERO) <= 0) ctx.report('invalid-option', ['total'], reason('total-not-positive'));
  checkSums(located, def, weights, total, ctx);
  checkPolicies(def, located, ids, weights, ctx);
  checkInputUnits(def, ctx);
  const precision = def.options?.precision ?? 2;
  checkPrecision(precision, located, weights, ctx);
  const adjustments = parseAdjustments(def, precision, ctx);
  const grades = checkGrades(def, total, precision, ctx);

  const byId = new Map<string, ParsedNode>();
  const rootPolicy: NotApplicablePolicy = def.options?.notApplicable ?? { policy: 'rescale' };
  const build = (node: Indicator, path: IssuePath, level: number, names: readonly string[], inherited: NotApplicablePolicy): ParsedNode => {
    const policy = node.notApplicable ?? inherited;
    const here = [...names, node.name];
    const kids = 'children' in node && node.children !== undefined && level < LIMITS.treeDepth ? node.children : [];
    const children = kids.map((c, i) => build(c, [...path, 'children', i], level + 1, here, policy));
    const reads = new Set<string>();
    const reading: ParseContext = { ...ctx, noteInput: (name) => reads.add(name) };
    if ('rule' in node && node.rule !== undefined) for (const { name } of namedInputs(node.rule, node.id)) reads.add(name);
    const parsed: ParsedNode = {
      id: node.id,
      name: node.name,
      weight: weights.get(node) ?? ZERO,
      level,
      path,
      names: here,
      children,
      rule: parseLeafRule(node, path, weights.get(node), reading),
      ...parseModifiers(node, path, children.length > 0, reading),
      reads: [...reads],
      policy,
    };
    if (!byId.has(node.id)) byId.set(node.id, parsed);
    return parsed;
  };
  const roots = def.indicators.map((n, i) => build(n, ['indicators', i], 1, [], rootPolicy));
  const [first, ...rest] = issues;
  if (first !== undefined || total === undefined || grades === undefined) return { issues: first === undefined ? [] : [first, ...rest] };
  return {
    parsed: {
      definition: def,
      hash: contentHash(def),
      total,
      precision,
      rounding: def.options?.rounding ?? 'half-up',
      roundAt: def.options?.roundAt ?? 'leaf',
      bonusAboveTotal: def.options?.bonusAboveTotal ?? false,
      roots,
      byId,
      inputs,
      adjustments,
      grades,
      minPrecision: [...weights.values(), ...adjustments.flatMap((a) => (a.kind === 'veto' ? [] : [a.max])), ...grades.map((g) => g.min)].reduce((most, w) => Math.max(most, decimalPlaces(w)), 0),
    },
  };
}

/** Reads every weight once; negative weights are reported. */
function readWeights(located: readonly Located[], ctx: ParseContext): Map<Indicator, Dec> {
  const weights = new Map<Indicator, Dec>();
  for (const { node, path } of located) {
    const w = ctx.num(node.weight, [...path, 'weight']);
    if (w !== undefined && isNegative(w)) ctx.report('negative-weight', [...path, 'weight'], { value: toPlain(w) });
    if (w !== undefined) weights.set(node, w);
  }
  return weights;
}

/** Indicator and adjustment ids are unique; returns them with their paths. */
function checkIds(located: readonly Located[], def: FrameworkDefinition, issues: Issue[]): Map<string, IssuePath> {
  const ids = new Map<string, IssuePath>();
  const claim = (id: string, path: IssuePath): void => {
    if (ids.has(id)) issues.push(makeIssue('duplicate-id', [...path, 'id'], { id }));
    else ids.set(id, path);
  };
  for (const { node, path } of located) claim(node.id, path);
  (def.adjustments ?? []).forEach((a, i) => claim(a.id, ['adjustments', i]));
  return ids;
}

/** Children's weights sum to their parent's; level-1 weights sum to the total; leaves have rules. */
function checkSums(located: readonly Located[], def: FrameworkDefinition, weights: ReadonlyMap<Indicator, Dec>, total: Dec | undefined, ctx: ParseContext): void {
  const sumOf = (nodes: readonly Indicator[]): Dec | undefined =>
    nodes.every((n) => weights.has(n)) ? nodes.reduce((s, n) => add(s, weights.get(n) as Dec), ZERO) : undefined;
  for (const { node, path } of located) {
    const children = 'children' in node && node.children !== undefined ? node.children : [];
    const hasRule = 'rule' in node && node.rule !== undefined;
    if (children.length > 0 && hasRule) ctx.report('branch-with-rule', path, { name: node.name });
    if (children.length === 0 && !hasRule) ctx.report('leaf-without-rule', path, { name: node.name });
    const w = weights.get(node);
    const s = children.length > 0 ? sumOf(children) : undefined;
    if (w !== undefined && s !== undefined && cmp(s, w) !== 0) {
      ctx.report('weight-sum-mismatch', [...path, 'children'], { name: node.name, actual: toPlain(s), expected: toPlain(w) });
    }
  }
  const roots = sumOf(def.indicators);
  if (total !== undefined && roots !== undefined && cmp(roots, total) !== 0) {
    ctx.report('total-mismatch', ['indicators'], { actual: toPlain(roots), expected: toPlain(total) });
  }
}

/** A `transfer` policy names an existing indicator other than itself. */
function checkPolicies(def: FrameworkDefinition, located: readonly Located[], ids: ReadonlyMap<string, IssuePath>, weights: ReadonlyMap<Indicator, Dec>, ctx: ParseContext): void {
  const byId = new Map(located.map((l) => [l.node.id, l.node]));
  const check = (p: NotApplicablePolicy | undefined, path: IssuePath, selfId?: string): void => {
    if (p === undefined || p.policy !== 'transfer') return;
    const target = byId.get(p.to);
    const weight = target === undefined ? undefined : weights.get(target);
    if (!ids.has(p.to) || ids.get(p.to)?.[0] === 'adjustments') ctx.report('unknown-node', [...path, 'to'], { id: p.to });
    else if (p.to === selfId) ctx.report('invalid-option', [...path, 'to'], reason('transfer-to-self'));
    else if (weight !== undefined && cmp(weight, ZERO) === 0) ctx.report('invalid-option', [...path, 'to'], reason('transfer-to-zero', { to: p.to }));
  };
  check(def.options?.notApplicable, ['options', 'notApplicable']);
  for (const { node, path } of located) check(node.notApplicable, [...path, 'notApplicable'], node.id);
}

/** A `%` unit belongs to percent and fraction inputs: on a plain number it would be stripped and shown ×100. */
function checkInputUnits(def: FrameworkDefinition, ctx: ParseContext): void {
  for (const [name, decl] of Object.entries(def.inputs ?? {})) {
    if (decl.type !== 'percent' && decl.type !== 'fraction' && decl.unit !== undefined && ['%', '％', '百分比'].includes(decl.unit.trim())) {
      ctx.report('invalid-option', ['inputs', name, 'unit'], reason('percent-unit', { input: name }));
    }
  }
}

/** The precision lies in [0, 10] and can show every weight. */
function checkPrecision(precision: number, located: readonly Located[], weights: ReadonlyMap<Indicator, Dec>, ctx: ParseContext): void {
  if (precision < 0 || precision > 10) {
    ctx.report('invalid-option', ['options', 'precision'], reason('precision-range'));
    return;
  }
  for (const { node, path } of located) {
    const w = weights.get(node);
    if (w !== undefined && decimalPlaces(w) > precision) {
      ctx.report('invalid-option', [...path, 'weight'], reason('weight-decimals', { weight: toPlain(w), precision: String(precision) }));
    }
  }
}

function parseLeafRule(node: Indicator, path: IssuePath, weight: Dec | undefined, ctx: ParseContext): ParsedNode['rule'] {
  if (!('rule' in node) || node.rule === undefined) return undefined;
  const rule: Rule = node.rule;
  const parsed = parseRule(rule, { ...ctx, weight, leafId: node.id }, [...path, 'rule']);
  if (parsed === undefined) return undefined;
  for (const { name, type } of namedInputs(rule, node.id)) {
    const declared = ctx.inputTypes.get(name);
    const at = 'input' in rule && rule.input !== undefined ? [...path, 'rule', 'input'] : [...path, 'rule'];
    if (declared !== type) ctx.report('input-type-mismatch', at, { input: name, actual: declared ?? '—', expected: type });
  }
  return { definition: rule, kind: rule.kind, parsed };
}

function parseModifiers(node: Indicator, path: IssuePath, isBranch: boolean, ctx: ParseContext): Pick<ParsedNode, 'notApplicableIf' | 'zeroIf' | 'fullIf' | 'when'> {
  const when = (node as { readonly when?: Modifiers }).when;
  const read = (key: keyof Modifiers) => {
    const c = when?.[key];
    if (c === undefined) return undefined;
    if (key !== 'notApplicable' && isBranch) {
      ctx.report('invalid-option', [...path, 'when', key], reason('modifier-on-branch'));
    }
    return parseCondition(ctx, c, [...path, 'when', key]);
  };
  return { notApplicableIf: read('notApplicable'), zeroIf: read('zero'), fullIf: read('full'), when };
}

/** Adjustments: conditions and amounts parsed; a cap must not be negative nor finer than the precision. */
function parseAdjustments(def: FrameworkDefinition, precision: number, ctx: ParseContext): ParsedAdjustment[] {
  const out: ParsedAdjustment[] = [];
  (def.adjustments ?? []).forEach((a, i) => {
    const path = ['adjustments', i];
    const reads = new Set<string>();
    const reading: ParseContext = { ...ctx, noteInput: (name) => reads.add(name) };
    if (a.kind === 'veto') {
      const when = parseCondition(reading, a.when, [...path, 'when']);
      if (when !== undefined) out.push({ kind: 'veto', id: a.id, name: a.name, path, when, condition: a.when, effect: a.effect, reads: [...reads] });
      return;
    }
    const max = ctx.num(a.max, [...path, 'max']);
    if (max !== undefined && isNegative(max)) ctx.report('negative-amount', [...path, 'max'], { name: a.name, value: toPlain(max) });
    if (max !== undefined && precision >= 0 && decimalPlaces(max) > precision) {
      ctx.report('invalid-option', [...path, 'max'], reason('cap-decimals', { max: toPlain(max), precision: String(precision) }));
    }
    const amount = parseExpr(reading, a.amount, [...path, 'amount']);
    if (max !== undefined && amount !== undefined) out.push({ kind: a.kind, id: a.id, name: a.name, path, max, amount, reads: [...reads] });
  });
  return out;
}
