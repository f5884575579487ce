/**
 * What bench/floors.bench.ts bundles: the public API and the internals it times on their own (not part of the
 * library's API), with two helpers of its own.
 */
import type { Calculator } from '../src/calc/calculator.js';
import { readBoolean, readNumber, readTier } from '../src/evaluate/parseInputs.js';
import type { Env } from '../src/expr/trace.js';
import { slotsOf, type Compiled, type CompiledNode } from '../src/framework/compile.js';
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

/** A record's values read into their slots with calculator `c` (valid values assumed, as the bench's records are). */
export function envOf<N>(parsed: ParsedFramework, c: Calculator<N>, values: { readonly [name: string]: unknown }): Env<N> {
  const size = slotsOf(parsed).size + 1;
  const env = {
    numbers: new Array<N | undefined>(size).fill(undefined),
    booleans: new Array<boolean | undefined>(size).fill(undefined),
    tiers: new Array<{ tier: string; score: N | undefined } | undefined>(size).fill(undefined),
    checks: new Array<ReadonlyMap<string, boolean> | undefined>(size).fill(undefined),
    invalid: [],
  };
  const slots = slotsOf(parsed);
  for (const [name, decl] of parsed.inputs) {
    const value = values[name];
    const slot = slots.get(name) as number;
    if (value === undefined || value === null) continue;
    if (decl.type === 'boolean') env.booleans[slot] = readBoolean(value);
    else if (decl.type === 'checks') env.checks[slot] = new Map(Object.entries(value as object).map(([id, passed]) => [id, readBoolean(passed) ?? false]));
    else if (decl.type === 'tier') {
      const read = readTier(name, value, ['values', name]);
      if (read.ok) env.tiers[slot] = { tier: read.value.tier, score: read.value.score === undefined ? undefined : c.from(read.value.score) };
    } else {
      const read = readNumber(name, decl, value, ['values', name]);
      if (read.ok) env.numbers[slot] = c.from(read.value.value);
    }
  }
  return env;
}
