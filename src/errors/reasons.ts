import type { Params, Template } from './messages.js';

/*
 * The reasons carried by the issue codes that have several (rule-invalid, band-invalid, piecewise-invalid,
 * invalid-option, grade-scale-invalid): Chinese first. They live here beside messages.ts, so that no module
 * outside src/errors/ writes a sentence. The reasons that only self-evaluations, templates and spreadsheets give
 * are in formMessages.ts, so that the scoring core does not carry them.
 */
const REASONS = {
  'empty-list': (p: Params) => [`“${p.field}”至少需要一项`, `"${p.field}" needs at least one entry`],
  'too-few': (p: Params) => [`“${p.field}”至少需要 ${p.min} 项`, `"${p.field}" needs at least ${p.min} entries`],
  'not-positive': (p: Params) => [`“${p.field}”须大于 0`, `"${p.field}" must be greater than 0`],
  negative: (p: Params) => [`“${p.field}”不能为负（${p.value}）`, `"${p.field}" cannot be negative (${p.value})`],
  'fraction-range': (p: Params) => [`比例 ${p.value} 须在 [0, 1] 内`, `fraction ${p.value} must lie in [0, 1]`],
  'points-xor-fraction': () => ['points 与 fraction 须且只须给出一个', 'give exactly one of points and fraction'],
  'band-empty': (p: Params) => [`区间 ${p.band} 为空`, `band ${p.band} is empty`],
  'x-not-increasing': () => ['分段点的 x 须严格递增', 'x must increase strictly'],
  'total-not-positive': () => ['满分须大于 0', 'the total must be greater than 0'],
  'transfer-to-self': () => ['不能转移给自身', 'cannot transfer to itself'],
  'precision-range': () => ['小数位数须为 0 到 10 的整数', 'precision must be an integer from 0 to 10'],
  'weight-decimals': (p: Params) => [`分值 ${p.weight} 的小数位多于精度 ${p.precision}`, `weight ${p.weight} has more decimals than the precision ${p.precision}`],
  'cap-decimals': (p: Params) => [`上限 ${p.max} 的小数位多于精度 ${p.precision}`, `cap ${p.max} has more decimals than the precision ${p.precision}`],
  'transfer-to-zero': (p: Params) => [`不能转移给分值为 0 的指标“${p.to}”（它的得分只能为 0）`, `cannot transfer to "${p.to}", whose weight is 0 (it can only score 0)`],
  'cut-offs-cross': (p: Params) => [`zeroBelow ${p.below} 大于 zeroAbove ${p.above}，任何比率都不得分`, `zeroBelow ${p.below} is above zeroAbove ${p.above}: no ratio could score`],
  'step-above-weight': (p: Params) => [`步长 ${p.step} 大于分值 ${p.weight}，只能打 0 分`, `the step ${p.step} exceeds the weight ${p.weight}: only 0 could be given`],
  'grade-decimals': (p: Params) => [`等级界限 ${p.value} 的小数位多于精度 ${p.precision}，总分达不到它`, `grade bound ${p.value} has more decimals than the precision ${p.precision}: no total could meet it exactly`],
  'percent-unit': (p: Params) => [`输入“${p.input}”以 % 为单位，请声明 type: percent（或 fraction）`, `input "${p.input}" is in %: declare it as type: percent (or fraction)`],
  'precision-below-weights': (p: Params) => [`精度 ${p.precision} 少于分值、上限或等级界限的小数位数 ${p.decimals}`, `precision ${p.precision} is below the ${p.decimals} decimals of the weights, caps or grade bounds`],
  'modifier-on-branch': () => ['满分/不得分条件只能用于末级指标', 'full/zero conditions apply to leaf indicators only'],
  'grade-above-total': (p: Params) => [`下限 ${p.value} 超过满分`, `lower bound ${p.value} exceeds the total`],
  'options-with-scorer': () => ['计分器已带有创建时的选项，精度与舍入请在 createScorer 中给出', 'a scorer carries the options it was made with: give precision and rounding to createScorer'],
} satisfies { readonly [id: string]: Template };

/** A reason's id. */
export type ReasonId = keyof typeof REASONS;

/** The data of an issue that carries a reason: the reason in both languages, plus its parameters. */
export function reason(id: ReasonId, params: Params = {}): Params {
  return reasonFrom(REASONS[id], params);
}

/** The data of an issue from a reason's template and parameters. */
export function reasonFrom(template: Template, params: Params): Params {
  const [reasonZh, reasonEn] = template(params);
  return { ...params, reasonZh, reason: reasonEn };
}
