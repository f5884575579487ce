import type { Issues } from './issue.js';

/**
 * jixiao 的唯一错误类型，携带全部问题。The one error class of jixiao; it carries every issue found.
 *
 * @example
 * try { defineFramework(definition) } catch (e) { if (e instanceof JixiaoError) console.log(e.issues) }
 */
export class JixiaoError extends Error {
  /** 问题列表（至少一个）。The issues, at least one. */
  readonly issues: Issues;

  /** @param issues the issues found */
  constructor(issues: Issues) {
    const more = issues.length > 1 ? `（另有 ${issues.length - 1} 个问题 / and ${issues.length - 1} more）` : '';
    super(`${issues[0].message} / ${issues[0].messageEn}${more}`);
    this.name = 'JixiaoError';
    this.issues = issues;
  }
}
