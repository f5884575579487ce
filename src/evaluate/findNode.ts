import type { NodeResult, ScoreSheet } from './types.js';

/**
 * 在打分表中按 id 查找节点。Finds a node of a score sheet by indicator id, at any depth.
 *
 * @param sheet a score sheet
 * @param id the indicator id
 * @returns the node, or undefined when no indicator has that id
 * @example
 * const node = findNode(sheet, 'execution');
 * console.log(node?.score, node?.explanation);
 */
export function findNode(sheet: ScoreSheet, id: string): NodeResult | undefined {
  const stack: NodeResult[] = [...sheet.indicators];
  while (stack.length > 0) {
    const node = stack.pop() as NodeResult;
    if (node.id === id) return node;
    for (const child of node.children) stack.push(child);
  }
  return undefined;
}
