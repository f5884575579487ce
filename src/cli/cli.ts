import { JixiaoError } from '../index.js';
import { parseArgs, type Args } from './args.js';
import { presets, schema, score, validate, type Output } from './commands.js';
import { EXIT, FileError, IssuesFound, UsageError } from './failures.js';
import { formatIssues } from './issues.js';
import { COMMAND_HELP, USAGE, VERSION } from './usage.js';

/** 运行环境。What the CLI needs from its process: output streams and environment variables. */
export interface CliIo extends Output {
  readonly env: { readonly [name: string]: string | undefined };
}

/**
 * 运行 jixiao 命令。Runs the `jixiao` command line and reports every failure: issues (exit 1), usage and
 * file errors (exit 2), anything unexpected (exit 3, one line; the stack trace with JIXIAO_DEBUG=1) — an
 * exception, or an `internal-error` issue from the library.
 *
 * @param argv the arguments after the program name
 * @param io output streams and environment
 * @returns the exit code
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return dispatch(parseArgs(argv), io);
  } catch (e) {
    return report(e, io);
  }
}

function dispatch(args: Args, io: Output): number {
  if (args.version) return print(io, VERSION);
  if (args.command === undefined) {
    if (args.help) return print(io, USAGE);
    throw new UsageError('缺少命令 / A command is needed');
  }
  if (args.command === 'help') return help(args, io);
  if (args.command === 'presets' || args.command === 'schema') {
    if (args.help) return print(io, COMMAND_HELP[args.command] ?? USAGE);
    if (args.encoding !== undefined) throw new UsageError('--encoding 只用于读取文件的命令 / --encoding is for commands that read files');
    if (args.command === 'presets') {
      if (args.operands.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${args.operands.join(' ')}`);
      return presets({ format: args.format ?? 'text' }, io);
    }
    if (args.format !== undefined) throw new UsageError('--format 只用于 score 和 presets / --format is for score and presets only');
    const [kind, ...rest] = args.operands;
    if (kind === undefined) throw new UsageError('缺少格式名 / A kind is needed: framework, evaluation, self-evaluation, template');
    if (rest.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${rest.join(' ')}`);
    return schema(kind, io);
  }
  if (args.command === 'batch' || args.command === 'review' || args.command === 'import' || args.command === 'report') {
    // These commands are asynchronous and run from src/cli/main.ts; only their help comes here.
    if (args.help) return print(io, COMMAND_HELP[args.command] ?? USAGE);
    throw new UsageError(`${args.command} 只能从 jixiao 命令运行 / ${args.command} runs from the jixiao command only`);
  }
  const run = args.command === 'score' ? score : args.command === 'validate' ? validate : undefined;
  if (run === undefined) throw new UsageError(`未知命令 / Unknown command: ${args.command}`);
  if (args.help) return print(io, COMMAND_HELP[args.command] ?? USAGE);
  if (args.format !== undefined && args.command !== 'score') throw new UsageError('--format 只用于 score 和 presets / --format is for score and presets only');
  const [path, ...extra] = args.operands;
  if (path === undefined) throw new UsageError('缺少文件路径 / A file path is needed');
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  return run(path, { format: args.format ?? 'text', ...(args.encoding === undefined ? {} : { encoding: args.encoding }) }, io);
}

function help(args: Args, io: Output): number {
  const [topic, ...extra] = args.operands;
  if (extra.length > 0) throw new UsageError(`多余的参数 / Extra arguments: ${extra.join(' ')}`);
  if (topic === undefined) return print(io, USAGE);
  const text = COMMAND_HELP[topic];
  if (text === undefined || !Object.hasOwn(COMMAND_HELP, topic)) throw new UsageError(`未知命令 / Unknown command: ${topic}`);
  return print(io, text);
}

function print(io: Output, text: string): number {
  io.out(text);
  return EXIT.ok;
}

/**
 * 报告失败并给出退出码。Reports a failure the way `runCli` does and gives its exit code.
 *
 * @param e what was thrown
 * @param io output streams and environment
 * @returns the exit code
 */
export function reportFailure(e: unknown, io: CliIo): number {
  return report(e, io);
}

function report(e: unknown, io: CliIo): number {
  if (e instanceof IssuesFound) {
    io.err(formatIssues(e.groups).join('\n'));
    // The library reports its own defects as `internal-error` issues rather than throwing: still a bug.
    const defect = e.groups.some((g) => g.issues.some((i) => i.code === 'internal-error'));
    return defect ? EXIT.unexpected : EXIT.issues;
  }
  if (e instanceof JixiaoError) {
    // Not expected (the commands use the safe API), but a JixiaoError is still issues, not a crash.
    io.err(formatIssues([{ file: '(jixiao)', issues: e.issues }]).join('\n'));
    return EXIT.issues;
  }
  if (e instanceof FileError) {
    io.err(e.message);
    return EXIT.usage;
  }
  if (e instanceof UsageError) {
    io.err(`${e.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  return unexpected(e, io);
}

/** One line (plus the stack trace with JIXIAO_DEBUG=1); never throws, whatever was thrown. */
function unexpected(e: unknown, io: CliIo): number {
  let text: string;
  try {
    text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    text = typeof e;
  }
  const line = text.replace(/\s*\n\s*/g, ' ');
  const debug = io.env.JIXIAO_DEBUG === '1';
  const hint = debug ? '' : '（设置 JIXIAO_DEBUG=1 显示堆栈 / set JIXIAO_DEBUG=1 for the stack trace）';
  io.err(`意外错误（程序缺陷，请报告）/ Unexpected error (a bug, please report it): ${line}${hint}`);
  if (debug) io.err(e instanceof Error && e.stack !== undefined ? e.stack : text);
  return EXIT.unexpected;
}
