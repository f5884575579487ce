/**
 * 表达式与条件（数据，不是代码）。Expressions and conditions as data, shared by rules, modifiers and adjustments.
 */

/** 数值：数字或十进制字符串（"0.6"、"30%"）。A number or a decimal string. */
export type Num = number | string;

/**
 * 算术表达式。An arithmetic expression as data: a constant, a named input, or an operation. `add` and `mul`
 * take one or more operands; `sub` and `div` exactly two. Division by zero is a fault of the indicator.
 */
export type Expr =
  | Num
  | { readonly input: string }
  | { readonly add: readonly Expr[] }
  | { readonly sub: readonly [Expr, Expr] }
  | { readonly mul: readonly Expr[] }
  | { readonly div: readonly [Expr, Expr] }
  | { readonly abs: Expr };

/** 比较运算符。Comparison operators. */
export type ComparisonOp = '<' | '<=' | '=' | '!=' | '>=' | '>';

/**
 * 条件。A condition as data: a boolean input is true, a comparison holds, or a combination. An input that is
 * absent makes the condition undecided, which the engine reports as missing input.
 */
export type Condition =
  | { readonly is: string }
  | { readonly left: Expr; readonly op: ComparisonOp; readonly right: Expr }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };
