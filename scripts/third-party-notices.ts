import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * 第三方许可声明。The notices file of the code a build bundles: the CLI (dist/cli.js, dist/batch-worker.js) carries
 * yaml, zod, decimal.js-light, cli-progress, csv-parse and their own dependencies inside it, and their licences (MIT,
 * ISC) ask that copyright and permission notices travel with every copy. This esbuild plugin (used by tsup.config.ts)
 * reads which packages the build actually took from node_modules (esbuild's metafile), and writes one file with
 * each package's name, version, licence and licence text. A package without a licence file fails the build.
 */
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';

/** The names a package's licence file goes by (LICENSE, LICENCE.md, LICENSE-MIT.txt, COPYING…). */
export const LICENCE_FILE = /^(licen[cs]e|copying)([-.][\w.-]*)?$/i;

/** A bundled package: name@version, its folder and its declared licence. */
interface Bundled {
  readonly id: string;
  readonly dir: string;
  readonly license: string | undefined;
}

/** The packages whose files are among a build's inputs, by name@version. */
function bundledPackages(inputs: readonly string[], cwd: string): Bundled[] {
  const found = new Map<string, Bundled>();
  for (const input of inputs) {
    // The innermost node_modules folder names the package (nested copies included).
    const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'))?.[1];
    if (dir === undefined) continue;
    const pkg = JSON.parse(readFileSync(resolve(cwd, dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
    const id = `${pkg.name}@${pkg.version}`;
    found.set(id, { id, dir: resolve(cwd, dir), license: pkg.license });
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The notices text of the bundled packages. */
function noticesText(packages: readonly Bundled[]): string {
  const parts = [
    '本软件包的命令行工具（dist/cli.js、dist/batch-worker.js）内含以下第三方软件，其许可声明如下。',
    'The command-line tool of this package (dist/cli.js, dist/batch-worker.js) bundles the following third-party',
    'software; their licence notices follow.',
    '',
  ];
  for (const { id, dir, license } of packages) {
    const file = readdirSync(dir).find((f) => LICENCE_FILE.test(f));
    if (file === undefined) throw new Error(`${id}: no licence file in ${dir}; it cannot be bundled into the CLI without its notice (keep it external)`);
    parts.push('='.repeat(78), `${id} (${license ?? 'see below'})`, '='.repeat(78), readFileSync(join(dir, file), 'utf8').trim(), '');
  }
  return parts.join('\n');
}

/** The esbuild plugin: writes `NOTICES_FILE` beside the build's output once the build ends. */
export function thirdPartyNotices(): Plugin {
  return {
    name: 'third-party-notices',
    setup(build) {
      build.initialOptions.metafile = true;
      const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
      const outdir = resolve(cwd, build.initialOptions.outdir ?? 'dist');
      build.onEnd((result) => {
        if (result.metafile === undefined || result.errors.length > 0) return;
        mkdirSync(outdir, { recursive: true });
        writeFileSync(join(outdir, NOTICES_FILE), noticesText(bundledPackages(Object.keys(result.metafile.inputs), cwd)));
      });
    },
  };
}
