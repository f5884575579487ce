import type { Calculator } from './calculator.js';
import { GUARD_PLACES } from './calculator.js';
import { dec, decimalPlaces, div, isInteger as decIsInteger, mul, pow10, round as decRound, toNumber, toPlain, type Dec } from './decimal.js';
import type { RoundingMode } from './rounding.js';

/*
 * 定点整数计算器。A calculator whose values are integers scaled by 10^S (S chosen per framework), in plain JS
 * numbers kept within ±(2^53 − 1). A value that is not a multiple of 10^-S (a quotient such as 2 ÷ 3) is kept as an
 * exact fraction `Ratio` (n / (d · 10^S), d > 1), so no operation ever rounds on its own: every result is
 * the exact rational, as the decimal calculator's is (to its 50 digits). Rounding happens only where `round` is
 * called, once, at the asked places and mode.
 *
 * When a value or an intermediate product does not fit in int53, the operation throws `SCALED_OVERFLOW`; the
 * caller (the fast evaluator) then scores that record with the decimal calculator. Nothing is ever approximated.
 *
 * The guard snap (`round(x, GUARD_PLACES, 'half-even')`, see calculator.ts) cannot be carried out on a fraction
 * whose expansion is longer than 30 places. Where the snapped value is rounded again right away (scores rounded at
 * leaves), the fraction is kept as it is: a fraction n / (d · 10^S) that is not on a rounding boundary of the
 * precision P lies at least 1 / (2 · d · 10^(S+P)) from it, more than the snap's 0.5 · 10^-30 whenever
 * d · 10^(S+P) < 10^28 (checked), so both give the same rounded result. Where it is not (rounding only at the
 * total, whose sum of snapped fractions can differ from the exact sum), such a fraction throws `SCALED_OVERFLOW`.
 */

/** 精确分数（定点整数计算器中非 10^-S 整倍数的值）。An exact fraction n / (d · 10^S), d > 1 not dividing n (not always in lowest terms). */
export class Ratio {
  // `declare`: plain assignments in the constructor, not class fields (lowered to slow defineProperty calls for ES2020).
  /** Numerator (a safe integer). */
  declare readonly n: number;
  /** Denominator above the scale (a safe integer above 1). */
  declare readonly d: number;
  constructor(n: number, d: number) {
    this.n = n;
    this.d = d;
  }
}

/** A value of the scaled-integer calculator: an integer (value × 10^S) or an exact fraction. */
export type Scaled = number | Ratio;

/** Thrown when a value does not fit the scaled-integer calculator; callers fall back to exact decimals. */
export const SCALED_OVERFLOW: unique symbol = Symbol('jixiao.scaled-overflow');

const MAX = Number.MAX_SAFE_INTEGER;
/** Fractions whose denominators' product (times 10^S) is below this lie more than 10^-29 apart when they differ. */
const CLOSE = 1e29;
/** 10^0 … 10^15, exact. */
const POWERS: readonly number[] = /* @__PURE__ */ Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A decimal as the nearest number, read from its exact text (as `Number(sheet.score)` reads it); never −0. */
const decToNumber = (d: Dec): number => {
  const x = Number(toPlain(d));
  return x === 0 ? 0 : x;
};

function overflow(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- a sentinel, caught by the fast evaluator
  throw SCALED_OVERFLOW;
}

/** x checked to be a safe integer (for results of exact integer operations: beyond 2^53 they are not exact). */
const safe = (x: number): number => (x > MAX || x < -MAX ? overflow() : x);

/**
 * Does integer d (≠ 0) divide integer n, |n| and |d| < 2^53? Tested on the quotient, not with `%`: on integers
 * beyond int32 (most scaled values) `%` is a slow call to fmod, and a division is exact enough. When d divides n
 * the quotient is an integer below 2^53, so it is exact. When it does not, n / d lies at least 1 / |d| from every
 * integer, while the rounded quotient is off by at most half an ulp, below |n / d| · 2^-53 < 1 / |d|: it is not
 * an integer either. By the same bound `Math.trunc(n / d)` is the exact truncated quotient.
 */
const divides = (n: number, d: number): boolean => {
  const q = n / d;
  return q === Math.trunc(q);
};

/** n − d · trunc(n / d): JavaScript's n % d for integers below 2^53, d ≠ 0, without fmod (see `divides`); +0 for −0. */
const rem = (n: number, d: number): number => n - Math.trunc(n / d) * d;

function gcd(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b;
  while (y !== 0) {
    const t = rem(x, y);
    x = y;
    y = t;
  }
  return x;
}

/**
 * n / d (d > 0): an integer when d divides n, else a fraction, not reduced (a gcd costs more than it saves on
 * the short chains of a rule; `mulFrac` and `bigMake` reduce when a product would not fit).
 */
function make(n: number, d: number): Scaled {
  if (d === 1) return n === 0 ? 0 : n;
  const q = n / d;
  if (q === Math.trunc(q)) return q === 0 ? 0 : q; // d divides n (see `divides`)
  return new Ratio(n, d);
}

/** n / d reduced to lowest terms. */
function reduced(n: number, d: number): Scaled {
  const g = gcd(n, d);
  return make(n / g, d / g);
}

const fits = (x: number): boolean => x <= MAX && x >= -MAX;

/** (n1 / d1) · (n2 / d2), d1 and d2 > 0; reduced across first when the plain products do not fit; undefined when even then they do not. */
function mulFrac(n1: number, d1: number, n2: number, d2: number): Scaled | undefined {
  const pn = n1 * n2;
  const pd = d1 * d2;
  if (fits(pn) && fits(pd)) return make(pn, pd);
  const g1 = gcd(n1, d2);
  const g2 = gcd(n2, d1);
  const n = (n1 / g1) * (n2 / g2);
  const d = (d1 / g2) * (d2 / g1);
  return fits(n) && fits(d) ? reduced(n, d) : undefined;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n / d (d > 0) reduced in bigints: the exact value when int53 intermediates do not fit; throws when it does not either. */
function bigMake(n: bigint, d: bigint): Scaled {
  const g = bigGcd(n, d);
  const [nn, dd] = g > 1n ? [n / g, d / g] : [n, d];
  const [x, y] = [Number(nn), Number(dd)];
  if (!fits(x) || !fits(y)) return overflow();
  return reduced(x, y);
}

const num = (a: Scaled): number => (typeof a === 'number' ? a : a.n);
const den = (a: Scaled): number => (typeof a === 'number' ? 1 : a.d);

/** n ÷ D (D > 0) rounded to an integer with `mode`; exact for safe integers. */
export function roundDiv(n: number, D: number, mode: RoundingMode): number {
  const q = Math.trunc(n / D) + 0; // exact (see `divides`); + 0 turns −0 into 0
  const r = n - q * D;
  if (r === 0) return q;
  const sign = n < 0 ? -1 : 1;
  const away = q + sign;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return r < 0 ? q - 1 : q;
    case 'ceil':
      return r > 0 ? q + 1 : q;
    default: {
      const rest = r < 0 ? -r : r;
      const other = D - rest;
      if (rest > other) return away;
      if (rest < other) return q;
      return mode === 'half-up' ? away : mode === 'half-down' ? q : q % 2 === 0 ? q : away;
    }
  }
}

/** Does 1 / d have a decimal expansion of at most `places` digits? */
function terminatesWithin(d: number, places: number): boolean {
  let twos = 0;
  let fives = 0;
  let rest = d;
  while (rest % 2 === 0) {
    rest /= 2;
    twos++;
  }
  while (rest % 5 === 0) {
    rest /= 5;
    fives++;
  }
  return rest === 1 && Math.max(twos, fives) <= places;
}

/** Options of a scaled-integer calculator. */
export interface ScaledOptions {
  /** S: values are integers scaled by 10^S (0–15). */
  readonly scale: number;
  /** The precision scores are rounded to (for the guard-snap check). */
  readonly precision: number;
  /** True when every guard-snapped value is rounded again at once (scores rounded at leaves). */
  readonly snapThenRound: boolean;
}

/** A scaled-integer calculator and its scale. */
export interface ScaledCalculator extends Calculator<Scaled> {
  /** S. */
  readonly scale: number;
  /** m × 10^-places for a safe integer m (a number read digit by digit), exactly. */
  readonly fromParts: (m: number, places: number) => Scaled;
  /** A value as the nearest JS number (exact for values with few digits; for display and summaries). */
  readonly toNumber: (a: Scaled) => number;
}

/**
 * 定点整数计算器。Makes a scaled-integer calculator (see the notes at the top of this module). Its operations throw
 * `SCALED_OVERFLOW` when a value does not fit; `from` throws it too for a decimal that does not.
 */
export function scaledCalculator(options: ScaledOptions): ScaledCalculator {
  const S = options.scale;
  const SC = 10 ** S;
  const SC_DEC = pow10(S);
  // The snap check of the module notes: d · 10^(S+P) < 10^28.
  const snapLimit = 10 ** Math.max(0, 28 - S - options.precision);

  const from = (v: Dec): Scaled => {
    const scaled = mul(v, SC_DEC);
    if (decIsInteger(scaled)) return safe(toNumber(scaled));
    const extra = decimalPlaces(scaled);
    if (extra > 15) return overflow();
    const d = 10 ** extra;
    return make(safe(toNumber(mul(scaled, dec(d)))), d);
  };
  const toDec = (a: Scaled): Dec => (typeof a === 'number' ? div(dec(a), SC_DEC) : div(div(dec(a.n), dec(a.d)), SC_DEC));
  // Each operation is a small front for two integers (small enough for V8 to inline into the kernels) and an
  // out-of-line part for fractions and overflow.
  const add = (a: Scaled, b: Scaled): Scaled => {
    if (typeof a === 'number' && typeof b === 'number') {
      const sum = a + b;
      if (sum <= MAX && sum >= -MAX) return sum;
    }
    return addSlow(a, b);
  };
  const addSlow = (a: Scaled, b: Scaled): Scaled => {
    if (typeof a === 'number' && typeof b === 'number') return overflow();
    const n1 = num(a);
    const d1 = den(a);
    const n2 = num(b);
    const d2 = den(b);
    if (d1 === d2) {
      const sum = n1 + n2;
      if (fits(sum)) return make(sum, d1);
    }
    const g = gcd(d1, d2);
    const [x, y, d] = [n1 * (d2 / g), n2 * (d1 / g), d1 * (d2 / g)];
    if (fits(x) && fits(y) && fits(x + y) && fits(d)) return make(x + y, d);
    const [bd1, bd2] = [BigInt(d1), BigInt(d2)];
    return bigMake(BigInt(n1) * bd2 + BigInt(n2) * bd1, bd1 * bd2);
  };
  const neg = (a: Scaled): Scaled => (typeof a === 'number' ? (a === 0 ? 0 : -a) : new Ratio(-a.n, a.d));
  const BIG_SC = BigInt(SC);
  const mulS = (a: Scaled, b: Scaled): Scaled => {
    if (typeof a === 'number' && typeof b === 'number') {
      const p = a * b;
      if (p <= MAX && p >= -MAX && divides(p, SC)) return p === 0 ? 0 : p / SC;
    }
    return mulSlow(a, b);
  };
  const mulSlow = (a: Scaled, b: Scaled): Scaled => {
    if (typeof a === 'number' && typeof b === 'number') {
      const p = a * b;
      if (fits(p)) return make(p, SC);
    }
    // A whole number of points (a weight) times a fraction: the scale cancels first, keeping products small.
    if (typeof b === 'number' && divides(b, SC) && typeof a !== 'number') {
      const r = mulFrac(a.n, a.d, b / SC, 1);
      if (r !== undefined) return r;
    }
    if (typeof a === 'number' && divides(a, SC) && typeof b !== 'number') {
      const r = mulFrac(b.n, b.d, a / SC, 1);
      if (r !== undefined) return r;
    }
    const first = mulFrac(num(a), den(a), num(b), den(b));
    const result = first === undefined ? undefined : mulFrac(num(first), den(first), 1, SC);
    return result ?? bigMake(BigInt(num(a)) * BigInt(num(b)), BigInt(den(a)) * BigInt(den(b)) * BIG_SC);
  };
  const divS = (a: Scaled, b: Scaled): Scaled => {
    if (typeof a === 'number' && typeof b === 'number') {
      const n = a * SC;
      if (n <= MAX && n >= -MAX && b !== 0 && divides(n, b)) {
        const q = n / b;
        return q === 0 ? 0 : q;
      }
    }
    return divSlow(a, b);
  };
  const divSlow = (a: Scaled, b: Scaled): Scaled => {
    const na = num(a);
    const da = den(a);
    const nb = num(b);
    const db = den(b);
    const top = nb < 0 ? -db : db;
    const bottom = nb < 0 ? -nb : nb;
    if (da === 1 && db === 1) {
      const n = na * SC;
      if (fits(n)) return nb < 0 ? make(-n, -nb) : make(n, nb);
    }
    const first = mulFrac(na, da, top, bottom);
    const result = first === undefined ? undefined : mulFrac(num(first), den(first), SC, 1);
    return result ?? bigMake(BigInt(na) * BigInt(top) * BIG_SC, BigInt(da) * BigInt(bottom));
  };
  const cmp = (a: Scaled, b: Scaled): number => (typeof a === 'number' && typeof b === 'number' ? (a < b ? -1 : a > b ? 1 : 0) : cmpSlow(a, b));
  const cmpSlow = (a: Scaled, b: Scaled): number => {
    // Both calculators compare values as snapped to the guard places (calculator.ts), where two values closer than
    // 10^-30 are equal. Two different fractions lie at least 1 / (d_a · d_b · 10^S) apart: when that may be closer, the
    // exact order may not be the snapped one, and the record goes to the decimal path (whose comparison decides).
    if (den(a) * den(b) * SC >= CLOSE) return overflow();
    const x = num(a) * den(b);
    const y = num(b) * den(a);
    if (x <= MAX && x >= -MAX && y <= MAX && y >= -MAX) return x < y ? -1 : x > y ? 1 : 0;
    const bx = BigInt(num(a)) * BigInt(den(b));
    const by = BigInt(num(b)) * BigInt(den(a));
    return bx < by ? -1 : bx > by ? 1 : 0;
  };
  const floorTo = (a: Scaled, mode: 'floor' | 'ceil'): Scaled => make(safe(roundDiv(num(a), safe(den(a) * SC), mode) * SC), 1);
  const round = (a: Scaled, places: number, mode: RoundingMode): Scaled => {
    if (typeof a === 'number' && (places >= S || divides(a, POWERS[S - places] as number))) return a;
    return roundSlow(a, places, mode);
  };
  const roundSlow = (a: Scaled, places: number, mode: RoundingMode): Scaled => {
    if (places >= S) {
      // A fraction: `round` has returned every integer here (10^-S is on the grid of 10^-places).
      const x = a as Ratio;
      const up = places - S;
      if (up <= 15) {
        const f = 10 ** up;
        const n = x.n * f;
        if (n <= MAX && n >= -MAX) return make(roundDiv(n, x.d, mode), f);
      }
      if (places >= GUARD_PLACES && mode === 'half-even') {
        if (options.snapThenRound && x.d < snapLimit) return x;
        if (terminatesWithin(x.d / gcd(x.n, x.d), places - S)) return x;
      }
      return overflow();
    }
    const D = POWERS[S - places] as number;
    return make(safe(roundDiv(num(a), safe(den(a) * D), mode) * D), 1);
  };
  const ONE = SC;
  const fromParts = (m: number, places: number): Scaled => {
    if (m === 0) return 0;
    if (places <= S) return safe(m * (POWERS[S - places] as number));
    return places - S > 15 ? overflow() : make(m, 10 ** (places - S));
  };
  return {
    scale: S,
    fromParts,
    from,
    toDec,
    // A fraction as the decimal path shows it: its exact value snapped to the guard places, then read as a number.
    toNumber: (a) => (typeof a === 'number' ? (a === 0 ? 0 : a / SC) : decToNumber(decRound(toDec(a), GUARD_PLACES, 'half-even'))),
    zero: 0,
    one: ONE,
    add,
    sub: (a, b) => {
      if (typeof a === 'number' && typeof b === 'number') {
        const d = a - b;
        if (d <= MAX && d >= -MAX) return d;
      }
      return addSlow(a, neg(b));
    },
    mul: mulS,
    div: divS,
    neg,
    abs: (a) => (cmp(a, 0) < 0 ? neg(a) : a),
    cmp,
    isZero: (a) => a === 0,
    floor: (a) => floorTo(a, 'floor'),
    ceil: (a) => floorTo(a, 'ceil'),
    isInteger: (a) => typeof a === 'number' && divides(a, SC),
    round,
    is: (v): v is Scaled => typeof v === 'number' || v instanceof Ratio,
  };
}
