/*
 * jixiao 命令行入口。Entry point of the `jixiao` command (dist/cli.js): wires the process to `runCli`, and runs
 * the asynchronous commands (batch, review, import, report) here.
 */
import { batch, leanHeap, parseBatchArgs } from './batch.js';
import { runCli, reportFailure } from './cli.js';
import { importCommand, parseImportArgs, parseReportArgs, reportCommand } from './importReport.js';
import { parseReviewArgs, review } from './review.js';

// A closed pipe (`jixiao score … | head -1`) is not an error of ours: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
  env: process.env,
};
const tty = process.stderr.isTTY === true;

/** The asynchronous commands: each parses its own arguments, then runs. */
const ASYNC: { readonly [command: string]: (argv: readonly string[]) => Promise<number> } = {
  batch: (argv) => {
    leanHeap();
    return batch(parseBatchArgs(argv), { ...io, tty });
  },
  review: (argv) => review(parseReviewArgs(argv), { ...io, tty }),
  import: (argv) => importCommand(parseImportArgs(argv), io),
  report: (argv) => reportCommand(parseReportArgs(argv), io),
};

const argv = process.argv.slice(2);
const command = argv[0] ?? '';
const run = Object.hasOwn(ASYNC, command) && !argv.includes('--help') && !argv.includes('-h') ? ASYNC[command] : undefined;
if (run !== undefined) {
  // A usage error thrown while parsing is reported like any failure.
  Promise.resolve()
    .then(() => run(argv.slice(1)))
    .then((code) => (process.exitCode = code))
    .catch((e: unknown) => (process.exitCode = reportFailure(e, io)));
} else process.exitCode = runCli(argv, io);
