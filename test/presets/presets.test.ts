import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluate, findNode, type EvaluationInputs, type Framework } from '../../src/index.js';
import { getPreset, listPresets } from '../../src/presets/index.js';

/*
 * The registry: at least 10 presets over at least 6 provinces and the national level, each with its source and
 * status; every framework preset reproduces its published table or pins its rules here, and every template preset
 * is pinned in test/selfEval/templates.test.ts and test/examples/self-evaluations.test.ts.
 */

const root = new URL('../../', import.meta.url);
const yaml = (path: string): unknown => parse(readFileSync(new URL(path, root), 'utf8'));
const frameworkOf = (id: string): Framework => {
  const p = getPreset(id);
  if (p?.kind !== 'framework' || p.framework === null) throw new Error(`no valid framework preset ${id}`);
  return p.framework;
};
/** The inputs of an example evaluation file (its envelope dropped). */
const inputsOf = (path: string): EvaluationInputs => {
  const doc = yaml(path) as { values: EvaluationInputs['values']; notApplicable?: string[] };
  return { values: doc.values, ...(doc.notApplicable === undefined ? {} : { notApplicable: doc.notApplicable }) };
};

describe('the registry 预置库', () => {
  const list = listPresets();

  it('lists at least 10 presets across at least 6 provinces and the national level, each with a source and a status', () => {
    expect(list.length).toBeGreaterThanOrEqual(10);
    const regions = new Set(list.map((p) => p.region));
    expect(regions.has('全国')).toBe(true);
    expect([...regions].filter((r) => r !== '全国').length).toBeGreaterThanOrEqual(6);
    for (const p of list) {
      expect(p.source.title.length, p.id).toBeGreaterThan(0);
      expect(p.source.issuer, p.id).toBeTruthy();
      expect(p.source.date, p.id).toMatch(/^\d{4}/);
      expect(['reproduces', 'rules-only', 'partial', 'invalid-as-published']).toContain(p.status);
      if (p.status === 'reproduces') expect(p.reproduces, p.id).toBeTruthy();
    }
    expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
  });

  it('every preset loads; templates and frameworks validate, except the one kept invalid as published', () => {
    for (const info of list) {
      const p = getPreset(info.id);
      expect(p?.id).toBe(info.id);
      if (p?.kind === 'framework') expect(p.framework === null, info.id).toBe(info.status === 'invalid-as-published');
    }
    expect(getPreset('no-such-preset')).toBeUndefined();
  });

  it('every preset id is exercised by a test file', () => {
    const dir = new URL('../', import.meta.url);
    // This block names no id literally (it reads them from the registry), so this file counts like the others.
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
    const text = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    for (const p of list) expect(text.includes(`'${p.id}'`), p.id).toBe(true);
  });

  it('docs/presets.md lists every preset with its status and source', () => {
    const doc = readFileSync(new URL('docs/presets.md', root), 'utf8');
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((r) => r.split('`')[1])).toEqual(list.map((p) => p.id));
    for (const p of list) {
      const row = rows.find((r) => r.startsWith(`| \`${p.id}\``)) as string;
      expect(row).toContain(`\`${p.status}\``);
      expect(row).toContain(p.source.title);
      expect(row).toContain(p.region);
    }
  });
});

describe('framework presets 指标体系预置', () => {
  it("'guangdong-department-2021' reproduces 大埔县医疗保障局 2021: 92.00, 优", () => {
    const sheet = evaluate(frameworkOf('guangdong-department-2021'), inputsOf('examples/dabu-2021/evaluation.yaml'));
    expect(sheet.total).toBe('92.00');
    expect(sheet.grade?.label).toBe('优');
  });

  it("'sichuan-department-2024' reproduces 攀枝花市医疗保障局 2024: 91.54, 优秀; 资产利用率 0.6", () => {
    const sheet = evaluate(frameworkOf('sichuan-department-2024'), inputsOf('examples/panzhihua-2024/evaluation.yaml'));
    expect(sheet.total).toBe('91.54');
    expect(findNode(sheet, 'asset-utilization')?.score).toBe('0.60');
  });

  it("'gansu-project-2023' as published: validation reports the 90-point sum", () => {
    const p = getPreset('gansu-project-2023');
    expect(p?.kind === 'framework' ? p.issues.map((i) => i.code) : []).toContain('total-mismatch');
  });

  it("'sichuan-department-2017' and 'sichuan-project-2017': the published weights, every leaf an evaluator's score", () => {
    const dept = frameworkOf('sichuan-department-2017');
    expect(dept.definition.indicators.map((i) => [i.name, i.weight])).toEqual([['部门决策', 25], ['综合管理', 30], ['部门绩效', 45]]);
    const project = frameworkOf('sichuan-project-2017');
    expect(project.definition.indicators.map((i) => [i.name, i.weight])).toEqual([['项目决策', 20], ['项目管理', 10], ['项目完成', 20], ['项目效益', 50]]);
    // Full marks on every evaluator's score give the total: the weights reconcile.
    for (const f of [dept, project]) {
      const leaves: string[] = [];
      const walk = (nodes: readonly { id: string; children?: readonly unknown[] }[]): void => {
        for (const n of nodes) 'children' in n && n.children !== undefined ? walk(n.children as never) : leaves.push(n.id);
      };
      walk(f.definition.indicators as never);
      const weights = new Map<string, number>();
      const collect = (nodes: readonly { id: string; weight: unknown; children?: readonly unknown[] }[]): void => {
        for (const n of nodes) n.children !== undefined ? collect(n.children as never) : weights.set(n.id, Number(n.weight));
      };
      collect(f.definition.indicators as never);
      const sheet = evaluate(f, { values: Object.fromEntries(leaves.map((id) => [id, weights.get(id) ?? 0])) });
      expect(sheet.total).toBe('100.00');
    }
  });

  it("'hunan-department-2017' (partial): 在职人员控制率, 预算完成率 and 预算控制率 rules as the source states them", () => {
    const f = frameworkOf('hunan-department-2017');
    const leaf = (values: EvaluationInputs['values'], id: string) => findNode(evaluate(f, { values }), id)?.score;
    const staff = (rate: string) => leaf({ 'staff-control-rate': rate }, 'staff-control');
    expect(['100', '101', '103.5', '104', '120'].map(staff)).toEqual(['5.00', '4.50', '3.50', '3.00', '0.00']);
    const completion = (rate: string) => leaf({ 'budget-completion-rate': rate }, 'budget-completion');
    expect(['110', '95', '90', '80'].map(completion)).toEqual(['5.00', '3.00', '1.00', '0.00']);
    const control = (rate: string) => leaf({ 'budget-control-rate': rate }, 'budget-control');
    expect(['0', '0.01', '10', '10.01', '25', '30', '30.5'].map(control)).toEqual(['5.00', '4.00', '4.00', '3.00', '2.00', '2.00', '0.00']);
  });
});
