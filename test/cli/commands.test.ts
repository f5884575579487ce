import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { DABU_EVALUATION, DABU_FRAMEWORK, runIn, STACK, TINY_VALUES, tinyEvaluation, write } from './helpers.js';

describe('help and version 帮助与版本', () => {
  it('--version and -v print the package version', () => {
    for (const flag of ['--version', '-v']) {
      const r = runIn([flag]);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`${version}\n`);
    }
  });

  it('jixiao help and --help print the usage, with the exit codes', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const r = runIn(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toContain('jixiao score <');
      expect(r.out).toContain('jixiao validate <');
      expect(r.out).toMatch(/\n\s+3\s+意外错误/);
      expect(r.err).toBe('');
    }
  });

  it('jixiao help <command> and <command> --help print that command\'s help', () => {
    for (const args of [['help', 'score'], ['score', '--help'], ['score', '-h', 'some/file.yaml']]) {
      const r = runIn(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/^用法 Usage: jixiao score/);
      expect(r.out).toContain('--format text|json');
    }
    const v = runIn(['validate', '--help']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^用法 Usage: jixiao validate/);
    expect(runIn(['help', 'help']).out).toMatch(/^用法 Usage: jixiao help/);
  });

  it('help for an unknown command is a usage error', () => {
    const r = runIn(['help', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令 / Unknown command: frobnicate');
    expect(runIn(['help', 'toString']).code).toBe(2);
    expect(runIn(['help', 'score', 'extra']).code).toBe(2);
  });
});

describe('usage errors 用法错误 (exit 2)', () => {
  it.each([
    [[]],
    [['frobnicate', 'x']],
    [['score']],
    [['score', DABU_EVALUATION, '--bogus']],
    [['score', DABU_EVALUATION, '--format']],
    [['score', DABU_EVALUATION, '--format', 'xml']],
    [['score', DABU_EVALUATION, '--encoding', 'latin1']],
    [['score', DABU_EVALUATION, DABU_EVALUATION]],
    [['validate', DABU_FRAMEWORK, '--format', 'json']],
  ])('%j', (args) => {
    const r = runIn(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('用法 Usage:');
    expect(r.out).toBe('');
  });

  it('options may come before or after the path, with a space or =', () => {
    for (const args of [
      ['score', '--format', 'json', DABU_EVALUATION],
      ['--format=json', 'score', DABU_EVALUATION],
      ['score', DABU_EVALUATION, '--format=json', '--encoding=UTF-8'],
      ['score', '--encoding', 'utf8', '--format=json', '--', DABU_EVALUATION],
    ]) {
      const r = runIn(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect((JSON.parse(r.out) as { total: string }).total).toBe('92.00');
    }
  });
});

describe('validate checks an evaluation against its framework 校验评价文件', () => {
  it('passes a complete evaluation', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`);
    const r = runIn(['validate', path]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${path}：没有发现问题 / no issues found\n`);
  });

  it('reports a missing input (exit 1), located at the input', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: 90\n  budget: 100\n');
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path}：发现 1 个问题 / 1 issue(s)`);
    expect(r.err).toContain('- [missing-input] values.published：缺少输入“published”');
    expect(r.err).not.toContain('没有发现问题');
  });

  it('reports an unknown input and a malformed value together', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: abc\n  budget: 100\n  published: 是\n  typo: 1\n');
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[invalid-number] values.actual');
    expect(r.err).toContain('[unknown-input] values.typo');
  });

  it('headlines framework issues with the framework file, input issues with the evaluation file', () => {
    const { dir, path } = tinyEvaluation('framework: ./broken.yaml\nunit: 7\nvalues: {}\n');
    const broken = write(dir, 'broken.yaml', 'id: x\nname: y\n');
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`^${escape(path)}：发现 1 个问题 / 1 issue\\(s\\)\n- \\[invalid-type\\] unit`, 'm'));
    expect(r.err).toMatch(new RegExp(`^${escape(broken)}：发现 \\d+ 个问题`, 'm'));
  });
});

describe('score 打分', () => {
  it('prints a complete sheet and exits 0', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\nunit: 某单位\nyear: 2024\n${TINY_VALUES}`);
    const r = runIn(['score', path]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^某单位 2024\n/);
    expect(r.out).toMatch(/总分 Total\s+94\.00/);
    expect(r.err).toBe('');
  });

  it('prints an incomplete sheet, lists the missing inputs on stderr and exits 1', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: 90\n  budget: 100\n');
    const text = runIn(['score', path]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('输入不全 Incomplete');
    expect(text.err).toContain('[missing-input] values.published');
    const json = runIn(['score', path, '--format', 'json']);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.out) as { complete: boolean }).complete).toBe(false);
    expect(json.err).toContain('[missing-input] values.published');
  });

  it('prints the partial sheet, then the issues, when input values are bad (exit 1)', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: abc\n  budget: 100\n  published: 是\n');
    const r = runIn(['score', path, '--format', 'json']);
    expect(r.code).toBe(1);
    const sheet = JSON.parse(r.out) as { complete: boolean; total: string | null };
    expect(sheet).toMatchObject({ complete: false, total: null });
    expect(r.err).toMatch(/：发现 1 个问题 \/ 1 issue\(s\)\n- \[invalid-number\] values\.actual/);
    expect(r.err).not.toMatch(STACK);
  });

  it('prints no sheet when the evaluation file itself has issues, but reports the inputs too', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nyear: 2024.5\nvalues:\n  actual: abc\n  budget: 100\n  published: 是\n');
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('发现 2 个问题');
    expect(r.err).toContain('[invalid-type] year');
    expect(r.err).toContain('[invalid-number] values.actual');
  });
});

describe('evaluation file fields 评价文件字段', () => {
  it.each([
    ['year: 2024.5', 'year', '整数'],
    ['year: "2024"', 'year', '整数'],
    ['unit: 7', 'unit', '文字'],
    ['unit: [a]', 'unit', '文字'],
    ['framework: 7', 'framework', '文件路径'],
    ['framework: ""', 'framework', '文件路径'],
  ])('%s is an invalid-type issue', (line, field, expected) => {
    const evaluation = line.startsWith('framework') ? `${line}\n${TINY_VALUES}` : `framework: ./framework.yaml\n${line}\n${TINY_VALUES}`;
    const { path } = tinyEvaluation(evaluation);
    for (const command of ['score', 'validate']) {
      const r = runIn([command, path]);
      expect(r.code, command).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toContain(`- [invalid-type] ${field}：类型错误：应为${expected}`);
    }
  });

  it('reports envelope issues together (unknown key, bad year, bad unit)', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\nunit: 7\nyear: 2024.5\nextra: 1\n${TINY_VALUES}`);
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('发现 3 个问题');
    expect(r.err).toContain('[unknown-key] extra');
  });

  it('accepts null for the optional fields, and an integer year', () => {
    const { path } = tinyEvaluation(`framework: ./framework.yaml\nunit:\nyear: 2024\nnotes:\nnotApplicable:\n${TINY_VALUES}`);
    const r = runIn(['score', path]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2024\n/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
