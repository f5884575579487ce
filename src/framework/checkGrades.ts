import { cmp, decimalPlaces, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { reason } from '../errors/reasons.js';
import type { ParseContext } from '../expr/ParseContext.js';
import type { FrameworkDefinition } from './types.js';

/**
 * Checks the grade scale — at least one grade, unique labels, the lowest starting at 0, no two at the same lower
 * bound, none above the total, optional upper bounds meeting the next grade — and returns it highest first.
 */
export function checkGrades(def: FrameworkDefinition, total: Dec | undefined, precision: number, ctx: ParseContext): { label: string; min: Dec }[] | undefined {
  if (def.grades.length === 0) {
    ctx.report('grade-scale-invalid', ['grades'], reason('empty-list', { field: 'grades' }));
    return undefined;
  }
  const grades = def.grades.map((g, i) => ({
    i,
    label: g.label,
    min: ctx.num(g.min, ['grades', i, 'min']),
    max: g.max === undefined ? undefined : (ctx.num(g.max, ['grades', i, 'max']) ?? null),
  }));
  if (grades.some((g) => g.min === undefined || g.max === null)) return undefined;
  let ok = true;
  const report = (...args: Parameters<ParseContext['report']>): void => {
    ctx.report(...args);
    ok = false;
  };
  const labels = new Set<string>();
  for (const g of grades) {
    if (g.min !== undefined && decimalPlaces(g.min) > precision) report('grade-scale-invalid', ['grades', g.i, 'min'], reason('grade-decimals', { value: toPlain(g.min), precision: String(precision) }));
    if (g.min !== undefined && cmp(g.min, ZERO) < 0) report('grade-scale-invalid', ['grades', g.i, 'min'], reason('negative', { field: 'min', value: toPlain(g.min) }));
    if (labels.has(g.label)) report('duplicate-id', ['grades', g.i, 'label'], { id: g.label });
    labels.add(g.label);
  }
  const sorted = [...grades].sort((a, b) => cmp(a.min as Dec, b.min as Dec));
  const lowest = sorted[0];
  if (lowest !== undefined && cmp(lowest.min as Dec, ZERO) > 0) report('grade-scale-gap', ['grades', lowest.i, 'min'], { a: '0 分', b: lowest.label });
  sorted.forEach((g, k) => {
    const up = sorted[k + 1];
    const min = g.min as Dec;
    if (total !== undefined && cmp(min, total) > 0) {
      report('grade-scale-invalid', ['grades', g.i, 'min'], reason('grade-above-total', { value: toPlain(min) }));
    }
    if (up !== undefined && cmp(up.min as Dec, min) === 0) report('grade-scale-overlap', ['grades', up.i, 'min'], { a: g.label, b: up.label });
    const upper = up?.min ?? total;
    if (g.max !== undefined && g.max !== null && upper !== undefined && cmp(g.max, upper) !== 0) {
      report(cmp(g.max, upper) < 0 ? 'grade-scale-gap' : 'grade-scale-overlap', ['grades', g.i, 'max'], { a: g.label, b: up?.label ?? toPlain(upper) });
    }
  });
  return ok ? sorted.reverse().map((g) => ({ label: g.label, min: g.min as Dec })) : undefined;
}
