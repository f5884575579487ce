/**
 * 复核的共用部分：发现的类型、取舍方式、等级。What the reviews of self-evaluations and of framework evaluations
 * share: the finding type, collecting findings, the alternative roundings tried, grades, the total checks, ordering.
 */
import { add, cmp, dec, sub, toFixed, toPlain, type Dec } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import type { RoundingMode } from '../calc/rounding.js';
import type { IssueCode } from '../errors/codes.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { GradeBand } from '../framework/types.js';
import { findingText, type FindingCode, type FindingSeverity } from './findings.js';

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

/** 一条复核自身的发现，说明文字除外。An own finding before its sentences are written. */
export type FindingFacts = Omit<Finding, 'code' | 'severity' | 'message' | 'messageEn'>;

/**
 * 收集发现：复核自身的发现与作为发现的问题，及其共用的等级推算。Collects the findings of one review: its own findings
 * (sentences from the catalogue), issues reported as findings, and the grade arithmetic they share.
 */
export interface FindingList {
  /** 发现（按发现顺序）。The findings, in the order found. */
  readonly all: Finding[];
  /** 按精度显示的数。A figure at the review's places. */
  readonly fixed: (d: Dec) => string;
  /** 总分对应的等级。The grade of a total. */
  readonly gradeAt: (total: Dec) => string | null;
  /** 只把所填改为计算值时等级是否改变（无所填总分时为 null）。Whether replacing one claim by the computed value changes the grade. */
  readonly shifts: (claimed: Dec, computed: Dec) => boolean | null;
  /** 记一条复核自身的发现。Records an own finding. */
  readonly push: (code: FindingCode, facts: FindingFacts, params?: { readonly [k: string]: string }) => void;
  /** 把一个问题记为发现（说明前加行名）。Records an issue as a finding, its sentences headed by the row. */
  readonly issue: (i: Issue, severity: FindingSeverity, row: FindingRow | null, claimed?: string | null, stake?: string) => void;
}

/**
 * 新建发现列表。Starts the findings of one review.
 *
 * @param grades the grade bands of the template or framework
 * @param places the decimal places figures are shown with
 * @param base the claimed total grade effects are measured from (printed, else the sum of the claims), or null
 * @returns the list
 */
export function findingList(grades: readonly GradeBand[], places: number, base: Dec | null): FindingList {
  const all: Finding[] = [];
  const gradeAt = (t: Dec) => gradeOf(grades, t);
  return {
    all,
    fixed: (d) => toFixed(d, places, 'half-up'),
    gradeAt,
    shifts: (claimed, computed) => (base === null ? null : gradeAt(base) !== gradeAt(add(sub(base, claimed), computed))),
    push: (code, f, params = {}) => {
      const row = f.row === null ? '' : label(f.row);
      all.push({ code, ...findingText(code, { row, claimed: f.claimed ?? '', computed: f.computed ?? '', difference: f.difference ?? '', ...params }), ...f });
    },
    issue: (i, severity, row, claimed = null, stake = '0') => {
      all.push({
        code: i.code, severity, path: i.path, row, claimed, computed: null, difference: null, stake, changesGrade: null,
        message: row === null ? i.message : `${label(row)}：${i.message}`, messageEn: row === null ? i.messageEn : `${label(row)}: ${i.messageEn}`,
      });
    },
  };
}

/**
 * 记一个读不出的所填数（invalid-number，错误）。Records a claimed number that cannot be read as `invalid-number`.
 *
 * @returns whether it was unreadable
 */
export function unreadableClaim(list: FindingList, path: IssuePath, value: unknown, row: FindingRow | null): boolean {
  if (value === undefined || numOf(value as string | number) !== null) return false;
  list.issue(makeIssue('invalid-number', path, { value: String(value) }), 'error', row, String(value));
  return true;
}

/** What the total checks need: the claimed total, grade and prose total, and what the sheet gives. */
export interface TotalFacts {
  /** 所填总分（读出的值、原文、路径）。The claimed total as read, as printed, and its path. */
  readonly total: { readonly value: Dec; readonly text: string; readonly path: IssuePath } | null;
  /** 所填等级及路径。The claimed grade and its path. */
  readonly grade: { readonly text: string; readonly path: IssuePath } | null;
  /** 正文所述总分。The prose total. */
  readonly stated: { readonly value: Dec; readonly text: string; readonly path: IssuePath } | null;
  /** 所填总分，否则各部分所填之和。The claimed total, else the sum of the claims. */
  readonly base: Dec | null;
  /** 各部分是否都有所填（可逐项核对）。Whether every part is claimed, so that the sum can be checked. */
  readonly partsKnown: boolean;
  /** 复核总分（完整时）。The recomputed total, when complete. */
  readonly recomputed: string | null;
  /** 满分。The maximum. */
  readonly maximum: Dec;
  /** 总分可否超过满分（加分）。Whether a total may exceed the maximum (bonuses). */
  readonly aboveMaximum: boolean;
}

/**
 * 核对总分、等级与正文总分：超出满分、无法逐项核对时与复核总分不同、等级与总分不符、正文总分不同。Checks the claimed
 * total, grade and prose total: above the maximum, different from the recomputed total when the parts cannot be
 * checked one by one, a grade that does not match, a prose total that differs.
 */
export function checkTotals(list: FindingList, t: TotalFacts): void {
  const { fixed, gradeAt } = list;
  const total = t.total;
  if (total !== null && !t.aboveMaximum && cmp(total.value, t.maximum) > 0) {
    const diff = sub(total.value, t.maximum);
    list.push('claimed-above-weight', { path: total.path, row: null, claimed: total.text, computed: null, difference: fixed(diff), stake: fixed(diff), changesGrade: null }, { row: '总分', rowEn: 'Total', weight: toPlain(t.maximum) });
  }
  if (total !== null && !t.partsKnown && t.recomputed !== null && !same(total.value, dec(t.recomputed))) {
    const recomputed = dec(t.recomputed);
    const diff = sub(total.value, recomputed);
    list.push('total-differs', { path: total.path, row: null, claimed: total.text, computed: t.recomputed, difference: fixed(diff), stake: fixed(diff.abs()), changesGrade: gradeAt(total.value) !== gradeAt(recomputed) });
  }
  if (t.grade !== null && t.base !== null) {
    const g = gradeAt(t.base);
    if (g !== null && !sameGrade(g, t.grade.text)) {
      list.push('grade-mismatch', { path: t.grade.path, row: null, claimed: t.grade.text, computed: g, difference: null, stake: '0', changesGrade: true }, { total: toPlain(t.base) });
    }
  }
  if (t.stated !== null && t.base !== null && !same(t.stated.value, t.base)) {
    const diff = sub(t.stated.value, t.base);
    list.push('prose-total-mismatch', { path: t.stated.path, row: null, claimed: t.stated.text, computed: toPlain(t.base), difference: fixed(diff), stake: fixed(diff.abs()), changesGrade: gradeAt(t.stated.value) !== gradeAt(t.base) });
  }
}

/**
 * 复核结果的共同部分。The outcome every review gives, from its findings and totals.
 *
 * @param list the findings
 * @param claimed the claimed total (printed, else the sum of the claims) and the printed grade
 * @param base the number grade effects are measured from
 * @param computed the recomputed total, grade and completeness
 */
export function reviewOutcome(
  list: FindingList,
  claimed: { readonly total: string | null; readonly grade: string | null },
  base: Dec | null,
  computed: { readonly total: string; readonly grade: string | null; readonly complete: boolean },
): ReviewOutcome {
  const { findings, counts } = ordered(list.all);
  const claimedGrade = claimed.grade ?? (base === null ? null : list.gradeAt(base));
  return {
    claimed,
    computed,
    gradeChanged: claimedGrade === null || !computed.complete ? null : !sameGrade(claimedGrade, computed.grade ?? ''),
    findings,
    counts,
  };
}
