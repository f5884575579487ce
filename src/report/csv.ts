/**
 * CSV 写出（RFC 4180）。Writing CSV as RFC 4180 has it: fields quoted when they hold a comma, a quote, a line
 * break or leading/trailing spaces (quotes doubled), records ended by CRLF, UTF-8 with a byte-order mark so that
 * Excel opens Chinese text as UTF-8.
 */

/**
 * 一个 CSV 字段，必要时加引号。A CSV field, quoted when it holds `"`, `,`, CR or LF, or starts or ends with a space
 * (which some readers trim); quotes inside are doubled. Text from submitted forms that Excel would run as a formula
 * (starting with `=`, `+`, `-`, `@` or a tab, and not a number) gets a leading `'`, so it opens as text.
 *
 * @param value the field's text
 * @returns the field as written in the file
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?(\d|\.\d)/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe.startsWith(' ') || safe.endsWith(' ') ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * 一个 CSV 记录（不含行尾）。One CSV record, without its line end.
 *
 * @param fields the fields of the record
 * @returns the fields quoted as needed and joined by commas
 */
export const csvRecord = (fields: readonly string[]): string => fields.map(csvField).join(',');

/**
 * 整个 CSV 文件：BOM、表头与各记录，每个记录以 CRLF 结束。A whole CSV file: the byte-order mark, the header and the
 * records, each record ended by CRLF.
 *
 * @param header the column names
 * @param records the records, each as long as the header
 * @returns the file's text, starting with "\uFEFF"
 */
export const csvDocument = (header: readonly string[], records: readonly (readonly string[])[]): string =>
  `\uFEFF${[header, ...records].map((r) => `${csvRecord(r)}\r\n`).join('')}`;
