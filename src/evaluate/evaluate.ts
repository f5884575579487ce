import { add, clamp, cmp, isZero, max, neg, round, sub, sum, toFixed, toNumber, toPlain, ZERO, type Dec } from '../decimal/decimal.js';
import { JixiaoError } from '../errors/JixiaoError.js';
import type { Issue } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import type { Result } from '../errors/result.js';
import type { Compiled } from '../framework/compile.js';
import { compiledOf, validateFramework, type Framework } from '../framework/defineFramework.js';
import type { EvaluationInputs, FrameworkDefinition, RoundAt, RoundingMode } from '../framework/types.js';
import { adjustmentSum, applyAdjustments, type AppliedAdjustment } from './applyAdjustments.js';
import { effectiveWeights, type WeightPlan } from './effectiveWeights.js';
import { parseInputs } from './parseInputs.js';
import { conditionNA, scoreTree, type ScoredNode } from './scoreTree.js';
import type { LostPoint, NodeResult, ScoreSheet } from './types.js';

/** 评价选项（覆盖指标体系的计算选项）。Options of one evaluation; they override the framework's options. */
export interface EvaluateOptions {
  readonly precision?: number;
  readonly rounding?: RoundingMode;
  readonly roundAt?: RoundAt;
}

function resolve(framework: Framework | FrameworkDefinition, options: EvaluateOptions): Result<Compiled> {
  let compiled = compiledOf(framework as Framework);
  if (compiled === undefined) {
    const checked = validateFramework(framework);
    if (!checked.ok) return checked;
    compiled = compiledOf(checked.value) as Compiled;
  }
  if (options.precision === undefined && options.rounding === undefined && options.roundAt === undefined) {
    return { ok: true, value: compiled };
  }
  const precision = options.precision ?? compiled.precision;
  if (Number.isInteger(precision) && precision < compiled.weightDecimals) {
    return {
      ok: false,
      issues: [
        makeIssue('invalid-option', ['options', 'precision'], {
          reasonZh: `精度 ${precision} 少于分值的小数位数 ${compiled.weightDecimals}`,
          reason: `precision ${precision} is below the ${compiled.weightDecimals} decimals of the weights`,
        }),
      ],
    };
  }
  if (!Number.isInteger(precision) || precision < 0 || precision > 10) {
    return {
      ok: false,
      issues: [makeIssue('invalid-option', ['options', 'precision'], { reasonZh: '小数位数须为 0 到 10 的整数', reason: 'precision must be an integer from 0 to 10' })],
    };
  }
  return {
    ok: true,
    value: { ...compiled, precision, rounding: options.rounding ?? compiled.rounding, roundAt: options.roundAt ?? compiled.roundAt },
  };
}

/**
 * 评价（不抛异常）：返回打分表或全部问题。Evaluates and returns the score sheet, or every issue in the inputs.
 *
 * @param framework a framework from `defineFramework` (or a definition, validated on the fly)
 * @param inputs the evaluation's input values and not-applicable indicators
 * @param options precision / rounding overrides
 * @returns `{ ok: true, value: sheet }` or `{ ok: false, issues }`
 */
export function safeEvaluate(
  framework: Framework | FrameworkDefinition,
  inputs: EvaluationInputs,
  options: EvaluateOptions = {},
): Result<ScoreSheet> {
  const resolved = resolve(framework, options);
  if (!resolved.ok) return resolved;
  const compiled = resolved.value;
  const parsed = parseInputs(compiled, inputs);
  const issues: Issue[] = [...parsed.issues];
  const warnings: Issue[] = [];
  const { na, undecided } = conditionNA(compiled, parsed.env, parsed.notApplicable, issues);
  const plan = na.size === 0 ? planWithoutNA(compiled) : effectiveWeights(compiled, na);
  for (const id of plan.notApplicable) undecided.delete(id);
  const tree = scoreTree(compiled, parsed.env, plan, undecided, issues, warnings);
  const adjustments = applyAdjustments(compiled, parsed.env, issues, warnings);
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest] };
  return { ok: true, value: buildSheet(compiled, tree, adjustments, warnings) };
}

/**
 * 评价：按指标体系和输入计算打分表；输入有误时抛出 JixiaoError。Evaluates one set of inputs against a
 * framework and returns the score sheet; throws one `JixiaoError` carrying every issue in the inputs.
 * Missing inputs are not errors: the indicator scores 0 with status `missing-input` and `complete` is false.
 *
 * @param framework a framework from `defineFramework` (or a definition, validated on the fly)
 * @param inputs the evaluation's input values and not-applicable indicators
 * @param options precision / rounding overrides
 * @returns the score sheet
 * @example
 * const sheet = evaluate(framework, { values: { 'procurement-actual': '33.58', 'procurement-budget': 33.58 } });
 * console.log(sheet.total, sheet.grade?.label);
 */
export function evaluate(
  framework: Framework | FrameworkDefinition,
  inputs: EvaluationInputs,
  options: EvaluateOptions = {},
): ScoreSheet {
  const result = safeEvaluate(framework, inputs, options);
  if (!result.ok) throw new JixiaoError(result.issues);
  return result.value;
}

/*
 * Without not-applicable indicators the effective weights are the defined ones, whatever the options; they
 * are worked out once per framework. The WeakMap is keyed by the compiled tree, which option overrides share.
 */
const plans = new WeakMap<Compiled['roots'], WeightPlan>();
function planWithoutNA(compiled: Compiled): WeightPlan {
  let plan = plans.get(compiled.roots);
  if (plan === undefined) {
    plan = effectiveWeights(compiled, new Set());
    plans.set(compiled.roots, plan);
  }
  return plan;
}

function buildSheet(compiled: Compiled, tree: readonly ScoredNode[], adjustments: readonly AppliedAdjustment[], warnings: Issue[]): ScoreSheet {
  const { precision, rounding, roundAt } = compiled;
  const show = (d: Dec): string => (roundAt === 'leaf' ? toFixed(d, precision, rounding) : toPlain(d));
  const showTotal = (d: Dec): string => toFixed(d, precision, rounding);
  const missingInputs: string[] = [];

  const toResult = (s: ScoredNode): NodeResult => {
    if (s.status === 'missing-input') {
      for (const m of s.trace.missing) {
        if (!missingInputs.includes(m)) missingInputs.push(m);
        warnings.push(makeIssue('missing-input', s.node.path, { input: m, name: s.node.name }));
      }
    }
    return {
      id: s.node.id,
      name: s.node.name,
      level: s.node.level,
      weight: toFixed(s.node.weight, precision, rounding),
      effectiveWeight: toFixed(s.effectiveWeight, precision, rounding),
      score: show(s.score),
      lost: show(sub(s.effectiveWeight, s.score)),
      status: s.status,
      ...(s.node.ruleKind === undefined ? {} : { rule: s.node.ruleKind }),
      inputs: { ...s.trace.inputs },
      values: { ...s.trace.values },
      explanation: s.explanation,
      children: s.children.map(toResult),
    };
  };
  let indicators = tree.map(toResult);
  for (const [i, a] of adjustments.entries()) {
    for (const m of a.missing) {
      if (!missingInputs.includes(m)) missingInputs.push(m);
      warnings.push(makeIssue('missing-input', ['adjustments', i], { input: m, name: a.name }));
    }
  }

  const subtotal = sum(tree.map((n) => n.score));
  const ceiling = compiled.bonusAboveTotal ? undefined : compiled.total;
  const bounded = (d: Dec): Dec => (ceiling === undefined ? max(d, ZERO) : clamp(d, ZERO, ceiling));
  const running = add(subtotal, adjustmentSum(adjustments));
  const zeroVeto = adjustments.find((a) => a.triggered && (a.effect === 'zero-total' || a.effect === 'both'));
  const lowestVeto = adjustments.some((a) => a.triggered && (a.effect === 'lowest-grade' || a.effect === 'both'));
  // A zeroing veto carries minus the running total, so that total = clamp(subtotal + Σ adjustments) still holds.
  const vetoPoints = zeroVeto === undefined ? ZERO : neg(max(running, ZERO));
  const rawTotal = bounded(add(running, vetoPoints));
  const total = roundAt === 'leaf' ? rawTotal : round(rawTotal, precision, rounding);
  const vetoed = zeroVeto !== undefined || lowestVeto;
  if (zeroVeto !== undefined) indicators = indicators.map(markVetoed);

  const lowest = compiled.grades[compiled.grades.length - 1];
  const reached = compiled.grades.findIndex((g) => cmp(total, g.min) >= 0);
  const gradeIndex = lowestVeto ? compiled.grades.length - 1 : reached;
  const grade = compiled.grades[gradeIndex] ?? lowest;
  const above = gradeIndex > 0 && !vetoed ? compiled.grades[gradeIndex - 1] : undefined;

  const lost: { amount: Dec; line: LostPoint }[] = [];
  const collect = (s: ScoredNode): void => {
    if (s.children.length > 0) s.children.forEach(collect);
    else if (cmp(s.effectiveWeight, s.score) > 0) {
      const amount = sub(s.effectiveWeight, s.score);
      lost.push({ amount, line: { id: s.node.id, name: s.node.name, path: s.node.names, lost: show(amount), reason: s.explanation } });
    }
  };
  tree.forEach(collect);
  for (const a of adjustments) {
    if (a.kind === 'deduction' && !isZero(a.points)) {
      const amount = neg(a.points);
      lost.push({ amount, line: { id: a.id, name: a.name, path: [a.name], lost: show(amount), reason: a.explanation } });
    }
  }
  // Largest first; the sort is stable, so equal losses keep tree order.
  const ranked = lost.sort((a, b) => cmp(b.amount, a.amount)).map((x) => x.line);

  return {
    framework: {
      id: compiled.definition.id,
      name: compiled.definition.name,
      ...(compiled.definition.version === undefined ? {} : { version: compiled.definition.version }),
    },
    maximum: toFixed(compiled.total, precision, rounding),
    subtotal: show(subtotal),
    total: showTotal(total),
    totalNumber: toNumber(total),
    grade: grade === undefined ? null : { label: grade.label, min: show(grade.min) },
    nextGrade: above === undefined ? null : { label: above.label, pointsNeeded: showTotal(sub(above.min, total)) },
    vetoed,
    indicators,
    adjustments: adjustments.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      points: show(a === zeroVeto ? vetoPoints : a.points),
      triggered: a.triggered,
      status: a.status,
      explanation: a.explanation,
    })),
    lostPoints: ranked,
    warnings,
    complete: missingInputs.length === 0,
    missingInputs,
  };
}

function markVetoed(n: NodeResult): NodeResult {
  return { ...n, status: 'vetoed', children: n.children.map(markVetoed) };
}
