import { decimalCalculator, GUARD_PLACES } from '../calc/calculator.js';
import { decimalPlaces, pow10, type Dec } from '../calc/decimal.js';
import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issues } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { reason } from '../errors/reasons.js';
import type { Result } from '../errors/result.js';
import { checkNesting } from '../framework/checkNesting.js';
import { compile, type Compiled } from '../framework/compile.js';
import { guarded, parsedFrameworkOf, type Framework } from '../framework/defineFramework.js';
import type { ParsedFramework } from '../framework/parsed.js';
import { evaluateOptionsSchema, evaluationInputsSchema } from '../framework/schema.js';
import { translateZodIssues } from '../framework/translateZodIssues.js';
import type { EvaluationInputs, FrameworkDefinition, RoundAt, RoundingMode } from '../framework/types.js';
import { applyAdjustments } from './applyAdjustments.js';
import { buildSheet } from './buildSheet.js';
import { effectiveWeights, type WeightPlan } from './effectiveWeights.js';
import { parseInputs } from './parseInputs.js';
import { conditionNA, scoreTree, type Rounding } from './scoreTree.js';
import type { ScoreSheet } from './types.js';

/** 评价选项（覆盖指标体系的计算选项）。Options of one evaluation; they override the framework's options. */
export interface EvaluateOptions {
  /** 小数位数（0–10，不少于分值的小数位）。Decimal places, 0 to 10, not fewer than the weights have. */
  readonly precision?: number;
  /** 舍入方式。Rounding mode. */
  readonly rounding?: RoundingMode;
  /** 舍入位置。Where rounding happens. */
  readonly roundAt?: RoundAt;
}

/** Compiled forms and hashes of parsed frameworks (caches, never required). */
interface CacheEntry {
  readonly compiled: Compiled<Dec>;
  readonly hash: string;
  /** Weight plans without not-applicable indicators, by grid places: the same for every such evaluation. */
  readonly plans: Map<number, WeightPlan<Dec>>;
}
const compiledCache = new WeakMap<ParsedFramework, CacheEntry>();

function compiledOf(parsed: ParsedFramework): CacheEntry {
  let entry = compiledCache.get(parsed);
  if (entry === undefined) {
    entry = { compiled: compile(parsed, decimalCalculator), hash: parsed.hash, plans: new Map() };
    compiledCache.set(parsed, entry);
  }
  return entry;
}

/** Checks the options as strictly as the framework's own, and resolves them against the framework's. */
export function resolveOptions(parsed: ParsedFramework, options: unknown): Result<Rounding> {
  if (options === undefined) return { ok: true, value: { precision: parsed.precision, rounding: parsed.rounding, roundAt: parsed.roundAt } };
  const checked = evaluateOptionsSchema.safeParse(options);
  if (!checked.success) {
    const issues = translateZodIssues(checked.error.issues, options).map((i) => ({ ...i, path: ['options', ...i.path] }));
    return { ok: false, issues: issues as unknown as Issues };
  }
  const o = options as EvaluateOptions;
  const precision = o.precision ?? parsed.precision;
  if (precision < 0 || precision > 10) {
    return { ok: false, issues: [makeIssue('invalid-option', ['options', 'precision'], reason('precision-range'))] };
  }
  if (precision < parsed.minPrecision) {
    return {
      ok: false,
      issues: [
        makeIssue('invalid-option', ['options', 'precision'], reason('precision-below-weights', { precision: String(precision), decimals: String(parsed.minPrecision) })),
      ],
    };
  }
  return { ok: true, value: { precision, rounding: o.rounding ?? parsed.rounding, roundAt: o.roundAt ?? parsed.roundAt } };
}

/** Checks the envelope of the inputs: an object with `values` (a record) and an optional `notApplicable` list. */
export function checkInputs(inputs: unknown): Result<EvaluationInputs> {
  const tooBig = checkNesting(inputs);
  if (tooBig !== undefined) return { ok: false, issues: [tooBig] };
  const checked = evaluationInputsSchema.safeParse(inputs);
  if (!checked.success) return { ok: false, issues: translateZodIssues(checked.error.issues, inputs) as unknown as Issues };
  // The checked input itself, not zod's rebuilt copy, so that keys such as "__proto__" survive.
  return { ok: true, value: inputs as EvaluationInputs };
}

/**
 * 评价（不抛异常）。Evaluates one set of inputs and returns the score sheet. Never throws.
 *
 * A bad or missing input, or a fault such as a division by zero, affects only the indicators that read it: the
 * sheet is still returned, those nodes carry their status and issues, `complete` is false, and the total and
 * grade are `null` (the sum so far is in `provisional`). Only what keeps any sheet from being made — an invalid
 * framework, invalid options, inputs that are not `{ values: {…} }` — gives `{ ok: false, issues }`.
 *
 * @param framework a framework from `defineFramework` (or any copy of one, or a bare definition, validated on the fly)
 * @param inputs the evaluation's input values and not-applicable indicators
 * @param options precision / rounding overrides
 * @returns `{ ok: true, value: sheet }` or `{ ok: false, issues }`
 * @example
 * const result = safeEvaluate(framework, { values });
 * if (result.ok && result.value.complete) console.log(result.value.total, result.value.grade?.label);
 */
export function safeEvaluate(framework: Framework | FrameworkDefinition, inputs: EvaluationInputs, options?: EvaluateOptions): Result<ScoreSheet> {
  return guarded(() => {
    const parsed = parsedFrameworkOf(framework);
    if (!parsed.ok) return parsed;
    const rounding = resolveOptions(parsed.value, options);
    if (!rounding.ok) return rounding;
    const envelope = checkInputs(inputs);
    if (!envelope.ok) return envelope;
    return { ok: true, value: score(parsed.value, envelope.value, rounding.value) };
  });
}

function score(parsed: ParsedFramework, inputs: EvaluationInputs, r: Rounding): ScoreSheet {
  const { compiled, hash, plans } = compiledOf(parsed);
  const read = parseInputs(parsed, inputs.values, inputs.notApplicable ?? []);
  const { na, undecided } = conditionNA(compiled, read.env, read.notApplicable);
  // Weights are split on the grid of the precision when leaves are rounded; on the guard grid when only the
  // total is, so that no shown place depends on how a spare unit was placed.
  const places = r.roundAt === 'leaf' ? Math.max(r.precision, decimalPlaces(parsed.total)) : GUARD_PLACES;
  const unit = decimalCalculator.from(pow10(-places));
  const key = places;
  let plan = na.size === 0 ? plans.get(key) : undefined;
  if (plan === undefined) {
    plan = effectiveWeights(compiled, na, unit);
    if (na.size === 0) plans.set(key, plan);
  }
  for (const id of plan.notApplicable) undecided.delete(id);
  const tree = scoreTree(compiled, read.env, plan, undecided, r);
  const adjustments = applyAdjustments(compiled, read.env, r);
  return buildSheet(compiled, read, tree, adjustments, r, hash);
}

/**
 * 评价：按指标体系和输入计算打分表。Evaluates one set of inputs against a framework and returns the score sheet.
 * Throws one `JixiaoError` only when no sheet can be made (see `safeEvaluate`); problems with individual inputs
 * leave the sheet incomplete (`complete: false`, `total: null`) with their issues, and never throw.
 *
 * @param framework a framework from `defineFramework` (or any copy of one, or a bare definition, validated on the fly)
 * @param inputs the evaluation's input values and not-applicable indicators
 * @param options precision / rounding overrides
 * @returns the score sheet
 * @example
 * const sheet = evaluate(framework, { values: { 'procurement-actual': '33.58', 'procurement-budget': 33.58 } });
 * console.log(sheet.total, sheet.grade?.label);
 */
export function evaluate(framework: Framework | FrameworkDefinition, inputs: EvaluationInputs, options?: EvaluateOptions): ScoreSheet {
  const result = safeEvaluate(framework, inputs, options);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}
