import { add, cmp, decimalPlaces, isNegative, ONE, sum, ZERO, type Dec } from '../decimal/decimal.js';
import type { Issue, IssuePath } from '../errors/issue.js';
import { makeIssue } from '../errors/messages.js';
import { parseNumber } from '../input/parseNumber.js';
import { bandContains, bandText, compileBand, type CompiledBand } from '../rules/bands.js';
import { formatNumber } from '../rules/format.js';
import type {
  Condition,
  Expr,
  FrameworkDefinition,
  InputType,
  NotApplicablePolicy,
  Num,
  Rule,
} from './types.js';
import { evaluatorInputs, resolveInputTypes, walkIndicators } from './walk.js';

const NUMERIC_INPUTS: readonly InputType[] = ['number', 'percent', 'fraction', 'score'];

/** Checks what structure cannot: numbers, sums, ids, rules, references, grades. Returns every issue found. */
export function validateSemantics(def: FrameworkDefinition): Issue[] {
  const issues: Issue[] = [];
  const report = (code: Issue['code'], path: IssuePath, data: { [k: string]: string } = {}): void => {
    issues.push(makeIssue(code, path, data));
  };
  const num = (value: Num, path: IssuePath): Dec | undefined => {
    const parsed = parseNumber(value);
    if (parsed.ok) return parsed.value;
    report('invalid-number', path, { value: String(value) });
    return undefined;
  };
  const types = resolveInputTypes(def);

  const checkInput = (name: string, wanted: readonly InputType[], path: IssuePath): void => {
    const type = types.get(name);
    if (type === undefined) report('unknown-input', path, { input: name });
    else if (!wanted.includes(type)) report('input-type-mismatch', path, { input: name, actual: type, expected: wanted.join('/') });
  };
  const checkExpr = (e: Expr, path: IssuePath): void => {
    if (typeof e === 'number' || typeof e === 'string') {
      num(e, path);
      return;
    }
    if ('input' in e) checkInput(e.input, NUMERIC_INPUTS, [...path, 'input']);
    else if ('add' in e) e.add.forEach((x, i) => checkExpr(x, [...path, 'add', i]));
    else if ('mul' in e) e.mul.forEach((x, i) => checkExpr(x, [...path, 'mul', i]));
    else if ('sub' in e) e.sub.forEach((x, i) => checkExpr(x, [...path, 'sub', i]));
    else if ('div' in e) e.div.forEach((x, i) => checkExpr(x, [...path, 'div', i]));
    else checkExpr(e.abs, [...path, 'abs']);
  };
  const checkCondition = (c: Condition, path: IssuePath): void => {
    if ('is' in c) checkInput(c.is, ['boolean'], [...path, 'is']);
    else if ('left' in c) {
      checkExpr(c.left, [...path, 'left']);
      checkExpr(c.right, [...path, 'right']);
    } else if ('all' in c) c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i]));
    else checkCondition(c.not, [...path, 'not']);
  };
  const ruleInvalid = (path: IssuePath, reasonZh: string, reason: string): void =>
    report('rule-invalid', path, { reasonZh, reason });
  const notAbove = (value: Num | undefined, weight: Dec | undefined, path: IssuePath): void => {
    if (value === undefined) return;
    const v = num(value, path);
    if (v === undefined || weight === undefined) return;
    if (isNegative(v)) report('negative-amount', path, { name: `${String(path.at(-1))}`, value: formatNumber(v) });
    else if (cmp(v, weight) > 0) report('points-exceed-weight', path, { points: formatNumber(v), weight: formatNumber(weight) });
  };
  const fractionIn01 = (value: Num, path: IssuePath, code: 'piecewise-invalid' | 'band-invalid'): void => {
    const v = num(value, path);
    if (v !== undefined && (cmp(v, ZERO) < 0 || cmp(v, ONE) > 0)) {
      report(code, path, { reasonZh: `比例 ${formatNumber(v)} 须在 [0, 1] 内`, reason: `fraction ${formatNumber(v)} must lie in [0, 1]` });
    }
  };
  const positive = (value: Num, path: IssuePath, whatZh: string, what: string): void => {
    const v = num(value, path);
    if (v !== undefined && cmp(v, ZERO) <= 0) ruleInvalid(path, `${whatZh}须大于 0`, `${what} must be greater than 0`);
  };

  const checkBands = (bands: readonly CompiledBand[], raw: Rule & { kind: 'bands' }, weight: Dec | undefined, path: IssuePath): void => {
    raw.bands.forEach((b, i) => {
      const here = [...path, 'bands', i];
      if ((b.points === undefined) === (b.fraction === undefined)) {
        report('band-invalid', here, { reasonZh: 'points 与 fraction 须且只须给出一个', reason: 'give exactly one of points and fraction' });
      }
      notAbove(b.points, weight, [...here, 'points']);
      if (b.fraction !== undefined) fractionIn01(b.fraction, [...here, 'fraction'], 'band-invalid');
      const c = bands[i];
      if (c?.min !== undefined && c.max !== undefined) {
        const order = cmp(c.min, c.max);
        if (order > 0 || (order === 0 && !(c.minInclusive && c.maxInclusive))) {
          report('band-invalid', here, { reasonZh: `区间 ${bandText(c)} 为空`, reason: `band ${bandText(c)} is empty` });
        }
      }
    });
    const sorted = bands
      .map((b, i) => ({ b, i }))
      .sort((x, y) => lowerOrder(x.b, y.b));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1];
      const next = sorted[k];
      if (prev === undefined || next === undefined) continue;
      const relation = adjacency(prev.b, next.b);
      if (relation === 'ok') continue;
      report(relation === 'gap' ? 'bands-gap' : 'bands-overlap', [...path, 'bands', next.i], {
        a: bandText(prev.b),
        b: bandText(next.b),
      });
    }
  };

  const checkRule = (rule: Rule, leafId: string, weight: Dec | undefined, path: IssuePath): void => {
    switch (rule.kind) {
      case 'ratio':
        checkExpr(rule.value, [...path, 'value']);
        for (const key of ['zeroBelow', 'zeroAbove', 'reviewAbove'] as const) {
          const v = rule[key];
          if (v !== undefined) num(v, [...path, key]);
        }
        return;
      case 'lower-is-better':
      case 'equal':
        checkExpr(rule.actual, [...path, 'actual']);
        checkExpr(rule.target, [...path, 'target']);
        if (rule.kind === 'equal' && rule.tolerance !== undefined) num(rule.tolerance, [...path, 'tolerance']);
        return;
      case 'bands': {
        checkExpr(rule.value, [...path, 'value']);
        const parsed = rule.bands.map((b, i) => {
          for (const key of ['min', 'max'] as const) {
            const v = b[key];
            if (v !== undefined) num(v, [...path, 'bands', i, key]);
          }
          return compileBandSafe(b);
        });
        if (rule.bands.length === 0) ruleInvalid([...path, 'bands'], '至少需要一个区间', 'at least one band is needed');
        checkBands(parsed, rule, weight, path);
        return;
      }
      case 'step-deduction':
        checkExpr(rule.value, [...path, 'value']);
        num(rule.threshold, [...path, 'threshold']);
        positive(rule.step, [...path, 'step'], '步长', 'the step');
        positive(rule.points, [...path, 'points'], '每步扣分', 'the points per step');
        return;
      case 'piecewise': {
        checkExpr(rule.value, [...path, 'value']);
        if (rule.points.length < 2) {
          report('piecewise-invalid', [...path, 'points'], { reasonZh: '至少需要两个分段点', reason: 'at least two points are needed' });
        }
        let prev: Dec | undefined;
        rule.points.forEach(([x, f], i) => {
          const xv = num(x, [...path, 'points', i, 0]);
          fractionIn01(f, [...path, 'points', i, 1], 'piecewise-invalid');
          if (xv !== undefined && prev !== undefined && cmp(xv, prev) <= 0) {
            report('piecewise-invalid', [...path, 'points', i, 0], { reasonZh: '分段点的 x 须严格递增', reason: 'x must increase strictly' });
          }
          if (xv !== undefined) prev = xv;
        });
        return;
      }
      case 'binary':
        checkCondition(rule.when, [...path, 'when']);
        notAbove(rule.points, weight, [...path, 'points']);
        notAbove(rule.otherwise, weight, [...path, 'otherwise']);
        return;
      case 'checklist': {
        const seen = new Set<string>();
        const points: Dec[] = [];
        rule.checks.forEach((c, i) => {
          if (seen.has(c.id)) report('duplicate-check-id', [...path, 'checks', i, 'id'], { id: c.id });
          seen.add(c.id);
          const p = num(c.points, [...path, 'checks', i, 'points']);
          if (p !== undefined) points.push(p);
        });
        const total = sum(points);
        if (weight !== undefined && points.length === rule.checks.length && cmp(total, weight) !== 0) {
          report('checklist-points-mismatch', [...path, 'checks'], { actual: formatNumber(total), expected: formatNumber(weight) });
        }
        return;
      }
      case 'tiers': {
        const ranges: { id: string; lo: Dec; hi: Dec }[] = [];
        const ids = new Set<string>();
        rule.tiers.forEach((tier, i) => {
          if (ids.has(tier.id)) report('duplicate-id', [...path, 'tiers', i, 'id'], { id: tier.id });
          ids.add(tier.id);
          const lo = num(tier.min, [...path, 'tiers', i, 'min']);
          const hi = num(tier.max, [...path, 'tiers', i, 'max']);
          if (lo === undefined || hi === undefined) return;
          if (cmp(lo, ZERO) < 0 || cmp(hi, ONE) > 0 || cmp(lo, hi) > 0) {
            report('tiers-invalid', [...path, 'tiers', i], { tier: tier.name, min: formatNumber(lo), max: formatNumber(hi) });
          } else ranges.push({ id: tier.name, lo, hi });
        });
        if (rule.tiers.length === 0) ruleInvalid([...path, 'tiers'], '至少需要一个档次', 'at least one tier is needed');
        ranges.sort((a, b) => cmp(a.lo, b.lo));
        for (let k = 1; k < ranges.length; k++) {
          const a = ranges[k - 1];
          const b = ranges[k];
          if (a !== undefined && b !== undefined && cmp(a.hi, b.lo) > 0) {
            report('tiers-overlap', [...path, 'tiers'], { a: a.id, b: b.id });
          }
          if (a !== undefined && b !== undefined && cmp(a.hi, b.lo) < 0) {
            report('tiers-gap', [...path, 'tiers'], { a: a.id, b: b.id });
          }
        }
        return;
      }
      case 'count-ratio':
        checkExpr(rule.met, [...path, 'met']);
        checkExpr(rule.total, [...path, 'total']);
        return;
      case 'per-occurrence':
        checkExpr(rule.count, [...path, 'count']);
        positive(rule.points, [...path, 'points'], '每次扣分', 'the points per occurrence');
        return;
      case 'manual':
        if (rule.step !== undefined) positive(rule.step, [...path, 'step'], '步长', 'the step');
        return;
      case 'either':
        if (rule.alternatives.length === 0) ruleInvalid([...path, 'alternatives'], '至少需要一个备选规则', 'at least one alternative is needed');
        rule.alternatives.forEach((r, i) => checkRule(r, leafId, weight, [...path, 'alternatives', i]));
        return;
      default: {
        const never: never = rule;
        return never;
      }
    }
  };

  // Ids, weights, tree shape, rules.
  const located = walkIndicators(def);
  const ids = new Map<string, IssuePath>();
  const weightOf = new Map<string, Dec>();
  for (const { node, path } of located) {
    if (ids.has(node.id)) report('duplicate-id', [...path, 'id'], { id: node.id });
    else ids.set(node.id, path);
    const w = num(node.weight, [...path, 'weight']);
    if (w !== undefined && isNegative(w)) report('negative-weight', [...path, 'weight'], { value: formatNumber(w) });
    if (w !== undefined) weightOf.set(node.id, w);
  }
  for (const { node, path } of located) {
    const hasChildren = 'children' in node && node.children.length > 0;
    const hasRule = 'rule' in node && node.rule !== undefined;
    if (hasChildren && hasRule) report('branch-with-rule', path, { name: node.name });
    if (!hasChildren && !hasRule) report('leaf-without-rule', path, { name: node.name });
    const w = weightOf.get(node.id);
    if (hasChildren && 'children' in node) {
      const childWeights = node.children.map((c) => parseNumber(c.weight));
      if (w !== undefined && childWeights.every((c) => c.ok)) {
        const total = childWeights.reduce((s, c) => (c.ok ? add(s, c.value) : s), ZERO);
        if (cmp(total, w) !== 0) {
          report('weight-sum-mismatch', [...path, 'children'], { name: node.name, actual: formatNumber(total), expected: formatNumber(w) });
        }
      }
    }
    if (hasRule && 'rule' in node) {
      checkRule(node.rule, node.id, w, [...path, 'rule']);
      for (const { name, type } of evaluatorInputs(node.rule, node.id)) {
        const declared = types.get(name);
        if (declared !== type) report('input-type-mismatch', [...path, 'rule'], { input: name, actual: declared ?? '—', expected: type });
      }
    }
    const when = (node as { when?: { notApplicable?: Condition; zero?: Condition; full?: Condition } }).when;
    if (when !== undefined) {
      for (const key of ['notApplicable', 'zero', 'full'] as const) {
        const c = when[key];
        if (c === undefined) continue;
        checkCondition(c, [...path, 'when', key]);
        if (key !== 'notApplicable' && hasChildren) {
          report('invalid-option', [...path, 'when', key], {
            reasonZh: '满分/不得分条件只能用于末级指标',
            reason: 'full/zero conditions apply to leaf indicators only',
          });
        }
      }
    }
  }

  // Total.
  const total = num(def.total, ['total']);
  if (total !== undefined && cmp(total, ZERO) <= 0) {
    report('invalid-option', ['total'], { reasonZh: '满分须大于 0', reason: 'the total must be greater than 0' });
  }
  const rootWeights = def.indicators.map((r) => parseNumber(r.weight));
  if (total !== undefined && rootWeights.every((r) => r.ok)) {
    const s = rootWeights.reduce((acc, r) => (r.ok ? add(acc, r.value) : acc), ZERO);
    if (cmp(s, total) !== 0) report('total-mismatch', ['indicators'], { actual: formatNumber(s), expected: formatNumber(total) });
  }

  // Not-applicable policies.
  const checkPolicy = (p: NotApplicablePolicy | undefined, path: IssuePath, selfId?: string): void => {
    if (p === undefined || p.policy !== 'transfer') return;
    if (!ids.has(p.to)) report('unknown-node', [...path, 'to'], { id: p.to });
    else if (p.to === selfId) {
      report('invalid-option', [...path, 'to'], { reasonZh: '不能转移给自身', reason: 'cannot transfer to itself' });
    }
  };
  checkPolicy(def.options?.notApplicable, ['options', 'notApplicable']);
  for (const { node, path } of located) checkPolicy(node.notApplicable, [...path, 'notApplicable'], node.id);

  // Adjustments.
  (def.adjustments ?? []).forEach((a, i) => {
    const path = ['adjustments', i];
    if (ids.has(a.id)) report('duplicate-id', [...path, 'id'], { id: a.id });
    else ids.set(a.id, path);
    if (a.kind === 'veto') {
      checkCondition(a.when, [...path, 'when']);
      return;
    }
    const m = num(a.max, [...path, 'max']);
    if (m !== undefined && isNegative(m)) report('negative-amount', [...path, 'max'], { name: a.name, value: formatNumber(m) });
    checkExpr(a.amount, [...path, 'amount']);
  });

  // Options.
  const precision = def.options?.precision;
  if (precision !== undefined && (precision < 0 || precision > 10)) {
    report('invalid-option', ['options', 'precision'], { reasonZh: '小数位数须在 0 到 10 之间', reason: 'precision must be 0 to 10' });
  }
  if (precision !== undefined && precision >= 0) {
    for (const { node, path } of located) {
      const w = weightOf.get(node.id);
      if (w !== undefined && decimalPlaces(w) > precision) {
        report('invalid-option', [...path, 'weight'], {
          reasonZh: `分值 ${formatNumber(w)} 的小数位多于精度 ${precision}`,
          reason: `weight ${formatNumber(w)} has more decimals than the precision ${precision}`,
        });
      }
    }
  }

  issues.push(...validateGrades(def, total));
  return issues;
}

function compileBandSafe(b: Parameters<typeof compileBand>[0]): CompiledBand {
  const ok = (v: Num | undefined): boolean => v === undefined || parseNumber(v).ok;
  return ok(b.min) && ok(b.max) && ok(b.points) && ok(b.fraction)
    ? compileBand(b)
    : { min: undefined, max: undefined, minInclusive: true, maxInclusive: false, points: undefined, fraction: undefined, label: b.label };
}

/** Orders bands by their lower end (−∞ first; at equal bounds the inclusive one first). */
function lowerOrder(a: CompiledBand, b: CompiledBand): number {
  if (a.min === undefined) return b.min === undefined ? 0 : -1;
  if (b.min === undefined) return 1;
  const c = cmp(a.min, b.min);
  if (c !== 0) return c;
  return a.minInclusive === b.minInclusive ? 0 : a.minInclusive ? -1 : 1;
}

/** How the band `next` (starting later) meets `prev`. */
function adjacency(prev: CompiledBand, next: CompiledBand): 'ok' | 'gap' | 'overlap' {
  if (prev.max === undefined || next.min === undefined) return 'overlap';
  const c = cmp(prev.max, next.min);
  if (c < 0) return 'gap';
  if (c > 0) return 'overlap';
  if (prev.maxInclusive && next.minInclusive) return bandContains(prev, next.min) ? 'overlap' : 'ok';
  if (!prev.maxInclusive && !next.minInclusive) return 'gap';
  return 'ok';
}

function validateGrades(def: FrameworkDefinition, total: Dec | undefined): Issue[] {
  const issues: Issue[] = [];
  const grades = def.grades.map((g, i) => {
    const min = parseNumber(g.min);
    const max = g.max === undefined ? undefined : parseNumber(g.max);
    if (!min.ok) issues.push(makeIssue('invalid-number', ['grades', i, 'min'], { value: String(g.min) }));
    if (max !== undefined && !max.ok) issues.push(makeIssue('invalid-number', ['grades', i, 'max'], { value: String(g.max) }));
    return { i, label: g.label, min: min.ok ? min.value : undefined, max: max?.ok === true ? max.value : undefined };
  });
  if (def.grades.length === 0) {
    return [makeIssue('grade-scale-invalid', ['grades'], { reasonZh: '至少需要一个等级', reason: 'at least one grade is needed' })];
  }
  if (issues.length > 0) return issues;
  const labels = new Set<string>();
  for (const g of grades) {
    if (labels.has(g.label)) issues.push(makeIssue('duplicate-id', ['grades', g.i, 'label'], { id: g.label }));
    labels.add(g.label);
  }
  const sorted = [...grades].sort((a, b) => cmp(a.min ?? ZERO, b.min ?? ZERO));
  const lowest = sorted[0];
  if (lowest?.min !== undefined && cmp(lowest.min, ZERO) !== 0) {
    issues.push(makeIssue('grade-scale-gap', ['grades', lowest.i, 'min'], { a: '0 分', b: lowest.label }));
  }
  for (let k = 0; k < sorted.length; k++) {
    const g = sorted[k];
    const up = sorted[k + 1];
    if (g?.min === undefined) continue;
    if (total !== undefined && cmp(g.min, total) > 0) {
      issues.push(makeIssue('grade-scale-invalid', ['grades', g.i, 'min'], { reasonZh: `下限 ${formatNumber(g.min)} 超过满分`, reason: `lower bound ${formatNumber(g.min)} exceeds the total` }));
    }
    if (up?.min !== undefined && cmp(up.min, g.min) === 0) {
      issues.push(makeIssue('grade-scale-overlap', ['grades', up.i, 'min'], { a: g.label, b: up.label }));
    }
    const upper = up?.min ?? total;
    if (g.max !== undefined && upper !== undefined && cmp(g.max, upper) !== 0) {
      issues.push(
        makeIssue(cmp(g.max, upper) < 0 ? 'grade-scale-gap' : 'grade-scale-overlap', ['grades', g.i, 'max'], {
          a: g.label,
          b: up?.label ?? formatNumber(upper),
        }),
      );
    }
  }
  return issues;
}
