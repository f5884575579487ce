/**
 * 自评模板（数据，不是代码路径）。A self-evaluation template as data: how a national or provincial form turns
 * its budget block and target table into scores. Each field is one of the ways real templates differ
 * (see docs/self-evaluation.md); `scoreSelfEvaluation` builds a framework from a template and a document and
 * scores it with the core engine.
 */
import type { RoundingMode } from '../calc/rounding.js';
import type { Num } from '../expr/types.js';
import type { GradeBand } from '../framework/types.js';
import type { Rule } from '../rules/registry.js';
import type { ActualTier } from './targetText.js';

/** 出处。Where a template or preset comes from: document title, issuer and date. */
export interface SourceRef {
  /** 文件或表格标题（如《项目支出绩效评价管理办法》）。Title of the document or form. */
  readonly title: string;
  /** 发文机关或发布者。Issuer. */
  readonly issuer?: string;
  /** 文号（如 财预〔2020〕10号）。Document number. */
  readonly number?: string;
  /** 日期（YYYY 或 YYYY-MM-DD）。Date. */
  readonly date?: string;
}

/** 一级指标类别及其分值。A level-1 category of the target table and its default points. */
export interface LevelRule {
  /** 标识（如 "output"）。Id, such as `output`. */
  readonly id: string;
  /** 名称（如 "产出指标"）。Name as printed, such as 产出指标. */
  readonly name: string;
  /** 识别词：一级指标文字含其中之一即归入本类（如 "产出"）。Words that identify the category in a row's level-1 text. */
  readonly match: readonly string[];
  /**
   * 缺省分值（各行未填分值时按它分配）；模板未规定一级指标分值时不填：此时未填分值的行平分“总分 − 预算执行分值”
   * 中表上未分配的部分。Default points, split over the category's rows that give no weight. Leave it out when the
   * template does not split its target points by category (give it for all categories or for none): rows without
   * a weight then share whatever the form's weighted rows leave of `total` − the budget weight.
   */
  readonly points?: Num;
  /**
   * 本类没有任何指标行时，分值转给哪一类（如满意度 → 效益，国家做法）；不填则该类分值从总分中去掉（按适用分值折算）。
   * When the table has no row of this category, the category whose points grow by this one's (满意度 → 效益);
   * without it the points are dropped and the total rescaled.
   */
  readonly whenAbsent?: {
    /** 接收分值的类别 id。Id of the category that receives the points. */
    readonly to: string;
  };
}

/** 定性档次。A qualitative tier of the template, as fractions of the row's weight. */
export interface TemplateTier {
  /** 档次（由实际完成值的文字选定）。The tier, chosen by the words of the actual. */
  readonly id: ActualTier;
  /** 名称（如 "达成年度指标"）。Name as printed. */
  readonly name: string;
  /** 下限（占分值比例）。Lower end, as a fraction of the weight. */
  readonly min: Num;
  /** 上限（占分值比例）。Upper end, as a fraction of the weight. */
  readonly max: Num;
  /**
   * 未填评价人得分时的缺省得分（占分值比例，须在档内）。Fraction of the weight given when the form has no
   * evaluator's score for the row (a `default-tier-score` notice says so); inside the tier.
   */
  readonly default: Num;
}

/**
 * 特定指标行的计分规则（如江西 满意度、成本控制率）。A rule for the rows a template names: any core rule, reading the
 * row's actual as input `actual` and its target as input `target` (percentages as fractions).
 */
export interface RowRule {
  /** 适用行：一级指标类别和/或名称包含的文字。Which rows: by level-1 category id and/or words in the name. */
  readonly match: {
    /** 一级指标类别 id。Level-1 category id. */
    readonly level?: string;
    /** 名称包含的文字（任一）。Words, any of which the row's name contains. */
    readonly name?: readonly string[];
  };
  /** 计分规则（读取输入 actual、target）。The rule, reading inputs `actual` and `target`. */
  readonly rule: Rule;
  /** 评分标准原文。Criteria as written. */
  readonly criteria: string;
}

/** 自评模板定义。A template definition. */
export interface TemplateDefinition {
  /** 标识（如 national-project-2020）。Id. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 地区（"全国" 或省份）。Region: 全国 or a province. */
  readonly region: string;
  /** 年度。Year of the template. */
  readonly year?: number;
  /** 出处。Source. */
  readonly source: SourceRef;
  /** 满分，通常 100。Total points, usually 100. */
  readonly total: Num;
  /** 预算执行率一行。The budget execution line. */
  readonly budget: {
    /** 分值（国家 10、湖北 20）。Weight. */
    readonly weight: Num;
    /** 分母：全年（调整后）预算数或年初预算数。Denominator: the annual (adjusted) budget or the initial one. */
    readonly denominator: 'annual' | 'initial';
  };
  /** 一级指标类别（产出、效益、满意度…）。Level-1 categories; their points sum to `total` − budget weight. */
  readonly levels: readonly LevelRule[];
  /** 等于型目标：同正向（完成率封顶）或达到即满分、否则 0。Equality targets: like positive, or met-or-not. */
  readonly equal: 'like-positive' | 'met-or-not';
  /** 反向（≤）目标：A/B × 分值、线性至两倍目标为 0，或达到即满分。Reverse targets' formula. */
  readonly reverse: 'inverse' | 'linear-to-double' | 'met-or-not';
  /** 定性档次（国家 80/60，湖北、江西 80/50）。Qualitative tiers. */
  readonly tiers: readonly TemplateTier[];
  /** 完成率达到该值时提示复核（超额完成，如 1.2）；不扣分。Completion ratio from which a review warning is raised; never a deduction. */
  readonly reviewAt?: Num;
  /**
   * 多个年度目标的汇总：`per-target` 各目标分别计分；`merge` 同名定量指标先汇总完成数再计分（绝对值相加、相对值按资金
   * 加权，湖北）。Several annual targets: scored per target, or merged (Hubei: absolute values summed, relative ones
   * fund-weighted, then scored).
   */
  readonly aggregation: 'per-target' | 'merge';
  /** 特定指标行的规则。Rules for named rows. */
  readonly rowRules?: readonly RowRule[];
  /** 等级。Grade bands. */
  readonly grades: readonly GradeBand[];
  /** 小数位数与舍入（缺省 2 位、四舍五入）。Precision and rounding, default 2 places, half-up. */
  readonly options?: {
    /** 小数位数，缺省 2。Decimal places, default 2. */
    readonly precision?: number;
    /** 舍入方式，缺省 half-up。Rounding mode, default half-up. */
    readonly rounding?: RoundingMode;
  };
  /** 说明（做法出处、未定之处）。Notes: where practice comes from, what is unsettled. */
  readonly notes?: string;
}

/** 模板的精度与舍入（缺省 2 位、half-up）。A template's precision and rounding, with their defaults (2, half-up). */
export const templateRounding = (def: TemplateDefinition): { readonly precision: number; readonly rounding: RoundingMode } => ({
  precision: def.options?.precision ?? 2,
  rounding: def.options?.rounding ?? 'half-up',
});
