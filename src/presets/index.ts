/**
 * jixiao/presets：各省指标体系与自评模板的预置库（单独的入口，核心包不随之变大）。The registry of tested
 * frameworks and self-evaluation templates per province, a separate entry point so that the core bundle does not
 * grow with it. Every export is named here.
 */
export { getPreset, listPresets } from './registry.js';
export type { FrameworkPreset, Preset, PresetInfo, PresetStatus, TemplatePreset } from './registry.js';
