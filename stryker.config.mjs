// Mutation testing: `npm run mutate` (all configured files, incremental), or one file:
//   npx stryker run --mutate src/rules/ratio.ts
// Docs: https://stryker-mutator.io/docs/stryker-js/configuration/ and .../vitest-runner/
// @stryker-mutator/core 9.x is the last line that runs on Node 20 (10.x needs Node ≥ 22).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: {
    // The repository's vitest.config.ts minus test/package, test/cli, test/fuzz and test/docs (they spawn processes / are slow).
    configFile: 'vitest.stryker.config.ts',
  },
  // Globs that match nothing (a folder that does not exist yet) are ignored.
  mutate: ['src/rules/**/*.ts', 'src/expr/**/*.ts', 'src/evaluate/**/*.ts', 'src/calc/**/*.ts', '!src/**/*.d.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', '.tmp', 'reports', '*.tgz'],
  timeoutMS: 10000,
};
