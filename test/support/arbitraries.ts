import fc from 'fast-check';
import { NATIONAL_TIERS } from '../../src/index.js';
import type {
  Adjustment,
  FrameworkDefinition,
  Indicator,
  InputDeclaration,
  InputValue,
  NotApplicablePolicy,
  Rule,
} from '../../src/index.js';

/** Rule kinds the random frameworks use (every kind but `either`, which is covered by unit tests). */
export const RULE_KINDS = [
  'ratio',
  'lower-is-better',
  'equal',
  'bands',
  'step-deduction',
  'piecewise',
  'binary',
  'checklist',
  'tiers',
  'count-ratio',
  'per-occurrence',
  'manual',
] as const;
type Kind = (typeof RULE_KINDS)[number];

interface LeafShape {
  readonly type: 'leaf';
  readonly halves: number;
  readonly kind: Kind;
}
interface BranchShape {
  readonly type: 'branch';
  readonly children: readonly Shape[];
}
type Shape = LeafShape | BranchShape;

const leafShape: fc.Arbitrary<Shape> = fc.record({
  type: fc.constant('leaf' as const),
  halves: fc.integer({ min: 1, max: 40 }),
  kind: fc.constantFrom(...RULE_KINDS),
});

/** A random tree shape, up to depth 4. */
export const shapeArb: fc.Arbitrary<readonly Shape[]> = fc.letrec<{ node: Shape; branch: Shape }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, leafShape, tie('branch')),
  branch: fc.record({
    type: fc.constant('branch' as const),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 4, depthIdentifier: 'tree' }),
  }),
})).node.chain((first) => fc.array(fc.oneof(leafShape, fc.constant(first)), { minLength: 0, maxLength: 3 }).map((rest) => [first, ...rest]));

const half = (n: number): string => String(n / 2);

function ruleFor(kind: Kind, id: string, halves: number, inputs: Record<string, InputDeclaration>): Rule {
  const a = `${id}-a`;
  const b = `${id}-b`;
  switch (kind) {
    case 'ratio':
      inputs[a] = { type: 'number' };
      inputs[b] = { type: 'number' };
      return { kind, value: { div: [{ input: a }, { input: b }] }, zeroAbove: '1.3', reviewAbove: '1.2' };
    case 'lower-is-better':
      inputs[a] = { type: 'number' };
      inputs[b] = { type: 'number' };
      return { kind, actual: { input: a }, target: { input: b }, variant: halves % 2 === 0 ? 'inverse' : 'linear-to-double' };
    case 'equal':
      inputs[a] = { type: 'number' };
      inputs[b] = { type: 'number' };
      return { kind, actual: { input: a }, target: { input: b } };
    case 'bands':
      inputs[a] = { type: 'fraction' };
      return {
        kind,
        value: { input: a },
        absolute: true,
        bands: [
          { max: '0.1', maxInclusive: true, fraction: 1 },
          { min: '0.1', minInclusive: false, max: '0.2', maxInclusive: true, fraction: '0.6' },
          { min: '0.2', minInclusive: false, max: '0.3', maxInclusive: true, fraction: '0.2' },
          { min: '0.3', minInclusive: false, fraction: 0 },
        ],
      };
    case 'step-deduction':
      inputs[a] = { type: 'percent' };
      return { kind, value: { input: a }, direction: 'below', threshold: 1, step: '0.05', points: '0.5', steps: 'started' };
    case 'piecewise':
      inputs[a] = { type: 'fraction' };
      return { kind, value: { input: a }, points: [[0, 1], ['0.1', 0]] };
    case 'binary':
      inputs[a] = { type: 'boolean' };
      return { kind, when: { is: a } };
    case 'checklist': {
      const first = Math.ceil(halves / 2);
      const checks = [{ id: 'c1', name: '检查一', points: half(first) }];
      if (halves - first > 0) checks.push({ id: 'c2', name: '检查二', points: half(halves - first) });
      return { kind, checks };
    }
    case 'tiers':
      return { kind, tiers: NATIONAL_TIERS };
    case 'count-ratio':
      inputs[a] = { type: 'number' };
      inputs[b] = { type: 'number' };
      return { kind, met: { input: a }, total: { input: b } };
    case 'per-occurrence':
      inputs[a] = { type: 'number' };
      return { kind, count: { input: a }, points: '0.5' };
    case 'manual':
      return { kind, step: '0.5' };
  }
}

/** Builds a valid definition from a shape: ids n0, n1, … in tree order, branch weights are sums. */
export function buildFramework(
  shape: readonly Shape[],
  extras: { adjustments?: boolean; policy?: NotApplicablePolicy } = {},
): FrameworkDefinition {
  let next = 0;
  const inputs: Record<string, InputDeclaration> = {};
  const build = (s: Shape): { node: Indicator; halves: number } => {
    const id = `n${next++}`;
    if (s.type === 'leaf') {
      return { node: { id, name: `指标${id}`, weight: half(s.halves), rule: ruleFor(s.kind, id, s.halves, inputs) }, halves: s.halves };
    }
    const children = s.children.map(build);
    const halves = children.reduce((t, c) => t + c.halves, 0);
    return { node: { id, name: `指标${id}`, weight: half(halves), children: children.map((c) => c.node) }, halves };
  };
  const roots = shape.map(build);
  const totalHalves = roots.reduce((t, r) => t + r.halves, 0);
  const total = totalHalves / 2;
  const adjustments: Adjustment[] = [];
  if (extras.adjustments === true) {
    inputs['deduct'] = { type: 'number' };
    inputs['bonus'] = { type: 'number' };
    adjustments.push({ kind: 'deduction', id: 'adj-d', name: '扣分项', max: 10, amount: { input: 'deduct' } });
    adjustments.push({ kind: 'bonus', id: 'adj-b', name: '加分项', max: 5, amount: { input: 'bonus' } });
  }
  const cut = (f: number): string => (Math.floor(total * f * 100) / 100).toFixed(2);
  return {
    id: 'random',
    name: '随机指标体系',
    scope: 'other',
    total: half(totalHalves),
    inputs,
    indicators: roots.map((r) => r.node),
    ...(adjustments.length > 0 ? { adjustments } : {}),
    grades: [
      { label: '优', min: cut(0.9) },
      { label: '良', min: cut(0.8) },
      { label: '中', min: cut(0.6) },
      { label: '差', min: 0 },
    ],
    ...(extras.policy === undefined ? {} : { options: { notApplicable: extras.policy } }),
  };
}

/** Leaves of a definition with their weights. */
export function leavesOf(def: FrameworkDefinition): { id: string; weight: number; rule: Rule }[] {
  const out: { id: string; weight: number; rule: Rule }[] = [];
  const visit = (n: Indicator): void => {
    if ('children' in n) n.children.forEach(visit);
    else out.push({ id: n.id, weight: Number(n.weight), rule: n.rule });
  };
  def.indicators.forEach(visit);
  return out;
}

const amount = fc.integer({ min: 0, max: 20000 }).map((n) => String(n / 100));
const positive = fc.integer({ min: 1, max: 20000 }).map((n) => String(n / 100));

/** Random inputs for every input of a definition; some are left out (missing) when `allowMissing`. */
export function valuesArb(def: FrameworkDefinition, allowMissing = false): fc.Arbitrary<Record<string, InputValue>> {
  const parts: Record<string, fc.Arbitrary<InputValue>> = {};
  for (const [name, decl] of Object.entries(def.inputs ?? {})) {
    const isDivisor = name.endsWith('-b');
    switch (decl.type) {
      case 'number':
        parts[name] = isDivisor ? positive : name === 'deduct' || name === 'bonus' ? fc.integer({ min: 0, max: 1500 }).map((n) => n / 100) : amount;
        break;
      case 'fraction':
        parts[name] = fc.integer({ min: -5000, max: 5000 }).map((n) => `${n / 100}%`);
        break;
      case 'percent':
        parts[name] = fc.integer({ min: 0, max: 15000 }).map((n) => n / 100);
        break;
      case 'boolean':
        parts[name] = fc.boolean();
        break;
      default:
        break;
    }
  }
  for (const leaf of leavesOf(def)) {
    if (leaf.rule.kind === 'manual') parts[leaf.id] = fc.integer({ min: 0, max: leaf.weight * 2 }).map((n) => n / 2);
    if (leaf.rule.kind === 'checklist') parts[leaf.id] = fc.record({ c1: fc.boolean(), ...(leaf.rule.checks.length > 1 ? { c2: fc.boolean() } : {}) });
    if (leaf.rule.kind === 'tiers') {
      const w = leaf.weight;
      parts[leaf.id] = fc
        .tuple(fc.constantFrom(...NATIONAL_TIERS), fc.integer({ min: 0, max: 100 }))
        .map(([tier, p]) => ({ tier: tier.id, score: String(((Number(tier.min) + (Number(tier.max) - Number(tier.min)) * (p / 100)) * w).toFixed(2)) }));
    }
  }
  return fc.record(parts, allowMissing ? { requiredKeys: [] } : {}) as fc.Arbitrary<Record<string, InputValue>>;
}

/** A random valid framework with random complete inputs. */
export const caseArb = (extras: { adjustments?: boolean; policy?: NotApplicablePolicy } = {}, allowMissing = false) =>
  shapeArb.chain((shape) => {
    const def = buildFramework(shape, extras);
    return fc.record({ def: fc.constant(def), values: valuesArb(def, allowMissing) });
  });
