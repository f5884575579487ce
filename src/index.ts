/**
 * jixiao（绩效）：预算绩效评价打分引擎。Exact, explainable scoring of Chinese budget performance evaluations.
 * Every public export is named here.
 */
export { defineFramework, validateFramework } from './framework/defineFramework.js';
export type { Framework } from './framework/defineFramework.js';
export { evaluate, safeEvaluate } from './evaluate/evaluate.js';
export type { EvaluateOptions } from './evaluate/evaluate.js';
export { NATIONAL_GRADES, NATIONAL_TIERS, LEGACY_TIERS } from './framework/constants.js';
export { formatScoreTable } from './report/formatScoreTable.js';
export type { FormatOptions } from './report/formatScoreTable.js';
export { JixiaoError } from './errors/JixiaoError.js';
export { ISSUE_CODES } from './errors/codes.js';
export type { IssueCode } from './errors/codes.js';
export type { Issue, Issues, IssuePath } from './errors/issue.js';
export type { Result } from './errors/result.js';
export type * from './framework/types.js';
export type * from './evaluate/types.js';
