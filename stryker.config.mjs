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
  // The rule kernels and the evaluation core: rules, expressions, weights, tree scoring,
  // adjustments, allocation, the calculators (decimal and scaled-integer), the fast path and the exact decimal
  // texts every shown value goes through. Rendering (src/explain, src/report, buildSheet) and input
  // reading (parseInputs) are checked by the docs, unit and property tests instead.
  mutate: [
    'src/rules/**/*.ts',
    'src/expr/compile.ts',
    'src/expr/operators.ts',
    'src/expr/trace.ts',
    'src/evaluate/scoreTree.ts',
    'src/evaluate/effectiveWeights.ts',
    'src/evaluate/applyAdjustments.ts',
    'src/calc/allocate.ts',
    'src/calc/calculator.ts',
    'src/calc/scaled.ts',
    'src/calc/decimalText.ts',
    'src/fast/scorer.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Mutants that change no observable number (e.g. a message string) are expected among the survivors; see the
  // closing note of the issue for the list.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', '.tmp', 'reports', '*.tgz'],
  timeoutMS: 10000,
};
