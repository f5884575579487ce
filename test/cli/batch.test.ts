import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, stringify } from 'yaml';
import { defineFramework, evaluate, scoreSelfEvaluation, type Template } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { definition, makeRecords } from '../../bench/fixtures/mixed30.js';
import { repo, spawnCli, STACK } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
const frameworkFile = join(dir, 'mixed30.yaml');
writeFileSync(frameworkFile, stringify(definition));
const framework = defineFramework(definition);
const records = makeRecords(300, 7);

/** The data lines of a CSV output (BOM and header dropped), split into cells (no quoted commas in these). */
const rows = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

/** Encodes text as GBK with a table built from the platform's GBK decoder (Node has no GBK encoder). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
}

describe('jixiao batch 批量计分', () => {
  const jsonl = join(dir, 'records.jsonl');
  writeFileSync(jsonl, records.map((r, i) => JSON.stringify(i % 2 === 0 ? { id: `r${i}`, values: r.values } : r.values)).join('\n') + '\n');

  it('scores every JSONL record as evaluate does, writes CSV through a temporary file, and prints a summary', () => {
    const out = join(dir, 'out.csv');
    const run = spawnCli(['batch', frameworkFile, jsonl, '-o', out, '--columns', 'leaves']);
    expect(run.code).toBe(0);
    const lines = rows(readFileSync(out, 'utf8'));
    expect(lines).toHaveLength(records.length);
    lines.forEach((cells, i) => {
      const sheet = evaluate(framework, records[i] as never);
      expect(cells[0]).toBe(String(i));
      expect(cells[1]).toBe(i % 2 === 0 ? `r${i}` : '');
      expect(cells[2]).toBe(sheet.total);
      expect(cells[3]).toBe(sheet.grade?.label);
    });
    expect(readFileSync(out, 'utf8').startsWith('\uFEFFindex,id,total,grade,complete,provisional,issues,')).toBe(true);
    expect(run.out).toContain(`记录 records: ${records.length}`);
    expect(run.out).toContain('失分最多的指标');
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('gives the same output with --jobs 2 as with --jobs 1, in JSONL too', () => {
    const one = join(dir, 'one.jsonl');
    const two = join(dir, 'two.jsonl');
    expect(spawnCli(['batch', frameworkFile, jsonl, '-o', one, '--columns', 'all']).code).toBe(0);
    expect(spawnCli(['batch', frameworkFile, jsonl, '-o', two, '--columns', 'all', '--jobs', '2']).code).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const first = JSON.parse(readFileSync(one, 'utf8').split('\n')[0] as string) as { total: string; scores: { [id: string]: number } };
    expect(first.total).toBe(evaluate(framework, records[0] as never).total);
  });

  it('scores a chunk whose worker thread fails (a record beyond its heap) in the main thread: --jobs 2 gives --jobs 1 output (review finding)', () => {
    // The second line, 16 MB, is a block of its own, the first a worker takes; it used to end the batch (exit 2).
    const big = join(dir, 'big.jsonl');
    const huge = JSON.stringify({ id: 'huge', values: { ...(records[1] as { values: object }).values, 'budget-adjusted': new Array<number>(8_000_000).fill(0) } });
    writeFileSync(big, [JSON.stringify(records[0]), huge, ...records.slice(2, 40).map((r) => JSON.stringify(r))].join('\n') + '\n');
    const [one, two] = [join(dir, 'big-one.csv'), join(dir, 'big-two.csv')];
    const first = spawnCli(['batch', frameworkFile, big, '-o', one]);
    const second = spawnCli(['batch', frameworkFile, big, '-o', two, '--jobs', '2']);
    expect([first.code, second.code]).toEqual([1, 1]);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    expect(rows(readFileSync(one, 'utf8')).map((r) => r[6])).toContain('too-large@');
    expect(rows(readFileSync(one, 'utf8'))).toHaveLength(40);
  });

  /** Writes a one-indicator framework (完成率 = done ÷ plan, 10 points) to `name` in the test folder; gives its path. */
  const writeRatioFramework = (name: string): string => {
    const fw = join(dir, name);
    writeFileSync(
      fw,
      stringify({
        id: 'ratio',
        name: '比率',
        scope: 'project',
        total: 10,
        grades: [{ label: '合格', min: 0 }],
        inputs: { done: { type: 'number', name: '完成数' }, plan: { type: 'number', name: '计划数' } },
        indicators: [{ id: 'r', name: '完成率', weight: 10, rule: { kind: 'ratio', value: { div: [{ input: 'done' }, { input: 'plan' }] } } }],
      }),
    );
    return fw;
  };

  it('reports a malformed CSV row, a row with too many cells and a bad value on their own lines, and scores the rest', () => {
    const header = ['id', 'done', 'plan'].join(',');
    const fw = writeRatioFramework('ratio.yaml');
    const csv = join(dir, 'bad.csv');
    // b: a closing quote followed by text (a CSV syntax error); c: one cell too many; d: a word for a number.
    writeFileSync(csv, [header, 'a,2,3', 'b,"4"x,5', 'c,1,2,9', 'd,x,2', 'e,3,4'].join('\n') + '\n');
    const out = join(dir, 'bad-out.csv');
    const run = spawnCli(['batch', fw, csv, '-o', out]);
    expect(run.code).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('6.67');
    expect(text).toContain('7.50');
    expect(text).toMatch(/malformed-record/);
    expect(text).toMatch(/row-length-mismatch/);
    expect(text).toMatch(/invalid-number@values\.done/);
  });

  it('reports a JSONL line with a key written twice (JSON.parse kept the last silently), and reads colons inside strings as text (review finding)', () => {
    const fw = writeRatioFramework('ratio-twice.yaml');
    const file = join(dir, 'twice.jsonl');
    const lines = ['{"done":1,"done":2,"plan":2}', '{"id":"a:b:c","values":{"done":1,"plan":2}}', '{"values":{"done":1,"plan":2},"notApplicable":[],"notApplicable":[]}', '{"done" : 3 , "plan" : 4}'];
    writeFileSync(file, lines.join('\n') + '\n');
    const out = join(dir, 'twice-out.jsonl');
    expect(spawnCli(['batch', fw, file, '-o', out]).code).toBe(1);
    const results = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { total?: string; id?: string; issues?: { code: string; messageEn: string }[] });
    expect(results.map((r) => [r.id ?? null, r.total ?? null, r.issues?.map((i) => i.code) ?? []])).toEqual([
      [null, null, ['malformed-record']],
      ['a:b:c', '5.00', []],
      [null, null, ['malformed-record']],
      [null, '7.50', []],
    ]);
    expect(results[0]?.issues?.[0]?.messageEn).toContain('duplicate key "done"');
  });

  it('quotes the ids and issues that need it in CSV output, and leaves the score cells of an unread record empty', () => {
    const fw = writeRatioFramework('ratio-out.yaml');
    const csv = join(dir, 'quoting.csv');
    // An id with a comma, one with quotes, a record that is not CSV (no scores at all), and a value in a column the
    // framework does not declare, whose name has a comma (its issue names it).
    writeFileSync(csv, ['id,done,plan,"note,1"', '"a,1",2,4,', '"say ""hi""",1,4,', 'c,"4"x,5,', 'd,1,4,x'].join('\n') + '\n');
    const out = join(dir, 'quoting-out.csv');
    expect(spawnCli(['batch', fw, csv, '-o', out, '--columns', 'all']).code).toBe(1);
    const cells = parseCsv(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(cells.map((r) => r.length)).toEqual([8, 8, 8, 8, 8]);
    expect(cells.slice(1, 4).map((r) => [r[0], r[1], r[2], r[7]])).toEqual([
      ['0', 'a,1', '5.00', '5'],
      ['1', 'say "hi"', '2.50', '2.5'],
      ['2', '', '', ''],
    ]);
    expect(cells[3]?.[6]).toBe('malformed-record@records.2');
    expect(cells[4]?.[6]).toBe('unknown-input@values.note,1');
  });

  it('cuts CSV records one by one: a record that is not CSV is reported on its own line and the rest are scored', () => {
    const fw = writeRatioFramework('ratio-groups.yaml');
    // 1,000 records (several chunks); every 100th has a quoted line break in its id; the 600th is not CSV.
    const lines = ['id,done,plan'];
    const lineOf: number[] = [];
    for (let i = 0; i < 1000; i++) {
      lineOf.push(lines.length + 1);
      if (i === 600) lines.push('r600,"4"x,5');
      else if (i % 100 === 0) lines.push(`"r${i}`, `part two",${i % 7},7`);
      else lines.push(`r${i},${i % 7},7`);
    }
    const csv = join(dir, 'groups.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const run = spawnCli(['batch', fw, csv, '--format', 'jsonl']);
    const out = run.out.trim().split('\n').map((l) => JSON.parse(l) as { index: number; id?: string; total: string | null; issues?: { code: string; message: string }[] });
    expect(out.map((r) => r.index)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(out[600]?.issues?.[0]?.code).toBe('malformed-record');
    expect(out[600]?.issues?.[0]?.message).toContain(`第 ${lineOf[600]} 行`);
    expect(out.filter((r) => r.issues !== undefined).map((r) => r.index)).toEqual([600]);
    expect(out[500]?.id).toBe('r500\npart two');
    expect(out[700]?.id).toBe('r700\npart two');
    // Records of the same cells score alike in every group (1 of 7 done).
    expect(out[701]?.total).toBe(out[1]?.total);
    expect(out[1]?.total).not.toBeNull();
  });

  it('joins a quoted cell across lines by counting its quotes, escaped ones too, and skips lines of white space as trim does', () => {
    const fw = writeRatioFramework('ratio-quotes.yaml');
    // r1's id starts with an escaped quote (three quotes on its first line: still open); the ideographic-space line
    // and the line of a tab and a no-break space are blank.
    const lines = ['id,done,plan', '"""r1', 'x"" y",2,3', '\u3000', 'r2,3,4', '\t\u00a0', '"r3 ""a""",1,2'];
    const csv = join(dir, 'quotes.csv');
    writeFileSync(csv, lines.join('\n') + '\n');
    const run = spawnCli(['batch', fw, csv, '--format', 'jsonl']);
    const out = run.out.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; total: string | null; issues?: unknown[] });
    expect(out.map((r) => [r.id, r.total, r.issues])).toEqual([
      ['"r1\nx" y', '6.67', undefined],
      ['r2', '7.50', undefined],
      ['r3 "a"', '5.00', undefined],
    ]);
  });

  it('reads a CSV saved as GBK (detected, or with --encoding gbk)', () => {
    const fw = join(dir, 'flags.yaml');
    writeFileSync(
      fw,
      stringify({
        id: 'flags',
        name: '是否',
        scope: 'project',
        total: 4,
        grades: [{ label: '合格', min: 0 }],
        inputs: { published: { type: 'boolean', name: '已公开' } },
        indicators: [{ id: 'p', name: '公开', weight: 4, rule: { kind: 'binary', when: { is: 'published' } } }],
      }),
    );
    const csv = join(dir, 'gbk.csv');
    writeFileSync(csv, gbk('id,published\n第一,是\n第二,否\n'));
    for (const extra of [[], ['--encoding', 'gbk']]) {
      const run = spawnCli(['batch', fw, csv, ...extra]);
      expect(run.code).toBe(0);
      const lines = rows(run.out);
      expect(lines.map((l) => [l[1], l[2]])).toEqual([
        ['第一', '4.00'],
        ['第二', '0.00'],
      ]);
    }
  });

  it('writes the header only for an empty file, and exits 0', () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const run = spawnCli(['batch', frameworkFile, empty]);
    expect(run.code).toBe(0);
    expect(run.out.replace(/^\uFEFF/, '').trim().split('\n')).toHaveLength(1);
    expect(run.err).toContain('记录 records: 0');
  });

  it('leaves no output file when it is interrupted', async () => {
    const big = join(dir, 'big.jsonl');
    const many = makeRecords(2000, 3).map((r) => JSON.stringify(r.values));
    writeFileSync(big, Array.from({ length: 40 }, () => many.join('\n')).join('\n') + '\n');
    const out = join(dir, 'interrupted.csv');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), 'batch', frameworkFile, big, '-o', out], { cwd: repo, stdio: 'ignore' });
    // Wait until it is writing (its temporary file exists), then stop it.
    for (let i = 0; i < 600 && !readdirSync(dir).some((f) => f.startsWith('interrupted.csv.') && f.endsWith('.part')); i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(143);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('interrupted.csv'))).toEqual([]);
  }, 60_000);

  it('scores self-evaluation documents under a template (template:<id>), one per JSONL line, like scoreSelfEvaluation', () => {
    const doc = parse(readFileSync(join(repo, 'examples/qingshen-2023/self-evaluation.yaml'), 'utf8')) as { [k: string]: unknown };
    const forms = join(dir, 'forms.jsonl');
    // The three lines 300 times over: several blocks, so that worker threads score some (--jobs 2 and 3).
    const three = [JSON.stringify(doc), '{bad', JSON.stringify({ ...doc, rows: [] })];
    writeFileSync(forms, Array.from({ length: 300 }, () => three).flat().join('\n') + '\n');
    expect(statSync(forms).size).toBeGreaterThan(3 * 65536);
    const sheet = scoreSelfEvaluation(doc as never, getPreset('sichuan-project-2023')?.kind === 'template' ? (getPreset('sichuan-project-2023') as { template: Template }).template : (undefined as never));
    for (const jobs of ['1', '2', '3']) {
      const run = spawnCli(['batch', 'template:sichuan-project-2023', forms, '--jobs', jobs]);
      expect(run.code).toBe(1);
      const lines = rows(run.out);
      for (const k of [0, 150, 299]) {
        expect(lines[3 * k]?.slice(0, 5)).toEqual([String(3 * k), '工资性支出', sheet.total, sheet.grade, 'true']);
        expect(lines[3 * k + 1]?.[6]).toBe(`malformed-record@records.${3 * k + 1}`);
        expect(lines[3 * k + 2]?.[4]).toBe('false');
      }
      expect(run.err).toContain('记录 records: 900，完整 complete: 300');
    }
  });

  it("writes a template batch's mean at the template's own precision (it was read at 2 places: 841.17 for 84.117) (review finding)", () => {
    const doc = parse(readFileSync(join(repo, 'examples/qingshen-2023/self-evaluation.yaml'), 'utf8')) as { [k: string]: unknown };
    const preset = getPreset('sichuan-project-2023') as { template: Template };
    const definition = { ...preset.template.definition, options: { ...preset.template.definition.options, precision: 3 } };
    const templateFile = join(dir, 'template-3.yaml');
    writeFileSync(templateFile, stringify(definition));
    const forms = join(dir, 'forms-3.jsonl');
    writeFileSync(forms, `${JSON.stringify(doc)}\n${JSON.stringify(doc)}\n`);
    const total = scoreSelfEvaluation(doc as never, definition as never).total as string;
    expect(total).toMatch(/^\d+\.\d{3}$/);
    const run = spawnCli(['batch', templateFile, forms]);
    expect(run.err).toContain(`平均分 mean total（完整记录 complete records）: ${total}`);
  });

  it('keeps record indices and ids past the first chunk, detects GBK that starts late, and treats blank lines alike in every reader (review findings)', () => {
    const fw = join(dir, 'flags2.yaml');
    writeFileSync(
      fw,
      stringify({
        id: 'flags2',
        name: '是否',
        scope: 'project',
        total: 4,
        grades: [{ label: '合格', min: 0 }],
        inputs: { ok: { type: 'boolean', name: '已公开' } },
        indicators: [{ id: 'p', name: '公开', weight: 4, rule: { kind: 'binary', when: { is: 'ok' } } }],
      }),
    );
    // 2,010 rows: the 2,006th (index 2005) has one cell too many; rows from index 8000 say 是 in GBK.
    const lines = ['id,ok'];
    for (let i = 0; i < 9000; i++) lines.push(i === 2005 ? `r${i},1,extra` : `r${i},${i >= 8000 ? '是' : '1'}`);
    const csv = join(dir, 'late-gbk.csv');
    writeFileSync(csv, gbk(lines.join('\n') + '\n'));
    const run = spawnCli(['batch', fw, csv]);
    const out = rows(run.out);
    expect(out[2005]?.slice(0, 2)).toEqual(['2005', 'r2005']);
    expect(out[2005]?.[6]).toBe('row-length-mismatch@records.2005');
    expect(out[8500]?.slice(2, 5)).toEqual(['4.00', '合格', 'true']);
    expect(run.err).toContain('完整 complete: 8999');

    // JSONL blocks of ASCII only (read as Latin-1) and blocks with Chinese ids (read as UTF-8), in one file: every id
    // comes back as written, with one worker or two.
    const mixed = join(dir, 'mixed-ids.jsonl');
    const ids = Array.from({ length: 6000 }, (_, i) => (i >= 3000 && i % 7 === 0 ? `项目${i}号` : `p${i}`));
    writeFileSync(mixed, ids.map((id) => JSON.stringify({ id, values: { ok: true } })).join('\n') + '\n');
    for (const jobs of ['1', '2', '3']) {
      const r = spawnCli(['batch', fw, mixed, '--jobs', jobs]);
      expect(r.code).toBe(0);
      expect(rows(r.out).map((l) => l[1])).toEqual(ids);
    }

    const blank = join(dir, 'blank.jsonl');
    writeFileSync(blank, '{"ok":true}\n   \n\t\n{"ok":false}\n');
    for (const extra of [[], ['--encoding', 'gbk']]) {
      const r = spawnCli(['batch', fw, blank, ...extra]);
      expect(r.code).toBe(0);
      expect(rows(r.out).map((l) => l.slice(0, 3))).toEqual([
        ['0', '', '4.00'],
        ['1', '', '0.00'],
      ]);
    }
  });

  /** Runs the CLI with its stdout a pipe read only after `delay` ms (or closed after its first bytes with `close`). */
  const piped = async (args: readonly string[], delay: number, close = false): Promise<{ code: number | null; out: string; err: string }> => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    let out = '';
    if (close) child.stdout.once('data', () => child.stdout.destroy());
    else {
      await new Promise((r) => setTimeout(r, delay));
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    }
    return { code: await exit, out, err };
  };

  it('writes every record to a pipe read slowly, and stops quietly when the pipe is closed (review findings)', async () => {
    const fw = writeRatioFramework('ratio-pipe.yaml');
    const many = join(dir, 'pipe.jsonl');
    // About 500 kB of output: far more than a pipe holds while its reader waits.
    writeFileSync(many, '{"done":1,"plan":2}\n'.repeat(20_000));
    const slow = await piped(['batch', fw, many], 1500);
    expect(slow.err).not.toContain('Cannot');
    expect(slow.code).toBe(0);
    expect(slow.out.trim().split('\n')).toHaveLength(20_001);
    // `| head -2`: the reader goes; not a read error, no stack trace.
    const closed = await piped(['batch', fw, many], 0, true);
    expect(closed.code).toBe(0);
    expect(closed.err).toBe('');
  }, 60_000);

  /** Scores a CSV file `name` of `text` under the ratio framework, with more arguments. */
  const batchCsv = (name: string, text: string, ...args: string[]): ReturnType<typeof spawnCli> => {
    const csv = join(dir, name);
    writeFileSync(csv, text);
    return spawnCli(['batch', writeRatioFramework(`${name}.yaml`), csv, ...args]);
  };

  it('reports a stray quote in an unquoted cell on its own line and reads the rows after it (review findings)', () => {
    const run = batchCsv('stray.csv', 'id,done,plan\na,1",2\nb,1,2\nc,1,2\nd,1",2\ne,1,2\n', '--format', 'jsonl');
    expect(run.code).toBe(1);
    const out = run.out.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; total: string | null; issues?: { code: string; message: string }[] });
    expect(out.map((r) => [r.id, r.total, r.issues?.map((i) => i.code)])).toEqual([
      [undefined, null, ['malformed-record']],
      ['b', '5.00', undefined],
      ['c', '5.00', undefined],
      [undefined, null, ['malformed-record']],
      ['e', '5.00', undefined],
    ]);
    expect(out[0]?.issues?.[0]?.message).toContain('第 2 行');
    expect(out[3]?.issues?.[0]?.message).toContain('第 5 行');
  });

  it('refuses a CSV whose header cannot be read (exit 2), rather than taking the first row for it (review findings)', () => {
    const run = batchCsv('bad-header.csv', 'id,"done,plan\na,1,2\nb,1,4\n');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^CSV 表头（第 1 行）无法读取 \/ Cannot read the CSV header \(line 1\): .*bad-header\.csv\n$/);
    expect(run.err).not.toMatch(STACK);
  });

  it('sums the totals and the points lost exactly and rounds them once, as the framework rounds (review findings)', () => {
    /** A framework of one indicator of `weight` points: the ratio of input s to `of`. */
    const scoreOf = (name: string, weight: number, of: number, options: object = {}): string => {
      const fw = join(dir, name);
      const indicator = { id: 'r', name: '得分', weight, rule: { kind: 'ratio', value: { div: [{ input: 's' }, of] } } };
      writeFileSync(fw, stringify({ id: 'sums', name: '合计', scope: 'project', total: weight, options, grades: [{ label: '合格', min: 0 }], inputs: { s: { type: 'number', name: '分' } }, indicators: [indicator] }));
      return fw;
    };
    // Totals 1.00 and 1.01: the mean 1.005 is 1.01 half-up (1.00 in floats).
    const mean = scoreOf('mean.yaml', 1.01, 1.01);
    const two = join(dir, 'mean.jsonl');
    writeFileSync(two, '{"s":1}\n{"s":1.01}\n');
    expect(spawnCli(['batch', mean, two]).err).toContain('平均分 mean total（完整记录 complete records）: 1.01\n');
    // Rounded at the total only, at 3 places: each record loses 2/3 of a point, three records 2.000 (2.001 when each
    // record's loss was rounded first).
    const thirds = scoreOf('thirds.yaml', 1, 3, { precision: 3, roundAt: 'total' });
    const three = join(dir, 'thirds.jsonl');
    writeFileSync(three, '{"s":1}\n'.repeat(3));
    const run = spawnCli(['batch', thirds, three]);
    expect(run.err).toContain('得分（r）: 2.000\n');
    expect(run.err).toContain('平均分 mean total（完整记录 complete records）: 0.333\n');
  });

  it('says why a record is incomplete: its missing inputs are in the issues column (review findings)', () => {
    const fw = writeRatioFramework('ratio-missing.yaml');
    const jsonl = join(dir, 'missing.jsonl');
    writeFileSync(jsonl, '{}\n{"done":1}\n');
    const run = spawnCli(['batch', fw, jsonl]);
    expect(run.code).toBe(1);
    expect(rows(run.out).map((l) => l.slice(4, 7))).toEqual([
      ['false', '0.00', 'missing-input@values.done; missing-input@values.plan'],
      ['false', '0.00', 'missing-input@values.plan'],
    ]);
    const csv = join(dir, 'short-row.csv');
    writeFileSync(csv, 'id,done,plan\na,1\n');
    const short = spawnCli(['batch', fw, csv, '--format', 'jsonl']);
    const line = JSON.parse(short.out) as { complete: boolean; issues?: { code: string; path: string[] }[] };
    expect(line.complete).toBe(false);
    expect(line.issues?.map((i) => [i.code, i.path.join('.')])).toEqual([['missing-input', 'values.plan']]);
  });

  it('reports bytes not in the encoding on their record, and detects a short GBK file that ends in Chinese (review findings)', () => {
    const fw = writeRatioFramework('ratio-bytes.yaml');
    // GBK ids in a JSONL file (read as UTF-8): that line is malformed, the next is scored.
    const jsonl = join(dir, 'gbk.jsonl');
    writeFileSync(jsonl, Buffer.concat([gbk('{"id":"第一","values":{"done":1,"plan":2}}\n'), Buffer.from('{"id":"ok","values":{"done":1,"plan":2}}\n')]));
    for (const jobs of ['1', '2']) {
      const run = spawnCli(['batch', fw, jsonl, '--format', 'jsonl', '--jobs', jobs]);
      expect(run.code).toBe(1);
      const out = run.out.trim().split('\n').map((l) => JSON.parse(l) as { id?: string; issues?: { code: string; message: string }[] });
      expect(out.map((r) => [r.id, r.issues?.[0]?.code])).toEqual([
        [undefined, 'malformed-record'],
        ['ok', undefined],
      ]);
      expect(out[0]?.issues?.[0]?.message).toContain('UTF-8');
    }
    // A UTF-8 CSV read as GBK: its Chinese row is malformed, never garbled.
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, 'id,done,plan\n第,1,2\nok,1,2\n');
    const forced = spawnCli(['batch', fw, utf8, '--encoding', 'gbk']);
    expect(forced.code).toBe(1);
    expect(rows(forced.out).map((l) => [l[1], l[6]])).toEqual([
      ['', 'malformed-record@records.0'],
      ['ok', ''],
    ]);
    // A GBK CSV that ends in Chinese, shorter than the 64 kB sample: GBK, not UTF-8 with its last bytes cut off.
    const short = join(dir, 'short-gbk.csv');
    writeFileSync(short, gbk('id,done,plan\n第一,1,2\n'));
    const detected = spawnCli(['batch', fw, short]);
    expect(detected.code).toBe(0);
    expect(rows(detected.out).map((l) => l[1])).toEqual(['第一']);
  });

  it('reports -o without a file as a usage error, and an output or records path it cannot use as a file error (review findings)', () => {
    const fw = writeRatioFramework('ratio-out-paths.yaml');
    const jsonl = join(dir, 'one.jsonl');
    writeFileSync(jsonl, '{"done":1,"plan":2}\n');
    for (const args of [['-o'], ['-o', '']]) {
      const run = spawnCli(['batch', fw, jsonl, ...args]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^-o 需要一个文件名 \/ -o needs a file name/);
    }
    const folder = join(dir, 'out-folder');
    mkdirSync(folder, { recursive: true });
    const outs = [folder, join(dir, 'no', 'such', 'x.csv')];
    for (const out of outs) {
      const run = spawnCli(['batch', fw, jsonl, '-o', out]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^无法写入输出 \/ Cannot write the output: .*\n$/);
      expect(run.err).not.toMatch(STACK);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    // Records that are a folder named like a CSV file, and a FIFO (whose encoding cannot be detected).
    const folderCsv = join(dir, 'folder.csv');
    mkdirSync(folderCsv, { recursive: true });
    const fifo = join(dir, 'fifo.csv');
    spawnSync('mkfifo', [fifo]);
    for (const [records, message] of [
      [folderCsv, /^是目录而不是文件 \/ Is a directory, not a file: .*folder\.csv\n$/],
      [fifo, /^不是普通文件（管道？）.*--encoding: .*fifo\.csv\n$/],
    ] as const) {
      const run = spawnCli(['batch', fw, records]);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(message);
    }
  });

  it('keeps the id column as written, even when it looks like JSON (review findings)', () => {
    const run = batchCsv('json-id.csv', 'id,done,plan\n"{""no"":1}",1,2\n', '--format', 'jsonl');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.out) as { id: string }).id).toBe('{"no":1}');
  });
});
