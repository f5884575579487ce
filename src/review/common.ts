/**
 * 复核的共用部分：发现的类型、取舍方式、等级。What the reviews of self-evaluations and of framework evaluations
 * share: the finding type, the alternative roundings tried, grades, ordering.
 */
import { cmp, dec, type Dec } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import type { RoundingMode } from '../calc/rounding.js';
import type { IssueCode } from '../errors/codes.js';
import type { IssuePath } from '../errors/issue.js';
import type { GradeBand } from '../framework/types.js';
import type { FindingCode, FindingSeverity } from './findings.js';

/** 发现所在的行（按表上写法，便于在纸面上找到）。The row a finding is about, as printed, so a person finds it on paper. */
export interface FindingRow {
  /** 一级指标（预算执行率一行为 "预算执行率"）。Level 1 ("预算执行率" for the budget line). */
  readonly level1: string;
  /** 二级指标。Level 2. */
  readonly level2: string;
  /** 三级指标名称。Name. */
  readonly name: string;
}

/** 复核发现。A finding of a review. */
export interface Finding {
  /** 代码：复核自身的代码（FINDING_CODES），或所报告的计分问题的代码（ISSUE_CODES）。Code: one of `FINDING_CODES`, or the code of the scorer's issue it reports. */
  readonly code: FindingCode | IssueCode;
  /** 严重程度。Severity. */
  readonly severity: FindingSeverity;
  /** 在自评表中的路径（如 ["rows", 3, "claimed"]）。Path in the document. */
  readonly path: IssuePath;
  /** 所在行；总分、等级等表级发现为 null。The row; null for findings about the whole form (total, grade). */
  readonly row: FindingRow | null;
  /** 表上所填值（原文）。The value printed on the form. */
  readonly claimed: string | null;
  /** 复核计算值；无法计算时为 null。The value the review computes; null when it cannot be computed. */
  readonly computed: string | null;
  /** 差额：所填 − 计算。Difference claimed − computed; null unless both are numbers. */
  readonly difference: string | null;
  /** 涉及分数（差额的绝对值；无法计分的行为其分值）。Points at stake: |difference|, or the weight of a row that cannot be scored. */
  readonly stake: string;
  /**
   * 仅更正这一处是否改变等级（按所填总分推算）；无法判断时为 null。Whether correcting this finding alone changes the
   * grade of the claimed total; null when it cannot be told (no claimed total, or the row cannot be scored).
   */
  readonly changesGrade: boolean | null;
  /** 复现所填分数的取舍方式（仅 rounding-difference）。The rounding that reproduces the claimed score (rounding-difference only). */
  readonly rounding?: {
    /** 小数位数。Decimal places. */
    readonly places: number;
    /** 舍入方式。Rounding mode. */
    readonly mode: RoundingMode;
  };
  /** 中文说明：错在哪里、规则给出什么。Chinese sentence: what is wrong and what the rule gives. */
  readonly message: string;
  /** English sentence. */
  readonly messageEn: string;
}

/** Alternative roundings tried to explain a claimed score, most common practice first. */
export const ROUNDINGS: readonly (readonly [number, RoundingMode])[] = [
  [0, 'half-up'], [0, 'down'], [1, 'half-up'], [1, 'down'], [2, 'half-up'], [2, 'down'], [0, 'up'], [1, 'up'], [2, 'up'], [3, 'half-up'], [3, 'down'],
];

const MODE_ZH: { readonly [m in RoundingMode]: string } = {
  'half-up': '四舍五入', 'half-even': '四舍六入五成双', 'half-down': '五舍六入', down: '截尾舍去', up: '进一', floor: '向下取整', ceil: '向上取整',
};
export const roundingZh = (places: number, mode: RoundingMode) => `${places === 0 ? '取整数' : `保留 ${places} 位小数`}、${MODE_ZH[mode]}`;
export const roundingEn = (places: number, mode: RoundingMode) => `${places === 0 ? 'whole numbers' : `${places} decimal places`}, ${mode}`;

export const numOf = (v: string | number | undefined): Dec | null => {
  if (v === undefined) return null;
  const n = parseNumber(v);
  return n.ok ? n.value : null;
};
export const same = (a: Dec, b: Dec) => cmp(a, b) === 0;
export const label = (r: FindingRow) => [r.level1, r.level2, r.name].filter((x) => x !== '' && x !== '/').join(' / ');

/** The grade of a total under the template's bands: the band with the highest lower bound not above it. */
export function gradeOf(grades: readonly GradeBand[], total: Dec): string | null {
  let best: GradeBand | null = null;
  for (const g of grades) {
    const min = numOf(g.min);
    if (min !== null && cmp(min, total) <= 0 && (best === null || cmp(min, numOf(best.min) as Dec) > 0)) best = g;
  }
  return best?.label ?? null;
}


/** 各严重程度的发现数。Number of findings by severity. */
export interface FindingCounts {
  /** 错误。Errors. */
  readonly error: number;
  /** 警告。Warnings. */
  readonly warning: number;
  /** 提示。Notices. */
  readonly notice: number;
}

/** Findings most points at stake first, then errors before warnings before notices, then in the order found. */
export function ordered(findings: readonly Finding[]): { findings: Finding[]; counts: FindingCounts } {
  const rank: { readonly [s in FindingSeverity]: number } = { error: 0, warning: 1, notice: 2 };
  const sorted = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => cmp(dec(b.f.stake), dec(a.f.stake)) || rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  const count = (s: FindingSeverity) => sorted.filter((f) => f.severity === s).length;
  return { findings: sorted, counts: { error: count('error'), warning: count('warning'), notice: count('notice') } };
}

/** 复核结果的共同部分。What every review gives: claimed vs recomputed total and grade, and the findings. */
export interface ReviewOutcome {
  /** 表上所填。As claimed. */
  readonly claimed: {
    /** 所填总分（未填时为各部分所填之和；无法得出时为 null）。Claimed total; else the sum of the claimed parts; null when neither is known. */
    readonly total: string | null;
    /** 所填等级（未填时为 null）。Claimed grade; null when not printed. */
    readonly grade: string | null;
  };
  /** 复核计算。As recomputed. */
  readonly computed: {
    /** 总分（不完整时为暂计总分）。Total (provisional while incomplete). */
    readonly total: string;
    /** 等级（不完整时为暂计等级）。Grade (provisional while incomplete). */
    readonly grade: string | null;
    /** 是否完整（均可计分）。Whether everything could be scored. */
    readonly complete: boolean;
  };
  /** 等级是否改变（所填等级或所填总分的等级 与 复核等级）；无法判断时为 null。Whether the grade changes; null when it cannot be told. */
  readonly gradeChanged: boolean | null;
  /** 发现，按涉及分数从大到小。Findings, most points at stake first. */
  readonly findings: readonly Finding[];
  /** 各严重程度的发现数。Number of findings by severity. */
  readonly counts: FindingCounts;
}

/** Grade labels written for the same band: 优秀 is 优, 良好 is 良, 中等 is 中, 较差 is 差. */
const GRADE_ALIASES: { readonly [label: string]: string } = { 优秀: '优', 良好: '良', 中等: '中', 较差: '差' };
const gradeKey = (g: string): string => {
  const t = g.replace(/\s/g, '');
  return GRADE_ALIASES[t] ?? t;
};

/** 两个等级写法是否为同一等级（忽略空白，优秀 ≡ 优 等）。Whether two grade labels name the same band. */
export const sameGrade = (a: string, b: string): boolean => gradeKey(a) === gradeKey(b);
