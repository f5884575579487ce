import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defineFramework, formatReviewHtml, formatReviewMarkdown, reviewEvaluation, type ClaimedScores, type EvaluationInputs, type EvaluationReview, type FrameworkDefinition } from '../../src/index.js';
import { escapeHtml } from '../../src/report/html.js';
import { frameworkOf } from '../support/minimal.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => parse(readFileSync(join(ROOT, 'examples/panzhihua-2024', file), 'utf8')) as { [k: string]: unknown };
const framework = defineFramework(read('framework.yaml') as unknown as FrameworkDefinition);
const evaluation = read('evaluation.yaml') as { values: EvaluationInputs['values']; claimed: ClaimedScores & { scores: { [id: string]: number } } };
const inputs: EvaluationInputs = { values: evaluation.values };

function reviewed(claimed: ClaimedScores): EvaluationReview {
  const r = reviewEvaluation(framework, inputs, claimed);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const codes = (r: EvaluationReview) => r.findings.map((f) => `${f.code} ${f.path.join('.')}`).sort();

describe('review of an evaluation against its framework 按指标体系评价的复核', () => {
  it('攀枝花 2024: the published table (every printed score, 91.54, 优秀) reproduces without a finding', () => {
    const r = reviewed(evaluation.claimed);
    expect(r.findings).toEqual([]);
    expect(r.claimed).toEqual({ total: '91.54', grade: '优秀' });
    expect(r.computed).toEqual({ total: '91.54', grade: '优秀', complete: true });
    expect(r.gradeChanged).toBe(false);
    expect(Object.keys(evaluation.claimed.scores).length).toBeGreaterThan(30);
  });

  it('a changed score is found on its indicator, and its parent no longer adds up', () => {
    const scores = { ...evaluation.claimed.scores, 'asset-utilization': 1 };
    const r = reviewed({ ...evaluation.claimed, scores });
    // 资产利用 has its own printed children (0.3 + 0.3), which no longer add up to the changed 1 either.
    expect(codes(r)).toEqual(['rows-sum-mismatch claimed.scores.asset-management', 'rows-sum-mismatch claimed.scores.asset-utilization', 'score-mismatch claimed.scores.asset-utilization']);
    const f = r.findings.find((x) => x.code === 'score-mismatch');
    expect(f).toMatchObject({ claimed: '1', computed: '0.60', difference: '0.40', changesGrade: false, row: { level1: '总体绩效' } });
  });

  it('total, grade and prose total that do not match; unknown ids and unreadable scores are findings, never dropped', () => {
    const r = reviewed({ ...evaluation.claimed, scores: { ...evaluation.claimed.scores, 'no-such': 1, effect: '三分' as never }, total: 89.54, grade: '优秀', statedTotal: 91.54 });
    expect(codes(r)).toEqual([
      'grade-mismatch claimed.grade',
      'invalid-number claimed.scores.effect',
      'prose-total-mismatch claimed.statedTotal',
      'total-sum-mismatch claimed.total',
      'unknown-indicator claimed.scores.no-such',
    ]);
    expect(r.findings[0]?.code).toBe('total-sum-mismatch');
  });

  it('names the rounding that reproduces a claim; a claim above the weight; bad claims are refused with their path', () => {
    const fw = defineFramework(frameworkOf([{ id: 'x', name: '执行率', weight: 10, rule: { kind: 'ratio', value: { input: 'v' } } }], { v: { type: 'fraction' } }));
    const r = reviewEvaluation(fw, { values: { v: '0.862' } }, { scores: { x: 9 } });
    expect(r.ok && r.value.findings.map((f) => [f.code, f.rounding])).toEqual([['rounding-difference', { places: 0, mode: 'half-up' }]]);
    const above = reviewEvaluation(fw, { values: { v: '0.862' } }, { scores: { x: 11 } });
    expect(above.ok && above.value.findings.map((f) => f.code)).toEqual(['claimed-above-weight']);
    const bad = reviewEvaluation(fw, { values: { v: '0.862' } }, { scores: { x: [1] as never }, extra: 1 } as never);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['claimed.scores.x', 'claimed.extra']));
  });

  it('the memo names the framework and carries every finding', () => {
    const r = reviewed({ ...evaluation.claimed, total: 89.54 });
    const md = formatReviewMarkdown(r);
    const html = formatReviewHtml(r);
    expect(md).toContain(`指标体系 Framework：${framework.name}`);
    for (const f of r.findings) {
      expect(md).toContain(f.message);
      expect(html).toContain(escapeHtml(f.messageEn));
    }
  });
});
