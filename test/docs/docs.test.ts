import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingText } from '../../src/review/findings.js';
import { FINDING_CODES, ISSUE_CODES, evaluate, safeScoreSelfEvaluation, validateFramework, type Template } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import type { FrameworkDefinition } from '../../src/index.js';
import { makeIssue } from '../../src/errors/messages.js';
import { FORM_CODES, makeFormIssue } from '../../src/errors/formMessages.js';
import type { CoreIssueCode, FormIssueCode } from '../../src/errors/codes.js';
import { RULE_KINDS } from '../../src/rules/registry.js';
import { prepare, removeAll, runBlock, typeCheck, writeAll, type Prepared, type Ran } from './codeBlocks.js';
import { FIGURES } from './figures.js';
import { namedYaml, wrapFragment } from './engine.js';
import { blocksOf, PAGES, proseOf, readPage, ROOT, type Block } from './markdown.js';

/*
 * 文档不会过时：README.md 和 docs/*.md 中的代码、YAML、数字、问题代码、规则类型、链接都由这里核对。
 * Docs that cannot drift. For README.md and every page of docs/:
 *   - every ```ts block is type-checked and run (src/index.ts stands for 'jixiao'), and every result it states
 *     (`console.log(x); // → "1.00"`, see codeBlocks.ts) must be what it prints; ```ts no-run blocks are shown only;
 *   - every ```yaml block parses, and every framework or fragment of one validates;
 *   - every figure the prose and tables state (figures.ts) is the one the engine computes;
 *   - every issue code is documented in docs/errors.md with its messages as src/errors/messages.ts writes them,
 *     and every rule kind has a section in docs/rules.md;
 *   - every relative link leads to a file and heading that exist, every `src/…` path named exists;
 *   - every example file cites its source by document title, issuer and date, never by a local file.
 * After a check was written, a figure, a stated output, a code row, a heading, a fragment and a link were each
 * broken on purpose to watch it fail.
 */

const LANGS = new Set(['ts', 'yaml', 'bash', 'text', 'json']);
const allBlocks: Block[] = PAGES.flatMap(blocksOf);

describe('code blocks', () => {
  it('use known languages (```ts, not ```js or ```typescript, so that no code escapes the checks)', () => {
    const odd = allBlocks.filter((b) => !LANGS.has(b.lang) || b.flags.some((f) => f !== 'no-run' && f !== 'continued'));
    expect(odd.map((b) => `${b.page}:${b.line} ${b.lang} ${b.flags.join(' ')}`)).toEqual([]);
  });

  it('are rarely marked no-run', () => {
    const noRun = allBlocks.filter((b) => b.flags.includes('no-run'));
    expect(noRun.length).toBeLessThanOrEqual(2);
  });
});

describe('```ts blocks run and print what they state', () => {
  const prepared: Prepared[] = PAGES.flatMap(prepare);
  const ran = new Map<Prepared, Ran>();
  let typeErrors = '';

  beforeAll(async () => {
    writeAll(prepared);
    const queue = [...prepared];
    const worker = async (): Promise<void> => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) ran.set(p, await runBlock(p));
    };
    // Type-check once while the blocks run, a few at a time.
    [typeErrors] = await Promise.all([typeCheck(), ...Array.from({ length: 4 }, worker)]);
  }, 180_000);

  afterAll(removeAll);

  it('are found', () => {
    expect(prepared.length).toBeGreaterThan(5);
  });

  it('type-check', () => {
    expect(typeErrors).toBe('');
  });

  it.each(prepared.map((p) => [`${p.block.page}:${p.block.line}`, p] as const))('%s', (_, p) => {
    const result = ran.get(p) as Ran;
    expect(result.stderr, `${p.block.page}:${p.block.line} failed`).toBe('');
    expect(result.code).toBe(0);
    for (const claim of p.claims) {
      const reached = result.checks.filter((c) => c.line === claim.line);
      expect(reached.length, `${p.block.page}:${claim.line}: the stated result is never reached`).toBeGreaterThan(0);
      for (const c of reached) expect(c.actual, `${p.block.page}:${claim.line}`).toBe(claim.expected);
    }
  });
});

/** The framework a page names in a ```yaml block, if any (fragments without indicators add to it). */
function pageFramework(page: string): FrameworkDefinition | undefined {
  const named = blocksOf(page).find((b) => b.lang === 'yaml' && /^#\s*[\w.-]+\.ya?ml\s*$/.test(b.code.split('\n')[0] ?? ''));
  return named === undefined ? undefined : (namedYaml(page, (named.code.split('\n')[0] ?? '').replace(/^#\s*/, '').trim()) as unknown as FrameworkDefinition);
}

const EVALUATION_FILE_KEYS = new Set(['framework', 'unit', 'year', 'values', 'notApplicable', 'notes', 'claimed']);

describe('```yaml blocks parse, and frameworks validate', () => {
  const yamlBlocks = allBlocks.filter((b) => b.lang === 'yaml');

  it.each(yamlBlocks.map((b) => [`${b.page}:${b.line}`, b] as const))('%s', (_, b) => {
    const data = parse(b.code) as { [k: string]: unknown };
    expect(typeof data).toBe('object');
    const issuesOf = (def: unknown): string[] => {
      const r = validateFramework(def);
      return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`);
    };
    if ('indicators' in data && 'id' in data) {
      // A whole framework.
      expect(issuesOf(data)).toEqual([]);
    } else if ('indicators' in data) {
      // A fragment (inputs, indicators): validated with a total and a grade added.
      expect(issuesOf(wrapFragment(data))).toEqual([]);
    } else if ('template' in data && ('rows' in data || 'targets' in data)) {
      // A self-evaluation (docs/self-evaluation.md): it scores under its preset template, complete and without issues.
      const preset = getPreset(String(data.template));
      expect(preset?.kind, `${b.page}:${b.line}: template ${String(data.template)}`).toBe('template');
      const r = safeScoreSelfEvaluation(data, (preset as { template: Template }).template);
      expect(r.ok ? r.value.issues.map((i) => i.code) : r.issues.map((i) => i.code)).toEqual([]);
      expect(r.ok && r.value.complete).toBe(true);
    } else if ('framework' in data) {
      // An evaluation file (docs/cli.md): its fields and the shape of its values.
      expect(Object.keys(data).filter((k) => !EVALUATION_FILE_KEYS.has(k))).toEqual([]);
      expect(typeof data.values).toBe('object');
    } else if ('values' in data) {
      // Inputs for the fragment just before it on the page: they read without any issue.
      const before = yamlBlocks.filter((x) => x.page === b.page && x.line < b.line && 'indicators' in (parse(x.code) as object)).at(-1);
      expect(before, `${b.page}:${b.line}: values with no fragment before them`).toBeDefined();
      const fragment = parse((before as Block).code) as { [k: string]: unknown };
      const sheet = evaluate('id' in fragment ? (fragment as unknown as FrameworkDefinition) : wrapFragment(fragment), data as never);
      expect(sheet.issues).toEqual([]);
    } else if ('adjustments' in data) {
      // Adjustments (and their inputs) added to the page's named framework.
      const base = pageFramework(b.page);
      expect(base, `${b.page}:${b.line}: adjustments with no framework on the page`).toBeDefined();
      const def = base as FrameworkDefinition;
      expect(issuesOf({ ...def, inputs: { ...def.inputs, ...(data.inputs as object) }, adjustments: data.adjustments })).toEqual([]);
    } else {
      throw new Error(`${b.page}:${b.line}: a yaml block that is neither a framework, a fragment, an evaluation file nor values`);
    }
  });
});

describe('figures stated in the prose and tables are the ones the engine computes', () => {
  it.each(FIGURES.map((f) => [`${f.page}: ${f.what}`, f] as const))('%s', (_, f) => {
    const prose = proseOf(f.page);
    for (const text of [f.text()].flat()) {
      expect(prose.includes(text), `${f.page} should state: ${text}`).toBe(true);
    }
  });
});

describe('every issue code and rule kind is documented', () => {
  const errors = readPage('docs/errors.md');
  const rules = readPage('docs/rules.md');

  it.each(ISSUE_CODES.map((c) => [c]))('docs/errors.md has a row for %s', (code) => {
    expect(errors).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  it.each(ISSUE_CODES.map((c) => [c]))('docs/errors.md gives the messages of %s as src/errors/messages.ts writes them', (code) => {
    // Each parameter rendered as its name in braces: "缺少必填字段“{key}”".
    const named = new Proxy({}, { get: (_, key) => `{${String(key)}}`, ownKeys: () => [] }) as { [k: string]: string };
    const issue = (FORM_CODES as readonly string[]).includes(code) ? makeFormIssue(code as FormIssueCode, [], named) : makeIssue(code as CoreIssueCode, [], named);
    const rows = errors.split('\n').filter((l) => l.startsWith(`| \`${code}\` |`));
    expect(rows.some((row) => row.includes(`| ${issue.message} | ${issue.messageEn} |`)), `${issue.message} | ${issue.messageEn}`).toBe(true);
  });

  it('docs/errors.md documents no code that does not exist', () => {
    const rows = [...errors.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1] as string);
    expect(rows.filter((c) => !(ISSUE_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it.each(FINDING_CODES.map((c) => [c]))('docs/review.md has a row for the finding code %s, with its severity', (code) => {
    const review = readPage('docs/review.md');
    expect(review).toMatch(new RegExp(`^\\| \`${code}\` \\| ${findingText(code, {}).severity} \\|`, 'm'));
  });

  it('docs/review.md documents no finding code that does not exist', () => {
    const review = readPage('docs/review.md');
    const rows = [...review.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|notice) \|/gm)].map((m) => m[1] as string);
    expect(rows.filter((c) => !(FINDING_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it.each(RULE_KINDS.map((k) => [k]))('docs/rules.md has a section and an index entry for %s', (kind) => {
    expect(rules).toMatch(new RegExp(`^## ${kind} `, 'm'));
    expect(rules).toMatch(new RegExp(`^\\| \\[\`${kind}\`\\]\\(#`, 'm'));
  });
});

describe('examples cite their sources by document, issuer and date', () => {
  const files = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f));

  it.each(files.map((f) => [f]))('examples/%s', (file) => {
    const comments = readFileSync(join(ROOT, 'examples', file), 'utf8')
      .split('\n')
      .filter((l) => l.trimStart().startsWith('#'));
    const source = comments.find((l) => /^# Source: /.test(l));
    const constructed = comments.findIndex((l) => /^# Constructed example 构造示例: not a published form\./.test(l));
    if (constructed >= 0) {
      // A constructed example says so on its own line and still cites the rules it shows: 《title》，issuer，date.
      expect(comments.slice(constructed, constructed + 4).join(' ')).toMatch(/《[^》]+》，[^，]+，\d{4}/);
      expect(source, 'a constructed example has no "# Source:" line').toBeUndefined();
    } else {
      // A title in 《》, then the issuer and a date (or the words saying the document bears none).
      expect(source, 'a "# Source:" line').toMatch(/^# Source: 《[^》]+》.*，[^，]+，(\d{4}-\d{2}-\d{2}|填报日期 \d{4}-\d{2}-\d{2}|\d{4} 年度（报告未载明日期)/);
    }
    // Never a local file: no seed file name, no absolute or relative path to a text file.
    expect(comments.filter((l) => /seeds\/|\/work\/|\w\.txt\b/.test(l))).toEqual([]);
  });
});

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (page: string): Set<string> => new Set([...proseOf(page).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] as string)));

describe('links and paths lead somewhere', () => {
  it.each(PAGES.map((p) => [p]))('%s', (page) => {
    const broken: string[] = [];
    const dir = page.includes('/') ? page.slice(0, page.lastIndexOf('/')) : '';
    for (const [, target] of proseOf(page).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target as string)) continue;
      const [file, anchor] = (target as string).split('#') as [string, string | undefined];
      const path = file === '' ? page : join(dir, file);
      if (!existsSync(join(ROOT, path))) broken.push(`${target}: no file ${path}`);
      else if (anchor !== undefined && path.endsWith('.md') && !anchorsOf(path).has(decodeURIComponent(anchor))) broken.push(`${target}: no heading`);
    }
    for (const [, path] of readPage(page).matchAll(/`((?:src|test|examples|docs|scripts)\/[\w./-]+)`/g)) {
      if (!existsSync(join(ROOT, (path as string).replace(/<[^>]+>.*$/, '')))) broken.push(`${path}: no such path`);
    }
    expect(broken).toEqual([]);
  });
});
