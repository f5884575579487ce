import { add, cmp, sub, sum, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import { formReason } from '../errors/formMessages.js';
import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issue, IssuePath, Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { unreadableNumber } from '../evaluate/parseInputs.js';
import type { Result } from '../errors/result.js';
import { guarded, validateFramework } from '../framework/defineFramework.js';
import { checkedCopy, deepFreeze } from '../framework/plainData.js';
import { contentHash } from '../framework/hash.js';
import type { FrameworkDefinition } from '../framework/types.js';
import { templateSchema } from './schema.js';
import type { TemplateDefinition } from './template.js';

/** The tag that marks a template value. */
export const TEMPLATE_FORMAT = 'jixiao.template/1';

/**
 * 已校验的自评模板（纯数据）。A validated template: plain frozen data, like a `Framework`, that survives copying.
 */
export interface Template {
  /** 格式标记。Format tag, `"jixiao.template/1"`. */
  readonly format: typeof TEMPLATE_FORMAT;
  /** 模板 id。The template's id. */
  readonly id: string;
  /** 模板名称。The template's name. */
  readonly name: string;
  /** 定义的内容指纹（与键顺序无关）。Content hash of the definition, independent of key order. */
  readonly hash: string;
  /** 定义（只读副本）。The definition, a frozen copy. */
  readonly definition: TemplateDefinition;
}

const TIER_IDS = ['achieved', 'partly', 'not-achieved'] as const;

/** Moves the issues of a trial framework to the template fields they come from. */
function relocate(issues: readonly Issue[], map: (path: IssuePath) => IssuePath): Issue[] {
  return issues.map((i) => ({ ...i, path: map(i.path) }));
}

/** Semantic checks; rules, tiers and grades are checked by the core on trial frameworks built from them. */
function checkTemplate(def: TemplateDefinition): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  def.levels.forEach((l, i) => {
    if (seen.has(l.id)) issues.push(makeIssue('duplicate-id', ['levels', i, 'id'], { id: l.id }));
    seen.add(l.id);
  });
  def.levels.forEach((l, i) => {
    if (l.whenAbsent === undefined) return;
    if (l.whenAbsent.to === l.id) issues.push(makeIssue('invalid-option', ['levels', i, 'whenAbsent', 'to'], formReason('absent-to-self', { level: l.id })));
    else if (!seen.has(l.whenAbsent.to)) issues.push(makeIssue('unknown-node', ['levels', i, 'whenAbsent', 'to'], { id: l.whenAbsent.to }));
  });
  for (const id of TIER_IDS) {
    if (!def.tiers.some((t) => t.id === id)) issues.push(makeIssue('invalid-option', ['tiers'], formReason('tier-missing', { tier: id })));
  }
  def.tiers.forEach((t, i) => {
    if (def.tiers.findIndex((u) => u.id === t.id) !== i) issues.push(makeIssue('duplicate-id', ['tiers', i, 'id'], { id: t.id }));
    const [lo, hi, d] = [t.min, t.max, t.default].map((x) => parseNumber(x));
    if (lo?.ok && hi?.ok && d?.ok && (cmp(d.value, lo.value) < 0 || cmp(d.value, hi.value) > 0)) {
      issues.push(makeIssue('invalid-option', ['tiers', i, 'default'], formReason('tier-default-outside', { tier: t.name, value: toPlain(d.value), min: toPlain(lo.value), max: toPlain(hi.value) })));
    }
  });
  const withPoints = def.levels.filter((l) => l.points !== undefined).length;
  if (withPoints !== 0 && withPoints !== def.levels.length) issues.push(makeIssue('invalid-option', ['levels'], formReason('level-points-partial')));
  // The total, the budget line's weight and the categories' points, each read once and reported where unreadable.
  const raw: readonly [IssuePath, number | string][] = [[['total'], def.total], [['budget', 'weight'], def.budget.weight], ...def.levels.map((l, i): [IssuePath, number | string] => [['levels', i, 'points'], l.points ?? 0])];
  const nums: Dec[] = [];
  for (const [path, value] of raw) {
    const n = parseNumber(value);
    if (n.ok) nums.push(n.value);
    else issues.push(unreadableNumber(n.reason, value, path));
  }
  if (nums.length < raw.length) return issues;
  const [total = ZERO, budget = ZERO, ...levels] = nums;
  if (withPoints === def.levels.length) {
    const s = add(budget, sum(levels));
    if (cmp(s, total) !== 0) issues.push(makeIssue('weight-sum-mismatch', ['levels'], { name: def.name, actual: toPlain(s), expected: toPlain(total) }));
  }
  if (issues.length > 0) return issues;

  // Trial A: the budget line, one qualitative leaf with the tiers, and the grades.
  const rest = toPlain(sub(total, budget));
  const trial: FrameworkDefinition = {
    id: def.id, name: def.name, scope: 'project', total: def.total,
    inputs: { executed: { type: 'number' }, budget: { type: 'number' } },
    indicators: [
      { id: 'budget', name: '预算执行率', weight: def.budget.weight, rule: { kind: 'ratio', value: { div: [{ input: 'executed' }, { input: 'budget' }] } } },
      { id: 'tiers', name: '定性指标', weight: rest, rule: { kind: 'tiers', tiers: def.tiers.map((t) => ({ id: t.id, name: t.name, min: t.min, max: t.max })) } },
    ],
    grades: def.grades,
    ...(def.options === undefined ? {} : { options: def.options }),
  };
  const a = validateFramework(trial);
  if (!a.ok) {
    issues.push(...relocate(a.issues, (p) => (p[0] === 'indicators' && p[1] === 1 ? ['tiers', ...p.slice(4)] : p[0] === 'indicators' ? ['budget', 'weight'] : p)));
  }
  // Trial B: each row rule on a leaf of the whole total, reading `actual` and `target`.
  (def.rowRules ?? []).forEach((r, i) => {
    const b = validateFramework({
      id: def.id, name: def.name, scope: 'project', total: def.total,
      inputs: { actual: { type: 'percent' }, target: { type: 'percent' } },
      indicators: [{ id: 'row', name: r.criteria, weight: def.total, rule: r.rule }],
      grades: [{ label: '-', min: 0 }],
    });
    if (!b.ok) issues.push(...relocate(b.issues, (p) => (p[0] === 'indicators' ? ['rowRules', i, 'rule', ...p.slice(3)] : ['rowRules', i, ...p])));
  });
  return issues;
}

/**
 * 校验自评模板（不抛异常）。Validates a template definition. Never throws.
 *
 * @param definition the template, as parsed from JSON/YAML or written in code
 * @returns `{ ok: true, value }` (a frozen `Template`) or `{ ok: false, issues }`
 */
export function validateTemplate(definition: unknown): Result<Template> {
  return guarded(() => {
    const copy = checkedCopy<TemplateDefinition>(definition, templateSchema());
    if (!copy.ok) return copy;
    const def = copy.value;
    const issues = checkTemplate(def);
    if (issues.length > 0) return { ok: false, issues: issues as unknown as Issues };
    const template: Template = deepFreeze({ format: TEMPLATE_FORMAT, id: def.id, name: def.name, hash: contentHash(def), definition: def });
    return { ok: true, value: template };
  });
}

/**
 * 定义自评模板：校验，有问题时抛出 JixiaoError。Defines a template; throws one `JixiaoError` with every issue when
 * it is not valid.
 *
 * @param definition the template definition
 * @returns the template, plain frozen data
 */
export function defineTemplate(definition: TemplateDefinition): Template {
  const result = validateTemplate(definition);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}

/** Is this a template value rather than a bare definition? */
export function isTemplateValue(value: unknown): value is Template {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === TEMPLATE_FORMAT && 'definition' in value;
}
