import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { listPresets } from '../../src/presets/index.js';
import { repo, runIn, scratch, spawnCli, STACK, write } from './helpers.js';

/*
 * The commands issue 7 added: `jixiao presets`, `jixiao schema`, `jixiao score` of a self-evaluation, and
 * `framework: preset:<id>` in evaluation files. Most runs are in-process (runIn); a few go through the real
 * entry point (spawnCli) with paths relative to the repository, as a user would type them.
 */
const QINGSHEN = join(repo, 'examples/qingshen-2023/self-evaluation.yaml');
const CHIZHOU = join(repo, 'examples/chizhou-2022/self-evaluation.yaml');
const PANZHIHUA = join(repo, 'examples/panzhihua-2024/evaluation.yaml');

/** The example's YAML with one top-level field replaced, written to a scratch file in os.tmpdir(). */
function variant(example: string, field: string, value: unknown, name = 'variant.yaml'): string {
  const doc = parse(readFileSync(example, 'utf8')) as { [key: string]: unknown };
  expect(doc[field], `${example} has a ${field} field`).toBeDefined();
  return write(scratch(), name, stringify({ ...doc, [field]: value }));
}

describe('jixiao presets 列出预置', () => {
  it('prints a table with every preset id, and exits 0', () => {
    const list = listPresets();
    expect(list.length).toBeGreaterThanOrEqual(10);
    const r = runIn(['presets']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+/);
    for (const p of list) expect(lines.some((l) => l.startsWith(`${p.id} `)), p.id).toBe(true);
    expect(r.out).toContain(`共 ${list.length} 个预置 / ${list.length} presets`);
  });

  it('--json prints exactly listPresets()', () => {
    const r = runIn(['presets', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(listPresets())));
    expect(JSON.parse(r.out)).toEqual(listPresets());
  });

  it('runs through the real entry point too (tsx, process exit code)', () => {
    const r = spawnCli(['presets', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { id: string }[]).map((p) => p.id)).toEqual(listPresets().map((p) => p.id));
  });
});

describe('jixiao schema 输出 JSON Schema', () => {
  it('schema framework prints a JSON Schema with indicators, exit 0', () => {
    const r = runIn(['schema', 'framework']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $schema?: unknown; properties?: { indicators?: unknown } };
    expect(typeof schema.$schema).toBe('string');
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties?.indicators).toBeDefined();
  });

  it('prints the same schema as the file in schemas/, for every kind', () => {
    for (const kind of ['framework', 'evaluation', 'self-evaluation', 'template']) {
      const r = runIn(['schema', kind]);
      expect(r.code, kind).toBe(0);
      expect(JSON.parse(r.out), kind).toEqual(JSON.parse(readFileSync(join(repo, 'schemas', `${kind}.schema.json`), 'utf8')));
    }
  });

  it('an unknown kind is a usage error (exit 2)', () => {
    const r = runIn(['schema', 'nope']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('nope');
    expect(r.err).toContain('用法 Usage:');
    expect(spawnCli(['schema', 'nope']).code).toBe(2);
  });
});

describe('score a self-evaluation 自评表打分', () => {
  it('scores the 青神 example: 100.00, exit 0 (real entry point, relative path)', () => {
    const r = spawnCli(['score', 'examples/qingshen-2023/self-evaluation.yaml']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('100.00');
    expect(r.out).toMatch(/总分 Total\s+100\.00 \/ 100\.00/);
  });

  it('prints the 池州 example with a provisional total of 90.00 and the unreadable row, exit 1', () => {
    const r = spawnCli(['score', 'examples/chizhou-2022/self-evaluation.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/暂计总分 Provisional total.*90\.00/);
    expect(r.err).toContain('[unreadable-target] rows.10.target');
    expect(r.err).not.toMatch(STACK);
  });

  it('still explains every row of the 池州 example, the unreadable one included', () => {
    const r = runIn(['score', CHIZHOU]);
    expect(r.code).toBe(1);
    const rows = (parse(readFileSync(CHIZHOU, 'utf8')) as { rows: { name: string }[] }).rows;
    expect(rows.length).toBe(11);
    const explained = r.out.slice(r.out.indexOf('逐行说明 Rows'));
    expect(explained).toContain('- 预算执行率：');
    for (const row of rows) expect(explained, row.name).toContain(`\n- ${row.name}：`);
    expect(explained).toMatch(/\n- 服务对象满意度（原表截断）：[^\n]*暂不得分/);
  });

  it('--format json of the 青神 example has total "100.00"', () => {
    const r = runIn(['score', QINGSHEN, '--format', 'json']);
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.out) as { total: unknown; complete: unknown };
    expect(sheet).toBeTypeOf('object');
    expect(sheet.total).toBe('100.00');
    expect(sheet.complete).toBe(true);
  });

  it('--format json of the 池州 example: incomplete, no total, exit 1', () => {
    const r = runIn(['score', CHIZHOU, '--format', 'json']);
    expect(r.code).toBe(1);
    const sheet = JSON.parse(r.out) as { complete: unknown; total: unknown };
    expect(sheet.complete).toBe(false);
    expect(sheet.total).toBeNull();
    expect(r.err).toContain('[unreadable-target] rows.10.target');
  });

  it('an unknown template is unknown-preset (exit 1), and no sheet is printed', () => {
    const path = variant(QINGSHEN, 'template', 'no-such-template-2099');
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path}：发现 1 个问题`);
    expect(r.err).toContain('[unknown-preset] template');
    expect(r.err).toContain('no-such-template-2099');
    const prefixed = runIn(['score', variant(QINGSHEN, 'template', 'template:no-such-template-2099')]);
    expect(prefixed.code).toBe(1);
    expect(prefixed.err).toContain('[unknown-preset] template');
  });

  it('template: template:<id> works like the bare id', () => {
    const path = variant(QINGSHEN, 'template', 'template:sichuan-project-2023');
    const prefixed = runIn(['score', path]);
    const bare = runIn(['score', QINGSHEN]);
    expect(prefixed.code).toBe(0);
    expect(prefixed.out).toBe(bare.out);
    expect(prefixed.err).toBe('');
    const json = runIn(['score', path, '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(runIn(['score', QINGSHEN, '--format', 'json']).out));
  });
});

describe('evaluation files naming preset:<id> 评价文件引用预置指标体系', () => {
  it('the 攀枝花 values under framework: preset:sichuan-department-2024 score 91.54', () => {
    const path = variant(PANZHIHUA, 'framework', 'preset:sichuan-department-2024', 'evaluation.yaml');
    const r = runIn(['score', path]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/总分 Total\s+91\.54 \/ 100\.00\s+等级 Grade：优秀/);
    const json = runIn(['score', path, '--format', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as { total: string }).total).toBe('91.54');
    expect(runIn(['validate', path]).code).toBe(0);
  });

  it('preset:gansu-project-2023 (invalid as published) reports its validation issues, exit 1', () => {
    const path = variant(PANZHIHUA, 'framework', 'preset:gansu-project-2023', 'evaluation.yaml');
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[total-mismatch]');
    expect(r.err).toContain('preset:gansu-project-2023');
    expect(r.err).not.toMatch(STACK);
  });

  it('preset:nope is unknown-preset, exit 1', () => {
    const path = variant(PANZHIHUA, 'framework', 'preset:nope', 'evaluation.yaml');
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('[unknown-preset] framework');
    expect(r.err).toContain('nope');
  });

  it('a template preset is not a framework preset: unknown-preset', () => {
    const path = variant(PANZHIHUA, 'framework', 'preset:sichuan-project-2023', 'evaluation.yaml');
    const r = runIn(['score', path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[unknown-preset] framework');
  });
});
