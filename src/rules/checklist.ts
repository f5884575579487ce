import * as z from 'zod/mini';
import { add, cmp, isNegative, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { numSchema } from '../expr/schema.js';
import type { Num } from '../expr/types.js';
import { noteRead } from '../expr/trace.js';
import { ruleInvalid, type RuleModule } from './RuleModule.js';

/** 检查项。One check point of a checklist. */
export interface Check {
  /** 标识（在本清单内唯一）。Id, unique in the checklist. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 分值。Points. */
  readonly points: Num;
}

/** 清单计分：各检查项分值之和等于分值。Checklist: named checks whose points sum to the weight. */
export interface ChecklistRule {
  /** 规则类型：清单计分。Rule kind: `checklist`. */
  readonly kind: 'checklist';
  /** `checks` 类型输入的名称，缺省为指标 id。Input name (type `checks`), default the indicator id. */
  readonly input?: string;
  /** 检查项。The checks. */
  readonly checks: readonly Check[];
}

/** 清单计分的结果。Outcome of a checklist rule. */
export interface ChecklistOutcome {
  /** 规则类型，同所用规则的 kind。The kind of the rule that scored. */
  readonly kind: 'checklist';
  /** 达到的检查项 id。Ids of the checks passed. */
  readonly passed: readonly string[];
  /** 未达到的检查项 id。Ids of the checks failed. */
  readonly failed: readonly string[];
}

interface Params {
  readonly input: string;
  readonly checks: readonly { readonly id: string; readonly points: Dec }[];
}

/** The `checklist` rule kind. */
export const checklist: RuleModule<ChecklistRule, Params> = {
  kind: 'checklist',
  schema: z.strictObject({
    kind: z.literal('checklist'),
    input: z.optional(z.string()),
    checks: z.array(z.strictObject({ id: z.string(), name: z.string(), points: numSchema })),
  }),
  namedInputs: (rule, leafId) => [{ name: rule.input ?? leafId, type: 'checks' }],
  parse(rule, ctx, path) {
    const seen = new Set<string>();
    let ok = true;
    const checks = rule.checks.map((c, i) => {
      if (seen.has(c.id)) {
        ctx.report('duplicate-check-id', [...path, 'checks', i, 'id'], { id: c.id });
        ok = false;
      }
      seen.add(c.id);
      const points = ctx.num(c.points, [...path, 'checks', i, 'points']);
      if (points !== undefined && isNegative(points)) {
        ctx.report('negative-amount', [...path, 'checks', i, 'points'], { name: c.name, value: toPlain(points) });
        return undefined;
      }
      return points === undefined ? undefined : { id: c.id, points };
    });
    if (rule.checks.length === 0) {
      return ruleInvalid(ctx, [...path, 'checks'], 'empty-list', { field: 'checks' });
    }
    if (!checks.every((c) => c !== undefined)) return undefined;
    const total = (checks as { points: Dec }[]).reduce((s, c) => add(s, c.points), ZERO);
    if (ctx.weight !== undefined && cmp(total, ctx.weight) !== 0) {
      ctx.report('checklist-points-mismatch', [...path, 'checks'], { actual: toPlain(total), expected: toPlain(ctx.weight) });
      ok = false;
    }
    return ok ? { input: rule.input ?? ctx.leafId, checks: checks as Params['checks'] } : undefined;
  },
  compile(p, { calc: c, slot }) {
    const at = slot(p.input);
    const checks = p.checks.map((x) => ({ id: x.id, points: c.from(x.points) }));
    const known = new Set(checks.map((x) => x.id));
    return (env, t) => {
      const given = env.checks[at];
      if (!noteRead(env, t, p.input, at, given !== undefined) || given === undefined) return undefined;
      // One pass over the checks, in their order: those missing, and the points of those passed. Ids it does not
      // know are looked for only when the form gives more than the checks it has (each id is given at most once).
      let score = c.zero;
      let present = 0;
      for (const x of checks) {
        const passed = given.get(x.id);
        if (passed === undefined) t.missing.push(`${p.input}.${x.id}`);
        else {
          present++;
          if (passed) score = c.add(score, x.points);
        }
      }
      if (present !== given.size) {
        for (const id of given.keys()) {
          if (!known.has(id)) t.invalid.push({ code: 'unknown-check', path: ['values', p.input, id], data: { check: id } });
        }
      }
      if (t.invalid.length > 0 || t.missing.length > 0) return undefined;
      if (t.facts) t.outcome = { kind: 'checklist', passed: checks.filter((x) => given.get(x.id) === true).map((x) => x.id), failed: checks.filter((x) => given.get(x.id) !== true).map((x) => x.id) };
      return score;
    };
  },
};
