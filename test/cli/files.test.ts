import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/cli/readText.js';
import { duplicateKeyOf, findDuplicateKey } from '../../src/cli/jsonKeys.js';
import { isEvaluation, toEvaluationFile } from '../../src/cli/loadFile.js';
import { DABU_FRAMEWORK, encodeGbk, encodeUtf16, runIn, scratch, STACK, TINY_FRAMEWORK, TINY_VALUES, tinyEvaluation, write } from './helpers.js';

/** An evaluation of TINY_FRAMEWORK, as JSON. */
const TINY_JSON = { framework: './framework.yaml', values: { actual: 90, budget: '100万元', published: '是' } };

/** A framework whose ids and names are Chinese: read as UTF-8, GBK bytes turn every id into "����". */
const CHINESE_IDS = TINY_FRAMEWORK.replace('id: execution', 'id: 预算执行').replace('id: publicity', 'id: 信息公开');

/** One line on stderr, no stack trace, exit code 2. */
function expectFileError(r: { code: number | null; out: string; err: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(text);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(STACK);
}

describe('parsing by extension 按扩展名解析', () => {
  it('.json files are JSON: a trailing comma (which YAML accepts) is a JSON syntax error', () => {
    const json = JSON.stringify(TINY_JSON).replace(/}$/, ',}');
    const { path } = tinyEvaluation(json, 'evaluation.json');
    expectFileError(runIn(['validate', path]), 'JSON 语法错误 / JSON syntax error');
    const yaml = tinyEvaluation(json, 'evaluation.yaml');
    expect(runIn(['validate', yaml.path]).code).toBe(0);
  });

  it('.json syntax errors give a line and column when V8 gives a position', () => {
    const { path } = tinyEvaluation('{\n  "framework": "./framework.yaml"\n  "values": {}\n}', 'evaluation.json');
    expectFileError(runIn(['validate', path]), '第 3 行第 3 列 / line 3, column 3');
  });

  it('.json files with a key written twice are refused, as YAML refuses them', () => {
    const { path } = tinyEvaluation('{"framework": "./framework.yaml", "values": {"actual": 1, "actual": 90, "budget": 100, "published": true}}', 'e.json');
    expectFileError(runIn(['validate', path]), '重复的键“actual”');
    expect(findDuplicateKey('{"a": {"b": 1}, "b": ["b", {"b": 2}], "c\\"": "a"}')).toBeUndefined();
    const text = '[{"a": 1}, {"a": 2}, {"a": 1, "x": {"a": 1}, "\\u0061": 3}]';
    expect(findDuplicateKey(text)).toEqual({ key: 'a', offset: text.indexOf('"\\u0061"') });
  });

  it('duplicateKeyOf (a batch line): the same answers, and a line nested 200,000 deep with a colon in a string is no stack overflow (review finding)', () => {
    const check = (text: string) => duplicateKeyOf(text, JSON.parse(text));
    expect(check('{"a": {"b": 1}, "b": ["b", {"b": 2}], "c\\"": "a:b"}')).toBeUndefined();
    const text = '[{"a": 1}, {"a": 2}, {"a": 1, "x": {"a": 1}, "\\u0061": 3}]';
    expect(check(text)).toEqual({ key: 'a', offset: text.indexOf('"\\u0061"') });
    const deep = `{"done":1,"x":${'['.repeat(200_000)}${']'.repeat(200_000)},"s":"::::"}`;
    expect(check(deep)).toBeUndefined();
  });

  it('.yaml and .yml files are YAML; YAML syntax errors are one line', () => {
    for (const name of ['e.yaml', 'e.yml', 'E.YML']) {
      const { path } = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`, name);
      expect(runIn(['score', path]).code, name).toBe(0);
    }
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues: [\n', 'e.yaml');
    expectFileError(runIn(['validate', path]), 'YAML 语法错误 / YAML syntax error');
  });

  it('other extensions: JSON first, then YAML', () => {
    const json = tinyEvaluation(JSON.stringify(TINY_JSON), 'evaluation.txt');
    expect(runIn(['score', json.path]).code).toBe(0);
    const yaml = tinyEvaluation(`framework: ./framework.yaml\n${TINY_VALUES}`, 'evaluation');
    expect(runIn(['score', yaml.path]).code).toBe(0);
  });
});

describe('file size limit 文件大小上限', () => {
  it('refuses a file above the limit, naming the limit, in one line', () => {
    const dir = scratch();
    const big = write(dir, 'big.yaml', '');
    truncateSync(big, 25 * 1024 * 1024); // sparse: nothing is written
    const r = runIn(['validate', big]);
    expectFileError(r, '文件过大（25 MB，上限 20 MB）/ File too large (25 MB; the limit is 20 MB)');
    const over = write(dir, 'over.json', '');
    truncateSync(over, MAX_FILE_BYTES + 1);
    expectFileError(runIn(['validate', over]), '文件过大');
  });

  it('accepts a file of exactly the limit (and parses it)', () => {
    const dir = scratch();
    const path = write(dir, 'framework.yaml', TINY_FRAMEWORK);
    truncateSync(path, MAX_FILE_BYTES); // pads with NUL bytes: not text, but not too large either
    expectFileError(runIn(['validate', path]), '空字节');
  });

  it.runIf(process.platform === 'linux')('stops reading an endless device (size 0 by stat) at the limit', () => {
    expectFileError(runIn(['validate', '/dev/zero']), '文件过大（超过 20 MB）/ File too large (more than 20 MB)');
  }, 20_000);
});

describe('encodings 编码', () => {
  it('the test GBK encoder gives the bytes Python gives', () => {
    expect([...encodeGbk('文字 a')]).toEqual([0xce, 0xc4, 0xd7, 0xd6, 0x20, 0x61]);
  });

  it('a GBK framework with Chinese ids validates (no duplicate-id "��")', () => {
    const dir = scratch();
    const path = write(dir, 'framework.yaml', encodeGbk(CHINESE_IDS));
    const r = runIn(['validate', path]);
    expect(r.err).not.toContain('duplicate-id');
    expect(r.err).not.toContain('\ufffd');
    expect(r.code).toBe(0);
  });

  it('a GBK evaluation file of a UTF-8 framework scores, with its Chinese unit', () => {
    const { dir } = tinyEvaluation('');
    const path = write(dir, 'evaluation.yaml', encodeGbk(`framework: ./framework.yaml\nunit: 某县医疗保障局\n${TINY_VALUES}`));
    const r = runIn(['score', path]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^某县医疗保障局\n/);
    expect(r.out).toMatch(/总分 Total\s+94\.00/);
  });

  it.each([
    ['UTF-8 with BOM', (t: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])],
    ['UTF-16 LE with BOM', (t: string) => encodeUtf16(t, 'le')],
    ['UTF-16 BE with BOM', (t: string) => encodeUtf16(t, 'be')],
  ])('%s is detected', (_, encode) => {
    const dir = scratch();
    expect(runIn(['validate', write(dir, 'framework.yaml', encode(CHINESE_IDS))]).code).toBe(0);
    expect(runIn(['validate', write(dir, 'framework.json', encode(JSON.stringify({ id: '甲' })))]).err).not.toContain('JSON 语法错误');
  });

  it('--encoding forces the encoding of every file read', () => {
    const dir = scratch();
    write(dir, 'framework.yaml', encodeGbk(CHINESE_IDS));
    const path = write(dir, 'evaluation.yaml', encodeGbk(`framework: ./framework.yaml\nunit: 某单位\n${TINY_VALUES}`));
    expect(runIn(['score', path, '--encoding', 'gbk']).code).toBe(0);
    expectFileError(runIn(['score', path, '--encoding', 'utf8']), '不是有效的 UTF-8 文本');
    expectFileError(runIn(['score', '--encoding=utf-8', path]), '--encoding');
  });

  it('UTF-16 without BOM: refused with a hint, read with --encoding utf16le', () => {
    const dir = scratch();
    const path = write(dir, 'framework.yaml', encodeUtf16(CHINESE_IDS, 'le', false));
    expectFileError(runIn(['validate', path]), '--encoding');
    expect(runIn(['validate', path, '--encoding', 'utf16le']).code).toBe(0);
  });

  it('bytes valid neither as UTF-8 nor as GBK are a file error, not "�"', () => {
    const dir = scratch();
    for (const bad of [[0x81, 0x20], [0xff, 0xff], [0xce, 0xc4, 0xff]]) {
      const path = write(dir, 'framework.yaml', Uint8Array.of(0x69, 0x64, 0x3a, 0x20, ...bad, 0x0a));
      expectFileError(runIn(['validate', path]), '不是有效的 GBK 文本');
    }
  });
});

describe('no stack trace for a bad file 坏文件不输出堆栈', () => {
  it('a yes/no input given as { toString: false } is a coded issue', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: 90\n  budget: 100\n  published: { toString: false }\n');
    for (const command of ['score', 'validate']) {
      const r = runIn([command, path]);
      expect(r.code, command).toBe(1);
      expect(r.err).toMatch(/- \[invalid-(type|boolean)\] values\.published：/);
      expect(r.err).not.toMatch(STACK);
    }
  });

  it('a number input given as a list or mapping is an invalid-type issue', () => {
    const { path } = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  actual: [90]\n  budget: { valueOf: 1 }\n  published: 是\n');
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[invalid-type] values.actual');
    expect(r.err).toContain('[invalid-type] values.budget');
  });

  it('__proto__ keys (JSON and YAML) are reported as unknown, not merged into a prototype', () => {
    const json = tinyEvaluation('{"framework": "./framework.yaml", "values": {"__proto__": {"actual": 1}, "actual": 90, "budget": 100, "published": true}}', 'e.json');
    const yaml = tinyEvaluation('framework: ./framework.yaml\nvalues:\n  __proto__: { actual: 1 }\n  actual: 90\n  budget: 100\n  published: true\n');
    for (const { path } of [json, yaml]) {
      const r = runIn(['validate', path]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('[unknown-input] values.__proto__');
    }
    const top = tinyEvaluation(`__proto__: { framework: ./framework.yaml }\n${TINY_VALUES}`);
    expect(runIn(['validate', top.path]).code).toBe(1);
  });

  it('null-prototype objects are read by own keys; inherited keys do not count', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { framework: './f.yaml', year: 2024.5, values: {} });
    expect(isEvaluation(bare)).toBe(true);
    expect(toEvaluationFile(bare, '/x/e.yaml').issues.map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(['invalid-type year']);
    expect(isEvaluation(Object.create({ framework: './f.yaml' }))).toBe(false);
    const inherited = Object.assign(Object.create({ unit: 7 }) as Record<string, unknown>, { framework: './f.yaml' });
    expect(toEvaluationFile(inherited, '/x/e.yaml')).toMatchObject({ issues: [], file: { frameworkPath: '/x/f.yaml' } });
  });

  it('a file that is a YAML list or a scalar: an invalid-type issue (validate) or a usage error (score)', () => {
    const dir = scratch();
    for (const [name, text] of [['list.yaml', '- 1\n- 2\n'], ['scalar.yaml', '42\n'], ['string.json', '"text"']] as const) {
      const path = write(dir, name, text);
      const v = runIn(['validate', path]);
      expect(v.code, name).toBe(1);
      expect(v.err).toContain('[invalid-type] (根 root)');
      const s = runIn(['score', path]);
      expect(s.code, name).toBe(2);
      expect(s.err).toContain('不是评价文件');
      expect(s.err + v.err).not.toMatch(STACK);
    }
  });

  it('an empty file (or only comments, or null) is a file error', () => {
    const dir = scratch();
    for (const [name, text] of [['empty.yaml', ''], ['comment.yaml', '# 空\n'], ['null.yaml', '~\n'], ['empty.json', ' \n'], ['null.json', 'null']] as const) {
      for (const command of ['score', 'validate']) expectFileError(runIn([command, write(dir, name, text)]), '文件是空的 / The file is empty');
    }
  });

  it('a directory, a missing file, a framework path that is a directory: file errors', () => {
    const dir = scratch();
    expectFileError(runIn(['validate', dir]), '是目录而不是文件 / Is a directory');
    expectFileError(runIn(['score', join(dir, 'nope.yaml')]), '文件不存在 / No such file');
    const { path } = tinyEvaluation(`framework: .\n${TINY_VALUES}`);
    expectFileError(runIn(['score', path]), '是目录而不是文件');
    const missing = tinyEvaluation(`framework: ./nope.yaml\n${TINY_VALUES}`);
    expectFileError(runIn(['score', missing.path]), `文件不存在 / No such file: ${join(missing.dir, 'nope.yaml')}`);
  });

  it('YAML values plain data cannot hold (!!binary, !!set, !!timestamp, .inf, .nan) are issues', () => {
    const { path } = tinyEvaluation(
      'framework: ./framework.yaml\nnotes: !!timestamp 2022-05-31\nvalues:\n  actual: .inf\n  budget: .nan\n  published: !!binary aGVsbG8=\n  x: !!set { a }\n',
    );
    const r = runIn(['validate', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[invalid-type] notes');
    expect(r.err).toContain('[invalid-number] values.actual：无法识别的数值“Infinity”');
    expect(r.err).toContain('[invalid-number] values.budget');
    expect(r.err).toContain('[invalid-type] values.published');
    expect(r.err).toContain('[invalid-type] values.x');
  });

  it('a framework with YAML-only values is reported against the framework file', () => {
    const dir = scratch();
    const fw = write(dir, 'framework.yaml', TINY_FRAMEWORK.replace('total: 100', 'total: .inf'));
    const path = write(dir, 'evaluation.yaml', `framework: ./framework.yaml\n${TINY_VALUES}`);
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${fw}：发现 1 个问题`);
    expect(r.err).toContain('[invalid-number] total');
  });

  it('very deep nesting is a coded issue, not a stack overflow', () => {
    const { dir } = tinyEvaluation('');
    const deep = `{"framework": "./framework.yaml", "values": {"actual": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const r = runIn(['validate', write(dir, 'deep.json', deep)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[too-deep]');
    expect(r.err).not.toMatch(STACK);
  });

  it('a binary file is a file error', () => {
    const dir = scratch();
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expectFileError(runIn(['validate', write(dir, 'data.xlsx', bytes)]), dir);
  });

  it('the 大埔 framework still validates', () => {
    expect(runIn(['validate', DABU_FRAMEWORK]).code).toBe(0);
  });
});
