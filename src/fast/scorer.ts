import { decimalCalculator } from '../calc/calculator.js';
import { decimalPlaces, pow10, toFixed, type Dec } from '../calc/decimal.js';
import { scaledCalculator, SCALED_OVERFLOW, type Scaled, type ScaledCalculator } from '../calc/scaled.js';
import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issue } from '../errors/issue.js';
import type { Result } from '../errors/result.js';
import { applyAdjustments, settle } from '../evaluate/applyAdjustments.js';
import { effectiveWeights } from '../evaluate/effectiveWeights.js';
import { resolveOptions, safeEvaluate, type EvaluateOptions } from '../evaluate/evaluate.js';
import { readBoolean, readNumber, readTier } from '../evaluate/parseInputs.js';
import { finishScore, type Rounding } from '../evaluate/scoreTree.js';
import type { ScoreSheet, NodeResult } from '../evaluate/types.js';
import { blocked, newTrace, type Env, type Trace } from '../expr/trace.js';
import { compile, slotsOf, type Compiled, type CompiledNode } from '../framework/compile.js';
import { guarded, parsedFrameworkOf, type Framework } from '../framework/defineFramework.js';
import type { ParsedFramework } from '../framework/parsed.js';
import type { EvaluationInputs, FrameworkDefinition, InputDeclaration } from '../framework/types.js';

/** 计分器中的一个指标（先序排列）。One indicator of a scorer, in tree (pre-)order. */
export interface ScorerNode {
  /** 指标 id。The indicator's id. */
  readonly id: string;
  /** 指标名称。Its name. */
  readonly name: string;
  /** 层级（一级为 1）。Its level (1 for level-1 indicators). */
  readonly level: number;
  /** 从一级到本指标的名称。Names from level 1 down to this indicator. */
  readonly path: readonly string[];
  /** 是否末级指标。Is it a leaf (scored by a rule)? */
  readonly leaf: boolean;
  /** 分值（按精度）。Its weight at the precision. */
  readonly weight: string;
}

/**
 * 快速计分结果（紧凑形式）。The compact result of scoring one record: totals, grade and per-indicator scores,
 * without sentences. `explain` gives the full sheet of the same record; both always agree.
 */
export interface FastResult {
  /** 是否完整（所有输入齐全有效）。True when every input was present and valid (as `ScoreSheet.complete`). */
  readonly complete: boolean;
  /** 总分（按精度；不完整时为 null）。The total at the precision; null when incomplete. */
  readonly total: string | null;
  /** 等级名称（不完整时为 null）。The grade label; null when incomplete or when the framework has no grades. */
  readonly grade: string | null;
  /** 不完整时的暂计总分。The provisional total when incomplete (as `ScoreSheet.provisional.total`), else null. */
  readonly provisional: string | null;
  /**
   * 各指标得分（按 `Scorer.nodes` 顺序，数值）。Each indicator's score, in `Scorer.nodes` order, as a JS number:
   * the exact score when scores are rounded at leaves (its `String()` is the sheet's score); with rounding only
   * at the total, the nearest number to the exact score (the sheet has the exact string).
   */
  readonly scores: readonly number[];
  /** 各指标失分（同上顺序）。Points each indicator lost (effective weight − score), in the same order. */
  readonly lost: readonly number[];
  /** 问题（错误）。Issues found, as in the sheet (empty when complete). */
  readonly issues: readonly Issue[];
  /** 提示。Warnings, as in the sheet. */
  readonly warnings: readonly Issue[];
  /**
   * 计算路径。`fast` when the scaled-integer path scored the record; `exact` when it was handed to the decimal
   * path (a missing, invalid or unusual input, a not-applicable indicator, a warning, a value beyond int53).
   */
  readonly path: 'fast' | 'exact';
}

/** 计分器：一次编译，逐条计分。A framework compiled once for scoring many records. */
export interface Scorer {
  /** 指标体系 id、名称与哈希。The framework's id, name and hash. */
  readonly framework: {
    /** 指标体系 id。The framework's id. */
    readonly id: string;
    /** 名称。Its name. */
    readonly name: string;
    /** 定义的哈希（同打分表）。The hash of its definition (as in the sheet). */
    readonly hash: string;
  };
  /** 生效的计算选项。The options in force. */
  readonly options: Rounding;
  /** 指标（先序）。The indicators, in tree order; `FastResult.scores` follows this order. */
  readonly nodes: readonly ScorerNode[];
  /** 定点整数的小数位数 S（无快速路径时为 null）。The scale S of the fast path; null when it could not be built. */
  readonly scale: number | null;
  /**
   * 快速计分（不抛异常）。Scores one record (`{ values, notApplicable? }`). Never throws: a record that is not an
   * evaluation gives an incomplete result with its issues.
   */
  readonly score: (record: EvaluationInputs) => FastResult;
  /** 完整打分表（含说明）。The full score sheet of one record, with every sentence: the slow, explained path. */
  readonly explain: (record: EvaluationInputs) => Result<ScoreSheet>;
}

const NONE: readonly Issue[] = /* @__PURE__ */ Object.freeze([]);

/** The result of a record that could not be scored at all: incomplete, with its issues and nothing else (internal). */
export const unscored = (issues: readonly Issue[]): FastResult => ({ complete: false, total: null, grade: null, provisional: null, scores: [], lost: [], issues, warnings: NONE, path: 'exact' });

const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Is a row's cell empty (an absent value, as `scoreMany` reads rows)? */
export const emptyCell = (cell: unknown): boolean => cell === '' || cell === undefined || cell === null;

/**
 * The row readers of scorers with a fast path (internal to the batch path, see `scoreRow`): a row's cells are read
 * by position into the inputs' slots, with no values object made; undefined hands the row to the general path.
 */
const rowReaders = new WeakMap<Scorer, (row: readonly unknown[], columns: readonly string[]) => FastResult | undefined>();

/**
 * 按列名读取一行并快速计分（内部）。Scores a row of cells named by `columns` on the fast path, as `scoreMany` reads rows
 * (an empty cell is absent; a column named `id` is the record's id); undefined when the row must be read as an
 * object by the general path instead (no fast path, a cell it does not read, a row longer than its columns).
 */
export function scoreRow(scorer: Scorer, row: readonly unknown[], columns: readonly string[]): FastResult | undefined {
  return rowReaders.get(scorer)?.(row, columns);
}

/** How one declared input is read on the fast path. */
interface InputSlot {
  readonly name: string;
  readonly slot: number;
  readonly decl: InputDeclaration;
  /** Divide by 100 whatever is written (percent inputs). */
  readonly percentInput: boolean;
  /** The name is also a property of Object.prototype: check it is the record's own. */
  readonly shadowed: boolean;
  /** How it is read: 0 a number (number, percent, fraction, score), 1 yes/no, 2 a tier choice, 3 checks. */
  readonly kind: 0 | 1 | 2 | 3;
}

/** The fast path's compiled form: nodes flattened, weights and inputs resolved once. */
interface FastPlan {
  readonly c: ScaledCalculator;
  readonly compiled: Compiled<Scaled>;
  readonly nodes: readonly CompiledNode<Scaled>[];
  /** Parent index of each node (−1 for roots). */
  readonly parents: Int32Array;
  readonly effective: readonly Scaled[];
  readonly inputs: readonly InputSlot[];
  readonly size: number;
}

/** The scale of the fast path: enough places for the weights and the precision, at least 4. */
function chooseScale(parsed: ParsedFramework, r: Rounding): number {
  let places = Math.max(4, r.precision, decimalPlaces(parsed.total));
  const visit = (nodes: ParsedFramework['roots']): void => {
    for (const n of nodes) {
      places = Math.max(places, decimalPlaces(n.weight));
      visit(n.children);
    }
  };
  visit(parsed.roots);
  return places;
}

function buildPlan(parsed: ParsedFramework, r: Rounding): FastPlan | undefined {
  const scale = chooseScale(parsed, r);
  if (scale > 10) return undefined;
  const c = scaledCalculator({ scale, precision: r.precision, snapThenRound: r.roundAt === 'leaf' });
  let compiled: Compiled<Scaled>;
  try {
    compiled = compile(parsed, c);
  } catch (e) {
    if (e === SCALED_OVERFLOW) return undefined;
    throw e;
  }
  // Effective weights without not-applicable indicators, computed once with decimals (on the precision's grid).
  const places = r.roundAt === 'leaf' ? Math.max(r.precision, decimalPlaces(parsed.total)) : 30;
  const plan = effectiveWeights(compile(parsed, decimalCalculator), new Set(), pow10(-places));
  const nodes: CompiledNode<Scaled>[] = [];
  const parents: number[] = [];
  const walk = (list: readonly CompiledNode<Scaled>[], parent: number): void => {
    for (const n of list) {
      const i = nodes.length;
      nodes.push(n);
      parents.push(parent);
      walk(n.children, i);
    }
  };
  walk(compiled.roots, -1);
  let effective: Scaled[];
  try {
    effective = nodes.map((n) => c.from(plan.effective.get(n.parsed.id) as Dec));
  } catch (e) {
    if (e === SCALED_OVERFLOW) return undefined;
    throw e;
  }
  const slots = slotsOf(parsed);
  const inputs = [...parsed.inputs].map(([name, decl]): InputSlot => ({
    name,
    slot: slots.get(name) as number,
    decl,
    percentInput: decl.type === 'percent',
    shadowed: name in Object.prototype,
    kind: decl.type === 'boolean' ? 1 : decl.type === 'tier' ? 2 : decl.type === 'checks' ? 3 : 0,
  }));
  return { c, compiled, nodes, parents: Int32Array.from(parents), effective, inputs, size: slots.size + 1 };
}

const DIGIT_0 = 48;

/**
 * Reads a plain decimal text ("95", "-3.5", "95.47%") straight to the scaled integer; undefined for anything
 * else (the general reader then reads it). Percent texts are divided by 100, as are percent inputs.
 */
function plainNumber(c: ScaledCalculator, text: string, input: InputSlot): Scaled | undefined | 'percent-not-allowed' {
  const len = text.length;
  let i = 0;
  let negative = false;
  if (len > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let places = 0;
  let point = false;
  let percent = false;
  const start = i;
  for (; i < len; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= DIGIT_0 && ch <= DIGIT_0 + 9) {
      m = m * 10 + (ch - DIGIT_0);
      digits++;
      if (point) places++;
    } else if (ch === 46 && !point && i > start && i < len - 1) point = true;
    else if (ch === 37 && i === len - 1 && i > start) percent = true;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || (point && places === 0)) return undefined;
  if (percent && (input.decl.type === 'number' || input.decl.type === 'score')) return 'percent-not-allowed';
  if (percent || input.percentInput) places += 2;
  return c.fromParts(negative ? -m : m, places);
}

/**
 * 创建计分器。Compiles a framework once for scoring many records: a scaled-integer fast path (integers scaled by
 * 10^S, exact fractions where a quotient is not a multiple of 10^-S, never rounding except where the framework
 * says) running the very rule kernels of `evaluate`, and the decimal path for whatever the fast path hands over.
 * Throws one `JixiaoError` when the framework or the options are invalid (see `evaluate`).
 *
 * @param framework a framework from `defineFramework` (or a definition, validated once here)
 * @param options precision / rounding overrides, as for `evaluate`
 * @returns the scorer
 * @example
 * const scorer = createScorer(framework);
 * const result = scorer.score({ values });
 * console.log(result.total, result.grade);
 */
export function createScorer(framework: Framework | FrameworkDefinition, options?: EvaluateOptions): Scorer {
  const made = guarded((): Result<Scorer> => {
    const parsed = parsedFrameworkOf(framework);
    if (!parsed.ok) return parsed;
    const r = resolveOptions(parsed.value, options);
    if (!r.ok) return r;
    return { ok: true, value: makeScorer(framework, parsed.value, r.value, options) };
  });
  if (!made.ok) throw new JixiaoError(made.issues);
  return made.value;
}

function makeScorer(framework: Framework | FrameworkDefinition, parsed: ParsedFramework, r: Rounding, options: EvaluateOptions | undefined): Scorer {
  const fast = buildPlan(parsed, r);
  const order: ParsedFramework['roots'][number][] = [];
  const walk = (list: ParsedFramework['roots']): void => {
    for (const n of list) {
      order.push(n);
      walk(n.children);
    }
  };
  walk(parsed.roots);
  const nodes: ScorerNode[] = order.map((n) => ({
    id: n.id,
    name: n.name,
    level: n.level,
    path: n.names,
    leaf: n.children.length === 0,
    weight: toFixed(n.weight, r.precision, r.rounding),
  }));
  const index = new Map(order.map((n, i) => [n.id, i]));
  const explain = (record: EvaluationInputs): Result<ScoreSheet> => safeEvaluate(framework, record, options);

  /** The compact result of a full sheet (the decimal path). */
  const fromSheet = (sheet: ScoreSheet): FastResult => {
    const scores = new Array<number>(nodes.length).fill(0);
    const lost = new Array<number>(nodes.length).fill(0);
    const visit = (list: readonly NodeResult[]): void => {
      for (const n of list) {
        const i = index.get(n.id) as number;
        scores[i] = Number(n.score);
        lost[i] = Number(n.lost);
        visit(n.children);
      }
    };
    visit(sheet.indicators);
    return {
      complete: sheet.complete,
      total: sheet.total,
      grade: sheet.grade?.label ?? null,
      provisional: sheet.provisional?.total ?? null,
      scores,
      lost,
      issues: sheet.issues,
      warnings: sheet.warnings,
      path: 'exact',
    };
  };
  const slow = (record: EvaluationInputs): FastResult => {
    const sheet = explain(record);
    if (sheet.ok) return fromSheet(sheet.value);
    return unscored(sheet.issues);
  };

  if (fast === undefined) return { framework: frameworkFacts(parsed), options: r, nodes, scale: null, score: slow, explain };
  const { run, row } = fastRun(fast, parsed, r);
  const score = (record: EvaluationInputs): FastResult => run(record) ?? slow(record);
  const scorer: Scorer = { framework: frameworkFacts(parsed), options: r, nodes, scale: fast.c.scale, score, explain };
  rowReaders.set(scorer, row);
  return scorer;
}

function frameworkFacts(parsed: ParsedFramework): Scorer['framework'] {
  return { id: parsed.definition.id, name: parsed.definition.name, hash: parsed.hash };
}

/** The fast path's readers of one plan: each gives a result, or undefined to hand the record to the general path; neither throws. */
interface FastReaders {
  /** A record `{ values, notApplicable? }`. */
  readonly run: (record: EvaluationInputs) => FastResult | undefined;
  /** A row of cells named by `columns` (see `scoreRow`). */
  readonly row: (row: readonly unknown[], columns: readonly string[]) => FastResult | undefined;
}

/** The fast path over one plan: its readers, each giving a result or undefined to hand the record to the decimal path. */
function fastRun(p: FastPlan, parsed: ParsedFramework, r: Rounding): FastReaders {
  const { c, compiled, nodes, parents, effective, inputs, size } = p;
  const count = nodes.length;
  const POW = 10 ** c.scale;
  /**
   * A JS number straight to the scaled integer k when k / 10^S is exactly it: for |k| < 2^52 that k / 10^S is
   * then the number's shortest decimal, the one the decimal path reads (two decimals 10^-S apart cannot round to
   * the same number there). Undefined otherwise (the text reader then reads it).
   */
  const plainFloat = (value: number, percent: boolean): Scaled | undefined => {
    const k = Math.round(value * POW);
    if (k >= 4503599627370496 || k <= -4503599627370496 || k / POW !== value) return undefined;
    return percent ? c.fromParts(k, c.scale + 2) : k === 0 ? 0 : k;
  };
  const leaves = nodes.map((n) => n.children.length === 0);
  /** Leaves whose effective weight is their weight (an integer here): see `finish`. */
  const whole = nodes.map((n, i) => typeof n.weight === 'number' && n.weight === effective[i]);
  const leafRounding = r.roundAt === 'leaf';
  /**
   * `finishScore` with its most common case inline: an integer raw score of a leaf that keeps its weight, which the
   * guard snap leaves as it is (S < 30), so only the clamp to [0, weight] and the rounding at leaves remain.
   */
  const finish = (raw: Scaled, i: number, weight: Scaled): Scaled => {
    if (typeof raw !== 'number' || !whole[i]) return finishScore(c, r, raw, weight, effective[i] as Scaled);
    const w = weight as number;
    const bounded = raw < 0 ? 0 : raw > w ? w : raw;
    if (!leafRounding) return bounded;
    const rounded = c.round(bounded, r.precision, r.rounding) as number;
    return rounded > w ? w : rounded;
  };
  const grades = parsed.grades;
  const t: Trace = newTrace(false);
  // Facts are off, so nothing fills the read list, and a finding hands the record over: lists emptied only when needed.
  const reset = (): void => {
    if (t.read.length !== 0) t.read.length = 0;
    if (t.missing.length !== 0) t.missing.length = 0;
    if (t.invalid.length !== 0) t.invalid.length = 0;
    if (t.faults.length !== 0) t.faults.length = 0;
    if (t.warnings.length !== 0) t.warnings.length = 0;
  };

  // One env per scorer, emptied before each record: `score` runs to its end before the next call, and no kernel keeps
  // the env's arrays (their outcomes hold values, not the arrays).
  const numbers = new Array<Scaled | undefined>(size).fill(undefined);
  const booleans = new Array<boolean | undefined>(size).fill(undefined);
  const tiers = new Array<{ tier: string; score: Scaled | undefined } | undefined>(size).fill(undefined);
  const checks = new Array<ReadonlyMap<string, boolean> | undefined>(size).fill(undefined);
  const env: Env<Scaled> = { numbers, booleans, tiers, checks, invalid: NO_INVALID };
  /** The inputs given a value since the env was last emptied (`put` adds them; one may be there twice). */
  const touched: InputSlot[] = [];
  let touchedCount = 0;
  /** Empties the env for the next record: only the slots the last record filled. */
  const begin = (): void => {
    for (let i = 0; i < touchedCount; i++) {
      const { kind, slot } = touched[i] as InputSlot;
      if (kind === 0) numbers[slot] = undefined;
      else if (kind === 1) booleans[slot] = undefined;
      else if (kind === 2) tiers[slot] = undefined;
      else checks[slot] = undefined;
    }
    touchedCount = 0;
  };
  /** Puts one given value (not null) in its slot; false when it is unusual (the decimal path then reads the record). */
  const put = (input: InputSlot, value: unknown): boolean => {
    touched[touchedCount++] = input;
    switch (input.kind) {
      case 1: {
        const b = typeof value === 'boolean' ? value : readBoolean(value);
        if (b === undefined) return false;
        booleans[input.slot] = b;
        break;
      }
      case 2: {
        const choice = value as { readonly tier?: unknown; readonly score?: unknown };
        let score: Scaled | undefined;
        // The common form { tier, score } with a plain score, read directly; anything else by the general reader.
        if (typeof choice.tier === 'string' && own(value as object, 'tier') && own(value as object, 'score') && !Array.isArray(value)) {
          const s = choice.score;
          // (A percent sign in a score is an issue: left to the general reader, as is anything unusual.)
          const read = typeof s === 'number' ? plainFloat(s, false) : typeof s === 'string' && !s.endsWith('%') ? plainNumber(c, s, input) : undefined;
          score = read === 'percent-not-allowed' || !twoKeys(value as object) ? undefined : read;
        }
        if (score === undefined) {
          const read = readTier(input.name, value, ['values', input.name]);
          if (!read.ok) return false;
          score = read.value.score === undefined ? undefined : c.from(read.value.score);
        }
        tiers[input.slot] = { tier: choice.tier as string, score };
        break;
      }
      case 3: {
        if (typeof value !== 'object' || Array.isArray(value)) return false;
        const results = new Map<string, boolean>();
        const given = value as { readonly [id: string]: unknown };
        for (const id in given) {
          if (!own(given, id)) continue;
          const passed = given[id];
          const b = typeof passed === 'boolean' ? passed : readBoolean(passed);
          if (b === undefined) return false;
          results.set(id, b);
        }
        checks[input.slot] = results;
        break;
      }
      default: {
        let n: Scaled | undefined | 'percent-not-allowed';
        if (typeof value === 'number') n = plainFloat(value, input.percentInput);
        else if (typeof value === 'string') n = plainNumber(c, value, input);
        else return false;
        if (n === 'percent-not-allowed') return false;
        if (n === undefined) {
          const read = readNumber(input.name, input.decl, value, ['values', input.name]);
          if (!read.ok) return false;
          n = c.from(read.value.value);
        }
        numbers[input.slot] = n;
      }
    }
    return true;
  };
  /**
   * Reads a record's values; undefined when any is unusual or not declared (the decimal path then reads the record
   * and reports it). The values are taken in the record's own key order (`Object.keys` / `Object.values`, native and
   * without a lookup per input); records of one source share their key order, so the input of each position is
   * remembered from the last record and only checked (the same key strings, compared by identity first).
   */
  const byName = new Map(inputs.map((input) => [input.name, input]));
  let lastKeys: readonly string[] = [];
  let lastInputs: readonly InputSlot[] = [];
  const readInputs = (values: { readonly [name: string]: unknown }): Env<Scaled> | undefined => (inputs.length > MANY_INPUTS ? readByName(values) : readInOrder(values));
  const readInOrder = (values: { readonly [name: string]: unknown }): Env<Scaled> | undefined => {
    const keys = Object.keys(values);
    let order = lastInputs;
    if (!sameList(keys, lastKeys)) {
      const found: InputSlot[] = [];
      for (const k of keys) {
        const input = byName.get(k);
        if (input === undefined) return undefined; // an input the framework does not declare: its issue comes from the decimal path
        found.push(input);
      }
      lastKeys = keys;
      lastInputs = order = found;
    }
    const given = Object.values(values);
    if (given.length !== keys.length) return undefined; // a getter that changed the record while it was read
    begin();
    for (let i = 0; i < given.length; i++) {
      const value = given[i];
      if (value !== undefined && value !== null && !put(order[i] as InputSlot, value)) return undefined;
    }
    return env;
  };
  /**
   * The same for records of many inputs, which V8 keeps as dictionaries (`Object.values` then sorts thousands of
   * keys): one lookup per declared input, and the own keys counted natively to find any the framework does not declare.
   */
  const readByName = (values: { readonly [name: string]: unknown }): Env<Scaled> | undefined => {
    // A lookup by name also finds inherited values: a record with a prototype of its own (which may hold declared
    // names) is left to the general path, which reads own keys only.
    const proto: unknown = Object.getPrototypeOf(values);
    if (proto !== Object.prototype && proto !== null) return undefined;
    begin();
    let present = 0;
    for (const input of inputs) {
      const value = values[input.name];
      if (value === undefined) {
        if (own(values, input.name)) present++;
        continue;
      }
      if (input.shadowed && !own(values, input.name)) continue;
      present++;
      if (value !== null && !put(input, value)) return undefined;
    }
    return present === Object.keys(values).length ? env : undefined;
  };

  /**
   * How the cells of one list of columns are read, worked out once per list (the last one is kept: a batch has one):
   * each cell's input, `ID` for the record's id column, and `OTHER` for a column whose non-empty cell the fast path
   * does not read (a name the framework does not declare): such a row is read as an object instead, which reports it.
   */
  let lastColumns: readonly string[] = [];
  let cellInputs: readonly (InputSlot | typeof ID | typeof OTHER)[] = [];
  const readRow = (row: readonly unknown[], columns: readonly string[]): FastResult | undefined => {
    // The same list as last time, checked name by name (a caller may have changed it in place), holes included.
    if (!sameList(columns, lastColumns)) {
      const idAt = columns.indexOf('id');
      const plan: (InputSlot | typeof ID | typeof OTHER)[] = [];
      // A hole, "__proto__" or any other name the framework does not declare is no input (OTHER).
      for (let i = 0; i < columns.length; i++) plan.push(i === idAt ? ID : (byName.get(columns[i] as string) ?? OTHER));
      cellInputs = plan;
      lastColumns = Array.from(columns);
    }
    if (row.length > columns.length) return undefined;
    begin();
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      // An empty cell is an absent value; a later cell of the same name wins (as in the record made of the row).
      if (emptyCell(cell)) continue;
      const input = cellInputs[i] as InputSlot | typeof ID | typeof OTHER;
      if (input === ID) continue;
      if (input === OTHER || !put(input, cell)) return undefined;
    }
    return scoreEnv();
  };

  const run = (record: EvaluationInputs): FastResult | undefined => {
    if (typeof record !== 'object' || record === null) return undefined;
    const values = (record as { values?: unknown }).values;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return undefined;
    for (const k in record) if (own(record, k) && k !== 'values' && !(k === 'notApplicable' && isEmptyList((record as { notApplicable?: unknown }).notApplicable))) return undefined;
    return readInputs(values as { readonly [name: string]: unknown }) === undefined ? undefined : scoreEnv();
  };

  const scores = new Array<Scaled>(count).fill(0);
  /** Scores the record now in the env. */
  const scoreEnv = (): FastResult | undefined => {
    for (const node of compiled.conditionallyNA) {
      reset();
      if (node.notApplicableIf?.(env, t) !== false) return undefined;
    }
    scores.fill(0);
    for (let i = 0; i < count; i++) {
      if (!leaves[i]) continue;
      const node = nodes[i] as CompiledNode<Scaled>;
      reset();
      let raw: Scaled | undefined;
      if (node.zeroIf !== undefined) {
        const holds = node.zeroIf(env, t);
        if (holds === undefined) return undefined;
        if (holds) raw = 0;
      }
      if (raw === undefined && node.fullIf !== undefined) {
        const holds = node.fullIf(env, t);
        if (holds === undefined) return undefined;
        if (holds) raw = node.weight;
      }
      if (raw === undefined) {
        raw = node.kernel?.(env, t, node.weight);
        if (raw === undefined) return undefined;
      }
      if (blocked(t) || t.warnings.length > 0) return undefined;
      scores[i] = finish(raw, i, node.weight);
    }
    for (let i = count - 1; i >= 0; i--) {
      const up = parents[i] as number;
      if (up >= 0) scores[up] = c.add(scores[up] as Scaled, scores[i] as Scaled);
    }
    let subtotal: Scaled = 0;
    for (let i = 0; i < count; i++) if (parents[i] === -1) subtotal = c.add(subtotal, scores[i] as Scaled);
    const adjustments = compiled.adjustments.length === 0 ? NO_ADJUSTMENTS : applyAdjustments(compiled, env, r, false);
    for (const a of adjustments) if (a.status !== 'applied' || a.trace.warnings.length > 0) return undefined;
    const settled = settle(compiled, subtotal, adjustments, r);
    if (settled.zeroVeto !== undefined || settled.lowestVeto) return undefined;
    const g = grades[settled.gradeIndex] ?? grades[grades.length - 1];
    const outScores = new Array<number>(count);
    const lost = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const s = scores[i] as Scaled;
      const e = effective[i] as Scaled;
      // Integers inline (as `c.toNumber` does them: never −0); fractions through the calculator.
      if (typeof s === 'number' && typeof e === 'number') {
        outScores[i] = s === 0 ? 0 : s / POW;
        lost[i] = e === s ? 0 : (e - s) / POW;
      } else {
        outScores[i] = c.toNumber(s);
        lost[i] = c.toNumber(c.sub(e, s));
      }
    }
    return {
      complete: true,
      total: fixed(c, settled.total, r),
      grade: g === undefined ? null : g.label,
      provisional: null,
      scores: outScores,
      lost,
      issues: NONE,
      warnings: NONE,
      path: 'fast',
    };
  };
  // A value beyond int53 (SCALED_OVERFLOW), or anything unexpected, gives undefined: the record then goes to the
  // general path, which never throws (a defect there is reported as an `internal-error` issue, not a raw exception).
  return {
    run: (record) => {
      try {
        return run(record);
      } catch {
        return undefined;
      }
    },
    row: (cells, columns) => {
      try {
        return readRow(cells, columns);
      } catch {
        return undefined;
      }
    },
  };
}

/** Cell kinds of `readRow` besides an input. */
const ID = 0;
const OTHER = 1;

const NO_INVALID: readonly boolean[] = /* @__PURE__ */ Object.freeze([]);
/** Above this many declared inputs a record is read input by input (see `readByName`). */
const MANY_INPUTS = 128;
const NO_ADJUSTMENTS: readonly never[] = /* @__PURE__ */ Object.freeze([]);
/** Has `o` exactly two own enumerable keys? */
function twoKeys(o: object): boolean {
  let n = 0;
  for (const k in o) if (own(o, k)) n++;
  return n === 2;
}
const isEmptyList = (x: unknown): boolean => Array.isArray(x) && x.length === 0;

/** The same names at the same places (holes included), compared one by one: a list may have been changed in place. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A rounded total as fixed text with exactly `precision` places. */
function fixed(c: ScaledCalculator, total: Scaled, r: Rounding): string {
  if (typeof total !== 'number') return toFixed(c.toDec(total), r.precision, r.rounding);
  const p = r.precision;
  // The total is already rounded at the precision (leaves, or the total): its places beyond it are zeros, dropped.
  // Integer arithmetic below 2^53, exact: the units of 10^-p, then the whole part and the places.
  const drop = 10 ** (c.scale - p);
  const a = total < 0 ? -total : total;
  const units = (a - (a % drop)) / drop;
  const sign = total < 0 && units !== 0 ? '-' : '';
  if (p === 0) return `${sign}${units}`;
  const P = 10 ** p;
  const places = units % P;
  const digits = String(places);
  return `${sign}${(units - places) / P}.${digits.length < p ? '0'.repeat(p - digits.length) + digits : digits}`;
}
