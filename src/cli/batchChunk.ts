/*
 * 批量计分的一块记录。Scoring one chunk of `jixiao batch` records into output text and partial statistics: the
 * same code runs in the main thread (`--jobs 1`) and in each worker thread.
 */
import { isAscii } from 'node:buffer';
import { makeFormIssue } from '../errors/formMessages.js';
import type { Issue } from '../errors/issue.js';
import type { BatchResult, Scorer, Template } from '../index.js';
import { scoreOne, scoreSelfEvaluations, type BatchRecord } from '../fast/scoreMany.js';
import { csvCells } from './csvRecord.js';

/** One raw record: a JSONL line, a CSV record's text (cut into cells where it is scored), or a line that could not be read. */
export type RawRecord =
  | { readonly line: number; readonly json: string }
  | { readonly line: number; readonly csv: string }
  | { readonly line: number; readonly error: string };

/**
 * The records of a block of JSONL text that ends at a line end: one per line that is not blank (white space only). `firstLine` is the line number of the block's first line. (The reader removes a byte-order mark.)
 */
export function jsonlRecords(text: string, firstLine: number): RawRecord[] {
  const out: RawRecord[] = [];
  let line = firstLine;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const json = text.slice(at, end);
    if (!BLANK.test(json)) out.push({ line, json });
    line++;
    at = end + 1;
  }
  return out;
}

/**
 * The text of a block of UTF-8 bytes. An all-ASCII block (the usual JSONL of numbers and ids) is read as Latin-1:
 * the same characters, copied byte for byte into a one-byte string, without UTF-8 decoding.
 */
export function blockText(block: Uint8Array): string {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  return isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8');
}

/** A blank line: ASCII white space only (the same test `countJsonl` makes on the bytes). */
export const BLANK = /^[ \t\r\v\f]*$/;

/** How many records `jsonlRecords` finds in a block, and how many lines it spans (counted on the bytes). */
export function countJsonl(block: Buffer): { records: number; lines: number } {
  let records = 0;
  let lines = 0;
  let at = 0;
  while (at < block.length) {
    let end = block.indexOf(10, at);
    if (end < 0) end = block.length;
    // A line of spaces, tabs and "\r" only is empty (as `jsonlRecords` sees it, `BLANK`).
    let blank = true;
    for (let k = at; k < end && blank; k++) {
      const b = block[k] as number;
      blank = b === 32 || b === 9 || b === 13 || b === 11 || b === 12;
    }
    if (!blank) records++;
    lines++;
    at = end + 1;
  }
  return { records, lines };
}

/** Output settings, the same in every thread. */
export interface ChunkConfig {
  readonly output: 'csv' | 'jsonl';
  /** CSV header of the records (for rows). */
  readonly columns?: readonly string[];
  /** Indices into `Scorer.nodes` of the indicator columns to write. */
  readonly nodeColumns: readonly number[];
  /** Decimal places of the totals (for exact sums in the summary). */
  readonly precision: number;
  /** May a JSONL line be an evaluation `{ id?, values, notApplicable? }`? (Not when an input is named "values".) */
  readonly envelope: boolean;
}

/** Statistics of a chunk; `merge` adds them up. Sums are integers in units of 10^-precision (exact). */
export interface ChunkStats {
  count: number;
  complete: number;
  totalUnits: number;
  grades: { [label: string]: number };
  /** Points lost per leaf (units), in `Scorer.nodes` order. */
  lost: number[];
  /** Records handed from the fast path to the decimal path. */
  exact: number;
}

/** Empty statistics for `nodes` indicators. */
export const emptyStats = (nodes: number): ChunkStats => ({ count: 0, complete: 0, totalUnits: 0, grades: {}, lost: new Array<number>(nodes).fill(0), exact: 0 });

/** Adds `b` into `a`. */
export function merge(a: ChunkStats, b: ChunkStats): void {
  a.count += b.count;
  a.complete += b.complete;
  a.totalUnits += b.totalUnits;
  a.exact += b.exact;
  for (const [label, n] of Object.entries(b.grades)) a.grades[label] = (a.grades[label] ?? 0) + n;
  b.lost.forEach((x, i) => (a.lost[i] = (a.lost[i] ?? 0) + x));
}

/** A CSV field, quoted when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV cell as the value it stands for: JSON objects (tier choices, checks) are read as objects. */
function cell(text: string): unknown {
  const t = text.trim();
  if (t.startsWith('{') && t.endsWith('}')) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

const brief = (issues: readonly Issue[]): string => issues.map((i) => `${i.code}@${i.path.join('.')}`).join('; ');

/** What scores the records: a framework's scorer, or a template for self-evaluation documents. */
export type Engine = { readonly scorer: Scorer } | { readonly template: Template };

/** Scores a chunk with a scorer or, for self-evaluations, a template (see `scoreChunk`). */
export function scoreWith(engine: Engine, records: readonly RawRecord[], start: number, config: ChunkConfig): { text: string; stats: ChunkStats } {
  return 'scorer' in engine ? scoreChunk(engine.scorer, records, start, config) : scoreForms(engine.template, records, start, config);
}

/** Self-evaluation documents, one per JSONL line, scored under one template. */
function scoreForms(template: Template, records: readonly RawRecord[], start: number, config: ChunkConfig): { text: string; stats: ChunkStats } {
  const stats = emptyStats(0);
  const unit = 10 ** config.precision;
  const docs = records.map((r) => {
    if (!('json' in r)) return undefined;
    try {
      return JSON.parse(r.json) as unknown;
    } catch {
      return undefined;
    }
  });
  const lines: string[] = [];
  let i = 0;
  for (const scored of scoreSelfEvaluations(template, docs)) {
    const raw = records[i] as RawRecord;
    const bad = docs[i] === undefined ? makeFormIssue('malformed-record', ['records', start + i], { line: String(raw.line), reason: 'error' in raw ? raw.error : 'not JSON / 不是 JSON' }) : undefined;
    const r: BatchResult = bad === undefined
      ? { index: start + i, ...(scored.id === undefined ? {} : { id: scored.id }), complete: scored.complete, total: scored.total, grade: scored.grade, provisional: scored.provisional, scores: [], lost: [], issues: scored.issues, warnings: scored.warnings, path: 'exact' }
      : failed(start + i, bad);
    i++;
    stats.count++;
    stats.exact++;
    if (r.complete && r.total !== null) {
      stats.complete++;
      stats.totalUnits += Math.round(Number(r.total) * unit);
      if (r.grade !== null) stats.grades[r.grade] = (stats.grades[r.grade] ?? 0) + 1;
    }
    lines.push(config.output === 'jsonl' ? jsonLine(undefined, r, config) : csvLine(r, config));
  }
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, stats };
}

/**
 * Scores a chunk. Record `i` of the chunk has batch index `start + i`. Returns the output text (lines ending in
 * "\n") and the chunk's statistics.
 */
export function scoreChunk(scorer: Scorer, records: readonly RawRecord[], start: number, config: ChunkConfig): { text: string; stats: ChunkStats } {
  const stats = emptyStats(scorer.nodes.length);
  const unit = 10 ** config.precision;
  const leaves = scorer.nodes.map((n) => n.leaf);
  let text = '';
  // Record by record (parsed, scored, written), so that only one record's objects are alive at a time.
  for (let i = 0; i < records.length; i++) {
    const r = scoreRaw(scorer, records[i] as RawRecord, start + i, config);
    stats.count++;
    if (r.path === 'exact') stats.exact++;
    if (r.complete && r.total !== null) {
      stats.complete++;
      stats.totalUnits += Math.round(Number(r.total) * unit);
      if (r.grade !== null) stats.grades[r.grade] = (stats.grades[r.grade] ?? 0) + 1;
      const lost = r.lost;
      for (let k = 0; k < lost.length; k++) if (leaves[k] === true) stats.lost[k] = (stats.lost[k] ?? 0) + Math.round((lost[k] as number) * unit);
    }
    text += `${config.output === 'jsonl' ? jsonLine(scorer, r, config) : csvLine(r, config)}\n`;
  }
  return { text, stats };
}

/** One raw record scored as `scoreMany` scores it: a CSV record cut into cells, a parsed JSONL line, or its read failure. */
function scoreRaw(scorer: Scorer, raw: RawRecord, index: number, config: ChunkConfig): BatchResult {
  const malformed = (reason: string): BatchResult => failed(index, makeFormIssue('malformed-record', ['records', index], { line: String(raw.line), reason }));
  if ('error' in raw) return malformed(raw.error);
  let record: unknown;
  if ('csv' in raw) {
    const cells = csvCells(raw.csv);
    if (typeof cells === 'string') return malformed(cells);
    record = cells.map(cell);
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.json) as unknown;
    } catch (e) {
      return malformed((e as Error).message);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return malformed('not a JSON object / 不是 JSON 对象');
    // A line is the values object, or an evaluation `{ id?, values, notApplicable? }` (when no input is named "values").
    const envelope = config.envelope && typeof (parsed as { values?: unknown }).values === 'object';
    record = envelope ? parsed : { values: parsed };
  }
  return scoreOne(scorer, record as BatchRecord, index, config.columns);
}

function failed(index: number, issue: Issue): BatchResult {
  return { index, complete: false, total: null, grade: null, provisional: null, scores: [], lost: [], issues: [issue], warnings: [], path: 'exact' };
}

/** The CSV header of the output. */
export function csvHeader(scorer: Scorer | undefined, config: ChunkConfig): string {
  return ['index', 'id', 'total', 'grade', 'complete', 'provisional', 'issues', ...config.nodeColumns.map((k) => scorer?.nodes[k]?.id ?? '')].map(csvField).join(',');
}

/**
 * One output line. Only the id, the grade and the issues can hold a comma, a quote or a line break; the index, the
 * totals (fixed decimals) and the scores (JS numbers) never do, and are written as they are.
 */
function csvLine(r: BatchResult, config: ChunkConfig): string {
  let line = `${r.index},${r.id === undefined ? '' : csvField(r.id)},${r.total ?? ''},${r.grade === null ? '' : csvField(r.grade)},${r.complete ? 'true' : 'false'},${r.provisional ?? ''},${r.issues.length === 0 ? '' : csvField(brief(r.issues))}`;
  for (const k of config.nodeColumns) {
    const s = r.scores[k];
    line += s === undefined ? ',' : `,${s}`;
  }
  return line;
}

function jsonLine(scorer: Scorer | undefined, r: BatchResult, config: ChunkConfig): string {
  const scores: { [id: string]: number } = {};
  for (const k of config.nodeColumns) {
    const s = r.scores[k];
    if (s !== undefined) scores[scorer?.nodes[k]?.id ?? String(k)] = s;
  }
  return JSON.stringify({
    index: r.index,
    ...(r.id === undefined ? {} : { id: r.id }),
    total: r.total,
    grade: r.grade,
    complete: r.complete,
    ...(r.provisional === null ? {} : { provisional: r.provisional }),
    scores,
    ...(r.issues.length === 0 ? {} : { issues: r.issues.map((x) => ({ code: x.code, path: x.path, message: x.message, messageEn: x.messageEn })) }),
  });
}
