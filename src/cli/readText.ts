import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FileError } from './failures.js';

/** 输入文件大小上限 20 MB（见 docs/cli.md）。Input files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** 可用 --encoding 指定的编码。Encodings `--encoding` can force. */
export const ENCODINGS = ['utf8', 'gbk', 'utf16le'] as const;
/** 一种可指定的编码。An encoding `--encoding` can force. */
export type Encoding = (typeof ENCODINGS)[number];

/** WHATWG label (for TextDecoder) and display name of each encoding. */
const NAMES: { readonly [E in Encoding | 'utf16be']: readonly [label: string, shown: string] } = {
  utf8: ['utf-8', 'UTF-8'],
  gbk: ['gbk', 'GBK'],
  utf16le: ['utf-16le', 'UTF-16LE'],
  utf16be: ['utf-16be', 'UTF-16BE'],
};

/**
 * 读取文本文件：限制大小，识别编码（或按 `encoding` 解码）。Reads a text file: refuses files above
 * MAX_FILE_BYTES, then decodes it — as `encoding` when given, otherwise by detection (see `decodeText`).
 *
 * @param path the file to read
 * @param encoding the encoding to force, if any
 * @returns the text, without byte-order mark
 * @throws FileError when the file cannot be read, is too large, or cannot be decoded
 */
export function readText(path: string, encoding?: Encoding): string {
  return decodeText(readBytes(path), path, encoding);
}

/** Reads at most MAX_FILE_BYTES + 1 bytes, so that even an endless device is refused, not read whole. */
function readBytes(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new FileError(cannotRead(path, e));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileError(`是目录而不是文件 / Is a directory, not a file: ${path}`);
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(path, stat.size);
    return readBounded(fd, path);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(cannotRead(path, e));
  } finally {
    closeSync(fd);
  }
}

function readBounded(fd: number, path: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    total += n;
    if (total > MAX_FILE_BYTES) throw tooLarge(path);
    chunks.push(chunk.subarray(0, n));
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** The refusal, with the size when it is known (a device or pipe has none). */
function tooLarge(path: string, size?: number): FileError {
  const mb = (n: number): string => String(Math.round((n / 1024 / 1024) * 10) / 10);
  const limit = `${mb(MAX_FILE_BYTES)} MB`;
  const zh = size === undefined ? `超过 ${limit}` : `${mb(size)} MB，上限 ${limit}`;
  const en = size === undefined ? `more than ${limit}` : `${mb(size)} MB; the limit is ${limit}`;
  return new FileError(`文件过大（${zh}）/ File too large (${en}): ${path}`);
}

const READ_ERRORS: { readonly [code: string]: string } = {
  ENOENT: '文件不存在 / No such file',
  EACCES: '没有读取权限 / Permission denied',
  EPERM: '没有读取权限 / Permission denied',
  EISDIR: '是目录而不是文件 / Is a directory, not a file',
  ENOTDIR: '路径中有一段不是目录 / A part of the path is not a directory',
};

/**
 * 无法读取文件的原因。Why a file cannot be read, as one bilingual line naming it ("文件不存在 / No such file: x").
 *
 * @param path the file
 * @param e what reading it threw
 * @returns the message
 */
export function cannotRead(path: string, e: unknown): string {
  return `${errorReason(e, READ_ERRORS, '无法读取文件 / Cannot read the file')}: ${path}`;
}

/**
 * 文件操作失败的原因。Why a file operation failed, in both languages: the reason `reasons` gives for the error's code,
 * else `fallback` with the error's own message.
 *
 * @param e what the operation threw
 * @param reasons bilingual reasons by error code (ENOENT…)
 * @param fallback the bilingual reason of any other error
 */
export function errorReason(e: unknown, reasons: { readonly [code: string]: string }, fallback: string): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return reasons[code] ?? `${fallback} (${e instanceof Error ? e.message : code})`;
}

/**
 * 解码文件内容。Decodes file content. Without `encoding`: a byte-order mark decides (UTF-8, UTF-16 LE/BE);
 * otherwise valid UTF-8 is UTF-8, and anything else is tried as GBK (as Chinese offices save it).
 * Decoding is strict: bytes that are not valid in the chosen encoding are an error, never "�".
 *
 * @param bytes the file content
 * @param path the file, for messages
 * @param encoding the encoding to force, if any
 * @returns the text, without byte-order mark
 * @throws FileError when the bytes are not valid text in the encoding
 */
export function decodeText(bytes: Uint8Array, path: string, encoding?: Encoding): string {
  if (encoding !== undefined) return decodeAs(encoding, bytes, path);
  const bom = bomEncoding(bytes);
  if (bom !== undefined) return decodeAs(bom, bytes, path);
  const utf8 = strictText(bytes, 'utf8');
  const text = utf8 ?? decodeAs('gbk', bytes, path);
  if (text.includes('\u0000')) {
    throw new FileError(
      `文件含有空字节：可能是无 BOM 的 UTF-16 或二进制文件，可用 --encoding 指定编码 / The file contains NUL bytes: UTF-16 without a BOM, or not a text file? Use --encoding: ${path}`,
    );
  }
  return text;
}

function bomEncoding(bytes: Uint8Array): Encoding | 'utf16be' | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf8';
  if (a === 0xff && b === 0xfe) return 'utf16le';
  if (a === 0xfe && b === 0xff) return 'utf16be';
  return undefined;
}

function decodeAs(encoding: Encoding | 'utf16be', bytes: Uint8Array, path: string): string {
  const text = strictText(bytes, encoding);
  if (text === undefined) {
    const name = NAMES[encoding][1];
    throw new FileError(
      `文件不是有效的 ${name} 文本，可用 --encoding 指定编码 / Not valid ${name} text; use --encoding to choose another encoding: ${path}`,
    );
  }
  return text;
}

/** Fatal decoders, made when first needed (a Node.js without full ICU has no GBK) and then reused, by encoding and BOM handling. */
const decoders = new Map<string, TextDecoder>();

/**
 * 严格解码。Bytes decoded strictly: the text, or undefined when they are not valid text in the encoding (never "�").
 * A byte-order mark is dropped, or kept with `keepBom` (`jixiao batch` reads a file's lines and drops it itself).
 *
 * @param bytes whole characters
 * @param encoding the encoding
 * @param keepBom keep a byte-order mark as U+FEFF
 * @throws FileError when this Node.js cannot decode the encoding
 */
export function strictText(bytes: Uint8Array, encoding: Encoding | 'utf16be', keepBom = false): string | undefined {
  const key = keepBom ? `${encoding}+bom` : encoding;
  let decoder = decoders.get(key);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(NAMES[encoding][0], { fatal: true, ignoreBOM: keepBom });
    } catch {
      const name = NAMES[encoding][1];
      throw new FileError(`此 Node.js 不支持 ${name} 解码（需要完整 ICU）/ This Node.js cannot decode ${name} (full ICU is needed)`);
    }
    decoders.set(key, decoder);
  }
  // 0xFF occurs in no GBK (or GB18030) text, but ICU's decoder drops it silently even when fatal.
  if (encoding === 'gbk' && bytes.includes(0xff)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The reason given for bytes that are not text in the encoding (a line of `jixiao batch`). */
export const notText = (encoding: Encoding): string =>
  `不是有效的 ${NAMES[encoding][1]} 文本，可用 --encoding 指定编码 / not valid ${NAMES[encoding][1]} text; use --encoding to choose another encoding`;
