import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCalculator, GUARD_PLACES } from '../../src/calc/calculator.js';
import { dec, toPlain, type Dec } from '../../src/calc/decimal.js';
import type { RoundingMode } from '../../src/calc/rounding.js';
import { Ratio, roundDiv, scaledCalculator, SCALED_OVERFLOW, type Scaled } from '../../src/calc/scaled.js';

const MODES: RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'];
const d = decimalCalculator;

/** Decimals with up to `places` places and a magnitude the fast path meets in forms. */
const decimal = (places: number) =>
  fc.tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: places })).map(([n, p]) => dec(n).div(dec(10).pow(p)));

/** Runs `f` on the scaled calculator; SCALED_OVERFLOW gives undefined (the fast path then uses decimals). */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e === SCALED_OVERFLOW) return undefined;
    throw e;
  }
}

/** The exact value of a scaled result, compared as a fraction against a decimal result within 10^-40. */
function same(s: ReturnType<typeof scaledCalculator>, x: Scaled, y: Dec): boolean {
  return s.toDec(x).minus(y).abs().lt(dec('1e-40'));
}

describe('scaled-integer calculator', () => {
  for (const scale of [0, 2, 4, 6]) {
    const s = scaledCalculator({ scale, precision: 2, snapThenRound: true });
    it(`scale ${scale}: + − × ÷ and comparisons agree with decimal.js`, () => {
      fc.assert(
        fc.property(decimal(6), decimal(6), (a, b) => {
          const [x, y] = [attempt(() => s.from(a)), attempt(() => s.from(b))];
          if (x === undefined || y === undefined) return;
          for (const [op, ref] of [
            [s.add, d.add],
            [s.sub, d.sub],
            [s.mul, d.mul],
          ] as const) {
            const r = attempt(() => op(x, y));
            if (r !== undefined) expect(same(s, r, ref(a, b))).toBe(true);
          }
          if (!b.isZero()) {
            const q = attempt(() => s.div(x, y));
            if (q !== undefined) expect(same(s, q, d.div(a, b))).toBe(true);
          }
          expect(s.cmp(x, y)).toBe(d.cmp(a, b));
          expect(s.isZero(x)).toBe(a.isZero());
          expect(toPlain(s.toDec(s.floor(x)))).toBe(toPlain(d.floor(a)));
          expect(toPlain(s.toDec(s.ceil(x)))).toBe(toPlain(d.ceil(a)));
          expect(s.isInteger(x)).toBe(d.isInteger(a));
        }),
        { numRuns: 600 },
      );
    });
    it(`scale ${scale}: rounding quotients once, in every mode, matches decimal.js`, () => {
      fc.assert(
        fc.property(decimal(4), decimal(4), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...MODES), (a, b, places, mode) => {
          if (b.isZero()) return;
          const q = attempt(() => s.div(s.from(a), s.from(b)));
          if (q === undefined) return;
          const r = attempt(() => s.round(q, places, mode));
          // The decimal path snaps to the guard places first (see calculator.ts); the result must be the same.
          if (r !== undefined) expect(toPlain(s.toDec(r))).toBe(toPlain(d.round(d.round(d.div(a, b), GUARD_PLACES, 'half-even'), places, mode)));
        }),
        { numRuns: 600 },
      );
    });
  }

  it('roundDiv rounds ties and negatives like decimal.js in every mode', () => {
    for (const mode of MODES) {
      for (let n = -25; n <= 25; n++) {
        expect(String(roundDiv(n, 10, mode))).toBe(toPlain(d.round(dec(n).div(10), 0, mode)));
      }
    }
  });

  it('roundDiv agrees with decimal.js for any safe integer and divisor, around 2^52 and 2^53 too', () => {
    const edge = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: 4503599627370496 - 100000, max: 4503599627370496 + 100000 }),
      fc.integer({ min: Number.MAX_SAFE_INTEGER - 100000, max: Number.MAX_SAFE_INTEGER }),
    ).chain((n) => fc.constantFrom(n, -n));
    const divisor = fc.oneof(fc.constantFrom(1, 2, 3, 7, 10, 100, 1e4, 1e6, 1e10, 1e15), fc.integer({ min: 1, max: 1e12 }));
    fc.assert(
      fc.property(edge, divisor, fc.constantFrom(...MODES), (n, D, mode) => {
        const got = roundDiv(n, D, mode);
        expect(Object.is(got, -0)).toBe(false);
        expect(String(got)).toBe(toPlain(d.round(dec(n).div(D), 0, mode)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps quotients exact: (1 ÷ 3) × 3 is 1, and 2 ÷ 3 is a fraction', () => {
    const s = scaledCalculator({ scale: 2, precision: 2, snapThenRound: true });
    const third = s.div(s.from(dec(1)), s.from(dec(3)));
    expect(third).toBeInstanceOf(Ratio);
    expect(s.mul(third, s.from(dec(3)))).toBe(s.one);
  });

  it('throws its sentinel when a value does not fit in int53, never a wrong value', () => {
    const s = scaledCalculator({ scale: 4, precision: 2, snapThenRound: true });
    expect(() => s.from(dec('1e15'))).toThrow();
    const big = s.from(dec('400000000000'));
    expect(() => s.add(big, big)).not.toThrow();
    let thrown: unknown;
    try {
      s.mul(big, big);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(SCALED_OVERFLOW);
  });

  it('near int53, every operation gives the exact value as safe integers, or throws its sentinel', () => {
    const s = scaledCalculator({ scale: 4, precision: 2, snapThenRound: true });
    const MAX = Number.MAX_SAFE_INTEGER;
    // Scaled integers anywhere in int53, often at its edges, read back as the decimals they stand for.
    const k = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: MAX - 1000, max: MAX }), fc.integer({ min: -MAX, max: -MAX + 1000 }), fc.integer({ min: -20_000, max: 20_000 }), fc.integer({ min: 94_906_265, max: 94_906_267 }));
    const safeValue = (r: Scaled): boolean => (typeof r === 'number' ? Number.isSafeInteger(r) : Number.isSafeInteger(r.n) && Number.isSafeInteger(r.d));
    fc.assert(
      fc.property(k, k, (ka, kb) => {
        const [a, b] = [dec(ka).div(1e4), dec(kb).div(1e4)];
        const [x, y] = [s.from(a), s.from(b)];
        const ops: [string, () => Scaled, () => Dec][] = [
          ['add', () => s.add(x, y), () => d.add(a, b)],
          ['sub', () => s.sub(x, y), () => d.sub(a, b)],
          ['mul', () => s.mul(x, y), () => d.mul(a, b)],
        ];
        if (!b.isZero()) ops.push(['div', () => s.div(x, y), () => d.div(a, b)]);
        for (const [, op, ref] of ops) {
          const r = attempt(op);
          if (r === undefined) continue;
          expect(safeValue(r)).toBe(true);
          expect(same(s, r, ref())).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('on integers and fractions of every size, agrees with exact rational arithmetic in bigints, or throws its sentinel', () => {
    // An independent reference: a value n / (d · 10^S) as a bigint fraction [n, d · 10^S], d > 0.
    type Q = readonly [bigint, bigint];
    const S = 4;
    const s = scaledCalculator({ scale: S, precision: 2, snapThenRound: true });
    const SCALE = 10n ** BigInt(S);
    const q = (x: Scaled): Q => (typeof x === 'number' ? [BigInt(x), SCALE] : [BigInt(x.n), BigInt(x.d) * SCALE]);
    const cmpQ = (a: Q, b: Q): number => Math.sign(Number(a[0] * b[1] - b[0] * a[1]));
    const ops: { [op: string]: (a: Q, b: Q) => Q } = {
      add: (a, b) => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]],
      sub: (a, b) => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]],
      mul: (a, b) => [a[0] * b[0], a[1] * b[1]],
      div: (a, b) => (b[0] < 0n ? [-a[0] * b[1], a[1] * -b[0]] : [a[0] * b[1], a[1] * b[0]]),
    };
    /** a rounded to `places` decimals in `mode`, as a fraction over 10^places. */
    const roundQ = (a: Q, places: number, mode: RoundingMode): Q => {
      const unit = 10n ** BigInt(places);
      const [n, den] = [a[0] * unit, a[1]];
      const floor = n >= 0n ? n / den : -((-n + den - 1n) / den);
      const rest = n - floor * den; // 0 <= rest < den
      if (rest === 0n) return [floor, unit];
      const twice = 2n * rest;
      const up = floor + 1n;
      const towardZero = n >= 0n ? floor : up;
      const away = n >= 0n ? up : floor;
      const pick: { [m in RoundingMode]: bigint } = {
        floor,
        ceil: up,
        down: towardZero,
        up: away,
        'half-up': twice === den ? away : twice > den ? up : floor,
        'half-down': twice === den ? towardZero : twice > den ? up : floor,
        'half-even': twice === den ? (floor % 2n === 0n ? floor : up) : twice > den ? up : floor,
      };
      return [pick[mode], unit];
    };
    const MAX = Number.MAX_SAFE_INTEGER;
    const safeInt = fc.oneof(fc.integer({ min: -20_000, max: 20_000 }), fc.maxSafeInteger(), fc.integer({ min: MAX - 1000, max: MAX }), fc.integer({ min: 1, max: 2 ** 31 }));
    const denominator = fc.oneof(fc.integer({ min: 2, max: 40 }), fc.constantFrom(3, 7, 9, 1024, 3 ** 20, 2 ** 40, 10 ** 6), fc.integer({ min: 2, max: MAX }));
    const integerValue = safeInt.chain((n) => fc.constantFrom<Scaled>(n === 0 ? 0 : n, n === 0 ? 0 : -n));
    const fractionValue = fc.tuple(safeInt, denominator, fc.boolean()).filter(([n, den]) => n % den !== 0).map(([n, den, negative]): Scaled => new Ratio(negative ? -n : n, den));
    const value = fc.oneof(integerValue, fractionValue);
    const isValue = (r: Scaled): boolean =>
      typeof r === 'number' ? Number.isSafeInteger(r) && !Object.is(r, -0) : r instanceof Ratio && Number.isSafeInteger(r.n) && Number.isSafeInteger(r.d) && r.d > 1 && r.n % r.d !== 0;
    const agrees = (r: Scaled, expected: Q): void => {
      expect(isValue(r)).toBe(true);
      expect(cmpQ(q(r), expected)).toBe(0);
    };
    fc.assert(
      fc.property(value, value, fc.constantFrom(...MODES), fc.integer({ min: 0, max: S + 3 }), (x, y, mode, places) => {
        const [a, b] = [q(x), q(y)];
        // The exact order, or the sentinel when the two may lie within 10^-30 (denominators' product 10^29 or more).
        const order = attempt(() => s.cmp(x, y));
        if (order !== undefined) expect(order).toBe(cmpQ(a, b));
        if (a[1] * b[1] < 10n ** 29n / SCALE) expect(order).toBeDefined();
        expect(s.isZero(x)).toBe(a[0] === 0n);
        expect(s.isInteger(x)).toBe(a[0] % a[1] === 0n);
        expect(s.is(x)).toBe(true);
        agrees(s.neg(x), [-a[0], a[1]]);
        agrees(s.abs(x), [a[0] < 0n ? -a[0] : a[0], a[1]]);
        for (const [op, ref] of Object.entries(ops)) {
          if (op === 'div' && b[0] === 0n) continue;
          const r = attempt(() => (s[op as 'add'] as (p: Scaled, r: Scaled) => Scaled)(x, y));
          if (r !== undefined) agrees(r, ref(a, b));
        }
        const rounded = attempt(() => s.round(x, places, mode));
        if (rounded !== undefined) agrees(rounded, roundQ(a, places, mode));
        for (const [f, m] of [[s.floor, 'floor'], [s.ceil, 'ceil']] as const) {
          const r = attempt(() => f(x));
          if (r !== undefined) agrees(r, roundQ(a, 0, m));
        }
        // The nearest number, within the rounding of the decimal path's 30 guard places.
        const n = s.toNumber(x);
        expect(Math.abs(n - Number(a[0]) / Number(a[1]))).toBeLessThanOrEqual(Math.abs(n) * 4 * Number.EPSILON + 1e-30);
      }),
      { numRuns: 4000 },
    );
    expect(s.is('1')).toBe(false);
    expect(s.is({ n: 1, d: 3 })).toBe(false);
    // Cross products beyond 2^53 that differ by 1, which doubles cannot tell apart: n_a / 2 − n_b / 3 = 1/6.
    const [na, nb] = [6004799503160659, 9007199254740988];
    expect(s.cmp(new Ratio(na, 2), new Ratio(nb, 3))).toBe(1);
    expect(s.cmp(new Ratio(nb, 3), new Ratio(na, 2))).toBe(-1);
    // Equal values compare equal, with cross products within 2^53 (1/3 against 2/6) and beyond it (m/7 against itself).
    expect([s.cmp(new Ratio(1, 3), new Ratio(2, 6)), s.cmp(new Ratio(MAX, 7), new Ratio(MAX, 7))]).toEqual([0, 0]);
    // m / (m − 1) and (m − 1) / (m − 2) lie about 10^-32 apart: closer than the guard places, so the decimal path decides.
    const m = MAX;
    expect(attempt(() => s.cmp(new Ratio(m, m - 1), new Ratio(m - 1, m - 2)))).toBeUndefined();
    // A number read with more places than the scale holds (beyond 10^15 above it) does not fit.
    expect(attempt(() => s.fromParts(1, S + 16))).toBeUndefined();
    expect(s.fromParts(1, S + 15)).toEqual(new Ratio(1, 10 ** 15));
  });

  it('does not keep an unsnapped fraction when rounding happens only at the total', () => {
    const s = scaledCalculator({ scale: 2, precision: 2, snapThenRound: false });
    const third = s.div(s.from(dec(1)), s.from(dec(3)));
    expect(() => s.round(third, GUARD_PLACES, 'half-even')).toThrow();
    const eighth = s.div(s.from(dec(1)), s.from(dec(8)));
    expect(s.round(eighth, GUARD_PLACES, 'half-even')).toBe(eighth);
  });
});
