import type { Issue, IssuePath, ScoreSheet } from '../index.js';
import type { FileIssues } from './failures.js';

/*
 * Issues the CLI finds itself (in the envelope of an evaluation file, or values plain data cannot hold).
 * They have the public `Issue` shape and the same messages as the library's issues of the same code.
 */

/** `invalid-type`：类型错误。 @returns the issue @param path where @param expected English @param expectedZh Chinese */
export function invalidType(path: IssuePath, expected: string, expectedZh: string): Issue {
  return { code: 'invalid-type', path, message: `类型错误：应为${expectedZh}`, messageEn: `Invalid type: expected ${expected}`, data: { expected, expectedZh } };
}

/** `invalid-number`：无法识别的数值。 @returns the issue @param path where @param value the value as written */
export function invalidNumber(path: IssuePath, value: string): Issue {
  return { code: 'invalid-number', path, message: `无法识别的数值“${value}”`, messageEn: `Not a valid number: "${value}"`, data: { value } };
}

/** `unknown-key`：未知字段。 @returns the issue @param path where, ending with the key */
export function unknownKey(path: IssuePath): Issue {
  const key = String(path[path.length - 1] ?? '');
  return { code: 'unknown-key', path, message: `未知字段“${key}”`, messageEn: `Unknown field "${key}"`, data: { key } };
}

/**
 * 打分表中要报告的问题。The issues of a score sheet that make `validate` fail and `score` exit with code 1:
 * the sheet's `issues` (bad input values, faults such as a division by zero, unknown inputs…), then one
 * `missing-input` per missing input and indicator — a warning in the sheet, an issue for the CLI — located
 * at the input (`values.<name>`) rather than at the indicator.
 *
 * @param sheet the score sheet from `safeEvaluate`
 * @returns the issues to print; empty when the sheet is complete
 */
export function sheetProblems(sheet: ScoreSheet): Issue[] {
  return withMissingInputs(sheet.issues, sheet.warnings);
}

/**
 * 问题加上缺少输入的提示。Issues followed by one `missing-input` per missing input and indicator, taken from the
 * warnings and located at the input (`values.<name>`): what says why a result is incomplete (see `sheetProblems`;
 * `jixiao batch` writes these in its `issues` column).
 *
 * @param issues the issues of a sheet or a batch result
 * @param warnings its warnings
 * @returns the issues, then the missing inputs
 */
export function withMissingInputs(issues: readonly Issue[], warnings: readonly Issue[]): Issue[] {
  const missing = warnings
    .filter((w) => w.code === 'missing-input')
    .map((w) => (w.data?.input === undefined ? w : { ...w, path: ['values', w.data.input] }));
  return missing.length === 0 ? [...issues] : [...issues, ...missing];
}

/**
 * 问题的文本格式。Issues as printed to stderr, one group per file:
 * `file：发现 N 个问题 / N issue(s)`, then `- [code] path：message / messageEn` per issue.
 *
 * @param groups the issues, by the file they concern
 * @returns the lines to print
 */
export function formatIssues(groups: readonly FileIssues[]): string[] {
  return groups.flatMap(({ file, issues }) => [
    `${file}：发现 ${issues.length} 个问题 / ${issues.length} issue(s)`,
    ...issues.map((i) => `- [${i.code}] ${i.path.length > 0 ? i.path.join('.') : '(根 root)'}：${i.message} / ${i.messageEn}`),
  ]);
}
