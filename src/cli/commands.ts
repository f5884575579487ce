import {
  formatScoreTable,
  formatSelfEvaluationTable,
  safeEvaluate,
  safeScoreSelfEvaluation,
  validateFramework,
  validateTemplate,
  type Framework,
  type Issue,
  type ScoreSheet,
  type SelfEvaluationSheet,
  type Template,
  reviewEvaluation,
  reviewSelfEvaluation,
  type ClaimedScores,
  type EvaluationReview,
  type SelfEvaluationReview,
} from '../index.js';
import { makeIssue } from '../errors/messages.js';
import { makeFormIssue } from '../errors/formMessages.js';
import { getPreset, listPresets } from '../presets/index.js';
import evaluationSchema from '../../schemas/evaluation.schema.json';
import frameworkSchema from '../../schemas/framework.schema.json';
import selfEvaluationSchema from '../../schemas/self-evaluation.schema.json';
import templateSchema from '../../schemas/template.schema.json';
import { dirname, isAbsolute, join } from 'node:path';
import type { Format } from './args.js';
import { EXIT, FileError, IssuesFound, UsageError, type FileIssues } from './failures.js';
import { sheetProblems } from './issues.js';
import { isEvaluation, isSelfEvaluation, loadFile, toEvaluationFile, type EvaluationFile, type LoadedFile } from './loadFile.js';
import { padEnd, width } from '../report/textWidth.js';
import type { Encoding } from './readText.js';

/** 输出。Where the commands write: one call per line (or block) of text. */
export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** 命令选项。Options shared by the commands. */
export interface CommandOptions {
  readonly format: Format;
  readonly encoding?: Encoding;
}

/** An evaluation file evaluated: the sheet, or the issues by file that stopped or came with it. */
interface Evaluated {
  readonly file?: EvaluationFile;
  readonly sheet?: ScoreSheet;
  readonly groups: readonly FileIssues[];
}

/**
 * `jixiao score`：打印打分表；有问题或打分表不完整时退出码 1。Prints the score sheet of an evaluation file.
 *
 * @param path the evaluation file
 * @param options output format and encoding
 * @param io where to write
 * @returns the exit code: 0, or 1 when the sheet is incomplete or carries issues (printed after the sheet)
 * @throws IssuesFound when the files have issues and there is no sheet; FileError; UsageError
 */
export function score(path: string, options: CommandOptions, io: Output): number {
  const loaded = loadFile(path, options.encoding);
  if (isSelfEvaluation(loaded.doc)) {
    const { sheet, groups } = selfEvaluateFile(loaded, options.encoding);
    if (sheet === undefined) throw new IssuesFound(groups);
    io.out(options.format === 'json' ? JSON.stringify(sheet, null, 2) : formatSelfEvaluationTable(sheet));
    if (groups.length > 0) throw new IssuesFound(groups);
    return sheet.complete ? EXIT.ok : EXIT.issues;
  }
  if (!isEvaluation(loaded.doc)) {
    throw new FileError(`不是评价文件或自评表（缺少 framework 或 template 字段）/ Neither an evaluation file nor a self-evaluation (no "framework" or "template" field): ${path}`);
  }
  const { file, sheet, groups } = evaluateFile(loaded, options.encoding);
  if (sheet === undefined || file === undefined) throw new IssuesFound(groups);
  io.out(options.format === 'json' ? JSON.stringify(sheet, null, 2) : textSheet(file, sheet));
  if (groups.length > 0) throw new IssuesFound(groups);
  return sheet.complete ? EXIT.ok : EXIT.issues;
}

/**
 * `jixiao validate`：校验指标体系，或按指标体系检查评价文件的输入。Validates a framework file, or checks an
 * evaluation file (its framework, then its inputs, missing ones included).
 *
 * @param path the framework or evaluation file
 * @param options the encoding
 * @param io where to write
 * @returns 0 when no issue is found
 * @throws IssuesFound with every issue, by file; FileError; UsageError
 */
export function validate(path: string, options: CommandOptions, io: Output): number {
  const loaded = loadFile(path, options.encoding);
  const groups = isSelfEvaluation(loaded.doc)
    ? selfEvaluateFile(loaded, options.encoding).groups
    : isEvaluation(loaded.doc)
      ? evaluateFile(loaded, options.encoding).groups
      : checkFramework(loaded).groups;
  if (groups.length > 0) throw new IssuesFound(groups);
  io.out(`${path}：没有发现问题 / no issues found`);
  return EXIT.ok;
}

function checkFramework(loaded: LoadedFile): { framework?: Framework; groups: FileIssues[] } {
  if (loaded.issues.length > 0) return { groups: [{ file: loaded.path, issues: loaded.issues }] };
  const checked = validateFramework(loaded.doc);
  return checked.ok ? { framework: checked.value, groups: [] } : { groups: [{ file: loaded.path, issues: checked.issues }] };
}

/**
 * Checks the envelope, loads and validates the framework, evaluates the inputs. Issues of the framework are
 * headlined with the framework file; issues of the envelope and the inputs, with the evaluation file. The
 * inputs are evaluated even when the envelope has issues (all are reported at once), but then no sheet is
 * given; values that are not plain data stop before evaluation, so that no value is reported twice.
 */
function evaluateFile(loaded: LoadedFile, encoding: Encoding | undefined): Evaluated {
  const envelope = toEvaluationFile(loaded.doc as { readonly [key: string]: unknown }, loaded.path);
  const own: Issue[] = [...loaded.issues, ...envelope.issues];
  const file = envelope.file;
  if (file === undefined) return { groups: grouped(loaded.path, own) };
  const fw = file.frameworkPath.startsWith('preset:') ? presetFramework(file.frameworkPath, loaded.path) : checkFramework(loadFile(file.frameworkPath, encoding));
  if (fw.framework === undefined || loaded.issues.length > 0) return { file, groups: [...grouped(loaded.path, own), ...fw.groups] };
  const result = safeEvaluate(fw.framework, file.inputs);
  const groups = grouped(loaded.path, [...own, ...(result.ok ? sheetProblems(result.value) : result.issues)]);
  return result.ok && own.length === 0 ? { file, sheet: result.value, groups } : { file, groups };
}

function grouped(file: string, issues: readonly Issue[]): FileIssues[] {
  return issues.length > 0 ? [{ file, issues }] : [];
}

function textSheet(file: EvaluationFile, sheet: ScoreSheet): string {
  const who = [file.unit, file.year].filter((x) => x !== undefined).join(' ');
  return who === '' ? formatScoreTable(sheet) : `${who}\n${formatScoreTable(sheet)}`;
}

/** A framework preset named `preset:<id>` in an evaluation file. */
/**
 * 读取指标体系参数（文件或 preset:<id>）。Loads the framework a command names: a framework file, or `preset:<id>`.
 *
 * @param ref a file path or `preset:<id>`
 * @param encoding the encoding to force, if any
 * @returns the framework, or the issues by file
 */
export function loadFramework(ref: string, encoding?: Encoding): { framework?: Framework; groups: FileIssues[] } {
  return ref.startsWith('preset:') ? presetFramework(ref, '<preset>') : checkFramework(loadFile(ref, encoding));
}

function presetFramework(ref: string, file: string): { framework?: Framework; groups: FileIssues[] } {
  const id = ref.slice('preset:'.length);
  const preset = getPreset(id);
  if (preset === undefined || preset.kind !== 'framework') return { groups: [{ file, issues: [unknownPreset(id, ['framework'])] }] };
  if (preset.framework === null) return { groups: [{ file: ref, issues: preset.issues }] };
  return { framework: preset.framework, groups: [] };
}

function unknownPreset(id: string, path: readonly (string | number)[]): Issue {
  return makeFormIssue('unknown-preset', path, { id });
}

/**
 * The template a self-evaluation names: a preset id (optionally `template:<id>`), or a template file
 * (.yaml/.yml/.json, relative to the document), whose id then stands for it.
 */
function templateFor(doc: { readonly [key: string]: unknown }, loaded: LoadedFile, encoding: Encoding | undefined): { template?: Template; doc?: unknown; groups: FileIssues[] } {
  const ref = doc.template;
  const id = typeof ref === 'string' ? ref : typeof ref === 'object' && ref !== null && typeof (ref as { id?: unknown }).id === 'string' ? (ref as { id: string }).id : undefined;
  // A missing or malformed template field is reported by the library with the rest of the document.
  if (id === undefined) return { template: getPresetTemplate('national-project-2020') as Template, doc, groups: [] };
  if (/\.(ya?ml|json)$/i.test(id)) {
    const path = isAbsolute(id) ? id : join(dirname(loaded.path), id);
    const file = loadFile(path, encoding);
    if (file.issues.length > 0) return { groups: [{ file: path, issues: file.issues }] };
    const t = validateTemplate(file.doc);
    if (!t.ok) return { groups: [{ file: path, issues: t.issues }] };
    const named = typeof ref === 'string' ? t.value.id : { ...(ref as object), id: t.value.id };
    return { template: t.value, doc: { ...doc, template: named }, groups: [] };
  }
  const bare = id.startsWith('template:') ? id.slice('template:'.length) : id;
  const template = getPresetTemplate(bare);
  if (template === undefined) return { groups: [{ file: loaded.path, issues: [unknownPreset(bare, ['template'])] }] };
  return { template, doc, groups: [] };
}

/**
 * 读取模板参数（template:<id> 或模板文件）。Loads the template a command names: `template:<id>` (a preset), or a
 * template file.
 *
 * @param ref `template:<id>` or a file path
 * @param encoding the encoding to force, if any
 * @returns the template, or the issues by file
 */
export function loadTemplate(ref: string, encoding?: Encoding): { template?: Template; groups: FileIssues[] } {
  if (ref.startsWith('template:')) {
    const id = ref.slice('template:'.length);
    const template = getPresetTemplate(id);
    return template === undefined ? { groups: [{ file: '<preset>', issues: [unknownPreset(id, [])] }] } : { template, groups: [] };
  }
  const file = loadFile(ref, encoding);
  if (file.issues.length > 0) return { groups: [{ file: ref, issues: file.issues }] };
  const t = validateTemplate(file.doc);
  return t.ok ? { template: t.value, groups: [] } : { groups: [{ file: ref, issues: t.issues }] };
}

/**
 * Is this file a template (it has level rules and no indicators)? Used to tell a template from a framework.
 *
 * @param ref a file path
 * @returns true for a template file
 */
export function isTemplateFile(ref: string): boolean {
  if (ref.startsWith('template:')) return true;
  if (ref.startsWith('preset:')) return false;
  const doc = loadFile(ref).doc as { readonly [key: string]: unknown } | null;
  return typeof doc === 'object' && doc !== null && 'levels' in doc && !('indicators' in doc);
}

function getPresetTemplate(id: string): Template | undefined {
  const preset = getPreset(id);
  return preset?.kind === 'template' ? preset.template : undefined;
}

/** Scores a self-evaluation file under the template it names; issues of the rows come with the sheet. */
function selfEvaluateFile(loaded: LoadedFile, encoding: Encoding | undefined): { sheet?: SelfEvaluationSheet; groups: FileIssues[] } {
  if (loaded.issues.length > 0) return { groups: grouped(loaded.path, loaded.issues) };
  const t = templateFor(loaded.doc as { readonly [key: string]: unknown }, loaded, encoding);
  if (t.template === undefined) return { groups: t.groups };
  const result = safeScoreSelfEvaluation(t.doc, t.template);
  if (!result.ok) return { groups: grouped(loaded.path, result.issues) };
  return { sheet: result.value, groups: grouped(loaded.path, result.value.issues) };
}

/** 计分结果：自评表或评价文件的打分表，或使其无法计分的问题。A scored document, or the issues that stopped it. */
export type ScoredDocument =
  | { readonly kind: 'self-evaluation'; readonly doc: unknown; readonly sheet: SelfEvaluationSheet; readonly groups: readonly FileIssues[] }
  | { readonly kind: 'evaluation'; readonly file: EvaluationFile; readonly sheet: ScoreSheet; readonly groups: readonly FileIssues[] }
  | { readonly kind: 'none'; readonly groups: readonly FileIssues[] };

/**
 * 为已读入的自评表或评价文件计分。Scores a document already read: a self-evaluation under its template, or an
 * evaluation file with its framework.
 *
 * @param loaded the document and its file
 * @param encoding the encoding to force when other files are read
 * @returns the sheet (with the issues it carries), or the issues that stopped it
 * @throws FileError when the document is neither
 */
export function scoreDocument(loaded: LoadedFile, encoding?: Encoding): ScoredDocument {
  if (isSelfEvaluation(loaded.doc)) {
    if (loaded.issues.length > 0) return { kind: 'none', groups: grouped(loaded.path, loaded.issues) };
    const t = templateFor(loaded.doc, loaded, encoding);
    if (t.template === undefined) return { kind: 'none', groups: t.groups };
    const result = safeScoreSelfEvaluation(t.doc, t.template);
    if (!result.ok) return { kind: 'none', groups: grouped(loaded.path, result.issues) };
    return { kind: 'self-evaluation', doc: t.doc, sheet: result.value, groups: grouped(loaded.path, result.value.issues) };
  }
  if (!isEvaluation(loaded.doc)) {
    throw new FileError(`不是评价文件或自评表（缺少 framework 或 template 字段）/ Neither an evaluation file nor a self-evaluation (no "framework" or "template" field): ${loaded.path}`);
  }
  const { file, sheet, groups } = evaluateFile(loaded, encoding);
  return file === undefined || sheet === undefined ? { kind: 'none', groups } : { kind: 'evaluation', file, sheet, groups };
}

/**
 * 复核一份已读入的自评表（按其所写模板）。Reviews a self-evaluation already read from a file, under the template it
 * names (a preset id or a template file beside it).
 *
 * @param doc the document as read
 * @param loaded the file it came from (for relative template paths and issue headlines)
 * @param encoding the encoding to force when a template file is read
 * @returns the review (with the evaluation file's unit, when it names one), or the issues by file that stopped it
 */
export function reviewDocument(doc: unknown, loaded: LoadedFile, encoding?: Encoding): { review?: SelfEvaluationReview | EvaluationReview; unit?: string; groups: FileIssues[] } {
  if (loaded.issues.length > 0) return { groups: grouped(loaded.path, loaded.issues) };
  if (isEvaluation(doc) && !isSelfEvaluation(doc)) {
    const envelope = toEvaluationFile(doc, loaded.path);
    const file = envelope.file;
    if (file === undefined || envelope.issues.length > 0) return { groups: grouped(loaded.path, envelope.issues) };
    const fw = file.frameworkPath.startsWith('preset:') ? presetFramework(file.frameworkPath, loaded.path) : checkFramework(loadFile(file.frameworkPath, encoding));
    if (fw.framework === undefined) return { groups: fw.groups };
    const result = reviewEvaluation(fw.framework, file.inputs, (file.claimed ?? {}) as ClaimedScores);
    return result.ok ? { review: result.value, ...(file.unit === undefined ? {} : { unit: file.unit }), groups: [] } : { groups: grouped(loaded.path, result.issues) };
  }
  if (!isSelfEvaluation(doc)) return { groups: [{ file: loaded.path, issues: [makeIssue('invalid-type', [], { expected: 'a self-evaluation (template with rows or targets) or an evaluation file (framework)', expectedZh: '自评表（有 template 及 rows 或 targets 字段）或评价文件（有 framework 字段）' })] }] };
  const t = templateFor(doc, loaded, encoding);
  if (t.template === undefined) return { groups: t.groups };
  const result = reviewSelfEvaluation(t.doc, t.template);
  return result.ok ? { review: result.value, groups: [] } : { groups: grouped(loaded.path, result.issues) };
}

const SCHEMAS: { readonly [kind: string]: unknown } = {
  framework: frameworkSchema,
  evaluation: evaluationSchema,
  'self-evaluation': selfEvaluationSchema,
  template: templateSchema,
};

/** 可输出的 JSON Schema 种类。The kinds `jixiao schema` prints. */
export const SCHEMA_KINDS = Object.keys(SCHEMAS);

/**
 * `jixiao schema <kind>`：输出 JSON Schema。Prints the JSON Schema of a file format.
 *
 * @param kind framework, evaluation, self-evaluation or template
 * @param io where to write
 * @returns 0
 * @throws UsageError for an unknown kind
 */
export function schema(kind: string, io: Output): number {
  if (!Object.hasOwn(SCHEMAS, kind)) throw new UsageError(`未知的格式 / Unknown kind: ${kind}（${SCHEMA_KINDS.join('、')}）`);
  io.out(JSON.stringify(SCHEMAS[kind], null, 2));
  return EXIT.ok;
}

const STATUS_ZH: { readonly [status: string]: string } = {
  reproduces: '重现已公开结果',
  'rules-only': '仅规则',
  partial: '部分',
  'invalid-as-published': '原文有误（保留以示校验）',
};

/**
 * `jixiao presets`：列出预置的指标体系与自评模板。Lists the presets as a table, or as JSON.
 *
 * @param options `format: 'json'` for JSON
 * @param io where to write
 * @returns 0
 */
export function presets(options: CommandOptions, io: Output): number {
  const list = listPresets();
  if (options.format === 'json') {
    io.out(JSON.stringify(list, null, 2));
    return EXIT.ok;
  }
  const header = ['id', '类型 kind', '地区 region', '年度 year', '状态 status', '出处 source'];
  const rows = list.map((p) => [
    p.id,
    p.kind === 'template' ? '自评模板' : '指标体系',
    p.region,
    p.year === undefined ? '' : String(p.year),
    STATUS_ZH[p.status] ?? p.status,
    [p.source.issuer, p.source.number, `《${p.source.title}》`, p.source.date].filter((x) => x !== undefined).join(' '),
  ]);
  const cols = header.map((_, i) => [header, ...rows].reduce((most, r) => Math.max(most, width(r[i] ?? '')), 0));
  const line = (r: readonly string[]) => r.map((c, i) => (i === r.length - 1 ? c : padEnd(c, cols[i] ?? 0))).join('  ').trimEnd();
  io.out([line(header), ...rows.map(line), '', `共 ${list.length} 个预置 / ${list.length} presets; --json 输出 JSON`].join('\n'));
  return EXIT.ok;
}
