import { allocate } from '../decimal/allocate.js';
import { add, neg, ZERO, type Dec } from '../decimal/decimal.js';
import type { Compiled, CompiledNode } from '../framework/compile.js';

/** How not-applicable nodes were handled: which are NA, which are removed, and every node's effective weight. */
export interface WeightPlan {
  /** Every node that is not applicable (the whole subtree of an NA node is included). */
  readonly notApplicable: ReadonlySet<string>;
  /** The highest NA nodes, each with the policy that governs its subtree. */
  readonly naTop: ReadonlyMap<string, CompiledNode['policy']>;
  readonly effective: ReadonlyMap<string, Dec>;
}

/**
 * Works out effective weights. A removed NA node (rescale, redistribute, transfer) weighs 0; redistribute keeps
 * the parent's weight so its siblings share it; transfer adds the weight to the target (and its ancestors) and
 * takes it from the NA node's ancestors; rescale takes it away and the whole tree is scaled back to the total.
 * Weights are then handed down the tree with `allocate`, so every level sums exactly.
 */
export function effectiveWeights(compiled: Compiled, declaredNA: ReadonlySet<string>): WeightPlan {
  // A node is NA when declared so, when an ancestor is, or when all its children are.
  const na = new Set<string>();
  const markNA = (node: CompiledNode, inherited: boolean): boolean => {
    const self = inherited || declaredNA.has(node.id);
    const childFlags = node.children.map((c) => markNA(c, self));
    const result = self || (node.children.length > 0 && childFlags.every(Boolean));
    if (result) na.add(node.id);
    return result;
  };
  for (const root of compiled.roots) markNA(root, false);

  const naTop = new Map<string, CompiledNode['policy']>();
  const findTops = (node: CompiledNode): void => {
    if (na.has(node.id)) naTop.set(node.id, node.policy);
    else node.children.forEach(findTops);
  };
  compiled.roots.forEach(findTops);

  const bonus = new Map<string, Dec>();
  const removed = new Map<string, 'rescale' | 'redistribute' | 'transfer'>();
  for (const [id, policy] of naTop) {
    const node = compiled.byId.get(id);
    if (node === undefined || policy.policy === 'full' || policy.policy === 'zero') continue;
    if (policy.policy === 'transfer' && !na.has(policy.to)) {
      bonus.set(policy.to, add(bonus.get(policy.to) ?? ZERO, node.weight));
      removed.set(id, 'transfer');
    } else {
      // A transfer to a node that is itself not applicable falls back to rescaling.
      removed.set(id, policy.policy === 'redistribute' ? 'redistribute' : 'rescale');
    }
  }

  const adjusted = new Map<string, Dec>();
  const delta = (node: CompiledNode): Dec => {
    const how = removed.get(node.id);
    if (how !== undefined) {
      adjusted.set(node.id, ZERO);
      node.children.forEach(delta);
      return how === 'redistribute' ? ZERO : neg(node.weight);
    }
    const own = node.children.reduce((s, c) => add(s, delta(c)), bonus.get(node.id) ?? ZERO);
    adjusted.set(node.id, add(node.weight, own));
    return own;
  };
  compiled.roots.forEach(delta);

  const effective = new Map<string, Dec>();
  const handDown = (nodes: readonly CompiledNode[], amount: Dec): void => {
    const parts = allocate(amount, nodes.map((n) => adjusted.get(n.id) ?? ZERO), compiled.precision);
    nodes.forEach((n, i) => {
      const eff = parts[i] ?? ZERO;
      effective.set(n.id, eff);
      if (n.children.length > 0) handDown(n.children, eff);
    });
  };
  handDown(compiled.roots, compiled.total);
  return { notApplicable: na, naTop, effective };
}
