import type { Calculator } from './calculator.js';
import { sumWith } from './calculator.js';

/**
 * 按比例分配（最大余额法）。Splits `amount` in proportion to `shares` on a grid of 10^-places, so that the
 * parts sum exactly to `amount`. Shares already on the grid that sum to `amount` are returned unchanged.
 * Leftover grid units go to the largest remainders; equal remainders are ordered by `keys` (for indicators,
 * their ids), so the split never depends on the order the shares are listed in.
 */
export function allocate<N>(c: Calculator<N>, amount: N, shares: readonly N[], keys: readonly string[], unit: N): N[] {
  const total = sumWith(c, shares);
  const onGrid = shares.every((s) => c.isInteger(c.div(s, unit)));
  if (onGrid && c.cmp(total, amount) === 0) return [...shares];
  if (c.isZero(total)) return shares.map(() => c.zero);
  const exact = shares.map((s) => c.div(c.mul(amount, s), total));
  const floors = exact.map((x) => c.mul(c.floor(c.div(x, unit)), unit));
  let left = c.div(c.sub(amount, sumWith(c, floors)), unit);
  const order = exact
    .map((x, i) => ({ i, key: keys[i] ?? '', rest: c.sub(x, floors[i] ?? c.zero) }))
    .sort((a, b) => c.cmp(b.rest, a.rest) || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const parts = [...floors];
  for (const { i } of order) {
    if (c.cmp(left, c.zero) <= 0) break;
    parts[i] = c.add(parts[i] ?? c.zero, unit);
    left = c.sub(left, c.one);
  }
  return parts;
}
