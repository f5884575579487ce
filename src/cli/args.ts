import { UsageError } from './failures.js';
import { ENCODINGS, type Encoding } from './readText.js';

/** 输出格式。Output format of `score`. */
export type Format = 'text' | 'json';

/** 解析后的命令行。The command line, parsed. */
export interface Args {
  /** 第一个位置参数。The first positional argument (the command), if any. */
  readonly command?: string;
  /** 其余位置参数。The other positional arguments (file paths…). */
  readonly operands: readonly string[];
  readonly format?: Format;
  readonly encoding?: Encoding;
  readonly help: boolean;
  readonly version: boolean;
}

type Mutable = { -readonly [K in keyof Args]: Args[K] };

/**
 * 解析命令行参数。Parses the arguments. Options may stand anywhere (before or after the path); `--` ends
 * the options. `--format` and `--encoding` take their value as the next argument or after `=`; `--json` is
 * `--format json`.
 *
 * @param argv the arguments after the program name
 * @returns the parsed arguments
 * @throws UsageError on an unknown option or a bad option value
 */
export function parseArgs(argv: readonly string[]): Args {
  const args: Mutable = { operands: [], help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') positional.push(arg);
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--version' || arg === '-v') args.version = true;
    else if (arg === '--json') args.format = 'json';
    else {
      const [name, inline] = splitOption(arg);
      const value = inline ?? argv[++i];
      if (name === '--format') args.format = formatOf(value);
      else if (name === '--encoding') args.encoding = encodingOf(value);
      else throw new UsageError(`未知选项 / Unknown option: ${arg}`);
    }
  }
  const [command, ...operands] = positional;
  return { ...args, ...(command === undefined ? {} : { command }), operands };
}

function splitOption(arg: string): [name: string, value?: string] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function formatOf(value: string | undefined): Format {
  if (value === 'text' || value === 'json') return value;
  throw new UsageError(`--format 只能是 text 或 json / --format takes text or json${value === undefined ? '' : `, not "${value}"`}`);
}

function encodingOf(value: string | undefined): Encoding {
  const name = value?.toLowerCase().replace(/-/g, '');
  const found = ENCODINGS.find((e) => e === name);
  if (found !== undefined) return found;
  throw new UsageError(`--encoding 只能是 ${ENCODINGS.join('、')} / --encoding takes ${ENCODINGS.join(', ')}${value === undefined ? '' : `, not "${value}"`}`);
}

/**
 * 解析命令自己的选项。Parses a command's own options: `--name value`, `--name=value`, `-o value` (as `--out`), the
 * flags listed in `flags`; `--` ends the options.
 *
 * @param argv the arguments after the command
 * @param valued the options that take a value
 * @param flags the options without a value
 * @returns the positional arguments and the options by name (flags as "true")
 * @throws UsageError on an unknown option or a missing value
 */
export function parseCommandOptions(argv: readonly string[], valued: readonly string[], flags: readonly string[]): { positional: string[]; opts: { [k: string]: string } } {
  const positional: string[] = [];
  const opts: { [k: string]: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-o') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError('-o 需要一个值 / -o needs a value');
      opts['--out'] = v;
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (flags.includes(name)) {
      opts[name] = 'true';
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`未知选项 / Unknown option: ${arg}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`${name} 需要一个值 / ${name} needs a value`);
    opts[name] = value;
  }
  return { positional, opts };
}
