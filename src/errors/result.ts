import type { Issues } from './issue.js';

/** 校验结果。Result of a safe call: the value, or a non-empty list of issues. */
export type Result<T> = {
  /** 成功。Success. */
  readonly ok: true;
  /** 结果值。The value. */
  readonly value: T
} | {
  /** 失败。Failure. */
  readonly ok: false;
  /** 问题列表（至少一个）。The issues, at least one. */
  readonly issues: Issues
};
