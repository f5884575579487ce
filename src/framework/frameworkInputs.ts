import type { Result } from '../errors/result.js';
import { parsedFrameworkOf, type Framework } from './defineFramework.js';
import type { ParsedNode } from './parsed.js';
import type { FrameworkDefinition, InputType } from './types.js';

/** 指标体系读取的一个输入。One input a framework reads. */
export interface InputInfo {
  /** 输入名称（评价输入 `values` 的键）。Input name: the key in the evaluation's `values`. */
  readonly name: string;
  /** 类型。Type. */
  readonly type: InputType;
  /** 中文名称（如有声明）。Declared Chinese name, if any. */
  readonly label?: string;
  /** 单位（如有声明）。Declared unit, if any. */
  readonly unit?: string;
  /** 是否显式声明（否则由评价人规则按指标 id 隐含）。Declared in `inputs`, or implied by an evaluator rule. */
  readonly declared: boolean;
  /** 读取该输入的指标和调整项 id。Ids of the indicators and adjustments that read it. */
  readonly usedBy: readonly string[];
}

/**
 * 列出指标体系读取的全部输入（表单生成、表格导入用）。Lists every input a framework reads, with its type, unit
 * and the indicators that read it, in declaration order then tree order. For form builders and spreadsheet
 * import.
 *
 * @param framework a framework (or a definition, validated on the fly)
 * @returns the inputs, or the framework's issues
 * @example
 * const inputs = frameworkInputs(framework);
 * if (inputs.ok) for (const i of inputs.value) console.log(i.name, i.type, i.unit ?? '');
 */
export function frameworkInputs(framework: Framework | FrameworkDefinition): Result<readonly InputInfo[]> {
  const parsed = parsedFrameworkOf(framework);
  if (!parsed.ok) return parsed;
  const users = new Map<string, string[]>();
  const use = (name: string, id: string): void => {
    const list = users.get(name) ?? [];
    if (!list.includes(id)) list.push(id);
    users.set(name, list);
  };
  const visit = (node: ParsedNode): void => {
    for (const n of node.reads) use(n, node.id);
    node.children.forEach(visit);
  };
  parsed.value.roots.forEach(visit);
  for (const a of parsed.value.adjustments) for (const n of a.reads) use(n, a.id);
  const declared = parsed.value.definition.inputs ?? {};
  const value = [...parsed.value.inputs].map(([name, decl]): InputInfo => ({
    name,
    type: decl.type,
    ...(decl.name === undefined ? {} : { label: decl.name }),
    ...(decl.unit === undefined ? {} : { unit: decl.unit }),
    declared: Object.prototype.hasOwnProperty.call(declared, name),
    usedBy: users.get(name) ?? [],
  }));
  return { ok: true, value };
}


