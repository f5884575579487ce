import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundText, shiftText, trimText } from '../../src/calc/decimalText.js';
import type { RoundingMode } from '../../src/calc/rounding.js';
import { runs as capped } from '../properties/helpers.js';

/*
 * The text operations the sheet shows every value through, against decimal.js (the reference) on random decimals
 * with many digits, on rounding boundaries (…5, …50, …49, runs of 9) and with leading / trailing zeros.
 */
const D = DecimalJs.clone({ precision: 200 });
const MODES: { readonly [M in RoundingMode]: DecimalJs.Rounding } = {
  'half-up': DecimalJs.ROUND_HALF_UP,
  'half-even': DecimalJs.ROUND_HALF_EVEN,
  'half-down': DecimalJs.ROUND_HALF_DOWN,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceil: DecimalJs.ROUND_CEIL,
};
const modes = Object.keys(MODES) as RoundingMode[];

const digit = fc.constantFrom('0', '1', '4', '5', '6', '9');
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(''));
/** A plain decimal text as the sheet has them: sign, integer digits (no leading zeros), fraction without trailing zeros. */
const plain = fc.tuple(fc.boolean(), digits(1, 20), digits(0, 40)).map(([negative, int, frac]) => new D(`${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`).toFixed());
/** Any decimal text: leading zeros in the integer part and trailing zeros in the fraction allowed. */
const loose = fc.tuple(fc.boolean(), digits(1, 20), digits(0, 40)).map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);

/** decimal.js toFixed, with a negative zero shown as zero. */
const reference = (text: string, places: number, mode: RoundingMode): string => {
  const s = new D(text).toFixed(places, MODES[mode]);
  return /^-[0.]+$/.test(s) ? s.slice(1) : s;
};

describe('decimal texts', () => {
  it('roundText rounds as decimal.js toFixed, in every mode', () => {
    fc.assert(
      fc.property(fc.oneof(plain, loose), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...modes), (text, places, mode) => {
        expect(roundText(text, places, mode)).toBe(reference(text, places, mode));
      }),
      capped(3000),
    );
  });

  it('roundText: the boundaries the docs name', () => {
    expect(roundText('0.125', 2, 'half-up')).toBe('0.13');
    expect(roundText('0.125', 2, 'half-even')).toBe('0.12');
    expect(roundText('0.135', 2, 'half-even')).toBe('0.14');
    expect(roundText('0.125', 2, 'half-down')).toBe('0.12');
    expect(roundText('0.1251', 2, 'half-down')).toBe('0.13');
    expect(roundText('-0.001', 2, 'half-up')).toBe('0.00');
    expect(roundText('-0.001', 2, 'floor')).toBe('-0.01');
    expect(roundText('99.995', 2, 'half-up')).toBe('100.00');
    expect(roundText('9.5', 0, 'half-even')).toBe('10');
    expect(roundText('8.5', 0, 'half-even')).toBe('8');
    expect(roundText('92', 2, 'half-up')).toBe('92.00');
  });

  it('roundText agrees with decimal.js on a fixed table of ties, near-ties, runs of 9 and leading zeros, in every mode (not capped by run limits)', () => {
    const values = ['0.135', '0.125', '0.1351', '0.1349', '0.13', '0.1', '9.995', '99.9951', '0.005', '0.0049', '7', '1234.5', '0.999999'];
    // Leading zeros, which the common case (already within the places) must not pass through as they are.
    values.push('0', '00', '007', '00.5', '007.25', '0.50');
    for (const v of [...values, ...values.map((x) => `-${x}`)]) {
      for (const mode of modes) for (const places of [0, 1, 2, 3]) expect(roundText(v, places, mode), `${v} ${mode} ${places}`).toBe(reference(v, places, mode));
    }
  });

  it('shiftText moves the point as a multiplication by 10^k does', () => {
    fc.assert(
      fc.property(fc.oneof(plain, loose), fc.integer({ min: -6, max: 6 }), (text, k) => {
        expect(shiftText(text, k)).toBe(new D(text).times(new D(10).pow(k)).toFixed().replace(/^-0$/, '0'));
      }),
      capped(3000),
    );
    expect(shiftText('0.9547', 2)).toBe('95.47');
    expect(shiftText('95', -2)).toBe('0.95');
    expect(shiftText('-0.0', 2)).toBe('0');
  });

  it('trimText gives the plain text decimal.js gives', () => {
    fc.assert(
      fc.property(loose, (text) => {
        expect(trimText(text)).toBe(new D(text).toFixed().replace(/^-0$/, '0'));
      }),
      capped(3000),
    );
  });
});
