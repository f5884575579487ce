/**
 * 自评表的版式：按原表的样子排出单元格与合并区域，供 XLSX 与 CSV 导出共用。The form's layout as cells and merged
 * areas, shared by the XLSX and CSV writers: header block, budget block with its 其中 rows, 年度总体目标, the
 * indicator table(s) with 一级 / 二级 merged and a subtotal row after each level (`levels`), the total and the
 * grade. read.ts reads this layout back.
 */
import type { SelfEvaluationSheet } from '../selfEval/scoreSelfEvaluation.js';
import type { BudgetRow, ClaimedLevel, SelfEvaluation, TargetRow } from '../selfEval/types.js';
import type { CellValue } from './grid.js';
import { BUDGET_HEADINGS, BUDGET_LINES, HEADER_LABELS, LABELS, SUBTOTAL_LABELS, TABLE_HEADINGS, type BudgetLine, type TableField } from './labels.js';

/** 版式。A laid-out form. */
export interface Layout {
  /** 逐行的单元格值（每行同宽）。Cell values, row by row, all rows of the same width. */
  readonly rows: readonly (readonly CellValue[])[];
  /** 合并区域 [起始行, 起始列, 结束行, 结束列]（从 0 起，含两端）。Merged areas [top, left, bottom, right], from 0, inclusive. */
  readonly merges: readonly (readonly [number, number, number, number])[];
  /** 标题行（加粗）。Heading rows, shown bold. */
  readonly headings: ReadonlySet<number>;
  /** 各列的字段（指标表）。The field of each column of the indicator table. */
  readonly columns: readonly TableField[];
}

/** The template id as the document writes it. */
const templateIdOf = (doc: SelfEvaluation): string => (typeof doc.template === 'string' ? doc.template : doc.template.id);

/** A computed score as a number cell ("8.00" → 8), or nothing. */
const scoreCell = (s: string | null | undefined): CellValue => (s === null || s === undefined ? undefined : Number(s));

/**
 * 各一级指标小计行的位置：每个小计跟在该级最后一行之后（没有行的排在最后一张表末尾），且不打乱 `levels` 的次序。Where
 * the subtotal rows go: each after the last row of its level (a level without rows at the end of the last table),
 * moved down where needed so that the rows keep the order of `levels` — which is the order import reads them in.
 *
 * @param tables the indicator tables' rows, in the order written
 * @param levels the document's level-1 subtotals
 * @returns for each table, the subtotals to write after its row i (key i; -1 right after the heading)
 */
export function placeSubtotals(tables: readonly (readonly TargetRow[])[], levels: readonly ClaimedLevel[]): Map<number, ClaimedLevel[]>[] {
  const placed = tables.map(() => new Map<number, ClaimedLevel[]>());
  const last = tables.length - 1;
  const end: readonly [number, number] = [last, (tables[last]?.length ?? 0) - 1];
  let at: readonly [number, number] = [0, -1];
  for (const level of levels) {
    let own: readonly [number, number] = end;
    tables.forEach((list, t) => list.forEach((row, i) => void (row.level1 === level.level1 && (own = [t, i]))));
    if (own[0] > at[0] || (own[0] === at[0] && own[1] > at[1])) at = own;
    const list = placed[at[0]]?.get(at[1]) ?? [];
    placed[at[0]]?.set(at[1], [...list, level]);
  }
  return placed;
}

/**
 * 排出自评表。Lays the form out.
 *
 * @param doc the self-evaluation
 * @param sheet its scored sheet, to add the computed 自评得分 column, the budget's 分值 / 执行率 and the total's 分值
 */
export function layoutForm(doc: SelfEvaluation, sheet?: SelfEvaluationSheet): Layout {
  const scored = sheet !== undefined;
  const all = [...(doc.rows ?? []), ...(doc.targets ?? []).flatMap((t) => t.rows)];
  const sichuan = all.some((r) => r.nature !== undefined || r.value !== undefined || r.unit !== undefined);
  // The level's 分值 and 得分 go on subtotal rows, never in columns of their own.
  const columns: Exclude<TableField, 'level1Weight' | 'level1Claimed'>[] = ['level1', 'level2', 'name', ...(sichuan ? [] : (['target'] as const)), ...(sichuan ? (['nature', 'value', 'unit'] as const) : []),
    'actual', 'weight', 'claimed', ...(scored ? (['score'] as const) : []), 'reason'];
  if (sichuan && all.some((r) => r.target !== undefined)) columns.splice(3, 0, 'target');
  const width = Math.max(columns.length, scored ? 9 : 8);
  const col = (f: (typeof columns)[number]): number => columns.indexOf(f);

  const rows: CellValue[][] = [];
  const merges: [number, number, number, number][] = [];
  const headings = new Set<number>();
  /** Adds a row with the given cells; returns its index. */
  const line = (cells: readonly (readonly [number, CellValue])[], heading = false): number => {
    const row: CellValue[] = Array.from({ length: width }, () => undefined);
    for (const [c, v] of cells) row[c] = v;
    rows.push(row);
    if (heading) headings.add(rows.length - 1);
    return rows.length - 1;
  };
  const merge = (top: number, left: number, bottom: number, right: number): void => {
    if (bottom > top || right > left) merges.push([top, left, bottom, right]);
  };
  /** A row of two label | value pairs: A | B–D | E | F–end. */
  const pairs = (a: string, av: CellValue, b?: string, bv?: CellValue): void => {
    const r = line([[0, a], [1, av], ...(b === undefined ? [] : ([[4, b], [5, bv]] as const))]);
    if (b === undefined) merge(r, 1, r, width - 1);
    else {
      merge(r, 1, r, 3);
      merge(r, 5, r, width - 1);
    }
  };

  // Header block.
  merge(line([[0, LABELS.title]], true), 0, 0, width - 1);
  pairs(HEADER_LABELS.name[0], doc.project.name);
  pairs(HEADER_LABELS.department[0], doc.project.department, HEADER_LABELS.unit[0], doc.project.unit);
  pairs(HEADER_LABELS.year[0], doc.project.year, HEADER_LABELS.fund[0], doc.project.fund);
  pairs(HEADER_LABELS.template[0], templateIdOf(doc));
  const options = typeof doc.template === 'string' ? undefined : doc.template.options;
  if (options !== undefined) pairs(HEADER_LABELS.reverse[0], options.reverse, HEADER_LABELS.reviewAt[0], options.reviewAt);

  // Budget block: 项目资金 | row label | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 [| 自评得分].
  const budgetTop = line(
    [[0, LABELS.budget], [2, BUDGET_HEADINGS.initial[0]], [3, BUDGET_HEADINGS.annual[0]], [4, BUDGET_HEADINGS.executed[0]], [5, BUDGET_HEADINGS.weight[0]],
      [6, BUDGET_HEADINGS.rate[0]], [7, BUDGET_HEADINGS.claimed[0]], ...(scored ? ([[8, BUDGET_HEADINGS.score[0]]] as const) : [])],
    true,
  );
  for (const which of ['total', 'appropriation', 'carryover', 'other'] as const satisfies readonly BudgetLine[]) {
    const b: BudgetRow = (which === 'total' ? doc.budget : doc.budget[which]) ?? {};
    const computed = which === 'total' && sheet !== undefined
      ? ([[5, scoreCell(sheet.budget.weight)], [6, sheet.budget.rate === null ? undefined : `${(Number(sheet.budget.rate) * 100).toFixed(2)}%`],
          [8, scoreCell(sheet.budget.score)]] as const)
      : [];
    line([[1, BUDGET_LINES[which]], [2, b.initial], [3, b.annual], [4, b.executed], [7, b.claimed], ...computed]);
  }
  merge(budgetTop, 0, rows.length - 1, 0);

  /** 年度总体目标: 预期目标 | 实际完成情况, the texts below. */
  const overall = (expected: string | undefined, achieved: string | undefined): void => {
    const top = line([[0, LABELS.overall], [1, LABELS.expected], [5, LABELS.achieved]], true);
    const below = line([[1, expected], [5, achieved]]);
    for (const r of [top, below]) {
      merge(r, 1, r, 4);
      merge(r, 5, r, width - 1);
    }
    merge(top, 0, below, 0);
  };

  const scores = new Map((sheet?.rows ?? []).map((r) => [JSON.stringify(r.path), r.score]));
  /**
   * An indicator table: headings, then the rows, each level's subtotal row (一级 | 小计 | … | 分值 | 得分) after its
   * last row; runs of the same 一级, and of the same 二级 within it, merged (a subtotal row ends a run).
   */
  const table = (list: readonly TargetRow[], path: readonly (string | number)[], subtotals: ReadonlyMap<number, readonly ClaimedLevel[]>): void => {
    line(columns.map((f, c) => [c, TABLE_HEADINGS[f][0]] as const), true);
    /** The data rows written, with their sheet row; a subtotal row is `undefined`. */
    const body: ({ readonly r: number; readonly row: TargetRow } | undefined)[] = [];
    const subtotalRows = (i: number): void => {
      for (const l of subtotals.get(i) ?? []) {
        line([[col('level1'), l.level1], [col('level2'), SUBTOTAL_LABELS[0]], [col('weight'), l.weight], [col('claimed'), l.claimed]]);
        body.push(undefined);
      }
    };
    subtotalRows(-1);
    list.forEach((row, i) => {
      const r = line(columns.map((f, c) => [c, f === 'score' ? scoreCell(scores.get(JSON.stringify([...path, i]))) : row[f]] as const));
      body.push({ r, row });
      subtotalRows(i);
    });
    for (let start = 0, i = 1; i <= body.length; i++) {
      const a = body[start];
      const b = body[i];
      if (b === undefined || a === undefined || b.row.level1 !== a.row.level1) {
        if (a !== undefined) merge(a.r, col('level1'), (body[i - 1] as { r: number }).r, col('level1'));
        start = i;
      }
    }
    for (let start = 0, i = 1; i <= body.length; i++) {
      const a = body[start];
      const b = body[i];
      if (b === undefined || a === undefined || b.row.level1 !== a.row.level1 || a.row.level2 === undefined || b.row.level2 !== a.row.level2) {
        if (a?.row.level2 !== undefined) merge(a.r, col('level2'), (body[i - 1] as { r: number }).r, col('level2'));
        start = i;
      }
    }
  };

  overall(doc.expected, doc.achieved);
  const targets = doc.targets ?? [];
  // Subtotals need a table: a document with levels but neither rows nor targets gets an empty one (read back as rows: []).
  const docRows = doc.rows ?? (targets.length === 0 && (doc.levels ?? []).length > 0 ? [] : undefined);
  const placed = placeSubtotals([...(docRows === undefined ? [] : [docRows]), ...targets.map((t) => t.rows)], doc.levels ?? []);
  if (docRows !== undefined) table(docRows, ['rows'], placed[0] ?? new Map());
  targets.forEach((t, i) => {
    // 年度绩效目标 | name | 目标分值 | points | 目标资金 | fund | 得分 | claimed.
    const r = line([[0, HEADER_LABELS.target[0]], [1, t.name], [2, HEADER_LABELS.points[0]], [3, t.points], [4, HEADER_LABELS.targetFund[0]], [5, t.fund],
      [6, HEADER_LABELS.targetClaimed[0]], [7, t.claimed]], true);
    merge(r, 7, r, width - 1);
    overall(t.expected, t.achieved);
    table(t.rows, ['targets', i, 'rows'], placed[i + (docRows === undefined ? 0 : 1)] ?? new Map());
  });

  // Total and grade: in the 得分 column under a table (the computed ones in 自评得分); beside the label without one.
  const tabled = docRows !== undefined || targets.length > 0;
  const at = tabled ? col('claimed') : 1;
  const total = line([[0, LABELS.total], [at, doc.claimedTotal], ...(tabled && scored ? ([[col('weight'), scoreCell(sheet.maximum)], [col('score'), scoreCell(sheet.total)]] as const) : [])]);
  const grade = line([[0, LABELS.grade], [at, doc.claimedGrade], ...(tabled && scored ? ([[col('score'), sheet.grade ?? undefined]] as const) : [])]);
  merge(total, 0, total, tabled ? col('weight') - 1 : 0);
  merge(grade, 0, grade, at - 1);
  return { rows, merges, headings, columns };
}
