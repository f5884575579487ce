import { allocate } from '../calc/allocate.js';
import type { Compiled, CompiledNode } from '../framework/compile.js';
import type { NotApplicablePolicy } from '../framework/types.js';

/** How not-applicable nodes were handled: which are NA, which are removed, and every node's effective weight. */
export interface WeightPlan<N> {
  /** Every node that is not applicable (the whole subtree of an NA node is included). */
  readonly notApplicable: ReadonlySet<string>;
  /**
   * The highest NA nodes, each with the policy applied to its subtree: its own, except that a transfer to a
   * node that is itself not applicable is applied as `rescale`.
   */
  readonly naTop: ReadonlyMap<string, NotApplicablePolicy>;
  readonly effective: ReadonlyMap<string, N>;
}

/**
 * Works out effective weights. A removed NA node (rescale, redistribute, transfer) weighs 0; redistribute keeps
 * the parent's weight so its siblings share it; transfer adds the weight to the target (and its ancestors) and
 * takes it from the NA node's ancestors; rescale takes it away and the whole tree is scaled back to the total.
 * Weights are then handed down the tree with `allocate` on the grid of the precision (`unit`), so every level
 * sums exactly; spare grid units go to the largest remainders, ties to the smaller id, whatever the sibling
 * order. With rounding only at the total the grid is 10^-30 (`GUARD_PLACES`), far below any shown place.
 */
export function effectiveWeights<N>(compiled: Compiled<N>, declaredNA: ReadonlySet<string>, unit: N): WeightPlan<N> {
  const c = compiled.calc;
  const na = new Set<string>();
  // Declared NA (with their subtrees): the policy of the highest such node governs its subtree.
  const declared = new Set<string>();
  // A node is NA when declared so, when an ancestor is, or when all its children are.
  const markNA = (node: CompiledNode<N>, inherited: boolean): boolean => {
    const self = inherited || declaredNA.has(node.parsed.id);
    if (self) declared.add(node.parsed.id);
    const flags = node.children.map((ch) => markNA(ch, self));
    const result = self || (node.children.length > 0 && flags.every(Boolean));
    if (result) na.add(node.parsed.id);
    return result;
  };
  for (const root of compiled.roots) markNA(root, false);

  // A branch that is NA only because all its children are applies each child's own policy, not its own.
  const naTop = new Map<string, NotApplicablePolicy>();
  const findTops = (node: CompiledNode<N>): void => {
    if (declared.has(node.parsed.id)) naTop.set(node.parsed.id, node.parsed.policy);
    else node.children.forEach(findTops);
  };
  compiled.roots.forEach(findTops);

  // The siblings and parent of every node: does a redistributed weight have anyone to go to, and is a transfer's
  // target an ancestor (whose weight would then have no applicable child to go to)?
  const siblings = new Map<string, readonly CompiledNode<N>[]>();
  const parent = new Map<string, string>();
  const index = (nodes: readonly CompiledNode<N>[], up: string | undefined): void => {
    for (const n of nodes) {
      siblings.set(n.parsed.id, nodes);
      if (up !== undefined) parent.set(n.parsed.id, up);
      index(n.children, n.parsed.id);
    }
  };
  if ([...naTop.values()].some((p) => p.policy !== 'rescale')) index(compiled.roots, undefined);
  // Can a node take weight handed to it: an applicable leaf of positive weight, or an applicable branch with a
  // child that can? (A weight-0 leaf scores 0 whatever weight it is given.)
  const able = new Map<string, boolean>();
  const canTake = (n: CompiledNode<N>): boolean => {
    let known = able.get(n.parsed.id);
    if (known === undefined) {
      known = !na.has(n.parsed.id) && (n.children.length === 0 ? c.cmp(n.weight, c.zero) > 0 : n.children.some(canTake));
      able.set(n.parsed.id, known);
    }
    return known;
  };
  const takers = (id: string): boolean => (siblings.get(id) ?? []).some((s) => s.parsed.id !== id && canTake(s));
  const ancestor = (candidate: string, id: string): boolean => {
    for (let up = parent.get(id); up !== undefined; up = parent.get(up)) if (up === candidate) return true;
    return false;
  };

  const bonus = new Map<string, N>();
  const removed = new Map<string, 'rescale' | 'redistribute' | 'transfer'>();
  for (const [id, policy] of naTop) {
    const node = compiled.byId.get(id);
    if (node === undefined || policy.policy === 'full' || policy.policy === 'zero') continue;
    const target = policy.policy === 'transfer' ? compiled.byId.get(policy.to) : undefined;
    if (policy.policy === 'transfer' && target !== undefined && canTake(target) && !ancestor(policy.to, id)) {
      bonus.set(policy.to, c.add(bonus.get(policy.to) ?? c.zero, node.weight));
      removed.set(id, 'transfer');
    } else if (policy.policy === 'redistribute' && takers(id)) {
      removed.set(id, 'redistribute');
    } else {
      // A transfer to a node that cannot take the weight (not applicable, or nothing applicable of positive weight
      // below it) or to an ancestor, or a redistribution with no sibling that can take it, falls back to rescaling.
      removed.set(id, 'rescale');
      if (policy.policy !== 'rescale') naTop.set(id, { policy: 'rescale' });
    }
  }

  const adjusted = new Map<string, N>();
  const delta = (node: CompiledNode<N>): N => {
    const how = removed.get(node.parsed.id);
    if (how !== undefined) {
      adjusted.set(node.parsed.id, c.zero);
      node.children.forEach(delta);
      return how === 'redistribute' ? c.zero : c.neg(node.weight);
    }
    const own = node.children.reduce((s, ch) => c.add(s, delta(ch)), bonus.get(node.parsed.id) ?? c.zero);
    adjusted.set(node.parsed.id, c.add(node.weight, own));
    return own;
  };
  compiled.roots.forEach(delta);

  const effective = new Map<string, N>();
  const handDown = (nodes: readonly CompiledNode<N>[], amount: N): void => {
    const shares = nodes.map((n) => adjusted.get(n.parsed.id) ?? c.zero);
    const parts = allocate(c, amount, shares, nodes.map((n) => n.parsed.id), unit);
    nodes.forEach((n, i) => {
      const eff = parts[i] ?? c.zero;
      effective.set(n.parsed.id, eff);
      if (n.children.length > 0) handDown(n.children, eff);
    });
  };
  handDown(compiled.roots, compiled.total);
  return { notApplicable: na, naTop, effective };
}

