import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCalculator } from '../../src/calc/calculator.js';
import { parseInputs } from '../../src/evaluate/parseInputs.js';
import { newTrace, type Trace } from '../../src/expr/trace.js';
import { compile, type CompiledNode } from '../../src/framework/compile.js';
import { defineFramework, parsedFrameworkOf } from '../../src/framework/defineFramework.js';
import type { Dec } from '../../src/calc/decimal.js';
import { RULE_KINDS, caseArb } from '../support/arbitraries.js';
import { RUNS } from '../properties/helpers.js';

/** Every leaf of a compiled tree. */
function leaves(nodes: readonly CompiledNode<Dec>[]): CompiledNode<Dec>[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [n] : leaves(n.children)));
}

/** What a trace found, without its facts. */
const findings = (t: Trace): unknown => ({ missing: t.missing, invalid: t.invalid, faults: t.faults, warnings: t.warnings });

describe('kernels without facts 不记录事实的计分核', () => {
  it('give the same score and findings with facts off, and build no outcome (the fast path keeps facts off)', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(caseArb({}, { missing: true }), ({ def, values }) => {
        const parsed = parsedFrameworkOf(defineFramework(def));
        if (!parsed.ok) throw new Error('invalid framework');
        const compiled = compile(parsed.value, decimalCalculator);
        const { env } = parseInputs(parsed.value, values, []);
        for (const node of leaves(compiled.roots)) {
          if (node.kernel === undefined) continue;
          const on = newTrace(true);
          const off = newTrace(false);
          const withFacts = node.kernel(env, on, node.weight);
          const without = node.kernel(env, off, node.weight);
          expect(without === undefined ? undefined : without.toString()).toBe(withFacts === undefined ? undefined : withFacts.toString());
          expect(findings(off)).toEqual(findings(on));
          expect(off.outcome).toBeUndefined();
          expect(off.read).toEqual([]);
          if (withFacts !== undefined) {
            // With facts on, a kernel that scores says how, under its own kind.
            expect(on.outcome?.kind).toBe(node.parsed.rule?.kind);
            kinds.add(on.outcome?.kind as string);
          }
        }
      }),
      RUNS,
    );
    // The property means something only if it reached the kernels of most kinds.
    if (RUNS.numRuns >= 100) expect(kinds.size).toBeGreaterThanOrEqual(RULE_KINDS.length - 1);
  });
});
