import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { repo, spawnCli, STACK, TINY_VALUES, tinyEvaluation, type Run } from './helpers.js';

/* End to end: the real entry point (src/cli/main.ts through tsx), its argv, streams and exit code. */
const cli = (...args: string[]): Run => spawnCli(args);

describe('jixiao CLI 命令行', () => {
  it('score prints the score table of the 大埔 example', () => {
    const r = cli('score', 'examples/dabu-2021/evaluation.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain('大埔县医疗保障局 2021');
    expect(r.out).toMatch(/总分 Total\s+92\.00 \/ 100\.00\s+等级 Grade：优/);
    expect(r.out).toContain('失分明细');
    expect(r.out).toMatch(/\n {4}资产盘点情况\s+2\.00\s+0\.00\s+2\.00/);
  });

  it('score --format json prints the sheet', () => {
    const r = cli('score', 'examples/panzhihua-2024/evaluation.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.out) as { total: string; grade: { label: string } };
    expect(sheet.total).toBe('91.54');
    expect(sheet.grade.label).toBe('优秀');
  });

  it('takes options before or after the path', () => {
    const r = cli('score', '--format', 'json', 'examples/dabu-2021/evaluation.yaml');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total: string }).total).toBe('92.00');
  });

  it('validate prints issues and exits 1 on an invalid framework', () => {
    const r = cli('validate', 'examples/shandan-2023/framework.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toContain('[total-mismatch]');
    expect(cli('validate', 'examples/dabu-2021/framework.yaml').code).toBe(0);
    expect(cli('validate', 'examples/dabu-2021/evaluation.yaml').code).toBe(0);
  });

  it('exits 1 with the issues on bad evaluation inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `framework: ${join(repo, 'examples/dabu-2021/framework.yaml')}\nvalues:\n  procurement-actual: abc\n  typo: 1\n`);
    const r = cli('score', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[invalid-number] values.procurement-actual');
    expect(r.err).toContain('[unknown-input] values.typo');
  });

  it('exits 2 on usage errors', () => {
    expect(cli().code).toBe(2);
    expect(cli('frobnicate', 'x').code).toBe(2);
    expect(cli('score').code).toBe(2);
    expect(cli('score', 'no/such/file.yaml').code).toBe(2);
    expect(cli('score', 'examples/dabu-2021/evaluation.yaml', '--bogus').code).toBe(2);
  });

  it('headlines issues with the file, wherever the options stand (not with "--format")', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `framework: ${join(repo, 'examples/dabu-2021/framework.yaml')}\nvalues:\n  procurement-actual: abc\n`);
    for (const args of [['score', '--format', 'json', file], ['--format=json', 'score', file], ['validate', '--encoding', 'utf8', file]]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.startsWith(`${file}：发现 `)).toBe(true);
      expect(r.err).toContain('[invalid-number] values.procurement-actual');
      expect(r.err).not.toContain('--');
    }
  });

  it('--version prints the package version (run through tsx)', () => {
    const r = cli('--version');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${version}\n`);
  });

  it('prints no YAML warning for an unknown tag, and no stack trace for a bad file', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\nnotes: !memo 见附件\n${TINY_VALUES}`);
    const r = cli('validate', path);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const bad = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  published: { toString: false }\n');
    const b = cli('score', bad.path);
    expect(b.code).toBe(1);
    expect(b.err).not.toMatch(STACK);
  });
});
