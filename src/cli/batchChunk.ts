/*
 * 批量计分的一块记录。Scoring one chunk of `jixiao batch` records into output text and partial statistics: the
 * same code runs in the main thread (`--jobs 1`) and in each worker thread.
 */
import { isAscii } from 'node:buffer';
import { makeFormIssue } from '../errors/formMessages.js';
import type { Issue } from '../errors/issue.js';
import type { BatchResult, Scorer, Template } from '../index.js';
import { scoreOne, scoreSelfEvaluations, type BatchRecord } from '../fast/scoreMany.js';
import { unscored } from '../fast/scorer.js';
import { csvCells } from './csvRecord.js';
import { withMissingInputs } from './issues.js';
import { notText, strictText } from './readText.js';
import { duplicateKeyOf } from './jsonKeys.js';

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
 * The records of a block of UTF-8 JSONL bytes that ends at a line end (see `jsonlRecords`). An all-ASCII block (the
 * usual JSONL of numbers and ids) is read as Latin-1: the same characters, copied byte for byte into a one-byte
 * string, without UTF-8 decoding. Other blocks are decoded strictly: a line that is not UTF-8 (a GBK file read
 * without `--encoding gbk`) is that record's `malformed-record`, never text with U+FFFD in it.
 *
 * @param block the bytes, ending at a line end (or at the end of the file)
 * @param firstLine the line number of the block's first line
 * @returns the records, one per line that is not blank
 */
export function blockRecords(block: Uint8Array, firstLine: number): RawRecord[] {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.byteLength);
  if (isAscii(buf)) return jsonlRecords(buf.toString('latin1'), firstLine);
  const text = strictText(buf, 'utf8', true);
  if (text !== undefined) return jsonlRecords(text, firstLine);
  // Some line is not UTF-8: each line decoded on its own ("\n" is never part of a UTF-8 character).
  const out: RawRecord[] = [];
  let line = firstLine;
  for (let at = 0; at < buf.length; line++) {
    let end = buf.indexOf(10, at);
    if (end < 0) end = buf.length;
    const json = strictText(buf.subarray(at, end), 'utf8', true);
    if (json === undefined) out.push({ line, error: notText('utf8') });
    else if (!BLANK.test(json)) out.push({ line, json });
    at = end + 1;
  }
  return out;
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

/**
 * Statistics of a chunk; `merge` adds them up. The sums are exact, so that the summary rounds once: totals in whole
 * units of 10^-precision (a total is a decimal text of that many places); points lost in whole units of
 * 10^-`LOST_PLACES` (a leaf's lost points are the JS number nearest a decimal of at most that many places, except a
 * quotient that does not terminate, with rounding at the total only), those that are not whole units in a
 * compensated float sum. A whole-unit sum that would leave int53 moves to its bigint carry.
 */
export interface ChunkStats {
  count: number;
  complete: number;
  totalUnits: number;
  totalCarry: bigint;
  grades: { [label: string]: number };
  /** Points lost per leaf, whole units of 10^-LOST_PLACES, in `Scorer.nodes` order. */
  lostUnits: number[];
  lostCarry: bigint[];
  /** Points lost per leaf that are not whole units: Neumaier's sum and its compensation. */
  lostRest: number[];
  lostComp: number[];
  /** Records handed from the fast path to the decimal path. */
  exact: number;
}

/** The places of the units in which points lost are summed: the most a framework's precision can have. */
export const LOST_PLACES = 10;
const LOST_POW = 10 ** LOST_PLACES;
/** Whole-unit sums stay within ±2^52 (exact, and a unit added to them is exact too). */
const MAX_UNITS = 2 ** 52;

/** Empty statistics for `nodes` indicators. */
export const emptyStats = (nodes: number): ChunkStats => ({
  count: 0,
  complete: 0,
  totalUnits: 0,
  totalCarry: 0n,
  grades: {},
  lostUnits: new Array<number>(nodes).fill(0),
  lostCarry: new Array<bigint>(nodes).fill(0n),
  lostRest: new Array<number>(nodes).fill(0),
  lostComp: new Array<number>(nodes).fill(0),
  exact: 0,
});

/** Adds `b` into `a` (whole units into `a`'s carries). */
export function merge(a: ChunkStats, b: ChunkStats): void {
  a.count += b.count;
  a.complete += b.complete;
  a.totalCarry += BigInt(b.totalUnits) + b.totalCarry;
  a.exact += b.exact;
  for (const [label, n] of Object.entries(b.grades)) a.grades[label] = (a.grades[label] ?? 0) + n;
  for (let k = 0; k < b.lostUnits.length; k++) {
    a.lostCarry[k] = (a.lostCarry[k] ?? 0n) + BigInt(b.lostUnits[k] as number) + (b.lostCarry[k] as bigint);
    addRest(a, k, b.lostRest[k] as number);
    addRest(a, k, b.lostComp[k] as number);
  }
}

/** Adds a complete record's total (a decimal text of `places` places) to the statistics, exactly. */
function addTotal(stats: ChunkStats, total: string, places: number): void {
  const units = textUnits(total, places);
  const next = stats.totalUnits + units;
  if (next > MAX_UNITS || next < -MAX_UNITS) {
    stats.totalCarry += BigInt(stats.totalUnits);
    stats.totalUnits = units;
  } else stats.totalUnits = next;
}

/** A decimal text with at most `places` places ("94.5", "-3") in whole units of 10^-places, read without a float. */
export function textUnits(text: string, places: number): number {
  const point = text.indexOf('.');
  const int = point < 0 ? text : text.slice(0, point);
  const frac = point < 0 ? '' : text.slice(point + 1);
  return Number(`${int}${frac.padEnd(places, '0')}`);
}

/** Adds points leaf `k` lost in one record: whole units exactly, anything else to the compensated rest. */
function addLost(stats: ChunkStats, k: number, x: number): void {
  const units = Math.round(x * LOST_POW);
  // `units / 10^P === x` exactly when x is the number nearest the decimal units × 10^-P (division rounds correctly).
  if (units / LOST_POW !== x || units > MAX_UNITS || units < -MAX_UNITS) {
    addRest(stats, k, x);
    return;
  }
  const sum = stats.lostUnits[k] as number;
  const next = sum + units;
  if (next > MAX_UNITS || next < -MAX_UNITS) {
    stats.lostCarry[k] = (stats.lostCarry[k] as bigint) + BigInt(sum);
    stats.lostUnits[k] = units;
  } else stats.lostUnits[k] = next;
}

/** Neumaier's compensated summation: the rounding error of each addition is kept in `lostComp`. */
function addRest(stats: ChunkStats, k: number, x: number): void {
  if (x === 0) return;
  const sum = stats.lostRest[k] as number;
  const next = sum + x;
  stats.lostComp[k] = (stats.lostComp[k] as number) + (Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum);
  stats.lostRest[k] = next;
}

/** A CSV field, quoted when needed. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value.startsWith(' ') || value.endsWith(' ') ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV cell as the value it stands for: JSON objects (tier choices, checks) are read as objects (never the `id` column's, see `scoreRaw`). */
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

/** The `issues` cell: each issue as code@path, once (an input missing for two indicators is one missing input). */
const brief = (issues: readonly Issue[]): string => [...new Set(issues.map((i) => `${i.code}@${i.path.join('.')}`))].join('; ');

/**
 * What a result line lists as its issues: the issues, then each missing input (a warning in the sheet, as `jixiao
 * score` reports it), so that an incomplete record always says why it is incomplete.
 */
const shown = (r: BatchResult): readonly Issue[] => (r.complete || r.warnings.length === 0 ? r.issues : withMissingInputs(r.issues, r.warnings));

/** What scores the records: a framework's scorer, or a template for self-evaluation documents. */
export type Engine = { readonly scorer: Scorer } | { readonly template: Template };

/** Scores a chunk with a scorer or, for self-evaluations, a template (see `scoreChunk`). */
export function scoreWith(engine: Engine, records: readonly RawRecord[], start: number, config: ChunkConfig): { text: string; stats: ChunkStats } {
  return 'scorer' in engine ? scoreChunk(engine.scorer, records, start, config) : scoreForms(engine.template, records, start, config);
}

/** The reason given for a line with a key written twice in one object. */
const twice = (key: string): string => `重复的键“${key}” / duplicate key "${key}"`;

/** Self-evaluation documents, one per JSONL line, scored under one template. */
function scoreForms(template: Template, records: readonly RawRecord[], start: number, config: ChunkConfig): { text: string; stats: ChunkStats } {
  const stats = emptyStats(0);
  /** Why a line is no document (a duplicate key), when it is JSON. */
  const why: (string | undefined)[] = [];
  const docs = records.map((r, k) => {
    if (!('json' in r)) return undefined;
    try {
      const doc = JSON.parse(r.json) as unknown;
      const duplicate = duplicateKeyOf(r.json, doc);
      if (duplicate === undefined) return doc;
      why[k] = twice(duplicate.key);
      return undefined;
    } catch {
      return undefined;
    }
  });
  const lines: string[] = [];
  let i = 0;
  for (const scored of scoreSelfEvaluations(template, docs)) {
    const raw = records[i] as RawRecord;
    const bad = docs[i] === undefined ? makeFormIssue('malformed-record', ['records', start + i], { line: String(raw.line), reason: 'error' in raw ? raw.error : (why[i] ?? 'not JSON / 不是 JSON') }) : undefined;
    const r: BatchResult = bad === undefined
      ? { index: start + i, ...(scored.id === undefined ? {} : { id: scored.id }), complete: scored.complete, total: scored.total, grade: scored.grade, provisional: scored.provisional, scores: [], lost: [], issues: scored.issues, warnings: scored.warnings, path: 'exact' }
      : failed(start + i, bad);
    i++;
    stats.count++;
    stats.exact++;
    if (r.complete && r.total !== null) {
      stats.complete++;
      addTotal(stats, r.total, config.precision);
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
  const leaves = scorer.nodes.map((n) => n.leaf);
  let text = '';
  // Record by record (parsed, scored, written), so that only one record's objects are alive at a time.
  for (let i = 0; i < records.length; i++) {
    const r = scoreRaw(scorer, records[i] as RawRecord, start + i, config);
    stats.count++;
    if (r.path === 'exact') stats.exact++;
    if (r.complete && r.total !== null) {
      stats.complete++;
      addTotal(stats, r.total, config.precision);
      if (r.grade !== null) stats.grades[r.grade] = (stats.grades[r.grade] ?? 0) + 1;
      const lost = r.lost;
      for (let k = 0; k < lost.length; k++) if (leaves[k] === true) addLost(stats, k, lost[k] as number);
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
    // The id is text as written, even when it looks like a JSON object.
    const idAt = config.columns === undefined ? -1 : config.columns.indexOf('id');
    record = idAt < 0 ? cells.map(cell) : cells.map((c, k) => (k === idAt ? c : cell(c)));
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.json) as unknown;
    } catch (e) {
      return malformed((e as Error).message);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return malformed('not a JSON object / 不是 JSON 对象');
    // JSON.parse keeps the last of two equal keys without a word; `jixiao score` refuses them in a file, and so does a line.
    const duplicate = duplicateKeyOf(raw.json, parsed);
    if (duplicate !== undefined) return malformed(twice(duplicate.key));
    // A line is the values object, or an evaluation `{ id?, values, notApplicable? }` (when no input is named "values").
    const envelope = config.envelope && typeof (parsed as { values?: unknown }).values === 'object';
    record = envelope ? parsed : { values: parsed };
  }
  return scoreOne(scorer, record as BatchRecord, index, config.columns);
}

function failed(index: number, issue: Issue): BatchResult {
  return { ...unscored([issue]), index };
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
  let line = `${r.index},${r.id === undefined ? '' : csvField(r.id)},${r.total ?? ''},${r.grade === null ? '' : csvField(r.grade)},${r.complete ? 'true' : 'false'},${r.provisional ?? ''},${issuesCell(r)}`;
  for (const k of config.nodeColumns) {
    const s = r.scores[k];
    line += s === undefined ? ',' : `,${s}`;
  }
  return line;
}

/** The `issues` cell of a CSV line (empty for none). */
function issuesCell(r: BatchResult): string {
  const issues = shown(r);
  return issues.length === 0 ? '' : csvField(brief(issues));
}

function jsonLine(scorer: Scorer | undefined, r: BatchResult, config: ChunkConfig): string {
  const scores: { [id: string]: number } = {};
  for (const k of config.nodeColumns) {
    const s = r.scores[k];
    if (s !== undefined) scores[scorer?.nodes[k]?.id ?? String(k)] = s;
  }
  const issues = shown(r);
  return JSON.stringify({
    index: r.index,
    ...(r.id === undefined ? {} : { id: r.id }),
    total: r.total,
    grade: r.grade,
    complete: r.complete,
    ...(r.provisional === null ? {} : { provisional: r.provisional }),
    scores,
    ...(issues.length === 0 ? {} : { issues: issues.map((x) => ({ code: x.code, path: x.path, message: x.message, messageEn: x.messageEn })) }),
  });
}
