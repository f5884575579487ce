import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { JixiaoError } from '../errors/JixiaoError.js';
import { makeIssue } from '../errors/messages.js';
import type { EvaluationInputs } from '../framework/types.js';

/** An evaluation file: which framework, whose evaluation, and the inputs. */
export interface EvaluationFile {
  readonly frameworkPath: string;
  readonly unit?: string;
  readonly year?: number;
  readonly inputs: EvaluationInputs;
}

const EVALUATION_KEYS = new Set(['framework', 'unit', 'year', 'values', 'notApplicable', 'notes']);

/** Reads a JSON or YAML file (YAML is a superset of JSON). File errors become usage errors upstream. */
export function readData(path: string): unknown {
  return parse(readFileSync(path, 'utf8'));
}

/** Is this parsed document an evaluation file (it names a framework) rather than a framework? */
export function isEvaluation(doc: unknown): doc is { framework: unknown } {
  return typeof doc === 'object' && doc !== null && 'framework' in doc && !('indicators' in doc);
}

/** Checks the envelope of an evaluation file; the inputs themselves are checked by `evaluate`. */
export function toEvaluationFile(doc: { framework: unknown }, path: string): EvaluationFile {
  const record = doc as { [k: string]: unknown };
  const issues = Object.keys(record)
    .filter((k) => !EVALUATION_KEYS.has(k))
    .map((key) => makeIssue('unknown-key', [key], { key }));
  if (typeof record.framework !== 'string') issues.push(makeIssue('invalid-type', ['framework'], { expected: 'path', expectedZh: '文件路径' }));
  const [first, ...rest] = issues;
  if (first !== undefined) throw new JixiaoError([first, ...rest]);
  const inputs = {
    values: (record.values ?? {}) as EvaluationInputs['values'],
    ...(record.notApplicable === undefined ? {} : { notApplicable: record.notApplicable as string[] }),
  };
  return {
    frameworkPath: resolve(dirname(path), record.framework as string),
    ...(typeof record.unit === 'string' ? { unit: record.unit } : {}),
    ...(typeof record.year === 'number' ? { year: record.year } : {}),
    inputs,
  };
}
