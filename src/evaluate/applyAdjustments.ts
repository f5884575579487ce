import { minWith, snap } from '../calc/calculator.js';
import { blocked, newTrace, type Env, type Trace } from '../expr/trace.js';
import type { Compiled } from '../framework/compile.js';
import type { ParsedAdjustment } from '../framework/parsed.js';
import type { Rounding } from './scoreTree.js';
import { blockedStatus } from './scoreTree.js';

/** One adjustment after evaluation, before it is turned into strings. */
export interface AppliedAdjustment<N> {
  readonly parsed: ParsedAdjustment;
  /** Effect on the total (negative for deductions); 0 for vetoes (their effect is applied to the total). */
  readonly points: N;
  /** The amount before the cap, for deductions and bonuses that could be computed. */
  readonly amount: N | undefined;
  readonly capped: boolean;
  readonly triggered: boolean;
  readonly status: 'applied' | 'missing-input' | 'invalid-input' | 'fault';
  readonly trace: Trace;
}

/**
 * Evaluates deduction, bonus and veto items. Deductions and bonuses are capped at their `max` (with a warning)
 * and rounded like leaf scores; a negative amount is a fault; an amount or veto that cannot be computed
 * applies nothing and leaves the sheet incomplete.
 */
export function applyAdjustments<N>(compiled: Compiled<N>, env: Env<N>, r: Rounding): AppliedAdjustment<N>[] {
  const c = compiled.calc;
  return compiled.adjustments.map((a): AppliedAdjustment<N> => {
    const t = newTrace();
    const none = { points: c.zero, amount: undefined, capped: false, triggered: false };
    if ('when' in a) {
      const fired = a.when(env, t);
      if (fired === undefined || blocked(t)) return { parsed: a.parsed, ...none, status: blockedStatus(t), trace: t };
      return { parsed: a.parsed, ...none, triggered: fired, status: 'applied', trace: t };
    }
    const raw = a.amount(env, t);
    if (raw !== undefined && c.cmp(raw, c.zero) < 0) t.faults.push({ code: 'negative-amount', data: { value: raw } });
    if (raw === undefined || blocked(t)) return { parsed: a.parsed, ...none, status: blockedStatus(t), trace: t };
    const capped = c.cmp(raw, a.max) > 0;
    if (capped) t.warnings.push({ code: 'adjustment-capped', data: { value: raw, max: a.max } });
    const kept = snap(c, minWith(c, raw, a.max));
    const amount = r.roundAt === 'leaf' ? c.round(kept, r.precision, r.rounding) : kept;
    return { parsed: a.parsed, points: a.parsed.kind === 'deduction' ? c.neg(amount) : amount, amount: raw, capped, triggered: false, status: 'applied', trace: t };
  });
}
