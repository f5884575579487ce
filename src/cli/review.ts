/**
 * `jixiao review`：复核一份自评表或整个文件夹（递归；xlsx、csv、yaml、json）。Reviews one form or a whole folder
 * (recursively): a summary table to stdout (and as CSV with `--summary`), a memo per form with `--out`, a progress
 * bar on a terminal. A file that cannot be read is listed with its reason and the run goes on.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { formatReviewHtml, formatReviewMarkdown, type EvaluationReview, type Finding, type Issue, type SelfEvaluationReview } from '../index.js';

type AnyReview = SelfEvaluationReview | EvaluationReview;
import { csvDocument } from '../report/csv.js';
import { padEnd, padStart, width } from '../report/textWidth.js';
import { parseCommandOptions } from './args.js';
import { reviewDocument } from './commands.js';
import { EXIT, FileError, IssuesFound, UsageError } from './failures.js';
import { formatIssues } from './issues.js';
import { readDocument } from './readForm.js';
import type { Encoding } from './readText.js';

/** `jixiao review` 的参数。Arguments of `jixiao review`. */
export interface ReviewArgs {
  /** 文件或文件夹。A form, or a folder of forms. */
  readonly path: string;
  /** 汇总 CSV 的路径。Where to write the summary as CSV. */
  readonly summary?: string;
  /** 复核意见的输出文件夹。Folder for the memos (Markdown and HTML). */
  readonly out?: string;
  /** 标准输出的格式。Format of stdout: the text table, or JSON. */
  readonly format: 'text' | 'json';
  /** 强制的编码。Encoding to force when reading. */
  readonly encoding?: Encoding;
  /** 是否在终端显示进度条。Whether to show a progress bar on a terminal. */
  readonly progress: boolean;
}

/** Output streams of the command. */
export interface ReviewIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly tty: boolean;
}

const FORM_FILES = /\.(ya?ml|json|csv|xlsx)$/i;

/**
 * 解析 `jixiao review` 的参数。Parses the arguments of `jixiao review`.
 *
 * @param argv the arguments after `review`
 * @returns the parsed arguments
 * @throws UsageError on an unknown option or a missing path
 */
export function parseReviewArgs(argv: readonly string[]): ReviewArgs {
  const { positional, opts } = parseCommandOptions(argv, ['--summary', '--out', '--format', '--encoding'], ['--no-progress', '--json']);
  const [path, ...extra] = positional;
  if (path === undefined) throw new UsageError('用法 / Usage: jixiao review <自评表文件或文件夹 form|folder> [--summary out.csv] [--out dir]');
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  const format = opts['--json'] !== undefined ? 'json' : (opts['--format'] ?? 'text');
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format 只能是 text 或 json / --format takes text or json, not "${format}"`);
  const enc = opts['--encoding']?.toLowerCase().replace(/-/g, '');
  if (enc !== undefined && enc !== 'utf8' && enc !== 'gbk' && enc !== 'utf16le') throw new UsageError(`--encoding 只能是 utf8、gbk、utf16le / --encoding takes utf8, gbk or utf16le, not "${opts['--encoding']}"`);
  return {
    path,
    ...(opts['--summary'] === undefined ? {} : { summary: opts['--summary'] }),
    ...(opts['--out'] === undefined ? {} : { out: opts['--out'] }),
    format,
    ...(enc === undefined ? {} : { encoding: enc }),
    progress: opts['--no-progress'] === undefined,
  };
}

/** The forms under a path: the file itself, or every form file under a folder, recursively, in a stable order. */
function formsUnder(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new FileError(`找不到文件或文件夹 / No such file or folder: ${path}`);
  }
  if (!stat.isDirectory()) return [path];
  return (readdirSync(path, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => FORM_FILES.test(f) && !basename(f).startsWith('~$'))
    .map((f) => join(path, f))
    // A broken link stays in the list: it is then reported with its reason, and the others go on.
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return true;
      }
    })
    .sort();
}

/** One reviewed file: its review, or why it could not be reviewed. */
interface Reviewed {
  readonly file: string;
  readonly review?: AnyReview;
  readonly unit?: string;
  readonly reason?: string;
}

/** Reads one form (spreadsheets through jixiao/xlsx) and reviews it; a file that cannot be read gives its reason. */
async function reviewFile(file: string, encoding: Encoding | undefined): Promise<Reviewed> {
  try {
    const loaded = await readDocument(file, encoding === undefined ? {} : { encoding });
    const { review, unit, groups } = reviewDocument(loaded.doc, loaded, encoding);
    if (review === undefined) return { file, reason: formatIssues(groups).join(' ') };
    return { file, review: withImportWarnings(review, loaded.warnings), ...(unit === undefined ? {} : { unit }) };
  } catch (e) {
    if (e instanceof FileError) return { file, reason: e.message };
    if (e instanceof IssuesFound) return { file, reason: formatIssues(e.groups).join(' ') };
    throw e;
  }
}

/** The cells a spreadsheet import could not map, as warnings of the review (the evaluator should see them). */
function withImportWarnings(review: AnyReview, warnings: readonly Issue[]): AnyReview {
  if (warnings.length === 0) return review;
  const extra: Finding[] = warnings.map((w) => ({
    code: w.code, severity: 'warning', path: w.path, row: null, claimed: null, computed: null, difference: null, stake: '0', changesGrade: null, message: w.message, messageEn: w.messageEn,
  }));
  return { ...review, findings: [...review.findings, ...extra], counts: { ...review.counts, warning: review.counts.warning + extra.length } };
}

const unitOf = (x: Reviewed): string => {
  const r = x.review as AnyReview;
  return 'project' in r ? (r.project.unit ?? r.project.department ?? r.project.name) : (x.unit ?? r.framework.name);
};
const subjectOf = (r: AnyReview): string => ('project' in r ? r.project.name : r.framework.name);
const gradeChange = (r: AnyReview): string => {
  const claimed = r.claimed.grade ?? '—';
  const computed = r.computed.grade ?? '—';
  if (r.claimed.grade === null && r.claimed.total === null) return '—';
  if (r.gradeChanged === null) return `${claimed} → ${computed}？`;
  return r.gradeChanged ? `${claimed} → ${computed}` : '否 no';
};
const recomputed = (r: AnyReview): string => `${r.computed.total}${r.computed.complete ? '' : '（暂计）'}`;

const HEADER = ['文件 File', '单位 Unit', '所填 Claimed', '复核 Recomputed', '等级变化 Grade change', '错误 Errors', '警告 Warnings'];

/** The summary table: one line per file; files that could not be read say why. */
function summaryTable(results: readonly Reviewed[], root: string): string {
  const rows = results.map((x) => {
    const name = relative(root, x.file) || basename(x.file);
    if (x.review === undefined) return { name, reason: x.reason ?? '' };
    const r = x.review;
    return { name, cells: [name, unitOf(x), r.claimed.total ?? '—', recomputed(r), gradeChange(r), String(r.counts.error), String(r.counts.warning)] };
  });
  const all = [HEADER, ...rows.flatMap((r) => (r.cells === undefined ? [] : [r.cells]))];
  const cols = HEADER.map((_, i) => all.reduce((m, row) => Math.max(m, width(row[i] ?? '')), 0));
  cols[0] = Math.max(cols[0] ?? 0, ...rows.map((r) => width(r.name)));
  const line = (row: readonly string[]) => row.map((c, i) => (i >= 2 && i !== 4 ? padStart(c, cols[i] ?? 0) : padEnd(c, cols[i] ?? 0))).join('  ').trimEnd();
  const body = rows.map((r) => (r.cells === undefined ? `${padEnd(r.name, cols[0] ?? 0)}  无法复核 cannot review: ${r.reason}` : line(r.cells)));
  const errors = results.reduce((n, x) => n + (x.review?.counts.error ?? 0), 0);
  const failed = results.filter((x) => x.review === undefined).length;
  return [line(HEADER), ...body, '', `共 ${results.length} 份，无法复核 ${failed} 份，错误 ${errors} 处 / ${results.length} forms, ${failed} could not be reviewed, ${errors} errors`].join('\n');
}

/** The summary as CSV, UTF-8 with a BOM so that Excel opens it as such. */
function summaryCsv(results: readonly Reviewed[], root: string): string {
  const head = ['文件 file', '单位 unit', '项目 project', '所填总分 claimed total', '复核总分 recomputed total', '复核完整 complete', '所填等级 claimed grade', '复核等级 recomputed grade', '等级改变 grade changed', '错误 errors', '警告 warnings', '提示 notices', '无法复核原因 reason'];
  const lines = results.map((x) => {
    const name = relative(root, x.file) || basename(x.file);
    const r = x.review;
    if (r === undefined) return [name, '', '', '', '', '', '', '', '', '', '', '', x.reason ?? ''];
    return [name, unitOf(x), subjectOf(r), r.claimed.total ?? '', r.computed.total, String(r.computed.complete), r.claimed.grade ?? '', r.computed.grade ?? '', r.gradeChanged === null ? '' : String(r.gradeChanged), String(r.counts.error), String(r.counts.warning), String(r.counts.notice), ''];
  });
  return csvDocument(head, lines);
}

/**
 * 运行 `jixiao review`。Runs `jixiao review`.
 *
 * @param args the parsed arguments
 * @param io output streams
 * @returns the exit code: 0 when no form has an error-level finding and every file was reviewed; 1 otherwise
 */
export async function review(args: ReviewArgs, io: ReviewIo): Promise<number> {
  // The summary CSV written into the folder reviewed is not a form of the next run.
  const summary = args.summary === undefined ? undefined : resolve(args.summary);
  const files = formsUnder(args.path).filter((f) => resolve(f) !== summary);
  const root = statSync(args.path).isDirectory() ? args.path : join(args.path, '..');
  const bar = args.progress && io.tty && files.length > 1 ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} 份 forms | ETA {eta}s', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(files.length, 0);
  const results: Reviewed[] = [];
  for (const file of files) {
    results.push(await reviewFile(file, args.encoding));
    bar?.increment();
  }
  bar?.stop();
  if (args.out !== undefined) {
    mkdirSync(args.out, { recursive: true });
    const used = new Set<string>();
    for (const x of results) {
      if (x.review === undefined) continue;
      // The file's own name, extension included (form.yaml and form.xlsx are two forms); never one memo over another.
      let stem = (relative(root, x.file) || basename(x.file)).replace(/[\\/]/g, '__');
      for (let n = 2; used.has(stem); n++) stem = `${stem}-${n}`;
      used.add(stem);
      writeFileSync(join(args.out, `${stem}.md`), formatReviewMarkdown(x.review));
      writeFileSync(join(args.out, `${stem}.html`), formatReviewHtml(x.review));
    }
  }
  if (args.summary !== undefined) writeFileSync(args.summary, summaryCsv(results, root));
  if (args.format === 'json') {
    io.out(JSON.stringify(results.map((x) => (x.review === undefined ? { file: x.file, reason: x.reason } : { file: x.file, review: { ...x.review, sheet: undefined } })), null, 2));
  } else io.out(summaryTable(results, root));
  const bad = results.some((x) => x.review === undefined || x.review.counts.error > 0);
  return bad ? EXIT.issues : EXIT.ok;
}
