/**
 * 年度指标值与实际完成值的读取 Reading target and actual texts (src/selfEval/targetText.ts, templates.md §1): every
 * documented reading pinned exactly — comparators in symbols and words, trailing 以上 / 以内 / 以下, units, thousands
 * separators, deadlines, qualitative and not-set texts, unreadable and out-of-range texts, OCR artefacts — and two
 * properties: formatTarget → parseTarget is the identity, and full-width / space variation never changes a reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTarget, parseActual, parseTarget } from '../../src/index.js';
import type { Comparator, DeadlineTarget, NumericTarget, ParsedTarget, QualitativeTarget, TargetReading } from '../../src/index.js';
import { runs } from '../properties/helpers.js';

/** The reading of a numeric target (explicit comparator unless told). */
const numeric = (op: Comparator, value: string, unit: string | null, explicit = true): TargetReading => ({
  ok: true,
  target: { kind: 'numeric', op, explicit, value, unit },
});
/** The reading of a deadline. */
const deadline = (d: Omit<DeadlineTarget, 'kind'> = {}): TargetReading => ({ ok: true, target: { kind: 'deadline', ...d } });
/** The reading of a qualitative text. */
const qualitative = (text: string): TargetReading => ({ ok: true, target: { kind: 'qualitative', text } });

describe('parseTarget 年度指标值: comparators 比较方向', () => {
  it('symbols ≥ ≤ = > < and their ASCII / full-width spellings 符号写法', () => {
    const cases: readonly (readonly [string, Comparator])[] = [
      ['≥95%', '>='], ['≤95%', '<='], ['=95%', '='], ['>95%', '>'], ['<95%', '<'],
      ['>=95%', '>='], ['<=95%', '<='], ['=>95%', '>='], ['=<95%', '<='], ['==95%', '='],
      ['＞＝95%', '>='], ['＜＝95%', '<='], ['＝95%', '='], ['＞95%', '>'], ['＜95%', '<'],
      ['≧95%', '>='], ['≦95%', '<='],
    ];
    for (const [text, op] of cases) expect(parseTarget(text), text).toEqual(numeric(op, '95', '%'));
  });

  it('words read as >= 不低于 不少于 不小于 大于等于 大于或等于 达到 至少', () => {
    for (const w of ['不低于', '不少于', '不小于', '大于等于', '大于或等于', '达到', '至少']) {
      expect(parseTarget(`${w}50个`), w).toEqual(numeric('>=', '50', '个'));
    }
  });

  it('words read as <= 不高于 不超过 不大于 不多于 小于等于 小于或等于 至多 控制在', () => {
    for (const w of ['不高于', '不超过', '不大于', '不多于', '小于等于', '小于或等于', '至多', '控制在']) {
      expect(parseTarget(`${w}541.87万元`), w).toEqual(numeric('<=', '541.87', '万元'));
    }
  });

  it('words read as > 大于 高于 超过 多于, as < 小于 低于 少于, as = 等于', () => {
    for (const w of ['大于', '高于', '超过', '多于']) expect(parseTarget(`${w}3次`), w).toEqual(numeric('>', '3', '次'));
    for (const w of ['小于', '低于', '少于']) expect(parseTarget(`${w}3次`), w).toEqual(numeric('<', '3', '次'));
    expect(parseTarget('等于100%')).toEqual(numeric('=', '100', '%'));
  });

  it('the longest word wins: 大于等于 is >=, not > followed by 等于; 小于等于 is <=', () => {
    expect(parseTarget('大于等于90%')).toEqual(numeric('>=', '90', '%'));
    expect(parseTarget('小于等于90%')).toEqual(numeric('<=', '90', '%'));
    expect(parseTarget('不大于90%')).toEqual(numeric('<=', '90', '%'));
    expect(parseTarget('不小于90%')).toEqual(numeric('>=', '90', '%'));
  });

  it('suffix words 以上 → >=, 以内 / 以下 → <=, with 及 too 后缀', () => {
    expect(parseTarget('95%以上')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('95%及以上')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('10%以内')).toEqual(numeric('<=', '10', '%'));
    expect(parseTarget('5%以下')).toEqual(numeric('<=', '5', '%'));
    expect(parseTarget('5%及以下')).toEqual(numeric('<=', '5', '%'));
    expect(parseTarget('50个以上')).toEqual(numeric('>=', '50', '个'));
  });

  it('a prefix and a suffix that agree read once; a strict prefix keeps its strictness 前后一致', () => {
    expect(parseTarget('≥95%以上')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('不超过10%以内')).toEqual(numeric('<=', '10', '%'));
    expect(parseTarget('>95%以上')).toEqual(numeric('>', '95', '%'));
    expect(parseTarget('<5%以内')).toEqual(numeric('<', '5', '%'));
  });

  it('a prefix and a suffix that disagree are conflicting-comparators 前后矛盾', () => {
    const conflict = { ok: false, reason: 'conflicting-comparators' };
    expect(parseTarget('≥95%以下')).toEqual(conflict);
    expect(parseTarget('≤95%以上')).toEqual(conflict);
    expect(parseTarget('不低于5%以内')).toEqual(conflict);
    expect(parseTarget('=95%以上')).toEqual(conflict);
    expect(parseTarget('<95%以上')).toEqual(conflict);
  });

  it('a bare number reads as = with explicit false 未写比较方向', () => {
    expect(parseTarget('100%')).toEqual(numeric('=', '100', '%', false));
    expect(parseTarget('95')).toEqual(numeric('=', '95', null, false));
    expect(parseTarget('0.5')).toEqual(numeric('=', '0.5', null, false));
    expect(parseTarget('50个')).toEqual(numeric('=', '50', '个', false));
    // A written "=" is explicit.
    expect(parseTarget('=100%')).toEqual(numeric('=', '100', '%', true));
  });
});

describe('parseTarget 年度指标值: numbers and units 数值与单位', () => {
  it('known units, read in their canonical spelling 已知单位', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['%', '%'], ['百分比', '%'], ['百分之', '%'], ['万元', '万元'], ['元', '元'], ['个', '个'], ['次', '次'],
      ['人', '人'], ['户', '户'], ['天', '天'], ['日', '天'], ['亩', '亩'], ['公里', '公里'], ['千米', '公里'],
      ['人次', '人次'], ['个工作日', '个工作日'], ['万元/人', '万元/人'],
    ];
    for (const [written, canonical] of cases) expect(parseTarget(`≥12${written}`), written).toEqual(numeric('>=', '12', canonical));
    // The 池州 row: "≥100百分比".
    expect(parseTarget('≥100百分比')).toEqual(numeric('>=', '100', '%'));
  });

  it('an unknown short word is an opaque unit kept as written (座桥) 不透明单位', () => {
    expect(parseTarget('≥3座桥')).toEqual(numeric('>=', '3', '座桥'));
    expect(parseTarget('2座桥')).toEqual(numeric('=', '2', '座桥', false));
  });

  it('no unit is null 无单位', () => {
    expect(parseTarget('≥50')).toEqual(numeric('>=', '50', null));
  });

  it('values are exact plain decimals: thousands separators dropped, trailing zeros trimmed 千位分隔符', () => {
    expect(parseTarget('≥11,429.51元')).toEqual(numeric('>=', '11429.51', '元'));
    expect(parseTarget('1,234.5万元')).toEqual(numeric('=', '1234.5', '万元', false));
    expect(parseTarget('≤1,000,000元')).toEqual(numeric('<=', '1000000', '元'));
    expect(parseTarget('≥95.0%')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('≤541.870万元')).toEqual(numeric('<=', '541.87', '万元'));
    expect(parseTarget('≥.5')).toEqual(numeric('>=', '0.5', null));
  });

  it('full-width digits, signs and spaces are read as ASCII 全角与空格', () => {
    expect(parseTarget('≥９５％')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('　≥ 95 %　')).toEqual(numeric('>=', '95', '%'));
    expect(parseTarget('≥５０个')).toEqual(numeric('>=', '50', '个'));
    expect(parseTarget('≤ 541．87 万元')).toEqual(numeric('<=', '541.87', '万元'));
    expect(parseTarget('95 % 以 上')).toEqual(numeric('>=', '95', '%'));
  });
});

describe('parseTarget 年度指标值: deadlines, qualitative, not set 时限 定性 未设置', () => {
  it('deadlines with a month, a day, a year 时限', () => {
    expect(parseTarget('12月底前完成')).toEqual(deadline({ month: 12 }));
    expect(parseTarget('12月底前')).toEqual(deadline({ month: 12 }));
    expect(parseTarget('2023年12月31日前')).toEqual(deadline({ year: 2023, month: 12, day: 31 }));
    expect(parseTarget('6月30日前完成')).toEqual(deadline({ month: 6, day: 30 }));
    expect(parseTarget('2023年6月底前完成')).toEqual(deadline({ year: 2023, month: 6 }));
    expect(parseTarget('11月末之前到位')).toEqual(deadline({ month: 11 }));
  });

  it('按期 / 按期完成 have no date; 年底前 is month 12 按期 年底前', () => {
    expect(parseTarget('按期')).toEqual(deadline());
    expect(parseTarget('按期完成')).toEqual(deadline());
    expect(parseTarget('按时完成')).toEqual(deadline());
    expect(parseTarget('年底前')).toEqual(deadline({ month: 12 }));
    expect(parseTarget('年内完成')).toEqual(deadline({ month: 12 }));
  });

  it('a text without digits is qualitative, kept as written (normalised) 定性', () => {
    expect(parseTarget('效果明显')).toEqual(qualitative('效果明显'));
    expect(parseTarget('符合相关规定')).toEqual(qualitative('符合相关规定'));
    expect(parseTarget('严格执行相关制度规定')).toEqual(qualitative('严格执行相关制度规定'));
    expect(parseTarget(' 效果 明显 ')).toEqual(qualitative('效果明显'));
  });

  it('"/", blank, "无", "—" and the like are not set 未设置', () => {
    for (const t of ['/', '', '   ', '　', '无', '—', '——', '-', '--', '不适用', '未设置', 'N/A', '／']) {
      expect(parseTarget(t), JSON.stringify(t)).toEqual({ ok: 'not-set' });
    }
  });
});

describe('parseTarget 年度指标值: texts that cannot be read 无法读取', () => {
  it('ranges and garbage after a number are unreadable, never a guessed number 区间与乱码', () => {
    for (const t of ['1-2个', '95%-100%', '≥95%%', '≥9.5.5%', '≥95abc%', '12月32日前', '≥W95%']) {
      expect(parseTarget(t), t).toEqual({ ok: false, reason: 'unreadable' });
    }
  });

  it('a comparator without a number is unreadable (a value lost from the form); words without digits stay qualitative', () => {
    // "≥" alone, "≥abc": the comparator says a number was meant, so the text is not a qualitative target.
    for (const t of ['≥', '≤万元', '≥abc', '＞＝', '=']) expect(parseTarget(t), t).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTarget('不低于上年水平')).toEqual(qualitative('不低于上年水平'));
  });

  it('numbers too large or too precise are out-of-range 超出范围', () => {
    expect(parseTarget('≥1234567890123456789%')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseTarget('≤12345678901234567890123万元')).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseTarget('≥0.000000000000000000001')).toEqual({ ok: false, reason: 'out-of-range' });
  });

  it('"≥1e100000000" is refused at once, without expanding the exponent (exponents are not target notation) 指数写法', () => {
    const started = Date.now();
    const r = parseTarget('≥1e100000000');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('parseTarget 年度指标值: OCR artefacts OCR 误识', () => {
  it('"W95%" is ocr-comparator with hint "≤95%", never read as a number', () => {
    expect(parseTarget('W95%')).toEqual({ ok: false, reason: 'ocr-comparator', hint: '≤95%' });
    expect(parseTarget('w95%')).toEqual({ ok: false, reason: 'ocr-comparator', hint: '≤95%' });
    expect(parseTarget('Ｗ９５％')).toEqual({ ok: false, reason: 'ocr-comparator', hint: '≤95%' });
    expect(parseTarget('W5个')).toEqual({ ok: false, reason: 'ocr-comparator', hint: '≤5个' });
  });

  it('"295%" reads as =295% with suspect "≥95%"; the suspect itself reads as ≥95%', () => {
    const r = parseTarget('295%');
    expect(r).toEqual({ ...numeric('=', '295', '%', false), suspect: '≥95%' });
    expect(parseTarget('２９５％')).toEqual(r);
    if (r.ok !== true || r.suspect === undefined) throw new Error('expected a suspect reading');
    expect(parseTarget(r.suspect)).toEqual(numeric('>=', '95', '%'));
  });

  it('no suspect for "150%", "29%", "≥295%", "295个" or "295%以上" 不可疑', () => {
    const noSuspect = (t: string): void => {
      const r = parseTarget(t);
      expect(r.ok, t).toBe(true);
      expect('suspect' in r, t).toBe(false);
    };
    for (const t of ['150%', '29%', '2%', '100%', '≥295%', '295个', '295%以上', '295']) noSuspect(t);
    expect(parseTarget('150%')).toEqual(numeric('=', '150', '%', false));
  });
});

describe('parseActual 实际完成值', () => {
  const number = (value: string, unit: string | null): unknown => ({ ok: true, actual: { kind: 'number', value, unit } });
  const word = (w: string, tier: 'achieved' | 'partly' | 'not-achieved'): unknown => ({ ok: true, actual: { kind: 'word', tier, word: w } });

  it('numbers with and without a unit 数值', () => {
    expect(parseActual('98%')).toEqual(number('98', '%'));
    expect(parseActual('９８％')).toEqual(number('98', '%'));
    expect(parseActual('90')).toEqual(number('90', null));
    expect(parseActual(90)).toEqual(number('90', null));
    expect(parseActual('37.24')).toEqual(number('37.24', null));
    expect(parseActual(37.24)).toEqual(number('37.24', null));
    expect(parseActual('974.39万元')).toEqual(number('974.39', '万元'));
    expect(parseActual('100百分比')).toEqual(number('100', '%'));
    expect(parseActual('1,234')).toEqual(number('1234', null));
    expect(parseActual('52个')).toEqual(number('52', '个'));
  });

  it('words of each tier 定性文字', () => {
    for (const w of ['达成预期指标', '达成', '完成', '已完成', '符合相关规定', '效果明显']) expect(parseActual(w), w).toEqual(word(w, 'achieved'));
    for (const w of ['部分达成', '基本完成', '基本达到']) expect(parseActual(w), w).toEqual(word(w, 'partly'));
    for (const w of ['未达成', '未完成', '未达到']) expect(parseActual(w), w).toEqual(word(w, 'not-achieved'));
    expect(parseActual(' 达 成 ')).toEqual(word('达成', 'achieved'));
  });

  it('dates: "11月", "2023年11月20日", "2023-11-20" 日期', () => {
    expect(parseActual('11月')).toEqual({ ok: true, actual: { kind: 'date', month: 11 } });
    expect(parseActual('2023年11月20日')).toEqual({ ok: true, actual: { kind: 'date', year: 2023, month: 11, day: 20 } });
    expect(parseActual('2023-11-20')).toEqual({ ok: true, actual: { kind: 'date', year: 2023, month: 11, day: 20 } });
    expect(parseActual('2023/11/20')).toEqual({ ok: true, actual: { kind: 'date', year: 2023, month: 11, day: 20 } });
    expect(parseActual('11月底前完成')).toEqual({ ok: true, actual: { kind: 'date', month: 11 } });
    expect(parseActual('2023-13-01')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('blank is blank, not zero 空白', () => {
    for (const t of ['', '  ', '/', '-', '—']) expect(parseActual(t), JSON.stringify(t)).toEqual({ ok: 'blank' });
  });

  it('unreadable words and out-of-range numbers are refused with the reason 无法读取', () => {
    expect(parseActual('很好吧')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseActual('1-2个')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseActual(1e300)).toEqual({ ok: false, reason: 'out-of-range' });
    expect(parseActual(Number.NaN)).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseActual('12345678901234567890123')).toEqual({ ok: false, reason: 'out-of-range' });
  });
});

describe('formatTarget 规范写法', () => {
  it('writes the canonical text of each kind 各类目标', () => {
    expect(formatTarget({ kind: 'numeric', op: '>=', explicit: true, value: '95', unit: '%' })).toBe('≥95%');
    expect(formatTarget({ kind: 'numeric', op: '<=', explicit: true, value: '541.87', unit: '万元' })).toBe('≤541.87万元');
    expect(formatTarget({ kind: 'numeric', op: '=', explicit: false, value: '100', unit: '%' })).toBe('100%');
    expect(formatTarget({ kind: 'numeric', op: '>', explicit: true, value: '3', unit: null })).toBe('>3');
    expect(formatTarget({ kind: 'deadline' })).toBe('按期完成');
    expect(formatTarget({ kind: 'deadline', month: 12 })).toBe('12月底前');
    expect(formatTarget({ kind: 'deadline', year: 2023, month: 12, day: 31 })).toBe('2023年12月31日前');
    expect(formatTarget({ kind: 'qualitative', text: '效果明显' })).toBe('效果明显');
  });
});

/* ---------------------------------------------------------------------------------------------------------------- */
/* Properties 性质                                                                                                   */
/* ---------------------------------------------------------------------------------------------------------------- */

/** Canonical units (as parseTarget returns them), and one opaque unit. */
const UNITS = [
  '%', '元', '千元', '万元', '亿元', '米', '公里', '平方米', '平方公里', '克', '千克', '吨', '万吨', '人', '万人', '人次',
  '万人次', '亩', '万亩', '天', '个工作日', '小时', '月', '年', '个', '次', '户', '项', '件', '所学校', '台套', '公顷',
  '立方米', '课时', '万元/人', '元/亩', '座桥',
] as const;
const OPS: readonly Comparator[] = ['>=', '<=', '=', '>', '<'];

/** A canonical non-negative plain decimal: an integer shifted by a scale, no trailing zeros, no exponent. */
const canonicalDecimal: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 15n })), fc.integer({ min: 0, max: 6 }))
  .map(([n, scale]) => {
    const s = n.toString().padStart(scale + 1, '0');
    const int = s.slice(0, s.length - scale);
    const frac = s.slice(s.length - scale).replace(/0+$/, '');
    return frac === '' ? int : `${int}.${frac}`;
  });

/** Would the bare text of this target trip the "295%" OCR rule (a suspect, not a plain reading)? */
const looksLikeOcr = (t: NumericTarget): boolean => !t.explicit && t.unit === '%' && t.value.startsWith('2') && Number(t.value) > 100;

const numericTarget: fc.Arbitrary<NumericTarget> = fc
  .record({
    op: fc.constantFrom(...OPS),
    explicit: fc.boolean(),
    value: canonicalDecimal,
    unit: fc.option(fc.constantFrom(...UNITS), { nil: null }),
  })
  .map(({ op, explicit, value, unit }): NumericTarget => ({ kind: 'numeric', op: explicit ? op : '=', explicit, value, unit }))
  .filter((t) => !looksLikeOcr(t));

const deadlineTarget: fc.Arbitrary<DeadlineTarget> = fc.oneof(
  fc.constant<DeadlineTarget>({ kind: 'deadline' }),
  fc
    .record({
      year: fc.option(fc.integer({ min: 2000, max: 2099 }), { nil: undefined }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
    })
    .map(({ year, month, day }): DeadlineTarget => ({
      kind: 'deadline',
      ...(year === undefined ? {} : { year }),
      month,
      ...(day === undefined ? {} : { day }),
    })),
);

/** Texts with another meaning: deadline words and not-set words. */
const RESERVED = new Set([
  '按期', '按期完成', '按时', '按时完成', '及时完成', '按计划完成', '按计划时间完成', '按进度完成',
  '年底前', '年底前完成', '年内', '年内完成', '年底完成', '当年完成', '年度内完成', '无', '不适用', '未设置',
]);
/** Common characters of target texts (so that reserved words do come up), and any CJK ideograph. */
const cjkChar = fc.oneof(
  fc.constantFrom(...'效果明显符合相关规定严格执行制度按期时完成年底前内无不适用未设置达到良好满意'),
  fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
);
const qualitativeTarget: fc.Arbitrary<QualitativeTarget> = fc
  .string({ unit: cjkChar, minLength: 1, maxLength: 12 })
  .filter((text) => !RESERVED.has(text) && !/\d/.test(text))
  .map((text): QualitativeTarget => ({ kind: 'qualitative', text }));

describe('properties 性质: formatTarget → parseTarget', () => {
  it('reading the canonical text of a numeric target gives it back, without suspect 定量往返', () => {
    fc.assert(
      fc.property(numericTarget, (t) => {
        expect(parseTarget(formatTarget(t))).toStrictEqual({ ok: true, target: t });
      }),
      runs(300),
    );
  });

  it('reading the canonical text of a deadline gives it back 时限往返', () => {
    fc.assert(
      fc.property(deadlineTarget, (t) => {
        expect(parseTarget(formatTarget(t))).toStrictEqual({ ok: true, target: t });
      }),
      runs(200),
    );
  });

  it('reading a qualitative text gives it back 定性往返', () => {
    fc.assert(
      fc.property(qualitativeTarget, (t) => {
        expect(parseTarget(formatTarget(t))).toStrictEqual({ ok: true, target: t });
      }),
      runs(200),
    );
  });

  it('any target of the three kinds round-trips 三类合并', () => {
    const anyTarget: fc.Arbitrary<ParsedTarget> = fc.oneof(numericTarget, deadlineTarget, qualitativeTarget);
    fc.assert(
      fc.property(anyTarget, (t) => {
        expect(parseTarget(formatTarget(t))).toStrictEqual({ ok: true, target: t });
      }),
      runs(200),
    );
  });
});

describe('properties 性质: full-width and space variation 全角与空格不改变含义', () => {
  /** A plain target text: comparator symbol, a number (canonical, or with separators / trailing zeros) and a unit. */
  const plainText = fc
    .record({
      op: fc.constantFrom('≥', '≤', '=', '>', '<', '>=', '<=', '≧', '≦', '==', ''),
      number: fc.oneof(
        canonicalDecimal,
        fc.integer({ min: 1000, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
        canonicalDecimal.map((v) => (v.includes('.') ? `${v}0` : `${v}.00`)),
      ),
      unit: fc.oneof(fc.constant(''), fc.constantFrom(...UNITS), fc.constantFrom('百分比', '千米', '日')),
    })
    .map(({ op, number, unit }) => `${op}${number}${unit}`);

  /** Full-width form of a printable ASCII character (U+FF01..U+FF5E mirror 0x21..0x7E). */
  const fullWidth = (ch: string): string => {
    const c = ch.codePointAt(0) ?? 0;
    return c >= 0x21 && c <= 0x7e ? String.fromCodePoint(c + 0xfee0) : ch;
  };

  /** The plain text, and a variant with some ASCII characters made full-width and spaces inserted anywhere. */
  const variation = plainText.chain((plain) => {
    const chars = Array.from(plain);
    return fc
      .tuple(
        fc.array(fc.boolean(), { minLength: chars.length, maxLength: chars.length }),
        fc.array(fc.constantFrom('', '', '', ' ', '\u3000', '  ', ' \u3000', '\t'), { minLength: chars.length + 1, maxLength: chars.length + 1 }),
      )
      .map(([wide, spaces]) => ({
        plain,
        varied: chars.map((ch, i) => `${spaces[i] ?? ''}${wide[i] === true ? fullWidth(ch) : ch}`).join('') + (spaces[chars.length] ?? ''),
      }));
  });

  it('parseTarget reads the varied text exactly as the plain text 含义不变', () => {
    fc.assert(
      fc.property(variation, ({ plain, varied }) => {
        const base = parseTarget(plain);
        expect(base.ok, plain).toBe(true);
        expect(parseTarget(varied), `${JSON.stringify(varied)} vs ${JSON.stringify(plain)}`).toStrictEqual(base);
      }),
      runs(300),
    );
  });
});

describe('readings fixed after review 复核后修正的读法', () => {
  it('a decimal with four digits before the point is a number, not a date; dotted dates need day and month', () => {
    expect(parseActual('1500.5')).toEqual({ ok: true, actual: { kind: 'number', value: '1500.5', unit: null } });
    expect(parseActual('2023.11')).toEqual({ ok: true, actual: { kind: 'number', value: '2023.11', unit: null } });
    expect(parseActual('2023.11.20')).toEqual({ ok: true, actual: { kind: 'date', year: 2023, month: 11, day: 20 } });
    expect(parseActual('2023-11')).toEqual({ ok: true, actual: { kind: 'date', year: 2023, month: 11 } });
    expect(parseActual('2023/11-20')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseActual('2023-13-01')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('impossible months and days are unreadable, in targets and actuals alike', () => {
    for (const t of ['13月底前', '0月底前', '2月30日前', '4月31日前完成', '12月32日前']) expect(parseTarget(t), t).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTarget('2月29日前')).toEqual({ ok: true, target: { kind: 'deadline', month: 2, day: 29 } });
    expect(parseActual('2月30日')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('the OCR suspect hint is only given for "2" + a well-formed percentage', () => {
    expect(parseTarget('295%')).toMatchObject({ suspect: '≥95%' });
    expect(parseTarget('2105.5%')).toMatchObject({ suspect: '≥105.5%' });
    for (const t of ['200%', '2000%', '2,500%', '150%']) expect(parseTarget(t), t).not.toHaveProperty('suspect');
  });
});
