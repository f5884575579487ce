/*
 * `jixiao batch`：流式批量计分。Streams records from a JSONL or CSV file through the fast scorer and writes one
 * result line per record, with a summary at the end. See docs/cli.md.
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { setImmediate as setImmediatePromise, setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import cliProgress from 'cli-progress';
import { add, cmp, dec, div, mul, pow10, toFixed, ZERO, type Dec } from '../calc/decimal.js';
import { createScorer, frameworkInputs, type FrameworkDefinition, type RoundingMode, type Scorer, type TemplateDefinition } from '../index.js';
import { templateRounding } from '../selfEval/template.js';
import type { WorkerData } from './batchWorker.js';
import { BLANK, blockRecords, countJsonl, csvHeader, emptyStats, LOST_PLACES, merge, scoreWith, type ChunkStats, type Engine, type RawRecord } from './batchChunk.js';
import { isTemplateFile, loadFramework, loadTemplate } from './commands.js';
import { csvCells } from './csvRecord.js';
import { EXIT, FileError, IssuesFound, UsageError } from './failures.js';
import { cannotRead, errorReason, notText, strictText } from './readText.js';

/** 批量命令的选项。Options of `jixiao batch`. */
export interface BatchArgs {
  readonly framework: string;
  readonly records: string;
  readonly out?: string;
  readonly output: 'csv' | 'jsonl';
  readonly columns: string;
  readonly encoding?: 'utf8' | 'gbk';
  readonly jobs: number;
  readonly progress: boolean;
}

/** Where the command writes: data to a file descriptor, messages to stderr. */
export interface BatchIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Is stderr a terminal (progress bar)? */
  readonly tty: boolean;
}

/**
 * Records read line by line (CSV records as their texts, and JSONL lines not in UTF-8) scored as one chunk, in the
 * main thread or a worker. Small: a chunk's records stay alive until it is scored, and 2,000 parsed CSV rows outlived
 * V8's young generation (CSV batches then spent ~45% of their time in GC); 128 keeps the messages to workers few.
 */
const CHUNK = 128;

/** Has this process asked for a lean heap (`leanHeap`)? */
let lean = false;

/**
 * 小堆运行。Keeps the heap of a `jixiao batch` process small: records stream through in constant memory, but V8
 * would still grow its young generation to 32 MB and let its old generation grow far before collecting it. Two of
 * V8's heap-sizing heuristics, which it reads at each collection, are set for this process (the command's own; the
 * library never does this): the young generation keeps its initial size, the old one grows by 10% at a time.
 * Measured by `npm run bench:stream` (peak RSS; docs/cli.md). Called by the command's entry point only, never by
 * tests running in a shared process. Starting a worker thread sets V8's flags back to their defaults (measured in
 * Node 20: the main thread's young generation then grew to 32 MB with `--jobs 2`), so the pool sets them again
 * once each worker is online (`relean`).
 */
export function leanHeap(): void {
  lean = true;
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=10');
}

/** Sets the lean heap's flags again if the process asked for them (after a worker thread started). */
const relean = (): void => {
  if (lean) leanHeap();
};

/** Parses the arguments after `batch`. */
export function parseBatchArgs(argv: readonly string[]): BatchArgs {
  const positional: string[] = [];
  const opts: { [k: string]: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      if (arg === '-o') {
        const value = argv[++i];
        // Without this check, `-o ''` wrote to a file named ".<pid>.part" and failed renaming it (exit 3).
        if (value === undefined || value === '') throw new UsageError('-o 需要一个文件名 / -o needs a file name');
        opts['--out'] = value;
      } else positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === '--no-progress') {
      opts[name] = 'true';
      continue;
    }
    if (!['--out', '--format', '--columns', '--encoding', '--jobs'].includes(name)) throw new UsageError(`未知选项 / Unknown option: ${arg}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} 需要一个值 / ${name} needs a value`);
    opts[name] = value;
  }
  const [framework, records, ...extra] = positional;
  if (framework === undefined || records === undefined) throw new UsageError('用法 / Usage: jixiao batch <framework|preset:id> <records.jsonl|records.csv> [-o out.csv]');
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  const out = opts['--out'];
  const format = opts['--format'] ?? (out?.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv');
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError(`--format 只能是 csv 或 jsonl / --format must be csv or jsonl: ${format}`);
  const encoding = opts['--encoding'];
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'gbk') throw new UsageError(`--encoding 只能是 utf8 或 gbk / --encoding must be utf8 or gbk: ${encoding}`);
  const jobs = Number(opts['--jobs'] ?? '1');
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs 应为 1–64 的整数 / --jobs must be a whole number from 1 to 64`);
  return {
    framework,
    records,
    ...(out === undefined ? {} : { out }),
    output: format,
    columns: opts['--columns'] ?? 'level1',
    ...(encoding === undefined ? {} : { encoding }),
    jobs,
    progress: opts['--no-progress'] === undefined,
  };
}

/** The indicator columns `--columns` names: none, level1, leaves, all, or ids separated by commas. */
function nodeColumns(scorer: Scorer, spec: string): number[] {
  const all = scorer.nodes.map((_, i) => i);
  if (spec === 'none') return [];
  if (spec === 'all') return all;
  if (spec === 'level1') return all.filter((i) => scorer.nodes[i]?.level === 1);
  if (spec === 'leaves') return all.filter((i) => scorer.nodes[i]?.leaf === true);
  return spec.split(',').map((id) => {
    const i = scorer.nodes.findIndex((n) => n.id === id.trim());
    if (i < 0) throw new UsageError(`--columns 中的指标不存在 / No indicator "${id}" in --columns`);
    return i;
  });
}

/**
 * Is the file UTF-8? Checked on 64 kB from its first non-ASCII byte (input names and numbers are ASCII, so the first
 * Chinese text may come late); invalid UTF-8 there means GBK, as Excel in China saves CSV. All ASCII is UTF-8.
 * Reads at positions, so only a regular file (the caller checks).
 */
function detectEncoding(path: string): 'utf8' | 'gbk' {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new FileError(cannotRead(path, e));
  }
  try {
    const buf = Buffer.alloc(65536);
    let position = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, position);
      if (n === 0) return 'utf8';
      // All ASCII (checked natively, not byte by byte in JavaScript: a CSV of a million records is ~600 MB).
      if (isAscii(buf.subarray(0, n))) {
        position += n;
        continue;
      }
      const first = buf.subarray(0, n).findIndex((b) => b >= 0x80);
      const m = readSync(fd, buf, 0, buf.length, position + first);
      let bytes = buf.subarray(0, m);
      // A multi-byte character cut at the end of a full sample is not an error. A sample that ends at the end of the
      // file is whole: trimming it would drop a GBK file's last character (two bytes that end like a cut UTF-8 one).
      if (m === buf.length) {
        while (bytes.length > 0 && ((bytes[bytes.length - 1] as number) & 0xc0) === 0x80) bytes = bytes.subarray(0, bytes.length - 1);
        if (bytes.length > 0 && (bytes[bytes.length - 1] as number) >= 0xc0) bytes = bytes.subarray(0, bytes.length - 1);
      }
      return strictText(bytes, 'utf8') === undefined ? 'gbk' : 'utf8';
    }
  } catch (e) {
    throw new FileError(cannotRead(path, e));
  } finally {
    closeSync(fd);
  }
}

/** A line break as readline cuts lines with `crlfDelay: Infinity`: "\r\n", "\n" or a lone "\r". */
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The lines of a file in its encoding (GBK decoded), a block of `BLOCK` bytes at a time: cut as readline cuts them,
 * but without an event and a queued entry per line (readline's queue kept a block's lines alive until read, and a
 * CSV batch spent almost half its time collecting them). A byte-order mark is kept, as readline keeps it. Decoding is
 * strict: a line whose bytes are not text in the encoding (a wrong `--encoding`, a file cut inside a character) is
 * null, to be reported on its line, never text with U+FFFD in it. Lines are cut on the bytes ("\r" and "\n" are
 * never part of a UTF-8 or GBK character), so a bad line leaves the others whole.
 */
export function* lineBlocks(path: string, encoding: 'utf8' | 'gbk', onBytes: (n: number) => void): Generator<(string | null)[]> {
  // The bytes of the unfinished last line, in pieces: a block without a line break is only added to them, so that a
  // line of many blocks is searched and joined once, not once per block.
  let pieces: Buffer[] = [];
  for (const chunk of syncBlocks(path)) {
    onBytes(chunk.length);
    const cut = lastBreak(chunk);
    if (cut < 0) {
      pieces.push(chunk);
      continue;
    }
    const head = chunk.subarray(0, cut + 1);
    const bytes = pieces.length === 0 ? head : Buffer.concat([...pieces, head]);
    pieces = cut + 1 < chunk.length ? [chunk.subarray(cut + 1)] : [];
    const lines = decodeLines(bytes, encoding);
    // The bytes end with a line break: what follows it is no line.
    lines.pop();
    if (lines.length > 0) yield lines;
  }
  if (pieces.length === 0) return;
  const lines = decodeLines(Buffer.concat(pieces), encoding);
  // A last line break ends the last line; it does not start an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  yield lines;
}

/**
 * The position of a block's last line break, or −1. A "\r" that ends the block may be the first half of a "\r\n"
 * the block cuts: it waits for the next block (an earlier break is taken).
 */
function lastBreak(chunk: Buffer): number {
  const at = (end: number): number => (end < 0 ? -1 : Math.max(chunk.lastIndexOf(10, end), chunk.lastIndexOf(13, end)));
  const cut = at(chunk.length - 1);
  return cut === chunk.length - 1 && chunk[cut] === 13 ? at(cut - 1) : cut;
}

/** The lines of some bytes (split as `LINE_BREAK` splits text); a line that is not text in the encoding is null. */
function decodeLines(bytes: Buffer, encoding: 'utf8' | 'gbk'): (string | null)[] {
  const text = strictText(bytes, encoding, true);
  if (text !== undefined) return text.split(LINE_BREAK);
  // Some line is not text: each line decoded on its own (rare, so byte by byte here).
  const lines: (string | null)[] = [];
  let at = 0;
  for (let k = 0; k <= bytes.length; k++) {
    const b = bytes[k];
    if (k < bytes.length && b !== 10 && b !== 13) continue;
    lines.push(strictText(bytes.subarray(at, k), encoding, true) ?? null);
    if (b === 13 && bytes[k + 1] === 10) k++;
    at = k + 1;
  }
  return lines;
}

/**
 * The records of a file, as raw records, with the CSV header when it has one. Every line ends up in a record or in a
 * read failure on its line number. A CSV header that cannot be read is a file error: its columns are unknown, and
 * taking the next row for them would lose that row.
 */
function* rawRecords(path: string, kind: 'csv' | 'jsonl', encoding: 'utf8' | 'gbk', onBytes: (n: number) => void, header: (columns: string[]) => void): Generator<RawRecord> {
  const blocks = lineBlocks(path, encoding, onBytes);
  if (kind === 'jsonl') {
    let line = 0;
    for (const lines of blocks) {
      for (const l of lines) {
        line++;
        if (l === null) {
          yield { line, error: notText(encoding) };
          continue;
        }
        const json = line === 1 && l.charCodeAt(0) === 0xfeff ? l.slice(1) : l;
        if (BLANK.test(json)) continue;
        yield { line, json };
      }
    }
    return;
  }
  // Records are cut out line by line (a quoted cell may span lines): a syntax error is then reported on its record's
  // line and never swallows the records after it.
  const lines = blocks[Symbol.iterator]();
  let block: (string | null)[] = [];
  let next = 0;
  const held: { line: number; text: string | null }[] = [];
  let lineNo = 0;
  let first = true;
  const nextLine = (): { line: number; text: string | null } | undefined => {
    const h = held.shift();
    if (h !== undefined) return h;
    while (next >= block.length) {
      const r = lines.next();
      if (r.done === true) return undefined;
      block = r.value;
      next = 0;
    }
    lineNo++;
    return { line: lineNo, text: block[next++] as string | null };
  };
  /** Is the count of double quotes in `t` odd (a quoted cell left open at the line end)? Counted without copies of the line. */
  const oddQuotes = (t: string): boolean => {
    let odd = false;
    for (let at = t.indexOf('"'); at >= 0; at = t.indexOf('"', at + 1)) odd = !odd;
    return odd;
  };
  const badHeader = (line: number, reason: string): FileError =>
    new FileError(`CSV 表头（第 ${line} 行）无法读取 / Cannot read the CSV header (line ${line}): ${reason}: ${path}`);
  for (let start = nextLine(); start !== undefined; start = nextLine()) {
    const text = start.text;
    if (text === null) {
      if (first) throw badHeader(start.line, notText(encoding));
      yield { line: start.line, error: notText(encoding) };
      continue;
    }
    if (WHITE.test(text)) continue;
    const parts: { line: number; text: string }[] = [{ line: start.line, text }];
    let open = oddQuotes(text);
    while (open && parts.length < MAX_RECORD_LINES) {
      const more = nextLine();
      if (more === undefined) break;
      if (more.text === null) {
        // A line that is not text ends the search; it is reported on its own line.
        held.unshift(more);
        break;
      }
      parts.push({ line: more.line, text: more.text });
      if (oddQuotes(more.text)) open = false;
    }
    const record = parts.length === 1 ? text : parts.map((p) => p.text).join('\n');
    // The header (which alone may start with a byte-order mark) and a record of several lines are read here: when the
    // lines joined are not CSV (a stray quote in an unquoted cell opens no quoted cell), only the first line is the
    // bad record, and the lines taken after it are read again, as when a quote is never closed. Otherwise a stray
    // quote swallowed the good rows up to the next one.
    const cells = open ? 'Quote Not Closed / 引号未闭合' : first || parts.length > 1 ? csvCells(record, first) : undefined;
    if (typeof cells === 'string') {
      if (first) throw badHeader(start.line, cells);
      held.unshift(...parts.slice(1));
      yield { line: start.line, error: cells };
      continue;
    }
    if (first) {
      first = false;
      header((cells as string[]).map((c) => c.trim()));
      continue;
    }
    // Its cells are cut where it is scored (in a worker thread with --jobs N), see `csvCells`.
    yield { line: start.line, csv: record };
  }
}

/** A line of white space only (what `trim` empties), tested without a trimmed copy. */
const WHITE = /^\s*$/;

/** A record (with quoted line breaks) may span at most this many lines. */
const MAX_RECORD_LINES = 100;

/** A piece of work: records read line by line (CSV texts, JSONL lines, read failures), or a block of JSONL text, and the index of its first record. */
type Work = { readonly records: RawRecord[]; readonly start: number; readonly columns?: readonly string[] } | { readonly block: Uint8Array; readonly firstLine: number; readonly start: number };

/**
 * Bytes read at a time (64 kB); JSONL blocks are about this size, cut at a line end. Kept well under 128 kB: V8 puts
 * a longer string in its large-object space, and making such strings cost ~5 µs per 1.3 kB record (measured: Latin-1 text of 127 MB
 * in 256 kB pieces 490 ms, in 64 kB pieces 22 ms).
 */
const BLOCK = 1 << 16;

/**
 * The blocks of a JSONL file (UTF-8), each cut at a line end, with the line number of its first line. Only the bytes
 * just read are searched for a line end, so a line of many blocks is joined once (searching and joining all the
 * pending bytes after each read took time quadratic in the line's length). Exported for its tests.
 */
export function* jsonlBlocks(path: string, onBytes: (n: number) => void): Generator<{ block: Buffer; firstLine: number; records: number }> {
  let pending: Buffer[] = [];
  let size = 0;
  // The position in the pending bytes of their last line end, or −1.
  let end = -1;
  let line = 1;
  let first = true;
  const cut = (all: Buffer, end: number): { block: Buffer; firstLine: number; records: number } => {
    const block = all.subarray(0, end);
    const { records, lines } = countJsonl(block);
    const out = { block, firstLine: line, records };
    line += lines;
    return out;
  };
  for (const data of syncBlocks(path)) {
    let chunk = data;
    onBytes(chunk.length);
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const nl = chunk.lastIndexOf(10);
    if (nl >= 0) end = size + nl;
    pending.push(chunk);
    size += chunk.length;
    if (size < BLOCK || end < 0) continue;
    const all = Buffer.concat(pending);
    yield cut(all, end + 1);
    pending = [all.subarray(end + 1)];
    size = all.length - end - 1;
    end = -1;
  }
  if (size > 0) yield cut(Buffer.concat(pending), size);
}

/**
 * A file's bytes, a block at a time, read synchronously: the file is read straight through (the system reads ahead),
 * and a stream's events, promises and waits for the thread pool cost ~10% of a batch (measured, 200,000 records).
 */
function* syncBlocks(path: string): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new FileError(cannotRead(path, e));
  }
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(BLOCK);
      let n: number;
      try {
        n = readSync(fd, buf, 0, BLOCK, null);
      } catch (e) {
        throw new FileError(cannotRead(path, e));
      }
      if (n === 0) return;
      yield n === BLOCK ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Heap limits of a worker: a chunk's records are short-lived, so a small young generation and a capped old one keep
 * each worker's memory low (without them each grows its heap lazily to well over 100 MB) at no measurable cost.
 */
const LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 64 };

/**
 * A pool of worker threads scoring chunks, results in submission order. A worker that fails (one chunk beyond its heap
 * limit, say a record of several megabytes) does not end the batch: the chunks it held, and every chunk given to it
 * later, are scored in the main thread by `local`, as with `--jobs 1`, so the output is the same.
 */
class Pool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { work: Work; worker: Worker; resolve: (r: { text: string; stats: ChunkStats }) => void; reject: (e: Error) => void }>();
  /** Workers that have failed or ended. */
  private readonly gone = new Set<Worker>();
  private next = 0;
  private closing = false;
  constructor(
    jobs: number,
    data: WorkerData,
    private readonly local: (work: Work) => { text: string; stats: ChunkStats },
  ) {
    const built = !import.meta.url.endsWith('.ts');
    const url = new URL(built ? './batch-worker.js' : './batchWorker.ts', import.meta.url);
    for (let i = 0; i < jobs; i++) {
      // From the sources (tests, `tsx`), the worker registers tsx itself before loading the TypeScript module.
      const w = built
        ? new Worker(url, { workerData: data, resourceLimits: LIMITS })
        : new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData: data, resourceLimits: LIMITS });
      w.once('online', relean);
      w.on('message', (m: { seq: number; text: string; stats: ChunkStats }) => {
        this.waiting.get(m.seq)?.resolve(m);
        this.waiting.delete(m.seq);
      });
      w.on('error', () => this.lose(w));
      w.on('exit', () => this.lose(w));
      this.workers.push(w);
    }
  }
  /** A worker has failed or ended: its chunks in flight are scored here (unless the pool is closing). */
  private lose(w: Worker): void {
    this.gone.add(w);
    if (this.closing) return;
    for (const [seq, p] of this.waiting) {
      if (p.worker !== w) continue;
      this.waiting.delete(seq);
      this.settle(p.work, p.resolve, p.reject);
    }
  }
  private settle(work: Work, resolve: (r: { text: string; stats: ChunkStats }) => void, reject: (e: Error) => void): void {
    try {
      resolve(this.local(work));
    } catch (e) {
      reject(e as Error);
    }
  }
  run(work: Work): Promise<{ text: string; stats: ChunkStats }> {
    const seq = this.next++;
    const worker = this.workers[seq % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      if (this.gone.has(worker)) {
        this.settle(work, resolve, reject);
        return;
      }
      this.waiting.set(seq, { work, worker, resolve, reject });
      // A block's bytes move to the worker: copied once into memory of their own (a read block shares the stream's
      // buffer), which is then transferred; the worker decodes them. The work keeps the original, should it come back.
      if ('block' in work) {
        const block = Uint8Array.prototype.slice.call(work.block);
        worker.postMessage({ seq, ...work, block }, [block.buffer as ArrayBuffer]);
      } else worker.postMessage({ seq, ...work });
    });
  }
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * `jixiao batch`：批量计分。Scores every record of a JSONL or CSV file; writes CSV or JSONL (to `--out` through a
 * temporary file renamed when done, else to stdout) and a summary.
 *
 * @param args the parsed arguments
 * @param io where messages go
 * @returns the exit code: 0 when every record is complete, 1 when any is not
 */
export async function batch(args: BatchArgs, io: BatchIo): Promise<number> {
  // A template (template:<id> or a template file) scores self-evaluation documents, one per JSONL line.
  const forms = isTemplateFile(args.framework);
  let engine: Engine;
  let scorer: Scorer | undefined;
  let envelope = false;
  /** The precision and rounding totals are written in: the summary's mean and sums are rounded the same way. */
  let rounding: { readonly precision: number; readonly rounding: RoundingMode };
  // What a worker thread starts from: the definition read and checked here.
  let source: { readonly framework: FrameworkDefinition } | { readonly template: TemplateDefinition };
  if (forms) {
    const t = loadTemplate(args.framework);
    if (t.template === undefined) throw new IssuesFound(t.groups);
    engine = { template: t.template };
    source = { template: t.template.definition };
    rounding = templateRounding(t.template.definition);
    if (args.records.toLowerCase().endsWith('.csv')) throw new UsageError('自评表批量计分读取 JSONL（每行一份自评表）/ Self-evaluations are read from JSONL, one document per line');
  } else {
    const fw = loadFramework(args.framework);
    if (fw.framework === undefined) throw new IssuesFound(fw.groups);
    scorer = createScorer(fw.framework);
    source = { framework: fw.framework.definition };
    rounding = scorer.options;
    engine = { scorer };
    const declared = frameworkInputs(fw.framework);
    envelope = declared.ok && declared.value.every((i) => i.name !== 'values');
  }
  let stat: Stats;
  try {
    stat = statSync(args.records);
  } catch (e) {
    throw new FileError(cannotRead(args.records, e));
  }
  if (stat.isDirectory()) throw new FileError(cannotRead(args.records, { code: 'EISDIR' }));
  const size = stat.size;
  const kind = args.records.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl';
  // Detecting the encoding reads ahead at positions: a pipe (or FIFO) cannot be read twice.
  if (kind === 'csv' && args.encoding === undefined && !stat.isFile()) {
    throw new FileError(`不是普通文件（管道？），无法识别其编码，请用 --encoding 指定 / Not a regular file (a pipe?): its encoding cannot be detected; give --encoding: ${args.records}`);
  }
  const encoding = args.encoding ?? (kind === 'csv' ? detectEncoding(args.records) : 'utf8');
  if (args.out !== undefined) checkOut(args.out);
  const config: { output: 'csv' | 'jsonl'; columns?: string[]; nodeColumns: number[]; precision: number; envelope: boolean } = {
    output: args.output,
    envelope,
    nodeColumns: scorer === undefined ? [] : nodeColumns(scorer, args.columns),
    precision: rounding.precision,
  };

  const temp = args.out === undefined ? undefined : `${args.out}.${process.pid}.part`;
  let fd = 1;
  const cleanup = (): void => {
    if (temp === undefined) return;
    if (fd !== 1) closeSync(fd);
    fd = 1;
    rmSync(temp, { force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  // The handlers come first: a signal that arrived after the temporary file was made but before them would end the
  // process the default way and leave the file behind.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  try {
    if (temp !== undefined) fd = openSync(temp, 'w');
  } catch (e) {
    release();
    throw new FileError(cannotWrite(args.out as string, e));
  }
  const target = args.out ?? '标准输出 / standard output';
  const write = async (text: string): Promise<void> => {
    if (text !== '') await writeAll(fd, text, target);
  };

  let bytes = 0;
  const bar = args.progress && io.tty ? new cliProgress.SingleBar({ format: '{bar} {percentage}% | {value}/{total} 字节 bytes | {records} 条 records | {speed} 条/秒 per s | ETA {eta}s', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(size, 0, { records: 0, speed: 0 });
  const started = Date.now();
  const stats = emptyStats(scorer?.nodes.length ?? 0);
  // N jobs: the main thread (which also reads and writes) and N − 1 worker threads, taking chunks in turn.
  /** A chunk scored in this thread. */
  const local = (work: Work): { text: string; stats: ChunkStats } => scoreWith(engine, 'block' in work ? blockRecords(work.block, work.firstLine) : work.records, work.start, config);
  const pool = args.jobs > 1 ? new Pool(args.jobs - 1, { config, ...source }, local) : undefined;
  let turn = 0;
  const pending: Promise<{ text: string; stats: ChunkStats }>[] = [];
  let headerWritten = false;
  const writeHeader = async (): Promise<void> => {
    if (headerWritten) return;
    headerWritten = true;
    if (args.output === 'csv') await write(`\uFEFF${csvHeader(scorer, config)}\n`);
  };
  const flush = async (limit: number): Promise<void> => {
    while (pending.length > limit) {
      const done = await (pending.shift() as Promise<{ text: string; stats: ChunkStats }>);
      await write(done.text);
      merge(stats, done.stats);
      bar?.update(bytes, { records: stats.count, speed: Math.round(stats.count / Math.max(0.001, (Date.now() - started) / 1000)) });
    }
  };

  // Has the reader of standard output gone (`| head`)? Then the batch ends quietly, as `jixiao` ends on EPIPE.
  let closed = false;
  try {
    let start = 0;
    const submit = async (work: Work): Promise<void> => {
      const here = pool === undefined || turn++ % args.jobs === 0;
      const next: Promise<{ text: string; stats: ChunkStats }> = here ? Promise.resolve(local(work)) : (pool as Pool).run(work);
      // A chunk that fails is awaited and reported in turn; the others must not surface as unhandled rejections.
      next.catch(() => undefined);
      pending.push(next);
      await flush(pool === undefined ? 0 : args.jobs * 2);
      // The file is read synchronously: the event loop gets a turn after each chunk, so that an interrupt (SIGINT,
      // SIGTERM) is handled now, not when the whole file has been scored.
      await setImmediatePromise();
    };
    await writeHeader();
    if (kind === 'jsonl' && encoding === 'utf8') {
      for (const b of jsonlBlocks(args.records, (n) => (bytes += n))) {
        await submit({ block: b.block, firstLine: b.firstLine, start });
        start += b.records;
      }
    } else {
      let chunk: RawRecord[] = [];
      for (const r of rawRecords(args.records, kind, encoding, (n) => (bytes += n), (columns) => (config.columns = columns))) {
        chunk.push(r);
        if (chunk.length >= CHUNK) {
          await submit({ records: chunk, start, ...(config.columns === undefined ? {} : { columns: config.columns }) });
          start += chunk.length;
          chunk = [];
        }
      }
      if (chunk.length > 0) await submit({ records: chunk, start, ...(config.columns === undefined ? {} : { columns: config.columns }) });
    }
    await flush(0);
  } catch (e) {
    cleanup();
    // Reading and writing report their own failures (FileError); anything else is a defect, reported as one.
    if (!(e instanceof OutputClosed)) throw e;
    closed = true;
  } finally {
    bar?.stop();
    await pool?.close();
    release();
  }
  if (closed) return EXIT.ok;
  if (temp !== undefined && args.out !== undefined) {
    try {
      closeSync(fd);
      fd = 1;
      renameSync(temp, args.out);
    } catch (e) {
      cleanup();
      throw new FileError(cannotWrite(args.out, e));
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = summarize(scorer, stats, config.precision, rounding.rounding, seconds);
  (args.out === undefined ? io.err : io.out)(summary);
  return stats.complete === stats.count ? EXIT.ok : EXIT.issues;
}

/** The reader of standard output has gone (EPIPE, `| head -2`): not a failure, the batch just ends. */
class OutputClosed extends Error {}

const WRITE_ERRORS: { readonly [code: string]: string } = {
  ENOENT: '目录不存在 / No such directory',
  ENOTDIR: '路径中有一段不是目录 / A part of the path is not a directory',
  EISDIR: '是目录而不是文件 / Is a directory, not a file',
  EACCES: '没有写入权限 / Permission denied',
  EPERM: '没有写入权限 / Permission denied',
  EROFS: '只读文件系统 / Read-only file system',
  ENOSPC: '磁盘空间不足 / No space left on the device',
};

/** Why the output cannot be written, as one bilingual line naming it. */
function cannotWrite(path: string, e: unknown): string {
  return `无法写入输出 / Cannot write the output: ${errorReason(e, WRITE_ERRORS, '写入失败 / Write failed')}: ${path}`;
}

/** Refuses an output path that is a directory before any record is scored (renaming onto it would fail at the end). */
function checkOut(out: string): void {
  let dir = false;
  try {
    dir = statSync(out).isDirectory();
  } catch {
    // Not there yet: it is made at the end.
  }
  if (dir) throw new FileError(cannotWrite(out, { code: 'EISDIR' }));
}

/**
 * Writes all of a text to a file descriptor. Standard output may be non-blocking (a pipe, once Node has set up
 * `process.stdout`): a write may then take only part of the bytes, or none (EAGAIN) while the reader is behind, so
 * the rest is written again, after a short wait when none was taken. Writing the text once and ignoring the count lost
 * records, or ended the batch.
 *
 * @param fd where to write
 * @param text what to write
 * @param target the output's name, for messages
 * @throws OutputClosed when the reader of a pipe has gone (EPIPE)
 * @throws FileError when the output cannot be written
 */
async function writeAll(fd: number, text: string, target: string): Promise<void> {
  const bytes = Buffer.from(text);
  let wait = 1;
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
      wait = 1;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new OutputClosed();
      if (code !== 'EAGAIN') throw new FileError(cannotWrite(target, e));
      await sleep(wait);
      wait = Math.min(wait * 2, 50);
    }
  }
}

/**
 * The summary: count, grades, mean, the indicators losing most points. The mean and the sums are exact (see
 * `ChunkStats`) and rounded once, at the framework's precision and in its rounding mode.
 */
function summarize(scorer: Scorer | undefined, s: ChunkStats, precision: number, rounding: RoundingMode, seconds: number): string {
  const sum = dec((BigInt(s.totalUnits) + s.totalCarry).toString());
  const mean = s.complete === 0 ? '—' : toFixed(div(sum, mul(dec(s.complete), pow10(precision))), precision, rounding);
  const grades = Object.entries(s.grades)
    .map(([label, n]) => `${label} ${n}`)
    .join('，');
  const lostPow = pow10(LOST_PLACES);
  const losing = s.lostUnits
    .map((units, i): { lost: Dec; node: Scorer['nodes'][number] | undefined } => ({
      lost: add(div(dec((BigInt(units) + (s.lostCarry[i] ?? 0n)).toString()), lostPow), dec((s.lostRest[i] ?? 0) + (s.lostComp[i] ?? 0))),
      node: scorer?.nodes[i],
    }))
    .filter((x) => cmp(x.lost, ZERO) > 0 && x.node !== undefined)
    .sort((a, b) => cmp(b.lost, a.lost))
    .slice(0, 5)
    .map((x) => `  ${x.node?.path.join(' / ')}（${x.node?.id}）: ${toFixed(x.lost, precision, rounding)}`);
  return [
    `记录 records: ${s.count}，完整 complete: ${s.complete}，不完整 incomplete: ${s.count - s.complete}（${seconds.toFixed(1)} 秒 s，${Math.round(s.count / Math.max(seconds, 0.001))} 条/秒 per s）`,
    `等级分布 grades: ${grades === '' ? '—' : grades}`,
    `平均分 mean total（完整记录 complete records）: ${mean}`,
    `失分最多的指标 indicators losing most points（合计 summed over complete records）:`,
    ...(losing.length === 0 ? ['  —'] : losing),
  ].join('\n');
}

