import type { Calculator } from '../calc/calculator.js';
import { COMPARISONS, EXPR_OPERATORS } from './operators.js';
import type { ParsedCondition, ParsedExpr } from './parsed.js';
import { noteRead, type Env, type Trace } from './trace.js';

/** A compiled expression: its value, or undefined when an input is missing or invalid or a fault occurred. */
export type CompiledExpr<N> = (env: Env<N>, t: Trace) => N | undefined;

/** A compiled condition: true / false, or undefined when it cannot be decided. */
export type CompiledCondition<N> = (env: Env<N>, t: Trace) => boolean | undefined;

/** Resolves an input name to its slot in `Env` (see `slotsOf`). */
export type SlotOf = (name: string) => number;

/** Compiles a parsed expression once into a closure over calculator `c`, inputs resolved to slots by `slot`. */
export function compileExpr<N>(c: Calculator<N>, e: ParsedExpr, slot: SlotOf): CompiledExpr<N> {
  if (e.op === 'const') {
    const value = c.from(e.value);
    return () => value;
  }
  if (e.op === 'input') {
    const name = e.name;
    const at = slot(name);
    return (env, t) => {
      const v = env.numbers[at];
      noteRead(env, t, name, at, v !== undefined);
      return v;
    };
  }
  const op = EXPR_OPERATORS[e.op];
  const args = e.args.map((a) => compileExpr(c, a, slot));
  const fault = (t: Trace): undefined => {
    t.faults.push({ code: 'division-by-zero', data: {} });
    return undefined;
  };
  const [first, second] = args as [CompiledExpr<N>, CompiledExpr<N> | undefined];
  if (op.arity === 1) {
    const unary = op.apply;
    return (env, t) => {
      const a = first(env, t);
      return a === undefined ? undefined : unary(c, a);
    };
  }
  if (op.arity !== 'many' || (second !== undefined && args.length === 2)) {
    // Two operands (the common case), without an operand array.
    const apply = op.apply;
    return (env, t) => {
      const a = first(env, t);
      const b = second?.(env, t);
      if (a === undefined || b === undefined) return undefined;
      const result = apply(c, a, b);
      return result === 'division-by-zero' ? fault(t) : result;
    };
  }
  // A sum or product of one operand (that operand) or of three or more, folded from the left. Every operand is
  // evaluated so that all missing inputs are reported, not just the first.
  const fold = op.apply;
  return (env, t) => {
    const values = args.map((a) => a(env, t));
    if (values.some((v) => v === undefined)) return undefined;
    return (values as N[]).reduce((acc, v) => fold(c, acc, v));
  };
}

/** Compiles a parsed condition once into a closure over calculator `c`, inputs resolved to slots by `slot`. */
export function compileCondition<N>(c: Calculator<N>, cond: ParsedCondition, slot: SlotOf): CompiledCondition<N> {
  switch (cond.op) {
    case 'is': {
      const name = cond.name;
      const at = slot(name);
      return (env, t) => {
        const v = env.booleans[at];
        noteRead(env, t, name, at, v !== undefined);
        return v;
      };
    }
    case 'compare': {
      const [l, r, test] = [compileExpr(c, cond.left, slot), compileExpr(c, cond.right, slot), COMPARISONS[cond.test]];
      return (env, t) => {
        const a = l(env, t);
        const b = r(env, t);
        return a === undefined || b === undefined ? undefined : test(c.cmp(a, b));
      };
    }
    case 'not': {
      const inner = compileCondition(c, cond.arg, slot);
      return (env, t) => {
        const v = inner(env, t);
        return v === undefined ? undefined : !v;
      };
    }
    default: {
      const all = cond.op === 'all';
      const parts = cond.args.map((x) => compileCondition(c, x, slot));
      return (env, t) => {
        const [missing, invalid, faults] = [t.missing.length, t.invalid.length, t.faults.length];
        const values = parts.map((p) => p(env, t));
        // A decided combination wins over undecided parts (false in `all`, true in `any`): what those parts
        // lacked, or the faults they met, do not matter then, so they are not reported.
        if (all ? values.includes(false) : values.includes(true)) {
          t.missing.length = missing;
          t.invalid.length = invalid;
          t.faults.length = faults;
          return !all;
        }
        return values.includes(undefined) ? undefined : all;
      };
    }
  }
}
