/**
 * Vitest configuration used only by Stryker (`npm run mutate`, see stryker.config.mjs): the repository's
 * vitest.config.ts without the tests that spawn processes or run for long: package build/pack, CLI, fuzzing,
 * the documentation checks (they run every code block of the docs through tsc/tsx in child processes), and the
 * generated-files checks (test/schemas).
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // test/schemas compares generated files with the sources, which Stryker's sandbox marks with @ts-nocheck.
      exclude: [...configDefaults.exclude, 'test/package/**', 'test/cli/**', 'test/fuzz/**', 'test/docs/**', 'test/schemas/**'],
      // Every covering test runs once per mutant: property tests run 25 cases each here instead of 100–200.
      env: { JIXIAO_PROPERTY_RUNS: '25' },
      // ...with one fixed seed, so that every mutant meets the same cases (test/support/fixedSeed.ts).
      setupFiles: ['test/support/fixedSeed.ts'],
    },
  }),
);
