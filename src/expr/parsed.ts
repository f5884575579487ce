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

/** The input names an expression reads, in order of appearance. */
export function exprInputs(e: ParsedExpr, out: string[] = []): string[] {
  if (e.op === 'input') {
    if (!out.includes(e.name)) out.push(e.name);
  } else if (e.op !== 'const') for (const a of e.args) exprInputs(a, out);
  return out;
}

/** The input names a condition reads, in order of appearance. */
export function conditionInputs(c: ParsedCondition, out: string[] = []): string[] {
  switch (c.op) {
    case 'is':
      if (!out.includes(c.name)) out.push(c.name);
      return out;
    case 'compare':
      exprInputs(c.left, out);
      return exprInputs(c.right, out);
    case 'not':
      return conditionInputs(c.arg, out);
    default:
      for (const a of c.args) conditionInputs(a, out);
      return out;
  }
}
