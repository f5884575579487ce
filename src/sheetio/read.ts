/**
 * 从单元格网格读出自评表。Reads a self-evaluation out of a cell grid, top to bottom: the header block (labels with
 * their values to the right), the budget block and the indicator tables (found by their column headings), the
 * 年度总体目标 rows, the total and the grade. Every non-empty cell is either read into the document or reported
 * with its address (`sheet-cell-unmapped`).
 */
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { reason, type ReasonId } from '../errors/reasons.js';
import type { Num } from '../expr/types.js';
import { checkedCopy } from '../framework/plainData.js';
import { selfEvaluationSchema } from '../selfEval/schema.js';
import type { AnnualTarget, BudgetRow, SelfEvaluation, TargetRow, TemplateOptions } from '../selfEval/types.js';
import { address, type CellValue, type Grid } from './grid.js';
import {
  BUDGET_HEADINGS,
  budgetLineOf,
  headerFieldOf,
  isDecoration,
  LABELS,
  norm,
  TABLE_HEADINGS,
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
  const order: TableField[] = ['level1', 'level2', 'name', 'nature', 'unit', ...(sichuan ? (['value', 'target'] as const) : (['target', 'value'] as const)),
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
  const warn = (r: number, c: number, id: ReasonId): void => {
    use(r, c);
    const cell = address(r, c);
    warned.push({ at: r * 1e5 + c, issue: makeIssue('sheet-cell-unmapped', [cell], { cell, text: String(own(r, c) ?? ''), ...reason(id) }) });
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

  let mode: 'none' | 'budget' | 'overall' | 'table' = 'none';
  let budgetCols: Cols<BudgetField> = {};
  let tableCols: Cols<TableField> | undefined;
  let overallCols: { expected?: number; achieved?: number } = {};
  let tableRows: TargetRow[] = [];
  let previous: { level1?: string; level2?: string } = {};
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
    if (header[field] !== undefined) warn(r, c, 'cell-repeated');
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
      const owner = targets.at(-1) ?? docPart;
      if (owner.rows === undefined) owner.rows = tableRows;
      else tableRows = owner.rows;
      for (const c of Object.values(table)) use(r, c);
      for (const { c, v } of cells) if (typeof v === 'string' && isDecoration(v)) use(r, c);
      for (const { c } of cells) if (!used.has(key(r, c))) warn(r, c, 'cell-unknown-heading');
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
    if (first !== undefined && TOTAL_LABELS.includes(firstText) && (mode !== 'budget' || budgetLineOf(firstText) === undefined)) {
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
        // Written in one cell, as "年度绩效目标1（40分）": the text is the name.
        use(r, first.c);
        target.name = String(first.v);
      }
      readLabels(r, (field, v, c) => {
        if (field === 'target') target.name = String(v);
        else if (field === 'points') target.points = num(v) as Num;
        else if (field === 'targetFund') target.fund = num(v) as Num;
        else setHeader(r)(field, v, c);
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
    const level1 = l1.blank ? previous.level1 : l1.v;
    // A blank 二级 is the one above only where the 一级 is blank too (a merged form saved unmerged); else it is not set.
    const level2 = l2.blank ? (l1.blank ? previous.level2 : undefined) : l2.v;
    if (level1 === undefined) {
      const c = cols.level1 ?? 0;
      issues.push(makeIssue('missing-field', [address(r, c)], { key: '一级指标' }));
    }
    row.level1 = level1 ?? '';
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
    ...(claimedTotal === undefined ? {} : { claimedTotal }),
    ...(claimedGrade === undefined ? {} : { claimedGrade }),
  };
  // What was read is checked as any document is: the result is a valid self-evaluation, or issues.
  const checked = checkedCopy<SelfEvaluation>(doc, selfEvaluationSchema);
  return checked.ok ? { doc: checked.value, issues, warnings } : { issues: checked.issues, warnings };
}
