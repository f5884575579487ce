import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** The documentation pages whose code blocks are checked: README.md and every page of docs/. */
export const PAGES: readonly string[] = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** A fenced code block of a Markdown page. */
export interface Block {
  /** Page, relative to the repository root. */
  readonly page: string;
  /** 1-based line of the first line of code (the line after the opening fence). */
  readonly line: number;
  /** Language: the first word of the info string (`ts`, `yaml`, `bash`…). */
  readonly lang: string;
  /** The other words of the info string (`no-run`, `continued`). */
  readonly flags: readonly string[];
  readonly code: string;
}

/** The text of a page. */
export const readPage = (page: string): string => readFileSync(join(ROOT, page), 'utf8');

/** Every fenced code block of a page, in order. */
export function blocksOf(page: string): Block[] {
  const lines = readPage(page).split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i] as string);
    if (open === null) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const words = info.trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] as string).startsWith(`${indent}${fence}`)) body.push((lines[j] as string).slice(indent.length)), j++;
    if (j === lines.length) throw new Error(`${page}:${i + 1}: unclosed code fence`);
    blocks.push({ page, line: i + 2, lang: words[0] ?? '', flags: words.slice(1), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

/** The text of a page without its code blocks (prose and tables only). */
export function proseOf(page: string): string {
  return readPage(page).replace(/^(\s*)(`{3,})[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '');
}
