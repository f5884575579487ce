import type { Issues } from './issue.js';

/** A brand shared by every copy of the library (ESM, CommonJS, two versions), so checks work across copies. */
const BRAND = Symbol.for('jixiao.error');

/**
 * jixiao 的唯一错误类型，携带全部问题。The one error class of jixiao; it carries every issue found. Use
 * `isJixiaoError` rather than `instanceof` when the error may come from another copy of the library.
 *
 * @example
 * try { defineFramework(definition) } catch (e) { if (isJixiaoError(e)) console.log(e.issues) }
 */
export class JixiaoError extends Error {
  /** 问题列表（至少一个）。The issues, at least one. */
  // `declare`: assigned in the constructor, not a class field (which ES2020 output lowers to a helper every bundle carries).
  declare readonly issues: Issues;

  /** @param issues the issues found */
  constructor(issues: Issues) {
    const more = issues.length > 1 ? `（另有 ${issues.length - 1} 个问题 / and ${issues.length - 1} more）` : '';
    super(`${issues[0].message} / ${issues[0].messageEn}${more}`);
    // `issues` first, then `name`: the own keys in the order they had as a class field (JSON, Object.keys).
    this.issues = issues;
    this.name = 'JixiaoError';
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * 判断是否为 jixiao 的错误（跨副本有效）。Is `e` a JixiaoError from any copy of the library (the ESM or CommonJS
 * build, another installed version)? Unlike `instanceof`, this works across copies.
 *
 * @param e any caught value
 * @returns true when `e` carries jixiao's brand and a list of issues
 * @example
 * try { evaluate(framework, inputs) } catch (e) { if (isJixiaoError(e)) report(e.issues); else throw e }
 */
export function isJixiaoError(e: unknown): e is JixiaoError {
  return typeof e === 'object' && e !== null && (e as { [BRAND]?: unknown })[BRAND] === true && Array.isArray((e as { issues?: unknown }).issues);
}
