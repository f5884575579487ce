/**
 * Runs one case through the public API and checks what comes back.
 *
 *   validateFramework(def); if ok: safeEvaluate(framework, inputs), safeEvaluate(structuredClone(framework), inputs),
 *   safeEvaluate(JSON copy of framework, inputs), formatScoreTable(sheet); if not ok: safeEvaluate(def, inputs).
 *
 * The sheet is read loosely, so that both the current shape and the coming partial-sheet shape
 * (`issues`, `complete: false`, `total: null`, `provisional: { subtotal, total, grade }`) are checked.
 */
import { isDeepStrictEqual } from 'node:util';
import Decimal from 'decimal.js';
import { formatScoreTable, ISSUE_CODES, safeEvaluate, validateFramework } from '../../src/index.js';
import type { EvaluationInputs, Framework } from '../../src/index.js';
import { isPlain } from './mutate.js';

export type FailureKind = 'throw' | 'crash' | 'slow' | 'heap' | 'invariant' | 'clone-mismatch';

export interface Finding {
  readonly kind: FailureKind;
  /** Groups findings: same signature, same bug (most likely). */
  readonly signature: string;
  readonly detail: string;
}

export interface CaseOutcome {
  readonly findings: Finding[];
  /** Time spent inside jixiao calls, ms. */
  readonly ms: number;
  readonly validated: boolean;
  /** 'ok' | 'issues' | 'partial' (ok with sheet.issues) | undefined when not evaluated */
  readonly evaluated?: 'ok' | 'issues' | 'partial';
  /** Internal errors of the checker itself (not jixiao's fault); reported apart. */
  readonly harnessErrors: string[];
  /** Framework copies that structuredClone/JSON could not make (stack overflow on the deepest trees). */
  readonly skippedCopies: number;
}

const D = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
type Dec = InstanceType<typeof D>;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const EPSILON = new D('1e-30');
/** Statuses of leaves that were not scored: they never earn points. */
const UNSCORED = new Set(['missing-input', 'invalid-input', 'fault']);
const CODES = new Set<string>(ISSUE_CODES as readonly string[]);

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined);
const field = (v: unknown, k: string): unknown => obj(v)?.[k];

/** Error signature: name + first line of the message with numbers and quoted bits blurred + first src frame. */
export function errorSignature(e: unknown): { signature: string; detail: string } {
  const err = e instanceof Error ? e : undefined;
  const name = err?.name ?? typeof e;
  const message = err?.message ?? String(e);
  const first = message.split('\n')[0] ?? '';
  const blurred = first.replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"').replace(/\d+(\.\d+)?/g, 'N').slice(0, 140);
  const frame = (err?.stack ?? '').split('\n').find((l) => l.includes('/src/'))?.trim().replace(/^at /, '').replace(/\(.*\/src\//, '(src/').replace(/:\d+\)$/, ')') ?? '';
  return { signature: `${name}: ${blurred}${frame !== '' ? ` @ ${frame}` : ''}`, detail: `${name}: ${first.slice(0, 500)}\n${(err?.stack ?? '').split('\n').slice(1, 8).join('\n')}` };
}

function dec(v: unknown): Dec | undefined {
  return typeof v === 'string' && DECIMAL.test(v) && v.length < 2000 ? new D(v) : undefined;
}

function checkIssues(list: unknown, where: string, report: (rule: string, detail: string) => void, nonEmpty: boolean): void {
  if (!Array.isArray(list)) {
    report('issue-shape', `${where} is not an array`);
    return;
  }
  if (nonEmpty && list.length === 0) report('issue-shape', `${where} is empty`);
  for (const i of list.slice(0, 50)) {
    const code = field(i, 'code');
    const path = field(i, 'path');
    if (typeof code !== 'string' || !CODES.has(code)) report('issue-shape', `${where}: unknown code ${JSON.stringify(code)}`);
    if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' || typeof p === 'number')) report('issue-shape', `${where}: bad path (${String(code)})`);
    if (typeof field(i, 'message') !== 'string' || field(i, 'message') === '' || typeof field(i, 'messageEn') !== 'string' || field(i, 'messageEn') === '') {
      report('issue-shape', `${where}: missing message (${String(code)})`);
    }
  }
}

interface DefInfo {
  readonly roundAtTotal: boolean;
  readonly precision: number;
  readonly bonusAboveTotal: boolean;
  readonly adjustmentMax: Map<string, Dec>;
}

function defInfo(def: unknown): DefInfo {
  const options = obj(field(def, 'options'));
  const p = options?.['precision'];
  const adjustmentMax = new Map<string, Dec>();
  const adjs = field(def, 'adjustments');
  if (Array.isArray(adjs)) {
    for (const a of adjs) {
      const id = field(a, 'id');
      const max = field(a, 'max');
      const m = typeof max === 'number' ? dec(String(max)) : dec(max);
      if (typeof id === 'string' && m !== undefined) adjustmentMax.set(id, m);
    }
  }
  return {
    roundAtTotal: options?.['roundAt'] === 'total',
    precision: typeof p === 'number' && Number.isInteger(p) ? p : 2,
    bonusAboveTotal: options?.['bonusAboveTotal'] === true,
    adjustmentMax,
  };
}

/** Invariants of one returned sheet (read loosely). */
export function checkSheet(sheet: unknown, def: unknown, report: (rule: string, detail: string) => void): void {
  const s = obj(sheet);
  if (s === undefined) {
    report('sheet-shape', 'sheet is not an object');
    return;
  }
  const info = defInfo(def);
  const mode = info.roundAtTotal ? ' (roundAt: total)' : '';
  // With roundAt 'total' nodes keep the engine's internal precision (dozens of digits): compare up to 1e-30.
  const same = (a: Dec, b: Dec): boolean => (info.roundAtTotal ? a.minus(b).abs().lte(EPSILON) : a.eq(b));
  const provisional = obj(s['provisional']);
  if (s['issues'] !== undefined) checkIssues(s['issues'], 'sheet.issues', report, false);
  checkIssues(s['warnings'], 'sheet.warnings', report, false);
  const hasIssues = Array.isArray(s['issues']) && s['issues'].length > 0;
  if (hasIssues && s['complete'] !== false) report('partial-sheet', 'sheet.issues is non-empty but complete is not false');
  if (hasIssues && (s['total'] !== null || s['grade'] !== null)) report('partial-sheet', 'sheet.issues is non-empty but total/grade are not null');
  if ('provisional' in s) {
    // The partial-sheet contract: a final total and grade only when complete, a provisional result otherwise.
    if (s['complete'] === true && (provisional !== undefined || typeof s['total'] !== 'string')) report('partial-sheet', 'complete but provisional is set or total is not a string');
    if (s['complete'] === false && (s['total'] !== null || s['grade'] !== null || provisional === undefined)) report('partial-sheet', 'incomplete but total/grade not null or provisional missing');
  }

  const roots = s['indicators'];
  if (!Array.isArray(roots)) {
    report('sheet-shape', 'indicators is not an array');
    return;
  }
  // Iterative walk (trees may be 5,000 levels deep).
  const stack: { n: unknown; path: string }[] = roots.map((n, i) => ({ n, path: String(i) }));
  let visited = 0;
  for (let it = stack.pop(); it !== undefined; it = stack.pop()) {
    if (++visited > 200_000) break;
    const n = obj(it.n);
    const label = `node ${String(field(n, 'id')).slice(0, 40)} (${it.path.length > 60 ? `…${it.path.slice(-60)}` : it.path})`;
    if (n === undefined) {
      report('sheet-shape', `${label} is not an object`);
      continue;
    }
    const score = dec(n['score']);
    const ew = dec(n['effectiveWeight']);
    const lost = dec(n['lost']);
    if (score === undefined || ew === undefined || lost === undefined) {
      report('not-a-decimal', `${label}: score ${JSON.stringify(n['score'])}, effectiveWeight ${JSON.stringify(n['effectiveWeight'])}, lost ${JSON.stringify(n['lost'])}`);
      continue;
    }
    if (score.lt(0) || score.gt(ew)) report(`score-outside-[0,effectiveWeight]${mode}`, `${label}: score ${n['score']} effectiveWeight ${n['effectiveWeight']}`);
    if (!same(lost, ew.minus(score))) report(`lost-not-effectiveWeight-minus-score${mode}`, `${label}: lost ${n['lost']} ≠ ${n['effectiveWeight']} − ${n['score']}`);
    if (UNSCORED.has(String(n['status'])) && !score.isZero()) report('unscored-leaf-has-points', `${label}: status ${String(n['status'])} but score ${n['score']}`);
    if (n['issues'] !== undefined) checkIssues(n['issues'], 'node.issues', report, false);
    const children = n['children'];
    if (Array.isArray(children) && children.length > 0) {
      let sum = new D(0);
      let wsum = new D(0);
      let bad = false;
      for (const c of children) {
        const cs = dec(field(c, 'score'));
        const cw = dec(field(c, 'effectiveWeight'));
        if (cs === undefined || cw === undefined) {
          bad = true;
          break;
        }
        sum = sum.plus(cs);
        wsum = wsum.plus(cw);
      }
      if (!bad) {
        if (!same(sum, score)) report(`branch-score-not-sum-of-children${mode}`, `${label}: score ${n['score']} ≠ Σ children ${sum.toFixed()}`);
        if (!same(wsum, ew)) report(`branch-effectiveWeight-not-sum-of-children${mode}`, `${label}: effectiveWeight ${n['effectiveWeight']} ≠ Σ children ${wsum.toFixed()}`);
      }
      children.forEach((c, i) => stack.push({ n: c, path: `${it.path}.${i}` }));
    }
  }

  const rootSum = roots.reduce((acc: Dec | undefined, r) => {
    const x = dec(field(r, 'score'));
    return acc === undefined || x === undefined ? undefined : acc.plus(x);
  }, new D(0));
  const subtotalRaw = s['subtotal'] ?? provisional?.['subtotal'];
  const subtotal = dec(subtotalRaw);
  if (subtotalRaw !== null && subtotalRaw !== undefined && subtotal === undefined) report('not-a-decimal', `subtotal ${JSON.stringify(subtotalRaw)}`);
  if (subtotal !== undefined && rootSum !== undefined && !same(rootSum, subtotal)) report(`subtotal-not-sum-of-level-1${mode}`, `subtotal ${String(subtotalRaw)} ≠ Σ level-1 ${rootSum.toFixed()}`);

  // Adjustments: deductions in [−max, 0], bonuses in [0, max], vetoes ≤ 0.
  let adjSum: Dec | undefined = new D(0);
  const adjustments = s['adjustments'];
  if (Array.isArray(adjustments)) {
    for (const a of adjustments) {
      const p = dec(field(a, 'points'));
      if (p === undefined) {
        report('not-a-decimal', `adjustment ${String(field(a, 'id'))} points ${JSON.stringify(field(a, 'points'))}`);
        adjSum = undefined;
        continue;
      }
      adjSum = adjSum?.plus(p);
      const kind = field(a, 'kind');
      const id = field(a, 'id');
      const max = typeof id === 'string' ? info.adjustmentMax.get(id) : undefined;
      if (kind === 'deduction' && (p.gt(0) || (max !== undefined && p.lt(max.neg())))) report('adjustment-out-of-range', `deduction ${String(id)}: ${p.toFixed()} (max ${max?.toFixed() ?? '?'})`);
      if (kind === 'bonus' && (p.lt(0) || (max !== undefined && p.gt(max)))) report('adjustment-out-of-range', `bonus ${String(id)}: ${p.toFixed()} (max ${max?.toFixed() ?? '?'})`);
      if (kind === 'veto' && p.gt(0)) report('adjustment-out-of-range', `veto ${String(id)}: ${p.toFixed()}`);
    }
  } else report('sheet-shape', 'adjustments is not an array');

  // Total.
  const missing = s['missingInputs'];
  if (Array.isArray(missing) && missing.length > 0 && s['complete'] !== false) report('complete-with-missing-inputs', `missingInputs ${missing.length} but complete ${String(s['complete'])}`);
  if (s['complete'] === true && typeof s['total'] !== 'string') report('complete-without-total', `complete but total ${JSON.stringify(s['total'])}`);
  const totalRaw = s['total'] ?? provisional?.['total'];
  const which = s['total'] === null || s['total'] === undefined ? 'provisional total' : 'total';
  if (totalRaw === null || totalRaw === undefined) return;
  const total = dec(totalRaw);
  const maximum = dec(s['maximum']);
  if (total === undefined || maximum === undefined) {
    report('not-a-decimal', `total ${JSON.stringify(totalRaw)}, maximum ${JSON.stringify(s['maximum'])}`);
    return;
  }
  if (subtotal === undefined || adjSum === undefined) return;
  const floored = D.max(subtotal.plus(adjSum), 0);
  const expected = info.bonusAboveTotal ? floored : D.min(floored, maximum);
  const vetoZero = s['vetoed'] === true && total.isZero();
  const ok = info.roundAtTotal ? total.minus(expected).abs().lte(new D(10).pow(-info.precision)) : total.eq(expected);
  if (!ok && !vetoZero) {
    report(`${which}-not-clamp(subtotal+adjustments)${mode}`, `${which} ${String(totalRaw)} ≠ clamp(${subtotal.toFixed()} + ${adjSum.toFixed()}, 0, ${info.bonusAboveTotal ? '∞' : maximum.toFixed()}) = ${expected.toFixed()}`);
  }
}

/** Where two values first differ (for clone mismatches). */
export function firstDifference(a: unknown, b: unknown): string {
  const stack: { a: unknown; b: unknown; path: string; d: number }[] = [{ a, b, path: '', d: 0 }];
  for (let it = stack.pop(); it !== undefined; it = stack.pop()) {
    if (Object.is(it.a, it.b)) continue;
    const oa = obj(it.a) ?? (Array.isArray(it.a) ? (it.a as unknown as Loose) : undefined);
    const ob = obj(it.b) ?? (Array.isArray(it.b) ? (it.b as unknown as Loose) : undefined);
    if (oa === undefined || ob === undefined || Array.isArray(it.a) !== Array.isArray(it.b) || it.d > 100) {
      const show = (v: unknown): string => {
        try {
          return (JSON.stringify(v) ?? String(v)).slice(0, 80);
        } catch {
          return String(v).slice(0, 80);
        }
      };
      return `${it.path || '(root)'}: ${show(it.a)} vs ${show(it.b)}`;
    }
    const keys = new Set([...Object.keys(oa), ...Object.keys(ob)]);
    for (const k of [...keys].reverse()) stack.push({ a: oa[k], b: ob[k], path: `${it.path}.${k}`, d: it.d + 1 });
  }
  return '(no difference found by walker; prototypes or property order differ)';
}

function describeResult(r: unknown): string {
  if (field(r, 'ok') === true) return 'ok';
  const issues = field(r, 'issues');
  const first = Array.isArray(issues) ? String(field(issues[0], 'code')) : '?';
  return `rejected [${first}${Array.isArray(issues) && issues.length > 1 ? ', …' : ''}]`;
}

export interface CheckOptions {
  /** A case slower than this (ms, time inside jixiao) is a failure. */
  readonly slowMs: number;
}

/** Runs one case and returns every finding. Never throws (checker errors go to harnessErrors). */
export function runCase(def: unknown, inputs: unknown, options: CheckOptions): CaseOutcome {
  const findings: Finding[] = [];
  const harnessErrors: string[] = [];
  let ms = 0;
  let slowest = { name: '', ms: 0 };
  let validated = false;
  let skippedCopies = 0;
  let evaluated: CaseOutcome['evaluated'];

  const call = <T>(name: string, fn: () => T): { ok: true; value: T } | { ok: false } => {
    const start = performance.now();
    try {
      return { ok: true, value: fn() };
    } catch (e) {
      const sig = errorSignature(e);
      findings.push({ kind: 'throw', signature: `${name} threw ${sig.signature}`, detail: sig.detail });
      return { ok: false };
    } finally {
      const took = performance.now() - start;
      ms += took;
      if (took > slowest.ms) slowest = { name, ms: took };
    }
  };
  const invariant = (where: string) => (rule: string, detail: string): void => {
    if (findings.filter((f) => f.kind === 'invariant').length < 20) findings.push({ kind: 'invariant', signature: `${where}: ${rule}`, detail });
  };
  const harness = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      harnessErrors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
    }
  };

  const v = call('validateFramework', () => validateFramework(def));
  if (v.ok) {
    const result = v.value as unknown;
    if (field(result, 'ok') === true) {
      validated = true;
      const framework = field(result, 'value') as Framework;
      const ins = inputs as EvaluationInputs;
      const r0 = call('safeEvaluate', () => safeEvaluate(framework, ins));
      if (r0.ok) {
        const res = r0.value as unknown;
        harness('check result', () => {
          if (field(res, 'ok') === true) {
            const sheet = field(res, 'value');
            const issues = field(sheet, 'issues');
            evaluated = Array.isArray(issues) && issues.length > 0 ? 'partial' : 'ok';
            checkSheet(sheet, def, invariant('sheet'));
          } else if (field(res, 'ok') === false) {
            evaluated = 'issues';
            checkIssues(field(res, 'issues'), 'safeEvaluate issues', invariant('safeEvaluate'), true);
          } else invariant('safeEvaluate')('result-shape', `result is ${String(res)}`);
        });
        if (field(res, 'ok') === true) call('formatScoreTable', () => formatScoreTable(field(res, 'value') as Parameters<typeof formatScoreTable>[0]));
      }
      // Copies of the framework must score the same.
      const variants: [string, () => unknown][] = [
        ['structuredClone', () => structuredClone(framework)],
        ['JSON copy', () => JSON.parse(JSON.stringify(framework)) as unknown],
      ];
      for (const [variant, copy] of variants) {
        let copied: unknown;
        try {
          copied = copy();
        } catch (e) {
          // A stack overflow copying a 5,000-level framework is the copier's limit, not a jixiao fault.
          if (e instanceof RangeError) skippedCopies++;
          else findings.push({ kind: 'clone-mismatch', signature: `${variant}: copying the framework threw ${errorSignature(e).signature}`, detail: String(e) });
          continue;
        }
        const r = call(`safeEvaluate(${variant})`, () => safeEvaluate(copied as Framework, ins));
        if (!r.ok || !r0.ok) continue;
        harness('compare copies', () => {
          if (!isDeepStrictEqual(r.value, r0.value)) {
            const a = describeResult(r0.value);
            const b = describeResult(r.value);
            const what =
              a === 'ok' && b === 'ok'
                ? `sheets differ at ${firstDifference(r0.value, r.value).replace(/: .*/, '').replace(/\.\d+/g, '.N')}`
                : a !== 'ok' && b !== 'ok'
                  ? 'both rejected, with different issues'
                  : `original ${a === 'ok' ? 'ok' : 'rejected'}, copy ${b}`;
            findings.push({ kind: 'clone-mismatch', signature: `${variant}: ${what}`, detail: firstDifference(r0.value, r.value) });
          }
        });
      }
    } else if (field(result, 'ok') === false) {
      harness('check issues', () => checkIssues(field(result, 'issues'), 'validateFramework issues', invariant('validateFramework'), true));
      // Evaluating the same invalid definition directly must refuse it too, without throwing.
      const r = call('safeEvaluate(definition)', () => safeEvaluate(def as Framework, inputs as EvaluationInputs));
      if (r.ok && field(r.value, 'ok') !== false) invariant('safeEvaluate(definition)')('accepts-what-validateFramework-rejects', describeResult(r.value));
    } else invariant('validateFramework')('result-shape', `result is ${String(result)}`);
  }
  if (ms > options.slowMs) findings.push({ kind: 'slow', signature: `case over ${options.slowMs} ms, most of it in ${slowest.name}`, detail: `${ms.toFixed(0)} ms inside jixiao (${slowest.name}: ${slowest.ms.toFixed(0)} ms)` });
  return { findings, ms, validated, ...(evaluated !== undefined ? { evaluated } : {}), harnessErrors, skippedCopies };
}

export { isPlain };
