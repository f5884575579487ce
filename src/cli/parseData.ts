import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LIMITS, type Issue, type IssuePath } from '../index.js';
import { FileError } from './failures.js';
import { invalidNumber, invalidType } from './issues.js';
import { findDuplicateKey, lineColumn } from './jsonKeys.js';

/**
 * 按扩展名解析文本：`.json` 用 JSON，`.yaml`/`.yml` 用 YAML，其他先试 JSON 再试 YAML。Parses text by
 * the file's extension: `.json` as JSON, `.yaml`/`.yml` as YAML, anything else as JSON first, then YAML.
 *
 * @param text the decoded file content
 * @param path the file, for its extension and for messages
 * @returns the parsed document
 * @throws FileError on a syntax error or an empty document
 */
export function parseData(text: string, path: string): unknown {
  const ext = extname(path).toLowerCase();
  const doc = ext === '.json' ? parseJson(text, path) : ext === '.yaml' || ext === '.yml' ? parseYamlText(text, path) : parseEither(text, path);
  if (doc === null || doc === undefined) throw new FileError(`文件是空的 / The file is empty: ${path}`);
  return doc;
}

function parseEither(text: string, path: string): unknown {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return parseYamlText(text, path);
  }
  return withUniqueKeys(doc, text, path);
}

function parseJson(text: string, path: string): unknown {
  if (text.trim() === '') return null;
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (e) {
    throw new FileError(`JSON 语法错误 / JSON syntax error: ${path}: ${jsonErrorText(e, text)}`);
  }
  return withUniqueKeys(doc, text, path);
}

/** Refuses a key written twice in one object, as YAML does (JSON.parse would keep only the last). */
function withUniqueKeys(doc: unknown, text: string, path: string): unknown {
  const duplicate = findDuplicateKey(text);
  if (duplicate === undefined) return doc;
  const { line, column } = lineColumn(text, duplicate.offset);
  throw new FileError(
    `JSON 中有重复的键“${duplicate.key}”（第 ${line} 行第 ${column} 列）/ Duplicate key "${duplicate.key}" in JSON (line ${line}, column ${column}): ${path}`,
  );
}

/** V8's message, with "at position N" turned into a line and column. */
function jsonErrorText(e: unknown, text: string): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/\r?\n/g, '\\n');
  const at = /at position (\d+)/.exec(message);
  if (at === null) return message;
  const { line, column } = lineColumn(text, Number(at[1]));
  return `${message.replace(/\s*\(line \d+ column \d+\)/, '')}（第 ${line} 行第 ${column} 列 / line ${line}, column ${column}）`;
}

function parseYamlText(text: string, path: string): unknown {
  try {
    // logLevel 'error': an unknown tag such as `!foo` is no reason to print a warning with a stack.
    return parseYaml(text, { logLevel: 'error' }) as unknown;
  } catch (e) {
    throw new FileError(`YAML 语法错误 / YAML syntax error: ${path}: ${firstLine(e).replace(/:$/, '')}`);
  }
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'unknown error';
  return message.split('\n')[0] ?? message;
}

/**
 * 检查文档只含普通数据。Reports what plain data (string, finite number, boolean, null, list, mapping)
 * cannot hold: YAML's `!!binary`, `!!set`, `!!timestamp`… values and infinite or NaN numbers. Walks without
 * recursion and stops at `LIMITS.nesting` levels: the library reports deeper documents (`too-deep`).
 *
 * @param doc a parsed document
 * @returns one issue per offending value, with its path
 */
export function plainDataIssues(doc: unknown): Issue[] {
  const issues: Issue[] = [];
  const stack: [unknown, IssuePath][] = [[doc, []]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, path] = item;
    const deeper = path.length < LIMITS.nesting;
    if (typeof value === 'number' && !Number.isFinite(value)) issues.push(invalidNumber(path, String(value)));
    else if (Array.isArray(value)) {
      if (deeper) value.forEach((v, i) => stack.push([v, [...path, i]]));
    } else if (isRecord(value)) {
      if (deeper) for (const [k, v] of Object.entries(value)) stack.push([v, [...path, k]]);
    } else if (typeof value === 'object' && value !== null) issues.push(invalidType(path, PLAIN.en, PLAIN.zh));
  }
  return issues.reverse();
}

const PLAIN = {
  en: 'a string, number, yes/no, list or mapping (YAML tags such as !!binary, !!set, !!timestamp are not supported)',
  zh: '文字、数字、是/否、列表或映射（不支持 !!binary、!!set、!!timestamp 等 YAML 标签）',
};

/** 普通对象（映射）。Is this a plain object — a mapping as JSON.parse and YAML make them? */
export function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
