import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The scoring core (defineFramework + evaluate, what the size budget "core" measures) carries only the messages
 * it can raise: the catalogues of self-evaluations, templates and spreadsheets (their issue templates and their
 * reasons), the self-evaluation sentences and the presets stay out of a bundle that imports only the core.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));
const esbuild = createRequire(join(repo, 'node_modules', 'tsup', 'package.json'))('esbuild') as {
  buildSync(options: object): { outputFiles: { text: string }[]; metafile: { outputs: { [file: string]: { inputs: { [file: string]: { bytesInOutput: number } } } } } };
};

const bundle = (names: string) => {
  const result = esbuild.buildSync({
    stdin: { contents: `export { ${names} } from './src/index.ts';`, resolveDir: repo, loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    logLevel: 'silent',
  });
  // The modules with code in the bundle (esbuild lists every module it read, tree-shaken away or not).
  const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
  return { code: result.outputFiles[0]?.text ?? '', inputs };
};

describe('the scoring core carries no catalogue it does not need', () => {
  const core = bundle('defineFramework, evaluate');
  const forms = bundle('scoreSelfEvaluation');

  it('no self-evaluation, template or spreadsheet message or reason, and no preset', () => {
    const formOnly = [
      '公式没有保存的计算结果', // a spreadsheet's reason
      '模板缺少档次', // a template's reason
      '无法识别（', // a self-evaluation's message
      '攀枝花', // a preset
    ];
    // The strings are real: the self-evaluation bundle has the first three.
    for (const text of formOnly.slice(0, 3)) expect(forms.code, text).toContain(text);
    for (const text of formOnly) expect(core.code, text).not.toContain(text);
    const formModules = (inputs: readonly string[]) => inputs.filter((f) => /src\/(errors\/formMessages|selfEval|sheetio|presets|review|report)\b/.test(f));
    expect(formModules(forms.inputs)).toContain('src/errors/formMessages.ts');
    expect(formModules(core.inputs)).toEqual([]);
  });

  it('the core still carries its own messages and reasons', () => {
    expect(core.code).toContain('至少需要一项'); // reason empty-list
    expect(core.code).toContain('暂不得分'); // node sentences
  });
});
