import { clamp, cmp, div, isZero, mul, round, sub, sum, ZERO, type Dec } from '../decimal/decimal.js';
import type { Issue } from '../errors/issue.js';
import type { Compiled, CompiledNode } from '../framework/compile.js';
import { newTrace, type Env, type Trace } from '../rules/env.js';
import { formatNumber } from '../rules/format.js';
import type { WeightPlan } from './effectiveWeights.js';
import type { NodeStatus } from './types.js';

/** A scored node before it is turned into strings. */
export interface ScoredNode {
  readonly node: CompiledNode;
  readonly effectiveWeight: Dec;
  readonly score: Dec;
  readonly status: NodeStatus;
  readonly trace: Trace;
  readonly explanation: string;
  readonly children: readonly ScoredNode[];
}

const POLICY_TEXT = {
  rescale: '分值按适用指标折算',
  redistribute: '分值由同级指标分摊',
  transfer: '分值转入',
  full: '按满分计',
  zero: '按 0 分计',
} as const;

/**
 * Decides for every conditioned node whether its not-applicable condition holds. Undecidable conditions leave
 * their traces (which leaves then report as missing input); faults found in a condition go to `issues`.
 */
export function conditionNA(
  compiled: Compiled,
  env: Env,
  explicit: ReadonlySet<string>,
  issues: Issue[],
): { na: Set<string>; undecided: Map<string, Trace> } {
  const na = new Set(explicit);
  const undecided = new Map<string, Trace>();
  for (const node of compiled.conditionallyNA) {
    const t = newTrace(node.name, node.path);
    const holds = node.notApplicableIf?.evaluate(env, t);
    issues.push(...t.issues);
    if (holds === true) na.add(node.id);
    else if (holds === undefined) undecided.set(node.id, t);
  }
  // A branch whose condition cannot be decided leaves every leaf below it undecided too.
  const spread = (node: CompiledNode, t: Trace): void => {
    if (node.children.length === 0 && !undecided.has(node.id)) undecided.set(node.id, t);
    node.children.forEach((c) => spread(c, t));
  };
  for (const [id, t] of [...undecided]) {
    const node = compiled.byId.get(id);
    if (node !== undefined && node.children.length > 0) spread(node, t);
  }
  return { na, undecided };
}

/** Scores the tree: leaves by their rules, parents as exact sums of their children. */
export function scoreTree(
  compiled: Compiled,
  env: Env,
  plan: WeightPlan,
  undecided: ReadonlyMap<string, Trace>,
  issues: Issue[],
  warnings: Issue[],
): ScoredNode[] {
  const { precision, rounding, roundAt } = compiled;
  const finish = (raw: Dec, weight: Dec, eff: Dec): Dec => {
    const bounded = clamp(raw, ZERO, weight);
    const scaled = cmp(weight, eff) === 0 ? bounded : isZero(weight) ? ZERO : div(mul(bounded, eff), weight);
    return roundAt === 'leaf' ? clamp(round(scaled, precision, rounding), ZERO, eff) : scaled;
  };

  const scoreLeaf = (node: CompiledNode, eff: Dec): ScoredNode => {
    const base = undecided.get(node.id);
    // An undecided not-applicable trace was reported by conditionNA; a fresh one is reported here, once.
    if (base !== undefined) return missingLeaf(node, eff, base);
    const t = newTrace(node.name, node.path);
    const scored = scoreApplicableLeaf(node, eff, t);
    issues.push(...t.issues);
    warnings.push(...t.warnings);
    return scored;
  };

  const missingLeaf = (node: CompiledNode, eff: Dec, t: Trace): ScoredNode => ({
    node,
    effectiveWeight: eff,
    score: ZERO,
    status: 'missing-input',
    trace: t,
    explanation: `${node.name} 缺少输入“${t.missing.join('、')}”，暂不得分`,
    children: [],
  });

  const scoreApplicableLeaf = (node: CompiledNode, eff: Dec, t: Trace): ScoredNode => {
    const missing = (): ScoredNode => missingLeaf(node, eff, t);
    const done = (raw: Dec, detail: string): ScoredNode => {
      const score = finish(raw, node.weight, eff);
      const lost = sub(eff, score);
      const tail = isZero(lost) ? `得满分 ${formatNumber(eff)} 分` : `得 ${formatNumber(score)} 分（扣 ${formatNumber(lost)} 分）`;
      return { node, effectiveWeight: eff, score, status: 'scored', trace: t, explanation: `${node.name} ${detail}，${tail}`, children: [] };
    };
    if (node.zeroIf !== undefined) {
      const zero = node.zeroIf.evaluate(env, t);
      if (zero === undefined) return missing();
      if (zero) return done(ZERO, `满足不得分条件（${node.zeroIf.text(env)}）`);
    }
    if (node.fullIf !== undefined) {
      const full = node.fullIf.evaluate(env, t);
      if (full === undefined) return missing();
      if (full) return done(node.weight, `满足满分条件（${node.fullIf.text(env)}）`);
    }
    const outcome = node.scorer?.(env, t, node.weight);
    if (outcome === undefined) return missing();
    return done(outcome.score, outcome.detail);
  };

  const scoreNA = (node: CompiledNode, eff: Dec, policy: CompiledNode['policy']): ScoredNode => {
    const children = node.children.map((c) => scoreNA(c, plan.effective.get(c.id) ?? ZERO, policy));
    const score = children.length > 0 ? sum(children.map((c) => c.score)) : policy.policy === 'full' ? eff : ZERO;
    const how = policy.policy === 'transfer' ? `${POLICY_TEXT.transfer}“${compiled.byId.get(policy.to)?.name ?? policy.to}”` : POLICY_TEXT[policy.policy];
    return {
      node,
      effectiveWeight: eff,
      score,
      status: 'not-applicable',
      trace: newTrace(node.name, node.path),
      explanation: `${node.name}不适用，${how}`,
      children,
    };
  };

  const scoreNode = (node: CompiledNode): ScoredNode => {
    const eff = plan.effective.get(node.id) ?? ZERO;
    const policy = plan.naTop.get(node.id);
    if (policy !== undefined) return scoreNA(node, eff, policy);
    if (node.children.length === 0) return scoreLeaf(node, eff);
    const children = node.children.map(scoreNode);
    const score = sum(children.map((c) => c.score));
    const lost = sub(eff, score);
    return {
      node,
      effectiveWeight: eff,
      score,
      status: 'scored',
      trace: newTrace(node.name, node.path),
      explanation: `${node.name} 满分 ${formatNumber(eff)} 分，得 ${formatNumber(score)} 分${isZero(lost) ? '' : `（扣 ${formatNumber(lost)} 分）`}`,
      children,
    };
  };
  return compiled.roots.map(scoreNode);
}
