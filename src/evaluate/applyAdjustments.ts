import { clampWith, maxWith, minWith, snap, sumWith } from '../calc/calculator.js';
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
 * applies nothing and leaves the sheet incomplete. `facts` as in `newTrace` (off on the fast path, which builds no sheet).
 */
export function applyAdjustments<N>(compiled: Compiled<N>, env: Env<N>, r: Rounding, facts = true): AppliedAdjustment<N>[] {
  const c = compiled.calc;
  return compiled.adjustments.map((a): AppliedAdjustment<N> => {
    const t = newTrace(facts);
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

/** The total of an evaluation and how it was reached (see `settle`). */
export interface Settled<N> {
  /** The total, rounded at the precision when rounding happens at the total. */
  readonly total: N;
  /** A zeroing veto's points (minus the running total), or zero. */
  readonly vetoPoints: N;
  /** The first triggered veto that zeroes the total. */
  readonly zeroVeto: AppliedAdjustment<N> | undefined;
  /** Did a veto that sets the lowest grade trigger? */
  readonly lowestVeto: boolean;
  /** The grade reached (index in the framework's grades; the last one under a lowest-grade veto; −1 for none). */
  readonly gradeIndex: number;
}

/**
 * Settles the total from the indicators' subtotal and the adjustments: adjustments added, vetoes applied, the
 * result kept within [0, total] (or above 0 only, with `bonusAboveTotal`), rounded when rounding happens at the
 * total, and the grade looked up. The one place this happens, for every evaluator.
 */
export function settle<N>(compiled: Compiled<N>, subtotal: N, adjustments: readonly AppliedAdjustment<N>[], r: Rounding): Settled<N> {
  const c = compiled.calc;
  const ceiling = compiled.parsed.bonusAboveTotal ? undefined : compiled.total;
  const running = c.add(subtotal, sumWith(c, adjustments.map((a) => a.points)));
  const zeroVeto = adjustments.find((a) => a.triggered && a.parsed.kind === 'veto' && a.parsed.effect !== 'lowest-grade');
  const lowestVeto = adjustments.some((a) => a.triggered && a.parsed.kind === 'veto' && a.parsed.effect !== 'zero-total');
  // A zeroing veto carries minus the running total, so that total = clamp(subtotal + Σ adjustments) still holds.
  const vetoPoints = zeroVeto === undefined ? c.zero : c.neg(maxWith(c, running, c.zero));
  const unbounded = c.add(running, vetoPoints);
  const rawTotal = ceiling === undefined ? maxWith(c, unbounded, c.zero) : clampWith(c, unbounded, c.zero, ceiling);
  const total = r.roundAt === 'leaf' ? rawTotal : c.round(rawTotal, r.precision, r.rounding);
  const reached = compiled.gradeMins.findIndex((min) => c.cmp(total, min) >= 0);
  return { total, vetoPoints, zeroVeto, lowestVeto, gradeIndex: lowestVeto ? compiled.gradeMins.length - 1 : reached };
}
