import type { Calculator } from '../calc/calculator.js';
import type { ComparisonOp } from './types.js';

/**
 * 运算符表。Every arithmetic operator in one list: its key in a definition, how many operands it takes, and
 * what it computes (`pair`, on two operands: an operator of many operands folds it over them from the left, and
 * one of one operand is given it twice). Schema, parsing, compiling and explaining all read this table; adding
 * an operator means adding one entry here (and its symbol in src/explain/).
 */
export const EXPR_OPERATORS = {
  add: { arity: 'many', pair: <N>(c: Calculator<N>, a: N, b: N): N | 'division-by-zero' => c.add(a, b) },
  mul: { arity: 'many', pair: <N>(c: Calculator<N>, a: N, b: N): N | 'division-by-zero' => c.mul(a, b) },
  sub: { arity: 2, pair: <N>(c: Calculator<N>, a: N, b: N): N | 'division-by-zero' => c.sub(a, b) },
  div: { arity: 2, pair: <N>(c: Calculator<N>, a: N, b: N): N | 'division-by-zero' => (c.isZero(b) ? 'division-by-zero' : c.div(a, b)) },
  abs: { arity: 1, pair: <N>(c: Calculator<N>, a: N, _same: N): N | 'division-by-zero' => c.abs(a) },
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
