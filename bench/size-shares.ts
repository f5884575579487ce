/**
 * 核心体积构成。What the scoring core's size is made of: the core (`defineFramework` + `evaluate`, as the size budget
 * "core" measures it) bundled from the sources, minified, gzip; then again with one part left out (marked external),
 * and how many gzip bytes that saves. Prints figures; checks nothing. The parts: the two dependencies, the sheet's
 * sentences, the message catalogue and the reasons, the framework validation and the rule kernels.
 *
 * Run: npm run size:shares
 */
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

interface Esbuild {
  build(options: object): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
interface ResolveArgs {
  readonly path: string;
}
interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: ResolveArgs) => { path: string; external: boolean } | undefined): void;
}

// esbuild is tsup's own dependency; resolved from tsup so that this does not rely on hoisting.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsup/package.json'))('esbuild') as Esbuild;
const root = new URL('..', import.meta.url).pathname;

/** The core's gzip size with the modules whose import path contains any of `leaveOut` left out. */
async function gzipSize(leaveOut: readonly string[]): Promise<number> {
  const plugin = {
    name: 'leave-out',
    setup(build: PluginBuild) {
      build.onResolve({ filter: /.*/ }, (args) => (leaveOut.some((part) => args.path.includes(part)) ? { path: args.path, external: true } : undefined));
    },
  };
  const result = await esbuild.build({
    stdin: { contents: 'export { defineFramework, evaluate } from "./src/index.ts";', resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    plugins: [plugin],
    logLevel: 'silent',
  });
  return gzipSync((result.outputFiles[0] as { contents: Uint8Array }).contents).length;
}

const parts: readonly (readonly [string, readonly string[]])[] = [
  ['zod/mini', ['zod']],
  ['decimal.js-light', ['decimal.js-light']],
  ['sentences (buildSheet, src/explain)', ['buildSheet']],
  ['messages (src/errors/messages.ts)', ['messages']],
  ['reasons (src/errors/reasons.ts)', ['reasons']],
  ['framework validation (parseFramework)', ['parseFramework']],
  ['rule kernels (src/rules)', ['rules/']],
];
const all = await gzipSize([]);
const kB = (bytes: number): string => (bytes / 1000).toFixed(2).padStart(7);
console.log(`core (defineFramework + evaluate, from the sources, minified, gzip): ${kB(all)} kB`);
console.log('left out                                    saves (kB gzip)');
for (const [label, paths] of parts) console.log(`${label.padEnd(44)}${kB(all - (await gzipSize(paths)))}`);
