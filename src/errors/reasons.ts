type Params = { readonly [key: string]: string };

/*
 * The reasons carried by the issue codes that have several (rule-invalid, band-invalid, piecewise-invalid,
 * invalid-option, grade-scale-invalid): Chinese first. They live here beside messages.ts, so that no module
 * outside src/errors/ writes a sentence.
 */
const REASONS: { readonly [id: string]: (p: Params) => readonly [zh: string, en: string] } = {
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
  'target-blank': () => ['未填写（未设置的行请写“/”）', 'it is blank (write "/" for a row that is not set)'],
  'target-unreadable': () => ['既不是“比较符 + 数值 + 单位”，也不是时限或不含数字的定性文字', 'neither comparator + number + unit, nor a deadline, nor a qualitative text without digits'],
  'target-out-of-range': () => ['数值超出可读范围', 'the number is out of range'],
  'target-conflicting': () => ['前后比较方向矛盾（如“≥95%以下”）', 'the comparators contradict each other (such as "≥95%以下")'],
  'target-ocr': (p: Params) => [`疑为识别错误，本意可能是“${p.hint}”，请按原表改写`, `looks like a recognition error, perhaps "${p.hint}": rewrite it from the form`],
  'rows-or-targets': () => ['须给出 rows（单一年度目标）或 targets（多个年度目标）之一', 'give either rows (one annual target) or targets (several)'],
  'tier-missing': (p: Params) => [`模板缺少档次“${p.tier}”（达成、部分达成、未达成须各有一档）`, `the template lacks tier "${p.tier}" (achieved, partial and not-achieved need one each)`],
  'tier-default-outside': (p: Params) => [`档次“${p.tier}”的缺省得分 ${p.value} 不在 [${p.min}, ${p.max}] 内`, `the default ${p.value} of tier "${p.tier}" is outside [${p.min}, ${p.max}]`],
  'level-points-partial': () => ['一级指标类别的 points 须全部给出或全部不给', 'give points for every level-1 category or for none'],
  'absent-to-self': (p: Params) => [`类别“${p.level}”不能把分值转给自身`, `category "${p.level}" cannot give its points to itself`],
  'target-without-points': () => ['多个年度目标时，须全部给出或全部不给 points', 'with several annual targets, give points for all of them or for none'],
  'sheet-not-xlsx': (p: Params) => [`不是 XLSX 工作簿（${p.detail}）`, `not an XLSX workbook (${p.detail})`],
  'sheet-missing': (p: Params) => [`工作簿中没有工作表 ${p.sheet}`, `the workbook has no sheet ${p.sheet}`],
  'sheet-not-text': (p: Params) => [`不是有效的 ${p.encoding} 文本，可用 encoding 选项指定编码`, `not valid ${p.encoding} text; the encoding option chooses another`],
  'sheet-bad-csv': (p: Params) => [`CSV 格式有误（${p.detail}）`, `malformed CSV (${p.detail})`],
  'cell-no-field': () => ['不属于自评表的任何部分', 'it belongs to no part of the form'],
  'cell-unknown-heading': () => ['不是认得的列标题', 'not a known column heading'],
  'cell-year': () => ['年度须为四位整数年份', 'the year must be a four-digit whole number'],
  'cell-repeated': () => ['重复填写，已用前一处', 'given twice; the first was used'],
  'cell-formula-no-result': () => ['公式没有保存的计算结果，请在 Excel 中打开并保存后再导入', 'a formula without a saved result; open and save the file in Excel, then import it'],
};

/** A reason's id. */
export type ReasonId =
  | 'empty-list' | 'too-few' | 'not-positive' | 'negative' | 'fraction-range' | 'points-xor-fraction' | 'band-empty' | 'x-not-increasing'
  | 'total-not-positive' | 'transfer-to-self' | 'precision-range' | 'weight-decimals' | 'cap-decimals' | 'transfer-to-zero' | 'cut-offs-cross' | 'step-above-weight' | 'grade-decimals' | 'percent-unit' | 'precision-below-weights' | 'modifier-on-branch' | 'grade-above-total'
  | 'target-blank' | 'target-unreadable' | 'target-out-of-range' | 'target-conflicting' | 'target-ocr' | 'rows-or-targets' | 'target-without-points'
  | 'tier-missing' | 'tier-default-outside' | 'absent-to-self' | 'level-points-partial'
  | 'sheet-not-xlsx' | 'sheet-missing' | 'sheet-not-text' | 'sheet-bad-csv' | 'cell-no-field' | 'cell-unknown-heading' | 'cell-year' | 'cell-repeated' | 'cell-formula-no-result';

/** The data of an issue that carries a reason: the reason in both languages, plus its parameters. */
export function reason(id: ReasonId, params: Params = {}): Params {
  const [reasonZh, reasonEn] = (REASONS[id] as (p: Params) => readonly [string, string])(params);
  return { ...params, reasonZh, reason: reasonEn };
}
