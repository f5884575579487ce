import { add, cmp, isNegative, min, neg, round, ZERO, type Dec } from '../decimal/decimal.js';
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Compiled } from '../framework/compile.js';
import { newTrace, type Env } from '../rules/env.js';
import { formatNumber } from '../rules/format.js';

/** One adjustment after evaluation, before it is turned into strings. */
export interface AppliedAdjustment {
  readonly id: string;
  readonly name: string;
  readonly kind: 'deduction' | 'bonus' | 'veto';
  readonly points: Dec;
  readonly triggered: boolean;
  readonly status: 'applied' | 'missing-input';
  readonly missing: readonly string[];
  readonly explanation: string;
  readonly effect?: 'lowest-grade' | 'zero-total' | 'both';
}

/**
 * Evaluates deduction, bonus and veto items. Deductions and bonuses are capped at their `max` (with a
 * warning) and rounded like leaf scores; a missing amount applies nothing and marks the sheet incomplete.
 */
export function applyAdjustments(compiled: Compiled, env: Env, issues: Issue[], warnings: Issue[]): AppliedAdjustment[] {
  return compiled.adjustments.map((a): AppliedAdjustment => {
    const t = newTrace(a.name, a.path);
    if (a.kind === 'veto') {
      const fired = a.when.evaluate(env, t);
      issues.push(...t.issues);
      const explanation =
        fired === undefined
          ? `${a.name} 缺少输入“${t.missing.join('、')}”，无法判断`
          : fired
            ? `${a.name}：${a.when.text(env)}，一票否决`
            : `${a.name}：未触发`;
      return {
        id: a.id,
        name: a.name,
        kind: 'veto',
        points: ZERO,
        triggered: fired === true,
        status: fired === undefined ? 'missing-input' : 'applied',
        missing: t.missing,
        explanation,
        effect: a.effect,
      };
    }
    const word = a.kind === 'deduction' ? '扣' : '加';
    const raw = a.amount.evaluate(env, t);
    issues.push(...t.issues);
    if (raw === undefined) {
      return {
        id: a.id, name: a.name, kind: a.kind, points: ZERO, triggered: false, status: 'missing-input', missing: t.missing,
        explanation: `${a.name} 缺少输入“${t.missing.join('、')}”，暂未${word}分`,
      };
    }
    if (isNegative(raw)) {
      issues.push(makeIssue('negative-amount', a.path, { name: a.name, value: formatNumber(raw) }));
    }
    if (cmp(raw, a.max) > 0) {
      warnings.push(makeIssue('adjustment-capped', a.path, { name: a.name, value: formatNumber(raw), max: formatNumber(a.max) }));
    }
    const amount = compiled.roundAt === 'leaf' ? round(min(raw, a.max), compiled.precision, compiled.rounding) : min(raw, a.max);
    const points = isNegative(amount) ? ZERO : a.kind === 'deduction' ? neg(amount) : amount;
    return {
      id: a.id, name: a.name, kind: a.kind, points, triggered: false, status: 'applied', missing: [],
      explanation: `${a.name} ${word} ${formatNumber(isNegative(amount) ? ZERO : amount)} 分（上限 ${formatNumber(a.max)} 分）`,
    };
  });
}

/** Sum of the points of deductions and bonuses. */
export const adjustmentSum = (items: readonly AppliedAdjustment[]): Dec => items.reduce((s, a) => add(s, a.points), ZERO);
