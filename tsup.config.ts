import { defineConfig } from 'tsup';
import { NOTICES_FILE, thirdPartyNotices } from './scripts/third-party-notices.js';

/*
 * Two builds into dist/:
 *   1. the core (src/index.ts) → dist/index.js (ESM) + dist/index.cjs (CJS) + dist/index.d.ts / dist/index.d.cts,
 *      and the presets (src/presets/index.ts, `jixiao/presets`) → dist/presets.*, sharing chunks with the core.
 *      `platform: 'neutral'` so that nothing Node-specific is assumed: the core must bundle for browsers
 *      (test/package/pack.test.ts checks there is no `node:` import / require of a built-in).
 *   2. the CLI (src/cli/main.ts) → dist/cli.js (ESM, Node only, with a shebang; `bin.jixiao`).
 *      The spreadsheet entry (src/xlsx.ts, `jixiao/xlsx`) → dist/xlsx.* likewise; only its graph imports exceljs.
 * The library's dependencies (decimal.js, zod, csv-parse) stay external: tsup externalises everything in
 * `dependencies`, `peerDependencies` and `optionalDependencies`, so exceljs (an optional peer) is never inlined
 * (test/sheetio/entry.test.ts checks both).
 * `yaml` is the CLI's alone: it is a devDependency, bundled into dist/cli.js (`noExternal`), so that users of
 * the library do not install it. The core never imports it (test/package/pack.test.ts checks the imports).
 * `zod` is bundled into the CLI build too (the library entries keep it external): one module instead of zod's ~100,
 * which cost ~12 MB of memory in each thread of `jixiao batch --jobs N`. So are the CLI's other dependencies
 * (decimal.js-light, cli-progress, csv-parse): importing a CommonJS package from ES modules makes Node 20 start
 * its CommonJS export lexer, ~8.5 MB of memory in each thread for decimal.js-light alone (measured with
 * /usr/bin/time: `import('decimal.js-light')` 50.8 MB peak RSS, its ES build decimal.mjs 42.3 MB, an empty module 42.0 MB).
 * The CLI's version comes from package.json, inlined at build time (src/cli/usage.ts imports it).
 *
 * The bundled packages' licences (MIT, ISC) ask for their notices in every copy: the CLI build writes
 * dist/THIRD-PARTY-NOTICES.txt from esbuild's list of the files it took (scripts/third-party-notices.ts), and
 * the banner of each CLI file points to it.
 *
 * tsup runs the two configurations concurrently. Only the first one cleans dist/, and it must not delete
 * the CLI's files if the CLI build happens to finish first, hence the exclusions.
 */
export default defineConfig([
  {
    entry: { index: 'src/index.ts', presets: 'src/presets/index.ts', xlsx: 'src/xlsx.ts' },
    format: ['esm', 'cjs'],
    // The presets entry shares the core's code through a chunk instead of carrying a copy of it; the core entry
    // never imports the presets (test/package/pack.test.ts bundles the core alone and checks).
    splitting: true,
    dts: true,
    clean: ['!cli.js', '!batch-worker.js', `!${NOTICES_FILE}`],
    sourcemap: false,
    target: 'es2020',
    platform: 'neutral',
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/cli/batchWorker.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: false,
    target: 'node18',
    platform: 'node',
    noExternal: ['yaml', 'zod', 'decimal.js-light', 'cli-progress', 'csv-parse'],
    // Their licences travel with them: dist/THIRD-PARTY-NOTICES.txt, written from what the build took (see the plugin).
    esbuildPlugins: [thirdPartyNotices()],
    // yaml's Node build is CommonJS and requires `process` and `buffer`; in an ESM bundle esbuild's require
    // shim needs a real `require`, made here. The shebang stays the first line.
    banner: {
      js: [
        '#!/usr/bin/env node',
        `/*! jixiao CLI. 内含第三方软件，许可见 ${NOTICES_FILE} / Bundles third-party software: licences in ${NOTICES_FILE} */`,
        "import { createRequire as __jixiaoCreateRequire } from 'node:module';",
        'const require = __jixiaoCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  },
]);
