/**
 * 舍入方式。Rounding modes, as plain values the caller passes:
 * `half-up` 四舍五入, `half-even` 银行家舍入, `half-down` 五舍六入, `down` 截断（向零）, `up` 远离零进位,
 * `floor` 向下, `ceil` 向上.
 */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'down' | 'up' | 'floor' | 'ceil';

/** Every rounding mode, in documentation order. */
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'];
