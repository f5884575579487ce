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
  | {
      /**
       * 输入名称（须声明为 number、percent、fraction 或 score）。Name of a numeric input (`number`, `percent`,
       * `fraction` or `score`): its value as read, percentages as fractions.
       */
      readonly input: string
    }
  | {
      /** 求和（一个或多个加数）。Sum of one or more operands. */
      readonly add: readonly Expr[]
    }
  | {
      /** 减法 [a, b]：a − b。Difference `[a, b]`: a − b. */
      readonly sub: readonly [Expr, Expr]
    }
  | {
      /** 乘积（一个或多个因数）。Product of one or more operands. */
      readonly mul: readonly Expr[]
    }
  | {
      /** 除法 [a, b]：a ÷ b，b 为 0 时计算出错。Quotient `[a, b]`: a ÷ b; b = 0 is a `division-by-zero` fault. */
      readonly div: readonly [Expr, Expr]
    }
  | {
      /** 绝对值。Absolute value. */
      readonly abs: Expr
    };

/** 比较运算符。Comparison operators. */
export type ComparisonOp = '<' | '<=' | '=' | '!=' | '>=' | '>';

/**
 * 条件。A condition as data: a boolean input is true, a comparison holds, or a combination. An input that is
 * absent makes the condition undecided, which the engine reports as missing input.
 */
export type Condition =
  | {
      /** 布尔输入的名称：其值为“是”时成立。Name of a `boolean` input: holds when it is yes. */
      readonly is: string
    }
  | {
      /** 左侧表达式。Left-hand expression. */
      readonly left: Expr;
      /** 比较运算符。Comparison operator. */
      readonly op: ComparisonOp;
      /** 右侧表达式。Right-hand expression. */
      readonly right: Expr
    }
  | {
      /** 全部成立（至少一个；有一个不成立即不成立，不论其余能否判断）。All hold: at least one; one false decides. */
      readonly all: readonly Condition[]
    }
  | {
      /** 任一成立（至少一个；有一个成立即成立，不论其余能否判断）。Any holds: at least one; one true decides. */
      readonly any: readonly Condition[]
    }
  | {
      /** 取反。Negation. */
      readonly not: Condition
    };
