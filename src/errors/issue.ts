import type { IssueCode } from './codes.js';

/** 路径：从输入根到出错字段的键与下标。Path from the input root to the offending field. */
export type IssuePath = readonly (string | number)[];

/**
 * 问题（错误或提示）。An issue: a stable `code`, a `path` into the input, and messages in Chinese and
 * English. Extra fields depend on the code (`expected`, `actual`, …).
 */
export interface Issue {
  /** 稳定的问题代码（见 ISSUE_CODES、docs/errors.md）。Stable code to branch on; `ISSUE_CODES` lists them, docs/errors.md explains each. */
  readonly code: IssueCode;
  /**
   * 从调用方所传值的根到出错处的键与下标（根本身为 []）。Keys and indices from the root of what the caller passed
   * (definition, inputs, options) to the problem, such as `indicators.0.weight` or `values.execution-rate`; `[]` for the root.
   */
  readonly path: IssuePath;
  /** 中文说明。Chinese message. */
  readonly message: string;
  /** English message. */
  readonly messageEn: string;
  /** 附加数据。Data of the issue (values involved), as strings. */
  readonly data?: { readonly [key: string]: string };
}

/** 非空问题列表。A non-empty list of issues. */
export type Issues = readonly [Issue, ...Issue[]];
