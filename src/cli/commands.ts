import { formatScoreTable, safeEvaluate, validateFramework, type Framework, type Issue, type ScoreSheet } from '../index.js';
import type { Format } from './args.js';
import { EXIT, FileError, IssuesFound, type FileIssues } from './failures.js';
import { sheetProblems } from './issues.js';
import { isEvaluation, loadFile, toEvaluationFile, type EvaluationFile, type LoadedFile } from './loadFile.js';
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
  if (!isEvaluation(loaded.doc)) {
    throw new FileError(`不是评价文件（缺少 framework 字段）/ Not an evaluation file (no "framework" field): ${path}`);
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
  const groups = isEvaluation(loaded.doc) ? evaluateFile(loaded, options.encoding).groups : checkFramework(loaded).groups;
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
  const fw = checkFramework(loadFile(file.frameworkPath, encoding));
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
