/**
 * 项目支出绩效自评表（绩效目标表）的数据类型。The self-evaluation document: a project's budget block and target
 * table as printed on the form, texts as written. Plain, JSON/YAML-serialisable data.
 */
import type { Num } from '../expr/types.js';

/** 项目基本信息。Project facts printed at the top of the form. */
export interface ProjectFacts {
  /** 项目名称。Project name. */
  readonly name: string;
  /** 主管部门。Supervising department. */
  readonly department?: string;
  /** 实施单位。Implementing unit. */
  readonly unit?: string;
  /** 年度（整数）。Year. */
  readonly year?: number;
  /** 项目资金（万元）。Fund amount, in 万元. */
  readonly fund?: Num;
}

/** 预算执行的一行（金额，万元）。One row of the budget block, amounts in 万元. */
export interface BudgetRow {
  /** 年初预算数。Initial budget. */
  readonly initial?: Num;
  /** 全年预算数（调整后预算数，A）。Annual (adjusted) budget, A. */
  readonly annual?: Num;
  /** 全年执行数（B）。Executed, B. */
  readonly executed?: Num;
  /** 表上所填得分（复核用）。Score printed on the form, for review. */
  readonly claimed?: Num;
}

/** 预算执行情况。The budget block: the total row and optional sub-rows. */
export interface BudgetBlock extends BudgetRow {
  /** 其中：本年财政拨款。Of which: this year's fiscal appropriation. */
  readonly appropriation?: BudgetRow;
  /** 其中：上年结转资金。Of which: carried over from last year. */
  readonly carryover?: BudgetRow;
  /** 其中：其他资金。Of which: other funds. */
  readonly other?: BudgetRow;
}

/** 绩效目标表的一行（三级指标）。A row of the target table (a level-3 indicator). */
export interface TargetRow {
  /** 一级指标（产出指标、效益指标、满意度指标…）。Level-1 category as printed. */
  readonly level1: string;
  /** 二级指标（数量指标、质量指标…；"/" 或空白表示未设置）。Level-2 category; "/" or blank means not set. */
  readonly level2?: string;
  /** 三级指标名称。The indicator's name. */
  readonly name?: string;
  /** 年度指标值（原文，如 "≥95%"）。Target as printed ("≥95%"); or give `nature` + `value` + `unit` (Sichuan). */
  readonly target?: string | number;
  /** 指标性质（四川表：≥ ≤ = 定性）。Comparator column of Sichuan forms: ≥, ≤, =, or 定性. */
  readonly nature?: string;
  /** 指标值（四川表）。Value column of Sichuan forms. */
  readonly value?: string | number;
  /** 度量单位（四川表）。Unit column of Sichuan forms. */
  readonly unit?: string;
  /** 实际完成值（原文，如 "98%"、"达成预期指标"）。Actual as printed. */
  readonly actual?: string | number;
  /** 分值（权重）；不填时由模板在该级内精确分配。Weight; when absent the template splits the level's points exactly. */
  readonly weight?: Num;
  /** 表上所填得分（定性行作为评价人打分）。Score printed on the form; for a qualitative row it is the evaluator's score. */
  readonly claimed?: Num;
  /** 偏差原因分析及改进措施。Deviation reason and measures. */
  readonly reason?: string;
}

/** 年度绩效目标（湖北等表一个项目可有多个）。An annual target with its rows; Hubei forms have several. */
export interface AnnualTarget {
  /** 名称（如 "年度绩效目标1"）。Name. */
  readonly name?: string;
  /** 预期目标（文字）。Expected outcome, as text. */
  readonly expected?: string;
  /** 实际完成情况（文字）。What was achieved, as text. */
  readonly achieved?: string;
  /** 本目标的分值（多目标时）。Points of this target, with several targets. */
  readonly points?: Num;
  /** 本目标的资金额度（万元，按资金加权汇总时用）。Fund amount, for fund-weighted aggregation. */
  readonly fund?: Num;
  /** 表上所填本目标得分（复核用）。Score of this target printed on the form, for review. */
  readonly claimed?: Num;
  /** 指标行。Its rows. */
  readonly rows: readonly TargetRow[];
}

/**
 * 所用模板：模板 id（可写作 template:<id>），或 id 加选项。The template: its id (also written `template:<id>`), or its
 * id with options.
 */
export type TemplateRef =
  | string
  | {
      /** 模板 id。Template id. */
      readonly id: string;
      /** 模板选项（覆盖模板缺省值）。Options overriding the template's defaults. */
      readonly options?: TemplateOptions;
    };

/** 可由自评表选择的模板选项。Template options a document may choose. */
export interface TemplateOptions {
  /** 反向指标计分方式。Formula of reverse (≤) targets. */
  readonly reverse?: 'inverse' | 'linear-to-double' | 'met-or-not';
  /** 超额完成复核提示的比率（如 1.2）。Completion ratio from which over-completion is flagged for review. */
  readonly reviewAt?: Num;
}

/**
 * 项目支出绩效自评表。A project self-evaluation: the template, the project, the budget block and the target
 * table, as printed. Give either `rows` (one annual target) or `targets`.
 */
export interface SelfEvaluation {
  /** 文档格式。Document format marker. */
  readonly format?: 'jixiao.self-evaluation/1';
  /** 所用模板。The template. */
  readonly template: TemplateRef;
  /** 项目信息。Project facts. */
  readonly project: ProjectFacts;
  /** 预算执行情况。Budget block. */
  readonly budget: BudgetBlock;
  /** 年度总体目标（文字）。Overall annual target, as text. */
  readonly expected?: string;
  /** 总体完成情况（文字）。Overall achievement, as text. */
  readonly achieved?: string;
  /** 指标行（单一年度目标）。Rows, for a single annual target. */
  readonly rows?: readonly TargetRow[];
  /** 多个年度绩效目标。Several annual targets. */
  readonly targets?: readonly AnnualTarget[];
  /**
   * 表上各一级指标的分值与得分小计（复核用，可只填部分）。The level-1 subtotals printed on the form (weight and score
   * per 一级指标), for review; any may be left out.
   */
  readonly levels?: readonly ClaimedLevel[];
  /** 表上所填总分（复核用）。Total printed on the form. */
  readonly claimedTotal?: Num;
  /** 表上所填等级（复核用）。Grade printed on the form. */
  readonly claimedGrade?: string;
  /** 报告正文所述总分（复核用，与表上总分对照）。Total stated in the report's prose, checked against the table's. */
  readonly statedTotal?: Num;
}

/** 表上一个一级指标的小计（复核用）。A level-1 subtotal printed on the form, for review. */
export interface ClaimedLevel {
  /** 一级指标（与指标行的 level1 相同写法）。Level 1, written as in the rows' `level1`. */
  readonly level1: string;
  /** 表上所填该级分值。Weight printed for the level. */
  readonly weight?: Num;
  /** 表上所填该级得分。Score printed for the level. */
  readonly claimed?: Num;
}
