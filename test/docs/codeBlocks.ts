import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { blocksOf, ROOT, type Block } from './markdown.js';

/*
 * Runs the ```ts blocks of the documentation.
 *
 * Conventions a page follows (see docs.test.ts):
 *   - every ```ts block runs as it is, with `from 'jixiao'` pointing at src/index.ts (and 'jixiao/presets' at
 *     src/presets/index.ts); ```ts no-run is shown only;
 *   - ```ts continued runs after the page's previous ```ts block (and whatever that one continued);
 *   - a ```yaml block whose first line is a comment naming a file (`# demo.yaml`) is that file in the working
 *     directory of every block of the page, so a block can `readFileSync('demo.yaml')`;
 *   - a stated result is checked: `console.log(a, b); // → "1" 2` (any trailing comment of a one-line
 *     console.log, maybe after `if (…) `, states its output; the arrow is optional there), `expr; // → value`, and
 *     `const x = expr; // → value` (states the value of x). Values are written as JSON (strings in double
 *     quotes), several values separated by one space, `undefined` as is.
 */

/** A stated result of a block: its page line and the text it states. */
export interface Claim {
  readonly line: number;
  readonly expected: string;
}

/** A block made ready to run. */
export interface Prepared {
  readonly block: Block;
  /** Folder name under the work directory. */
  readonly name: string;
  readonly source: string;
  readonly claims: readonly Claim[];
}

/** What running a block gave. */
export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Each check reached: the page line, the text stated and the value found. */
  readonly checks: readonly { readonly line: number; readonly expected: string; readonly actual: string }[];
}

/** Where blocks are written and run: inside the repository, so that packages resolve; one folder per run. */
export const WORK = join(ROOT, `node_modules/.cache/jixiao-docs-${process.pid}`);

const INDEX = join(ROOT, 'src/index.js');
const PRESETS = join(ROOT, 'src/presets/index.js');
const RUNTIME = `import { appendFileSync } from 'node:fs';

/** Records a stated result and the value found (written as JSON). */
export function __check(line: number, expected: string, ...values: unknown[]): void {
  const actual = values.map((v) => (v === undefined ? 'undefined' : JSON.stringify(v))).join(' ');
  appendFileSync(process.env.DOC_CHECKS as string, JSON.stringify({ line, expected, actual }) + '\\n');
}
`;

const CONSOLE = /^(\s*(?:if \(.*?\) )?)console\.log\((.*)\);?\s*\/\/\s*(?:→\s*)?(.+?)\s*$/;
const DECLARATION = /^(\s*)((?:const|let)\s+([A-Za-z_$][\w$]*)\b.*?);?\s*\/\/\s*→\s*(.+?)\s*$/;
const EXPRESSION = /^(\s*)(.+?);?\s*\/\/\s*→\s*(.+?)\s*$/;
const STATEMENT = /^(import|export|if|for|while|return|throw|try|function|class|type|interface|await\s+import)\b/;

/** Instruments one block's lines: stated results become checks. Throws on a stated result it cannot check. */
function instrument(block: Block): { code: string; claims: Claim[] } {
  const claims: Claim[] = [];
  const lines = block.code.split('\n').map((text, i) => {
    const line = block.line + i;
    const call = CONSOLE.exec(text);
    if (call !== null) {
      const [, indent, args, expected] = call as unknown as [string, string, string, string];
      claims.push({ line, expected });
      return `${indent}__check(${line}, ${JSON.stringify(expected)}, ${args});`;
    }
    if (!text.includes('// →')) return text;
    const decl = DECLARATION.exec(text);
    if (decl !== null) {
      const [, indent, statement, name, expected] = decl as unknown as [string, string, string, string, string];
      claims.push({ line, expected });
      return `${indent}${statement}; __check(${line}, ${JSON.stringify(expected)}, ${name});`;
    }
    const expr = EXPRESSION.exec(text);
    if (expr !== null && !STATEMENT.test((expr[2] as string).trim())) {
      const [, indent, expression, expected] = expr as unknown as [string, string, string, string];
      claims.push({ line, expected });
      return `${indent}__check(${line}, ${JSON.stringify(expected)}, (${expression}));`;
    }
    throw new Error(`${block.page}:${line}: a stated result ("// →") that cannot be checked: ${text.trim()}`);
  });
  return { code: lines.join('\n'), claims };
}

/** The runnable ```ts blocks of a page, with their `continued` chains resolved. */
export function prepare(page: string): Prepared[] {
  const out: Prepared[] = [];
  let previous: { code: string; claims: Claim[] } | undefined;
  for (const block of blocksOf(page)) {
    if (block.lang !== 'ts' || block.flags.includes('no-run')) continue;
    const own = instrument(block);
    const continued = block.flags.includes('continued');
    if (continued && previous === undefined) throw new Error(`${page}:${block.line}: "continued" with no ts block before it`);
    const chain = continued && previous !== undefined ? { code: `${previous.code}\n${own.code}`, claims: [...previous.claims, ...own.claims] } : own;
    previous = chain;
    const source = `${chain.code.replace(/from 'jixiao\/presets'/g, `from '${PRESETS}'`).replace(/from '(jixiao)'/g, `from '${INDEX}'`)}\nimport { __check } from './__doc_runtime.js';\nexport {};\n`;
    out.push({ block, name: `${page.replace(/[^\w]+/g, '-')}-${block.line}`, source, claims: chain.claims });
  }
  return out;
}

/** The files a page names in ```yaml blocks (`# demo.yaml` on the first line). */
export function namedFiles(page: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const block of blocksOf(page)) {
    const name = block.lang === 'yaml' ? /^#\s*([\w.-]+\.ya?ml)\s*$/.exec(block.code.split('\n')[0] ?? '')?.[1] : undefined;
    if (name !== undefined) files.set(name, block.code);
  }
  return files;
}

/** Writes every block into its own folder under WORK, with the page's named files, and a tsconfig for them all. */
export function writeAll(blocks: readonly Prepared[]): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  for (const p of blocks) {
    const dir = join(WORK, p.name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'block.ts'), p.source);
    writeFileSync(join(dir, '__doc_runtime.ts'), RUNTIME);
    for (const [name, text] of namedFiles(p.block.page)) writeFileSync(join(dir, name), text);
  }
  // Type-checks the blocks with the repository's settings; unused names are allowed in examples.
  writeFileSync(
    join(WORK, 'tsconfig.json'),
    JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { noUnusedLocals: false, allowImportingTsExtensions: true }, include: ['*/*.ts'], exclude: [] }, null, 2),
  );
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Removes the blocks written by this run. */
export const removeAll = (): void => rmSync(WORK, { recursive: true, force: true });

/** Runs one written block with the repository's tsx. */
export async function runBlock(p: Prepared): Promise<Ran> {
  const dir = join(WORK, p.name);
  const checksFile = join(dir, 'checks.jsonl');
  rmSync(checksFile, { force: true });
  const result = await run(join(ROOT, 'node_modules/.bin/tsx'), ['block.ts'], dir, { DOC_CHECKS: checksFile });
  const checks = existsSync(checksFile)
    ? readFileSync(checksFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Ran['checks'][number])
    : [];
  return { ...result, checks };
}

/** Type-checks every written block at once; returns tsc's output (empty when there is no error). */
export async function typeCheck(): Promise<string> {
  const result = await run(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', join(WORK, 'tsconfig.json')], ROOT);
  return result.code === 0 ? '' : result.stdout + result.stderr;
}
