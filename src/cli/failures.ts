import type { Issue } from '../index.js';

/**
 * 退出码。Exit codes of the `jixiao` command (documented in docs/cli.md and in the usage text).
 * 0 成功; 1 输入有误（已列出问题）; 2 用法错误或文件无法读取; 3 意外错误（程序缺陷）.
 */
export const EXIT = { ok: 0, issues: 1, usage: 2, unexpected: 3 } as const;

/** 用法错误（参数不对）：输出原因和用法。A usage error: bad arguments; the reason and the usage are printed. */
export class UsageError extends Error {
  /** @param message one-line bilingual reason, Chinese first */
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * 文件无法读取或解析：只输出一行原因（退出码 2）。A file cannot be read or parsed: one line is printed,
 * without the usage text (exit code 2).
 */
export class FileError extends Error {
  /** @param message one-line bilingual reason, Chinese first, naming the file */
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** 一个文件中发现的问题。The issues found in one file, headlined with that file. */
export interface FileIssues {
  readonly file: string;
  readonly issues: readonly Issue[];
}

/** 发现问题（退出码 1）。Issues were found, grouped by the file they concern (exit code 1). */
export class IssuesFound extends Error {
  readonly groups: readonly FileIssues[];

  /** @param groups the issues, by file; groups without issues are dropped */
  constructor(groups: readonly FileIssues[]) {
    const kept = groups.filter((g) => g.issues.length > 0);
    super(`发现问题 / Issues found in ${kept.map((g) => g.file).join(', ')}`);
    this.name = 'IssuesFound';
    this.groups = kept;
  }
}
