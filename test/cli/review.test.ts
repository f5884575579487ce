import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reviewSelfEvaluation, type SelfEvaluationReview, type Template } from '../../src/index.js';
import { escapeHtml } from '../../src/report/html.js';
import { review, type ReviewArgs } from '../../src/cli/review.js';
import { getPreset } from '../../src/presets/index.js';
import { repo, runIn, spawnCli } from './helpers.js';

const EXAMPLES = join(repo, 'examples/review');
const national = (getPreset('national-project-2020') as { template: Template }).template;

/** Runs `jixiao review` in this process. */
async function run(args: Partial<ReviewArgs> & { path: string }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await review({ format: 'text', progress: false, ...args }, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), tty: false });
  return { code, out, err };
}

const expected = (file: string): SelfEvaluationReview => {
  const r = reviewSelfEvaluation(parse(readFileSync(join(EXAMPLES, file), 'utf8')), national);
  if (!r.ok) throw new Error(file);
  return r.value;
};

describe('jixiao review 复核命令', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort();

  it('reviews a folder: a summary line per form, a CSV summary with a BOM, a memo per form; exit 1 with errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-'));
    const r = await run({ path: EXAMPLES, summary: join(dir, 'summary.csv'), out: join(dir, 'memos') });
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    for (const f of files) {
      const line = lines.find((l) => l.startsWith(f)) ?? '';
      const e = expected(f);
      expect(line.trim().split(/\s+/).slice(-2)).toEqual([String(e.counts.error), String(e.counts.warning)]);
      expect(line).toContain(e.computed.total);
      const html = readFileSync(join(dir, 'memos', `${f}.html`), 'utf8');
      for (const finding of e.findings) expect(html).toContain(escapeHtml(finding.message));
      expect(readFileSync(join(dir, 'memos', `${f}.md`), 'utf8')).toContain(`# 复核意见 Review memo：${e.project.name}`);
    }
    const csv = readFileSync(join(dir, 'summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(files.length + 1);
  });

  it('a correct form exits 0; --format json gives the reviews', async () => {
    const ok = await run({ path: join(EXAMPLES, '06-correct.yaml') });
    expect(ok.code).toBe(0);
    const json = await run({ path: join(EXAMPLES, '02-full-marks.yaml'), format: 'json' });
    const parsed = JSON.parse(json.out) as { review: SelfEvaluationReview }[];
    expect(parsed[0]?.review.findings.map((f) => f.code)).toEqual(expected('02-full-marks.yaml').findings.map((f) => f.code));
  });

  it('a file that cannot be read is listed with its reason and the others are still reviewed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(EXAMPLES, '06-correct.yaml'), join(dir, 'sub', 'good.yaml'));
    writeFileSync(join(dir, 'broken.yaml'), 'template: [unclosed\n');
    writeFileSync(join(dir, 'framework.json'), JSON.stringify({ id: 'x', name: 'x', indicators: [] }));
    writeFileSync(join(dir, 'notes.txt'), 'not a form');
    const r = await run({ path: dir });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/broken\.yaml\s+无法复核 cannot review: /);
    expect(r.out).toMatch(/framework\.json\s+无法复核 cannot review: .*自评表/);
    expect(r.out).toMatch(/sub\/good\.yaml\s+某区环境卫生管理所/);
    expect(r.out).not.toContain('notes.txt');
    expect(r.out).toContain('共 3 份，无法复核 2 份');
  });

  it('reviews an evaluation file against its framework: 攀枝花 reproduces its published table (exit 0); a changed claim is an error', async () => {
    const file = join(repo, 'examples/panzhihua-2024/evaluation.yaml');
    const ok = await run({ path: file });
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/evaluation\.yaml\s+攀枝花市医疗保障局\s+91\.54\s+91\.54\s+否 no\s+0\s+0/);
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-'));
    const changed = readFileSync(file, 'utf8').replace('framework: ./framework.yaml', `framework: ${join(repo, 'examples/panzhihua-2024/framework.yaml')}`).replace('  total: 91.54', '  total: 92.54');
    writeFileSync(join(dir, 'changed.yaml'), changed);
    const bad = await run({ path: join(dir, 'changed.yaml'), format: 'json' });
    expect(bad.code).toBe(1);
    const parsed = JSON.parse(bad.out) as { review: { findings: { code: string }[] } }[];
    expect(parsed[0]?.review.findings.map((f) => f.code)).toEqual(['total-sum-mismatch']);
  });

  it('found by review: a broken link is listed and the rest go on; form.yaml and form.csv get their own memos; the summary file is not a form; import warnings are findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-review-'));
    copyFileSync(join(EXAMPLES, '06-correct.yaml'), join(dir, 'form.yaml'));
    const csv = readFileSync(join(repo, 'test/sheetio/fixtures/chizhou-2022.csv'), 'utf8').split('\r\n');
    csv.splice(2, 0, '备注说明,见附件');
    writeFileSync(join(dir, 'form.csv'), csv.join('\r\n'));
    symlinkSync(join(dir, 'no-such.yaml'), join(dir, 'gone.yaml'));
    const memos = join(dir, 'memos');
    const first = await run({ path: dir, out: memos, summary: join(dir, 'summary.csv') });
    expect(first.out).toMatch(/gone\.yaml\s+无法复核 cannot review: /);
    expect(readdirSync(memos).sort()).toEqual(['form.csv.html', 'form.csv.md', 'form.yaml.html', 'form.yaml.md']);
    expect(readFileSync(join(memos, 'form.csv.md'), 'utf8')).toContain('sheet-cell-unmapped');
    const again = await run({ path: dir, summary: join(dir, 'summary.csv') });
    expect(again.out).not.toContain('summary.csv');
    expect(again.out).toContain('共 3 份');
  });

  it('runs as a command: help, a usage error (exit 2), a missing path (exit 2), the exit code of a review', () => {
    expect(runIn(['help', 'review']).out).toContain('jixiao review <自评表或文件夹');
    expect(spawnCli(['review', '--bogus', EXAMPLES]).code).toBe(2);
    expect(spawnCli(['review', join(repo, 'no-such-folder')]).code).toBe(2);
    const r = spawnCli(['review', join(EXAMPLES, '06-correct.yaml')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('06-correct.yaml');
  });
});
