/**
 * 度量单位：绩效目标表中常见的单位，及可相互换算的单位。Units of measure written in target tables, and which of them
 * convert into each other (万元 ↔ 元, 公里 ↔ 米, 吨 ↔ 千克). A unit not listed here is still read when it is a short
 * word without digits (an "opaque" unit such as 座桥); it then only matches itself.
 */
import { lazy } from '../lazy.js';

/** 一个单位：所属量纲，以及换算到该量纲基本单位的倍数。A unit: its dimension and its factor to the base unit. */
export interface UnitInfo {
  /** 规范写法（如 "%"、"万元"）。Canonical spelling. */
  readonly unit: string;
  /** 量纲（相同量纲才可换算）。Dimension; only units of one dimension convert. */
  readonly dimension: string;
  /** 换算到基本单位的倍数（十进制字符串）。Factor to the dimension's base unit, as an exact decimal string. */
  readonly factor: string;
}

/* Units by spelling. Counting words (个, 次, 人…) are each their own dimension: 50个 never converts to 50人. */
const TABLE: readonly (readonly [spellings: readonly string[], dimension: string, factor: string])[] = [
  [['%', '百分比', '百分之'], 'percent', '1'],
  [['元'], 'money', '1'],
  [['千元'], 'money', '1000'],
  [['万元'], 'money', '10000'],
  [['亿元'], 'money', '100000000'],
  [['米'], 'length', '1'],
  [['公里', '千米'], 'length', '1000'],
  [['平方米', '㎡'], 'area', '1'],
  [['平方公里', '平方千米'], 'area', '1000000'],
  [['克'], 'mass', '1'],
  [['千克', '公斤'], 'mass', '1000'],
  [['吨'], 'mass', '1000000'],
  [['万吨'], 'mass', '10000000000'],
  [['人'], 'people', '1'],
  [['万人'], 'people', '10000'],
  [['人次'], 'person-times', '1'],
  [['万人次'], 'person-times', '10000'],
  [['亩'], 'mu', '1'],
  [['万亩'], 'mu', '10000'],
  [['天', '日'], 'day', '1'],
  [['个工作日', '工作日'], 'working-day', '1'],
  [['小时'], 'hour', '1'],
  [['月', '个月'], 'month', '1'],
  [['年'], 'year', '1'],
];

const COUNT_WORDS = [
  '个', '次', '户', '家', '项', '件', '份', '场', '期', '所', '台', '套', '辆', '篇', '册', '批', '名', '座', '处', '株',
  '头', '只', '张', '本', '条', '间', '栋', '课时', '学时', '批次', '类', '种', '支', '部', '块', '宗', '起', '例', '床',
  '人天', '班', '村', '镇', '乡', '所学校', '台套', '盏', '棵', '公顷', '立方米', '万元/人', '元/人', '元/亩',
];

/* The units by spelling, and the length of the longest spelling, built on first use (see src/lazy.ts). */
const unitTable = /* @__PURE__ */ lazy((): { readonly bySpelling: ReadonlyMap<string, UnitInfo>; readonly longest: number } => {
  const bySpelling = new Map<string, UnitInfo>();
  for (const [spellings, dimension, factor] of TABLE) {
    const canonical = spellings[0] as string;
    for (const s of spellings) bySpelling.set(s, { unit: canonical, dimension, factor });
  }
  for (const w of COUNT_WORDS) if (!bySpelling.has(w)) bySpelling.set(w, { unit: w, dimension: `count:${w}`, factor: '1' });
  return { bySpelling, longest: Math.max(...[...bySpelling.keys()].map((k) => k.length)) };
});

/** 已知单位（按写法）。Looks a unit up by its spelling. */
export function knownUnit(text: string): UnitInfo | undefined {
  return unitTable().bySpelling.get(text);
}

/**
 * 读取单位：已知单位按表，其他不含数字和比较符、不超过 6 个字符的词作为只与自身相同的单位。Reads a unit: a known one
 * from the table; otherwise a word of at most 6 characters without digits, signs or spaces is an opaque unit that
 * only matches itself. Anything else is `undefined` (not a unit).
 */
export function readUnit(text: string): UnitInfo | undefined {
  const table = unitTable();
  const known = table.bySpelling.get(text);
  if (known !== undefined) return known;
  if (text.length === 0 || text.length > 6 || text.length > table.longest + 4) return undefined;
  if (/[\d\s.,+\-<>=≥≤%/\\()（）]/.test(text)) return undefined;
  return { unit: text, dimension: `opaque:${text}`, factor: '1' };
}
