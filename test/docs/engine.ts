import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { evaluate, findNode, validateFramework } from '../../src/index.js';
import type { EvaluateOptions, EvaluationInputs, FrameworkDefinition, InputValue, NodeResult, Rule, ScoreSheet } from '../../src/index.js';
import { blocksOf, ROOT } from './markdown.js';

/*
 * The engine behind the figures the documentation states: the frameworks are the ones the pages show (their
 * ```yaml blocks) and the examples/ files, so a figure is computed from what the reader sees.
 */

type Json = { [key: string]: unknown };

/** An example's framework (or another YAML file of the folder) as parsed. */
export const exampleFile = (folder: string, file: string): Json => parse(readFileSync(join(ROOT, 'examples', folder, file), 'utf8')) as Json;

/** An example scored from its evaluation.yaml, as `jixiao score` does. */
export function exampleSheet(folder: string, options?: EvaluateOptions): ScoreSheet {
  const evaluation = exampleFile(folder, 'evaluation.yaml') as { framework: string; values: { [k: string]: InputValue }; notApplicable?: string[] };
  const definition = exampleFile(folder, evaluation.framework.replace(/^\.\//, '')) as unknown as FrameworkDefinition;
  const inputs: EvaluationInputs = { values: evaluation.values, ...(evaluation.notApplicable === undefined ? {} : { notApplicable: evaluation.notApplicable }) };
  return evaluate(definition, inputs, options);
}

/** The parsed ```yaml blocks of a page, with their lines. */
export const yamlOf = (page: string): { line: number; data: Json }[] =>
  blocksOf(page)
    .filter((b) => b.lang === 'yaml')
    .map((b) => ({ line: b.line, data: parse(b.code) as Json }));

/** The page's YAML file named `name` (`# name` on its first line). */
export function namedYaml(page: string, name: string): Json {
  const block = blocksOf(page).find((b) => b.lang === 'yaml' && (b.code.split('\n')[0] ?? '').trim() === `# ${name}`);
  if (block === undefined) throw new Error(`${page}: no yaml block named ${name}`);
  return parse(block.code) as Json;
}

/** The demo framework of docs/concepts.md (its `# demo.yaml` block). */
export const demo = (): FrameworkDefinition => namedYaml('docs/concepts.md', 'demo.yaml') as unknown as FrameworkDefinition;

/** A fragment of a framework (`inputs`, `indicators`, maybe `adjustments`) made whole: a total and one grade. */
export function wrapFragment(fragment: Json): FrameworkDefinition {
  const weights = (fragment.indicators as { weight: number | string }[]).map((i) => Number(i.weight));
  return {
    id: 'fragment',
    name: '片段 fragment',
    scope: 'other',
    total: weights.reduce((a, b) => a + b, 0),
    grades: [{ label: '—', min: 0 }],
    ...fragment,
  } as unknown as FrameworkDefinition;
}

/** The rule fragment of a page that holds indicator `id`, made whole. */
export function fragmentWith(page: string, id: string): FrameworkDefinition {
  const found = yamlOf(page).filter(({ data }) => Array.isArray(data.indicators) && (data.indicators as { id: string }[]).some((i) => i.id === id));
  if (found.length !== 1) throw new Error(`${page}: ${found.length} yaml fragments hold indicator ${id}`);
  return wrapFragment((found[0] as { data: Json }).data);
}

/** How `leaf` changes the fragment shown: rule fields replaced, another weight, evaluation options. */
export interface Variation {
  readonly rule?: { readonly [field: string]: unknown };
  readonly weight?: number;
  readonly options?: EvaluateOptions;
}

/** The object without its undefined fields (a variation removes a field by setting it to undefined). */
const withoutUndefined = (o: { [k: string]: unknown }): { [k: string]: unknown } => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** A node with the sheet it belongs to. */
export type Leaf = NodeResult & { readonly sheet: ScoreSheet };

/** Indicator `id` of a page's fragment, scored with `values`, maybe varied; the node with its sheet. */
export function leaf(page: string, id: string, values: { [k: string]: InputValue }, variation: Variation = {}): Leaf {
  const def = fragmentWith(page, id);
  const indicators = def.indicators.map((i) =>
    i.id !== id ? i : { ...i, ...(variation.weight === undefined ? {} : { weight: variation.weight }), ...('rule' in i ? { rule: withoutUndefined({ ...i.rule, ...variation.rule }) as unknown as Rule } : {}) },
  );
  const total = indicators.reduce((sum, i) => sum + Number(i.weight), 0);
  const framework = validateFramework({ ...def, total, indicators });
  if (!framework.ok) throw new Error(`${page} ${id}: ${framework.issues.map((i) => `${i.code} ${i.path.join('.')}`).join(', ')}`);
  const sheet = evaluate(framework.value, { values }, variation.options);
  const node = findNode(sheet, id);
  if (node === undefined) throw new Error(`${page}: no node ${id}`);
  return { ...node, sheet };
}

/** The codes of a list of issues. */
export const codes = (issues: readonly { readonly code: string }[]): string[] => issues.map((i) => i.code);
