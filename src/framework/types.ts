/**
 * 指标体系定义的类型（纯数据，可 JSON/YAML 序列化）。
 * Types of a framework definition: plain, JSON/YAML-serialisable data.
 *
 * Every number may be written as a JS number or as a decimal string ("2.5", "30%"), so that
 * definitions keep the exact figures of the source document.
 */
import type { RoundingMode } from '../calc/rounding.js';
import type { InputType } from '../expr/ParseContext.js';
import type { Condition, Expr, Num } from '../expr/types.js';
import type { Rule } from '../rules/registry.js';

export type { RoundingMode, InputType, Condition, Expr, Num, Rule };

/** 评价范围。Scope of a framework. */
export type Scope = 'project' | 'department-overall' | 'other';

/**
 * 舍入位置。Where rounding happens:
 * - `leaf`: each leaf score is rounded to `precision`; parents are exact sums of their children (default);
 * - `total`: nothing is rounded but the final total.
 */
export type RoundAt = 'leaf' | 'total';

/**
 * 输入声明。Declaration of a named input; its type decides how values are read, never guessed:
 * - `number`: a plain number (amounts, counts); a `%` sign is rejected;
 * - `percent`: a number in percent units: `95.47`, `"95.47%"` both mean 0.9547;
 * - `fraction`: a number in fraction units: `0.9547`; `"95.47%"` is also accepted (the sign is explicit);
 * - `boolean`: yes/no (`true`, `false`, `"是"`, `"否"`, `"有"`, `"无"`);
 * - `score`: an evaluator's score (used by `manual` rules);
 * - `tier`: an evaluator's tier choice and score, `{ tier, score }` (used by `tiers` rules);
 * - `checks`: a record of check id → passed (used by `checklist` rules).
 */
export interface InputDeclaration {
  /** 类型。The type. */
  readonly type: InputType;
  /** 中文名称（用于说明文字）。Chinese name, used in explanations. */
  readonly name?: string;
  /** 计量单位（如 "万元"）；输入值可带该后缀，说明文字按它显示。Unit; a value may carry it as a suffix. */
  readonly unit?: string;
}

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
  /** 档次 id（如 "achieved"）。The tier's id. */
  readonly tier: string;
  /** 评价人在档内给的分数；缺少时该指标报 missing-field。The score in the tier; required for scoring. */
  readonly score?: Num;
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
