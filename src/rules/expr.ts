import { abs, add, cmp, dec, div, isZero, mul, sub, type Dec } from '../decimal/decimal.js';
import { makeIssue } from '../errors/messages.js';
import type { ComparisonOp, Condition, Expr } from '../framework/types.js';
import { parseNumber } from '../input/parseNumber.js';
import { formatNumber } from './format.js';
import type { Env, Trace } from './env.js';

/** A compiled expression: its value (undefined when an input is missing or a fault was recorded) and its text. */
export interface CompiledExpr {
  readonly evaluate: (env: Env, t: Trace) => Dec | undefined;
  readonly text: (env: Env) => string;
  /** True for a bare constant or input (no parentheses needed in text). */
  readonly atomic: boolean;
}

/** Parses a validated numeric literal of a definition. */
export function constant(n: number | string): Dec {
  const parsed = parseNumber(n);
  // Definitions are validated before compiling, so a literal always parses.
  return parsed.ok ? parsed.value : dec(0);
}

const wrap = (e: CompiledExpr, env: Env): string => (e.atomic ? e.text(env) : `(${e.text(env)})`);

function nary(parts: readonly CompiledExpr[], symbol: string, f: (a: Dec, b: Dec) => Dec): CompiledExpr {
  return {
    atomic: false,
    evaluate: (env, t) => {
      const values = parts.map((p) => p.evaluate(env, t));
      if (values.some((v) => v === undefined)) return undefined;
      return (values as Dec[]).reduce((a, b) => f(a, b));
    },
    text: (env) => parts.map((p) => wrap(p, env)).join(` ${symbol} `),
  };
}

/** Compiles an expression definition once into closures. */
export function compileExpr(expr: Expr): CompiledExpr {
  if (typeof expr === 'number' || typeof expr === 'string') {
    const value = constant(expr);
    return { atomic: true, evaluate: () => value, text: () => formatNumber(value) };
  }
  if ('input' in expr) {
    const name = expr.input;
    return {
      atomic: true,
      evaluate: (env, t) => {
        const v = env.numbers.get(name);
        if (v === undefined) {
          if (!t.missing.includes(name)) t.missing.push(name);
          return undefined;
        }
        t.inputs[name] = env.display.get(name) ?? formatNumber(v);
        return v;
      },
      text: (env) => env.display.get(name) ?? name,
    };
  }
  if ('add' in expr) return nary(expr.add.map(compileExpr), '+', add);
  if ('mul' in expr) return nary(expr.mul.map(compileExpr), '×', mul);
  if ('sub' in expr) return nary(expr.sub.map(compileExpr), '−', sub);
  if ('div' in expr) {
    const [a, b] = [compileExpr(expr.div[0]), compileExpr(expr.div[1])];
    return {
      atomic: false,
      evaluate: (env, t) => {
        const x = a.evaluate(env, t);
        const y = b.evaluate(env, t);
        if (x === undefined || y === undefined) return undefined;
        if (isZero(y)) {
          t.issues.push(makeIssue('division-by-zero', t.path, { name: t.name }));
          return undefined;
        }
        return div(x, y);
      },
      text: (env) => `${wrap(a, env)} ÷ ${wrap(b, env)}`,
    };
  }
  const inner = compileExpr(expr.abs);
  return {
    atomic: false,
    evaluate: (env, t) => {
      const v = inner.evaluate(env, t);
      return v === undefined ? undefined : abs(v);
    },
    text: (env) => `|${inner.text(env)}|`,
  };
}

/** A compiled condition: true / false, or undefined when it cannot be decided (missing input). */
export interface CompiledCondition {
  readonly evaluate: (env: Env, t: Trace) => boolean | undefined;
  readonly text: (env: Env) => string;
}

const OPS: { readonly [O in ComparisonOp]: (c: number) => boolean } = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '=': (c) => c === 0,
  '!=': (c) => c !== 0,
  '>=': (c) => c >= 0,
  '>': (c) => c > 0,
};
const OP_TEXT: { readonly [O in ComparisonOp]: string } = { '<': '<', '<=': '≤', '=': '=', '!=': '≠', '>=': '≥', '>': '>' };

/** Compiles a condition definition once into closures. */
export function compileCondition(cond: Condition, labels: ReadonlyMap<string, string> = new Map()): CompiledCondition {
  if ('is' in cond) {
    const name = cond.is;
    const label = labels.get(name) ?? name;
    return {
      evaluate: (env, t) => {
        const v = env.booleans.get(name);
        if (v === undefined) {
          if (!t.missing.includes(name)) t.missing.push(name);
          return undefined;
        }
        t.inputs[name] = v ? '是' : '否';
        return v;
      },
      text: (env) => `${label}：${env.display.get(name) ?? '缺失'}`,
    };
  }
  if ('left' in cond) {
    const [l, r, test] = [compileExpr(cond.left), compileExpr(cond.right), OPS[cond.op]];
    return {
      evaluate: (env, t) => {
        const a = l.evaluate(env, t);
        const b = r.evaluate(env, t);
        return a === undefined || b === undefined ? undefined : test(cmp(a, b));
      },
      text: (env) => `${l.text(env)} ${OP_TEXT[cond.op]} ${r.text(env)}`,
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not, labels);
    return {
      evaluate: (env, t) => {
        const v = inner.evaluate(env, t);
        return v === undefined ? undefined : !v;
      },
      text: (env) => `非（${inner.text(env)}）`,
    };
  }
  const all = 'all' in cond;
  const parts = (all ? (cond as { all: readonly Condition[] }).all : (cond as { any: readonly Condition[] }).any).map((c) =>
    compileCondition(c, labels),
  );
  return {
    evaluate: (env, t) => {
      // Every part is evaluated so that all missing inputs are reported, not just the first.
      const values = parts.map((p) => p.evaluate(env, t));
      if (all ? values.includes(false) : values.includes(true)) return !all;
      return values.includes(undefined) ? undefined : all;
    },
    text: (env) => parts.map((p) => p.text(env)).join(all ? ' 且 ' : ' 或 '),
  };
}
