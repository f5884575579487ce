/*
 * jixiao 命令行入口。Entry point of the `jixiao` command (dist/cli.js): wires the process to `runCli`.
 */
import { runCli } from './cli.js';

// A closed pipe (`jixiao score … | head -1`) is not an error of ours: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
