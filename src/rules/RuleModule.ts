import type * as z from 'zod/mini';
import type { Calculator } from '../calc/calculator.js';
import { cmp, isNegative, toPlain, ZERO, type Dec } from '../calc/decimal.js';
import type { IssuePath } from '../errors/issue.js';
import { reason, type ReasonId } from '../errors/reasons.js';
import type { CompiledExpr } from '../expr/compile.js';
import type { InputType, ParseContext } from '../expr/ParseContext.js';
import type { Num } from '../expr/types.js';
import type { Env, Trace } from '../expr/trace.js';

/**
 * A compiled rule. It reads the inputs it needs from `env`, records what is missing, invalid or faulty in `t`,
 * and returns the raw score against the defined weight, or undefined when it cannot score. When `t.facts` is on,
 * it also sets `t.outcome`, the facts its score rests on (the fast path leaves facts off: no outcome is built).
 */
export type Kernel<N> = (env: Env<N>, t: Trace, weight: N) => N | undefined;

/** A parsed rule: its kind and its parameters with every literal read. */
export interface ParsedRule {
  readonly kind: string;
  readonly params: unknown;
}

/** What parsing a rule needs beyond the general parse context. */
export interface RuleParseContext extends ParseContext {
  /** The leaf's weight, when it could be read. */
  readonly weight: Dec | undefined;
  /** The leaf's id: the default name of the input an evaluator rule reads. */
  readonly leafId: string;
  /** Parses a nested rule (for `either`). */
  readonly parseRule: (rule: unknown, path: IssuePath) => ParsedRule | undefined;
}

/** What compiling a rule needs: the calculator, and a compiler for nested rules and expressions. */
export interface RuleCompileContext<N> {
  readonly calc: Calculator<N>;
  readonly compileRule: (rule: ParsedRule) => Kernel<N>;
  readonly expr: (e: import('../expr/parsed.js').ParsedExpr) => CompiledExpr<N>;
  readonly condition: (c: import('../expr/parsed.js').ParsedCondition) => import('../expr/compile.js').CompiledCondition<N>;
  /** The slot of a named input in `Env` (for rules that read an input by name). */
  readonly slot: (name: string) => number;
}

/**
 * 一种计分规则的全部知识。Everything the engine knows about one rule kind, in one module: its structure, the
 * inputs it reads by name, its semantic checks and literal parsing, and its kernel. Its explanation template
 * sits in src/explain/ruleTemplates.ts; the registry (src/rules/registry.ts) lists the modules.
 */
export interface RuleModule<R extends { readonly kind: string }, P> {
  readonly kind: R['kind'];
  /** Structure of the rule (a strict object, so misspelt fields are reported). */
  readonly schema: z.ZodMiniType<unknown>;
  /** Inputs the rule reads by name rather than through expressions (the evaluator's score, tier or checks). */
  readonly namedInputs?: (rule: R, leafId: string) => readonly { readonly name: string; readonly type: InputType }[];
  /** Checks the rule and reads its literals once; reports through `ctx` and returns undefined when invalid. */
  readonly parse: (rule: R, ctx: RuleParseContext, path: IssuePath) => P | undefined;
  /** Builds the kernel over a calculator. */
  readonly compile: <N>(params: P, ctx: RuleCompileContext<N>) => Kernel<N>;
}

/** Reports `rule-invalid` with a reason from the catalogue (src/errors/reasons.ts). */
export function ruleInvalid(ctx: ParseContext, path: IssuePath, id: ReasonId, params: { readonly [key: string]: string } = {}): undefined {
  ctx.report('rule-invalid', path, reason(id, params));
  return undefined;
}

/** Reads an optional literal; `null` marks one that was given but unreadable. */
export function optionalNum(ctx: ParseContext, value: string | number | undefined, path: IssuePath): Dec | undefined | null {
  if (value === undefined) return undefined;
  return ctx.num(value, path) ?? null;
}

/** True when every entry is neither undefined nor null (nothing failed to parse). */
export function allParsed(...values: readonly unknown[]): boolean {
  return values.every((v) => v !== undefined && v !== null);
}

/** Reads a literal that must be above zero. */
export function positiveNum(ctx: ParseContext, value: Num, path: IssuePath, field: string): Dec | undefined {
  const v = ctx.num(value, path);
  if (v !== undefined && cmp(v, ZERO) <= 0) return ruleInvalid(ctx, path, 'not-positive', { field });
  return v;
}

/** Reads optional points that must lie in [0, weight]; `null` when given but invalid. */
export function pointsWithin(ctx: ParseContext, value: Num | undefined, weight: Dec | undefined, path: IssuePath): Dec | undefined | null {
  const v = optionalNum(ctx, value, path);
  if (v === undefined || v === null) return v;
  if (isNegative(v)) {
    ctx.report('negative-amount', path, { name: String(path.at(-1)), value: toPlain(v) });
    return null;
  }
  if (weight !== undefined && cmp(v, weight) > 0) {
    ctx.report('points-exceed-weight', path, { points: toPlain(v), weight: toPlain(weight) });
    return null;
  }
  return v;
}
