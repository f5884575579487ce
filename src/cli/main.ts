/*
 * jixiao 命令行入口。Entry point of the `jixiao` command (dist/cli.js): wires the process to `runCli`.
 */
import { batch, parseBatchArgs } from './batch.js';
import { runCli, reportFailure } from './cli.js';
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
const argv = process.argv.slice(2);
if (argv[0] === 'batch' && !argv.includes('--help') && !argv.includes('-h')) {
  // The one streaming command: asynchronous, so it is run here rather than through runCli.
  batch(parseBatchArgsSafe(argv.slice(1)), { ...io, tty: process.stderr.isTTY === true })
    .then((code) => (process.exitCode = code))
    .catch((e: unknown) => (process.exitCode = reportFailure(e, io)));
} else if (argv[0] === 'review' && !argv.includes('--help') && !argv.includes('-h')) {
  // Asynchronous too: spreadsheets are read through jixiao/xlsx.
  let args: ReturnType<typeof parseReviewArgs> | undefined;
  try {
    args = parseReviewArgs(argv.slice(1));
  } catch (e) {
    process.exitCode = reportFailure(e, io);
  }
  if (args !== undefined) {
    review(args, { ...io, tty: process.stderr.isTTY === true })
      .then((code) => (process.exitCode = code))
      .catch((e: unknown) => (process.exitCode = reportFailure(e, io)));
  }
} else process.exitCode = runCli(argv, io);

function parseBatchArgsSafe(args: readonly string[]): ReturnType<typeof parseBatchArgs> {
  try {
    return parseBatchArgs(args);
  } catch (e) {
    process.exitCode = reportFailure(e, io);
    process.exit();
  }
}
