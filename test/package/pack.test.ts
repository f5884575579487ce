import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENCE_FILE } from '../../scripts/third-party-notices.js';

/*
 * The published package, as a user gets it: build, `npm pack`, then install the tarball into scratch
 * projects under os.tmpdir() — ESM, CommonJS, TypeScript (nodenext and bundler resolution) — and run them.
 * Dependencies (decimal.js-light, zod) come from the npm cache / registry; the CLI bundles its YAML parser.
 * Set JIXIAO_KEEP_SCRATCH=1 to keep the scratch directories for inspection.
 */

const TIMEOUT = 240_000;
const repo = fileURLToPath(new URL('../..', import.meta.url));
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * Children get this environment without the variables by which `npm test` describes *this* repository
 * (npm_package_*, npm_lifecycle_*, npm_config_prefix / local_prefix…): they must not steer the scratch
 * projects' `npm install`. Registry, cache, proxy and certificate settings (npm_config_*) are kept.
 */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_(package_|lifecycle_|command$|config_(local_|global_)?prefix$)/i.test(k)),
);

function run(command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: TIMEOUT });
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string; status?: number };
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed with status ${String(err.status)}:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`,
    );
  }
}

/** The tiny framework each scratch project evaluates (as JS source text, shared by the projects). */
const FRAMEWORK_SOURCE = `{
  id: 'tiny',
  name: '小型测试指标体系',
  scope: 'project',
  total: 100,
  inputs: {
    actual: { type: 'number', name: '执行数', unit: '万元' },
    budget: { type: 'number', name: '预算数', unit: '万元' },
    met: { type: 'number', name: '达成个数' },
    set: { type: 'number', name: '设定个数' },
    published: { type: 'boolean', name: '信息已公开' },
  },
  indicators: [
    { id: 'execution', name: '预算执行率', weight: 40, rule: { kind: 'ratio', value: { div: [{ input: 'actual' }, { input: 'budget' }] } } },
    { id: 'outputs', name: '产出指标完成率', weight: 30, rule: { kind: 'count-ratio', met: { input: 'met' }, total: { input: 'set' } } },
    { id: 'publicity', name: '信息公开', weight: 30, rule: { kind: 'binary', when: { is: 'published' } } },
  ],
  grades: NATIONAL_GRADES,
}`;
const INPUTS_SOURCE = `{ values: { actual: '11,429.51', budget: 12000, met: 2, set: 3, published: '是' } }`;
/** 40 × 11429.51 ÷ 12000 = 38.0983… → 38.10; 30 × 2/3 = 20.00; 30 → 88.10 (良). */
const EXPECTED = { total: '88.10', grade: '良', scores: ['38.10', '20.00', '30.00'] };

/** esbuild, tsup's own dependency, resolved from tsup so that this does not rely on hoisting (the tests below bundle with it). */
const esbuild = createRequire(join(repo, 'node_modules', 'tsup', 'package.json'))('esbuild') as {
  buildSync(options: object): { errors: unknown[]; metafile: { inputs: { [file: string]: unknown } }; outputFiles: { text: string }[] };
};

let scratch = '';
let tarball = '';
let packedFiles: string[] = [];
const esmDir = (): string => join(scratch, 'esm');
const cjsDir = (): string => join(scratch, 'cjs');
const tsDir = (): string => join(scratch, 'ts');

function project(dir: string, packageJson: object, files: { readonly [path: string]: string }): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `scratch-${dir.split(/[\\/]/).pop() ?? 'x'}`, version: '0.0.0', private: true, ...packageJson }, null, 2)}\n`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir);
}

const parseLastLine = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;

describe('published package (npm pack)', () => {
  beforeAll(() => {
    run('npm', ['run', 'build'], repo);
    scratch = mkdtempSync(join(tmpdir(), 'jixiao-pack-'));
    const packJson = run('npm', ['pack', '--json', '--pack-destination', scratch], repo);
    const packed = (JSON.parse(packJson) as { filename: string; files: { path: string }[] }[])[0];
    if (packed === undefined) throw new Error(`npm pack gave no result: ${packJson}`);
    packedFiles = packed.files.map((f) => f.path);
    const tgz = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    if (tgz === undefined) throw new Error(`no tarball in ${scratch}`);
    tarball = join(scratch, tgz);

    project(esmDir(), { type: 'module' }, {
      'index.js': `import { defineFramework, evaluate, NATIONAL_GRADES } from 'jixiao';
const framework = defineFramework(${FRAMEWORK_SOURCE});
const sheet = evaluate(framework, ${INPUTS_SOURCE});
console.log(JSON.stringify({
  resolved: import.meta.resolve('jixiao'),
  total: sheet.total,
  grade: sheet.grade && sheet.grade.label,
  scores: sheet.indicators.map((n) => n.score),
}));
`,
      'copies.js': `import { createRequire } from 'node:module';
import * as esm from 'jixiao';
const cjs = createRequire(import.meta.url)('jixiao');
const { NATIONAL_GRADES } = esm;
const definition = ${FRAMEWORK_SOURCE};
const inputs = ${INPUTS_SOURCE};
const made = esm.defineFramework(definition);
const reference = JSON.stringify(esm.evaluate(made, inputs));
const variants = {
  structuredClone: structuredClone(made),
  json: JSON.parse(JSON.stringify(made)),
  cjsMade: cjs.defineFramework(definition),
};
const same = Object.fromEntries(Object.entries(variants).map(([k, f]) => [k, JSON.stringify(esm.evaluate(f, inputs)) === reference]));
// And the other way round: the CommonJS build evaluates the ESM-made framework.
same.esmMadeByCjs = JSON.stringify(cjs.evaluate(made, inputs)) === reference;
let crossError = false;
try { cjs.defineFramework({ id: 'bad' }); } catch (e) { crossError = esm.isJixiaoError(e) && !(e instanceof esm.JixiaoError); }
console.log(JSON.stringify({ same, crossError, cjsIsOtherCopy: cjs.evaluate !== esm.evaluate }));
`,
      'browser-entry.js': `import { defineFramework, evaluate, NATIONAL_GRADES } from 'jixiao';
const sheet = evaluate(defineFramework(${FRAMEWORK_SOURCE}), ${INPUTS_SOURCE});
console.log(JSON.stringify({ total: sheet.total }));
`,
    });

    project(cjsDir(), {}, {
      'index.js': `const jixiao = require('jixiao');
const { defineFramework, evaluate, NATIONAL_GRADES, JixiaoError } = jixiao;
const framework = defineFramework(${FRAMEWORK_SOURCE});
const sheet = evaluate(framework, ${INPUTS_SOURCE});
let rejected = false;
try {
  defineFramework({ id: 'bad' });
} catch (e) {
  rejected = e instanceof JixiaoError && e.issues.length > 0;
}
console.log(JSON.stringify({
  resolved: require.resolve('jixiao'),
  version: require('jixiao/package.json').version,
  total: sheet.total,
  grade: sheet.grade && sheet.grade.label,
  scores: sheet.indicators.map((n) => n.score),
  rejected,
}));
`,
    });

    const strict = {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: false, // check the published .d.ts / .d.cts themselves
      lib: ['ES2022'], // neither DOM nor @types/node: the core's types must need neither
      types: [],
    };
    project(tsDir(), { type: 'module' }, {
      'tsconfig.json': JSON.stringify(
        { compilerOptions: { ...strict, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out', rootDir: 'src' }, include: ['src'] },
        null,
        2,
      ),
      'tsconfig.bundler.json': JSON.stringify(
        { compilerOptions: { ...strict, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, include: ['src/index.ts'] },
        null,
        2,
      ),
      'src/index.ts': `import { defineFramework, evaluate, NATIONAL_GRADES, type FrameworkDefinition, type Rule, type ScoreSheet } from 'jixiao';

// No DOM or @types/node in this project (on purpose): declare the one global used.
declare const console: { log(...data: unknown[]): void };

const definition: FrameworkDefinition = ${FRAMEWORK_SOURCE};
const framework = defineFramework(definition);
const s: ScoreSheet = evaluate(framework, ${INPUTS_SOURCE});
const total: string | null = s.total;
const grade: string | undefined = s.grade?.label;

// @ts-expect-error 'percentage' is not a rule kind: proves the published types are really checked
const wrongKind: Rule = { kind: 'percentage', value: 1 };
void wrongKind;

console.log(JSON.stringify({ total, grade, scores: s.indicators.map((n) => n.score) }));
`,
      'src/legacy.cts': `import jixiao = require('jixiao');

// No DOM or @types/node in this project (on purpose): declare the one global used.
declare const console: { log(...data: unknown[]): void };

const definition: jixiao.FrameworkDefinition = ${FRAMEWORK_SOURCE.replace('NATIONAL_GRADES', 'jixiao.NATIONAL_GRADES')};
const s: jixiao.ScoreSheet = jixiao.evaluate(jixiao.defineFramework(definition), ${INPUTS_SOURCE});

// @ts-expect-error 'percentage' is not a rule kind (checked against index.d.cts)
const wrongKind: jixiao.Rule = { kind: 'percentage', value: 1 };
void wrongKind;

console.log(JSON.stringify({ total: s.total, grade: s.grade?.label, scores: s.indicators.map((n) => n.score) }));
`,
    });
  }, TIMEOUT);

  afterAll(() => {
    if (scratch !== '' && process.env.JIXIAO_KEEP_SCRATCH === undefined) rmSync(scratch, { recursive: true, force: true });
  });

  it('packs only dist/ and package metadata', () => {
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'package.json']) {
      expect(packedFiles).toContain(f);
    }
    expect(packedFiles.filter((f) => /^(src|test|bench|examples|node_modules)\//.test(f))).toEqual([]);
  });

  it('works from an ESM project (import)', () => {
    const out = parseLastLine(run('node', ['index.js'], esmDir()));
    expect(out.resolved).toMatch(/\/node_modules\/jixiao\/dist\/index\.js$/);
    expect(out).toMatchObject(EXPECTED);
  });

  it('a framework survives copying: structuredClone, JSON and the CommonJS build give the same sheet as the ESM-made one', () => {
    const out = parseLastLine(run('node', ['copies.js'], esmDir()));
    expect(out).toEqual({
      same: { structuredClone: true, json: true, cjsMade: true, esmMadeByCjs: true },
      crossError: true,
      cjsIsOtherCopy: true,
    });
  });

  it('works from a CommonJS project (require)', () => {
    const out = parseLastLine(run('node', ['index.js'], cjsDir()));
    expect(out.resolved).toMatch(/[\\/]node_modules[\\/]jixiao[\\/]dist[\\/]index\.cjs$/);
    expect(out).toMatchObject({ ...EXPECTED, version: '0.1.0', rejected: true });
  });

  it('type-checks from a strict TypeScript project (nodenext, ESM and .cts) and runs the output', () => {
    run('node', [tsc, '-p', 'tsconfig.json'], tsDir());
    expect(parseLastLine(run('node', ['out/index.js'], tsDir()))).toMatchObject(EXPECTED);
    expect(parseLastLine(run('node', ['out/legacy.cjs'], tsDir()))).toMatchObject(EXPECTED);
  });

  it('type-checks with moduleResolution bundler', () => {
    run('node', [tsc, '-p', 'tsconfig.bundler.json'], tsDir());
  });

  it('fails type-checking when a @ts-expect-error is not needed (the checks above are not vacuous)', () => {
    const dir = join(tsDir(), 'neg');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'valid.ts'), `import type { Rule } from 'jixiao';\n// @ts-expect-error\nconst ok: Rule = { kind: 'manual' };\nvoid ok;\n`);
    writeFileSync(join(tsDir(), 'tsconfig.neg.json'), JSON.stringify({ extends: './tsconfig.bundler.json', include: ['neg'] }));
    expect(() => run('node', [tsc, '-p', 'tsconfig.neg.json'], tsDir())).toThrow(/TS2578/);
  });

  it('runs the CLI bin: jixiao score examples/dabu-2021/evaluation.yaml prints 92.00', () => {
    const example = join(repo, 'examples', 'dabu-2021', 'evaluation.yaml');
    const cli = join(esmDir(), 'node_modules', 'jixiao', 'dist', 'cli.js');
    const out = run('node', [cli, 'score', example], esmDir());
    expect(out).toContain('92.00');
    // Through the bin link npm created (shebang + executable bit).
    const bin = join(esmDir(), 'node_modules', '.bin', 'jixiao');
    expect(existsSync(bin)).toBe(true);
    if (process.platform !== 'win32') expect(run(bin, ['score', example], esmDir())).toContain('92.00');
    // The CLI also runs when installed into a CommonJS project.
    expect(run('node', [join(cjsDir(), 'node_modules', 'jixiao', 'dist', 'cli.js'), 'score', example], cjsDir())).toContain('92.00');
  });

  it('the core (dist/index.js, dist/index.cjs) imports no Node built-in and uses no Node global', () => {
    const installed = join(esmDir(), 'node_modules', 'jixiao', 'dist');
    const builtins = new Set(builtinModules);
    const importsOf = (code: string) =>
      [
        ...code.matchAll(/\bfrom\s*["']([^"']+)["']/g),
        ...code.matchAll(/\bimport\s*["']([^"']+)["']/g),
        ...code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g),
        ...code.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g),
      ].map((m) => m[1] ?? '');
    // Each entry with the chunks it shares with the presets entry (relative imports), followed transitively.
    for (const name of ['index.js', 'index.cjs', 'presets.js', 'presets.cjs']) {
      const files = [name];
      const bare = new Set<string>();
      for (let i = 0; i < files.length; i++) {
        const file = files[i] as string;
        const code = readFileSync(join(installed, file), 'utf8');
        for (const spec of importsOf(code)) {
          if (spec.startsWith('./')) {
            if (!files.includes(spec.slice(2))) files.push(spec.slice(2));
          } else bare.add(spec);
        }
        expect(code, file).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname|__filename|\brequire\.resolve\b/);
      }
      expect([...bare].filter((s) => s.startsWith('node:') || builtins.has(s.split('/')[0] ?? s)), name).toEqual([]);
      expect(bare, name).toEqual(new Set(['decimal.js-light', 'zod/mini']));
    }
  });

  it('the core bundles for the browser (esbuild, platform browser) and the bundle runs', () => {
    const outfile = join(esmDir(), 'browser-bundle.mjs');
    const result = esbuild.buildSync({
      entryPoints: [join(esmDir(), 'browser-entry.js')],
      absWorkingDir: esmDir(),
      bundle: true,
      platform: 'browser',
      format: 'esm',
      outfile,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const bundle = readFileSync(outfile, 'utf8');
    expect(bundle).not.toMatch(/\brequire\s*\(\s*["']|from\s*["']node:/);
    expect(parseLastLine(run('node', [outfile], esmDir()))).toMatchObject({ total: EXPECTED.total });
  });

  it('the CLI carries the licence notice of every package it bundles (dist/THIRD-PARTY-NOTICES.txt)', () => {
    // Which packages the CLI takes from node_modules, found here by bundling its sources anew (Node, ESM; exceljs
    // and Node's built-ins stay outside, as in the build), not from the build's own list.
    const result = esbuild.buildSync({
      entryPoints: [join(repo, 'src', 'cli', 'main.ts'), join(repo, 'src', 'cli', 'batchWorker.ts')], absWorkingDir: repo, bundle: true,
      platform: 'node', format: 'esm', outdir: join(scratch, 'cli-bundle'), metafile: true, logLevel: 'silent', write: false,
      external: ['exceljs', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
    });
    expect(result.errors).toEqual([]);
    const dirs = new Set(Object.keys(result.metafile.inputs).map((f) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1]).filter((d) => d !== undefined));
    const packages = [...dirs].map((d) => {
      const pkg = JSON.parse(readFileSync(join(repo, d, 'package.json'), 'utf8')) as { name: string; version: string };
      const licence = readdirSync(join(repo, d)).find((f) => LICENCE_FILE.test(f));
      return { id: `${pkg.name}@${pkg.version}`, text: licence === undefined ? undefined : readFileSync(join(repo, d, licence), 'utf8').trim() };
    });
    expect(packages.map((p) => p.id.replace(/@[^@]+$/, ''))).toEqual(expect.arrayContaining(['yaml', 'zod', 'decimal.js-light', 'cli-progress', 'csv-parse']));
    expect(packedFiles).toContain('dist/THIRD-PARTY-NOTICES.txt');
    const installed = join(esmDir(), 'node_modules', 'jixiao', 'dist');
    const notices = readFileSync(join(installed, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    for (const p of packages) {
      expect(notices, p.id).toContain(`${p.id} (`);
      expect(p.text, p.id).toBeDefined();
      expect(notices, p.id).toContain(p.text as string);
    }
    for (const file of ['cli.js', 'batch-worker.js']) expect(readFileSync(join(installed, file), 'utf8').split('\n')[1]).toContain('THIRD-PARTY-NOTICES.txt');
  });

  it('a bundle of the core alone carries no preset (jixiao/presets is a separate entry)', () => {
    const bundleOf = (entry: string) => {
      const outfile = join(esmDir(), `bundle-${entry}.mjs`);
      writeFileSync(join(esmDir(), `entry-${entry}.js`), entry === 'core'
        ? `import { evaluate, scoreSelfEvaluation } from 'jixiao';\nconsole.log(typeof evaluate, typeof scoreSelfEvaluation);\n`
        : `import { getPreset } from 'jixiao/presets';\nconsole.log(getPreset('sichuan-department-2024').name);\n`);
      const result = esbuild.buildSync({
        entryPoints: [join(esmDir(), `entry-${entry}.js`)], absWorkingDir: esmDir(), bundle: true, platform: 'browser', format: 'esm',
        outfile, metafile: true, logLevel: 'silent', minify: true, charset: 'utf8',
      });
      expect(result.errors).toEqual([]);
      return { code: readFileSync(outfile, 'utf8'), inputs: Object.keys(result.metafile.inputs) };
    };
    const core = bundleOf('core');
    const presets = bundleOf('presets');
    // The presets' data (the 攀枝花 framework, the registry) is in the presets bundle and not in the core's.
    expect(presets.code).toContain('攀枝花');
    expect(presets.inputs.some((f) => f.endsWith('presets.js'))).toBe(true);
    expect(core.code).not.toContain('攀枝花');
    expect(core.code).not.toContain('national-project-2020');
    expect(core.inputs.some((f) => f.endsWith('presets.js'))).toBe(false);
  });

  it('a bundle of the published core (defineFramework + evaluate) carries no self-evaluation code from the shared files', () => {
    // dist/ puts modules of several entries into one file; code that runs at import (a zod schema built at the top
    // of a module, a table filled by a loop) would stay in every bundle of that file. The source-level check is
    // test/package/core-bundle.test.ts; this one bundles the files as published.
    const bundleOf = (names: string): string => {
      const result = esbuild.buildSync({
        stdin: { contents: `export { ${names} } from 'jixiao';`, resolveDir: esmDir(), loader: 'js' },
        bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', minify: true, charset: 'utf8',
      });
      expect(result.errors).toEqual([]);
      return result.outputFiles[0]?.text ?? '';
    };
    const formOnly = [
      'jixiao.self-evaluation/1', // the self-evaluation schema
      '达成预期指标', // a word of the 实际完成值 column
      '万人次', // a unit
      '大于或等于', // a comparator of target texts
      'rowRules', // the template schema
      'statedTotal', // the schemas of claims and self-evaluations
    ];
    const forms = bundleOf('scoreSelfEvaluation');
    for (const text of formOnly) expect(forms, text).toContain(text);
    const core = bundleOf('defineFramework, evaluate');
    for (const text of formOnly) expect(core, text).not.toContain(text);
  });

  it('the published declarations do not expose zod or decimal.js-light types', () => {
    const installed = join(esmDir(), 'node_modules', 'jixiao', 'dist');
    for (const name of ['index.d.ts', 'index.d.cts']) {
      const dts = readFileSync(join(installed, name), 'utf8');
      expect(dts, name).not.toMatch(/(from|import\()\s*["'](zod|zod\/mini|decimal\.js|decimal\.js-light)["']/);
      expect(dts, name).not.toMatch(/\bZod[A-Z]\w*|\bz\.\w+</);
    }
  });
});
