/**
 * Random frameworks and inputs for the property tests.
 *
 * Everything random is a fast-check parameter (no Math.random), so that every failure shrinks and replays from
 * its seed. A framework is generated as a *spec* (plain data: shapes, rule parameters, options), then built into a
 * valid definition; the inputs are generated from the built definition, leaning towards the boundaries of each rule
 * (cut points, exact multiples of a step, the tolerance, the tier boundaries) where off-by-one mistakes hide.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { LEGACY_TIERS, NATIONAL_TIERS } from '../../src/index.js';
import type {
  Adjustment,
  Condition,
  FrameworkDefinition,
  FrameworkOptions,
  GradeBand,
  Indicator,
  InputDeclaration,
  InputValue,
  Modifiers,
  NotApplicablePolicy,
  RoundingMode,
  Rule,
} from '../../src/index.js';

/** Exact decimals for building definitions and checking results. */
export const D = Decimal.clone({ precision: 80, toExpNeg: -100, toExpPos: 100 });
export type Dec = InstanceType<typeof D>;
export const dec = (x: number | string | Dec): Dec => new D(x);
/** Exact plain decimal text. */
const str = (x: Dec): string => {
  const s = x.toFixed();
  return s === '-0' ? '0' : s;
};
/** n ÷ 10^k, exactly, as text. */
const scaled = (n: number, k: number): string => str(dec(n).div(dec(10).pow(k)));

/** Every rule kind, `either` included. */
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
  'either',
] as const;

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'];
const HALF_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down'];
/** The largest error one rounding makes, in units of the last place: ½ for the half modes, 1 for directed ones. */
export const roundingError = (mode: RoundingMode): Dec => (HALF_MODES.includes(mode) ? dec('0.5') : dec(1));

const DECIMAL_ROUNDING: { readonly [M in RoundingMode]: Decimal.Rounding } = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};
/** Rounds like the engine's named modes. */
export const roundTo = (x: Dec, places: number, mode: RoundingMode): Dec => x.toDecimalPlaces(places, DECIMAL_ROUNDING[mode]);

// ---------------------------------------------------------------------------------------------------------------
// Specs: plain data that fast-check generates and shrinks.

export type ValueType = 'percent' | 'fraction' | 'number';
type ComparisonOp = '<' | '<=' | '=' | '!=' | '>=' | '>';
interface Band {
  readonly min?: string;
  readonly max?: string;
  readonly minInclusive?: boolean;
  readonly maxInclusive?: boolean;
  readonly points?: string;
  readonly fraction?: string;
}

/** A condition over the inputs `<prefix>-f0`, `<prefix>-f1` (boolean) and `<prefix>-x` (number). */
export type CondSpec =
  | { readonly c: 'is'; readonly flag: 0 | 1 }
  | { readonly c: 'cmp'; readonly form: 'input' | 'abs' | 'sub'; readonly op: ComparisonOp; readonly k: number }
  | { readonly c: 'all' | 'any'; readonly parts: readonly CondSpec[] }
  | { readonly c: 'not'; readonly part: CondSpec };

export type PolicySpec =
  | { readonly policy: 'rescale' | 'redistribute' | 'full' | 'zero' }
  | { readonly policy: 'transfer'; readonly to: number };

interface BandCut {
  /** Distance from the previous cut, in hundredths. */
  readonly step: number;
  /** A single-point band [c, c] sits at this cut. */
  readonly point: boolean;
  /** The band below the cut includes it (else the band above does). */
  readonly lowerGetsCut: boolean;
}
type Pay = { readonly points: number } | { readonly fraction: number };

export type RuleSpec =
  | {
      readonly kind: 'ratio';
      readonly form: 'single' | 'div';
      readonly vtype: ValueType;
      readonly zeroBelow: number | undefined;
      readonly zeroAbove: number | undefined;
      readonly reviewAbove: number | undefined;
    }
  | { readonly kind: 'lower-is-better'; readonly variant: 'inverse' | 'linear-to-double'; readonly vtype: ValueType }
  | { readonly kind: 'equal'; readonly tolerance: number | undefined; readonly vtype: ValueType }
  | {
      readonly kind: 'bands';
      readonly vtype: ValueType;
      readonly absolute: boolean;
      readonly start: number;
      readonly cuts: readonly BandCut[];
      readonly pays: readonly Pay[];
      readonly explicit: boolean;
      readonly reversed: boolean;
    }
  | {
      readonly kind: 'step-deduction';
      readonly vtype: ValueType;
      readonly direction: 'above' | 'below';
      readonly threshold: number;
      readonly step: number;
      readonly points: number;
      readonly steps: 'completed' | 'started' | 'proportional';
    }
  | { readonly kind: 'piecewise'; readonly vtype: ValueType; readonly start: number; readonly incs: readonly number[]; readonly fs: readonly number[] }
  | { readonly kind: 'binary'; readonly when: CondSpec; readonly points: number | undefined; readonly otherwise: number | undefined }
  | { readonly kind: 'checklist'; readonly cuts: readonly number[] }
  | { readonly kind: 'tiers'; readonly legacy: boolean }
  | { readonly kind: 'count-ratio' }
  | { readonly kind: 'per-occurrence'; readonly points: number }
  | { readonly kind: 'manual'; readonly step: string | undefined }
  | { readonly kind: 'either'; readonly alternatives: readonly RuleSpec[] };

export interface WhenSpec {
  readonly na: CondSpec | undefined;
  readonly zero: CondSpec | undefined;
  readonly full: CondSpec | undefined;
}
export interface LeafSpec {
  readonly type: 'leaf';
  readonly units: number;
  readonly unitPick: number;
  readonly rule: RuleSpec;
  readonly when: WhenSpec | undefined;
  readonly policy: PolicySpec | undefined;
}
export interface BranchSpec {
  readonly type: 'branch';
  readonly children: readonly ShapeSpec[];
  readonly na: CondSpec | undefined;
  readonly policy: PolicySpec | undefined;
}
export type ShapeSpec = LeafSpec | BranchSpec;

export interface OptionsSpec {
  readonly precision: number | undefined;
  readonly rounding: RoundingMode | undefined;
  readonly roundAt: 'leaf' | 'total' | undefined;
  readonly policy: PolicySpec | undefined;
  readonly bonusAboveTotal: boolean | undefined;
}
export interface AdjustmentsSpec {
  readonly deduction: number | undefined;
  readonly bonus: number | undefined;
  readonly veto: { readonly when: CondSpec; readonly effect: 'lowest-grade' | 'zero-total' | 'both' } | undefined;
}
export interface FrameworkSpec {
  readonly roots: readonly ShapeSpec[];
  readonly options: OptionsSpec;
  readonly adjustments: AdjustmentsSpec;
  readonly grades: { readonly cuts: readonly number[]; readonly reversed: boolean; readonly topMax: boolean };
}

/** What may vary; every field narrows the generated frameworks. */
export interface Knobs {
  /** Rule kinds to draw from (default: all). */
  readonly kinds?: readonly (typeof RULE_KINDS)[number][];
  /** Leaf `when` conditions and branch not-applicable conditions (default true). */
  readonly conditions?: boolean;
  /** Per-node not-applicable policies (default true). */
  readonly nodePolicies?: boolean;
  /** Deduction, bonus and veto items: true (random), false (none). Default random. */
  readonly adjustments?: boolean;
  /** Vetoes among the adjustments (default true). */
  readonly veto?: boolean;
  /** Fixed options instead of random ones; a field set to `undefined` is left random. */
  readonly options?: Partial<OptionsSpec>;
  /** Largest number of level-1 indicators (default 4). */
  readonly maxRoots?: number;
}

/** `arb` with probability `present`, else undefined (shrinks towards undefined). */
const opt = <T>(arb: fc.Arbitrary<T>, present = 0.5): fc.Arbitrary<T | undefined> =>
  fc.oneof(
    { weight: Math.round((1 - present) * 100), arbitrary: fc.constant(undefined) },
    { weight: Math.round(present * 100), arbitrary: arb },
  );

const OPS: readonly ComparisonOp[] = ['<', '<=', '=', '!=', '>=', '>'];
const atomArb: fc.Arbitrary<CondSpec> = fc.oneof(
  fc.record({ c: fc.constant('is' as const), flag: fc.constantFrom(0 as const, 1 as const) }),
  fc.record({
    c: fc.constant('cmp' as const),
    form: fc.constantFrom('input' as const, 'abs' as const, 'sub' as const),
    op: fc.constantFrom(...OPS),
    k: fc.integer({ min: -300, max: 300 }),
  }),
);
const groupArb: fc.Arbitrary<CondSpec> = fc.record({
  c: fc.constantFrom('all' as const, 'any' as const),
  parts: fc.array(atomArb, { minLength: 1, maxLength: 3 }),
});
/** A random condition: `is`, comparisons (plain, |x|, x − c), all / any / not, up to three levels. */
export const condArb: fc.Arbitrary<CondSpec> = fc.oneof(
  { weight: 3, arbitrary: atomArb },
  { weight: 1, arbitrary: groupArb },
  { weight: 1, arbitrary: fc.record({ c: fc.constant('not' as const), part: fc.oneof(atomArb, groupArb) }) },
);

const vtypeArb = fc.constantFrom<ValueType>('percent', 'fraction', 'number');
const payArb: fc.Arbitrary<Pay> = fc.oneof(
  fc.record({ points: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ fraction: fc.integer({ min: 0, max: 100 }) }),
);

const simpleRuleArbs = {
  ratio: fc.record({
    kind: fc.constant('ratio' as const),
    form: fc.constantFrom('single' as const, 'div' as const),
    vtype: vtypeArb,
    zeroBelow: opt(fc.integer({ min: 0, max: 100 })),
    zeroAbove: opt(fc.integer({ min: 100, max: 200 })),
    reviewAbove: opt(fc.integer({ min: 90, max: 200 })),
  }),
  'lower-is-better': fc.record({
    kind: fc.constant('lower-is-better' as const),
    variant: fc.constantFrom('inverse' as const, 'linear-to-double' as const),
    vtype: vtypeArb,
  }),
  equal: fc.record({ kind: fc.constant('equal' as const), tolerance: opt(fc.integer({ min: 0, max: 500 })), vtype: vtypeArb }),
  bands: fc.record({
    kind: fc.constant('bands' as const),
    vtype: vtypeArb,
    absolute: fc.boolean(),
    start: fc.integer({ min: -100, max: 100 }),
    cuts: fc.array(fc.record({ step: fc.integer({ min: 1, max: 40 }), point: fc.boolean(), lowerGetsCut: fc.boolean() }), { maxLength: 4 }),
    pays: fc.array(payArb, { minLength: 1, maxLength: 9 }),
    explicit: fc.boolean(),
    reversed: fc.boolean(),
  }),
  'step-deduction': fc.record({
    kind: fc.constant('step-deduction' as const),
    vtype: vtypeArb,
    direction: fc.constantFrom('above' as const, 'below' as const),
    threshold: fc.integer({ min: -50, max: 150 }),
    step: fc.integer({ min: 1, max: 25 }),
    points: fc.integer({ min: 1, max: 300 }),
    steps: fc.constantFrom('completed' as const, 'started' as const, 'proportional' as const),
  }),
  piecewise: fc.record({
    kind: fc.constant('piecewise' as const),
    vtype: vtypeArb,
    start: fc.integer({ min: -100, max: 100 }),
    incs: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 3 }),
    fs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
  }),
  binary: fc.record({
    kind: fc.constant('binary' as const),
    when: condArb,
    points: opt(fc.integer({ min: 0, max: 100 })),
    otherwise: opt(fc.integer({ min: 0, max: 100 })),
  }),
  checklist: fc.record({ kind: fc.constant('checklist' as const), cuts: fc.array(fc.nat({ max: 1000 }), { maxLength: 3 }) }),
  tiers: fc.record({ kind: fc.constant('tiers' as const), legacy: fc.boolean() }),
  'count-ratio': fc.record({ kind: fc.constant('count-ratio' as const) }),
  'per-occurrence': fc.record({ kind: fc.constant('per-occurrence' as const), points: fc.integer({ min: 1, max: 300 }) }),
  manual: fc.record({ kind: fc.constant('manual' as const), step: opt(fc.constantFrom('0.5', '0.25', '1', '0.1', '2', '0.3')) }),
} satisfies { readonly [K in Exclude<RuleSpec['kind'], 'either'>]: fc.Arbitrary<RuleSpec> };

/** A random rule spec of one of the given kinds, with random parameters. */
export function ruleSpecArb(kinds: readonly (typeof RULE_KINDS)[number][] = RULE_KINDS): fc.Arbitrary<RuleSpec> {
  const simple = kinds.filter((k): k is Exclude<typeof k, 'either'> => k !== 'either');
  const simpleArbs = (simple.length > 0 ? simple : (['manual'] as const)).map((k) => simpleRuleArbs[k] as fc.Arbitrary<RuleSpec>);
  const arbs = [...simpleArbs];
  if (kinds.includes('either')) {
    const anyKind = Object.values(simpleRuleArbs) as fc.Arbitrary<RuleSpec>[];
    arbs.push(
      fc.record({ kind: fc.constant('either' as const), alternatives: fc.array(fc.oneof(...anyKind), { minLength: 1, maxLength: 3 }) }),
    );
  }
  return fc.oneof(...arbs);
}

/** A random not-applicable policy; a transfer's target is picked among the node ids when the framework is built. */
export const policyArb: fc.Arbitrary<PolicySpec> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ policy: fc.constantFrom('rescale' as const, 'redistribute' as const, 'full' as const, 'zero' as const) }) },
  { weight: 1, arbitrary: fc.record({ policy: fc.constant('transfer' as const), to: fc.nat({ max: 100 }) }) },
);

/** A random framework spec. */
export function frameworkSpecArb(knobs: Knobs = {}): fc.Arbitrary<FrameworkSpec> {
  const conditions = knobs.conditions ?? true;
  const nodePolicies = knobs.nodePolicies ?? true;
  const whenArb: fc.Arbitrary<WhenSpec | undefined> = conditions
    ? opt(fc.record({ na: opt(condArb, 0.4), zero: opt(condArb, 0.4), full: opt(condArb, 0.4) }), 0.25)
    : fc.constant(undefined);
  const nodePolicyArb: fc.Arbitrary<PolicySpec | undefined> = nodePolicies ? opt(policyArb, 0.2) : fc.constant(undefined);
  const leafArb: fc.Arbitrary<ShapeSpec> = fc.record({
    type: fc.constant('leaf' as const),
    // Equal sibling weights are common in real frameworks, and they make the ties of the largest-remainder split.
    units: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(10, 30)),
    unitPick: fc.oneof(fc.nat({ max: 6 }), fc.constant(0)),
    rule: ruleSpecArb(knobs.kinds),
    when: whenArb,
    policy: nodePolicyArb,
  });
  const tree = fc.letrec<{ node: ShapeSpec; branch: ShapeSpec }>((tie) => ({
    node: fc.oneof({ maxDepth: 2, depthIdentifier: 'tree' }, leafArb, tie('branch')),
    branch: fc.record({
      type: fc.constant('branch' as const),
      children: fc.array(tie('node'), { minLength: 1, maxLength: 4, depthIdentifier: 'tree' }),
      na: conditions ? opt(condArb, 0.15) : fc.constant(undefined),
      policy: nodePolicyArb,
    }),
  })).node;
  const o = knobs.options ?? {};
  const pick = <K extends keyof OptionsSpec>(key: K, arb: fc.Arbitrary<OptionsSpec[K]>): fc.Arbitrary<OptionsSpec[K]> =>
    key in o ? fc.constant(o[key] as OptionsSpec[K]) : arb;
  const options: fc.Arbitrary<OptionsSpec> = fc.record({
    precision: pick('precision', opt(fc.integer({ min: 0, max: 4 }), 0.7)),
    rounding: pick('rounding', opt(fc.constantFrom(...ROUNDING_MODES), 0.7)),
    roundAt: pick('roundAt', opt(fc.constantFrom('leaf' as const, 'total' as const), 0.5)),
    policy: pick('policy', opt(policyArb, 0.6)),
    bonusAboveTotal: pick('bonusAboveTotal', opt(fc.boolean(), 0.5)),
  });
  const veto = knobs.veto ?? true;
  const amountArb = (max: number): fc.Arbitrary<number | undefined> =>
    knobs.adjustments === true ? fc.integer({ min: 0, max }) : opt(fc.integer({ min: 0, max }), 0.5);
  const adjustments: fc.Arbitrary<AdjustmentsSpec> =
    knobs.adjustments === false
      ? fc.constant({ deduction: undefined, bonus: undefined, veto: undefined })
      : fc.record({
          deduction: amountArb(2000),
          bonus: amountArb(1000),
          veto: veto
            ? opt(fc.record({ when: condArb, effect: fc.constantFrom('lowest-grade' as const, 'zero-total' as const, 'both' as const) }), 0.25)
            : fc.constant(undefined),
        });
  return fc.record({
    roots: fc.array(tree, { minLength: 1, maxLength: knobs.maxRoots ?? 4 }),
    options,
    adjustments,
    grades: fc.record({
      cuts: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 4 }),
      reversed: fc.boolean(),
      topMax: fc.boolean(),
    }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Building a valid definition from a spec.

/** Weight grids that fit a precision: a weight never has more decimals than the precision. */
const UNITS: readonly (readonly string[])[] = [
  ['1', '2', '5'],
  ['1', '2', '0.5', '0.1'],
  ['1', '0.5', '0.1', '0.25', '0.05'],
  ['1', '0.5', '0.25', '0.125', '0.05'],
  ['1', '0.5', '0.25', '0.125', '0.0625'],
];

interface Inputs {
  [name: string]: InputDeclaration;
}

function condition(spec: CondSpec, prefix: string, inputs: Inputs): Condition {
  switch (spec.c) {
    case 'is': {
      const name = `${prefix}-f${spec.flag}`;
      inputs[name] = { type: 'boolean' };
      return { is: name };
    }
    case 'cmp': {
      const name = `${prefix}-x`;
      inputs[name] = { type: 'number' };
      const k = scaled(spec.k, 2);
      const left = spec.form === 'input' ? { input: name } : spec.form === 'abs' ? { abs: { input: name } } : { sub: [{ input: name }, '1.5'] as const };
      return { left, op: spec.op, right: k };
    }
    case 'all':
      return { all: spec.parts.map((p) => condition(p, prefix, inputs)) };
    case 'any':
      return { any: spec.parts.map((p) => condition(p, prefix, inputs)) };
    case 'not':
      return { not: condition(spec.part, prefix, inputs) };
  }
}

const declare = (inputs: Inputs, name: string, type: ValueType): { input: string } => {
  inputs[name] = { type };
  return { input: name };
};

/** The rule of a spec; `prefix` names its inputs, `explicit` names evaluator inputs too (inside `either`). */
function buildRule(spec: RuleSpec, prefix: string, weight: Dec, unit: Dec, inputs: Inputs, explicit: boolean): Rule {
  const ofWeight = (percent: number): string => str(weight.times(percent).div(100));
  switch (spec.kind) {
    case 'ratio': {
      const value =
        spec.form === 'single'
          ? declare(inputs, `${prefix}-v`, spec.vtype)
          : { div: [declare(inputs, `${prefix}-a`, 'number'), declare(inputs, `${prefix}-b`, 'number')] as const };
      return {
        kind: 'ratio',
        value,
        ...(spec.zeroBelow === undefined ? {} : { zeroBelow: scaled(spec.zeroBelow, 2) }),
        ...(spec.zeroAbove === undefined ? {} : { zeroAbove: scaled(spec.zeroAbove, 2) }),
        ...(spec.reviewAbove === undefined ? {} : { reviewAbove: scaled(spec.reviewAbove, 2) }),
      };
    }
    case 'lower-is-better':
      return {
        kind: 'lower-is-better',
        actual: declare(inputs, `${prefix}-a`, spec.vtype),
        target: declare(inputs, `${prefix}-t`, spec.vtype),
        variant: spec.variant,
      };
    case 'equal':
      return {
        kind: 'equal',
        actual: declare(inputs, `${prefix}-a`, spec.vtype),
        target: declare(inputs, `${prefix}-t`, spec.vtype),
        ...(spec.tolerance === undefined ? {} : { tolerance: scaled(spec.tolerance, spec.vtype === 'number' ? 2 : 4) }),
      };
    case 'bands': {
      const cuts: { at: string; point: boolean; lowerGetsCut: boolean }[] = [];
      let at = spec.start;
      for (const c of spec.cuts) {
        at += c.step;
        cuts.push({ at: scaled(at, 2), point: c.point, lowerGetsCut: c.lowerGetsCut });
      }
      const pay = (i: number): { points: string } | { fraction: string } => {
        const p = spec.pays[i % spec.pays.length] ?? { fraction: 1 };
        return 'points' in p ? { points: ofWeight(p.points) } : { fraction: scaled(p.fraction, 2) };
      };
      const bands: Band[] = [];
      let lower: { min: string; inclusive: boolean } | undefined;
      const push = (b: Band): void => {
        bands.push({ ...b, ...pay(bands.length) });
      };
      const bounds = (upper: { max: string; inclusive: boolean } | undefined): Band => ({
        ...(lower === undefined ? {} : { min: lower.min }),
        ...(lower !== undefined && (spec.explicit || !lower.inclusive) ? { minInclusive: lower.inclusive } : {}),
        ...(upper === undefined ? {} : { max: upper.max }),
        ...(upper !== undefined && (spec.explicit || upper.inclusive) ? { maxInclusive: upper.inclusive } : {}),
      });
      for (const c of cuts) {
        if (c.point) {
          push(bounds({ max: c.at, inclusive: false }));
          push({ min: c.at, max: c.at, maxInclusive: true, ...(spec.explicit ? { minInclusive: true } : {}) });
          lower = { min: c.at, inclusive: false };
        } else {
          push(bounds({ max: c.at, inclusive: c.lowerGetsCut }));
          lower = { min: c.at, inclusive: !c.lowerGetsCut };
        }
      }
      push(bounds(undefined));
      return {
        kind: 'bands',
        value: declare(inputs, `${prefix}-v`, spec.vtype),
        ...(spec.absolute ? { absolute: true } : {}),
        bands: spec.reversed ? bands.reverse() : bands,
      };
    }
    case 'step-deduction':
      return {
        kind: 'step-deduction',
        value: declare(inputs, `${prefix}-v`, spec.vtype),
        direction: spec.direction,
        threshold: scaled(spec.threshold, 2),
        step: scaled(spec.step, 2),
        points: scaled(spec.points, 2),
        steps: spec.steps,
      };
    case 'piecewise': {
      let x = spec.start;
      const xs = [x, ...spec.incs.map((i) => (x += i))];
      return {
        kind: 'piecewise',
        value: declare(inputs, `${prefix}-v`, spec.vtype),
        points: xs.map((xi, i) => [scaled(xi, 2), scaled(spec.fs[i] ?? 0, 2)] as const),
      };
    }
    case 'binary':
      return {
        kind: 'binary',
        when: condition(spec.when, prefix, inputs),
        ...(spec.points === undefined ? {} : { points: ofWeight(spec.points) }),
        ...(spec.otherwise === undefined ? {} : { otherwise: ofWeight(spec.otherwise) }),
      };
    case 'checklist': {
      const units = weight.div(unit).toNumber();
      const inner = [...new Set(spec.cuts.map((c) => (units > 1 ? (c % (units - 1)) + 1 : 0)).filter((c) => c > 0))].sort((a, b) => a - b);
      const edges = [0, ...inner, units];
      const checks = edges.slice(1).map((e, i) => ({ id: `c${i + 1}`, name: `检查${i + 1}`, points: str(unit.times(e - (edges[i] ?? 0))) }));
      return { kind: 'checklist', ...(explicit ? { input: `${prefix}-s` } : {}), checks };
    }
    case 'tiers':
      return { kind: 'tiers', ...(explicit ? { input: `${prefix}-s` } : {}), tiers: spec.legacy ? LEGACY_TIERS : NATIONAL_TIERS };
    case 'count-ratio':
      return { kind: 'count-ratio', met: declare(inputs, `${prefix}-m`, 'number'), total: declare(inputs, `${prefix}-n`, 'number') };
    case 'per-occurrence':
      return { kind: 'per-occurrence', count: declare(inputs, `${prefix}-c`, 'number'), points: scaled(spec.points, 2) };
    case 'manual':
      // A step above the weight is refused (only 0 could be given): such a step is left out.
      return { kind: 'manual', ...(explicit ? { input: `${prefix}-s` } : {}), ...(spec.step === undefined || dec(spec.step).gt(weight) ? {} : { step: spec.step }) };
    case 'either':
      return {
        kind: 'either',
        alternatives: spec.alternatives.map((a, i) => buildRule(a.kind === 'either' ? { kind: 'manual', step: undefined } : a, `${prefix}-${i + 1}`, weight, unit, inputs, true)),
      };
  }
}

function policy(p: PolicySpec | undefined, self: string | undefined, ids: readonly string[]): NotApplicablePolicy | undefined {
  if (p === undefined) return undefined;
  if (p.policy !== 'transfer') return { policy: p.policy };
  const targets = ids.filter((id) => id !== self);
  const to = targets[p.to % Math.max(targets.length, 1)];
  return to === undefined ? { policy: 'rescale' } : { policy: 'transfer', to };
}

/** Builds a valid definition: node ids n0, n1, … in tree order; branch weights are the sums of their children. */
export function buildFramework(spec: FrameworkSpec): FrameworkDefinition {
  const precision = spec.options.precision ?? 2;
  const grid = UNITS[precision] ?? ['1'];
  const inputs: Inputs = {};
  // Ids first, so that transfers can name any node.
  let count = 0;
  const countNodes = (s: ShapeSpec): void => {
    count++;
    if (s.type === 'branch') s.children.forEach(countNodes);
  };
  spec.roots.forEach(countNodes);
  const ids = Array.from({ length: count }, (_, i) => `n${i}`);
  let next = 0;
  const build = (s: ShapeSpec): { node: Indicator; weight: Dec } => {
    const id = `n${next++}`;
    const own = policy(s.policy, id, ids);
    if (s.type === 'leaf') {
      const unit = dec(grid[s.unitPick % grid.length] ?? '1');
      const weight = unit.times(s.units);
      const rule = buildRule(s.rule, id, weight, unit, inputs, false);
      const when: Modifiers = {
        ...(s.when?.na === undefined ? {} : { notApplicable: condition(s.when.na, `${id}-w`, inputs) }),
        ...(s.when?.zero === undefined ? {} : { zero: condition(s.when.zero, `${id}-w`, inputs) }),
        ...(s.when?.full === undefined ? {} : { full: condition(s.when.full, `${id}-w`, inputs) }),
      };
      return {
        node: {
          id,
          name: `指标${id}`,
          weight: str(weight),
          rule,
          ...(Object.keys(when).length > 0 ? { when } : {}),
          ...(own === undefined ? {} : { notApplicable: own }),
        },
        weight,
      };
    }
    const children = s.children.map(build);
    const weight = children.reduce((t, c) => t.plus(c.weight), dec(0));
    return {
      node: {
        id,
        name: `指标${id}`,
        weight: str(weight),
        children: children.map((c) => c.node),
        ...(s.na === undefined ? {} : { when: { notApplicable: condition(s.na, `${id}-w`, inputs) } }),
        ...(own === undefined ? {} : { notApplicable: own }),
      },
      weight,
    };
  };
  const roots = spec.roots.map(build);
  const total = roots.reduce((t, r) => t.plus(r.weight), dec(0));

  const adjustments: Adjustment[] = [];
  const a = spec.adjustments;
  if (a.deduction !== undefined) {
    inputs['adj-d'] = { type: 'number' };
    adjustments.push({ kind: 'deduction', id: 'adj-d', name: '扣分项', max: scaled(a.deduction, Math.min(2, precision)), amount: { input: 'adj-d' } });
  }
  if (a.bonus !== undefined) {
    inputs['adj-b'] = { type: 'number' };
    adjustments.push({ kind: 'bonus', id: 'adj-b', name: '加分项', max: scaled(a.bonus, Math.min(2, precision)), amount: { input: 'adj-b' } });
  }
  if (a.veto !== undefined) {
    adjustments.push({ kind: 'veto', id: 'adj-v', name: '一票否决', when: condition(a.veto.when, 'veto', inputs), effect: a.veto.effect });
  }

  const mins = [...new Set(spec.grades.cuts.map((c) => str(total.times(c).div(100).toDecimalPlaces(Math.min(2, precision), Decimal.ROUND_DOWN))))]
    .map(dec)
    .filter((m) => m.gt(0))
    .sort((x, y) => y.comparedTo(x));
  const grades: GradeBand[] = [...mins, dec(0)].map((m, i) => ({
    label: `G${mins.length - i}`,
    min: str(m),
    ...(i === 0 && spec.grades.topMax ? { max: str(total) } : {}),
  }));

  const o = spec.options;
  const options: FrameworkOptions = {
    ...(o.precision === undefined ? {} : { precision: o.precision }),
    ...(o.rounding === undefined ? {} : { rounding: o.rounding }),
    ...(o.roundAt === undefined ? {} : { roundAt: o.roundAt }),
    ...(o.bonusAboveTotal === undefined ? {} : { bonusAboveTotal: o.bonusAboveTotal }),
  };
  const global = policy(o.policy, undefined, ids);
  return {
    id: 'random',
    name: '随机指标体系',
    scope: 'other',
    total: str(total),
    inputs,
    indicators: roots.map((r) => r.node),
    ...(adjustments.length > 0 ? { adjustments } : {}),
    grades: spec.grades.reversed ? grades.reverse() : grades,
    ...(Object.keys(options).length > 0 || global !== undefined ? { options: { ...options, ...(global === undefined ? {} : { notApplicable: global }) } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a definition back.

export interface LeafInfo {
  readonly id: string;
  readonly weight: Dec;
  readonly rule: Rule;
  readonly when: Modifiers | undefined;
}

/** Leaves of a definition, in tree order. */
export function leavesOf(def: FrameworkDefinition): LeafInfo[] {
  const out: LeafInfo[] = [];
  const visit = (n: Indicator): void => {
    if ('children' in n) n.children.forEach(visit);
    else out.push({ id: n.id, weight: dec(n.weight), rule: n.rule, when: n.when });
  };
  def.indicators.forEach(visit);
  return out;
}

/** Every node id of a definition, in tree order. */
export function nodeIdsOf(def: FrameworkDefinition): string[] {
  const out: string[] = [];
  const visit = (n: Indicator): void => {
    out.push(n.id);
    if ('children' in n) n.children.forEach(visit);
  };
  def.indicators.forEach(visit);
  return out;
}

export const precisionOf = (def: FrameworkDefinition): number => def.options?.precision ?? 2;
export const roundingOf = (def: FrameworkDefinition): RoundingMode => def.options?.rounding ?? 'half-up';
export const roundAtOf = (def: FrameworkDefinition): 'leaf' | 'total' => def.options?.roundAt ?? 'leaf';

/**
 * Where an input is read: by a leaf's rule (`either` or not), by a node's not-applicable condition, by a leaf's
 * zero/full condition, or by an adjustment.
 */
export interface InputOwner {
  readonly owner: string;
  readonly role: 'rule' | 'either' | 'na-condition' | 'condition' | 'both-conditions' | 'adjustment';
}
/** Who reads each input (inputs are never shared: each leaf, branch and adjustment has its own). */
export function inputOwners(def: FrameworkDefinition): Map<string, InputOwner> {
  const out = new Map<string, InputOwner>();
  const ruleInputs = (rule: Rule, leaf: string, role: 'rule' | 'either'): void => {
    const text = JSON.stringify(rule);
    for (const name of Object.keys(def.inputs ?? {})) if (text.includes(`"${name}"`)) out.set(name, { owner: leaf, role });
    if (rule.kind === 'manual' || rule.kind === 'tiers' || rule.kind === 'checklist') out.set(rule.input ?? leaf, { owner: leaf, role });
    if (rule.kind === 'either') rule.alternatives.forEach((r) => ruleInputs(r, leaf, 'either'));
  };
  const visit = (n: Indicator): void => {
    const when = n.when as Modifiers | undefined;
    const na = JSON.stringify(when?.notApplicable ?? null);
    const other = JSON.stringify([when?.zero ?? null, when?.full ?? null]);
    for (const name of Object.keys(def.inputs ?? {})) {
      if (!name.startsWith(`${n.id}-w-`)) continue;
      const [inNA, inOther] = [na.includes(`"${name}"`), other.includes(`"${name}"`)];
      out.set(name, { owner: n.id, role: inNA && inOther ? 'both-conditions' : inNA ? 'na-condition' : 'condition' });
    }
    if ('children' in n) n.children.forEach(visit);
    else ruleInputs(n.rule, n.id, n.rule.kind === 'either' ? 'either' : 'rule');
  };
  def.indicators.forEach(visit);
  for (const name of Object.keys(def.inputs ?? {})) if (name.startsWith('adj-') || name.startsWith('veto-')) out.set(name, { owner: 'adjustments', role: 'adjustment' });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs.

type Values = Record<string, InputValue>;
const DELTAS = ['-0.01', '-0.0001', '0.0001', '0.01'];

/** A decimal (as text) near one of `points`, on it, or anywhere in [lo, hi] on a 10^-4 grid. */
function near(points: readonly string[], lo: number, hi: number): fc.Arbitrary<string> {
  const anywhere = fc.integer({ min: lo * 10000, max: hi * 10000 }).map((n) => scaled(n, 4));
  if (points.length === 0) return anywhere;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...points) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...points), fc.constantFrom(...DELTAS)).map(([p, d]) => str(dec(p).plus(d))) },
    { weight: 2, arbitrary: anywhere },
  );
}

/** Writes a value given in internal units (fractions for rates) the way its declared type reads it. */
function encode(x: string, type: ValueType | 'score'): fc.Arbitrary<InputValue> {
  const asNumber = (s: string): InputValue => {
    const n = Number(s);
    return dec(n).eq(dec(s)) ? n : s;
  };
  const percent = str(dec(x).times(100));
  switch (type) {
    case 'number':
    case 'score':
      return fc.constantFrom(x, asNumber(x));
    case 'fraction':
      return fc.constantFrom(x, asNumber(x), `${percent}%`);
    case 'percent':
      return fc.constantFrom(percent, asNumber(percent), `${percent}%`);
  }
}
const typeOf = (def: FrameworkDefinition, name: string): ValueType => {
  const t = def.inputs?.[name]?.type;
  return t === 'percent' || t === 'fraction' ? t : 'number';
};
const value = (def: FrameworkDefinition, name: string, x: fc.Arbitrary<string>): fc.Arbitrary<Values> =>
  x.chain((v) => encode(v, typeOf(def, name))).map((v) => ({ [name]: v }));
const merge = (parts: readonly fc.Arbitrary<Values>[]): fc.Arbitrary<Values> =>
  parts.length === 0 ? fc.constant({}) : fc.tuple(...parts).map((xs) => Object.assign({}, ...xs) as Values);
const inputOf = (e: unknown): string => (e as { input: string }).input;

/** Inputs of one rule, generated together so that ratios, tolerances and steps land on their boundaries. */
function ruleValues(def: FrameworkDefinition, rule: Rule, leafId: string, weight: Dec, precision: number, skips: boolean): fc.Arbitrary<Values> {
  const fine = precision + 2;
  switch (rule.kind) {
    case 'ratio': {
      const cuts = ['0', '1', rule.zeroBelow, rule.zeroAbove, rule.reviewAbove].filter((c): c is string => typeof c === 'string');
      const ratio = near(cuts, -1, 3);
      if (typeof rule.value === 'object' && 'input' in rule.value) return value(def, inputOf(rule.value), ratio);
      const [a, b] = (rule.value as { div: readonly [unknown, unknown] }).div.map(inputOf) as [string, string];
      return fc.tuple(ratio, fc.integer({ min: 1, max: 20000 })).chain(([r, cents]) => {
        const divisor = scaled(cents, 2);
        return merge([value(def, a, fc.constant(str(dec(r).times(divisor)))), value(def, b, fc.constant(divisor))]);
      });
    }
    case 'lower-is-better':
    case 'equal': {
      const a = inputOf(rule.actual);
      const g = inputOf(rule.target);
      const tolerance = rule.kind === 'equal' ? (rule.tolerance as string | undefined) ?? '0' : '0';
      return fc
        .tuple(near(['0', '-0.05', '1'], -2, 5), fc.constantFrom('same', 'tolerance', 'double', 'free'), near(['0'], -2, 5), fc.constantFrom(1, -1))
        .chain(([target, how, free, sign]) => {
          const t = dec(target);
          const actual =
            how === 'same'
              ? t
              : how === 'tolerance'
                ? t.plus(dec(tolerance).times(sign))
                : how === 'double'
                  ? t.times(2)
                  : dec(free);
          return merge([value(def, a, fc.constant(str(actual))), value(def, g, fc.constant(target))]);
        });
    }
    case 'bands': {
      const cuts = rule.bands.flatMap((b) => [b.min, b.max]).filter((c): c is string => typeof c === 'string');
      const all = rule.absolute === true ? [...cuts, ...cuts.map((c) => str(dec(c).neg()))] : cuts;
      return value(def, inputOf(rule.value), near(all, -3, 3));
    }
    case 'step-deduction': {
      const t = dec(rule.threshold);
      const s = dec(rule.step);
      const sign = rule.direction === 'above' ? 1 : -1;
      const multiples = [0, 1, 2, 3, 5, 8].map((k) => str(t.plus(s.times(k * sign))));
      return value(def, inputOf(rule.value), near(multiples, -2, 3));
    }
    case 'piecewise':
      return value(def, inputOf(rule.value), near(rule.points.map(([x]) => String(x)), -2, 3));
    case 'binary':
      return conditionValues(def, [rule.when]);
    case 'checklist': {
      const input = rule.input ?? leafId;
      return fc.tuple(...rule.checks.map(() => fc.boolean())).map((bs) => ({
        [input]: Object.fromEntries(rule.checks.map((c, i) => [c.id, bs[i] ?? false])),
      }));
    }
    case 'tiers': {
      const input = rule.input ?? leafId;
      return fc
        .tuple(fc.constantFrom(...rule.tiers), fc.oneof(fc.constantFrom(0, 10000), fc.integer({ min: -500, max: 10500 })), fc.boolean())
        .map(([tier, p, asText]) => {
          const lo = weight.times(tier.min);
          const hi = weight.times(tier.max);
          const score = lo.plus(hi.minus(lo).times(p).div(10000)).toDecimalPlaces(fine, Decimal.ROUND_DOWN);
          return { [input]: { tier: tier.id, score: asText ? str(score) : score.toNumber() } };
        });
    }
    case 'count-ratio':
      return fc
        .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 40 }))
        .chain(([n, m]) => merge([value(def, inputOf(rule.met), fc.constant(String(m))), value(def, inputOf(rule.total), fc.constant(String(n)))]));
    case 'per-occurrence': {
      const cap = weight.div(rule.points).ceil().toNumber();
      return value(def, inputOf(rule.count), fc.oneof(fc.constantFrom(String(cap), String(Math.max(cap - 1, 0))), fc.integer({ min: 0, max: 20 }).map(String)));
    }
    case 'manual': {
      const input = rule.input ?? leafId;
      if (rule.step !== undefined) {
        const step = dec(rule.step);
        const most = weight.div(step).floor().toNumber();
        return fc.integer({ min: 0, max: most }).chain((k) => encode(str(step.times(k)), 'score')).map((v) => ({ [input]: v }));
      }
      const most = weight.times(dec(10).pow(fine)).toNumber();
      return fc
        .oneof(fc.constantFrom(0, most), fc.integer({ min: 0, max: most }))
        .chain((k) => encode(scaled(k, fine), 'score'))
        .map((v) => ({ [input]: v }));
    }
    case 'either':
      // `skip` leaves out the inputs of the first alternatives, so that a later one is used.
      return fc
        .tuple(fc.nat({ max: skips ? rule.alternatives.length - 1 : 0 }), ...rule.alternatives.map((r) => ruleValues(def, r, leafId, weight, precision, skips)))
        .map(([skip, ...parts]) => Object.assign({}, ...parts.slice(skip)) as Values);
  }
}

/** Inputs of conditions, generated together: booleans, and numbers on, next to or away from what they are compared with. */
function conditionValues(def: FrameworkDefinition, conditions: readonly Condition[]): fc.Arbitrary<Values> {
  const flags = new Set<string>();
  const numbers = new Map<string, string[]>();
  const visit = (c: Condition): void => {
    if ('is' in c) flags.add(c.is);
    else if ('left' in c) {
      const name = JSON.stringify(c.left).match(/"input":"([^"]+)"/)?.[1];
      if (name === undefined) return;
      const k = dec(c.right as string);
      numbers.set(name, [...(numbers.get(name) ?? []), str(k), str(k.plus('1.5')), str(k.neg())]);
    } else if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else visit(c.not);
  };
  conditions.forEach(visit);
  return merge([
    ...[...flags].map((name) => fc.boolean().chain((b) => fc.constantFrom(...(b ? YES : NO))).map((v) => ({ [name]: v }))),
    ...[...numbers].map(([name, ks]) => value(def, name, near(ks, -5, 5))),
  ]);
}

const YES: readonly InputValue[] = [true, '是', '有', 'yes', 'Y', '1', 1, 'TRUE', '是 '];
const NO: readonly InputValue[] = [false, '否', '无', 'no', 'N', '0', 0, 'False'];

export interface ValueKnobs {
  /** Inputs may be absent or null. */
  readonly missing?: boolean;
  /** Leave out the inputs of earlier `either` alternatives sometimes (default true). */
  readonly eitherSkips?: boolean;
}

/** Random, valid inputs for every input of a definition (complete unless `missing`). */
export function valuesArb(def: FrameworkDefinition, knobs: ValueKnobs = {}): fc.Arbitrary<Values> {
  const precision = precisionOf(def);
  const skips = knobs.eitherSkips ?? true;
  const parts: fc.Arbitrary<Values>[] = [];
  const visit = (n: Indicator): void => {
    const when = n.when as Modifiers | undefined;
    const conditions = [when?.notApplicable, when?.zero, when?.full].filter((c): c is Condition => c !== undefined);
    if (conditions.length > 0) parts.push(conditionValues(def, conditions));
    if ('children' in n) n.children.forEach(visit);
    else parts.push(ruleValues(def, n.rule, n.id, dec(n.weight), precision, skips));
  };
  def.indicators.forEach(visit);
  for (const a of def.adjustments ?? []) {
    if (a.kind === 'veto') parts.push(conditionValues(def, [a.when]));
    else parts.push(fc.integer({ min: 0, max: 25 * 10 ** (precision + 2) }).map((n) => ({ [inputOf(a.amount)]: scaled(n, precision + 2) })));
  }
  const all = merge(parts);
  if (knobs.missing !== true) return all;
  return all.chain((values) => {
    const names = Object.keys(values);
    return fc.array(fc.constantFrom<'keep' | 'absent' | 'null'>('keep', 'keep', 'absent', 'null'), { minLength: names.length, maxLength: names.length }).map((how) => {
      const out: Values = {};
      names.forEach((n, i) => {
        if (how[i] === 'null') out[n] = null;
        else if (how[i] === 'keep') out[n] = values[n] ?? null;
      });
      return out;
    });
  });
}

export interface Case {
  readonly spec: FrameworkSpec;
  readonly def: FrameworkDefinition;
  readonly values: Values;
}

/** A random valid framework with random inputs. */
export const caseArb = (knobs: Knobs = {}, valueKnobs: ValueKnobs = {}): fc.Arbitrary<Case> =>
  frameworkSpecArb(knobs).chain((spec) => {
    const def = buildFramework(spec);
    return valuesArb(def, valueKnobs).map((values) => ({ spec, def, values }));
  });

/** A random valid framework, random inputs and a random set of indicators declared not applicable. */
export const naCaseArb = (knobs: Knobs = {}, valueKnobs: ValueKnobs = {}): fc.Arbitrary<Case & { readonly na: string[] }> =>
  caseArb(knobs, valueKnobs).chain((c) => fc.subarray(nodeIdsOf(c.def)).map((na) => ({ ...c, na })));
