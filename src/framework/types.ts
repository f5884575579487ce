/**
 * 指标体系定义的类型（纯数据，可 JSON/YAML 序列化）。
 * Types of a framework definition: plain, JSON/YAML-serialisable data. `validateFramework` / `defineFramework`
 * check a definition and return it as a frozen `Framework` value (see docs/concepts.md).
 *
 * Every number may be written as a JS number or as a decimal string ("2.5", "30%" is 0.3), so that
 * definitions keep the exact figures of the source document. Numbers are read exactly, within `NUMBER_LIMITS`
 * (`number-out-of-range` beyond them).
 */
import type { RoundingMode } from '../calc/rounding.js';
import type { InputType } from '../expr/ParseContext.js';
import type { Condition, Expr, Num } from '../expr/types.js';
import type { Rule } from '../rules/registry.js';

export type { RoundingMode, InputType, Condition, Expr, Num, Rule };

/**
 * 评价范围（必填）。Scope of a framework, required (`missing-field` when absent):
 * - `project`: 项目支出 a project's spending;
 * - `department-overall`: 部门整体支出 a department's overall spending;
 * - `other`: anything else.
 */
export type Scope = 'project' | 'department-overall' | 'other';

/**
 * 舍入位置。Where rounding happens:
 * - `leaf`: each leaf score (and each deduction or bonus) is rounded to `precision`; parents are exact sums of
 *   their children, so every shown level reconciles (default);
 * - `total`: nothing is rounded but the final total; node scores stay exact.
 */
export type RoundAt = 'leaf' | 'total';

/**
 * 输入声明。Declaration of a named input; its type decides how values are read, never guessed:
 * - `number`: a plain number (amounts, counts); a `%` sign is rejected (`unexpected-percent`);
 * - `percent`: a number in percent units: `95.47`, `"95.47%"` both mean 0.9547;
 * - `fraction`: a number in fraction units: `0.9547`; `"95.47%"` is also accepted (the sign is explicit);
 * - `boolean`: yes/no (`true`/`false`, `"是"`/`"否"`, `"有"`/`"无"`, `"yes"`/`"no"`, `"y"`/`"n"`, `1`/`0`, in any
 *   case, full-width too; anything else is `invalid-boolean`);
 * - `score`: an evaluator's score (used by `manual` rules); a `%` sign is rejected;
 * - `tier`: an evaluator's tier choice and score, `{ tier, score }` (used by `tiers` rules);
 * - `checks`: a record of check id → passed, each a yes/no value as for `boolean` (used by `checklist` rules).
 * `manual`, `tiers` and `checklist` rules declare the input they read (named after the leaf) when it is not
 * declared here; declaring it with another type is `input-type-mismatch`.
 */
export interface InputDeclaration {
  /** 类型。The type. */
  readonly type: InputType;
  /** 中文名称（用于说明文字）。Chinese name, used in explanations. */
  readonly name?: string;
  /**
   * 计量单位（如 "万元"）；输入值可带该后缀，说明文字按它显示。Unit, such as "万元": a value may carry it as a
   * suffix ("58.22万元"), which is stripped, never converted (another unit is `invalid-number`); explanations show
   * values of this input with it. A quotient of two inputs with the same unit is shown as a percentage.
   */
  readonly unit?: string;
}

/**
 * 不适用处理方式。What happens to the weight of a not-applicable indicator:
 * - `rescale`: removed; the whole framework is rescaled to its total (适用分值折算);
 * - `redistribute`: given to the applicable siblings in proportion to their weights;
 * - `transfer`: given to the node named in `to` (满意度 → 效益); `rescale` when that node is not applicable too;
 * - `full`: counted as full marks; `zero`: counted as 0.
 * Effective weights are split on the grid of the precision by largest remainder; equal remainders go to the
 * smaller id, so the order of siblings never changes a score.
 */
export type NotApplicablePolicy =
  | {
      /** 处理方式（见上）。How the weight is handled: `rescale`, `redistribute`, `full` or `zero` (see above). */
      readonly policy: 'rescale' | 'redistribute' | 'full' | 'zero'
    }
  | {
      /** 转移给指定节点。Give the weight to the node named in `to`. */
      readonly policy: 'transfer';
      /**
       * 接收分值的指标 id（须存在、不是自身、分值不为 0）。Id of the indicator that receives the weight: an existing
       * indicator (`unknown-node` otherwise), not this one, not of weight 0 (`invalid-option`).
       */
      readonly to: string
    };

/**
 * 规则修饰条件。Modifiers of a leaf: conditions checked before its rule, in this order. A condition that cannot
 * be decided for lack of an input leaves the leaf `missing-input` (no points yet), never not applicable; when
 * `zero` or `full` decides, the node's `modifier` says which.
 */
export interface Modifiers {
  /** 条件成立则不适用。Not applicable if this holds. */
  readonly notApplicable?: Condition;
  /** 条件成立则得 0 分（如"未设置绩效目标，该栏不得分"）。Zero if this holds. */
  readonly zero?: Condition;
  /** 条件成立则得满分（如"无项目的按满分计算"）。Full marks if this holds. */
  readonly full?: Condition;
}

interface IndicatorBase {
  /** 稳定标识。Stable id, unique in the framework; adjustments share the namespace (`duplicate-id`). */
  readonly id: string;
  /** 指标名称。Chinese name. */
  readonly name: string;
  /** 分值。Weight (maximum points): not negative, with no more decimals than the precision. */
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

/**
 * 上级指标（有下级）。A branch indicator: its children's weights sum exactly to its weight
 * (`weight-sum-mismatch`). Its score is the exact sum of its children's; the tree is at most
 * `LIMITS.treeDepth` deep.
 */
export interface BranchIndicator extends IndicatorBase {
  /**
   * 下级指标（至少一个），分值之和等于本指标分值；同时有 rule 报 branch-with-rule。Child indicators, at least one
   * (an empty list without a rule is `leaf-without-rule`); a node with both children and a rule is `branch-with-rule`.
   */
  readonly children: readonly Indicator[];
  /**
   * 整个分支的不适用条件（满分/不得分条件只用于末级指标，写在分支上报 invalid-option）。Not-applicable condition
   * of the whole branch; full/zero conditions are for leaves only (`invalid-option` on a branch).
   */
  readonly when?: Pick<Modifiers, 'notApplicable'>;
}

/** 末级指标（带规则）。A leaf indicator with its rule (docs/rules.md); its score is clamped to [0, weight]. */
export interface LeafIndicator extends IndicatorBase {
  /** 计分规则（按 `kind` 区分，见 docs/rules.md）。The scoring rule, by `kind` (docs/rules.md). */
  readonly rule: Rule;
  /** 不适用、不得分、满分条件（先于规则检查）。Not-applicable, zero and full-marks conditions, checked before the rule. */
  readonly when?: Modifiers;
}

/** 指标节点。An indicator node. */
export type Indicator = BranchIndicator | LeafIndicator;

/**
 * 扣分项（在 100 分之外扣减，设上限）。Deduction item outside the tree. An amount above `max` is capped
 * (`adjustment-capped` warning); a negative amount is a fault (`negative-amount`) that applies nothing and leaves
 * the sheet incomplete, as does a missing or invalid input.
 */
export interface DeductionItem {
  /** 调整项类型：扣分项。Adjustment kind: a deduction. */
  readonly kind: 'deduction';
  /** 标识（与指标共用命名空间）。Id, in the indicators' namespace. */
  readonly id: string;
  /** 名称（用于说明与失分明细）。Name, shown in explanations and lost points. */
  readonly name: string;
  /** 上限（不能为负）。Cap, not negative. */
  readonly max: Num;
  /** 扣分数（表达式），`roundAt: 'leaf'` 时按精度舍入。Points to deduct; rounded at the precision with `roundAt: 'leaf'`. */
  readonly amount: Expr;
  /** 扣分标准（原文）。Criteria, as written in the source. */
  readonly criteria?: string;
}

/**
 * 加分项（设上限）。Bonus item outside the tree, capped at `max` like a deduction. The total stays within the
 * maximum unless `options.bonusAboveTotal` is true.
 */
export interface BonusItem {
  /** 调整项类型：加分项。Adjustment kind: a bonus. */
  readonly kind: 'bonus';
  /** 标识（与指标共用命名空间）。Id, in the indicators' namespace. */
  readonly id: string;
  /** 名称（用于说明）。Name, shown in explanations. */
  readonly name: string;
  /** 上限（不能为负）。Cap, not negative. */
  readonly max: Num;
  /** 加分数（表达式），`roundAt: 'leaf'` 时按精度舍入。Points to add; rounded at the precision with `roundAt: 'leaf'`. */
  readonly amount: Expr;
  /** 加分标准（原文）。Criteria, as written in the source. */
  readonly criteria?: string;
}

/** 一票否决：条件成立时按配置降为最低等级和/或总分归零。Veto: fires when `when` holds (not when undecided). */
export interface VetoItem {
  /** 调整项类型：一票否决。Adjustment kind: a veto. */
  readonly kind: 'veto';
  /** 标识（与指标共用命名空间）。Id, in the indicators' namespace. */
  readonly id: string;
  /** 名称（用于说明与失分明细）。Name, shown in explanations and lost points. */
  readonly name: string;
  /**
   * 否决条件：成立时触发；缺少输入无法判断时不触发，打分表不完整。The condition that fires the veto; when it cannot
   * be decided (missing or invalid input, a fault) the veto does not fire, its status says why and the sheet is incomplete.
   */
  readonly when: Condition;
  /**
   * `lowest-grade`: the lowest grade, total unchanged; `zero-total`: total 0, scored nodes marked `vetoed`;
   * `both`: both.
   */
  readonly effect: 'lowest-grade' | 'zero-total' | 'both';
  /** 否决标准（原文）。Criteria, as written in the source. */
  readonly criteria?: string;
}

/** 指标体系之外的调整项。An adjustment outside the weighted tree. */
export type Adjustment = DeductionItem | BonusItem | VetoItem;

/**
 * 等级。A grade band: [min, next band's min), the top band includes the total. `max` is optional and checked;
 * the lowest band starts at 0 and bands leave no gap and do not overlap. Labels are unique.
 */
export interface GradeBand {
  /** 等级名称（如 "优"），不能重复。Label, such as "优"; unique in the scale (`duplicate-id`). */
  readonly label: string;
  /**
   * 下限（分，含）：最低等级为 0，不为负、不超过满分、小数位不多于精度。Lower bound in points, included: 0 for the
   * lowest band; not negative, not above the total, with no more decimals than the precision.
   */
  readonly min: Num;
  /**
   * 上限（分，可选，仅用于核对）：须等于上一等级的下限，最高等级须等于满分。Upper bound in points, optional and only
   * checked: it must equal the next band's `min`, or the total for the top band (`grade-scale-gap`, `grade-scale-overlap`).
   */
  readonly max?: Num;
}

/** 计算选项。Options of computation. */
export interface FrameworkOptions {
  /** 小数位数，缺省 2，取值 0–10，不少于分值的小数位。Decimal places of scores, 0 to 10, default 2; not fewer than the weights have. */
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

/** 指标体系定义。A framework definition. Objects are strict: a misspelt field is `unknown-key`. */
export interface FrameworkDefinition {
  /** 标识。Id of the framework. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 版本（显示在打分表中）。Version, carried to the sheet's `framework`. */
  readonly version?: string;
  /** 评价范围（必填）：项目支出、部门整体支出或其他。Scope, required: `project`, `department-overall` or `other`. */
  readonly scope: Scope;
  /** 地区（省/市/县）。Region. */
  readonly region?: string;
  /** 依据文件（如 财预〔2020〕10号）。Issuing document. */
  readonly document?: string;
  /** 年度（整数）。Year, an integer. */
  readonly year?: number;
  /** 满分，通常 100，须大于 0；一级指标分值之和须等于它。Total points, usually 100; above 0, and level-1 weights sum to it. */
  readonly total: Num;
  /** 输入声明。Declared inputs, by name. */
  readonly inputs?: { readonly [name: string]: InputDeclaration };
  /** 一级指标。Level-1 indicators. */
  readonly indicators: readonly Indicator[];
  /** 调整项：扣分项、加分项、一票否决。Deductions, bonuses and vetoes, outside the weighted tree. */
  readonly adjustments?: readonly Adjustment[];
  /** 等级（从高到低或任意顺序）。Grade bands. */
  readonly grades: readonly GradeBand[];
  /**
   * 计算选项：精度、舍入、不适用处理、加分能否超过满分。Options of computation; `evaluate`'s options override
   * `precision`, `rounding` and `roundAt`.
   */
  readonly options?: FrameworkOptions;
  /** 备注。Free notes (source, caveats). */
  readonly notes?: string;
  /**
   * 派生来源：由 `extendFramework` 从哪个指标体系改出（id 与内容指纹），打分表照录，便于复核存档的得分。The framework
   * this one was derived from by `extendFramework` (its id and hash), carried to the sheet so that an archived
   * score can be re-verified.
   */
  readonly base?: {
    /** 基础指标体系的 id。Id of the base framework. */
    readonly id: string;
    /** 基础指标体系的内容指纹。Content hash of the base framework. */
    readonly hash: string;
  };
}

/** 定性评价输入。An evaluator's tier choice. */
export interface TierInput {
  /** 档次 id（如 "achieved"）；规则中没有的档次报 unknown-tier。The tier's id; one the rule lacks is `unknown-tier`. */
  readonly tier: string;
  /**
   * 评价人在档内给的分数；缺少时该指标报 missing-field（状态 invalid-input）；超出档次范围时按最近的一端计并提示。
   * The score in the tier, required for scoring (`missing-field`, status `invalid-input`, without it); outside
   * the tier it is moved to the nearer end, with a `tier-score-clamped` warning.
   */
  readonly score?: Num;
}

/** 一个输入值。One input value as found in documents: numbers, strings such as "95.47%" or "11,429.51". */
export type InputValue = Num | boolean | TierInput | { readonly [checkId: string]: boolean | string } | null;

/**
 * 一次评价的输入。The inputs of one evaluation. A missing, invalid or faulty value affects only the indicators
 * that read it: the sheet is still made, incomplete (see `ScoreSheet.complete`).
 */
export interface EvaluationInputs {
  /**
   * 按输入名称给值；`null` 表示明确缺失；未声明的名称报 unknown-input。Values by input name; `null` marks an input
   * as missing; an undeclared name is `unknown-input`, never dropped silently.
   */
  readonly values: { readonly [name: string]: InputValue };
  /** 本次不适用的指标 id；未知的 id 报 unknown-indicator。Indicator ids not applicable this time (`unknown-indicator` for an unknown id). */
  readonly notApplicable?: readonly string[];
}
