import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../tsup.config.js';
import { DABU_EVALUATION, repo } from './helpers.js';

/*
 * The CLI as tsup.config.ts builds it, into a scratch folder inside node_modules/.cache (so that the bundle
 * finds decimal.js and zod as an installed package would, and dist/ is left alone).
 */
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: { [name: string]: string };
  devDependencies?: { [name: string]: string };
};
let outDir = '';
const cli = (...args: string[]): string => execFileSync('node', [join(outDir, 'cli.js'), ...args], { cwd: repo, encoding: 'utf8' });

describe('built CLI (tsup.config.ts) 构建后的命令行', () => {
  beforeAll(async () => {
    const configs = (Array.isArray(config) ? config : [config]) as Options[];
    const cliConfig = configs.find((c) => typeof c.entry === 'object' && c.entry !== null && 'cli' in c.entry);
    if (cliConfig === undefined) throw new Error('no CLI entry in tsup.config.ts');
    const cache = join(repo, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    outDir = mkdtempSync(join(cache, 'jixiao-cli-build-'));
    await build({ ...cliConfig, outDir, config: false, silent: true });
  }, 120_000);

  afterAll(() => {
    if (outDir !== '') rmSync(outDir, { recursive: true, force: true });
  });

  it('prints the package version', () => {
    expect(cli('--version')).toBe(`${packageJson.version}\n`);
    expect(cli('-v')).toBe(`${packageJson.version}\n`);
  });

  it('scores the 大埔 example', () => {
    expect(cli('score', DABU_EVALUATION)).toMatch(/总分 Total\s+92\.00/);
  });

  it('bundles yaml, which is a devDependency, not a dependency of the library', () => {
    const code = readFileSync(join(outDir, 'cli.js'), 'utf8');
    expect(code.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(code).not.toMatch(/\bfrom\s*["']yaml["']|\brequire\(\s*["']yaml["']\s*\)|\bimport\(\s*["']yaml["']\s*\)/);
    expect(packageJson.dependencies?.yaml).toBeUndefined();
    expect(packageJson.devDependencies?.yaml).toBeDefined();
  });
});
