import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatReviewHtml, formatReviewMarkdown, reviewSelfEvaluation } from '../../src/index.js';
import type { SelfEvaluation, SelfEvaluationReview, Template } from '../../src/index.js';
import { escapeHtml } from '../../src/report/html.js';
import { getPreset } from '../../src/presets/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const national = (getPreset('national-project-2020') as { template: Template }).template;
const load = (file: string): SelfEvaluation => parse(readFileSync(join(ROOT, file), 'utf8')) as SelfEvaluation;
function reviewed(doc: unknown): SelfEvaluationReview {
  const r = reviewSelfEvaluation(doc, national);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const codes = (r: SelfEvaluationReview) => r.findings.map((f) => `${f.code} ${f.path.join('.')}`).sort();

/** The planted mistakes of each example form in examples/review (see its README). */
const PLANTED: { readonly [file: string]: readonly string[] } = {
  '01-rounding.yaml': ['rounding-difference budget.claimed', 'rounding-difference rows.3.claimed'],
  '02-full-marks.yaml': ['full-marks-target-missed rows.3.claimed', 'satisfaction-rate-times-weight rows.5.claimed'],
  '03-sums.yaml': ['grade-mismatch claimedGrade', 'level-weights-mismatch levels.2.weight', 'prose-total-mismatch statedTotal', 'rows-sum-mismatch levels.0.claimed', 'total-sum-mismatch claimedTotal'],
  '04-data-errors.yaml': ['actual-not-numeric rows.2.actual', 'budget-rows-mismatch budget.annual', 'budget-rows-mismatch budget.executed', 'budget-rows-mismatch budget.initial', 'unreadable-target rows.1.target'],
  '05-over-completion.yaml': ['claimed-above-weight claimedTotal', 'claimed-above-weight rows.2.claimed', 'review-over-completion rows.0.actual'],
  '06-correct.yaml': [],
};

describe('review of the example forms 复核示例', () => {
  const files = readdirSync(join(ROOT, 'examples/review')).filter((f) => f.endsWith('.yaml'));

  it('every example form is listed here and in the folder README', () => {
    expect(files.sort()).toEqual(Object.keys(PLANTED).sort());
    const readme = readFileSync(join(ROOT, 'examples/review/README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(f);
  });

  it.each(Object.entries(PLANTED))('%s: finds every planted mistake and nothing else', (file, planted) => {
    expect(codes(reviewed(load(`examples/review/${file}`)))).toEqual([...planted].sort());
  });

  it('names the rounding that reproduces a claimed score, and what the template computes', () => {
    const r = reviewed(load('examples/review/01-rounding.yaml'));
    const budget = r.findings.find((f) => f.path[0] === 'budget');
    expect(budget).toMatchObject({ severity: 'warning', claimed: '9', computed: r.sheet.budget.score, rounding: { places: 0, mode: 'half-up' } });
    // Truncation is told apart from rounding half-up.
    const doc = load('examples/review/01-rounding.yaml');
    const truncated = reviewed({ ...doc, budget: { ...doc.budget, claimed: 8 }, claimedTotal: 97 });
    expect(truncated.findings.find((f) => f.path[0] === 'budget')?.rounding).toEqual({ places: 0, mode: 'down' });
    // A claim no rounding explains is a plain mismatch with the rule's sentence.
    const off = reviewed({ ...doc, budget: { ...doc.budget, claimed: 7 }, claimedTotal: 96 });
    const f = off.findings.find((x) => x.path[0] === 'budget');
    expect(f?.code).toBe('score-mismatch');
    expect(f?.message).toContain(off.sheet.budget.explanation);
  });

  it('full marks for a missed target give the score the rule gives and the points at stake', () => {
    const r = reviewed(load('examples/review/02-full-marks.yaml'));
    const f = r.findings[0];
    const row = r.sheet.rows[3];
    expect(f).toMatchObject({ code: 'full-marks-target-missed', claimed: '10', computed: row?.score });
    expect(Number(f?.difference)).toBeCloseTo(10 - Number(row?.score), 10);
    expect(f?.stake).toBe(f?.difference);
    // The findings come most points at stake first.
    expect(r.findings.map((x) => x.code)).toEqual(['full-marks-target-missed', 'satisfaction-rate-times-weight']);
  });

  it('says whether a finding changes the grade', () => {
    const doc = load('examples/review/06-correct.yaml');
    // Full marks claimed on a row the rule scores one point lower: from a claimed 90.5 (优) the correction gives 89.5 (良).
    const rows = (doc.rows ?? []).map((r, i) => (i === 0 ? { ...r, claimed: 20 } : r));
    const r = reviewed({ ...doc, rows, levels: undefined, claimedTotal: 90.5, statedTotal: undefined, budget: { ...doc.budget, claimed: 9.9 } });
    const f = r.findings.find((x) => x.code === 'full-marks-target-missed');
    expect(f?.changesGrade).toBe(true);
    const g = reviewed({ ...doc, rows, levels: undefined, claimedTotal: 97.9, statedTotal: undefined });
    expect(g.findings.find((x) => x.code === 'full-marks-target-missed')?.changesGrade).toBe(false);
  });

  it('the 池州 form: a zero total row above its sub-row and the cut-off row are errors; nothing claimed, nothing compared', () => {
    const r = reviewed(load('examples/chizhou-2022/self-evaluation.yaml'));
    expect(codes(r)).toEqual(['budget-rows-mismatch budget.annual', 'budget-rows-mismatch budget.executed', 'budget-rows-mismatch budget.initial', 'unreadable-target rows.10.target'].sort());
    expect(r.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(r.gradeChanged).toBeNull();
    expect(r.findings[0]?.stake).toBe('10');
  });

  it('found by review: unreadable numbers anywhere, a total whose parts are not all printed, 优秀 for 优, a subtotal for no level, rounding before full marks', () => {
    const doc = load('examples/review/06-correct.yaml');
    const words = reviewed({ ...doc, budget: { ...doc.budget, claimed: '满分' }, levels: [{ level1: '产出指标', weight: '五十', claimed: 49 }], claimedTotal: '九十', statedTotal: '约95分' });
    expect(codes(words).filter((c) => c.startsWith('invalid-number'))).toEqual(['invalid-number budget.claimed', 'invalid-number claimedTotal', 'invalid-number levels.0.weight', 'invalid-number statedTotal']);
    const { claimed: _, ...budget } = doc.budget;
    expect(codes(reviewed({ ...doc, budget, levels: undefined, statedTotal: undefined, claimedTotal: 80, claimedGrade: '良' }))).toEqual(['total-differs claimedTotal']);
    expect(codes(reviewed({ ...doc, claimedGrade: '优秀' }))).toEqual([]);
    expect(codes(reviewed({ ...doc, levels: [...(doc.levels ?? []), { level1: '满意度', claimed: 10 }] }))).toContain('unknown-level levels.3.level1');
    // 99.6% of the budget scores 9.96; a claimed 10 is that rounded, not full marks for a missed target.
    const rounded = reviewed({ ...doc, budget: { annual: 100, executed: 99.6, claimed: 10 }, levels: undefined, claimedTotal: undefined, statedTotal: undefined });
    expect(rounded.findings.map((f) => [f.code, f.rounding?.places])).toEqual([['rounding-difference', 0]]);
  });

  it('a claimed total equal to the recomputed one is still checked against its parts when nothing was rescaled', () => {
    const doc = load('examples/review/06-correct.yaml');
    const rows = (doc.rows ?? []).map((r, i) => (i === 0 ? { ...r, claimed: 9 } : r));
    const r = reviewed({ ...doc, rows, levels: undefined, statedTotal: undefined });
    expect(codes(r)).toContain('total-sum-mismatch claimedTotal');
  });

  it('a document that is not a self-evaluation is refused with issues, never thrown', () => {
    const r = reviewSelfEvaluation({ template: 'national-project-2020' }, national);
    expect(r.ok).toBe(false);
  });
});

describe('review memo 复核意见', () => {
  const all = Object.keys(PLANTED).map((f) => reviewed(load(`examples/review/${f}`)));

  it('Markdown and HTML carry every finding, in both languages', () => {
    for (const r of all) {
      const md = formatReviewMarkdown(r);
      const html = formatReviewHtml(r);
      expect(md).toContain(`总分 Total | ${r.claimed.total ?? '—'} | ${r.computed.total}`);
      for (const f of r.findings) {
        expect(md).toContain(f.message);
        expect(md).toContain(f.messageEn);
        expect(html).toContain(escapeHtml(f.message));
        expect(html).toContain(escapeHtml(f.messageEn));
        expect(html).toContain(`<tr class="${f.severity}">`);
      }
      expect(html.match(/<tr class="(error|warning|notice)">/g)?.length ?? 0).toBe(r.findings.length);
      if (r.findings.length === 0) expect(md).toContain('未发现问题');
    }
  });

  it('HTML is one self-contained page and escapes what the form says', () => {
    const doc = load('examples/review/04-data-errors.yaml');
    const r = reviewed({ ...doc, project: { ...doc.project, name: '<script>alert(1)</script>' } });
    const html = formatReviewHtml(r);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<link|src=|href=/);
  });
});
