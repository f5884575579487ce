import { add, ZERO } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { ChecklistRule } from '../framework/types.js';
import { constant } from './expr.js';
import type { CompileContext, Scorer } from './scorer.js';

/** 清单计分：通过的检查项得其分值；所有检查项都须给出是否通过。 */
export function compileChecklist(rule: ChecklistRule, ctx: CompileContext): Scorer {
  const input = rule.input ?? ctx.leafId;
  const checks = rule.checks.map((c) => ({ id: c.id, name: c.name, points: constant(c.points) }));
  const known = new Set(checks.map((c) => c.id));
  return (env, t) => {
    const given = env.checks.get(input);
    if (given === undefined) {
      t.missing.push(input);
      return undefined;
    }
    const unknown = Object.keys(given).filter((k) => !known.has(k));
    for (const check of unknown) t.issues.push(makeIssue('unknown-check', ['values', input, check], { check }));
    const absent = checks.filter((c) => given[c.id] === undefined);
    if (unknown.length > 0) return undefined;
    if (absent.length > 0) {
      for (const c of absent) t.missing.push(`${input}.${c.id}`);
      return undefined;
    }
    const failed = checks.filter((c) => given[c.id] !== true);
    t.inputs[input] = checks.map((c) => `${c.name}${given[c.id] === true ? '✓' : '✗'}`).join('、');
    const score = checks.filter((c) => given[c.id] === true).reduce((s, c) => add(s, c.points), ZERO);
    const detail =
      failed.length === 0
        ? `${checks.length} 个检查项均达到`
        : `未达到：${failed.map((c) => c.name).join('、')}`;
    return { score, detail };
  };
}
