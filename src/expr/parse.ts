import type { IssuePath } from '../errors/issue.js';
import { reason } from '../errors/reasons.js';
import { LIMITS } from '../limits.js';
import { EXPR_OPERATOR_KEYS, EXPR_OPERATORS } from './operators.js';
import type { ParsedCondition, ParsedExpr } from './parsed.js';
import type { InputType, ParseContext } from './ParseContext.js';
import type { Condition, Expr } from './types.js';

/** Input types an arithmetic expression can read. */
const NUMERIC_INPUTS: readonly InputType[] = ['number', 'percent', 'fraction', 'score'];

/** Checks that `name` is declared with one of the `wanted` types; reports otherwise. */
function checkInput(ctx: ParseContext, name: string, wanted: readonly InputType[], path: IssuePath): boolean {
  ctx.noteInput?.(name);
  const type = ctx.inputTypes.get(name);
  if (type === undefined) ctx.report('unknown-input', path, { input: name });
  else if (!wanted.includes(type)) ctx.report('input-type-mismatch', path, { input: name, actual: type, expected: wanted.join('/') });
  else return true;
  return false;
}

const tooDeep = (ctx: ParseContext, path: IssuePath): undefined => {
  ctx.report('too-deep', path, { limit: String(LIMITS.exprDepth), what: 'expression' });
  return undefined;
};

/** Parses a structurally valid expression: literals read once, inputs checked, depth bounded. */
export function parseExpr(ctx: ParseContext, e: Expr, path: IssuePath, depth = 1): ParsedExpr | undefined {
  if (typeof e === 'number' || typeof e === 'string') {
    const value = ctx.num(e, path);
    return value === undefined ? undefined : { op: 'const', value };
  }
  if ('input' in e) return checkInput(ctx, e.input, NUMERIC_INPUTS, [...path, 'input']) ? { op: 'input', name: e.input } : undefined;
  // Operands (constants, inputs) do not count as a level; operations do.
  if (depth > LIMITS.exprDepth) return tooDeep(ctx, path);
  const op = EXPR_OPERATOR_KEYS.find((k) => k in e);
  if (op === undefined) return undefined;
  const raw = (e as { readonly [k: string]: Expr | readonly Expr[] })[op];
  const operands = EXPR_OPERATORS[op].arity === 1 ? [raw as Expr] : (raw as readonly Expr[]);
  if (operands.length === 0) {
    ctx.report('rule-invalid', [...path, op], reason('empty-list', { field: op }));
    return undefined;
  }
  const args = operands.map((x, i) => parseExpr(ctx, x, EXPR_OPERATORS[op].arity === 1 ? [...path, op] : [...path, op, i], depth + 1));
  return args.every((a) => a !== undefined) ? { op, args: args as ParsedExpr[] } : undefined;
}

/** Parses a structurally valid condition. */
export function parseCondition(ctx: ParseContext, c: Condition, path: IssuePath, depth = 1): ParsedCondition | undefined {
  if ('is' in c) return checkInput(ctx, c.is, ['boolean'], [...path, 'is']) ? { op: 'is', name: c.is } : undefined;
  if (depth > LIMITS.exprDepth) return tooDeep(ctx, path);
  if ('left' in c) {
    const left = parseExpr(ctx, c.left, [...path, 'left'], depth + 1);
    const right = parseExpr(ctx, c.right, [...path, 'right'], depth + 1);
    return left === undefined || right === undefined ? undefined : { op: 'compare', test: c.op, left, right };
  }
  if ('not' in c) {
    const arg = parseCondition(ctx, c.not, [...path, 'not'], depth + 1);
    return arg === undefined ? undefined : { op: 'not', arg };
  }
  const op = 'all' in c ? 'all' : 'any';
  const list = 'all' in c ? c.all : (c as { readonly any: readonly Condition[] }).any;
  if (list.length === 0) {
    ctx.report('rule-invalid', [...path, op], reason('empty-list', { field: op }));
    return undefined;
  }
  const args = list.map((x, i) => parseCondition(ctx, x, [...path, op, i], depth + 1));
  return args.every((a) => a !== undefined) ? { op, args: args as ParsedCondition[] } : undefined;
}
