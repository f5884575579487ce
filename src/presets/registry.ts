/**
 * 预置库：各省的指标体系与自评模板，每个都有测试。The registry of presets: frameworks and self-evaluation templates
 * per province, each with its source, its status and a test (test/presets).
 */
import type { Issue } from '../errors/issue.js';
import { validateFramework, type Framework } from '../framework/defineFramework.js';
import type { FrameworkDefinition } from '../framework/types.js';
import { validateTemplate, type Template } from '../selfEval/defineTemplate.js';
import type { SourceRef, TemplateDefinition } from '../selfEval/template.js';
import { FRAMEWORK_DEFINITIONS } from './frameworks.generated.js';
import { nationalProject2020 } from './templates/national.js';
import { anhuiProject, beijingProject2016, hebeiProject, hubeiProject2020, jiangxiProject2017, sichuanProject2023 } from './templates/provinces.js';

/**
 * 核实程度。How far a preset is verified:
 * - `reproduces`: a published table (or published rows) is reproduced from raw inputs by its test;
 * - `rules-only`: the rules are transcribed and each is pinned by tests on constructed rows; no published table to reproduce;
 * - `partial`: only part of the source is known; the rest is marked as such in the preset;
 * - `invalid-as-published`: kept as published to show that validation reports its errors.
 */
export type PresetStatus = 'reproduces' | 'rules-only' | 'partial' | 'invalid-as-published';

/** 预置项的说明。What the registry lists about a preset. */
export interface PresetInfo {
  /** 标识（如 national-project-2020）。Id. */
  readonly id: string;
  /** 类型：自评模板或指标体系。A template (self-evaluation forms) or a framework. */
  readonly kind: 'template' | 'framework';
  /** 名称。Name. */
  readonly name: string;
  /** 地区（全国或省份）。Region: 全国 or a province. */
  readonly region: string;
  /** 年度。Year. */
  readonly year?: number;
  /** 评价范围。Scope. */
  readonly scope: 'project' | 'department-overall';
  /** 出处（标题、发布者、日期）。Source: title, issuer, date. */
  readonly source: SourceRef;
  /** 核实程度。Status. */
  readonly status: PresetStatus;
  /** 能重现的已公开结果（status 为 reproduces 时）。What published result its test reproduces. */
  readonly reproduces?: string;
  /** 说明。Notes. */
  readonly notes?: string;
}

/** 自评模板预置。A template preset. */
export interface TemplatePreset extends PresetInfo {
  /** 类型：自评模板。Kind: template. */
  readonly kind: 'template';
  /** 已校验的模板。The template, validated. */
  readonly template: Template;
}

/** 指标体系预置。A framework preset. */
export interface FrameworkPreset extends PresetInfo {
  /** 类型：指标体系。Kind: framework. */
  readonly kind: 'framework';
  /** 定义（原样）。The definition, as transcribed. */
  readonly definition: FrameworkDefinition;
  /** 已校验的指标体系；原文有误（invalid-as-published）时为 null。The framework; null when invalid as published. */
  readonly framework: Framework | null;
  /** 校验发现的问题（原文有误时）。Validation issues, for a preset invalid as published. */
  readonly issues: readonly Issue[];
}

/** 预置项。A preset. */
export type Preset = TemplatePreset | FrameworkPreset;

type Entry = PresetInfo & ({ readonly kind: 'template'; readonly data: TemplateDefinition } | { readonly kind: 'framework' });

const templateInfo = (t: TemplateDefinition, status: PresetStatus, reproduces?: string): Entry => ({
  id: t.id, kind: 'template', name: t.name, region: t.region, ...(t.year === undefined ? {} : { year: t.year }), scope: 'project',
  source: t.source, status, ...(reproduces === undefined ? {} : { reproduces }), ...(t.notes === undefined ? {} : { notes: t.notes }), data: t,
});

const ENTRIES: readonly Entry[] = [
  templateInfo(nationalProject2020, 'rules-only'),
  templateInfo(anhuiProject, 'reproduces', '池州市贵池区棠溪镇 2022 年“委托业务项目”自评表各行'),
  templateInfo(hebeiProject, 'rules-only'),
  templateInfo(hubeiProject2020, 'rules-only'),
  templateInfo(beijingProject2016, 'reproduces', '海淀区学院路街道 2016 年预算执行率一行（精确值 49.88%、4.99 分；原表印 50%、5 分）'),
  templateInfo(jiangxiProject2017, 'rules-only'),
  templateInfo(sichuanProject2023, 'reproduces', '青神县发展和改革局 2023 年工资性支出、大英县司法局 2023 年自评表各行'),
  {
    id: 'guangdong-department-2021', kind: 'framework', name: '部门整体支出绩效自评指标评分表（大埔县，2021）', region: '广东省', year: 2021,
    scope: 'department-overall', status: 'reproduces', reproduces: '大埔县医疗保障局 2021 年自评总分 92 分（优）',
    source: { title: '县级部门整体绩效自评报告（附件 1）', issuer: '大埔县医疗保障局', date: '2022-05-31' },
  },
  {
    id: 'sichuan-department-2024', kind: 'framework', name: '部门预算绩效自评打分表（攀枝花市，2024）', region: '四川省', year: 2024,
    scope: 'department-overall', status: 'reproduces', reproduces: '攀枝花市医疗保障局 2024 年自评总分 91.54 分（优秀）',
    source: { title: '攀枝花市医疗保障局2024年部门预算绩效自评报告', issuer: '攀枝花市医疗保障局', number: '攀财绩〔2025〕3号', date: '2025-04-15' },
  },
  {
    id: 'gansu-project-2023', kind: 'framework', name: '项目绩效自评指标体系（山丹县，2023，按原文）', region: '甘肃省', year: 2023,
    scope: 'project', status: 'invalid-as-published',
    source: { title: '山丹县医疗保障局2023年医疗保障与服务能力提升补助资金绩效评价报告', issuer: '山丹县医疗保障局', date: '2023' },
    notes: '原文一级指标分值合计 90 分而非 100 分，校验报告 total-mismatch。As published, the level-1 weights sum to 90.',
  },
  {
    id: 'sichuan-department-2017', kind: 'framework', name: '部门整体支出绩效评价指标（四川，2017–2018）', region: '四川省',
    scope: 'department-overall', status: 'rules-only',
    source: { title: '四川省部门整体支出绩效评价指标（2017–2018 年，据公开资料整理，原文标题未核实）', issuer: '四川省财政厅', date: '2017' },
    notes: '只有分值，未列评分标准：末级指标均为评价人打分；满意度三个子项名称原文未给出。Weights only; leaves are evaluator scores.',
  },
  {
    id: 'sichuan-project-2017', kind: 'framework', name: '项目支出绩效评价指标（四川，2017–2018）', region: '四川省',
    scope: 'project', status: 'rules-only',
    source: { title: '四川省项目支出绩效评价指标（2017–2018 年，据公开资料整理，原文标题未核实）', issuer: '四川省财政厅', date: '2017' },
    notes: '只有分值，未列评分标准：末级指标均为评价人打分。Weights only; leaves are evaluator scores.',
  },
  {
    id: 'hunan-department-2017', kind: 'framework', name: '部门整体支出绩效评价指标（湖南，2017，部分）', region: '湖南省', year: 2017,
    scope: 'department-overall', status: 'partial',
    source: { title: '湖南省部门整体支出绩效评价指标（2017 年，据公开资料整理，原文标题未核实）', issuer: '湖南省财政厅', date: '2017' },
    notes: '只见到投入 10 分与过程中的预算执行 20 分；其余分值以“来源未列出”的评价人打分项占位。Only part of the source is known.',
  },
];

/**
 * 列出全部预置项（不含数据）。Lists every preset, without its data.
 *
 * @returns id, kind, name, region, year, scope, source and status of each preset
 */
export function listPresets(): readonly PresetInfo[] {
  return ENTRIES.map((e) => {
    if (e.kind === 'template') {
      const { data: _data, ...info } = e;
      void _data;
      return info;
    }
    return e;
  });
}

const cache = new Map<string, Preset>();

/**
 * 取预置项（含已校验的模板或指标体系）；未知 id 返回 undefined。Gets a preset with its validated template or
 * framework; undefined for an unknown id.
 *
 * @param id the preset's id, such as `national-project-2020`
 * @example
 * const preset = getPreset('sichuan-department-2024');
 * if (preset?.kind === 'framework' && preset.framework) evaluate(preset.framework, inputs);
 */
export function getPreset(id: string): Preset | undefined {
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const entry = ENTRIES.find((e) => e.id === id);
  if (entry === undefined) return undefined;
  let preset: Preset;
  if (entry.kind === 'template') {
    const { data, ...info } = entry;
    const t = validateTemplate(data);
    if (!t.ok) throw new Error(`jixiao: preset ${id} is invalid: ${t.issues.map((i) => i.messageEn).join('; ')}`);
    preset = { ...info, kind: 'template', template: t.value };
  } else {
    const definition = FRAMEWORK_DEFINITIONS[id] as FrameworkDefinition;
    const f = validateFramework(definition);
    preset = { ...entry, kind: 'framework', definition, framework: f.ok ? f.value : null, issues: f.ok ? [] : f.issues };
  }
  cache.set(id, preset);
  return preset;
}
