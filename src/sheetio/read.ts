/**
 * 从单元格网格读出自评表。Reads a self-evaluation out of a cell grid, top to bottom: the header block (labels with
 * their values to the right), the budget block and the indicator tables (found by their column headings) with
 * their level-1 subtotals, the 年度总体目标 rows, the total and the grade. Every non-empty cell is either read into
 * the document or reported with its address (`sheet-cell-unmapped`).
 */
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { formReason, type FormReasonId, makeFormIssue } from '../errors/formMessages.js';
import type { Num } from '../expr/types.js';
import { checkedCopy } from '../framework/plainData.js';
import { selfEvaluationSchema } from '../selfEval/schema.js';
import type { AnnualTarget, BudgetRow, ClaimedLevel, SelfEvaluation, TargetRow, TemplateOptions } from '../selfEval/types.js';
import { address, type CellValue, type Grid } from './grid.js';
import {
  BUDGET_HEADINGS,
  budgetLineOf,
  headerFieldOf,
  isDecoration,
  LABELS,
  LEVEL_SUBHEADINGS,
  norm,
  splitPoints,
  SUBTOTAL_LABELS,
  TABLE_HEADINGS,
  TARGET_FIELDS,
  TOTAL_LABELS,
  type BudgetField,
  type BudgetLine,
  type HeaderField,
  type TableField,
} from './labels.js';

/** 模板缺省值。The template put in a document when neither the caller nor the sheet names one. */
export const DEFAULT_TEMPLATE = 'national-project-2020';

/** 读表结果。What reading a grid gives: the document, or the issues that prevent it, and the warnings. */
export interface ReadOutcome {
  /** 自评表（有问题时无）。The document; absent when `issues` is not empty. */
  readonly doc?: SelfEvaluation;
  /** 使文档无法成立的问题。Issues that prevent a document. */
  readonly issues: readonly Issue[];
  /** 未读入的单元格等提示。Cells not read, and other warnings. */
  readonly warnings: readonly Issue[];
}

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };
type Cols<F extends string> = { [K in F]?: number };

/** Placeholders that mean "nothing" in a numeric cell (a not-set row's 分值 written "/"). */
const PLACEHOLDERS = new Set(['/', '-', '—', '——', '－', '／']);

/** Assigns columns to fields: each field takes the first of its headings found in a column not taken yet. */
function assign<F extends string>(texts: ReadonlyMap<number, string>, order: readonly (readonly [F, readonly string[]])[]): Cols<F> {
  const cols: Cols<F> = {};
  const taken = new Set<number>();
  for (const [field, headings] of order) {
    for (const h of headings) {
      const col = [...texts].find(([c, t]) => !taken.has(c) && t === norm(h))?.[0];
      if (col !== undefined) {
        cols[field] = col;
        taken.add(col);
        break;
      }
    }
  }
  return cols;
}

const entries = <F extends string>(o: { readonly [K in F]: readonly string[] }, fields: readonly F[]) => fields.map((f) => [f, o[f]] as const);

/** Columns of an indicator table heading; Sichuan's 指标值 is the value column when 指标性质 or 度量单位 is there. */
function tableColumns(texts: ReadonlyMap<number, string>): Cols<TableField> {
  const sichuan = [...texts.values()].some((t) => t === '指标性质' || TABLE_HEADINGS.unit.includes(t));
  const order: TableField[] = ['level1', 'level1Weight', 'level1Claimed', 'level2', 'name', 'nature', 'unit', ...(sichuan ? (['value', 'target'] as const) : (['target', 'value'] as const)),
    'actual', 'weight', 'claimed', 'score', 'reason'];
  return assign(texts, entries(TABLE_HEADINGS, order));
}

const BUDGET_ORDER: readonly BudgetField[] = ['initial', 'annual', 'executed', 'weight', 'rate', 'claimed', 'score'];

/**
 * 读出自评表。Reads the form in a grid.
 *
 * @param grid the cells
 * @param template the template id to put in the document; else the sheet's 模板, else DEFAULT_TEMPLATE
 */
export function readForm(grid: Grid, template: string | undefined): ReadOutcome {
  const { rows, csv } = grid;
  const used = new Set<string>();
  const issues: Issue[] = [];
  const warned: { readonly at: number; readonly issue: Issue }[] = [];
  const key = (r: number, c: number): string => `${r},${c}`;
  const use = (r: number, c: number): void => void used.add(key(r, c));
  const isOwn = (r: number, c: number): boolean => {
    const m = rows[r]?.[c]?.master;
    return m !== undefined && m[0] === r && m[1] === c;
  };
  /** The value of a cell that is its own (not the copy a merged area shows). */
  const own = (r: number, c: number | undefined): CellValue => (c !== undefined && isOwn(r, c) ? rows[r]?.[c]?.value : undefined);
  /** The own, non-empty cells of a row, left to right. */
  const cellsOf = (r: number): { c: number; v: string | number }[] =>
    (rows[r] ?? []).flatMap((_, c) => {
      const v = own(r, c);
      return v === undefined ? [] : [{ c, v }];
    });
  const warn = (r: number, c: number, id: FormReasonId): void => {
    use(r, c);
    const cell = address(r, c);
    warned.push({ at: r * 1e5 + c, issue: makeFormIssue('sheet-cell-unmapped', [cell], { cell, text: String(own(r, c) ?? ''), ...formReason(id) }) });
  };

  /** A number as written: numbers stay numbers, texts stay texts (CSV: a plain number's text is read as the number). */
  const plain = (v: string | number): string | number => (csv && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && String(Number(v)) === v ? Number(v) : v);
  const num = (v: CellValue): Num | undefined => (v === undefined || PLACEHOLDERS.has(String(v)) ? undefined : plain(v));
  const str = (v: CellValue): string | undefined => (v === undefined ? undefined : String(v));

  const header: { [F in HeaderField]?: { readonly v: string | number; readonly r: number; readonly c: number } } = {};
  let titleYear: number | undefined;
  const budget: { [L in BudgetLine]?: Mutable<BudgetRow> } = {};
  const docPart: { expected?: string; achieved?: string; rows?: TargetRow[] } = {};
  const targets: (Mutable<AnnualTarget> & { rows?: TargetRow[] })[] = [];
  let claimedTotal: Num | undefined;
  let claimedGrade: string | undefined;
  /** Level-1 subtotals in the order first printed; one per level and table (`tableLevels`). */
  const levels: Mutable<ClaimedLevel>[] = [];
  let tableLevels = new Map<string, Mutable<ClaimedLevel>>();

  let mode: 'none' | 'budget' | 'overall' | 'table' = 'none';
  let budgetCols: Cols<BudgetField> = {};
  let tableCols: Cols<TableField> | undefined;
  let overallCols: { expected?: number; achieved?: number } = {};
  let tableRows: TargetRow[] = [];
  let previous: { level1?: string; level2?: string } = {};
  /** Whether every row of the current 一级 run so far wrote the level in a cell of its own (CSV: not left blank). */
  let runWritten = true;
  const part = (): { expected?: string; achieved?: string } => targets.at(-1) ?? docPart;

  /** Reads label → value pairs in a row: the value is the next own non-empty cell to the right, unless it is a label. */
  const readLabels = (r: number, into: (field: HeaderField, v: string | number, c: number) => void): void => {
    const cells = cellsOf(r);
    for (let i = 0; i < cells.length; i++) {
      const { c, v } = cells[i] as { c: number; v: string | number };
      if (used.has(key(r, c)) || typeof v !== 'string') continue;
      const inline = /^([^：:]+)[：:](.+)$/.exec(v);
      const field = headerFieldOf(v) ?? (inline === null ? undefined : headerFieldOf(inline[1] as string));
      if (field === undefined) continue;
      use(r, c);
      if (headerFieldOf(v) === undefined) {
        into(field, (inline?.[2] as string).trim(), c);
        continue;
      }
      const next = cells[i + 1];
      if (next !== undefined && !(typeof next.v === 'string' && (headerFieldOf(next.v) !== undefined || isDecoration(next.v)))) {
        use(r, next.c);
        into(field, next.v, next.c);
        i++;
      }
    }
  };
  const setHeader = (r: number) => (field: HeaderField, v: string | number, c: number): void => {
    // 目标分值, 得分… belong to a 年度绩效目标 line; elsewhere they are no part of the form.
    if (TARGET_FIELDS.has(field)) warn(r, c, 'cell-no-field');
    else if (header[field] !== undefined) warn(r, c, 'cell-repeated');
    else header[field] = { v, r, c };
  };

  for (let r = 0; r < rows.length; r++) {
    const cells = cellsOf(r);
    const texts = new Map(cells.map(({ c, v }) => [c, norm(String(v))]));
    const first = cells[0];
    const firstText = first === undefined ? '' : norm(String(first.v));

    // Budget heading: 全年执行数 with 年初预算数 or 全年预算数.
    const budgetHeading = assign(texts, entries(BUDGET_HEADINGS, BUDGET_ORDER));
    if (budgetHeading.executed !== undefined && (budgetHeading.initial !== undefined || budgetHeading.annual !== undefined)) {
      mode = 'budget';
      budgetCols = budgetHeading;
      for (const c of Object.values(budgetHeading)) use(r, c);
      for (const { c, v } of cells) if (typeof v === 'string' && isDecoration(v)) use(r, c);
      for (const { c } of cells) if (!used.has(key(r, c))) warn(r, c, 'cell-unknown-heading');
      continue;
    }

    // Indicator table heading: 三级指标 (or 指标名称), or 一级指标 with a value column.
    const table = tableColumns(texts);
    if (table.name !== undefined || (table.level1 !== undefined && (table.target !== undefined || table.actual !== undefined || table.weight !== undefined))) {
      mode = 'table';
      tableCols = table;
      tableRows = [];
      previous = {};
      runWritten = true;
      tableLevels = new Map();
      const owner = targets.at(-1) ?? docPart;
      if (owner.rows === undefined) owner.rows = tableRows;
      else tableRows = owner.rows;
      for (const c of Object.values(table)) use(r, c);
      for (const { c, v } of cells) if (typeof v === 'string' && isDecoration(v)) use(r, c);
      for (const { c } of cells) if (!used.has(key(r, c))) warn(r, c, 'cell-unknown-heading');
      if (levelSubheadings(r, table)) r++;
      continue;
    }

    // 预期目标 | 实际完成情况 headings: the next row holds the texts.
    const expectedCol = cells.find(({ v }) => norm(String(v)) === LABELS.expected)?.c;
    const achievedCol = cells.find(({ v }) => norm(String(v)) === LABELS.achieved)?.c;
    if (expectedCol !== undefined || achievedCol !== undefined) {
      mode = 'overall';
      overallCols = { ...(expectedCol === undefined ? {} : { expected: expectedCol }), ...(achievedCol === undefined ? {} : { achieved: achievedCol }) };
      for (const { c, v } of cells) if (c === expectedCol || c === achievedCol || (typeof v === 'string' && isDecoration(v))) use(r, c);
      continue;
    }

    // 总分 / 合计: the total, in the table's 得分 column (else the next cell to the right).
    if (first !== undefined && TOTAL_LABELS.includes(firstText) && (mode !== 'budget' || budgetLineOf(firstText) === undefined) && !levelSubtotalCell(r, first.c)) {
      use(r, first.c);
      const col = tableCols?.claimed ?? cells[1]?.c;
      const v = num(own(r, col));
      if (col !== undefined && own(r, col) !== undefined) use(r, col);
      if (v !== undefined) claimedTotal = v;
      for (const f of ['weight', 'score'] as const) if (tableCols?.[f] !== undefined) use(r, tableCols[f]);
      mode = 'none';
      continue;
    }

    // 自评等级: in the 得分 column, the next cell, or written "自评等级：优".
    const gradeCell = cells.find(({ v }) => norm(String(v)).startsWith(LABELS.grade));
    if (gradeCell !== undefined) {
      use(r, gradeCell.c);
      const inline = /^自评等级[：:](.+)$/.exec(String(gradeCell.v).replace(/\s+/g, ''));
      const claimedCol = tableCols?.claimed;
      const col = claimedCol !== undefined && own(r, claimedCol) !== undefined ? claimedCol : cells.find(({ c }) => c > gradeCell.c && c !== tableCols?.score)?.c;
      if (inline !== null) claimedGrade = inline[1];
      else if (col !== undefined && own(r, col) !== undefined) {
        use(r, col);
        claimedGrade = str(own(r, col));
      }
      if (tableCols?.score !== undefined) use(r, tableCols.score);
      mode = 'none';
      continue;
    }

    // 年度绩效目标 line: a new annual target, with its name, points and fund.
    if (first !== undefined && firstText.startsWith('年度绩效目标')) {
      const target: Mutable<AnnualTarget> & { rows?: TargetRow[] } = {};
      targets.push(target);
      mode = 'none';
      if (headerFieldOf(String(first.v)) === undefined) {
        // Written in one cell, as "年度绩效目标1（40分）": the text is the name, the points its 分值.
        use(r, first.c);
        const { text, points } = splitPoints(String(first.v));
        target.name = text;
        if (points !== undefined) target.points = points;
      }
      readLabels(r, (field, v, c) => {
        const n = num(v);
        if (field === 'target') target.name = String(v);
        else if (field === 'points') {
          if (n !== undefined) target.points = n;
        } else if (field === 'targetFund') {
          if (n !== undefined) target.fund = n;
        } else if (field === 'targetClaimed') {
          if (n !== undefined) target.claimed = n;
        } else setHeader(r)(field, v, c);
      });
      continue;
    }

    if (cells.length === 0 && !(mode === 'table' && tableCols?.level1 !== undefined && (rows[r]?.[tableCols.level1]?.master[0] ?? r) < r)) continue;

    if (mode === 'overall') {
      const p = part();
      const exp = own(r, overallCols.expected);
      const ach = own(r, overallCols.achieved);
      if (exp !== undefined && overallCols.expected !== undefined) {
        use(r, overallCols.expected);
        p.expected = String(exp);
      }
      if (ach !== undefined && overallCols.achieved !== undefined) {
        use(r, overallCols.achieved);
        p.achieved = String(ach);
      }
      for (const { c, v } of cells) if (typeof v === 'string' && isDecoration(v)) use(r, c);
      mode = 'none';
    }

    if (mode === 'budget') {
      const firstAmount = Math.min(...[budgetCols.initial, budgetCols.annual, budgetCols.executed].filter((c): c is number => c !== undefined));
      const label = cells.find(({ c, v }) => c < firstAmount && typeof v === 'string' && budgetLineOf(v) !== undefined);
      if (label !== undefined) {
        use(r, label.c);
        const line: Mutable<BudgetRow> = {};
        for (const f of ['initial', 'annual', 'executed', 'claimed'] as const) {
          const c = budgetCols[f];
          if (c === undefined || own(r, c) === undefined) continue;
          use(r, c);
          const v = num(own(r, c));
          if (v !== undefined) line[f] = v;
        }
        for (const f of ['weight', 'rate', 'score'] as const) if (budgetCols[f] !== undefined) use(r, budgetCols[f]);
        for (const { c, v } of cells) if (c < firstAmount && typeof v === 'string' && isDecoration(v)) use(r, c);
        const which = budgetLineOf(String(label.v)) as BudgetLine;
        if (budget[which] !== undefined) warn(r, label.c, 'cell-repeated');
        else budget[which] = line;
        continue;
      }
      mode = 'none';
    }

    if (mode === 'table' && tableCols !== undefined) {
      const cols = tableCols;
      const mapped = new Set(Object.values(cols));
      const continued = cols.level1 !== undefined && (rows[r]?.[cols.level1]?.master[0] ?? r) < r;
      if (!continued && !cells.some(({ c }) => mapped.has(c))) continue;
      // A level-1 subtotal row (产出指标 | 小计 | … | 50 | 48) goes to `levels`, never to the rows.
      const subtotal = subtotalOf(r, cols);
      if (subtotal !== undefined) {
        readSubtotal(r, cols, subtotal);
        continue;
      }
      // A note written across the indicator columns ends the table.
      const spans = cols.level1 !== undefined && cols.name !== undefined && first !== undefined && first.c <= cols.level1 &&
        rows[r]?.[cols.name]?.master.join() === [r, first.c].join();
      if (!spans) {
        tableRows.push(readRow(r, cols));
        continue;
      }
      mode = 'none';
    }

    // Anything else: header labels with their values; the year in a title such as "（2022年度）".
    readLabels(r, setHeader(r));
    for (const { c, v } of cells) {
      if (used.has(key(r, c)) || typeof v !== 'string') continue;
      const year = /^[（(]?\s*(\d{4})\s*年度?\s*[）)]?$/.exec(v) ?? (isDecoration(v) ? /(\d{4})\s*年度/.exec(v) : null);
      if (year !== null && titleYear === undefined) {
        titleYear = Number(year[1]);
        use(r, c);
      } else if (isDecoration(v)) use(r, c);
    }
  }

  /** The level named in the 一级 cell of a row (a merged cell's text from its master), its "（50分）" recorded as the level's weight. */
  function levelName(r: number, c: number): string {
    const cell = rows[r]?.[c] as { value: CellValue; master: readonly [number, number] };
    const { text, points } = splitPoints(String(cell.value));
    if (points !== undefined) setLevel(levelOf(text), 'weight', points, cell.master[0], cell.master[1]);
    return text;
  }

  /**
   * A 一级指标 heading spread over several columns (merged, or followed by blank headings), with the row below naming
   * them — 名称 | 分值 (| 得分): the columns of the level's printed weight and score. Reads that row into `cols`.
   *
   * @returns whether the row below is such a row of sub-headings (and was read)
   */
  function levelSubheadings(r: number, cols: Mutable<Cols<TableField>>): boolean {
    const c1 = cols.level1;
    if (c1 === undefined) return false;
    const taken = new Set(Object.values(cols));
    const group: number[] = [];
    // The columns the heading spreads over: merged into it, or blank (a merged area saved as CSV).
    for (let c = c1 + 1; c < (rows[r]?.length ?? 0) && !taken.has(c) && own(r, c) === undefined; c++) group.push(c);
    const found: Cols<'level1' | 'level1Weight' | 'level1Claimed'> = {};
    for (const c of [c1, ...group]) {
      const t = own(r + 1, c);
      const f = t === undefined ? undefined : (['level1Weight', 'level1Claimed', 'level1'] as const).find((k) => LEVEL_SUBHEADINGS[k].includes(norm(String(t))));
      if (f !== undefined && found[f] === undefined && (f === 'level1') === (c === c1)) found[f] = c;
    }
    if (found.level1Weight === undefined && found.level1Claimed === undefined) return false;
    for (const f of ['level1Weight', 'level1Claimed'] as const) if (found[f] !== undefined) cols[f] = found[f];
    for (const c of Object.values(found)) use(r + 1, c);
    return true;
  }

  /** Reads the level's printed weight and score from their own columns (一级指标分值, 一级指标得分) on a row of the level. */
  function levelColumns(r: number, cols: Cols<TableField>, level1: string): void {
    for (const [f, to] of [['level1Weight', 'weight'], ['level1Claimed', 'claimed']] as const) {
      const c = cols[f];
      const v = own(r, c);
      if (c === undefined || v === undefined) continue;
      setLevel(levelOf(level1), to, num(v), r, c);
      use(r, c);
    }
  }

  /** The subtotal entry of a level in the current table, made on first use. */
  function levelOf(level1: string): Mutable<ClaimedLevel> {
    let entry = tableLevels.get(level1);
    if (entry === undefined) {
      entry = { level1 };
      tableLevels.set(level1, entry);
      levels.push(entry);
    }
    return entry;
  }

  /** Sets a level's weight or score; a different value printed again for the same level is reported (the first is kept). */
  function setLevel(entry: Mutable<ClaimedLevel>, f: 'weight' | 'claimed', v: Num | undefined, r: number, c: number): void {
    if (v === undefined) return;
    if (entry[f] === undefined) entry[f] = v;
    else if (String(entry[f]) !== String(v) && !used.has(key(r, c))) warn(r, c, 'cell-repeated');
  }

  /** Whether the text of a cell is a subtotal mark (小计, 合计). */
  function saysSubtotal(t: string | undefined): boolean {
    return t !== undefined && SUBTOTAL_LABELS.includes(t);
  }

  /**
   * The text of a table cell as the row shows it (normalised), or undefined when blank or when it is only the 一级
   * cell merged across (a subtotal's level name spanning the 二级 and 三级 columns).
   */
  function shown(r: number, c: number | undefined, level1Col: number | undefined): string | undefined {
    if (c === undefined) return undefined;
    const cell = rows[r]?.[c];
    if (cell === undefined || cell.value === undefined) return undefined;
    const l1 = level1Col === undefined ? undefined : rows[r]?.[level1Col];
    if (l1 !== undefined && c !== level1Col && cell.master.join() === l1.master.join()) return undefined;
    return norm(String(cell.value));
  }

  /**
   * Whether a 合计 at column c of row r, in an indicator table, is the 二级 or 三级 cell of a subtotal row (whose 一级
   * cell is merged down from the rows above) rather than the form's total.
   */
  function levelSubtotalCell(r: number, c: number): boolean {
    const cols = tableCols;
    if (mode !== 'table' || cols?.level1 === undefined || (c !== cols.level2 && c !== cols.name)) return false;
    return (rows[r]?.[cols.level1]?.master[0] ?? r) < r;
  }

  /**
   * 小计行的一级指标；二级小计为 'skip'；不是小计行为 undefined。The level a subtotal row closes; 'skip' for a level-2
   * subtotal (二级 written, 三级 小计), which the document does not carry; undefined for any other row. A row is a
   * level-1 subtotal when
   * - its 二级 or 三级 cell says 小计 / 合计 (the other empty or the same): the level is its 一级 cell's, else the one above;
   * - its 一级 cell says "产出指标小计" (or just 小计, the level above), 二级 and 三级 empty;
   * - its 一级 cell, a cell of its own, repeats the level of the row above, 二级, 三级 and the text columns are empty
   *   (or "/"), and it has a 分值 or 得分. In CSV, where a merged cell cannot be told from a repeated text, only under a
   *   level whose rows did not all repeat its name (as a merged area saved as CSV leaves them blank).
   */
  function subtotalOf(r: number, cols: Cols<TableField>): { readonly level1: string } | 'skip' | undefined {
    const c1 = cols.level1;
    if (c1 === undefined) return undefined;
    const cell1 = rows[r]?.[c1];
    const v1 = cell1?.value === undefined ? undefined : String(cell1.value);
    const t2 = shown(r, cols.level2, c1);
    const t3 = shown(r, cols.name, c1);
    const above = (): { readonly level1: string } | undefined => (previous.level1 === undefined ? undefined : { level1: previous.level1 });
    if (saysSubtotal(t3) && t2 !== undefined && !saysSubtotal(t2)) return 'skip';
    if (saysSubtotal(t2) || saysSubtotal(t3)) return v1 === undefined ? above() : { level1: splitPoints(v1).text };
    if (v1 === undefined || !isOwn(r, c1) || t2 !== undefined || t3 !== undefined) return undefined;
    const marked = /^(.*?)(小计|合计)$/.exec(norm(v1));
    if (marked !== null && (marked[1] !== '' || marked[2] === '小计')) return marked[1] === '' ? above() : { level1: splitPoints(marked[1] as string).text };
    const name = splitPoints(v1).text;
    if (name !== previous.level1 || (csv && runWritten)) return undefined;
    for (const f of ['target', 'nature', 'value', 'unit', 'actual', 'reason'] as const) {
      const t = shown(r, cols[f], c1);
      if (t !== undefined && !(isOwn(r, cols[f] as number) && PLACEHOLDERS.has(t))) return undefined;
    }
    return num(own(r, cols.weight)) === undefined && num(own(r, cols.claimed)) === undefined ? undefined : { level1: name };
  }

  /** Reads a subtotal row: its 分值 and 得分 to the level's entry; the 小计 cells and placeholders are read, the rest reported. */
  function readSubtotal(r: number, cols: Cols<TableField>, subtotal: { readonly level1: string } | 'skip'): void {
    if (subtotal === 'skip') return;
    const c1 = cols.level1 as number;
    if (isOwn(r, c1) && own(r, c1) !== undefined) {
      levelName(r, c1);
      use(r, c1);
    }
    for (const f of ['level2', 'name', 'target', 'nature', 'value', 'unit', 'actual', 'reason'] as const) {
      const c = cols[f];
      const t = shown(r, c, c1);
      if (c !== undefined && t !== undefined && isOwn(r, c) && (saysSubtotal(t) || PLACEHOLDERS.has(t))) use(r, c);
    }
    const entry = levelOf(subtotal.level1);
    levelColumns(r, cols, subtotal.level1);
    for (const f of ['weight', 'claimed'] as const) {
      const c = cols[f];
      if (c === undefined || own(r, c) === undefined) continue;
      setLevel(entry, f, num(own(r, c)), r, c);
      use(r, c);
    }
    if (cols.score !== undefined) use(r, cols.score);
    previous = { level1: subtotal.level1 };
    runWritten = true;
  }

  /** One row of an indicator table; 一级 and 二级 come down from merged cells, or from the row above when blank. */
  function readRow(r: number, cols: Cols<TableField>): TargetRow {
    const row: Mutable<TargetRow> = {};
    const level = (f: 'level1' | 'level2'): { v: string | undefined; blank: boolean } => {
      const c = cols[f];
      if (c === undefined) return { v: undefined, blank: true };
      const cell = rows[r]?.[c];
      if (cell === undefined || cell.value === undefined) return { v: undefined, blank: true };
      if (isOwn(r, c)) use(r, c);
      return { v: String(cell.value), blank: false };
    };
    const l1 = level('level1');
    const l2 = level('level2');
    // "产出指标（50分）": the level, and its points as the level's printed weight.
    const split = l1.v === undefined ? undefined : levelName(r, cols.level1 as number);
    const level1 = l1.blank ? previous.level1 : split;
    const written = !l1.blank && isOwn(r, cols.level1 as number);
    runWritten = level1 !== previous.level1 ? written : runWritten && written;
    // A blank 二级 is the one above only where the 一级 is blank too (a merged form saved unmerged); else it is not set.
    const level2 = l2.blank ? (l1.blank ? previous.level2 : undefined) : l2.v;
    if (level1 === undefined) {
      const c = cols.level1 ?? 0;
      issues.push(makeIssue('missing-field', [address(r, c)], { key: '一级指标' }));
    }
    row.level1 = level1 ?? '';
    if (level1 !== undefined) levelColumns(r, cols, level1);
    if (level2 !== undefined) row.level2 = level2;
    previous = { ...(level1 === undefined ? {} : { level1 }), ...(level2 === undefined ? {} : { level2 }) };
    for (const f of ['name', 'target', 'nature', 'value', 'unit', 'actual', 'weight', 'claimed', 'reason'] as const) {
      const c = cols[f];
      const v = own(r, c);
      if (c === undefined || v === undefined) continue;
      if (f === 'weight' || f === 'claimed') {
        const n = num(v);
        if (n !== undefined) row[f] = n;
      } else if (f === 'value') row[f] = plain(v);
      else if (f === 'target' || f === 'actual') row[f] = v;
      else row[f] = String(v);
      use(r, c);
    }
    if (cols.score !== undefined) use(r, cols.score);
    return row as TargetRow;
  }

  let year: number | undefined = titleYear;
  const y = header.year;
  if (y !== undefined) {
    const m = /^(\d{4})(?:\.0+)?\s*(?:年度?)?$/.exec(String(y.v));
    if (m !== null) year = Number(m[1]);
    else warn(y.r, y.c, 'cell-year');
  }

  // Every non-empty cell not read is reported with its address; the warnings go in the order of the cells.
  rows.forEach((cells, r) =>
    cells.forEach((_, c) => {
      if (own(r, c) !== undefined && !used.has(key(r, c))) warn(r, c, 'cell-no-field');
    }),
  );
  const warnings = warned.sort((a, b) => a.at - b.at).map((w) => w.issue);

  const h = (f: HeaderField): string | number | undefined => header[f]?.v;
  const name = h('name');
  if (name === undefined) issues.push(makeIssue('missing-field', ['project', 'name'], { key: '项目名称' }));
  if (issues.length > 0) return { issues, warnings };

  const options: Mutable<TemplateOptions> = {};
  if (h('reverse') !== undefined) options.reverse = String(h('reverse')) as TemplateOptions['reverse'] & string;
  if (h('reviewAt') !== undefined) options.reviewAt = num(h('reviewAt')) as Num;
  const id = template ?? str(h('template')) ?? DEFAULT_TEMPLATE;
  const department = str(h('department'));
  const unit = str(h('unit'));
  const fund = num(h('fund'));
  const budgetBlock = {
    ...budget.total,
    ...(budget.appropriation === undefined || Object.keys(budget.appropriation).length === 0 ? {} : { appropriation: budget.appropriation }),
    ...(budget.carryover === undefined || Object.keys(budget.carryover).length === 0 ? {} : { carryover: budget.carryover }),
    ...(budget.other === undefined || Object.keys(budget.other).length === 0 ? {} : { other: budget.other }),
  };
  const doc: SelfEvaluation = {
    template: Object.keys(options).length > 0 ? { id, options } : id,
    project: {
      name: String(name),
      ...(department === undefined ? {} : { department }),
      ...(unit === undefined ? {} : { unit }),
      ...(year === undefined ? {} : { year }),
      ...(fund === undefined ? {} : { fund }),
    },
    budget: budgetBlock,
    ...(docPart.expected === undefined ? {} : { expected: docPart.expected }),
    ...(docPart.achieved === undefined ? {} : { achieved: docPart.achieved }),
    ...(docPart.rows === undefined ? {} : { rows: docPart.rows }),
    ...(targets.length === 0 ? {} : { targets: targets.map((t) => ({ ...t, rows: t.rows ?? [] }) as AnnualTarget) }),
    ...(levels.length === 0 ? {} : { levels: levels as ClaimedLevel[] }),
    ...(claimedTotal === undefined ? {} : { claimedTotal }),
    ...(claimedGrade === undefined ? {} : { claimedGrade }),
  };
  // What was read is checked as any document is: the result is a valid self-evaluation, or issues.
  const checked = checkedCopy<SelfEvaluation>(doc, selfEvaluationSchema());
  return checked.ok ? { doc: checked.value, issues, warnings } : { issues: checked.issues, warnings };
}
