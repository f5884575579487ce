/**
 * 派生指标体系。Deriving a framework from a base (a preset, or one's own): change weights, replace, add or remove
 * subtrees, change options or grades. The result is validated like any definition and records the base's id and
 * hash, which every sheet it scores carries.
 */
import type { Issue, IssuePath, Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Result } from '../errors/result.js';
import type { Num } from '../expr/types.js';
import { guarded, parsedFrameworkOf, validateFramework, type Framework } from './defineFramework.js';
import { jsonCopy } from './plainData.js';
import type { Adjustment, FrameworkDefinition, FrameworkOptions, GradeBand, Indicator, InputDeclaration } from './types.js';

/** 对指标体系的修改。A patch to a framework; every change names nodes by id. */
export interface FrameworkPatch {
  /** 新 id（缺省沿用基础的 id）。New id; default the base's. */
  readonly id?: string;
  /** 新名称。New name. */
  readonly name?: string;
  /** 新版本。New version. */
  readonly version?: string;
  /** 满分。New total (the level-1 weights must still sum to it). */
  readonly total?: Num;
  /**
   * 改分值：指标 id → 新分值。上级分值不会自动改动，须一并给出，使下级之和仍等于上级（否则报 weight-sum-mismatch）。
   * New weights by indicator id. Parents are not adjusted: give theirs too, so that children still sum to them.
   */
  readonly weights?: { readonly [id: string]: Num };
  /** 替换子树：指标 id → 新节点。Replace a subtree: indicator id → the new node. */
  readonly replace?: { readonly [id: string]: Indicator };
  /** 新增节点：加在 parent 之下（null 为一级），可指定位置。Add nodes under `parent` (null for level 1), at `index` or last. */
  readonly add?: readonly {
    /** 上级指标 id（null 表示一级指标）。Parent id, null for level 1. */
    readonly parent: string | null;
    /** 位置（缺省最后）。Position among the siblings; default last. */
    readonly index?: number;
    /** 新节点。The node. */
    readonly node: Indicator;
  }[];
  /** 删除节点（连同下级）。Remove nodes (with their subtrees). */
  readonly remove?: readonly string[];
  /** 输入声明：新增或替换，null 删除。Input declarations to add or replace; null removes one. */
  readonly inputs?: { readonly [name: string]: InputDeclaration | null };
  /** 计算选项（与基础的合并）。Options, merged over the base's. */
  readonly options?: FrameworkOptions;
  /** 等级（整体替换）。Grades, replacing the base's. */
  readonly grades?: readonly GradeBand[];
  /** 调整项（整体替换）。Adjustments, replacing the base's. */
  readonly adjustments?: readonly Adjustment[];
  /** 备注。Notes. */
  readonly notes?: string;
}

type MutableNode = { id: string; weight: Num; children?: MutableNode[]; [k: string]: unknown };

/** Finds a node and the list that holds it, walking iteratively. */
function locate(roots: MutableNode[], id: string): { list: MutableNode[]; index: number } | undefined {
  const stack: MutableNode[][] = [roots];
  while (stack.length > 0) {
    const list = stack.pop() as MutableNode[];
    for (let i = 0; i < list.length; i++) {
      const n = list[i] as MutableNode;
      if (n.id === id) return { list, index: i };
      if (Array.isArray(n.children)) stack.push(n.children);
    }
  }
  return undefined;
}

function applyPatch(def: FrameworkDefinition, patch: FrameworkPatch, issues: Issue[]): FrameworkDefinition {
  const indicators = (jsonCopy(def.indicators)?.value ?? []) as MutableNode[];
  const unknown = (path: IssuePath, id: string) => issues.push(makeIssue('unknown-node', ['patch', ...path], { id }));
  for (const id of patch.remove ?? []) {
    const at = locate(indicators, id);
    if (at === undefined) unknown(['remove', (patch.remove ?? []).indexOf(id)], id);
    else at.list.splice(at.index, 1);
  }
  for (const [id, node] of Object.entries(patch.replace ?? {})) {
    const at = locate(indicators, id);
    if (at === undefined) unknown(['replace', id], id);
    else at.list[at.index] = jsonCopy(node)?.value as MutableNode;
  }
  (patch.add ?? []).forEach((a, i) => {
    let list = indicators;
    if (a.parent !== null) {
      const at = locate(indicators, a.parent);
      if (at === undefined) return unknown(['add', i, 'parent'], a.parent);
      const parent = at.list[at.index] as MutableNode;
      if (!Array.isArray(parent.children)) {
        // A leaf that receives a child becomes a branch: its rule and modifiers go.
        delete parent.rule;
        delete parent.when;
        parent.children = [];
      }
      list = parent.children as MutableNode[];
    }
    const node = jsonCopy(a.node)?.value as MutableNode;
    list.splice(a.index === undefined ? list.length : Math.max(0, Math.min(a.index, list.length)), 0, node);
  });
  for (const [id, weight] of Object.entries(patch.weights ?? {})) {
    const at = locate(indicators, id);
    if (at === undefined) unknown(['weights', id], id);
    else (at.list[at.index] as MutableNode).weight = weight;
  }
  const inputs: { [name: string]: InputDeclaration } = { ...(def.inputs ?? {}) };
  for (const [name, decl] of Object.entries(patch.inputs ?? {})) {
    if (decl === null) delete inputs[name];
    else inputs[name] = decl;
  }
  const { base: _base, ...rest } = def;
  void _base;
  return {
    ...rest,
    ...(patch.id === undefined ? {} : { id: patch.id }),
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.version === undefined ? {} : { version: patch.version }),
    ...(patch.total === undefined ? {} : { total: patch.total }),
    ...(patch.notes === undefined ? {} : { notes: patch.notes }),
    ...(patch.grades === undefined ? {} : { grades: patch.grades }),
    ...(patch.adjustments === undefined ? {} : { adjustments: patch.adjustments }),
    ...(Object.keys(inputs).length > 0 || def.inputs !== undefined ? { inputs } : {}),
    ...(patch.options === undefined ? {} : { options: { ...(def.options ?? {}), ...patch.options } }),
    indicators: indicators as unknown as Indicator[],
  };
}

/**
 * 派生指标体系（不抛异常）：在基础指标体系上应用修改，重新校验，并记下基础的 id 与指纹。Derives a framework from
 * `base` by `patch`, validates the result and records `base: { id, hash }` in it (sheets carry it). An unknown node
 * in the patch is `unknown-node` (path under `patch`); problems of the result are reported like any definition's.
 *
 * @param base the base framework (a `Framework` value, or a definition, validated first)
 * @param patch the changes
 * @returns `{ ok: true, value }` or `{ ok: false, issues }`
 * @example
 * const r = extendFramework(base, { weights: { 'budget-rate': 6, 'asset-use': 2 } });
 */
export function extendFramework(base: Framework | FrameworkDefinition, patch: FrameworkPatch): Result<Framework> {
  return guarded(() => {
    const parsed = parsedFrameworkOf(base);
    if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => (i.path[0] === 'definition' ? i : { ...i, path: ['base', ...i.path] })) as unknown as Issues };
    const copy = jsonCopy(patch);
    if (copy === undefined || typeof copy.value !== 'object' || copy.value === null || Array.isArray(copy.value)) {
      return { ok: false, issues: [makeIssue('invalid-type', ['patch'], { expected: 'object', expectedZh: '对象' })] };
    }
    const issues: Issue[] = [];
    const def = applyPatch(parsed.value.definition, copy.value as FrameworkPatch, issues);
    if (issues.length > 0) return { ok: false, issues: issues as unknown as Issues };
    const derived = validateFramework({ ...def, base: { id: parsed.value.definition.id, hash: parsed.value.hash } });
    return derived;
  });
}
