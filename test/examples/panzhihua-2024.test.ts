import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { defineFramework, validateFramework, evaluate } from '../../src/index.js';
import type { EvaluationInputs, FrameworkDefinition } from '../../src/index.js';

/*
 * Seed 003: 攀枝花市医疗保障局 2024 部门预算绩效自评打分表 (total 91.54, 优秀), transcribed in
 * examples/panzhihua-2024. The engine must reproduce every score the table publishes from the raw inputs.
 */

const read = (name: string): unknown =>
  parse(readFileSync(new URL(`../../examples/panzhihua-2024/${name}`, import.meta.url), 'utf8'));

interface Node {
  readonly id: string;
  readonly score: string;
  readonly weight: string;
  readonly children: readonly Node[];
}

function findNode(nodes: readonly Node[], id: string): Node | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Every score the document publishes (附表1 自评得分 and the prose), by indicator id. */
const PUBLISHED: Readonly<Record<string, number>> = {
  // 总体绩效 is not printed; it follows from 91.54 − 35 (项目绩效) = 56.54.
  overall: 56.54,
  performance: 15,
  'duty-effect': 15,
  'budget-management': 18.94,
  'budget-preparation': 2.83,
  'income-pooling': 4,
  'spending-progress': 5.16,
  'year-end-balance': 1.95,
  'general-spending': 5,
  'financial-management': 10,
  'finance-rules': 4,
  'finance-posts': 2,
  'fund-use': 4,
  'asset-management': 6.6,
  'per-capita-assets': 3,
  'asset-utilization': 0.6,
  'furniture-utilization': 0.3,
  'equipment-utilization': 0.3,
  'asset-revitalization': 3,
  procurement: 6,
  'sme-support': 3,
  'procurement-execution': 3,
  projects: 35,
  'project-decision': 12,
  'decision-procedure': 4,
  'target-setting': 4,
  'project-library': 4,
  'project-execution': 12,
  'spending-direction': 4,
  'project-adjustment': 4,
  'execution-result': 4,
  'target-achievement': 11,
  'target-completion': 4,
  'target-deviation': 4,
  effect: 3,
};

describe('examples/panzhihua-2024 (seed 003)', () => {
  // The YAML is checked by validateFramework / defineFramework at run time; the casts only type the parsed data.
  const raw = read('framework.yaml') as FrameworkDefinition;
  // evaluation.yaml also carries framework / unit / year, which are not evaluation inputs.
  const evaluation = read('evaluation.yaml') as EvaluationInputs;
  const inputs: EvaluationInputs = { values: evaluation.values, notApplicable: evaluation.notApplicable ?? [] };

  it('validates the framework as the table publishes it', () => {
    const result = validateFramework(raw);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('computes the published total, grade and every published score', () => {
    const sheet = evaluate(defineFramework(raw), inputs);
    expect(sheet.missingInputs).toEqual([]);
    expect(sheet.complete).toBe(true);
    expect(sheet.total).toBe('91.54');
    expect(sheet.grade?.label).toBe('优秀');

    const indicators = sheet.indicators as readonly Node[];
    const scores: Record<string, number> = {};
    for (const id of Object.keys(PUBLISHED)) {
      const node = findNode(indicators, id);
      expect(node, `indicator ${id}`).toBeDefined();
      scores[id] = Number(node?.score);
    }
    expect(scores).toEqual(PUBLISHED);
  });

  it('scores 资产利用率 as 0.3 + 0.3 from two benchmark-relative sub-items', () => {
    const sheet = evaluate(defineFramework(raw), inputs);
    const utilization = findNode(sheet.indicators as readonly Node[], 'asset-utilization');
    expect(utilization?.children.map((c) => [c.id, Number(c.weight), Number(c.score)])).toEqual([
      ['furniture-utilization', 1.5, 0.3],
      ['equipment-utilization', 1.5, 0.3],
    ]);
    expect(Number(utilization?.score)).toBe(0.6);
  });

  it('applies the 被评价部门配合度 deduction item (0 points)', () => {
    const sheet = evaluate(defineFramework(raw), inputs);
    expect(sheet.adjustments).toHaveLength(1);
    const [cooperation] = sheet.adjustments;
    expect(cooperation?.id).toBe('cooperation');
    expect(cooperation?.kind).toBe('deduction');
    expect(cooperation?.status).toBe('applied');
    expect(Number(cooperation?.points)).toBe(0);
    expect(sheet.subtotal).toBe('91.54');
  });

  it('reports the prose weights (实现效果 4, so 4 + 4 + 4 under an 11-point 目标实现)', () => {
    const result = validateFramework(read('framework-prose.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const mismatch = result.issues.find((issue) => issue.code === 'weight-sum-mismatch');
    expect(mismatch).toBeDefined();
    // 目标实现 is indicators[1] (项目绩效) → children[2].
    expect(mismatch?.path).toContain('indicators');
    expect(mismatch?.path.slice(0, 4)).toEqual(['indicators', 1, 'children', 2]);
    expect(mismatch?.message).toMatch(/11/);
    expect(mismatch?.message).toMatch(/12/);
  });
});
