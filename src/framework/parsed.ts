import type { Dec } from '../calc/decimal.js';
import type { RoundingMode } from '../calc/rounding.js';
import type { IssuePath } from '../errors/issue.js';
import type { ParsedCondition, ParsedExpr } from '../expr/parsed.js';
import type { ParsedRule } from '../rules/RuleModule.js';
import type { RuleKind } from '../rules/registry.js';
import type { Condition, FrameworkDefinition, InputDeclaration, LeafIndicator, Modifiers, NotApplicablePolicy, RoundAt } from './types.js';

/** An indicator after validation: weights read, rule and conditions parsed, its place in the tree known. */
export interface ParsedNode {
  readonly id: string;
  readonly name: string;
  readonly weight: Dec;
  /** 1 for level-1 indicators. */
  readonly level: number;
  readonly path: IssuePath;
  /** Names from level 1 down to this node. */
  readonly names: readonly string[];
  readonly children: readonly ParsedNode[];
  /** The leaf's rule definition (for explanations) and its parsed form. */
  readonly rule: { readonly definition: LeafIndicator['rule']; readonly kind: RuleKind; readonly parsed: ParsedRule } | undefined;
  readonly notApplicableIf: ParsedCondition | undefined;
  readonly zeroIf: ParsedCondition | undefined;
  readonly fullIf: ParsedCondition | undefined;
  /** The modifiers as defined (for explanations). */
  readonly when: Modifiers | undefined;
  /** Every input the node reads: through its rule's expressions and conditions, by name, and in its modifiers. */
  readonly reads: readonly string[];
  /** The policy in force here (own, else inherited, else the framework's). */
  readonly policy: NotApplicablePolicy;
}

/** An adjustment after validation. */
export type ParsedAdjustment =
  | { readonly kind: 'deduction' | 'bonus'; readonly id: string; readonly name: string; readonly path: IssuePath; readonly max: Dec; readonly amount: ParsedExpr; readonly reads: readonly string[] }
  | {
      readonly kind: 'veto';
      readonly id: string;
      readonly name: string;
      readonly path: IssuePath;
      readonly reads: readonly string[];
      readonly when: ParsedCondition;
      /** The condition as defined (for explanations). */
      readonly condition: Condition;
      readonly effect: 'lowest-grade' | 'zero-total' | 'both';
    };

/** The parsed form of a valid framework: what compiling consumes. Nothing in it is parsed again. */
export interface ParsedFramework {
  /** The definition, a frozen plain copy. */
  readonly definition: FrameworkDefinition;
  /** Its content hash (see `contentHash`). */
  readonly hash: string;
  readonly total: Dec;
  readonly precision: number;
  readonly rounding: RoundingMode;
  readonly roundAt: RoundAt;
  readonly bonusAboveTotal: boolean;
  readonly roots: readonly ParsedNode[];
  readonly byId: ReadonlyMap<string, ParsedNode>;
  /** Every input the framework reads (declared, or named by an evaluator rule), with its declaration. */
  readonly inputs: ReadonlyMap<string, InputDeclaration>;
  readonly adjustments: readonly ParsedAdjustment[];
  /** Grades, highest lower bound first. */
  readonly grades: readonly { readonly label: string; readonly min: Dec }[];
  /** The most decimals any weight, adjustment cap or grade bound has: a precision below it could not show them. */
  readonly minPrecision: number;
}
