import { dirname, isAbsolute, join } from 'node:path';
import type { EvaluationInputs, Issue } from '../index.js';
import { isRecord, parseData, plainDataIssues } from './parseData.js';
import { invalidType, unknownKey } from './issues.js';
import { readText, type Encoding } from './readText.js';

/** 读取到的文件。A file as read: its parsed document and the issues plain data cannot hold. */
export interface LoadedFile {
  readonly path: string;
  readonly doc: unknown;
  readonly issues: readonly Issue[];
}

/**
 * 读取并解析一个 JSON 或 YAML 文件。Reads, decodes and parses one JSON or YAML file.
 *
 * @param path the file
 * @param encoding the encoding to force, if any
 * @returns the document and the values in it that are not plain data
 * @throws FileError when the file cannot be read, decoded or parsed
 */
export function loadFile(path: string, encoding?: Encoding): LoadedFile {
  const doc = parseData(readText(path, encoding), path);
  return { path, doc, issues: plainDataIssues(doc) };
}

/** 评价文件。An evaluation file: which framework, whose evaluation, and the inputs. */
export interface EvaluationFile {
  /**
   * 指标体系文件路径（相对于评价文件所在目录解析后），或 preset:<预置 id>。The framework file, resolved against the
   * evaluation file's folder, or `preset:<id>`.
   */
  readonly frameworkPath: string;
  readonly unit?: string;
  readonly year?: number;
  readonly inputs: EvaluationInputs;
  /** 表上所填得分、总分、等级（复核用，由库检查）。The claimed scores, total and grade, for review (checked by the library). */
  readonly claimed?: unknown;
}

const EVALUATION_KEYS = new Set(['framework', 'unit', 'year', 'values', 'notApplicable', 'notes', 'claimed']);

/**
 * 是评价文件吗（有 framework 字段而没有 indicators 字段）？Is this document an evaluation file — a mapping
 * with an own `framework` field and no `indicators` field — rather than a framework?
 *
 * @param doc a parsed document
 * @returns true for an evaluation file
 */
export function isEvaluation(doc: unknown): doc is { readonly [key: string]: unknown } {
  return isRecord(doc) && Object.hasOwn(doc, 'framework') && !Object.hasOwn(doc, 'indicators');
}

/**
 * 是自评表吗（有 template 字段和 rows 或 targets，没有 framework、indicators）？Is this document a self-evaluation?
 *
 * @param doc a parsed document
 * @returns true for a self-evaluation
 */
export function isSelfEvaluation(doc: unknown): doc is { readonly [key: string]: unknown } {
  return isRecord(doc) && Object.hasOwn(doc, 'template') && (Object.hasOwn(doc, 'rows') || Object.hasOwn(doc, 'targets')) && !Object.hasOwn(doc, 'framework') && !Object.hasOwn(doc, 'indicators');
}

/**
 * 检查评价文件的外层字段。Checks the envelope of an evaluation file; the input values themselves are
 * checked by the library. Fields set to null count as absent.
 *
 * @param doc an evaluation file's document (see `isEvaluation`)
 * @param path the evaluation file, against whose folder the framework path is resolved
 * @returns the evaluation file (undefined when the framework path is unusable) and the issues found
 */
export function toEvaluationFile(doc: { readonly [key: string]: unknown }, path: string): { file?: EvaluationFile; issues: Issue[] } {
  const issues: Issue[] = Object.keys(doc).filter((k) => !EVALUATION_KEYS.has(k)).map((k) => unknownKey([k]));
  const field = (key: string): unknown => (Object.hasOwn(doc, key) && doc[key] !== null ? doc[key] : undefined);
  const framework = field('framework');
  const unit = field('unit');
  const year = field('year');
  const frameworkPath = typeof framework === 'string' && framework.trim() !== '' ? framework : undefined;
  if (frameworkPath === undefined) issues.push(invalidType(['framework'], 'a file path', '文件路径'));
  if (unit !== undefined && typeof unit !== 'string') issues.push(invalidType(['unit'], 'a string', '文字'));
  if (year !== undefined && !Number.isInteger(year)) issues.push(invalidType(['year'], 'an integer year', '整数年份'));
  if (frameworkPath === undefined) return { issues };
  const notApplicable = field('notApplicable');
  const file: EvaluationFile = {
    frameworkPath: frameworkPath.startsWith('preset:') || isAbsolute(frameworkPath) ? frameworkPath : join(dirname(path), frameworkPath),
    ...(typeof unit === 'string' ? { unit } : {}),
    ...(typeof year === 'number' && Number.isInteger(year) ? { year } : {}),
    ...(field('claimed') === undefined ? {} : { claimed: field('claimed') }),
    // The library checks the shapes of `values` and `notApplicable` and reports them with their paths.
    inputs: {
      values: (field('values') ?? {}) as EvaluationInputs['values'],
      ...(notApplicable === undefined ? {} : { notApplicable: notApplicable as EvaluationInputs['notApplicable'] }),
    } as EvaluationInputs,
  };
  return { file, issues };
}
