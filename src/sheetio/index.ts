/**
 * 自评表与电子表格（XLSX / CSV）的互转。Self-evaluation forms to and from spreadsheets (XLSX, CSV).
 */
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { formReason, makeFormIssue } from '../errors/formMessages.js';
import type { Result } from '../errors/result.js';
import type { SelfEvaluationSheet } from '../selfEval/scoreSelfEvaluation.js';
import type { SelfEvaluation } from '../selfEval/types.js';
import { decodeCsv, gridFromCsv, gridFromXlsx, type Grid } from './grid.js';
import { layoutForm } from './layout.js';
import { readForm } from './read.js';
import { writeCsv, writeXlsx } from './write.js';

export { DEFAULT_TEMPLATE } from './read.js';

/** 导入选项。Options of `importSelfEvaluation`. */
export interface ImportOptions {
  /**
   * 格式；缺省时按内容判断（ZIP 文件头为 XLSX，字符串及其他为 CSV）。The format; by default XLSX when the bytes
   * start as a ZIP archive does, else CSV (a string is always CSV text).
   */
  readonly format?: 'xlsx' | 'csv';
  /**
   * CSV 的编码；缺省时 BOM 或有效 UTF-8 为 UTF-8，否则为 GBK。The encoding of CSV bytes; by default a UTF-8 byte-order
   * mark or valid UTF-8 means UTF-8, anything else GBK.
   */
  readonly encoding?: 'utf8' | 'gbk';
  /**
   * 写入文档的模板 id（优先于表上“模板”一栏；都没有时为 national-project-2020）。The template id to put in the
   * document; it wins over the sheet's 模板 cell; with neither, `national-project-2020`.
   */
  readonly template?: string;
  /** 读取的工作表：名称或从 0 起的序号（缺省为第一张；仅 XLSX）。The worksheet to read, by name or index from 0; XLSX only. */
  readonly sheet?: string | number;
}

/**
 * 导入结果：文档或问题，以及提示（未读入的单元格，带地址）。The outcome of an import: the document or the issues that
 * prevent it, and in both cases the warnings — each cell that could not be read, its address (`C14`) as path.
 */
export type ImportResult = Result<SelfEvaluation> & {
  /** 提示：未能对应到字段的单元格等（path 为单元格地址）。Cells that map to no field and the like; the path is the cell's address. */
  readonly warnings: readonly Issue[];
};

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function gridOf(data: Uint8Array | ArrayBuffer | string, options: ImportOptions): Promise<Grid | Issue> {
  if (typeof data === 'string') {
    if (options.format === 'xlsx') return makeFormIssue('sheet-unreadable', [], formReason('sheet-not-xlsx', { detail: 'text given' }));
    return gridFromCsv(data);
  }
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (options.format === 'xlsx' || (options.format === undefined && isZip(bytes))) return gridFromXlsx(bytes, options.sheet);
  const text = decodeCsv(bytes, options.encoding);
  if (text === undefined) return makeFormIssue('sheet-unreadable', [], formReason('sheet-not-text', { encoding: options.encoding === 'gbk' ? 'GBK' : 'UTF-8 / GBK' }));
  return gridFromCsv(text);
}

/**
 * 从 XLSX 或 CSV 导入项目支出绩效自评表。Imports a project self-evaluation (项目支出绩效自评表) from an XLSX workbook
 * or a CSV file laid out as the form is printed.
 *
 * 读法 How it reads:
 * - 表头：项目名称、主管部门、实施单位、年度（或标题中的“（2022年度）”）、项目资金、模板，各取右侧的值。Header labels
 *   take the value to their right; the year may also come from a title such as "（2022年度）".
 * - 预算执行：按列标题（年初预算数、全年预算数 / 调整后预算数、全年执行数、得分）读合计行与“其中”各行（本年财政拨款、
 *   上年结转资金、其他资金）；分值、执行率由模板决定，不读入。The budget block by its headings, with its 其中 rows;
 *   its 分值 and 执行率 are the template's and are not read.
 * - 指标表：按列标题（含常见写法，如 指标值 / 完成值 / 权重 / 自评得分 / 偏差原因，四川的 指标性质 / 指标值 / 度量单位）
 *   找列，从不按固定位置；合并的一级、二级单元格向下填充；“/” 行原样保留为未设置行。The indicator table by its
 *   headings, never by position; merged 一级 / 二级 cells fill down; "/" rows are kept as not-set rows. When a table
 *   has both 得分 and 自评得分, 得分 is the claimed score and 自评得分 (jixiao's computed column) is skipped.
 * - 一级指标小计 → levels（分值 → weight，得分 → claimed），不作为指标行。Level-1 subtotals go to `levels` (分值 as
 *   weight, 得分 as claimed) and never become indicator rows. A subtotal row is one whose 二级 or 三级 cell says 小计 or
 *   合计 ("产出指标 | 小计 | | | | 50 | 48"; the level is its 一级 cell's, else the one above), whose 一级 cell says
 *   "产出指标小计", or whose own 一级 cell repeats the level of the row above over empty 二级, 三级 and text cells with a
 *   分值 or 得分 (in CSV only under a level whose rows left the name blank, as a merged area saved as CSV does: a CSV
 *   that repeats the level on every row must say 小计). A 二级 subtotal (二级 written, 三级 小计) is skipped and its cells
 *   reported. A level written with its points, "产出指标（50分）", is 产出指标 with weight 50; so are columns of their
 *   own — 一级指标分值 / 一级指标得分 headings, or a 一级指标 heading over two columns with 名称 | 分值 on the row below.
 *   One entry per level and table, in the order first printed; a different value printed again is reported.
 * - 总分 / 合计 → claimedTotal，自评等级 → claimedGrade；“年度绩效目标” 行开始一个年度目标（湖北）：名称、目标分值（或写作
 *   “年度绩效目标1（40分）”）、目标资金、得分 → name, points, fund, claimed. 目标分值 or 得分 elsewhere is reported.
 * - 数值按所写：数值单元格为数字，文字为文字（数值栏里的文字原样保留，由计分报告）；CSV 中数值栏的纯数字读作数字，
 *   指标值、完成值保持文字；数值栏中的“/”“-”视为空。Numbers as written: a number cell gives a number, a text cell
 *   text (a word in a numeric cell stays text so that scoring reports it). In CSV, a plain number in a numeric column
 *   (amounts, 分值, 得分) reads as a number; targets and actuals stay text. "/" or "-" in a numeric cell is empty.
 *
 * 不会抛出异常。Never throws: a file that is not a spreadsheet, or a form without 项目名称 or a row without 一级指标,
 * gives `ok: false`; every cell that could not be read is a `sheet-cell-unmapped` warning with its address.
 *
 * @param data the XLSX bytes, or CSV bytes or text
 * @param options format, encoding, template and sheet
 * @example
 * const result = await importSelfEvaluation(readFileSync('自评表.xlsx'));
 * if (result.ok) console.log(result.value.rows?.length); else console.log(result.issues);
 * for (const w of result.warnings) console.log(w.path[0], w.message);
 */
export async function importSelfEvaluation(data: Uint8Array | ArrayBuffer | string, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    const grid = await gridOf(data, options);
    if ('code' in grid) return { ok: false, issues: [grid], warnings: [] };
    const read = readForm(grid, options.template);
    const warnings = [...(grid.notes ?? []), ...read.warnings];
    if (read.doc !== undefined) return { ok: true, value: read.doc, warnings };
    const [first, ...rest] = read.issues;
    return first === undefined ? { ok: false, issues: [makeIssue('internal-error', [], { message: 'no document and no issue' })], warnings }
      : { ok: false, issues: [first, ...rest], warnings };
  } catch (e) {
    return { ok: false, issues: [makeIssue('internal-error', [], { message: e instanceof Error ? e.message : String(e) })], warnings: [] };
  }
}

/**
 * 导出为 XLSX，版式同原表。Exports a self-evaluation as an XLSX workbook laid out as the form: the header block, the
 * budget block with its 其中 rows, 年度总体目标, the indicator table with 一级 / 二级 merged, 分值, 得分 (the claimed
 * scores), a subtotal row after each level's last row (一级 | 小计 | … | 分值 | 得分, from `levels`; a level without rows
 * at the end of the last table, and later if needed to keep the order of `levels`), the 总分 row and 自评等级. Annual
 * targets (Hubei) each get a 年度绩效目标 line (名称, 目标分值, 目标资金, 得分) and their own table.
 *
 * 给出计分结果 `sheet` 时，另加“自评得分”一列，填 jixiao 算出的得分（数值，不是公式）；预算块填分值、执行率与得分，
 * 总分行填满分与总分，等级行填算出的等级。不完整的结果中未能计分的行留空。With a scored `sheet`, a 自评得分 column
 * holds jixiao's computed scores as values (not formulas); the budget row gets its 分值, 执行率 and computed score,
 * the total row the maximum and the computed total, the grade row the computed grade. Unscored rows stay blank.
 * The 得分 column always holds what the form claimed. `importSelfEvaluation` reads the result back to the same
 * document (the `format` marker aside; a template given as `{ id }` without options comes back as the id;
 * `statedTotal`, the report's prose total, is not on the form and is not written; `levels: []` comes back absent,
 * and levels without rows or targets come back with `rows: []`).
 *
 * @param doc the self-evaluation
 * @param sheet its scored sheet (`scoreSelfEvaluation`), to add the computed scores
 * @returns the workbook's bytes
 */
export async function exportSelfEvaluationXlsx(doc: SelfEvaluation, sheet?: SelfEvaluationSheet): Promise<Uint8Array> {
  return writeXlsx(layoutForm(doc, sheet));
}

/**
 * 导出为 CSV（UTF-8 带 BOM），内容与 XLSX 相同、合并单元格展开。Exports a self-evaluation as CSV text: UTF-8 with a
 * byte-order mark (so that Excel opens it as UTF-8), the same layout as the XLSX flattened — 一级 and 二级 are written
 * on every row, other merged areas in their first cell. With a scored `sheet`, the computed 自评得分 column as in XLSX.
 * CSV has no types: imported back, amounts, 分值 and 得分 that are plain numbers come back as numbers, targets and
 * actuals as text.
 *
 * @param doc the self-evaluation
 * @param sheet its scored sheet, to add the computed scores
 * @returns the CSV text, starting with "\uFEFF"
 */
export function exportSelfEvaluationCsv(doc: SelfEvaluation, sheet?: SelfEvaluationSheet): string {
  return writeCsv(layoutForm(doc, sheet));
}
