/**
 * 上限。Documented limits on what jixiao reads, so that no input can exhaust the stack or memory. Each limit
 * breached gives a coded issue (`too-deep`, `too-large`, `number-out-of-range`), never an exception.
 */
export const LIMITS = Object.freeze({
  /** 指标树最大层级。Deepest indicator tree (level-1 is depth 1). Real frameworks use 3 to 5. */
  treeDepth: 32,
  /** 表达式/条件最大嵌套层数。Deepest expression or condition. */
  exprDepth: 32,
  /** 输入数据最大嵌套层数（对象与数组）。Deepest nesting of objects and arrays in any input document. */
  nesting: 256,
  /** 输入数据最多的值个数（含别名展开）。Most values (objects, arrays, scalars) in one input document. */
  values: 2_000_000,
});
