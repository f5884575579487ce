/**
 * 基准：攀枝花 2024 指标体系的评价速度，对照一段手写的 decimal.js 计分循环。
 * Benchmark: evaluations per second of the 攀枝花 2024 framework (compiled once), side by side with a
 * hand-written decimal.js loop that computes the same leaf scores and total. Prints figures; asserts nothing
 * but that both give the same total.
 *
 * Run: npm run bench
 */
import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import { parse } from 'yaml';
import { defineFramework, evaluate } from '../src/index.js';
import type { EvaluationInputs, FrameworkDefinition } from '../src/index.js';

const root = new URL('../examples/panzhihua-2024/', import.meta.url);
const definition = parse(readFileSync(new URL('framework.yaml', root), 'utf8')) as FrameworkDefinition;
const evaluation = parse(readFileSync(new URL('evaluation.yaml', root), 'utf8')) as { values: EvaluationInputs['values'] };
const inputs: EvaluationInputs = { values: evaluation.values };

const D = Decimal.clone({ precision: 50 });
type V = { [k: string]: unknown };
const num = (v: unknown): Decimal => {
  const s = String(v).trim();
  return s.endsWith('%') ? new D(s.slice(0, -1)).div(100) : new D(s);
};
const r2 = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const full = (w: number, ok: boolean): Decimal => new D(ok ? w : 0);

/** The same 攀枝花 scores, written by hand the way a vendor would, with decimal.js. */
function handWritten(v: V): string {
  const leaves: Decimal[] = [];
  leaves.push(r2(num(v['core-targets-met']).div(num(v['core-targets-set'])).clamp(0, 1).times(15)));
  leaves.push(num(v['budget-preparation']));
  leaves.push(full(4, num(v['non-tax-income']).gte(num(v['initial-budget-income'])) && v['subsidy-ratio-below-approved'] === true));
  leaves.push(num(v['spending-progress']));
  leaves.push(num(v['year-end-balance']));
  leaves.push(
    full(
      5,
      num(v['general-spending-budget']).lte(num(v['general-spending-budget-last-year'])) &&
        num(v['general-spending-executed']).lte(num(v['general-spending-executed-last-year'])),
    ),
  );
  leaves.push(num(v['finance-rules']));
  leaves.push(full(2, v['finance-posts-compliant'] === true));
  leaves.push(full(4, v['fund-use-compliant'] === true));
  const change = num(v['per-capita-asset-change']);
  leaves.push(full(3, change.lte(0) || change.lte(num(v['per-capita-asset-change-city']))));
  for (const k of ['furniture', 'equipment']) {
    const rel = num(v[`${k}-utilization-unit`]).div(num(v[`${k}-utilization-city`]));
    leaves.push(rel.lt(0.6) ? new D('0.3') : new D('1.5'));
  }
  leaves.push(num(v['idle-assets']).isZero() ? new D(3) : r2(num(v['idle-assets-revitalized']).div(num(v['idle-assets'])).clamp(0, 1).times(3)));
  leaves.push(num(v['sme-support']));
  leaves.push(r2(num(v['procurement-execution-rate']).clamp(0, 1).times(3)));
  leaves.push(full(4, v['decision-procedure-compliant'] === true));
  leaves.push(num(v['target-setting']));
  leaves.push(full(4, v['projects-registered-on-time'] === true));
  leaves.push(full(4, v['spending-matches-targets'] === true));
  leaves.push(full(4, v['adjustment-measures-taken'] === true));
  leaves.push(full(4, num(v['projects-execution-not-above-90']).isZero()));
  leaves.push(r2(num(v['quantity-target-completion-rate']).clamp(0, 1).times(4)));
  leaves.push(full(4, num(v['quantity-targets-deviating-over-30']).isZero()));
  leaves.push(r2(num(v['benefit-effect-rate']).clamp(0, 1).times(3)));
  const subtotal = leaves.reduce((a, b) => a.plus(b), new D(0));
  const deduction = D.min(num(v['cooperation-deduction']), 10);
  return D.max(subtotal.minus(deduction), 0).toFixed(2);
}

function measure(label: string, f: () => string, ms = 2000): { perSecond: number; result: string } {
  let result = f();
  for (let i = 0; i < 200; i++) result = f();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) result = f();
    n += 100;
    now = performance.now();
  }
  const perSecond = (n * 1000) / (now - start);
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(9)} 次/秒 evaluations/s   total ${result}`);
  return { perSecond, result };
}

const compileStart = performance.now();
const framework = defineFramework(definition);
const compileMs = performance.now() - compileStart;
console.log(`攀枝花 2024 framework: ${framework.id}; validate + compile once: ${compileMs.toFixed(2)} ms`);
const engine = measure('jixiao evaluate (compiled framework)', () => evaluate(framework, inputs).total ?? '');
const onTheFly = measure('jixiao evaluate (definition, validated each time)', () => evaluate(definition, inputs).total ?? '');
const hand = measure('hand-written decimal.js loop', () => handWritten(evaluation.values as V));
if (engine.result !== hand.result) {
  console.error(`totals differ: jixiao ${engine.result}, hand-written ${hand.result}`);
  process.exitCode = 1;
}
console.log(`ratio jixiao / hand-written: ${(engine.perSecond / hand.perSecond).toFixed(3)} (compiled), ${(onTheFly.perSecond / hand.perSecond).toFixed(3)} (validated each time)`);
