/**
 * 年度指标值与实际完成值的文字读取。Reading the texts of a target table: the target as published ("≥95%",
 * "≤541.87万元", "不低于50个", "12月底前完成", "效果明显") and the actual ("98%", "90", "达成预期指标"). Nothing is
 * guessed: a text that cannot be read is reported with the reason, never turned into a number.
 */
import { cmp, dec, toPlain } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import { normalizeText } from '../calc/normalizeText.js';
import { lazy } from '../lazy.js';
import { readUnit } from './units.js';

/** 比较方向。Direction of a numeric target: `>=` 正向, `<=` 反向, `=` 等于, and the strict forms. */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/** 定量目标。A numeric target: comparator, value and unit as written ("≥95%" is `>=`, "95", "%"). */
export interface NumericTarget {
  /** 类型：定量。Kind: numeric. */
  readonly kind: 'numeric';
  /** 比较方向。Comparator. */
  readonly op: Comparator;
  /** 原文是否写出比较方向（"100%" 未写，按等于读）。Whether the text states the comparator ("100%" does not: read as `=`). */
  readonly explicit: boolean;
  /** 指标值（精确十进制，按所写单位，如 95 表示 95%）。The value, exact, in the unit written (95 for 95%). */
  readonly value: string;
  /** 度量单位（规范写法，如 "%"、"万元"），没有单位为 null。Unit, canonical spelling; null when none is written. */
  readonly unit: string | null;
}

/** 时限目标。A deadline ("12月底前完成", "2023年12月31日前", "按期完成"); no date for "按期". */
export interface DeadlineTarget {
  /** 类型：时限。Kind: deadline. */
  readonly kind: 'deadline';
  /** 年（可无）。Year, when written. */
  readonly year?: number;
  /** 月（可无：按期完成）。Month, absent for "按期完成". */
  readonly month?: number;
  /** 日（可无：月底）。Day, absent for "月底". */
  readonly day?: number;
}

/** 定性目标（如“效果明显”）。A qualitative target such as 效果明显, kept as written. */
export interface QualitativeTarget {
  /** 类型：定性。Kind: qualitative. */
  readonly kind: 'qualitative';
  /** 目标文字（规范化后）。The text, normalised. */
  readonly text: string;
}

/** 读出的年度指标值。A target as read. */
export type ParsedTarget = NumericTarget | DeadlineTarget | QualitativeTarget;

/** 读取目标文字的结果。Outcome of reading a target text. */
export type TargetReading =
  | {
      /** 读取成功。Read. */
      readonly ok: true;
      /** 读出的目标。The target. */
      readonly target: ParsedTarget;
      /** OCR 可疑（"295%" 可能是 "≥95%"），需人工核对。Set when the text looks like an OCR artefact ("295%" for "≥95%"). */
      readonly suspect?: string;
    }
  | {
      /** 未设置（"/"、空白、"无"）。Not set ("/", blank, "无"). */
      readonly ok: 'not-set';
    }
  | {
      /** 读取失败。Not readable. */
      readonly ok: false;
      /** 原因。Why. */
      readonly reason: 'unreadable' | 'out-of-range' | 'conflicting-comparators' | 'ocr-comparator';
      /** 可能的本意（OCR 时）。What it may have meant, for an OCR artefact. */
      readonly hint?: string;
    };

const NOT_SET = new Set(['', '/', '-', '—', '——', '--', '无', '不适用', '未设置', 'N/A', 'n/a', 'NA']);

/* Leading comparators, longest first so that "大于等于" wins over "大于"; sorted on first use (see src/lazy.ts). */
const leadingComparators = /* @__PURE__ */ lazy((): readonly (readonly [string, Comparator])[] => (
  [
    ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='], ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='],
    ['不少于', '>='], ['不小于', '>='], ['达到', '>='], ['至少', '>='],
    ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='], ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='],
    ['不超过', '<='], ['不大于', '<='], ['不多于', '<='], ['至多', '<='], ['控制在', '<='],
    ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'], ['>', '>'],
    ['小于', '<'], ['低于', '<'], ['少于', '<'], ['<', '<'],
    ['==', '='], ['=', '='], ['等于', '='],
  ] as const
).slice().sort((a, b) => b[0].length - a[0].length));

/* Trailing words: "95%以上" is ≥, "10%以内" and "5%以下" are ≤ (以上/以下/以内 include the number). */
const SUFFIXES: readonly (readonly [string, Comparator])[] = [
  ['及以上', '>='], ['以上', '>='], ['及以下', '<='], ['以下', '<='], ['以内', '<='],
];

/** 规范化：全角转半角、去掉全部空白。Full-width to ASCII and every space removed. */
export function compactText(raw: string): string {
  return normalizeText(raw).replace(/\s+/g, '');
}

const NUMBER_AND_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/;

/** Reads "95", "541.87万元", "100百分比"; the unit must be a known or a plausible one. */
function numberWithUnit(text: string): { value: string; unit: string | null } | 'unreadable' | 'out-of-range' {
  const m = NUMBER_AND_UNIT.exec(text);
  if (m === null) return 'unreadable';
  const n = parseNumber(m[1] as string);
  if (!n.ok) return n.reason === 'out-of-range' ? 'out-of-range' : 'unreadable';
  const rest = m[2] as string;
  if (rest === '') return { value: toPlain(n.value), unit: null };
  const unit = readUnit(rest);
  if (unit === undefined) return 'unreadable';
  return { value: toPlain(n.value), unit: unit.unit };
}

const DEADLINE_WORDS = new Set(['按期', '按期完成', '按时', '按时完成', '及时完成', '按计划完成', '按计划时间完成', '按进度完成']);
const YEAR_END = new Set(['年底前', '年底前完成', '年内', '年内完成', '年底完成', '当年完成', '年度内完成']);
const DATE_DEADLINE = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?(?:前|之前|以前)(?:完成|完工|到位|结束)?$/;

/** Days in a month (February 29: the year may be a leap year or not written). */
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDate = (month: number, day: number | undefined): boolean =>
  month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= (DAYS[month - 1] as number)));

function readDeadline(text: string): DeadlineTarget | 'invalid' | undefined {
  if (DEADLINE_WORDS.has(text)) return { kind: 'deadline' };
  if (YEAR_END.has(text)) return { kind: 'deadline', month: 12 };
  const m = DATE_DEADLINE.exec(text);
  if (m === null) return undefined;
  const month = Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (!validDate(month, day)) return 'invalid';
  return { kind: 'deadline', ...(m[1] === undefined ? {} : { year: Number(m[1]) }), month, ...(day === undefined ? {} : { day }) };
}

/**
 * 读取年度指标值。Reads a target as published: comparators in symbols or words (≥ ≤ = > < and full-width forms,
 * 不低于 / 不少于 / 不高于 / 不超过 / 达到, a trailing 以上 / 以内 / 以下), a number with its unit (%, 百分比, 万元, 个…),
 * a deadline (12月底前, 2023年12月31日前, 按期完成), or a qualitative text without digits (效果明显). A number written
 * without a comparator ("100%") reads as `=` with `explicit: false`. "/", blank and "无" are not set.
 */
export function parseTarget(raw: string): TargetReading {
  const text = compactText(raw);
  if (NOT_SET.has(text)) return { ok: 'not-set' };
  const deadline = readDeadline(text);
  if (deadline === 'invalid') return { ok: false, reason: 'unreadable' };
  if (deadline !== undefined) return { ok: true, target: deadline };
  if (!/\d/.test(text)) {
    // A comparator with no number ("≥", "≤万元") is a value lost from the form, not a qualitative target.
    if (/^[≥≤=<>]/.test(text)) return { ok: false, reason: 'unreadable' };
    return { ok: true, target: { kind: 'qualitative', text } };
  }

  let body = text;
  let op: Comparator | undefined;
  for (const [word, o] of leadingComparators()) {
    if (body.startsWith(word)) {
      op = o;
      body = body.slice(word.length);
      break;
    }
  }
  for (const [word, o] of SUFFIXES) {
    if (body.endsWith(word)) {
      if (op !== undefined && op !== o && !(op === '>' && o === '>=') && !(op === '<' && o === '<=')) {
        return { ok: false, reason: 'conflicting-comparators' };
      }
      op ??= o;
      body = body.slice(0, -word.length);
      break;
    }
  }
  // OCR artefacts: "W95%" for "≤95%" cannot be read; "295%" for "≥95%" reads as 295% but is flagged.
  if (op === undefined && /^[Ww]\d/.test(body)) return { ok: false, reason: 'ocr-comparator', hint: `≤${body.slice(1)}` };
  const n = numberWithUnit(body);
  if (n === 'unreadable' || n === 'out-of-range') return { ok: false, reason: n };
  const target: NumericTarget = { kind: 'numeric', op: op ?? '=', explicit: op !== undefined, value: n.value, unit: n.unit };
  // Only a plain "2" + a well-formed percentage ("295%", not "200%" or "2,500%") is flagged.
  const rest = /^2([1-9]\d*(?:\.\d+)?%)$/.exec(body);
  if (op === undefined && rest !== null && cmp(dec(n.value), dec(100)) > 0) {
    return { ok: true, target, suspect: `≥${rest[1] as string}` };
  }
  return { ok: true, target };
}

const SYMBOL: { readonly [op in Comparator]: string } = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** 把读出的目标写回规范文字（"≥95%"）；再读一遍得到同一目标。Writes a target back as canonical text; reading it again gives the same target. */
export function formatTarget(t: ParsedTarget): string {
  switch (t.kind) {
    case 'numeric':
      return `${t.explicit ? SYMBOL[t.op] : ''}${t.value}${t.unit ?? ''}`;
    case 'deadline':
      if (t.month === undefined) return '按期完成';
      return `${t.year === undefined ? '' : `${t.year}年`}${t.month}月${t.day === undefined ? '底' : `${t.day}日`}前`;
    case 'qualitative':
      return t.text;
  }
}

/** 定性完成情况的档次。The tier a word of the actual column names. */
export type ActualTier = 'achieved' | 'partly' | 'not-achieved';

/** 读出的实际完成值。An actual value as read. */
export type ParsedActual =
  | {
      /** 数值。A number. */
      readonly kind: 'number';
      /** 数值（精确十进制，按所写单位）。The value, exact, in the unit written. */
      readonly value: string;
      /** 单位（规范写法），未写为 null。Unit, canonical; null when none is written. */
      readonly unit: string | null;
    }
  | {
      /** 定性文字。A word. */
      readonly kind: 'word';
      /** 所指档次。The tier it names. */
      readonly tier: ActualTier;
      /** 原文（规范化后）。The word, normalised. */
      readonly word: string;
    }
  | {
      /** 日期（时限指标的完成时间）。A date, for deadline rows. */
      readonly kind: 'date';
      /** 年（可无）。Year, when written. */
      readonly year?: number;
      /** 月。Month. */
      readonly month: number;
      /** 日（可无）。Day, when written. */
      readonly day?: number;
    };

/** 读取实际完成值的结果。Outcome of reading an actual. */
export type ActualReading =
  | {
      /** 读取成功。Read. */
      readonly ok: true;
      /** 读出的值。The value. */
      readonly actual: ParsedActual;
    }
  | {
      /** 空白。Blank. */
      readonly ok: 'blank';
    }
  | {
      /** 读取失败。Not readable. */
      readonly ok: false;
      /** 原因。Why. */
      readonly reason: 'unreadable' | 'out-of-range';
    };

/* Words printed in the 实际完成值 column, by the tier they name. */
const ACTUAL_WORDS: readonly (readonly [ActualTier, readonly string[]])[] = [
  ['achieved', [
    '达成预期指标', '达成年度指标', '达成', '已达成', '达到预期', '达到预期目标', '达到预期指标', '达到', '已达到', '完成', '已完成',
    '全部完成', '按期完成', '按时完成', '及时完成', '是', '达标', '已达标', '符合', '符合要求', '符合规定', '符合相关规定',
    '效果明显', '明显', '较好', '良好', '好', '有效', '满意', '执行', '严格执行', '已落实', '落实', '无偏差',
  ]],
  ['partly', [
    '部分达成', '部分达成年度指标', '部分达成预期指标', '部分达成年度指标并具有一定效果', '基本达成', '基本达到', '部分完成',
    '基本完成', '基本符合', '一般', '效果一般', '有一定效果', '较明显', '基本满意', '部分落实', '基本落实',
  ]],
  ['not-achieved', [
    '未达成', '未达成年度指标', '未达成预期指标', '未达成年度指标且效果较差', '未达到', '未完成', '否', '不符合', '不达标',
    '效果较差', '较差', '差', '无效果', '不满意', '未落实', '未执行',
  ]],
];
/** The tier each word names (built on first use). */
const wordTiers = /* @__PURE__ */ lazy((): ReadonlyMap<string, ActualTier> => new Map(ACTUAL_WORDS.flatMap(([tier, list]) => list.map((w) => [w, tier] as const))));

const DATE_ACTUAL = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?(?:前|之前|以前)?(?:完成|完工|到位|结束)?$/;
/* 2023-11-20, 2023/11/20, 2023-11, 2023.11.20; a dot only with all three parts ("1500.5" is a number). */
const ISO_DATE = /^(\d{4})(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?|\.(\d{1,2})\.(\d{1,2}))$/;

/**
 * 读取实际完成值：数值（可带单位、百分号）、定性文字（完成、达成预期指标、部分达成、未达成…）或日期（11月、
 * 2023年11月20日、2023-11-20）。Reads an actual: a number with or without unit, a qualitative word, or a date.
 */
export function parseActual(raw: string | number): ActualReading {
  if (typeof raw === 'number') {
    const n = parseNumber(raw);
    return n.ok ? { ok: true, actual: { kind: 'number', value: toPlain(n.value), unit: null } } : { ok: false, reason: n.reason === 'out-of-range' ? 'out-of-range' : 'unreadable' };
  }
  const text = compactText(raw);
  if (text === '' || text === '/' || text === '-' || text === '—') return { ok: 'blank' };
  const tier = wordTiers().get(text);
  if (tier !== undefined) return { ok: true, actual: { kind: 'word', tier, word: text } };
  const chinese = DATE_ACTUAL.exec(text);
  const iso = chinese === null ? ISO_DATE.exec(text) : null;
  const parts = chinese !== null ? [chinese[1], chinese[2], chinese[3]] : iso !== null ? [iso[1], iso[3] ?? iso[5], iso[4] ?? iso[6]] : null;
  if (parts !== null) {
    const month = Number(parts[1]);
    const day = parts[2] === undefined ? undefined : Number(parts[2]);
    if (!validDate(month, day)) return { ok: false, reason: 'unreadable' };
    return { ok: true, actual: { kind: 'date', ...(parts[0] === undefined ? {} : { year: Number(parts[0]) }), month, ...(day === undefined ? {} : { day }) } };
  }
  const n = numberWithUnit(text);
  if (n === 'unreadable' || n === 'out-of-range') return { ok: false, reason: n };
  return { ok: true, actual: { kind: 'number', value: n.value, unit: n.unit } };
}
