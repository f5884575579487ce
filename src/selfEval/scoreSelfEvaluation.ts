/**
 * 自评表计分。Scoring a project self-evaluation under a template: the template builds a framework and inputs
 * (build.ts), the core engine scores them, and the result is told row by row as the form prints it.
 */
import { dec, mul, toFixed } from '../calc/decimal.js';
import { parseNumber } from '../calc/parseNumber.js';
import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issue, IssuePath, Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { formReason, makeFormIssue } from '../errors/formMessages.js';
import type { Result } from '../errors/result.js';
import { safeEvaluate } from '../evaluate/evaluate.js';
import { findNode } from '../evaluate/findNode.js';
import type { NodeResult, NodeStatus, ScoreSheet } from '../evaluate/types.js';
import { budgetSentence, completionRatio, rowSentence } from '../explain/selfEvalText.js';
import { guarded, validateFramework } from '../framework/defineFramework.js';
import { checkedCopy } from '../framework/plainData.js';
import { contentHash } from '../framework/hash.js';
import { buildSelfEvaluation, type PlannedRow, type RowMode } from './build.js';
import { isTemplateValue, validateTemplate, type Template } from './defineTemplate.js';
import { selfEvaluationSchema } from './schema.js';
import type { ParsedActual, ParsedTarget } from './targetText.js';
import type { SourceRef, TemplateDefinition } from './template.js';
import type { FrameworkDefinition, Indicator } from '../framework/types.js';
import type { ProjectFacts, SelfEvaluation } from './types.js';

/** 自评表一行的结果。The result of one row of the target table. */
export interface SelfEvaluationRowResult {
  /** 该行在自评表中的路径（如 ["rows", 3]）。Path of the row in the document. */
  readonly path: IssuePath;
  /** 该行在核心打分表（`sheet`）中的节点 id。Id of the row's node in the core score sheet (`sheet`). */
  readonly node: string;
  /** 汇总计分时合并的各行路径（湖北）；否则只有本行。Paths of the rows merged into this one (Hubei); else just this row. */
  readonly paths: readonly IssuePath[];
  /** 一级指标（原文）。Level 1 as printed. */
  readonly level1: string;
  /** 二级指标（原文）。Level 2 as printed. */
  readonly level2: string;
  /** 三级指标名称。Name. */
  readonly name: string;
  /** 年度指标值原文。Target as printed. */
  readonly targetText: string;
  /** 实际完成值原文。Actual as printed. */
  readonly actualText: string;
  /** 读出的目标（读不出时为 null）。The target as read; null when it could not be read or is not set. */
  readonly target: ParsedTarget | null;
  /** 读出的实际值（已换算到目标单位）。The actual as read, in the target's unit; null when not read. */
  readonly actual: ParsedActual | null;
  /** 计分方式。How the row is scored: positive, reverse, equal, qualitative or deadline; null when unscored. */
  readonly mode: RowMode | null;
  /** 状态：未设置（不适用）或节点状态。`not-set` for a "/" row, else the node's status. */
  readonly status: NodeStatus | 'not-set';
  /** 分值（未填时为模板分配的值）。Weight: as printed, or as the template split it. */
  readonly weight: string;
  /** 分值是否由表上给出。Whether the form gave the weight. */
  readonly weightGiven: boolean;
  /** 得分（未设置时为 null）。Score; null for a not-set row. */
  readonly score: string | null;
  /** 失分。Lost points; null for a not-set row. */
  readonly lost: string | null;
  /** 完成率 实际 ÷ 目标（6 位小数；非定量行为 null）。Completion ratio actual ÷ target, 6 decimals; null unless numeric. */
  readonly ratio: string | null;
  /** 定性行的档次。The tier of a qualitative or deadline row. */
  readonly tier?: {
    /** 档次 id。Tier id. */
    readonly id: string;
    /** 档次名称。Tier name. */
    readonly name: string;
    /** 采用的评价人打分或模板缺省分。Score used: the evaluator's, or the template's default. */
    readonly score: string;
    /** 是否用了模板缺省分。Whether the template's default was used. */
    readonly defaulted: boolean;
  };
  /** 表上所填得分（原文）。Score printed on the form. */
  readonly claimed: string | null;
  /** 中文说明。Chinese sentence. */
  readonly explanation: string;
  /** English sentence. */
  readonly explanationEn: string;
  /** 本行的问题（本行暂不得分）。Issues that leave this row unscored. */
  readonly issues: readonly Issue[];
  /** 本行的提示（不影响得分）。Warnings and notices of this row. */
  readonly warnings: readonly Issue[];
}

/** 预算执行率一行。The budget execution line. */
export interface BudgetLineResult {
  /** 预算数（分母，万元）。Budget used as denominator, 万元. */
  readonly budget: string | null;
  /** 执行数（万元）。Executed, 万元. */
  readonly executed: string | null;
  /** 执行率（6 位小数，如 0.998889）。Execution rate, 6 decimals. */
  readonly rate: string | null;
  /** 分值。Weight. */
  readonly weight: string;
  /** 得分。Score. */
  readonly score: string;
  /** 状态。Status. */
  readonly status: NodeStatus;
  /** 中文说明。Chinese sentence. */
  readonly explanation: string;
  /** English sentence. */
  readonly explanationEn: string;
}

/** 自评表计分结果。The scored self-evaluation. */
export interface SelfEvaluationSheet {
  /** 格式标记。Format tag. */
  readonly format: 'jixiao.self-evaluation-sheet/1';
  /** 所用模板及其出处。The template used, with its source. */
  readonly template: {
    /** 模板 id。Id. */
    readonly id: string;
    /** 模板名称。Name. */
    readonly name: string;
    /** 地区。Region. */
    readonly region: string;
    /** 出处。Source. */
    readonly source: SourceRef;
    /** 所用模板的内容指纹（已应用自评表中的模板选项）。Content hash of the template as used, the document's options applied. */
    readonly hash: string;
    /** 未应用选项前的模板指纹（与 Template.hash 相同）。Hash of the template before the document's options (its `Template.hash`). */
    readonly baseHash: string;
  };
  /** 项目信息。Project facts. */
  readonly project: ProjectFacts;
  /** 是否完整（各行均可计分、无问题）。True when every row scored and no issue was found. */
  readonly complete: boolean;
  /** 满分。Maximum. */
  readonly maximum: string;
  /** 总分；不完整时为 null（见 provisional）。Total; null while incomplete. */
  readonly total: string | null;
  /** 等级；不完整时为 null。Grade; null while incomplete. */
  readonly grade: string | null;
  /** 暂计总分与等级（仅不完整时）。Provisional total and grade, only while incomplete. */
  readonly provisional: {
    /** 暂计总分（未能计分的行按 0 计）。Total so far, unscored rows counted 0. */
    readonly total: string;
    /** 暂计等级。Its grade. */
    readonly grade: string | null;
  } | null;
  /** 预算执行率一行。Budget execution line. */
  readonly budget: BudgetLineResult;
  /** 指标行（按表上顺序；合并计分的行只列一次）。Rows, in the form's order. */
  readonly rows: readonly SelfEvaluationRowResult[];
  /** 问题（使结果不完整）。Issues that leave the sheet incomplete. */
  readonly issues: readonly Issue[];
  /** 提示（不影响得分）。Warnings and notices. */
  readonly warnings: readonly Issue[];
  /** 核心引擎的打分表（由模板生成的指标体系）。The core engine's score sheet of the framework the template built. */
  readonly sheet: ScoreSheet;
}

/** The template a document names, without the optional `template:` prefix. */
function templateId(doc: SelfEvaluation): string {
  const id = typeof doc.template === 'string' ? doc.template : doc.template.id;
  return id.startsWith('template:') ? id.slice('template:'.length) : id;
}

/** The template with the document's options applied. */
function withOptions(def: TemplateDefinition, doc: SelfEvaluation): TemplateDefinition {
  if (typeof doc.template === 'string' || doc.template.options === undefined) return def;
  const o = doc.template.options;
  return { ...def, ...(o.reverse === undefined ? {} : { reverse: o.reverse }), ...(o.reviewAt === undefined ? {} : { reviewAt: o.reviewAt }) };
}

/** The id of the node at a path of the built framework (`indicators.2.children.0`). */
function nodeIdAt(def: FrameworkDefinition, path: IssuePath): string | undefined {
  let nodes: readonly Indicator[] | undefined = def.indicators;
  let node: Indicator | undefined;
  for (let i = 1; i < path.length; i += 2) {
    node = nodes?.[path[i] as number];
    if (node === undefined) return undefined;
    if (path[i + 1] !== 'children') break;
    nodes = 'children' in node ? node.children : undefined;
  }
  return node?.id;
}

/** Moves a core issue about a row (its input, or its node) to the row's field in the document. */
function relocate(issue: Issue, rows: readonly PlannedRow[], def: FrameworkDefinition): Issue {
  if (issue.path[0] === 'indicators') {
    const id = nodeIdAt(def, issue.path);
    if (id === 'budget-execution') return { ...issue, path: ['budget'] };
    const row = rows.find((r) => r.id === id);
    return row === undefined ? issue : { ...issue, path: [...row.path, row.tier !== undefined ? 'claimed' : 'actual'] };
  }
  if (issue.path[0] !== 'values') return issue;
  const name = String(issue.path[1]);
  if (name === 'budget' || name === 'executed') return { ...issue, path: ['budget', name === 'budget' ? 'annual' : 'executed'] };
  const row = rows.find((r) => r.id === name || `${r.id}-target` === name);
  if (row === undefined) return issue;
  return { ...issue, path: [...row.path, row.tier !== undefined ? 'claimed' : 'actual'] };
}

function score(doc: SelfEvaluation, template: Template): Result<SelfEvaluationSheet> {
  const def = withOptions(template.definition, doc);
  const built = buildSelfEvaluation(def, doc);
  const framework = validateFramework(built.definition);
  if (!framework.ok) {
    // A template whose row rules do not fit a row's weight (e.g. fixed points above it): reported, not thrown.
    return { ok: false, issues: framework.issues.map((i) => ({ ...i, path: ['template', ...i.path] })) as unknown as Issues };
  }
  const evaluated = safeEvaluate(framework.value, { values: built.values, notApplicable: built.notApplicable });
  if (!evaluated.ok) return evaluated;
  const sheet = evaluated.value;
  const unscored = new Set(built.rows.filter((r) => r.issues.length > 0 || r.mode === 'unscored').map((r) => r.id));
  // An unreadable row is left without input on purpose: its own issue replaces the core's missing-input.
  const ours = (i: Issue) => !(i.code === 'missing-input' && unscored.has(i.data?.input ?? String(i.path[1])));
  const coreIssues = sheet.issues.filter(ours).map((i) => relocate(i, built.rows, built.definition));
  const coreWarnings = sheet.warnings.filter(ours).map((i) => relocate(i, built.rows, built.definition));

  const reviewAt = def.reviewAt === undefined ? null : dec(def.reviewAt);
  const rows: SelfEvaluationRowResult[] = built.rows.map((r) => {
    const common = {
      path: r.path, node: r.id, paths: r.paths, level1: r.level1, level2: r.level2, name: r.name, targetText: r.targetText, actualText: r.actualText,
      target: r.target, actual: r.actual, weight: r.weight.toFixed(), weightGiven: r.weightGiven, claimed: r.claimed,
    };
    if (r.mode === 'not-set') {
      const [zh, en] = built.notApplicable.includes(r.id)
        ? [`未设置（不适用），其分值 ${r.weight.toFixed()} 按适用指标得分折算`, `Not set (not applicable): its ${r.weight.toFixed()} points are rescaled over the applicable rows`]
        : ['未设置（不适用），不计分', 'Not set (not applicable): not scored'];
      return { ...common, mode: null, status: 'not-set' as const, score: null, lost: null, ratio: null, explanation: zh, explanationEn: en, issues: r.issues, warnings: r.warnings };
    }
    const node = findNode(sheet, r.id) as NodeResult;
    const ratio = completionRatio(r);
    const warnings = [...r.warnings];
    if (r.mode === 'positive' && reviewAt !== null && ratio !== null && dec(ratio).comparedTo(reviewAt) >= 0 && r.issues.length === 0) {
      warnings.push(makeIssue('review-over-completion', [...r.path, 'actual'], { name: r.name, value: `${toFixed(mul(dec(ratio), dec(100)), 2, 'half-up')}%`, limit: `${toFixed(mul(reviewAt, dec(100)), 2, 'half-up')}%` }));
    }
    if (r.mode === 'unscored' || r.issues.length > 0) {
      const first = r.issues[0];
      return {
        ...common, mode: null, status: 'invalid-input' as const, score: node.score, lost: node.lost, ratio: null,
        explanation: first?.message ?? '', explanationEn: first?.messageEn ?? '', issues: r.issues, warnings,
      };
    }
    const [zh, en] = node.status === 'scored' ? rowSentence(r, node) : [node.explanation, node.explanationEn];
    return {
      ...common, mode: r.mode, status: node.status, score: node.score, lost: node.lost, ratio,
      ...(r.tier === undefined ? {} : { tier: { id: r.tier.tier.id, name: r.tier.tier.name, score: r.tier.score.toFixed(), defaulted: r.tier.defaulted } }),
      explanation: zh, explanationEn: en, issues: node.issues.filter((i) => !i.code.startsWith('missing')).map((i) => relocate(i, built.rows, built.definition)), warnings,
    };
  });

  const budgetNode = findNode(sheet, 'budget-execution') as NodeResult;
  const [bz, be] = budgetSentence(built.budget.budget?.toFixed() ?? null, built.budget.executed?.toFixed() ?? null, budgetNode);
  const budget: BudgetLineResult = {
    budget: built.budget.budget?.toFixed() ?? null,
    executed: built.budget.executed?.toFixed() ?? null,
    rate: budgetNode.outcome?.kind === 'ratio' ? toFixed(dec(budgetNode.outcome.value), 6, 'half-up') : null,
    weight: budgetNode.weight, score: budgetNode.score, status: budgetNode.status, explanation: bz, explanationEn: be,
  };
  const issues = [...built.issues, ...rows.flatMap((r) => r.issues), ...coreIssues.filter((i) => !rows.some((r) => r.issues.includes(i)))];
  const warnings = [...built.warnings, ...rows.flatMap((r) => r.warnings), ...coreWarnings];
  const complete = sheet.complete && issues.length === 0;
  const total = sheet.total ?? sheet.provisional?.total ?? sheet.subtotal;
  const grade = sheet.grade?.label ?? sheet.provisional?.grade?.label ?? null;
  return {
    ok: true,
    value: {
      format: 'jixiao.self-evaluation-sheet/1',
      template: { id: def.id, name: def.name, region: def.region, source: def.source, hash: def === template.definition ? template.hash : contentHash(def), baseHash: template.hash },
      project: doc.project,
      complete,
      maximum: sheet.maximum,
      total: complete ? total : null,
      grade: complete ? grade : null,
      provisional: complete ? null : { total, grade },
      budget,
      rows,
      issues,
      warnings,
      sheet,
    },
  };
}

/**
 * 按模板为自评表计分（不抛异常）。Scores a self-evaluation document under a template. Never throws: an unreadable
 * row is an issue on that row and the rest of the form still scores (the sheet is then incomplete, with a
 * provisional total); only a document that is not a self-evaluation at all, or a template that does not match
 * the one it names, gives `ok: false`.
 *
 * @param document the self-evaluation, as parsed from JSON/YAML or written in code
 * @param template the template (`defineTemplate`, or a preset's `template` from `jixiao/presets`)
 * @example
 * const result = safeScoreSelfEvaluation(doc, getPreset('national-project-2020').template);
 * if (result.ok) for (const row of result.value.rows) console.log(row.name, row.score, row.explanation);
 */
export function safeScoreSelfEvaluation(document: unknown, template: Template | TemplateDefinition): Result<SelfEvaluationSheet> {
  return guarded(() => {
    const t = isTemplateValue(template) ? { ok: true as const, value: template } : validateTemplate(template);
    if (!t.ok) return { ok: false, issues: t.issues.map((i) => ({ ...i, path: ['template', ...i.path] })) as unknown as Issues };
    const copied = checkedCopy<SelfEvaluation>(document, selfEvaluationSchema());
    if (!copied.ok) return copied;
    const doc = copied.value;
    if ((doc.rows === undefined) === (doc.targets === undefined)) {
      return { ok: false, issues: [makeIssue('invalid-option', [], formReason('rows-or-targets'))] };
    }
    if (doc.targets !== undefined && doc.targets.length > 1) {
      const given = doc.targets.filter((x) => x.points !== undefined).length;
      if (given !== 0 && given !== doc.targets.length) return { ok: false, issues: [makeIssue('invalid-option', ['targets'], formReason('target-without-points'))] };
    }
    const reviewAt = typeof doc.template === 'string' ? undefined : doc.template.options?.reviewAt;
    if (reviewAt !== undefined && !parseNumber(reviewAt).ok) {
      return { ok: false, issues: [makeIssue('invalid-number', ['template', 'options', 'reviewAt'], { value: String(reviewAt) })] };
    }
    if (templateId(doc) !== t.value.id) {
      return { ok: false, issues: [makeFormIssue('template-mismatch', ['template'], { expected: templateId(doc), actual: t.value.id })] };
    }
    return score(doc, t.value);
  });
}

/**
 * 按模板为自评表计分，无法计分时抛出 JixiaoError。Scores a self-evaluation; throws a `JixiaoError` only when no
 * sheet can be made (see `safeScoreSelfEvaluation`).
 *
 * @param document the self-evaluation
 * @param template the template
 * @returns the sheet, complete or with a provisional total
 */
export function scoreSelfEvaluation(document: SelfEvaluation, template: Template | TemplateDefinition): SelfEvaluationSheet {
  const result = safeScoreSelfEvaluation(document, template);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}
