/**
 * `jixiao import` 与 `jixiao report`。`import` reads a filled form from XLSX or CSV and writes it as the YAML
 * self-evaluation that `jixiao score` and `jixiao review` read; `report` writes a scored sheet, or with `--review`
 * the review of a form, as Markdown, HTML, CSV or XLSX.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'yaml';
import {
  formatReviewCsv,
  formatReviewHtml,
  formatReviewMarkdown,
  formatScoreSheetCsv,
  formatScoreSheetHtml,
  formatScoreSheetMarkdown,
  formatSelfEvaluationCsv,
  formatSelfEvaluationHtml,
  formatSelfEvaluationMarkdown,
  type SelfEvaluation,
} from '../index.js';
import { reviewDocument, scoreDocument } from './commands.js';
import { parseCommandOptions as parseOptions } from './args.js';
import { EXIT, IssuesFound, UsageError } from './failures.js';
import { formatIssues } from './issues.js';
import { isSpreadsheet, readDocument } from './readForm.js';
import { ENCODINGS, type Encoding } from './readText.js';

/** Output streams. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function encodingOf(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const name = value.toLowerCase().replace(/-/g, '');
  const found = ENCODINGS.find((e) => e === name);
  if (found === undefined) throw new UsageError(`--encoding 只能是 ${ENCODINGS.join('、')} / --encoding takes ${ENCODINGS.join(', ')}, not "${value}"`);
  return found;
}

/** Writes to a temporary file beside the target, then renames it: an interrupted run leaves no half file. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  const part = `${path}.${process.pid}.part`;
  try {
    writeFileSync(part, data);
    renameSync(part, path);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}

/** `jixiao import` 的参数。Arguments of `jixiao import`. */
export interface ImportArgs {
  /** 表格文件。The spreadsheet. */
  readonly file: string;
  /** 输出的 YAML 文件（缺省为标准输出）。The YAML file to write; stdout by default. */
  readonly out?: string;
  /** 模板 id。Template id to write into the document. */
  readonly template?: string;
  /** 工作表名称或序号。Worksheet name or index. */
  readonly sheet?: string | number;
  /** 强制的编码（CSV）。Encoding to force (CSV). */
  readonly encoding?: Encoding;
}

/**
 * 解析 `jixiao import` 的参数。Parses the arguments of `jixiao import`.
 *
 * @param argv the arguments after `import`
 * @returns the parsed arguments
 * @throws UsageError on a bad argument
 */
export function parseImportArgs(argv: readonly string[]): ImportArgs {
  const { positional, opts } = parseOptions(argv, ['--out', '--template', '--sheet', '--encoding'], []);
  const [file, ...extra] = positional;
  if (file === undefined) throw new UsageError('用法 / Usage: jixiao import <表格 form.xlsx|form.csv> [-o self-evaluation.yaml] [--template id] [--sheet name|index]');
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  if (!isSpreadsheet(file)) throw new UsageError(`只能导入 .xlsx 或 .csv 文件 / Only .xlsx and .csv files can be imported: ${file}`);
  const sheet = opts['--sheet'];
  const encoding = encodingOf(opts['--encoding']);
  return {
    file,
    ...(opts['--out'] === undefined ? {} : { out: opts['--out'] }),
    ...(opts['--template'] === undefined ? {} : { template: opts['--template'].replace(/^template:/, '') }),
    ...(sheet === undefined ? {} : { sheet: /^\d+$/.test(sheet) ? Number(sheet) : sheet }),
    ...(encoding === undefined ? {} : { encoding }),
  };
}

/**
 * 运行 `jixiao import`：把表格中的自评表写成 YAML。Runs `jixiao import`: the form in the spreadsheet written as a
 * YAML self-evaluation; cells that could not be mapped are listed on stderr with their addresses.
 *
 * @param args the parsed arguments
 * @param io output streams
 * @returns 0, or 1 when some cells could not be mapped (the document is still written)
 * @throws IssuesFound when the spreadsheet holds no form that can be read; FileError
 */
export async function importCommand(args: ImportArgs, io: CommandIo): Promise<number> {
  const read = await readDocument(args.file, {
    ...(args.encoding === undefined ? {} : { encoding: args.encoding }),
    ...(args.template === undefined ? {} : { template: args.template }),
    ...(args.sheet === undefined ? {} : { sheet: args.sheet }),
  });
  const doc = read.doc as SelfEvaluation;
  const yaml = `# yaml-language-server: $schema=https://unpkg.com/jixiao/schemas/self-evaluation.schema.json\n# 由 jixiao import 从 ${basename(args.file)} 导入 / imported from ${basename(args.file)} by jixiao import\n${stringify(doc, { lineWidth: 0 })}`;
  if (args.out === undefined) io.out(yaml.trimEnd());
  else writeAtomically(args.out, yaml);
  if (read.warnings.length > 0) {
    io.err(formatIssues([{ file: args.file, issues: read.warnings }]).join('\n'));
    return EXIT.issues;
  }
  return EXIT.ok;
}

/** `jixiao report` 的参数。Arguments of `jixiao report`. */
export interface ReportArgs {
  /** 自评表或评价文件。The self-evaluation (YAML, JSON, XLSX, CSV) or evaluation file. */
  readonly file: string;
  /** 输出格式。Output format. */
  readonly format: 'md' | 'html' | 'csv' | 'xlsx';
  /** 输出文件（xlsx 必须给出）。Output file; required for xlsx. */
  readonly out?: string;
  /** 输出复核意见而非打分表。Write the review instead of the scored sheet. */
  readonly review: boolean;
  /** 强制的编码。Encoding to force. */
  readonly encoding?: Encoding;
}

const REPORT_FORMATS = ['md', 'html', 'csv', 'xlsx'] as const;

/**
 * 解析 `jixiao report` 的参数。Parses the arguments of `jixiao report`.
 *
 * @param argv the arguments after `report`
 * @returns the parsed arguments
 * @throws UsageError on a bad argument
 */
export function parseReportArgs(argv: readonly string[]): ReportArgs {
  const { positional, opts } = parseOptions(argv, ['--out', '--format', '--encoding'], ['--review']);
  const [file, ...extra] = positional;
  if (file === undefined) throw new UsageError('用法 / Usage: jixiao report <自评表或评价文件 file> --format md|html|csv|xlsx [-o out] [--review]');
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  const out = opts['--out'];
  const format = opts['--format'] ?? (out === undefined ? 'md' : out.replace(/^.*\./, '').toLowerCase().replace('markdown', 'md'));
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 只能是 md、html、csv、xlsx / --format takes md, html, csv or xlsx, not "${format}"`);
  if (format === 'xlsx' && out === undefined) throw new UsageError('xlsx 需要用 -o 指定输出文件 / xlsx needs an output file (-o out.xlsx)');
  if (format === 'xlsx' && opts['--review'] !== undefined) throw new UsageError('复核意见可写成 md、html、csv（xlsx 请用不带 --review 的 report：原表加“自评得分”一栏）/ A review is written as md, html or csv (for xlsx, report without --review: the form with a 自评得分 column)');
  const encoding = encodingOf(opts['--encoding']);
  return {
    file,
    format: format as ReportArgs['format'],
    ...(out === undefined ? {} : { out }),
    review: opts['--review'] !== undefined,
    ...(encoding === undefined ? {} : { encoding }),
  };
}

/**
 * 运行 `jixiao report`：把打分表或复核意见写成 Markdown、HTML、CSV 或 XLSX。Runs `jixiao report`: the scored sheet
 * (or, with `--review`, the review) as Markdown, HTML, CSV (UTF-8 with BOM) or XLSX (the form's own layout with a
 * 自评得分 column; self-evaluations only).
 *
 * @param args the parsed arguments
 * @param io output streams
 * @returns 0; 1 when the sheet is incomplete or the review has error-level findings (the report is still written)
 * @throws IssuesFound when the document cannot be scored; FileError; UsageError for xlsx of a framework evaluation
 */
export async function reportCommand(args: ReportArgs, io: CommandIo): Promise<number> {
  const loaded = await readDocument(args.file, args.encoding === undefined ? {} : { encoding: args.encoding });
  const write = (data: string | Uint8Array) => (args.out === undefined ? io.out(String(data).trimEnd()) : writeAtomically(args.out, data));
  if (args.review) {
    const { review, groups } = reviewDocument(loaded.doc, loaded, args.encoding);
    if (review === undefined) throw new IssuesFound(groups);
    if (args.format === 'csv') write(formatReviewCsv(review));
    else write(args.format === 'html' ? formatReviewHtml(review) : formatReviewMarkdown(review));
    return review.counts.error > 0 ? EXIT.issues : EXIT.ok;
  }
  const scored = scoreDocument(loaded, args.encoding);
  if (scored.kind === 'none') throw new IssuesFound(scored.groups);
  if (scored.kind === 'self-evaluation') {
    const s = scored.sheet;
    if (args.format === 'xlsx') write(await xlsxOf(s, scored.doc));
    else write(args.format === 'html' ? formatSelfEvaluationHtml(s) : args.format === 'csv' ? formatSelfEvaluationCsv(s) : formatSelfEvaluationMarkdown(s));
  } else {
    if (args.format === 'xlsx') throw new UsageError('xlsx 报告只用于自评表 / An xlsx report is for self-evaluations only');
    const s = scored.sheet;
    write(args.format === 'html' ? formatScoreSheetHtml(s) : args.format === 'csv' ? formatScoreSheetCsv(s) : formatScoreSheetMarkdown(s));
  }
  if (scored.groups.length > 0) io.err(formatIssues(scored.groups).join('\n'));
  return scored.sheet.complete ? EXIT.ok : EXIT.issues;
}

/** The form's own layout with the computed 自评得分 column, through jixiao/xlsx. */
async function xlsxOf(sheet: Parameters<typeof formatSelfEvaluationCsv>[0], doc: unknown): Promise<Uint8Array> {
  const { exportSelfEvaluationXlsx } = await import('../sheetio/index.js');
  return exportSelfEvaluationXlsx(doc as SelfEvaluation, sheet);
}
