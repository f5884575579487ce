import type { Issue } from '../errors/issue.js';
import type { RuleKind } from '../framework/types.js';

/**
 * 节点状态。Status of a node:
 * `scored` 已计分; `not-applicable` 不适用; `missing-input` 缺少输入（不得分）; `vetoed` 被一票否决归零.
 */
export type NodeStatus = 'scored' | 'not-applicable' | 'missing-input' | 'vetoed';

/** 一个节点的得分结果。The result of one node of the score sheet. All amounts are decimal strings. */
export interface NodeResult {
  readonly id: string;
  readonly name: string;
  /** 层级，一级指标为 1。Depth, level-1 indicators are 1. */
  readonly level: number;
  /** 定义的分值。Weight as defined. */
  readonly weight: string;
  /** 有效分值（不适用折算后）。Effective weight after not-applicable handling. */
  readonly effectiveWeight: string;
  /** 得分。Score. */
  readonly score: string;
  /** 失分 = 有效分值 − 得分。Lost points. */
  readonly lost: string;
  readonly status: NodeStatus;
  /** 末级指标所用规则。Rule kind applied (leaves only). */
  readonly rule?: RuleKind;
  /** 所用输入（规范化后的十进制字符串）。Inputs used, normalised. */
  readonly inputs: { readonly [name: string]: string };
  /** 中间值。Intermediate values (ratio, steps, fraction…). */
  readonly values: { readonly [name: string]: string };
  /** 一句话中文说明。One-sentence Chinese explanation. */
  readonly explanation: string;
  readonly children: readonly NodeResult[];
}

/** 调整项结果。The result of one adjustment. */
export interface AdjustmentResult {
  readonly id: string;
  readonly name: string;
  readonly kind: 'deduction' | 'bonus' | 'veto';
  /** 对总分的影响（扣分为负）。Effect on the total (negative for deductions). */
  readonly points: string;
  /** 否决是否触发。Whether a veto fired. */
  readonly triggered: boolean;
  readonly status: 'applied' | 'missing-input';
  readonly explanation: string;
}

/** 失分明细（存在问题）。One lost-points line, ranked largest first. */
export interface LostPoint {
  readonly id: string;
  readonly name: string;
  /** 路径名称（一级 / 二级 / …）。Names from level 1 down. */
  readonly path: readonly string[];
  readonly lost: string;
  readonly reason: string;
}

/** 等级结果。A grade. */
export interface GradeResult {
  readonly label: string;
  readonly min: string;
}

/** 打分表。The score sheet: the result of `evaluate`. */
export interface ScoreSheet {
  readonly framework: { readonly id: string; readonly name: string; readonly version?: string };
  /** 满分。Maximum. */
  readonly maximum: string;
  /** 指标体系得分（调整前）。Sum of level-1 scores, before adjustments. */
  readonly subtotal: string;
  /** 总分（调整后）。Total after adjustments, in [0, maximum] (unless bonuses may exceed it). */
  readonly total: string;
  /** 总分（数字，便于展示）。Total as a number, for display only. */
  readonly totalNumber: number;
  readonly grade: GradeResult | null;
  /** 距上一等级所差分数。Points needed for the next grade up, if any. */
  readonly nextGrade: { readonly label: string; readonly pointsNeeded: string } | null;
  readonly vetoed: boolean;
  readonly indicators: readonly NodeResult[];
  readonly adjustments: readonly AdjustmentResult[];
  /** 失分排序（大者在前）。Lost points, largest first. */
  readonly lostPoints: readonly LostPoint[];
  /** 提示（不影响得分）。Warnings: review hints, clamped values… */
  readonly warnings: readonly Issue[];
  /** 输入是否齐全。False when any input is missing. */
  readonly complete: boolean;
  /** 缺少的输入名称。Names of missing inputs. */
  readonly missingInputs: readonly string[];
}
