import { clampWith, snap, sumWith, type Calculator } from '../calc/calculator.js';
import type { RoundingMode } from '../calc/rounding.js';
import { blocked, newTrace, type Env, type KernelOutcome, type Trace } from '../expr/trace.js';
import type { Compiled, CompiledNode } from '../framework/compile.js';
import type { NotApplicablePolicy, RoundAt } from '../framework/types.js';
import type { WeightPlan } from './effectiveWeights.js';
import type { NodeStatus } from './types.js';

/** Rounding in force for one evaluation. */
export interface Rounding {
  /** 小数位数。Decimal places. */
  readonly precision: number;
  /** 舍入方式。Rounding mode. */
  readonly rounding: RoundingMode;
  /** 舍入位置。Where rounding happens. */
  readonly roundAt: RoundAt;
}

/** A scored node, before it is turned into strings. */
export interface ScoredNode<N> {
  readonly node: CompiledNode<N>;
  readonly effectiveWeight: N;
  readonly score: N;
  readonly status: NodeStatus;
  readonly trace: Trace;
  readonly outcome: KernelOutcome | undefined;
  readonly modifier: 'full' | 'zero' | undefined;
  /** For the highest not-applicable node: the policy applied. */
  readonly naPolicy: NotApplicablePolicy | undefined;
  readonly children: readonly ScoredNode<N>[];
}

/**
 * A leaf's score from its kernel's raw score: kept within [0, weight], scaled to the effective weight, snapped to
 * the guard places, and rounded when leaves are rounded. The one place this happens, for every evaluator.
 */
export function finishScore<N>(c: Calculator<N>, r: Rounding, raw: N, weight: N, eff: N): N {
  const bounded = clampWith(c, raw, c.zero, weight);
  const scaled = snap(c, c.cmp(weight, eff) === 0 ? bounded : c.isZero(weight) ? c.zero : c.div(c.mul(bounded, eff), weight));
  return r.roundAt === 'leaf' ? clampWith(c, c.round(scaled, r.precision, r.rounding), c.zero, eff) : scaled;
}

/** The status of a leaf whose trace kept it from scoring. */
export function blockedStatus(t: Trace): 'fault' | 'invalid-input' | 'missing-input' {
  return t.faults.length > 0 ? 'fault' : t.invalid.length > 0 ? 'invalid-input' : 'missing-input';
}

/**
 * Decides for every conditioned node whether its not-applicable condition holds. Undecided conditions (an input
 * missing or invalid, a fault) leave their traces to the leaves below, which then cannot score.
 */
export function conditionNA<N>(compiled: Compiled<N>, env: Env<N>, explicit: ReadonlySet<string>): { na: Set<string>; undecided: Map<string, Trace> } {
  const na = new Set(explicit);
  const undecided = new Map<string, Trace>();
  for (const node of compiled.conditionallyNA) {
    const t = newTrace();
    const holds = node.notApplicableIf?.(env, t);
    if (holds === true) na.add(node.parsed.id);
    else if (holds === undefined) undecided.set(node.parsed.id, t);
  }
  // A branch whose condition cannot be decided leaves every leaf below it undecided too.
  const spread = (node: CompiledNode<N>, t: Trace): void => {
    if (node.children.length === 0 && !undecided.has(node.parsed.id)) undecided.set(node.parsed.id, t);
    node.children.forEach((ch) => spread(ch, t));
  };
  for (const [id, t] of [...undecided]) {
    const node = compiled.byId.get(id);
    if (node !== undefined && node.children.length > 0) spread(node, t);
  }
  return { na, undecided };
}

/** Scores the tree: leaves by their rules, parents as exact sums of their children. */
export function scoreTree<N>(compiled: Compiled<N>, env: Env<N>, plan: WeightPlan<N>, undecided: ReadonlyMap<string, Trace>, r: Rounding): ScoredNode<N>[] {
  const c = compiled.calc;
  const finish = (raw: N, weight: N, eff: N): N => finishScore(c, r, raw, weight, eff);
  const leaf = (node: CompiledNode<N>, eff: N, t: Trace, fields: Partial<Pick<ScoredNode<N>, 'outcome' | 'modifier'>>, raw?: N): ScoredNode<N> => ({
    node,
    effectiveWeight: eff,
    score: raw === undefined ? c.zero : finish(raw, node.weight, eff),
    status: raw === undefined ? blockedStatus(t) : 'scored',
    trace: t,
    outcome: fields.outcome,
    modifier: fields.modifier,
    naPolicy: undefined,
    children: [],
  });

  const scoreLeaf = (node: CompiledNode<N>, eff: N): ScoredNode<N> => {
    const pending = undecided.get(node.parsed.id);
    if (pending !== undefined) return leaf(node, eff, pending, {});
    const t = newTrace();
    for (const [modifier, test] of [['zero', node.zeroIf], ['full', node.fullIf]] as const) {
      if (test === undefined) continue;
      const holds = test(env, t);
      if (holds === undefined) return leaf(node, eff, t, {});
      if (holds) return leaf(node, eff, t, { modifier }, modifier === 'zero' ? c.zero : node.weight);
    }
    const score = node.kernel?.(env, t, node.weight);
    if (score === undefined || blocked(t)) return leaf(node, eff, t, {});
    return leaf(node, eff, t, { outcome: t.outcome }, score);
  };

  const scoreNA = (node: CompiledNode<N>, eff: N, policy: NotApplicablePolicy, top: boolean): ScoredNode<N> => {
    const children = node.children.map((ch) => scoreNA(ch, plan.effective.get(ch.parsed.id) ?? c.zero, policy, false));
    const score = children.length > 0 ? sumWith(c, children.map((ch) => ch.score)) : policy.policy === 'full' ? eff : c.zero;
    return { node, effectiveWeight: eff, score, status: 'not-applicable', trace: newTrace(), outcome: undefined, modifier: undefined, naPolicy: top ? policy : undefined, children };
  };

  const scoreNode = (node: CompiledNode<N>): ScoredNode<N> => {
    const eff = plan.effective.get(node.parsed.id) ?? c.zero;
    const policy = plan.naTop.get(node.parsed.id);
    if (policy !== undefined) return scoreNA(node, eff, policy, true);
    if (node.children.length === 0) return scoreLeaf(node, eff);
    const children = node.children.map(scoreNode);
    const done = children.every((ch) => ch.status === 'scored' || ch.status === 'not-applicable');
    const allNA = children.every((ch) => ch.status === 'not-applicable');
    return {
      node,
      effectiveWeight: eff,
      score: sumWith(c, children.map((ch) => ch.score)),
      status: allNA ? 'not-applicable' : done ? 'scored' : 'incomplete',
      trace: newTrace(),
      outcome: undefined,
      modifier: undefined,
      naPolicy: undefined,
      children,
    };
  };
  return compiled.roots.map(scoreNode);
}
