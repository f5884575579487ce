import type { Calculator } from '../calc/calculator.js';
import type { ComparisonOp } from './types.js';

/**
 * 运算符表。Every arithmetic operator in one list: its key in a definition, how many operands it takes, and
 * what it computes (`apply`: on one operand for `abs`, on two for the others; an operator of many operands folds it
 * over them from the left). Schema, parsing, compiling and explaining all read this table; adding an operator means
 * adding one entry here (and its symbol in src/explain/).
 */
export const EXPR_OPERATORS = {
  add: { arity: 'many', apply: <N>(c: Calculator<N>, a: N, b: N): N => c.add(a, b) },
  mul: { arity: 'many', apply: <N>(c: Calculator<N>, a: N, b: N): N => c.mul(a, b) },
  sub: { arity: 2, apply: <N>(c: Calculator<N>, a: N, b: N): N => c.sub(a, b) },
  div: { arity: 2, apply: <N>(c: Calculator<N>, a: N, b: N): N | 'division-by-zero' => (c.isZero(b) ? 'division-by-zero' : c.div(a, b)) },
  abs: { arity: 1, apply: <N>(c: Calculator<N>, a: N): N => c.abs(a) },
} as const;

/** An arithmetic operator's key. */
export type ExprOperator = keyof typeof EXPR_OPERATORS;

/** The operator keys, in table order. */
export const EXPR_OPERATOR_KEYS = Object.keys(EXPR_OPERATORS) as ExprOperator[];

/** Every comparison operator with its test on a comparison result (−1, 0, 1). */
export const COMPARISONS: { readonly [O in ComparisonOp]: (c: number) => boolean } = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '=': (c) => c === 0,
  '!=': (c) => c !== 0,
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
};
