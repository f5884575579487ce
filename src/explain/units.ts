import type { Expr } from '../expr/types.js';
import type { InputDeclaration } from '../framework/types.js';

/**
 * 显示单位。The unit a value is shown in, from declarations only, never from the shape of the numbers:
 * 1. the rule's own `unit`;
 * 2. a single input: `%` for percent/fraction inputs, else its declared `unit`;
 * 3. a quotient of two inputs declared with the same unit (万元 ÷ 万元): a ratio, shown in `%`;
 * otherwise no unit (the number is shown bare).
 */
export function displayUnit(
  expr: Expr,
  inputs: ReadonlyMap<string, InputDeclaration>,
  declared: string | undefined,
): string | undefined {
  if (declared !== undefined) return declared;
  const unitOf = (e: Expr): string | undefined => {
    if (typeof e !== 'object' || !('input' in e)) return undefined;
    const decl = inputs.get(e.input);
    return decl === undefined ? undefined : decl.type === 'percent' || decl.type === 'fraction' ? '%' : decl.unit;
  };
  const single = unitOf(expr);
  if (single !== undefined) return single;
  if (typeof expr === 'object' && 'div' in expr) {
    const [a, b] = [unitOf(expr.div[0]), unitOf(expr.div[1])];
    if (a !== undefined && a === b) return '%';
  }
  return undefined;
}
