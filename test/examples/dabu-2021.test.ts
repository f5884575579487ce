import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FrameworkDefinition, InputValue } from '../../src/framework/types.js';
import { defineFramework, evaluate } from '../../src/index.js';

/*
 * 大埔县医疗保障局 2021 年度部门整体支出绩效自评（seed 002）：the framework and inputs transcribed in
 * examples/dabu-2021 must reproduce every published score (自评得分 92 分).
 */

const read = (name: string): unknown =>
  parse(readFileSync(new URL(`../../examples/dabu-2021/${name}`, import.meta.url), 'utf8'));

interface EvaluationFile {
  framework: string;
  unit: string;
  year: number;
  values: Record<string, InputValue>;
  notApplicable?: string[];
}

interface Node {
  id: string;
  level: number;
  weight: string;
  score: string;
  status: string;
  rule?: string;
  explanation: string;
  inputs: Record<string, string>;
  children: readonly Node[];
}

/** 报告公布的分值与自评得分：id → [层级, 分值, 得分]。Published level, weight and score of every node. */
const PUBLISHED: Record<string, readonly [level: number, weight: number, score: number]> = {
  // 1. 预算编制情况 30 → 30
  preparation: [1, 30, 30],
  budgeting: [2, 10, 10],
  'budget-reasonableness': [3, 2, 2],
  'budget-standardization': [3, 3, 3],
  'revenue-variance': [3, 5, 5],
  'target-setting': [2, 20, 20],
  'target-reasonableness': [3, 10, 10],
  'indicator-clarity': [3, 10, 10],
  // 2. 预算执行情况 40 → 36
  execution: [1, 40, 36],
  'fund-management': [2, 15, 15],
  carryover: [3, 5, 5],
  'financial-compliance': [3, 10, 10],
  disclosure: [2, 5, 3],
  'budget-disclosure': [3, 3, 3],
  'performance-disclosure': [3, 2, 0],
  procurement: [2, 8, 8],
  'procurement-execution': [3, 3, 3],
  'procurement-compliance': [3, 5, 5],
  assets: [2, 12, 10],
  'asset-allocation': [3, 2, 2],
  'asset-income-remittance': [3, 2, 2],
  'asset-inventory': [3, 2, 0],
  'asset-data-quality': [3, 2, 2],
  'asset-compliance': [3, 4, 4],
  // 3. 预算使用效益 30 → 26
  effectiveness: [1, 30, 26],
  economy: [2, 8, 4],
  'public-expense-control': [3, 8, 4],
  'three-public': [4, 4, 0],
  'daily-public': [4, 4, 4],
  efficiency: [2, 8, 8],
  'key-work-completion': [3, 4, 4],
  'target-completion': [3, 4, 4],
  effect: [2, 10, 10],
  'social-economic-benefit': [3, 10, 10],
  fairness: [2, 4, 4],
  petitions: [3, 2, 2],
  satisfaction: [3, 2, 2],
};

function flatten(nodes: readonly Node[]): Node[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function setup() {
  const definition = read('framework.yaml');
  const evaluation = read('evaluation.yaml') as EvaluationFile;
  const framework = defineFramework(definition as FrameworkDefinition);
  const sheet = evaluate(framework, { values: evaluation.values, notApplicable: evaluation.notApplicable ?? [] });
  const nodes = new Map(flatten(sheet.indicators as readonly Node[]).map((n) => [n.id, n]));
  return { evaluation, sheet, nodes };
}

describe('examples/dabu-2021 (大埔县医疗保障局 2021 部门整体支出绩效自评)', () => {
  it('the evaluation file names the framework and unit', () => {
    const { evaluation } = setup();
    expect(evaluation.framework).toBe('./framework.yaml');
    expect(evaluation.unit).toBe('大埔县医疗保障局');
    expect(evaluation.year).toBe(2021);
  });

  it('scores the published total 92 and grade 优, with all inputs present', () => {
    const { sheet } = setup();
    expect(sheet.missingInputs).toEqual([]);
    expect(sheet.complete).toBe(true);
    expect(sheet.maximum).toMatch(/^100(\.00)?$/);
    expect(sheet.subtotal).toBe('92.00');
    expect(sheet.total).toBe('92.00');
    expect(sheet.grade?.label).toBe('优');
    expect(sheet.vetoed).toBe(false);
  });

  it('reproduces the published weight and score of every level-1, level-2, level-3 and level-4 node', () => {
    const { nodes } = setup();
    expect([...nodes.keys()].sort()).toEqual(Object.keys(PUBLISHED).sort());
    for (const [id, [level, weight, score]] of Object.entries(PUBLISHED)) {
      const node = nodes.get(id)!;
      expect({ id, level: node.level, weight: Number(node.weight), score: Number(node.score), status: node.status }).toEqual({
        id,
        level,
        weight,
        score,
        status: 'scored',
      });
    }
  });

  it('gives 0 to “三公”经费 because 21.70 万元 exceeds the budget of 3 万元', () => {
    const { sheet, nodes } = setup();
    const leaf = nodes.get('three-public')!;
    expect(leaf.rule).toBe('binary');
    expect(leaf.score).toBe('0.00');
    expect(Number(leaf.inputs['three-public-actual'])).toBe(21.7);
    expect(Number(leaf.inputs['three-public-budget'])).toBe(3);
    // Explanations show numbers with trailing zeros trimmed (src/rules/format.ts): 21.70 → 21.7.
    expect(leaf.explanation).toMatch(/21\.70?\b.*≤.*\b3\b/);
    expect(sheet.lostPoints.find((l) => l.id === 'three-public')?.reason).toMatch(/21\.70?\b/);
  });

  it('gives full marks to 日常公用经费 at 58.22 ≤ 58.22', () => {
    const { nodes } = setup();
    const leaf = nodes.get('daily-public')!;
    expect(leaf.rule).toBe('binary');
    expect(leaf.score).toBe('4.00');
  });

  it('scores 政府采购执行率 33.58 ÷ 33.58 = 100% as 3', () => {
    const { nodes } = setup();
    const leaf = nodes.get('procurement-execution')!;
    expect(leaf.rule).toBe('ratio');
    expect(leaf.score).toBe('3.00');
    expect(Number(leaf.inputs['procurement-actual'])).toBe(33.58);
    expect(Number(leaf.inputs['procurement-budget'])).toBe(33.58);
  });

  it('uses the most faithful rule kind per leaf', () => {
    const { nodes } = setup();
    const kinds = Object.fromEntries([...nodes.values()].filter((n) => n.children.length === 0).map((n) => [n.id, n.rule]));
    expect(kinds).toEqual({
      'budget-reasonableness': 'manual',
      'budget-standardization': 'manual',
      'revenue-variance': 'binary',
      'target-reasonableness': 'checklist',
      'indicator-clarity': 'checklist',
      carryover: 'binary',
      'financial-compliance': 'checklist',
      'budget-disclosure': 'binary',
      'performance-disclosure': 'binary',
      'procurement-execution': 'ratio',
      'procurement-compliance': 'manual',
      'asset-allocation': 'binary',
      'asset-income-remittance': 'binary',
      'asset-inventory': 'binary',
      'asset-data-quality': 'manual',
      'asset-compliance': 'manual',
      'three-public': 'binary',
      'daily-public': 'binary',
      'key-work-completion': 'manual',
      'target-completion': 'ratio',
      'social-economic-benefit': 'manual',
      petitions: 'manual',
      satisfaction: 'manual',
    });
  });

  it('lists the three lost-point lines (三公 4, 绩效信息公开 2, 资产盘点 2)', () => {
    const { sheet } = setup();
    const lost = Object.fromEntries(sheet.lostPoints.map((l) => [l.id, Number(l.lost)]));
    expect(lost['three-public']).toBe(4);
    expect(lost['performance-disclosure']).toBe(2);
    expect(lost['asset-inventory']).toBe(2);
  });
});
