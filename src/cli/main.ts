import { evaluate, formatScoreTable, JixiaoError, validateFramework, type Issue } from '../index.js';
import { isEvaluation, readData, toEvaluationFile } from './loadFile.js';

const USAGE = `用法 Usage:
  jixiao score <评价文件 evaluation.yaml|json> [--format text|json]
  jixiao validate <指标体系或评价文件 framework-or-evaluation.yaml|json>

退出码 Exit codes: 0 成功 success; 1 输入有误 invalid input (issues printed); 2 用法错误 usage error`;

class UsageError extends Error {}

function printIssues(issues: readonly Issue[], where: string): void {
  console.error(`${where}：发现 ${issues.length} 个问题 / ${issues.length} issue(s)`);
  for (const i of issues) {
    console.error(`- [${i.code}] ${i.path.length > 0 ? i.path.join('.') : '(根 root)'}：${i.message} / ${i.messageEn}`);
  }
}

function load(path: string): unknown {
  try {
    return readData(path);
  } catch (e) {
    throw new UsageError(`无法读取文件 Cannot read ${path}: ${(e as Error).message}`);
  }
}

function frameworkFor(path: string) {
  const doc = load(path);
  if (!isEvaluation(doc)) throw new UsageError(`不是评价文件（缺少 framework 字段）/ Not an evaluation file (no "framework" field): ${path}`);
  const file = toEvaluationFile(doc, path);
  const checked = validateFramework(load(file.frameworkPath));
  if (!checked.ok) throw Object.assign(new JixiaoError(checked.issues), { where: file.frameworkPath });
  return { file, framework: checked.value };
}

function run(argv: readonly string[]): number {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  // Options may stand anywhere: `score --format json file` and `score file --format json` alike.
  const positional: string[] = [];
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--format') {
      const value = argv[++i];
      if (value !== 'json' && value !== 'text') throw new UsageError(`--format 只能是 text 或 json / --format takes text or json`);
      format = value;
    } else if (arg === '--format=json' || arg === '--format=text') format = arg.slice(9);
    else if (arg.startsWith('-')) throw new UsageError(`未知参数 Unknown argument: ${arg}`);
    else positional.push(arg);
  }
  const [command, path, ...extra] = positional;
  if (command === undefined) throw new UsageError('缺少命令 / A command is needed');
  if (extra.length > 0) throw new UsageError(`多余的参数 Extra arguments: ${extra.join(' ')}`);
  if (path === undefined) throw new UsageError('缺少文件路径 / A file path is needed');
  if (command === 'score') {
    const { file, framework } = frameworkFor(path);
    const sheet = evaluate(framework, file.inputs);
    if (format === 'json') console.log(JSON.stringify(sheet, null, 2));
    else {
      const who = [file.unit, file.year].filter((x) => x !== undefined).join(' ');
      if (who !== '') console.log(who);
      console.log(formatScoreTable(sheet));
    }
    return 0;
  }
  if (command === 'validate') {
    const doc = load(path);
    if (isEvaluation(doc)) {
      const { file, framework } = frameworkFor(path);
      evaluate(framework, file.inputs);
    } else {
      const checked = validateFramework(doc);
      if (!checked.ok) throw Object.assign(new JixiaoError(checked.issues), { where: path });
    }
    console.log(`${path}：没有发现问题 / no issues found`);
    return 0;
  }
  throw new UsageError(`未知命令 Unknown command: ${command}`);
}

function main(): void {
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (e) {
    if (e instanceof JixiaoError) {
      printIssues(e.issues, (e as JixiaoError & { where?: string }).where ?? process.argv[3] ?? '');
      process.exitCode = 1;
    } else if (e instanceof UsageError) {
      console.error(e.message);
      console.error(USAGE);
      process.exitCode = 2;
    } else throw e;
  }
}

main();
