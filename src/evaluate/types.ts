import type { RoundingMode } from '../calc/rounding.js';
import type { Issue } from '../errors/issue.js';
import type { RoundAt } from '../framework/types.js';
import type { RuleKind, RuleOutcome } from '../rules/registry.js';

/**
 * 节点状态。Status of a node:
 * - `scored` 已计分;
 * - `not-applicable` 不适用;
 * - `missing-input` 缺少输入（暂不得分）;
 * - `invalid-input` 输入有误（暂不得分），见节点的 `issues`;
 * - `fault` 计算出错（如除数为 0、值不在任何区间内），见节点的 `issues`;
 * - `vetoed` 被一票否决归零;
 * - `incomplete` 上级指标：其下有未能计分的指标.
 */
export type NodeStatus = 'scored' | 'not-applicable' | 'missing-input' | 'invalid-input' | 'fault' | 'vetoed' | 'incomplete';

/** 计算选项（本次评价实际采用的）。The computation options in force for a sheet. */
export interface EffectiveOptions {
  /** 小数位数。Decimal places of scores. */
  readonly precision: number;
  /** 舍入方式。Rounding mode. */
  readonly rounding: RoundingMode;
  /** 舍入位置。Where rounding happens. */
  readonly roundAt: RoundAt;
}

/** 一个节点的得分结果。The result of one node of the score sheet. All amounts are decimal strings. */
export interface NodeResult {
  /** 指标 id。Indicator id. */
  readonly id: string;
  /** 指标名称。Indicator name. */
  readonly name: string;
  /** 层级，一级指标为 1。Depth, level-1 indicators are 1. */
  readonly level: number;
  /** 从一级指标到本节点的名称。Names from level 1 down to this node. */
  readonly path: readonly string[];
  /** 定义的分值。Weight as defined. */
  readonly weight: string;
  /** 有效分值（不适用折算后）。Effective weight after not-applicable handling. */
  readonly effectiveWeight: string;
  /**
   * 得分。Score. Unscored leaves (missing or invalid input, fault) count 0 here; with `roundAt: 'total'` scores
   * are exact (not rounded).
   */
  readonly score: string;
  /** 失分 = 有效分值 − 得分。Lost points. */
  readonly lost: string;
  /** 状态。Status. */
  readonly status: NodeStatus;
  /** 末级指标所用规则。Rule kind (leaves only). */
  readonly rule?: RuleKind;
  /** 满分/不得分条件成立（此时不按规则计分）。A full/zero condition decided the score instead of the rule. */
  readonly modifier?: 'full' | 'zero';
  /** 规则的结构化结果（精确值）。The rule's structured outcome (exact values), when the rule scored. */
  readonly outcome?: RuleOutcome;
  /** 所用输入的值（读入后的精确十进制或原文）。Inputs read, by name, as exact decimals (or 是/否, tier ids). */
  readonly inputs: { readonly [name: string]: string };
  /** 一句话中文说明。One-sentence explanation in Chinese. */
  readonly explanation: string;
  /** 一句话英文说明。One-sentence explanation in English. */
  readonly explanationEn: string;
  /** 本节点的问题（输入有误、计算出错、缺少输入）。Issues of this node. */
  readonly issues: readonly Issue[];
  /** 下级指标。Children. */
  readonly children: readonly NodeResult[];
}

/** 调整项结果。The result of one adjustment. */
export interface AdjustmentResult {
  /** 调整项 id。Adjustment id. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 扣分项、加分项或一票否决。Kind. */
  readonly kind: 'deduction' | 'bonus' | 'veto';
  /** 对总分的影响（扣分为负）。Effect on the total (negative for deductions). */
  readonly points: string;
  /** 否决是否触发。Whether a veto fired. */
  readonly triggered: boolean;
  /** 状态。Status: applied, or not decided for lack of input / because of a fault. */
  readonly status: 'applied' | 'missing-input' | 'invalid-input' | 'fault';
  /** 中文说明。Explanation in Chinese. */
  readonly explanation: string;
  /** 英文说明。Explanation in English. */
  readonly explanationEn: string;
}

/** 失分明细。One lost-points line, ranked largest first. */
export interface LostPoint {
  /** 指标或扣分项 id。Indicator or deduction id. */
  readonly id: string;
  /** 名称。Name. */
  readonly name: string;
  /** 路径名称（一级 / 二级 / …）。Names from level 1 down. */
  readonly path: readonly string[];
  /** 失分。Points lost. */
  readonly lost: string;
  /** 中文原因。Reason in Chinese. */
  readonly reason: string;
  /** 英文原因。Reason in English. */
  readonly reasonEn: string;
}

/** 等级结果。A grade. */
export interface GradeResult {
  /** 等级名称。Label. */
  readonly label: string;
  /** 该等级的下限。Its lower bound. */
  readonly min: string;
}

/** 暂计结果（输入不全或有误时）。What the sheet adds up to while it is incomplete: not final. */
export interface ProvisionalResult {
  /** 暂计指标得分（未能计分的指标按 0 计）。Subtotal so far, unscored leaves counted 0. */
  readonly subtotal: string;
  /** 暂计总分。Total so far. */
  readonly total: string;
  /** 暂计总分对应的等级。The grade of the total so far. */
  readonly grade: GradeResult | null;
}

/** 打分表。The score sheet: the result of `evaluate`. */
export interface ScoreSheet {
  /** 所用指标体系。The framework scored with, with the content hash of its definition. */
  readonly framework: {
    /** 指标体系 id。The framework's `id`. */
    readonly id: string;
    /** 指标体系名称。The framework's `name`. */
    readonly name: string;
    /** 版本（定义中有 version 时才有）。The definition's `version`, present only when it has one. */
    readonly version?: string;
    /**
     * 定义的内容指纹（14 位十六进制，与键顺序无关，不是加密哈希）。Content hash of the definition, as on `Framework`:
     * 14 hex digits, independent of key order; it identifies a definition, it is not cryptographic.
     */
    readonly hash: string;
    /** 派生来源（由 extendFramework 改出时）：基础指标体系的 id 与指纹。The base framework (id and hash), for a derived one. */
    readonly base?: {
      /** 基础指标体系的 id。Id of the base framework. */
      readonly id: string;
      /** 基础指标体系的内容指纹。Content hash of the base framework. */
      readonly hash: string
    }
  };
  /** 本次实际采用的计算选项。The options in force. */
  readonly options: EffectiveOptions;
  /** 满分。Maximum. */
  readonly maximum: string;
  /** 指标体系得分（调整前；未能计分的指标按 0 计）。Sum of level-1 scores, before adjustments. */
  readonly subtotal: string;
  /** 是否完整：全部输入齐全、无问题。True when every input is present and no issue was found. */
  readonly complete: boolean;
  /** 总分（调整后）；不完整时为 null（见 provisional）。Final total after adjustments; null while incomplete. */
  readonly total: string | null;
  /** 总分（数字，仅用于显示）；不完整时为 null。Total as a number, for display only; null while incomplete. */
  readonly totalNumber: number | null;
  /** 等级；不完整时为 null。Grade; null while incomplete. */
  readonly grade: GradeResult | null;
  /**
   * 距上一等级所差分数（不完整、已是最高等级或被否决时为 null）。Points needed for the next grade up; null while
   * incomplete, at the top grade, or when a veto fired.
   */
  readonly nextGrade: {
    /** 上一等级的名称。Label of the next grade up. */
    readonly label: string;
    /** 还差的分数：该等级下限 − 总分，按精度显示。Points still needed: that grade's `min` minus the total, at the precision. */
    readonly pointsNeeded: string
  } | null;
  /** 暂计结果，仅在不完整时给出。The provisional result, only while incomplete. */
  readonly provisional: ProvisionalResult | null;
  /** 是否被一票否决。Whether a veto fired. */
  readonly vetoed: boolean;
  /** 一级指标。Level-1 indicators. */
  readonly indicators: readonly NodeResult[];
  /** 调整项。Adjustments. */
  readonly adjustments: readonly AdjustmentResult[];
  /** 失分排序（大者在前）。Lost points, largest first. */
  readonly lostPoints: readonly LostPoint[];
  /** 问题（输入有误、计算出错、未知输入…），也挂在各自节点上。Issues, also attached to their nodes. */
  readonly issues: readonly Issue[];
  /** 提示（不影响得分）。Warnings: review hints, clamped values, missing inputs… */
  readonly warnings: readonly Issue[];
  /** 缺少的输入名称。Names of missing inputs. */
  readonly missingInputs: readonly string[];
}
