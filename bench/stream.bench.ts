/**
 * 基准：100 万条记录流经 `jixiao batch`。Benchmark: 1,000,000 records of the 30-indicator framework
 * (bench/fixtures/mixed30.ts) streamed through the built CLI, `node dist/cli.js batch`, with `--jobs 1` and
 * `--jobs 2`: wall time, records per second and peak RSS (VmHWM of the process, worker threads included, read
 * from /proc while it runs). Prints figures; asserts nothing but a complete run. Linux only (for /proc).
 *
 * With FORMAT=csv (or FORMAT=jsonl,csv) the same records are streamed from a CSV file too: a header of input names
 * and an id column, tier choices and checks written as JSON in their cells.
 *
 * Run: npm run bench:stream [-- --records 1000000]     (JOBS=1 or JOBS=2 to run one of the two; FORMAT as above)
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { definition, makeRecords } from './fixtures/mixed30.js';

const at = process.argv.indexOf('--records');
const total = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
const dir = tmpdir();
const frameworkFile = join(dir, 'jixiao-bench-mixed30.yaml');
const formats = (process.env.FORMAT ?? 'jsonl').split(',') as ('jsonl' | 'csv')[];
const recordsFile = join(dir, `jixiao-bench-${total}.jsonl`);
const csvFile = join(dir, `jixiao-bench-${total}.csv`);
const outFile = join(dir, 'jixiao-bench-out.csv');
writeFileSync(frameworkFile, stringify(definition));

if (!existsSync(recordsFile)) {
  console.log(`writing ${total.toLocaleString('en-US')} records to ${recordsFile} …`);
  const out = createWriteStream(`${recordsFile}.part`);
  for (let done = 0; done < total; done += 10_000) {
    const batch = makeRecords(Math.min(10_000, total - done), 1 + done);
    const ok = out.write(batch.map((r, i) => JSON.stringify({ id: `r${done + i}`, values: r.values })).join('\n') + '\n');
    if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const { renameSync } = await import('node:fs');
  renameSync(`${recordsFile}.part`, recordsFile);
}
if (formats.includes('csv') && !existsSync(csvFile)) {
  console.log(`writing ${total.toLocaleString('en-US')} records to ${csvFile} …`);
  const names = Object.keys((makeRecords(1, 1)[0] as { values: object }).values);
  const field = (v: unknown): string => {
    const text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const out = createWriteStream(`${csvFile}.part`);
  out.write(`${['id', ...names].join(',')}\n`);
  for (let done = 0; done < total; done += 10_000) {
    const batch = makeRecords(Math.min(10_000, total - done), 1 + done);
    const ok = out.write(batch.map((r, i) => [`r${done + i}`, ...names.map((n) => field(r.values[n]))].join(',')).join('\n') + '\n');
    if (!ok) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
  const { renameSync } = await import('node:fs');
  renameSync(`${csvFile}.part`, csvFile);
}

for (const format of formats) {
const input = format === 'csv' ? csvFile : recordsFile;
console.log(`input: ${format.toUpperCase()}, ${(statSync(input).size / 1e6).toFixed(0)} MB, ${total.toLocaleString('en-US')} records`);

for (const jobs of (process.env.JOBS ?? '1,2').split(',').map(Number)) {
  rmSync(outFile, { force: true });
  const start = performance.now();
  const child = spawn(process.execPath, ['dist/cli.js', 'batch', frameworkFile, input, '-o', outFile, '--jobs', String(jobs), '--columns', 'none'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m !== null) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // the process has ended
    }
  }, 50);
  let summary = '';
  child.stdout.on('data', (d: Buffer) => (summary += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(poll);
  const seconds = (performance.now() - start) / 1000;
  console.log(`--jobs ${jobs}: ${seconds.toFixed(1)} s, ${Math.round(total / seconds).toLocaleString('en-US')} records/s, peak RSS ${(peak / 1e6).toFixed(0)} MB, exit ${code}`);
  console.log(`  ${summary.split('\n')[0] ?? ''}`);
}
}
rmSync(outFile, { force: true });
