import { expect } from 'vitest';
import type { FastResult, NodeResult, ScoreSheet, Scorer } from '../../src/index.js';

/** Every figure of the fast result equals the explained sheet's, node by node. */
export function agree(scorer: Scorer, result: FastResult, sheet: ScoreSheet): void {
  expect(result.complete).toBe(sheet.complete);
  expect(result.total).toBe(sheet.total);
  expect(result.grade).toBe(sheet.grade?.label ?? null);
  expect(result.provisional).toBe(sheet.provisional?.total ?? null);
  const flat: NodeResult[] = [];
  const walk = (list: readonly NodeResult[]): void => {
    for (const n of list) {
      flat.push(n);
      walk(n.children);
    }
  };
  walk(sheet.indicators);
  expect(flat.map((n) => n.id)).toEqual(scorer.nodes.map((n) => n.id));
  expect(result.scores).toEqual(flat.map((n) => Number(n.score)));
  expect(result.lost).toEqual(flat.map((n) => Number(n.lost)));
  if (sheet.options.roundAt === 'leaf') expect(result.scores.map(String)).toEqual(flat.map((n) => String(Number(n.score))));
  expect(result.issues.map((i) => i.code)).toEqual(sheet.issues.map((i) => i.code));
  expect(result.warnings.map((i) => i.code)).toEqual(sheet.warnings.map((i) => i.code));
}

