import { cmp, decimalPlaces, type Dec } from '../decimal/decimal.js';
import type { IssuePath } from '../errors/issue.js';
import { compileCondition, compileExpr, constant, type CompiledCondition, type CompiledExpr } from '../rules/expr.js';
import { compileRule } from '../rules/compileRule.js';
import type { Scorer } from '../rules/scorer.js';
import type {
  FrameworkDefinition,
  Indicator,
  InputDeclaration,
  Modifiers,
  NotApplicablePolicy,
  RoundAt,
  RoundingMode,
  RuleKind,
} from './types.js';
import { resolveInputTypes } from './walk.js';

/** An indicator ready for evaluation. */
export interface CompiledNode {
  readonly id: string;
  readonly name: string;
  readonly weight: Dec;
  readonly level: number;
  readonly path: IssuePath;
  readonly names: readonly string[];
  readonly children: readonly CompiledNode[];
  readonly scorer: Scorer | undefined;
  readonly ruleKind: RuleKind | undefined;
  readonly notApplicableIf: CompiledCondition | undefined;
  readonly zeroIf: CompiledCondition | undefined;
  readonly fullIf: CompiledCondition | undefined;
  /** The policy in force here (own, else inherited, else the framework's). */
  readonly policy: NotApplicablePolicy;
}

/** An adjustment ready for evaluation. */
export type CompiledAdjustment =
  | { readonly kind: 'deduction' | 'bonus'; readonly id: string; readonly name: string; readonly path: IssuePath; readonly max: Dec; readonly amount: CompiledExpr }
  | {
      readonly kind: 'veto';
      readonly id: string;
      readonly name: string;
      readonly path: IssuePath;
      readonly when: CompiledCondition;
      readonly effect: 'lowest-grade' | 'zero-total' | 'both';
    };

/** A validated framework compiled once for many evaluations. */
export interface Compiled {
  readonly definition: FrameworkDefinition;
  readonly total: Dec;
  readonly precision: number;
  readonly rounding: RoundingMode;
  readonly roundAt: RoundAt;
  readonly bonusAboveTotal: boolean;
  readonly roots: readonly CompiledNode[];
  readonly byId: ReadonlyMap<string, CompiledNode>;
  readonly inputs: ReadonlyMap<string, InputDeclaration>;
  readonly adjustments: readonly CompiledAdjustment[];
  /** Grades, highest lower bound first. */
  readonly grades: readonly { readonly label: string; readonly min: Dec }[];
  /** The nodes that carry a not-applicable condition, in tree order. */
  readonly conditionallyNA: readonly CompiledNode[];
  /** The most decimals any weight has: a precision below it could not show the weights. */
  readonly weightDecimals: number;
}

/** Compiles a definition that has passed validation; it does not check anything itself. */
export function compile(def: FrameworkDefinition): Compiled {
  const types = resolveInputTypes(def);
  const declared = def.inputs ?? {};
  const inputs = new Map<string, InputDeclaration>();
  for (const [name, type] of types) {
    inputs.set(name, Object.prototype.hasOwnProperty.call(declared, name) ? (declared[name] as InputDeclaration) : { type });
  }
  const labels = new Map<string, string>();
  for (const [name, decl] of inputs) if (decl.name !== undefined) labels.set(name, decl.name);
  const byId = new Map<string, CompiledNode>();
  const build = (
    node: Indicator,
    path: IssuePath,
    level: number,
    names: readonly string[],
    inherited: NotApplicablePolicy,
  ): CompiledNode => {
    const policy = node.notApplicable ?? inherited;
    const here = [...names, node.name];
    const children =
      'children' in node
        ? node.children.map((c, i) => build(c, [...path, 'children', i], level + 1, here, policy))
        : [];
    const rule = 'rule' in node ? node.rule : undefined;
    const when: Modifiers | undefined = 'when' in node ? node.when : undefined;
    const compiled: CompiledNode = {
      id: node.id,
      name: node.name,
      weight: constant(node.weight),
      level,
      path,
      names: here,
      children,
      scorer: rule === undefined ? undefined : compileRule(rule, { inputTypes: types, leafId: node.id, labels }),
      ruleKind: rule?.kind,
      notApplicableIf: when?.notApplicable === undefined ? undefined : compileCondition(when.notApplicable, labels),
      zeroIf: when?.zero === undefined ? undefined : compileCondition(when.zero, labels),
      fullIf: when?.full === undefined ? undefined : compileCondition(when.full, labels),
      policy,
    };
    byId.set(node.id, compiled);
    return compiled;
  };
  const rootPolicy = def.options?.notApplicable ?? { policy: 'rescale' };
  const roots = def.indicators.map((n, i) => build(n, ['indicators', i], 1, [], rootPolicy));
  const adjustments = (def.adjustments ?? []).map((a, i): CompiledAdjustment => {
    const path = ['adjustments', i];
    return a.kind === 'veto'
      ? { kind: 'veto', id: a.id, name: a.name, path, when: compileCondition(a.when, labels), effect: a.effect }
      : { kind: a.kind, id: a.id, name: a.name, path, max: constant(a.max), amount: compileExpr(a.amount) };
  });
  const grades = def.grades
    .map((g) => ({ label: g.label, min: constant(g.min) }))
    .sort((a, b) => cmp(b.min, a.min));
  return {
    definition: def,
    total: constant(def.total),
    precision: def.options?.precision ?? 2,
    rounding: def.options?.rounding ?? 'half-up',
    roundAt: def.options?.roundAt ?? 'leaf',
    bonusAboveTotal: def.options?.bonusAboveTotal ?? false,
    roots,
    byId,
    inputs,
    adjustments,
    grades,
    conditionallyNA: [...byId.values()].filter((n) => n.notApplicableIf !== undefined),
    weightDecimals: Math.max(0, ...[...byId.values()].map((n) => decimalPlaces(n.weight))),
  };
}
