import type { Expr } from '../expr/types.js';
import type { Rule, RuleKind, RuleOutcome } from '../rules/registry.js';
import { literal, points, quantity } from './format.js';
import { conditionText, withWorking, zhEn, type ExplainContext, type Lang } from './text.js';
import { displayUnit } from './units.js';

type Of<K extends RuleKind, U> = Extract<U, { kind: K }>;
/** A rule's sentence fragment in one language, from its outcome and definition. */
type Template<K extends RuleKind> = (o: Of<K, RuleOutcome>, rule: Of<K, Rule>, x: ExplainContext, lang: Lang) => string;


function bandInterval(o: Of<'bands', RuleOutcome>, unit: string | undefined): string {
  const lo = o.min === undefined ? '(-∞' : `${o.minInclusive ? '[' : '('}${literal(o.min, unit)}`;
  const hi = o.max === undefined ? '+∞)' : `${literal(o.max, unit)}${o.maxInclusive ? ']' : ')'}`;
  return `${lo}, ${hi}`;
}

/** Actual and target of a comparison rule, each in its unit, with how it was computed. */
function actualAndTarget(
  o: { readonly actual: string; readonly target: string },
  rule: { readonly actual: Expr; readonly target: Expr; readonly unit?: string },
  x: ExplainContext,
  lang: Lang,
): [string, string] {
  const shown = (value: string, e: Expr): string => withWorking(quantity(value, displayUnit(e, x.inputs, rule.unit)), e, x, lang);
  return [shown(o.actual, rule.actual), shown(o.target, rule.target)];
}

/**
 * 每种规则的说明模板（中文、英文）。The explanation template of every rule kind: one entry per kind, the only
 * place where a rule's outcome becomes words. Units come from declarations (see `displayUnit`).
 */
const RULE_TEMPLATES: { readonly [K in RuleKind]: Template<K> } = {
  ratio: (o, rule, x, lang) => {
    const shown = withWorking(quantity(o.value, '%'), rule.value, x, lang);
    const limit = o.limit === undefined ? '' : literal(o.limit, '%');
    if (o.cut === 'below') return zhEn(lang, `完成率 ${shown}，低于 ${limit}，不得分`, `ratio ${shown}, below ${limit}: no points`);
    if (o.cut === 'above') return zhEn(lang, `完成率 ${shown}，超过 ${limit}（超额过多），不得分`, `ratio ${shown}, above ${limit} (far over target): no points`);
    return zhEn(lang, `完成率 ${shown}${o.capped ? '，按 100% 计' : ''}`, `ratio ${shown}${o.capped ? ', counted as 100%' : ''}`);
  },
  'lower-is-better': (o, rule, x, lang) => {
    const [a, g] = actualAndTarget(o, rule, x, lang);
    if (o.met) return zhEn(lang, `实际 ${a}，不高于目标 ${g}`, `actual ${a}, not above the target ${g}`);
    const how = rule.variant === 'inverse' ? zhEn(lang, '按 目标 ÷ 实际', 'by target ÷ actual') : zhEn(lang, '按超出比例线性扣减', 'reduced linearly by the excess');
    return zhEn(lang, `实际 ${a}，高于目标 ${g}，${how}得 ${quantity(o.fraction, '%')}`, `actual ${a}, above the target ${g}; ${how}: ${quantity(o.fraction, '%')}`);
  },
  equal: (o, rule, x, lang) => {
    const [a, g] = actualAndTarget(o, rule, x, lang);
    return o.met
      ? zhEn(lang, `实际 ${a}，目标 = ${g}，达到目标`, `actual ${a}, target = ${g}: met`)
      : zhEn(lang, `实际 ${a}，目标 = ${g}，未达到目标，得 ${quantity(o.fraction, '%')}`, `actual ${a}, target = ${g}: not met, ${quantity(o.fraction, '%')}`);
  },
  bands: (o, rule, x, lang) => {
    const unit = displayUnit(rule.value, x.inputs, rule.unit);
    const shown = withWorking(quantity(o.value, unit), rule.value, x, lang);
    const band = rule.bands[o.band];
    const abs = rule.absolute === true ? zhEn(lang, '（取绝对值）', ' (absolute value)') : '';
    const where = band?.label !== undefined ? zhEn(lang, `属“${band.label}”档`, `in band "${band.label}"`) : zhEn(lang, `落在区间 ${bandInterval(o, unit)}`, `in ${bandInterval(o, unit)}`);
    return zhEn(lang, `值 ${shown}${abs}，${where}`, `value ${shown}${abs}, ${where}`);
  },
  'step-deduction': (o, rule, x, lang) => {
    const unit = displayUnit(rule.value, x.inputs, rule.unit);
    const shown = withWorking(quantity(o.value, unit), rule.value, x, lang);
    const dir = rule.direction === 'above' ? zhEn(lang, '超过', 'above') : zhEn(lang, '低于', 'below');
    const threshold = literal(o.threshold, unit);
    if (!o.excess.startsWith('-') && o.excess !== '0' && o.deduction === '0') {
      return zhEn(lang, `值 ${shown}，${dir}阈值 ${threshold} 不足一个步长，不扣分`, `value ${shown}, ${dir} the threshold ${threshold} by less than a step: nothing deducted`);
    }
    if (o.deduction === '0') return zhEn(lang, `值 ${shown}，未${dir}阈值 ${threshold}`, `value ${shown}, not ${dir} the threshold ${threshold}`);
    const end = o.exhausted ? zhEn(lang, '，扣完为止', ', down to 0') : '';
    return zhEn(
      lang,
      `值 ${shown}，${dir}阈值 ${threshold} 计 ${quantity(o.steps, undefined)} 个步长，每步扣 ${literal(o.perStep, undefined)} 分${end}`,
      `value ${shown}, ${quantity(o.steps, undefined)} step(s) ${dir} the threshold ${threshold}, ${literal(o.perStep, undefined)} point(s) each${end}`,
    );
  },
  piecewise: (o, rule, x, lang) => {
    const shown = withWorking(quantity(o.value, displayUnit(rule.value, x.inputs, rule.unit)), rule.value, x, lang);
    return zhEn(lang, `值 ${shown}，得分比例 ${quantity(o.fraction, '%')}`, `value ${shown}, ${quantity(o.fraction, '%')} of the weight`);
  },
  binary: (o, rule, x, lang) => {
    const text = conditionText(rule.when, x, lang);
    if ('is' in rule.when || o.holds) return text;
    return zhEn(lang, `${text} 不成立`, `${text} does not hold`);
  },
  checklist: (o, rule, _x, lang) => {
    const name = (id: string) => rule.checks.find((c) => c.id === id)?.name ?? id;
    if (o.failed.length === 0) return zhEn(lang, `${rule.checks.length} 个检查项均达到`, `all ${rule.checks.length} checks passed`);
    return zhEn(lang, `未达到：${o.failed.map(name).join('、')}`, `not passed: ${o.failed.map(name).join(', ')}`);
  },
  tiers: (o, rule, x, lang) => {
    const tier = rule.tiers.find((t) => t.id === o.tier);
    const range = `${points(o.min, x.format)}–${points(o.max, x.format)}`;
    return zhEn(lang, `评定为“${tier?.name ?? o.tier}”（${range} 分）`, `rated "${tier?.name ?? o.tier}" (${range} points)`);
  },
  'count-ratio': (o, _rule, _x, lang) =>
    zhEn(lang, `达成 ${quantity(o.met, undefined)} 个 / 共 ${quantity(o.total, undefined)} 个（${quantity(o.ratio, '%')}）`, `${quantity(o.met, undefined)} of ${quantity(o.total, undefined)} met (${quantity(o.ratio, '%')})`),
  'per-occurrence': (o, _rule, _x, lang) => {
    const end = o.exhausted ? zhEn(lang, '，扣完为止', ', down to 0') : '';
    return zhEn(lang, `发生 ${quantity(o.count, undefined)} 次，每次扣 ${literal(o.perOccurrence, undefined)} 分${end}`, `${quantity(o.count, undefined)} occurrence(s), ${literal(o.perOccurrence, undefined)} point(s) each${end}`);
  },
  manual: (_o, _rule, _x, lang) => zhEn(lang, '评价人打分', "evaluator's score"),
  either: (o, rule, x, lang) => {
    const alt = rule.alternatives[o.alternative];
    return alt === undefined ? '' : explainRule(o.outcome, alt, x, lang);
  },
};

/** The sentence fragment of a rule's outcome. */
export function explainRule(outcome: RuleOutcome, rule: Rule, x: ExplainContext, lang: Lang): string {
  const template = RULE_TEMPLATES[outcome.kind] as Template<RuleKind>;
  return template(outcome as never, rule as never, x, lang);
}
