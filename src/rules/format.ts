import { mul, dec, toFixed, toPlain, type Dec } from '../decimal/decimal.js';

const HUNDRED = dec(100);

/** A number as written in explanations: exact, no exponent, trailing zeros trimmed. */
export const formatNumber = (d: Dec): string => toPlain(d);

/** A ratio as a percentage with two decimals: 1 → "100.00%". */
export const formatPercent = (d: Dec): string => `${toFixed(mul(d, HUNDRED), 2, 'half-up')}%`;

/** A ratio as an exact percentage: 0.15358 → "15.358%". */
export const formatPercentExact = (d: Dec): string => `${toPlain(mul(d, HUNDRED))}%`;
