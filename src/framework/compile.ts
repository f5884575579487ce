import type { Calculator } from '../calc/calculator.js';
import { compileCondition, compileExpr, type CompiledCondition, type CompiledExpr } from '../expr/compile.js';
import type { Kernel } from '../rules/RuleModule.js';
import { compileRule } from '../rules/registry.js';
import type { ParsedAdjustment, ParsedFramework, ParsedNode } from './parsed.js';

/** An indicator ready for evaluation with calculator values of type `N`. */
export interface CompiledNode<N> {
  readonly parsed: ParsedNode;
  readonly weight: N;
  readonly children: readonly CompiledNode<N>[];
  readonly kernel: Kernel<N> | undefined;
  readonly notApplicableIf: CompiledCondition<N> | undefined;
  readonly zeroIf: CompiledCondition<N> | undefined;
  readonly fullIf: CompiledCondition<N> | undefined;
}

/** An adjustment ready for evaluation. */
export type CompiledAdjustment<N> =
  | { readonly parsed: ParsedAdjustment & { readonly kind: 'deduction' | 'bonus' }; readonly max: N; readonly amount: CompiledExpr<N> }
  | { readonly parsed: ParsedAdjustment & { readonly kind: 'veto' }; readonly when: CompiledCondition<N> };

/** A parsed framework compiled over one calculator, once for many evaluations. */
export interface Compiled<N> {
  readonly parsed: ParsedFramework;
  readonly calc: Calculator<N>;
  readonly total: N;
  readonly roots: readonly CompiledNode<N>[];
  readonly byId: ReadonlyMap<string, CompiledNode<N>>;
  readonly adjustments: readonly CompiledAdjustment<N>[];
  /** The grades' minimum totals, in the framework's (descending) order. */
  readonly gradeMins: readonly N[];
  /** The nodes that carry a not-applicable condition, in tree order. */
  readonly conditionallyNA: readonly CompiledNode<N>[];
}

const slotCache = new WeakMap<ParsedFramework, ReadonlyMap<string, number>>();

/**
 * 输入槽位。Every declared input's slot: its position in `parsed.inputs`. Computed once per parsed framework;
 * `Env` arrays are indexed by it.
 */
export function slotsOf(parsed: ParsedFramework): ReadonlyMap<string, number> {
  let slots = slotCache.get(parsed);
  if (slots === undefined) {
    slots = new Map([...parsed.inputs.keys()].map((name, i) => [name, i]));
    slotCache.set(parsed, slots);
  }
  return slots;
}

/** Compiles a parsed framework over calculator `c`; it checks nothing itself. */
export function compile<N>(parsed: ParsedFramework, c: Calculator<N>): Compiled<N> {
  const slots = slotsOf(parsed);
  // An undeclared name (which validation does not let through) gets a slot past the end: always missing.
  const slot = (name: string): number => slots.get(name) ?? slots.size;
  const expr = (e: Parameters<typeof compileExpr>[1]) => compileExpr(c, e, slot);
  const condition = (x: Parameters<typeof compileCondition>[1]) => compileCondition(c, x, slot);
  const byId = new Map<string, CompiledNode<N>>();
  const build = (node: ParsedNode): CompiledNode<N> => {
    const compiled: CompiledNode<N> = {
      parsed: node,
      weight: c.from(node.weight),
      children: node.children.map(build),
      kernel: node.rule === undefined ? undefined : compileRule(node.rule.parsed, { calc: c, expr, condition, slot }),
      notApplicableIf: node.notApplicableIf === undefined ? undefined : condition(node.notApplicableIf),
      zeroIf: node.zeroIf === undefined ? undefined : condition(node.zeroIf),
      fullIf: node.fullIf === undefined ? undefined : condition(node.fullIf),
    };
    byId.set(node.id, compiled);
    return compiled;
  };
  const roots = parsed.roots.map(build);
  const adjustments = parsed.adjustments.map((a): CompiledAdjustment<N> =>
    a.kind === 'veto' ? { parsed: a, when: condition(a.when) } : { parsed: a, max: c.from(a.max), amount: expr(a.amount) },
  );
  return {
    parsed,
    calc: c,
    total: c.from(parsed.total),
    roots,
    byId,
    adjustments,
    gradeMins: parsed.grades.map((g) => c.from(g.min)),
    conditionallyNA: [...byId.values()].filter((n) => n.notApplicableIf !== undefined),
  };
}
