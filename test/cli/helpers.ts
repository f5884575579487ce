import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/cli.js';

/** The repository root. */
export const repo = new URL('../../', import.meta.url).pathname;
/** The 大埔 2021 example framework (absolute path). */
export const DABU_FRAMEWORK = join(repo, 'examples/dabu-2021/framework.yaml');
/** The 大埔 2021 example evaluation (absolute path). */
export const DABU_EVALUATION = join(repo, 'examples/dabu-2021/evaluation.yaml');

/** What a run of the CLI gave. */
export interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI as a process, through tsx and src/cli/main.ts (the real entry point, argv and streams).
 *
 * @param args the arguments
 * @returns exit code and output
 */
export function spawnCli(args: readonly string[], env: { readonly [k: string]: string } = {}): Run {
  const tsx = join(repo, 'node_modules/.bin/tsx');
  const r = spawnSync(tsx, [join(repo, 'src/cli/main.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Runs the CLI in this process (`runCli`), capturing its output: fast, for most tests.
 *
 * @param args the arguments
 * @param env environment variables the CLI sees
 * @returns exit code and output, each line ending with a newline as on a terminal
 */
export function runIn(args: readonly string[], env: { readonly [k: string]: string } = {}): Run {
  let out = '';
  let err = '';
  const code = runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env });
  return { code, out, err };
}

/** A fresh scratch directory. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
}

/**
 * Writes a file into a directory.
 *
 * @returns the file's path
 */
export function write(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A printed stack trace ("    at fn (file:line:col)"). */
export const STACK = /\n\s+at\s/;

let gbkTable: Map<string, readonly number[]> | undefined;

/**
 * 一个小的 GBK 编码器。A small GBK encoder, built by decoding every two-byte GBK code once
 * (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) with Node's TextDecoder('gbk').
 *
 * @param text the text (ASCII and characters of GBK)
 * @returns its GBK bytes
 */
export function encodeGbk(text: string): Uint8Array {
  const table = (gbkTable ??= buildGbkTable());
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const gbk = table.get(ch);
      if (gbk === undefined) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...gbk);
    }
  }
  return Uint8Array.from(bytes);
}

function buildGbkTable(): Map<string, readonly number[]> {
  const decoder = new TextDecoder('gbk', { fatal: true });
  const table = new Map<string, readonly number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if ([...ch].length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  return table;
}

/**
 * UTF-16 bytes of a text, with a byte-order mark.
 *
 * @param text the text
 * @param endian 'le' or 'be'
 */
export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
  if (endian === 'le') return new Uint8Array(le);
  return new Uint8Array(le.swap16());
}

/** A small framework, in YAML: two number inputs, one yes/no input, Chinese names. */
export const TINY_FRAMEWORK = `id: tiny
name: 小型测试指标体系
scope: project
total: 100
inputs:
  actual: { type: number, name: 执行数, unit: 万元 }
  budget: { type: number, name: 预算数, unit: 万元 }
  published: { type: boolean, name: 信息已公开 }
indicators:
  - { id: execution, name: 预算执行率, weight: 60, rule: { kind: ratio, value: { div: [{ input: actual }, { input: budget }] } } }
  - { id: publicity, name: 信息公开, weight: 40, rule: { kind: binary, when: { is: published } } }
grades:
  - { label: 优, min: 90 }
  - { label: 良, min: 80 }
  - { label: 中, min: 60 }
  - { label: 差, min: 0 }
`;

/** Complete values for TINY_FRAMEWORK, in YAML (60 × 90/100 = 54, + 40 → 94.00 优). */
export const TINY_VALUES = `values:
  actual: 90
  budget: "100万元"
  published: 是
`;

/**
 * A scratch directory holding TINY_FRAMEWORK as framework.yaml and an evaluation file.
 *
 * @param evaluation the evaluation file's content; it should name `./framework.yaml`
 * @param name the evaluation file's name
 * @returns the directory and the evaluation file's path
 */
export function tinyEvaluation(evaluation: string, name = 'evaluation.yaml'): { dir: string; path: string } {
  const dir = scratch();
  write(dir, 'framework.yaml', TINY_FRAMEWORK);
  return { dir, path: write(dir, name, evaluation) };
}
