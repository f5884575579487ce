/**
 * 指标体系定义的类型（纯数据，可 JSON/YAML 序列化）。
 * Types of a framework definition: plain, JSON/YAML-serialisable data.
 *
 * Every number may be written as a JS number or as a decimal string ("2.5", "30%"), so that
 * definitions keep the exact figures of the source document.
 */

/** 数值：数字或十进制字符串（"0.6"、"30%"）。A number or a decimal string. */
export type Num = number | string;

/** 评价范围。Scope of a framework. */
export type Scope = 'project' | 'department-overall' | 'other';

/** 舍入方式。Rounding modes, mapped to decimal.js in one place. */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'down' | 'up' | 'floor' | 'ceil';

/**
 * 舍入位置。Where rounding happens:
 * - `leaf`: each leaf score is rounded to `precision`; parents are exact sums of their children (default);
 * - `total`: nothing is rounded but the final total.
 */
export type RoundAt = 'leaf' | 'total';

/**
 * 输入类型（在指标体系中声明，从不猜测单位）。Declared type of a named input; units are never guessed.
 * - `number`: a plain number (amounts, counts); a `%` sign is rejected;
 * - `percent`: a number in percent units: `95.47`, `"95.47%"` both mean 0.9547;
 * - `fraction`: a number in fraction units: `0.9547`; `"95.47%"` is also accepted (the sign is explicit);
 * - `boolean`: yes/no (`true`, `false`, `"是"`, `"否"`);
 * - `score`: an evaluator's score (used by `manual` rules);
 * - `tier`: an evaluator's tier choice and score, `{ tier, score }` (used by `tiers` rules);
 * - `checks`: a record of check id → passed (used by `checklist` rules).
 */
export type InputType = 'number' | 'percent' | 'fraction' | 'boolean' | 'score' | 'tier' | 'checks';

/** 输入声明。Declaration of a named input. */
export interface InputDeclaration {
  /** 类型。 */
  readonly type: InputType;
  /** 中文名称（用于说明文字）。Chinese name, used in explanations. */
  readonly name?: string;
  /** 计量单位（如 "万元"）；输入值可带该后缀。Unit; a value may carry it as a suffix. */
  readonly unit?: string;
}

/**
 * 算术表达式（数据，不是代码）。An arithmetic expression as data: a constant, a named input, or an
 * operation. Division by zero is reported as an evaluation issue.
 */
export type Expr =
  | Num
  | { readonly input: string }
  | { readonly add: readonly Expr[] }
  | { readonly sub: readonly [Expr, Expr] }
  | { readonly mul: readonly Expr[] }
  | { readonly div: readonly [Expr, Expr] }
  | { readonly abs: Expr };

/** 比较运算符。Comparison operators. */
export type ComparisonOp = '<' | '<=' | '=' | '!=' | '>=' | '>';

/**
 * 条件（数据）。A condition as data: a boolean input is true, a comparison holds, or a combination.
 * An input that is absent makes the condition unknown, which the engine reports as missing input.
 */
export type Condition =
  | { readonly is: string }
  | { readonly left: Expr; readonly op: ComparisonOp; readonly right: Expr }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

/** 比率（正向）：w × min(value, 1)。Ratio, higher is better. */
export interface RatioRule {
  readonly kind: 'ratio';
  /** 完成比率（如 执行数 ÷ 预算数）。The achievement ratio, e.g. `{ div: [actual, target] }`. */
  readonly value: Expr;
  /** 低于该比率得 0 分。Below this ratio the score is 0. */
  readonly zeroBelow?: Num;
  /** 超过该比率得 0 分（超额完成过多，如四川 1.3）。Above this ratio the score is 0 (Sichuan 1.3). */
  readonly zeroAbove?: Num;
  /** 超过该比率给出复核提示（如 1.2）。Above this ratio a review warning is raised (e.g. 1.2). */
  readonly reviewAbove?: Num;
}

/**
 * 反向指标（越低越好）。Lower is better.
 * - `inverse`: actual ≤ target → w, else w × target ÷ actual (Hubei, Jiangxi, Beijing);
 * - `linear-to-double`: actual ≤ target → w; actual ≥ 2 × target → 0; between, w × (1 − (actual − target) ÷ target).
 */
export interface LowerIsBetterRule {
  readonly kind: 'lower-is-better';
  readonly actual: Expr;
  readonly target: Expr;
  readonly variant: 'inverse' | 'linear-to-double';
}

/**
 * 等于型指标。Equality target: target 0 → full if actual ≤ 0 else 0; otherwise full if
 * |actual − target| ≤ tolerance (default 0), else w × min(actual ÷ target, 1).
 */
export interface EqualRule {
  readonly kind: 'equal';
  readonly actual: Expr;
  readonly target: Expr;
  readonly tolerance?: Num;
}

/** 区间（档次）。One band: an interval with explicit bounds, giving points or a fraction of the weight. */
export interface Band {
  /** 下限（缺省为 −∞）。Lower bound; absent means unbounded. */
  readonly min?: Num;
  /** 上限（缺省为 +∞）。Upper bound; absent means unbounded. */
  readonly max?: Num;
  /** 是否含下限，缺省 true。Lower bound inclusive, default true. */
  readonly minInclusive?: boolean;
  /** 是否含上限，缺省 false。Upper bound inclusive, default false. */
  readonly maxInclusive?: boolean;
  /** 得分（分）。Points awarded (exactly one of `points`, `fraction`). */
  readonly points?: Num;
  /** 得分占分值的比例。Fraction of the weight awarded. */
  readonly fraction?: Num;
  /** 档次名称。Label of the band. */
  readonly label?: string;
}

/** 区间计分（单边或双边 ±）。Step bands, one-sided, or two-sided with `absolute: true` (±10%). */
export interface BandsRule {
  readonly kind: 'bands';
  readonly value: Expr;
  /** 取绝对值后比较（双边区间）。Compare |value| (two-sided bands). */
  readonly absolute?: boolean;
  readonly bands: readonly Band[];
}

/**
 * 按步长扣分（每超过/低于 X 扣 Y 分，扣完为止）。Linear deduction per step.
 * `steps`: `completed` counts whole steps only (floor), `started` counts a started step as whole (ceil),
 * `proportional` deducts pro rata.
 */
export interface StepDeductionRule {
  readonly kind: 'step-deduction';
  readonly value: Expr;
  /** `above`: 超过阈值扣分；`below`: 低于阈值扣分。 */
  readonly direction: 'above' | 'below';
  readonly threshold: Num;
  readonly step: Num;
  readonly points: Num;
  readonly steps: 'completed' | 'started' | 'proportional';
}

/**
 * 分段线性（含惩罚系数）。Piecewise linear: points `[x, fraction]` with increasing x, linear between them,
 * constant beyond the ends. `(1 − 10 × r) × w, 0 if r > 0.1` is `[[0, 1], [0.1, 0]]`.
 */
export interface PiecewiseRule {
  readonly kind: 'piecewise';
  readonly value: Expr;
  readonly points: readonly (readonly [Num, Num])[];
}

/** 是否型/比较型：条件成立得 `points`（缺省满分），否则 `otherwise`（缺省 0）。Binary / comparison. */
export interface BinaryRule {
  readonly kind: 'binary';
  readonly when: Condition;
  readonly points?: Num;
  readonly otherwise?: Num;
}

/** 检查项。One check point of a checklist. */
export interface Check {
  readonly id: string;
  readonly name: string;
  readonly points: Num;
}

/** 清单计分：各检查项分值之和等于分值。Checklist: named checks whose points sum to the weight. */
export interface ChecklistRule {
  readonly kind: 'checklist';
  /** `checks` 类型输入的名称，缺省为指标 id。Input name (type `checks`), default the indicator id. */
  readonly input?: string;
  readonly checks: readonly Check[];
}

/**
 * 定性档次。A qualitative tier: the closed range [min, max] of the weight, as fractions. Neighbouring tiers share
 * their boundary (0.8 of the weight fits 达成 and 部分达成 alike): the evaluator's choice of tier decides.
 */
export interface Tier {
  readonly id: string;
  readonly name: string;
  readonly min: Num;
  readonly max: Num;
}

/** 定性分档：评价人选择档次并在档次范围内打分。Qualitative tiers; the evaluator picks a tier and a score in it. */
export interface TiersRule {
  readonly kind: 'tiers';
  /** `tier` 类型输入的名称，缺省为指标 id。Input name (type `tier`), default the indicator id. */
  readonly input?: string;
  readonly tiers: readonly Tier[];
}

/** 个数比率：达成数 ÷ 设定数 × w。Count ratio: met ÷ set × w. */
export interface CountRatioRule {
  readonly kind: 'count-ratio';
  readonly met: Expr;
  readonly total: Expr;
}

/** 按次扣分：w − n × p，扣完为止。Per-occurrence deduction inside an indicator, floor 0. */
export interface PerOccurrenceRule {
  readonly kind: 'per-occurrence';
  readonly count: Expr;
  readonly points: Num;
}

/** 评价人打分 [0, w]，可限定步长（0.5）。Evaluator's manual score in [0, w], optionally on a step. */
export interface ManualRule {
  readonly kind: 'manual';
  /** `score` 类型输入的名称，缺省为指标 id。Input name (type `score`), default the indicator id. */
  readonly input?: string;
  readonly step?: Num;
}

/** 二者择其一：取第一个输入齐全的规则。Either-or: the first alternative whose inputs are all present. */
export interface EitherRule {
  readonly kind: 'either';
  readonly alternatives: readonly Rule[];
}

/** 计分规则（按 `kind` 区分）。A scoring rule, discriminated on `kind`. */
export type Rule =
  | RatioRule
  | LowerIsBetterRule
  | EqualRule
  | BandsRule
  | StepDeductionRule
  | PiecewiseRule
  | BinaryRule
  | ChecklistRule
  | TiersRule
  | CountRatioRule
  | PerOccurrenceRule
  | ManualRule
  | EitherRule;

/** 规则类型名。The `kind` of a rule. */
export type RuleKind = Rule['kind'];

/**
 * 不适用处理方式。What happens to the weight of a not-applicable indicator:
 * - `rescale`: removed; the whole framework is rescaled to its total (适用分值折算);
 * - `redistribute`: given to the applicable siblings in proportion to their weights;
 * - `transfer`: given to the node named in `to` (满意度 → 效益);
 * - `full`: counted as full marks; `zero`: counted as 0.
 */
export type NotApplicablePolicy =
  | { readonly policy: 'rescale' | 'redistribute' | 'full' | 'zero' }
  | { readonly policy: 'transfer'; readonly to: string };

/** 规则修饰条件。Modifiers of a leaf: conditions checked before its rule, in this order. */
export interface Modifiers {
  /** 条件成立则不适用。Not applicable if this holds. */
  readonly notApplicable?: Condition;
  /** 条件成立则得 0 分（如"未设置绩效目标，该栏不得分"）。Zero if this holds. */
  readonly zero?: Condition;
  /** 条件成立则得满分（如"无项目的按满分计算"）。Full marks if this holds. */
  readonly full?: Condition;
}

interface IndicatorBase {
  /** 稳定标识。Stable id, unique in the framework. */
  readonly id: string;
  /** 指标名称。Chinese name. */
  readonly name: string;
  /** 分值。Weight (maximum points). */
  readonly weight: Num;
  /** 指标解释。Explanation. */
  readonly explanation?: string;
  /** 评分标准（原文）。Criteria, as written in the source. */
  readonly criteria?: string;
  /** 定量 / 定性。Quantitative or qualitative. */
  readonly nature?: 'quantitative' | 'qualitative';
  /** 本节点及其下级的不适用处理方式。NA policy for this node and below (overrides the framework's). */
  readonly notApplicable?: NotApplicablePolicy;
}

/** 上级指标（有下级）。A branch indicator: its children's weights sum to its weight. */
export interface BranchIndicator extends IndicatorBase {
  readonly children: readonly Indicator[];
  /** 整个分支的不适用条件（满分/不得分条件只用于末级指标）。Not-applicable condition of the whole branch. */
  readonly when?: Pick<Modifiers, 'notApplicable'>;
}

/** 末级指标（带规则）。A leaf indicator with its rule. */
export interface LeafIndicator extends IndicatorBase {
  readonly rule: Rule;
  readonly when?: Modifiers;
}

/** 指标节点。An indicator node. */
export type Indicator = BranchIndicator | LeafIndicator;

/** 扣分项（在 100 分之外扣减，设上限）。Deduction item outside the tree, capped at `max`. */
export interface DeductionItem {
  readonly kind: 'deduction';
  readonly id: string;
  readonly name: string;
  readonly max: Num;
  /** 扣分数（表达式）。Points to deduct. */
  readonly amount: Expr;
  readonly criteria?: string;
}

/** 加分项（设上限）。Bonus item outside the tree, capped at `max`. */
export interface BonusItem {
  readonly kind: 'bonus';
  readonly id: string;
  readonly name: string;
  readonly max: Num;
  readonly amount: Expr;
  readonly criteria?: string;
}

/** 一票否决：条件成立时按配置降为最低等级和/或总分归零。Veto. */
export interface VetoItem {
  readonly kind: 'veto';
  readonly id: string;
  readonly name: string;
  readonly when: Condition;
  readonly effect: 'lowest-grade' | 'zero-total' | 'both';
  readonly criteria?: string;
}

/** 指标体系之外的调整项。An adjustment outside the weighted tree. */
export type Adjustment = DeductionItem | BonusItem | VetoItem;

/** 等级。A grade band: [min, max), the top band includes the total. `max` is optional and checked. */
export interface GradeBand {
  readonly label: string;
  readonly min: Num;
  readonly max?: Num;
}

/** 计算选项。Options of computation. */
export interface FrameworkOptions {
  /** 小数位数，缺省 2。Decimal places of scores, default 2. */
  readonly precision?: number;
  /** 舍入方式，缺省 half-up。Rounding mode, default half-up. */
  readonly rounding?: RoundingMode;
  /** 舍入位置，缺省 leaf。Where rounding happens, default leaf. */
  readonly roundAt?: RoundAt;
  /** 不适用的缺省处理，缺省 rescale。Default NA policy, default rescale. */
  readonly notApplicable?: NotApplicablePolicy;
  /** 加分后总分可否超过满分，缺省 false。May bonuses lift the total above the maximum? Default false. */
  readonly bonusAboveTotal?: boolean;
}

/** 指标体系定义。A framework definition. */
export interface FrameworkDefinition {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  readonly scope: Scope;
  /** 地区（省/市/县）。Region. */
  readonly region?: string;
  /** 依据文件（如 财预〔2020〕10号）。Issuing document. */
  readonly document?: string;
  readonly year?: number;
  /** 满分，通常 100。Total points, usually 100. */
  readonly total: Num;
  /** 输入声明。Declared inputs, by name. */
  readonly inputs?: { readonly [name: string]: InputDeclaration };
  /** 一级指标。Level-1 indicators. */
  readonly indicators: readonly Indicator[];
  readonly adjustments?: readonly Adjustment[];
  /** 等级（从高到低或任意顺序）。Grade bands. */
  readonly grades: readonly GradeBand[];
  readonly options?: FrameworkOptions;
  /** 备注。Free notes (source, caveats). */
  readonly notes?: string;
}

/** 定性评价输入。An evaluator's tier choice. */
export interface TierInput {
  readonly tier: string;
  readonly score: Num;
}

/** 一个输入值。One input value as found in documents: numbers, strings such as "95.47%" or "11,429.51". */
export type InputValue = Num | boolean | TierInput | { readonly [checkId: string]: boolean } | null;

/** 一次评价的输入。The inputs of one evaluation. */
export interface EvaluationInputs {
  /** 按输入名称给值；`null` 表示明确缺失。Values by input name; `null` marks an input as missing. */
  readonly values: { readonly [name: string]: InputValue };
  /** 本次不适用的指标 id。Indicator ids not applicable this time. */
  readonly notApplicable?: readonly string[];
}
