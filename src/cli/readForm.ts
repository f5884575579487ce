/**
 * 读取一份表：YAML / JSON 文件，或经 jixiao/xlsx 导入的 XLSX / CSV 自评表。Reads one document: a YAML or JSON file,
 * or a self-evaluation form in XLSX or CSV imported through jixiao/xlsx (exceljs is needed for XLSX only when read).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Issue } from '../index.js';
import { FileError, IssuesFound } from './failures.js';
import { loadFile, type LoadedFile } from './loadFile.js';
import { plainDataIssues } from './parseData.js';
import type { Encoding } from './readText.js';

/** 是否为电子表格文件（按扩展名）。Whether a path names a spreadsheet (by extension). */
export const isSpreadsheet = (path: string): boolean => /\.(csv|xlsx)$/i.test(path);

/** 读入的文档及导入时的提示。A document as read, with the warnings of an import (cells not mapped). */
export interface ReadDocument extends LoadedFile {
  /** 导入电子表格时未能对应的单元格等。Warnings of a spreadsheet import. */
  readonly warnings: readonly Issue[];
}

/** 导入选项。Options for spreadsheets. */
export interface ReadOptions {
  /** 强制的编码。Encoding to force. */
  readonly encoding?: Encoding;
  /** 写入文档的模板 id。Template id for an imported form. */
  readonly template?: string;
  /** 工作表名称或序号。Worksheet name or index. */
  readonly sheet?: string | number;
}

/**
 * 读取一个文件为文档。Reads a file as a document.
 *
 * @param path the file
 * @param options encoding, and for spreadsheets the template id and worksheet
 * @returns the document and its warnings
 * @throws FileError when the file cannot be read (or exceljs is missing); IssuesFound when a spreadsheet cannot be imported
 */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<ReadDocument> {
  if (!isSpreadsheet(path)) return { ...loadFile(path, options.encoding), warnings: [] };
  if (options.encoding === 'utf16le') throw new FileError(`表格文件按 utf8 或 gbk 读取，不支持 utf16le / Spreadsheets are read as utf8 or gbk, not utf16le: ${path}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new FileError(`无法读取文件 / Cannot read the file: ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  let imported;
  try {
    const { importSelfEvaluation } = await import('../sheetio/index.js');
    imported = await importSelfEvaluation(bytes, {
      format: extname(path).toLowerCase() === '.csv' ? 'csv' : 'xlsx',
      ...(options.encoding === 'gbk' || options.encoding === 'utf8' ? { encoding: options.encoding } : {}),
      ...(options.template === undefined ? {} : { template: options.template }),
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    });
  } catch (e) {
    if (e instanceof Error && /Cannot find (module|package) 'exceljs'/.test(e.message)) {
      throw new FileError('读取 xlsx 需要安装 exceljs（npm install exceljs）/ Reading xlsx needs exceljs installed (npm install exceljs)');
    }
    throw e;
  }
  if (!imported.ok) throw new IssuesFound([{ file: path, issues: [...imported.issues, ...imported.warnings] }]);
  return { path, doc: imported.value, issues: plainDataIssues(imported.value), warnings: imported.warnings };
}
