import type { Tier } from '../rules/tiers.js';
import type { GradeBand } from './types.js';

/**
 * 财预〔2020〕10号 等级：优 [90, 100]，良 [80, 90)，中 [60, 80)，差 [0, 60)。National grade bands.
 */
export const NATIONAL_GRADES: readonly GradeBand[] = /* @__PURE__ */ Object.freeze([
  { label: '优', min: 90 },
  { label: '良', min: 80 },
  { label: '中', min: 60 },
  { label: '差', min: 0 },
]);

/**
 * 定性三档（80/60，财预〔2020〕10号）：达成 [80%, 100%]，部分达成 [60%, 80%)，未达成 [0, 60%)。
 * National qualitative tiers.
 */
export const NATIONAL_TIERS: readonly Tier[] = /* @__PURE__ */ Object.freeze([
  { id: 'achieved', name: '达成年度指标', min: '0.8', max: '1' },
  { id: 'partly', name: '部分达成年度指标并具有一定效果', min: '0.6', max: '0.8' },
  { id: 'not-achieved', name: '未达成年度指标且效果较差', min: '0', max: '0.6' },
]);

/**
 * 定性三档（80/50，2020 年前及湖北、江西等）：达成 [80%, 100%]，部分达成 [50%, 80%)，未达成 [0, 50%)。
 * Older (pre-2020) and Hubei/Jiangxi qualitative tiers.
 */
export const LEGACY_TIERS: readonly Tier[] = /* @__PURE__ */ Object.freeze([
  { id: 'achieved', name: '达成年度指标', min: '0.8', max: '1' },
  { id: 'partly', name: '部分达成年度指标并具有一定效果', min: '0.5', max: '0.8' },
  { id: 'not-achieved', name: '未达成年度指标且效果较差', min: '0', max: '0.5' },
]);
