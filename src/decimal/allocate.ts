import { add, cmp, dec, decimalPlaces, div, floorInt, isZero, mul, sub, sum, ZERO, type Dec } from './decimal.js';

/**
 * 按比例分配（最大余额法）。Splits `amount` in proportion to `shares` on a grid of 10^-places, so that the
 * parts sum exactly to `amount`. When the shares already sum to `amount` they are returned unchanged.
 * Leftover grid units go to the largest remainders, ties to the earlier share.
 */
export function allocate(amount: Dec, shares: readonly Dec[], places: number): Dec[] {
  const total = sum(shares);
  if (cmp(total, amount) === 0) return [...shares];
  if (isZero(total)) return shares.map(() => ZERO);
  const unit = dec(10).pow(-Math.max(places, decimalPlaces(amount)));
  const exact = shares.map((s) => div(mul(amount, s), total));
  const floors = exact.map((x) => mul(floorInt(div(x, unit)), unit));
  let left = div(sub(amount, sum(floors)), unit).toNumber();
  const order = exact
    .map((x, i) => ({ i, rest: sub(x, floors[i] ?? ZERO) }))
    .sort((a, b) => cmp(b.rest, a.rest) || a.i - b.i);
  const parts = [...floors];
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = add(parts[i] ?? ZERO, unit);
    left -= 1;
  }
  return parts;
}
