/**
 * jixiao/xlsx：自评表与电子表格（XLSX / CSV）的导入导出（单独的入口，依赖可选的 exceljs，核心包不引用它）。
 * Import and export of self-evaluation forms as spreadsheets (XLSX, CSV): a separate entry point that needs the
 * optional peer dependency `exceljs`; the core (`jixiao`) never imports it.
 */
export { DEFAULT_TEMPLATE, exportSelfEvaluationCsv, exportSelfEvaluationXlsx, importSelfEvaluation } from './sheetio/index.js';
export type { ImportOptions, ImportResult } from './sheetio/index.js';
