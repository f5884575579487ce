import type { IssueCode } from './codes.js';

/** 路径：从输入根到出错字段的键与下标。Path from the input root to the offending field. */
export type IssuePath = readonly (string | number)[];

/**
 * 问题（错误或提示）。An issue: a stable `code`, a `path` into the input, and messages in Chinese and
 * English. Extra fields depend on the code (`expected`, `actual`, …).
 */
export interface Issue {
  readonly code: IssueCode;
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
