/**
 * What bench/floors.bench.ts bundles: the public API and the internals it times on their own (not part of the
 * library's API), with two helpers of its own.
 */
import type { Calculator } from '../src/calc/calculator.js';
import { parseInputs } from '../src/evaluate/parseInputs.js';
import type { Env } from '../src/expr/trace.js';
import type { Compiled, CompiledNode } from '../src/framework/compile.js';
import type { ParsedFramework } from '../src/framework/parsed.js';

export * from '../src/index.js';
export { scaledCalculator } from '../src/calc/scaled.js';
export { compile } from '../src/framework/compile.js';
export { parsedFrameworkOf } from '../src/framework/defineFramework.js';
export { newTrace } from '../src/expr/trace.js';

/** The leaves of a compiled framework, in tree order. */
export function leavesOf<N>(compiled: Compiled<N>): CompiledNode<N>[] {
  const leaves: CompiledNode<N>[] = [];
  const walk = (nodes: readonly CompiledNode<N>[]): void => {
    for (const n of nodes) {
      if (n.children.length === 0) leaves.push(n);
      walk(n.children);
    }
  };
  walk(compiled.roots);
  return leaves;
}

/** A record's values read into their slots as `evaluate` reads them, then converted to calculator `c`'s values. */
export function envOf<N>(parsed: ParsedFramework, c: Calculator<N>, values: { readonly [name: string]: unknown }): Env<N> {
  const { numbers, booleans, tiers, checks, invalid } = parseInputs(parsed, values, []).env;
  return {
    numbers: numbers.map((x) => (x === undefined ? undefined : c.from(x))),
    booleans,
    tiers: tiers.map((t) => (t === undefined ? undefined : { tier: t.tier, score: t.score === undefined ? undefined : c.from(t.score) })),
    checks,
    invalid,
  };
}
