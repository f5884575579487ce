import { version } from '../../package.json';
import { MAX_FILE_BYTES } from './readText.js';

/** 包的版本（构建时写入）。The package version, inlined from package.json at build time (and read by tsx). */
export const VERSION: string = version;

const LIMIT_MB = MAX_FILE_BYTES / 1024 / 1024;

const EXIT_CODES = `退出码 Exit codes:
  0  成功 success
  1  输入有误，问题已列出；score 的打分表不完整时也是 1
     invalid input, issues printed; also when score prints an incomplete sheet
  2  用法错误，或文件无法读取、解码、解析
     usage error, or a file cannot be read, decoded or parsed
  3  意外错误（程序缺陷；设置 JIXIAO_DEBUG=1 显示堆栈）
     unexpected error (a bug; set JIXIAO_DEBUG=1 for the stack trace)`;

const ENCODING_OPTION = `  --encoding utf8|gbk|utf16le
        强制按此编码读取文件；缺省时自动识别（BOM → UTF-8/UTF-16，有效 UTF-8 → UTF-8，否则 GBK）
        force the encoding of the files read; by default it is detected
        (BOM → UTF-8/UTF-16, valid UTF-8 → UTF-8, otherwise GBK)`;

const COMMON = `选项可以写在文件路径前后。Options may come before or after the file path.
文件为 JSON 或 YAML，不超过 ${LIMIT_MB} MB。Files are JSON or YAML, at most ${LIMIT_MB} MB.`;

/** 每个命令的帮助。Help text of each command. */
export const COMMAND_HELP: { readonly [command: string]: string } = {
  score: `用法 Usage: jixiao score <评价文件或自评表 evaluation.yaml|self-evaluation.yaml> [--format text|json] [--encoding …]

评价文件：读取它及其引用的指标体系（文件或 preset:<id>），计分，把打分表输出到标准输出。自评表（有 template
字段）：按所写模板读取各行文字并计分，输出自评表的计分结果；读不出的行单独报告，其余各行照常计分。
An evaluation file is scored with the framework it names (a file or preset:<id>) and its sheet printed. A
self-evaluation (with a template field) is read row by row and scored by its template; a row that cannot be
read is reported on its own and the rest still scores.

  --format text|json
        text（缺省）：文本打分表；json：完整的打分表 JSON
        text (default): the score table; json: the full score sheet as JSON
${ENCODING_OPTION}

${COMMON}

${EXIT_CODES}`,
  validate: `用法 Usage: jixiao validate <指标体系或评价文件 framework-or-evaluation.yaml|json> [--encoding …]

指标体系文件：校验它。评价文件：校验它引用的指标体系，再按指标体系检查文件中的输入
（缺少的输入、未声明的输入、无法识别的值都报告为问题）。
A framework file is validated. For an evaluation file, the framework it names is validated and the
inputs are checked against it (missing inputs, unknown inputs and unreadable values are all issues).

${ENCODING_OPTION}

${COMMON}

${EXIT_CODES}`,
  presets: `用法 Usage: jixiao presets [--json]

列出预置的指标体系与自评模板：id、类型、地区、年度、核实程度与出处。评价文件用 framework: preset:<id>
引用预置指标体系，自评表用 template: <id> 引用预置模板。
Lists the preset frameworks and self-evaluation templates: id, kind, region, year, status and source. An
evaluation file uses a preset framework with framework: preset:<id>; a self-evaluation names its template
with template: <id>.

  --json    输出 JSON / print JSON (also --format json)`,
  schema: `用法 Usage: jixiao schema <framework|evaluation|self-evaluation|template>

输出该文件格式的 JSON Schema（字段说明取自 API 文档），可供编辑器补全与校验，如在 YAML 文件首行写
# yaml-language-server: $schema=<schema 文件>。
Prints the JSON Schema of a file format (field descriptions from the API docs), for editors to complete and
check files, e.g. with a first line # yaml-language-server: $schema=<schema file>.`,
  batch: `用法 Usage: jixiao batch <指标体系 framework.yaml|preset:id> <记录 records.jsonl|records.csv> [-o out.csv|out.jsonl]
        [--format csv|jsonl] [--columns level1|leaves|all|none|id,id…] [--encoding utf8|gbk] [--jobs N] [--no-progress]

逐条计分（流式，内存恒定），每条记录输出一行：序号、id、总分、等级、是否完整、暂计总分、问题、各指标得分（--columns，缺省一级指标）；
最后给出汇总（条数、等级分布、平均分、失分最多的指标）。JSONL 每行是一条记录的 values 对象（或 { id, values }）；CSV 第一行是输入名
（id 列为记录 id），GBK 编码自动识别。给出 -o 时先写临时文件，完成后改名，中断不会留下半个文件；汇总输出到标准输出，否则数据到标准输出、
汇总到标准错误。--jobs N 用 N 个线程（主线程和 N − 1 个工作线程）。终端上在标准错误显示进度条。
Scores records one by one in constant memory, one output line per record (index, id, total, grade, complete,
provisional total, issues, per-indicator scores by --columns, default level 1), then a summary (count, grades,
mean, the indicators losing most points). A JSONL line is a record's values object (or { id, values }); a CSV has
input names in its first row (an id column gives record ids); GBK is detected. With -o the output goes to a
temporary file renamed when done, so an interrupted run leaves no half file; the summary goes to stdout, else the
data goes to stdout and the summary to stderr. --jobs N uses N threads (the main one and N − 1 workers). A progress bar shows on a terminal.
Exit code 0 when every record is complete, 1 otherwise.`,
  review: `用法 Usage: jixiao review <自评表或文件夹 form|folder> [--summary out.csv] [--out dir] [--format text|json] [--encoding utf8|gbk] [--no-progress]

复核（复核）已填报的自评表：按模板重新计分，核对表上所填的各行得分、一级指标小计与分值、总分和等级，每处不符
都是一条发现（错误、警告或提示），并说明是否改变等级。给出文件夹时递归复核其中所有 xlsx、csv、yaml、json 文件；
读不出的文件列出原因，其余照常复核。标准输出为汇总表（文件、单位、所填总分、复核总分、等级变化、错误数、警告数）；
--summary 另存为 CSV（UTF-8 带 BOM），--out 为每份表写出复核意见（Markdown 与 HTML）。终端上显示进度条。
Reviews filled self-evaluations: rescored under their template, the scores, level subtotals and weights, total
and grade printed on each form are checked, and every difference is a finding (error, warning or notice) that
says whether it changes the grade. A folder is searched recursively for xlsx, csv, yaml and json files; a file
that cannot be read is listed with its reason and the rest go on. Stdout gets a summary table (file, unit,
claimed, recomputed, grade change, errors, warnings); --summary also writes it as CSV (UTF-8 with BOM), --out
writes a memo per form (Markdown and HTML). A progress bar shows on a terminal.
Exit code 0 when no form has an error-level finding and every file was reviewed, 1 otherwise, 2 for a usage or
file error, 3 for an unexpected error.`,
  import: `用法 Usage: jixiao import <表格 form.xlsx|form.csv> [-o self-evaluation.yaml] [--template id] [--sheet name|index] [--encoding utf8|gbk]

读取 Excel（xlsx）或 CSV（UTF-8、带 BOM 的 UTF-8、GBK）格式的自评表，按中文表头找到各栏（一级指标、年度指标值 / 指标值、
实际完成值 / 完成值、分值 / 权重、得分……），写成 jixiao score 与 jixiao review 可读的 YAML（缺省输出到标准输出）。
未能对应的单元格连同地址（如 C14）列在标准错误，退出码 1。--template 写入模板 id（缺省 national-project-2020）。
Reads a filled form from xlsx or CSV (UTF-8, UTF-8 with BOM, GBK), finds its columns by their Chinese headings,
and writes the YAML self-evaluation that jixiao score and jixiao review read (to stdout by default). Cells that
cannot be mapped are listed on stderr with their address (such as C14), exit code 1. --template sets the
template id (default national-project-2020).`,
  report: `用法 Usage: jixiao report <自评表或评价文件 file> --format md|html|csv|xlsx [-o out] [--review] [--encoding …]

把打分表写成 Markdown、HTML（一页自包含、可打印）、CSV（UTF-8 带 BOM）或 XLSX（原表版式，合并的一级 / 二级单元格，
加一栏“自评得分”，写入数值而非公式；仅自评表）；加 --review 时写出复核意见（md、html，或 csv：每条发现一行）。文件可以是 YAML、JSON、xlsx 或 csv；
xlsx 必须用 -o 指定输出文件；其他格式缺省输出到标准输出。打分表不完整或复核有错误级发现时退出码 1。
Writes the scored sheet as Markdown, HTML (one self-contained printable page), CSV (UTF-8 with BOM) or XLSX (the
form's own layout with merged level cells and a 自评得分 column of values, not formulas; self-evaluations only); with
--review, the review (md, html, or csv with one line per finding). The input may be YAML, JSON, xlsx or csv; xlsx needs -o; other formats go to
stdout by default. Exit code 1 when the sheet is incomplete or the review has error-level findings.`,
  help: `用法 Usage: jixiao help [命令 command]

输出用法说明，或某个命令的说明。Prints the usage, or the help of one command.`,
};

/** 总的用法说明。The usage text. */
export const USAGE = `jixiao ${VERSION} — 预算绩效评价打分 / budget performance evaluation scoring

用法 Usage:
  jixiao score <评价文件或自评表 evaluation|self-evaluation.yaml|json> [--format text|json] [--encoding utf8|gbk|utf16le]
  jixiao batch <framework|preset:id> <records.jsonl|csv> [-o out.csv] [--jobs N]   批量计分 score many records
  jixiao review <自评表或文件夹 form|folder> [--summary out.csv] [--out dir]   复核 review filled forms
  jixiao import <form.xlsx|form.csv> [-o self-evaluation.yaml]   导入表格 import a spreadsheet form
  jixiao report <file> --format md|html|csv|xlsx [-o out] [--review]   报告 write a report
  jixiao presets [--json]           预置的指标体系与自评模板 the preset frameworks and templates
  jixiao schema <framework|evaluation|self-evaluation|template>   JSON Schema
  jixiao validate <指标体系或评价文件 framework-or-evaluation.yaml|json> [--encoding utf8|gbk|utf16le]
  jixiao help [score|batch|review|import|report|validate|presets|schema]      用法说明 usage (also: --help, -h; jixiao <command> --help)
  jixiao --version                  版本 version (also: -v)

${COMMON}

${EXIT_CODES}`;
