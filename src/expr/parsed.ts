import type { Dec } from '../calc/decimal.js';
import type { ExprOperator } from './operators.js';
import type { ComparisonOp } from './types.js';

/** An expression after validation: literals parsed once, operators normalised. */
export type ParsedExpr =
  | { readonly op: 'const'; readonly value: Dec }
  | { readonly op: 'input'; readonly name: string }
  | { readonly op: ExprOperator; readonly args: readonly ParsedExpr[] };

/** A condition after validation. */
export type ParsedCondition =
  | { readonly op: 'is'; readonly name: string }
  | { readonly op: 'compare'; readonly test: ComparisonOp; readonly left: ParsedExpr; readonly right: ParsedExpr }
  | { readonly op: 'all' | 'any'; readonly args: readonly ParsedCondition[] }
  | { readonly op: 'not'; readonly arg: ParsedCondition };
