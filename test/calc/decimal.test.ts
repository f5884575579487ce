import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, ceilInt, cmp, dec, div, floorInt, mul, round, sub, toPlain } from '../../src/calc/decimal.js';
import { parseNumber, sizeOf, withinLimits } from '../../src/calc/parseNumber.js';
import type { RoundingMode } from '../../src/calc/rounding.js';
import { runs as capped } from '../properties/helpers.js';

/*
 * The decimal calculator runs on decimal.js-light, which truncates its results at its precision where decimal.js
 * rounds them. src/calc/decimal.ts works at 51 digits and rounds longer results half-up to 50, so every result must
 * be the one decimal.js gives at precision 50, ROUND_HALF_UP (the library jixiao used before, and the reference):
 * quotients that do not terminate, products and sums longer than 50 digits, chains of them, and values whose 51st
 * digit is a 5 (ties) or a 4 followed by nines.
 */
const REF = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
const plainRef = (x: DecimalJs): string => {
  const s = x.toFixed();
  return s === '-0' ? '0' : s;
};

const digit = fc.constantFrom('0', '1', '3', '4', '5', '6', '9');
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(''));
/** A decimal text of up to 60 significant digits (inputs have fewer; quotients and products have 50). */
const text = fc
  .tuple(fc.boolean(), digits(1, 25), digits(0, 35))
  .map(([negative, int, frac]) => plainRef(new DecimalJs(`${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`)));
const nonZero = text.filter((t) => !/^-?[0.]+$/.test(t));
const OPS = {
  add: [add, (a: DecimalJs, b: DecimalJs) => a.plus(b)],
  sub: [sub, (a: DecimalJs, b: DecimalJs) => a.minus(b)],
  mul: [mul, (a: DecimalJs, b: DecimalJs) => a.times(b)],
  div: [div, (a: DecimalJs, b: DecimalJs) => a.dividedBy(b)],
} as const;
type Op = keyof typeof OPS;
const ops = Object.keys(OPS) as Op[];

describe('the decimal calculator (decimal.js-light) gives decimal.js results at 50 digits', () => {
  it('each of + − × ÷ on decimals of up to 60 digits', () => {
    fc.assert(
      fc.property(text, nonZero, fc.constantFrom(...ops), (a, b, op) => {
        const [ours, theirs] = OPS[op];
        // (The reference's operands are rounded to 50 digits first, as ours are by the chain that made them.)
        const ra = new REF(a).toSignificantDigits(50);
        const rb = new REF(b).toSignificantDigits(50);
        expect(toPlain(ours(dec(plainRef(ra)), dec(plainRef(rb))))).toBe(plainRef(theirs(ra, rb)));
      }),
      capped(2000),
    );
  });

  it('chains of operations, where every step is rounded to 50 digits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.constantFrom(...ops), nonZero), { minLength: 1, maxLength: 6 }), (start, steps) => {
        let ours = dec(start);
        let theirs = new REF(start);
        for (const [op, operand] of steps) {
          ours = OPS[op][0](ours, dec(operand));
          theirs = OPS[op][1](theirs, new REF(operand));
        }
        expect(toPlain(ours)).toBe(plainRef(theirs));
      }),
      capped(1000),
    );
  });

  it('ties and near-ties at the 51st digit, and quotients that do not terminate', () => {
    const cases: [Op, string, string][] = [
      ['div', '1', '3'],
      ['div', '2', '3'],
      ['div', '-2', '3'],
      ['div', '1', '7'],
      ['div', '11429.51', '12000'],
      ['mul', '0.66666666666666666666666666666666666666666666666667', '3'],
      // 50 nines and a 5: a tie, rounded up (half-up), to 1 followed by zeros.
      ['add', `0.${'9'.repeat(50)}`, `0.${'0'.repeat(50)}5`],
      ['add', `0.${'9'.repeat(49)}4`, `0.${'0'.repeat(50)}49`],
      ['sub', `1${'0'.repeat(49)}`, `0.5`],
      ['sub', `1${'0'.repeat(49)}`, `0.49`],
      ['mul', `1${'1'.repeat(25)}`, `1${'1'.repeat(25)}5`],
    ];
    for (const [op, a, b] of cases) expect(toPlain(OPS[op][0](dec(a), dec(b))), `${a} ${op} ${b}`).toBe(plainRef(OPS[op][1](new REF(a), new REF(b))));
  });

  it('rounding, floor and ceil are exact, in every mode', () => {
    const modes: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'];
    const REF_MODES = [DecimalJs.ROUND_HALF_UP, DecimalJs.ROUND_HALF_EVEN, DecimalJs.ROUND_HALF_DOWN, DecimalJs.ROUND_DOWN, DecimalJs.ROUND_UP, DecimalJs.ROUND_FLOOR, DecimalJs.ROUND_CEIL] as const;
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 6 }), (a, places, m) => {
        expect(toPlain(round(dec(a), places, modes[m] as RoundingMode))).toBe(plainRef(new REF(a).toDecimalPlaces(places, REF_MODES[m] as DecimalJs.Rounding)));
        expect(toPlain(floorInt(dec(a)))).toBe(plainRef(new REF(a).floor()));
        expect(toPlain(ceilInt(dec(a)))).toBe(plainRef(new REF(a).ceil()));
        expect(cmp(dec(a), dec(a))).toBe(0);
      }),
      capped(1000),
    );
  });

  it('reads a leading plus sign before a digit or a point (parseNumber, the reader of written numbers)', () => {
    const read = (text: string) => {
      const n = parseNumber(text);
      return n.ok ? toPlain(n.value) : n.reason;
    };
    expect(['+5', '+0.25', '+.5', '+1,000', '+95%'].map(read)).toEqual(['5', '0.25', '0.5', '1000', '0.95']);
    // Only before a digit or a point, as decimal.js read it: "+-5" and "++5" are not numbers.
    expect(['+-5', '++5', '+'].map(read)).toEqual(['invalid', 'invalid', 'invalid']);
  });

  it('strips a declared unit, written in full or half width; a unit "%" stays the percent sign', () => {
    const read = (text: string, unit: string) => {
      const n = parseNumber(text, unit);
      return n.ok ? [toPlain(n.value), n.percent] : n.reason;
    };
    expect(read('58.22万元', '万元')).toEqual(['58.22', false]);
    // "ｍ" (U+FF4D) is "m" in the text as in the unit, whichever of them is written in full width.
    expect([read('12ｍ', 'm'), read('12m', 'ｍ'), read('12ｍ', 'ｍ')]).toEqual([['12', false], ['12', false], ['12', false]]);
    // "9.5%" of an input declared in % is 0.095, however the unit is written; "9.5" is 9.5 (its type decides).
    expect([read('9.5%', '%'), read('9.5％', '%'), read('9.5%', '％'), read('9.5', '%')]).toEqual([['0.095', true], ['0.095', true], ['0.095', true], ['9.5', false]]);
  });
});

describe('withinLimits: the shortcut parseNumber takes for JS numbers', () => {
  it('says "within" only of numbers whose written text sizeOf also finds within the limits', () => {
    // Doubles of every magnitude, and those near the shortcut's own edges (0.001, 10^15) and the limits' (10^18, 10^-20).
    const edges = fc.constantFrom(0.001, 0.0009999999999999998, 1e15, 999999999999999.9, 1e18, 1e-20, 1.2345678901234567e-3, 0.0012345678901234567, 1.2345678901234567e-6);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), edges), fc.boolean(), (x, negative) => {
        const v = negative ? -x : x;
        if (withinLimits(v)) expect(sizeOf(String(v))).toBe('ok');
      }),
      { numRuns: 20000 },
    );
    expect([0, 0.001, 0.0012345678901234567, 123456789012345.6].map(withinLimits)).toEqual([true, true, true, true]);
    expect([1e15, 0.0009, 1e-7].map(withinLimits)).toEqual([false, false, false]);
  });
});
