import type { IssuePath } from '../errors/issue.js';
import type { Indicator, InputType, FrameworkDefinition, Rule } from './types.js';

/** An indicator with where it sits. */
export interface Located {
  readonly node: Indicator;
  readonly path: IssuePath;
  readonly level: number;
  readonly parentId: string | undefined;
}

/** All indicators, depth first, parents before children. */
export function walkIndicators(def: FrameworkDefinition): Located[] {
  const out: Located[] = [];
  const visit = (nodes: readonly Indicator[], path: IssuePath, level: number, parentId: string | undefined): void => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      out.push({ node, path: here, level, parentId });
      if ('children' in node) visit(node.children, [...here, 'children'], level + 1, node.id);
    });
  };
  visit(def.indicators, ['indicators'], 1, undefined);
  return out;
}

/** The input type a rule reads by name (manual → score, tiers → tier, checklist → checks), with its name. */
export function evaluatorInputs(rule: Rule, leafId: string): { name: string; type: InputType }[] {
  switch (rule.kind) {
    case 'manual':
      return [{ name: rule.input ?? leafId, type: 'score' }];
    case 'tiers':
      return [{ name: rule.input ?? leafId, type: 'tier' }];
    case 'checklist':
      return [{ name: rule.input ?? leafId, type: 'checks' }];
    case 'either':
      return rule.alternatives.flatMap((r) => evaluatorInputs(r, leafId));
    default:
      return [];
  }
}

/** Declared inputs plus those that evaluator rules declare implicitly by the leaf id. */
export function resolveInputTypes(def: FrameworkDefinition): Map<string, InputType> {
  const types = new Map<string, InputType>();
  for (const [name, decl] of Object.entries(def.inputs ?? {})) types.set(name, decl.type);
  for (const { node } of walkIndicators(def)) {
    if (!('rule' in node)) continue;
    for (const { name, type } of evaluatorInputs(node.rule, node.id)) if (!types.has(name)) types.set(name, type);
  }
  return types;
}
