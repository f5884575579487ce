import DecimalJs from 'decimal.js';
import { expect } from 'vitest';
import { evaluate, findNode, LEGACY_TIERS, LIMITS, NATIONAL_GRADES, safeEvaluate, validateFramework } from '../../src/index.js';
import type { EvaluateOptions, FrameworkDefinition, InputValue, NodeResult, RoundingMode, ScoreSheet, SelfEvaluationReview, Template } from '../../src/index.js';
import { reviewSelfEvaluation } from '../../src/index.js';
import { getPreset } from '../../src/presets/index.js';
import { codes, demo, exampleFile, exampleSheet, leaf, wrapFragment, yamlOf, type Leaf } from './engine.js';

/*
 * 文档正文和表格中陈述的数字，逐条由引擎重新计算。A figure the prose or a table states, rebuilt from what the
 * engine computes: the test looks for the rebuilt text on the page (code blocks left out), so a changed figure
 * in either the page or the engine fails it. `text` throws when a fact the sentence rests on does not hold.
 */

/** A figure a page states. */
export interface Figure {
  readonly page: string;
  /** What the figure is, for the test's name. */
  readonly what: string;
  /** The text the page must contain, built from the engine's results. */
  readonly text: () => string | readonly string[];
}

const D = DecimalJs.clone({ precision: 50 });

/** Throws unless `cond` holds: a fact a sentence states that is not a number. */
function need(cond: boolean, fact: string): void {
  if (!cond) throw new Error(`no longer true: ${fact}`);
}

/** A decimal as documents write a negative number (U+2212). */
const minus = (s: string): string => s.replace(/^-/, '−');
/** A fraction as a percentage: 0.952 → "95.2" (exact, trailing zeros dropped). */
const pct = (v: string): string => new D(v).times(100).toString();
/** A fraction as a percentage with two decimals: "95.25". */
const pct2 = (v: string): string => new D(v).times(100).toFixed(2);
/** Truncated to `places` decimals, with "…" when digits were dropped: 9.5245916… */
function cut(v: string, places: number): string {
  const d = new D(v);
  return d.decimalPlaces() > places ? `${d.toDecimalPlaces(places, DecimalJs.ROUND_DOWN).toFixed(places)}…` : d.toString();
}
/** A value in exact decimals, shortened when long (more than 6 decimals → 4 and "…"). */
const exact = (v: string): string => (new D(v).decimalPlaces() > 6 ? cut(v, 4) : new D(v).toString());
/** An adjustment's points as a table shows them: −3.46, +2.00. */
const signed = (p: string): string => (p.startsWith('-') ? `−${p.slice(1)}` : `+${p}`);

/* ── examples/ ─────────────────────────────────────────────────────────────────────────────────────────────── */

const dabu = (): ScoreSheet => exampleSheet('dabu-2021');
const panzhihua = (): ScoreSheet => exampleSheet('panzhihua-2024');
function shandanIssue(): { code: string; data?: { readonly [k: string]: string } } {
  const r = validateFramework(exampleFile('shandan-2023', 'framework.yaml'));
  need(!r.ok, 'the Shandan framework is invalid');
  return (r as { issues: readonly { code: string; data?: { readonly [k: string]: string } }[] }).issues[0] as { code: string };
}
function proseIssue(): { code: string; path: string; data: { readonly [k: string]: string } } {
  const r = validateFramework(exampleFile('panzhihua-2024', 'framework-prose.yaml'));
  need(!r.ok && r.issues.length === 1, 'framework-prose.yaml has exactly one issue');
  const i = (r as { issues: readonly { code: string; path: readonly (string | number)[]; data?: { readonly [k: string]: string } }[] }).issues[0];
  return { code: i?.code ?? '', path: i?.path.join('.') ?? '', data: i?.data ?? {} };
}

const EXAMPLES: Figure[] = [
  {
    page: 'README.md',
    what: 'score:example prints the Dabu total and grade',
    text: () => `输出总分 ${dabu().total}、等级“${dabu().grade?.label}”`,
  },
  {
    page: 'README.md',
    what: 'the three examples and their published results',
    text: () => {
      const p = panzhihua();
      need(p.adjustments.some((a) => a.kind === 'deduction'), 'Panzhihua has a deduction item');
      const s = shandanIssue();
      return [
        `大埔县医疗保障局 2021，自评 ${dabu().total} 分，${dabu().grade?.label}`,
        `攀枝花市医疗保障局 2024，${p.total} 分，${p.grade?.label}，含扣分项`,
        `原文一级指标分值合计 ${s.data?.actual}，校验报告 \`${s.code}\``,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'framework-prose.yaml: the weight-sum mismatch',
    text: () => {
      const i = proseIssue();
      need(i.code === 'weight-sum-mismatch', 'the issue is weight-sum-mismatch');
      return [
        `校验报告 \`${i.code}\`，路径为 \`${i.path}\`（“${i.data.name}”的下级指标分值合计 ${i.data.actual}，不等于其分值 ${i.data.expected}）`,
        `validation reports \`${i.code}\` at \`${i.path}\` (the children of ${i.data.name} weigh ${i.data.actual}, not its ${i.data.expected})`,
      ];
    },
  },
  {
    page: 'docs/errors.md',
    what: 'weight-sum-mismatch and total-mismatch, from the examples',
    text: () => {
      const i = proseIssue();
      const s = shandanIssue();
      need(s.code === 'total-mismatch', 'Shandan gives total-mismatch');
      return [`| \`${i.code}\` |`, `\`${i.path}\`（攀枝花 \`framework-prose.yaml\`：${i.data.actual} ≠ ${i.data.expected}）`, `如山丹 2023 公布的分值合计 ${s.data?.actual}`];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'precision 0 is refused on Panzhihua (1.5-point leaves)',
    text: () => {
      const evaluation = exampleFile('panzhihua-2024', 'evaluation.yaml') as { values: { [k: string]: InputValue } };
      const r = safeEvaluate(exampleFile('panzhihua-2024', 'framework.yaml') as unknown as FrameworkDefinition, { values: evaluation.values }, { precision: 0 });
      need(!r.ok && r.issues[0].code === 'invalid-option', 'precision 0 gives invalid-option');
      return ['例如对含 1.5 分指标的攀枝花体系使用 `precision: 0` 会被拒绝', '`precision: 0` on the Panzhihua framework, which has 1.5-point leaves, is refused'];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'quotients and comparisons: 1 ÷ 3 × 3 ≥ 1 holds',
    text: () => {
      const third = new D(1).div(3).times(3).toString();
      need(/^0\.9+$/.test(third), '1 ÷ 3 × 3 is 0.999…9 at 50 digits');
      const nines = third.length - 2;
      const q = { mul: [{ div: [1, 3] }, 3] };
      const binary = (op: string) =>
        evaluate(wrapFragment({ indicators: [{ id: 'q', name: '商', weight: 1, rule: { kind: 'binary', when: { left: q, op, right: 1 } } }] }), { values: {} }).total;
      need(binary('>=') === '1.00' && binary('=') === '1.00' && binary('<') === '0.00', '1 ÷ 3 × 3 ≥ 1 and = 1 hold, < 1 does not');
      return [`1 ÷ 3 × 3 算得 0.999…9（${nines} 个 9）`, `so 1 ÷ 3 × 3 computes as 0.999…9 (${nines} nines)`, '所以 1 ÷ 3 × 3 ≥ 1 成立', 'so 1 ÷ 3 × 3 ≥ 1 holds'];
    },
  },
];

/* ── docs/concepts.md: the demo framework ──────────────────────────────────────────────────────────────────── */

const DEMO_VALUES = { 'execution-rate': '95.47%', quantity: 18, quality: 13.5, timeliness: 12, social: 13, sustainable: 12, satisfaction: 9 };

interface DemoRun {
  readonly values?: { [k: string]: InputValue };
  readonly notApplicable?: string[];
  /** A not-applicable policy set on one node. */
  readonly policy?: { readonly at: string; readonly policy: unknown };
  readonly options?: EvaluateOptions;
  readonly change?: (def: FrameworkDefinition) => FrameworkDefinition;
}

function demoSheet(run: DemoRun = {}): ScoreSheet {
  let def = JSON.parse(JSON.stringify(demo())) as FrameworkDefinition & { indicators: { id: string; notApplicable?: unknown; children?: unknown[] }[] };
  if (run.policy !== undefined) {
    const { at, policy } = run.policy;
    const visit = (nodes: { id: string; notApplicable?: unknown; children?: unknown[] }[]): void =>
      nodes.forEach((n) => {
        if (n.id === at) n.notApplicable = policy;
        visit((n.children ?? []) as typeof nodes);
      });
    visit(def.indicators);
  }
  if (run.change !== undefined) def = run.change(def) as typeof def;
  const inputs = { values: run.values ?? DEMO_VALUES, ...(run.notApplicable === undefined ? {} : { notApplicable: run.notApplicable }) };
  return evaluate(def, inputs, run.options);
}
const node = (sheet: ScoreSheet, id: string): NodeResult => {
  const n = findNode(sheet, id);
  if (n === undefined) throw new Error(`no node ${id}`);
  return n;
};
/** Demo's raw score of a leaf: what its rule gives against its defined weight. */
const RAW: { readonly [id: string]: string } = { execution: '9.547', quantity: '18', quality: '13.5', timeliness: '12', social: '13', sustainable: '12', satisfaction: '9' };

/**
 * A row of a worked example: weight → effective, raw × effective ÷ weight = the unrounded score, score. The
 * unrounded score is the leaf-rounding sheet's effective weight times the raw score, which the engine must
 * agree with: its leaf score is that value rounded.
 */
function workedRow(sheet: ScoreSheet, id: string): string {
  const n = node(sheet, id);
  const w = new D(n.weight).toString();
  if (n.status === 'not-applicable') return `| ${n.name} | ${w} → ${new D(n.effectiveWeight).toString()} | 不适用 N/A | ${n.score} |`;
  const unrounded = new D(RAW[id] ?? 'NaN').times(n.effectiveWeight).div(w);
  expect(unrounded.toFixed(sheet.options.precision)).toBe(n.score);
  return `| ${n.name} | ${w} → ${n.effectiveWeight} | ${RAW[id]} × ${n.effectiveWeight} ÷ ${w} = ${exact(unrounded.toString())} | ${n.score} |`;
}
const split = (sheet: ScoreSheet, ...ids: string[]): string => ids.map((id) => node(sheet, id).effectiveWeight).join(' / ');
const level1 = (sheet: ScoreSheet): string => sheet.indicators.map((n) => n.score).join(' + ');

const adjustmentsFragment = (): { inputs: object; adjustments: { kind: string; max?: number; effect?: string }[] } =>
  (yamlOf('docs/concepts.md').find(({ data }) => 'adjustments' in data && !('indicators' in data))?.data ?? {}) as never;

function withAdjustments(values: { [k: string]: InputValue }, change: { deductionMax?: number; bonusMax?: number; effect?: string; bonusAboveTotal?: boolean } = {}): ScoreSheet {
  const fragment = adjustmentsFragment();
  const adjustments = fragment.adjustments.map((a) =>
    a.kind === 'deduction' && change.deductionMax !== undefined
      ? { ...a, max: change.deductionMax }
      : a.kind === 'bonus' && change.bonusMax !== undefined
        ? { ...a, max: change.bonusMax }
        : a.kind === 'veto' && change.effect !== undefined
          ? { ...a, effect: change.effect }
          : a,
  );
  return demoSheet({
    values: { ...DEMO_VALUES, coop: 0, award: 0, fraud: false, ...values },
    change: (def) => ({
      ...def,
      inputs: { ...def.inputs, ...(fragment.inputs as object) },
      adjustments: adjustments as never,
      ...(change.bonusAboveTotal === true ? { options: { bonusAboveTotal: true } } : {}),
    }),
  });
}
/** A row of the adjustments table: inputs, adjustments shown, total, grade. */
function adjustmentRow(label: string, sheet: ScoreSheet, shown: readonly string[], note: { adjustments?: string; total?: string; grade?: string } = {}): string {
  const points = shown.map((id) => {
    const a = sheet.adjustments.find((x) => x.id === id);
    return a?.kind === 'veto' ? `否决 veto ${signed(a.points)}` : signed(a?.points ?? '?');
  });
  const adjustments = note.adjustments ?? (points.length === 0 ? '—' : points.join(', '));
  return `| ${label} | ${adjustments} | ${sheet.total}${note.total ?? ''} | ${sheet.grade?.label}${note.grade ?? ''} |`;
}

/** A small framework's sheet: a few leaves, the national grades when the total is 100 (else one grade). */
function small(indicators: unknown[], inputs: object, values: { [k: string]: InputValue }, options?: EvaluateOptions): ScoreSheet {
  const total = (indicators as { weight: number }[]).reduce((s, i) => s + i.weight, 0);
  const grades = total === 100 ? NATIONAL_GRADES : [{ label: '—', min: 0 }];
  return evaluate({ id: 'small', name: 'small', scope: 'other', total, inputs, indicators, grades } as FrameworkDefinition, { values }, options);
}

/** What an input reads as: its exact value, or the code of its issue. */
function reads(type: string, value: InputValue, unit?: string): string {
  const sheet = small(
    [{ id: 'x', name: 'x', weight: 1, rule: { kind: 'binary', when: type === 'boolean' ? { is: 'v' } : { left: { input: 'v' }, op: '>=', right: 0 } } }],
    { v: { type, ...(unit === undefined ? {} : { unit }) } },
    { v: value },
  );
  return sheet.issues[0]?.code ?? minus(node(sheet, 'x').inputs.v ?? '?');
}

const CONCEPTS: Figure[] = [
  {
    page: 'docs/concepts.md',
    what: 'input types: what 95.47 and "95.47%" read as',
    text: () => ['number', 'percent', 'fraction', 'score'].map((t) => `| \`${t}\` |`).map((start, i) => {
      const type = ['number', 'percent', 'fraction', 'score'][i] as string;
      const a = reads(type, 95.47);
      const b = reads(type, '95.47%');
      return `${start} ${{ number: '金额、个数等普通数值 Amounts, counts', percent: '以百分数为单位 In percent units', fraction: '以小数为单位 In fraction units', score: '评价人打分（`manual`） Evaluator\'s score' }[type]} | ${a} | ${/^[a-z]/.test(b) ? `拒绝 rejected (\`${b}\`)` : b} |`;
    }),
  },
  {
    page: 'docs/concepts.md',
    what: 'how numbers are read',
    text: () => [
      `| \`"95.47%"\` | ${reads('percent', '95.47%')} |`,
      `| \`"11,429.51"\` | ${reads('number', '11,429.51')} |`,
      `| \`"１００％"\`、\`"５８．２２万元"\` | ${reads('percent', '１００％')}（percent）、${reads('number', '５８．２２万元', '万元')} |`,
      `| \`"−5"\` | ${reads('number', '−5')} |`,
      `| \`" 3 "\` | ${reads('number', ' 3 ')} |`,
      `| \`"58.22万元"\`、\`"58.22 万元"\` | ${reads('number', '58.22万元', '万元')} |`,
      reads('number', '58.22 万元', '万元') === '58.22' && ['58.22元', '1,2345', ',5'].every((v) => reads('number', v, '万元') === 'invalid-number')
        ? '`"1,2345"`、`",5"` 被拒绝'
        : 'MISMATCH: separators or units',
      `| \`"-2.2%"\`、\`"+5"\`、\`".5"\`、\`"1e3"\` | ${reads('percent', '-2.2%')}、${reads('number', '+5')}、${reads('number', '.5')}、${reads('number', '1e3')} |`,
      ['abc', '', '   ', 'NaN', 'Infinity', Number.NaN, Number.POSITIVE_INFINITY].every((v) => reads('number', v) === 'invalid-number') ? '| — | `invalid-number` |' : 'MISMATCH',
      ['1e19', 1e30, '0.000000000000000000001'].every((v) => reads('number', v) === 'number-out-of-range') ? '| — | `number-out-of-range`：' : 'MISMATCH',
      [true, { a: 1 } as never].every((v) => reads('number', v) === 'invalid-type') ? '| — | `invalid-type` |' : 'MISMATCH',
    ],
  },
  {
    page: 'docs/concepts.md',
    what: 'demo with every indicator applicable',
    text: () => {
      const s = demoSheet();
      return [`全部适用时总分 ${s.total}`, `With everything applicable the total is ${s.total}`, `demo 的指标得分为 ${s.subtotal}`, `With demo's subtotal of ${s.subtotal}`];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'rescale: satisfaction not applicable',
    text: () => {
      const s = demoSheet({ notApplicable: ['satisfaction'] });
      const x = demoSheet({ notApplicable: ['satisfaction'], options: { roundAt: 'total' } });
      const all = demoSheet({ options: { roundAt: 'total' } });
      const applicable = ['execution', 'quantity', 'quality', 'timeliness', 'social', 'sustainable'].reduce((sum, id) => sum.plus(node(all, id).score), new D(0));
      const formula = applicable.div(90).times(100);
      return [
        `得到 ${split(s, 'execution', 'output', 'benefit')}。`,
        `Result: ${split(s, 'execution', 'output', 'benefit')}.`,
        `得到 ${split(s, 'quantity', 'quality', 'timeliness')}。`,
        `Result: ${split(s, 'quantity', 'quality', 'timeliness')}.`,
        `得到 ${split(s, 'social', 'sustainable')}。`,
        `Result: ${split(s, 'social', 'sustainable')}.`,
        ...['execution', 'quantity', 'quality', 'timeliness', 'social', 'sustainable', 'satisfaction'].map((id) => workedRow(s, id)),
        `| **总分 Total** | 100 | | **${s.total}** |`,
        `用 \`roundAt: 'total'\` 时，总分为 ${x.total}，等于公式 适用得分之和 ÷ 适用分值 × 100 = ${applicable.toString()} ÷ 90 × 100 = ${formula.toFixed(4)} 舍入后的结果`,
        `With \`roundAt: 'total'\` the total is ${x.total}. That is the rounded value of the formula applicable scores ÷ applicable weight × 100 = ${applicable.toString()} ÷ 90 × 100 = ${formula.toFixed(4)}`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'ties go to the smaller id: sibling order never matters',
    text: () => {
      const scores = (s: ScoreSheet): string => {
        const out: string[] = [];
        const visit = (ns: readonly NodeResult[]): void => ns.forEach((n) => (out.push(`${n.id}:${n.effectiveWeight}:${n.score}`), visit(n.children)));
        visit(s.indicators);
        return out.sort().join(' ');
      };
      const reverse = (def: FrameworkDefinition): FrameworkDefinition => {
        const flip = (ns: readonly unknown[]): unknown[] => [...ns].reverse().map((n) => ('children' in (n as object) ? { ...(n as object), children: flip((n as { children: unknown[] }).children) } : n));
        return { ...def, indicators: flip(def.indicators) as never };
      };
      for (const notApplicable of [['satisfaction'], ['timeliness'], ['quality', 'social']]) {
        need(scores(demoSheet({ notApplicable })) === scores(demoSheet({ notApplicable, change: reverse })), `reversed siblings score the same (N/A ${notApplicable.join(', ')})`);
      }
      const s = demoSheet({ notApplicable: ['satisfaction'] });
      need(node(s, 'social').effectiveWeight > node(s, 'sustainable').effectiveWeight && 'social' < 'sustainable', 'the tie goes to social, the smaller id');
      return ['剩下的 0.01 给 id 较小的“社会效益”（`social` < `sustainable`）', '把体系中的同级指标换个顺序，每个节点的得分都不变', 'list the siblings of a framework in another order and every node scores the same'];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'redistribute: timeliness not applicable under 产出',
    text: () => {
      const s = demoSheet({ notApplicable: ['timeliness'], policy: { at: 'output', policy: { policy: 'redistribute' } } });
      const rescaled = demoSheet({ notApplicable: ['timeliness'] });
      const output = node(s, 'output');
      return [
        `得到 ${split(s, 'quantity', 'quality')}。`,
        `Result: ${split(s, 'quantity', 'quality')}.`,
        workedRow(s, 'quantity'),
        workedRow(s, 'quality'),
        workedRow(s, 'timeliness'),
        `| ${output.name} | ${new D(output.weight).toString()} | ${node(s, 'quantity').score} + ${node(s, 'quality').score} | ${output.score} |`,
        `| **总分 Total** | | ${level1(s)} | **${s.total}** |`,
        `同一情形如果用 \`rescale\`，整个体系都按 85 → 100 折算，总分为 ${rescaled.total}。`,
        `giving ${rescaled.total}.`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'transfer: satisfaction to benefit',
    text: () => {
      const s = demoSheet({ notApplicable: ['satisfaction'], policy: { at: 'satisfaction', policy: { policy: 'transfer', to: 'benefit' } } });
      const x = demoSheet({ notApplicable: ['satisfaction'], policy: { at: 'satisfaction', policy: { policy: 'transfer', to: 'benefit' } }, options: { roundAt: 'total' } });
      const [social, sustainable, benefit] = [node(s, 'social'), node(s, 'sustainable'), node(s, 'benefit')];
      const shown = s.indicators.filter((n) => n.status !== 'not-applicable');
      return [
        `“效益”从 ${new D(benefit.weight).toString()} 分变为 ${new D(benefit.effectiveWeight).toString()} 分，下级按 15 : 15 分成 ${new D(social.effectiveWeight).toString()} / ${new D(sustainable.effectiveWeight).toString()}`,
        `社会效益 13 × 20 ÷ 15 = ${exact(node(x, 'social').score)} → ${social.score}，可持续影响 12 × 20 ÷ 15 = ${sustainable.score}，效益合计 ${benefit.score}。总分 = ${shown.map((n) => n.score).join(' + ')} = **${s.total}**。`,
        `效益 totals ${benefit.score}, and the total is **${s.total}**.`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'full / zero: satisfaction',
    text: () => {
      const full = demoSheet({ notApplicable: ['satisfaction'], policy: { at: 'satisfaction', policy: { policy: 'full' } } });
      const zero = demoSheet({ notApplicable: ['satisfaction'], policy: { at: 'satisfaction', policy: { policy: 'zero' } } });
      return [
        `\`full\`：满意度计 ${new D(node(full, 'satisfaction').score).toString()} / 10，总分 = ${level1(full)} = **${full.total}**（${full.grade?.label}）。\`zero\`：满意度计 ${new D(node(zero, 'satisfaction').score).toString()} / 10，总分 **${zero.total}**（${zero.grade?.label}）。`,
        `total **${full.total}** (${full.grade?.label}). \`zero\`: it counts 0 of 10, total **${zero.total}** (${zero.grade?.label}).`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'the adjustments table',
    text: () => {
      const veto = withAdjustments({ coop: 1, award: 2, fraud: true }, { effect: 'zero-total' });
      const negative = withAdjustments({ coop: -1 });
      need(negative.adjustments[0]?.status === 'fault' && codes(negative.issues).includes('negative-amount'), 'a negative amount is a fault');
      const capped = withAdjustments({ coop: 12, award: 7 });
      need(codes(capped.warnings).filter((c) => c === 'adjustment-capped').length === 2, 'two adjustment-capped warnings');
      const lowest = withAdjustments({ fraud: true });
      need(lowest.vetoed, 'the veto fired');
      const vetoPoints = veto.adjustments.find((a) => a.kind === 'veto')?.points ?? '';
      need(veto.indicators.every((n) => n.status === 'vetoed'), 'a zero-total veto marks the scored nodes vetoed');
      return [
        adjustmentRow('coop 3.456, award 2', withAdjustments({ coop: 3.456, award: 2 }), ['cooperation', 'innovation']),
        adjustmentRow('coop 12, award 7', capped, ['cooperation', 'innovation'], { adjustments: `${signed(capped.adjustments[0]?.points ?? '')}, ${signed(capped.adjustments[1]?.points ?? '')}（两条 \`adjustment-capped\` two warnings）` }),
        adjustmentRow('coop 0, award 20, `max: 20`', withAdjustments({ award: 20 }, { bonusMax: 20 }), ['innovation'], { total: '（封顶 capped）' }),
        adjustmentRow('同上，`bonusAboveTotal: true` same, with `bonusAboveTotal: true`', withAdjustments({ award: 20 }, { bonusMax: 20, bonusAboveTotal: true }), ['innovation']),
        adjustmentRow('deduction `max: 100`, coop 95', withAdjustments({ coop: 95 }, { deductionMax: 100 }), ['cooperation'], { total: '（下限 0 floored at 0）' }),
        adjustmentRow('fraud 是, `lowest-grade`', lowest, [], { grade: '（否决 vetoed）' }),
        adjustmentRow('fraud 是, `zero-total`, coop 1, award 2', veto, ['cooperation', 'innovation', 'fraud']),
        `| coop −1 | \`fault\`（\`negative-amount\`） | \`${negative.total}\`（暂计 provisional ${negative.provisional?.total}） | \`${negative.grade}\` |`,
        `（此例为 ${minus(vetoPoints)}）`,
        `(${minus(vetoPoints)} here)`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'the grades table',
    text: () =>
      [89.99, 90, 100, 0].map((score) => {
        const s = small([{ id: 'score', name: '得分', weight: 100, rule: { kind: 'manual' } }], {}, { score });
        return `| ${s.total} | ${s.grade?.label} | ${s.nextGrade === null ? 'null' : `${s.nextGrade.label}，差 ${s.nextGrade.pointsNeeded}`} |`;
      }),
  },
  {
    page: 'docs/concepts.md',
    what: 'the rounding modes table',
    text: () => {
      const ratio = (options?: EvaluateOptions): ScoreSheet =>
        small([{ id: 'r', name: 'r', weight: 5, rule: { kind: 'ratio', value: { input: 'rate' } } }], { rate: { type: 'percent' } }, { rate: '46.9%' }, options);
      const raw = ratio({ roundAt: 'total' }).subtotal;
      const modes: RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'];
      return [`原始得分 ${raw}：`, `(raw score ${raw}):`, `| rounding | ${raw} → |`, ...modes.map((m) => `| \`${m}\` | ${ratio({ rounding: m }).total} |`)];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'rounding can change the grade',
    text: () => {
      const leaves = [
        { id: 'manual', name: '人工打分', weight: 95, rule: { kind: 'manual' } },
        { id: 'ratio', name: '比率', weight: 5, rule: { kind: 'ratio', value: { input: 'rate' } } },
      ];
      const s = small(leaves, { rate: { type: 'percent' } }, { manual: 55, rate: '99.9%' });
      const exactTotal = small(leaves, { rate: { type: 'percent' } }, { manual: 55, rate: '99.9%' }, { roundAt: 'total' }).subtotal;
      const raw = small(leaves, { rate: { type: 'percent' } }, { manual: 55, rate: '99.9%' }, { roundAt: 'total' }).indicators[1]?.score ?? '';
      const unrounded = NATIONAL_GRADES.find((g) => new D(exactTotal).gte(g.min))?.label;
      return [
        `（原始 ${raw} → ${s.indicators[1]?.score}），总分 ${s.total}，等级为 ${s.grade?.label}；如果不舍入，${exactTotal} 会落在“${unrounded}”。`,
        `(raw ${raw} → ${s.indicators[1]?.score}) totals ${s.total}, which is ${s.grade?.label}. The unrounded ${exactTotal} would fall in ${unrounded}.`,
      ];
    },
  },
  {
    page: 'docs/concepts.md',
    what: 'the limits table',
    text: () => [
      `indicator tree depth | ${LIMITS.treeDepth} | \`too-deep\` |`,
      `expression or condition nesting | ${LIMITS.exprDepth} | \`too-deep\` |`,
      `nesting of objects and arrays in any input document | ${LIMITS.nesting} | \`too-deep\` |`,
      `values in one input document (YAML aliases expanded) | ${LIMITS.values} | \`too-large\` |`,
    ],
  },
];

/* ── docs/rules.md ─────────────────────────────────────────────────────────────────────────────────────────── */

const R = 'docs/rules.md';
const at = (id: string, values: { [k: string]: InputValue }, variation?: Parameters<typeof leaf>[3]) => leaf(R, id, values, variation);
/** The status and first issue of a node that could not score: `fault`（`division-by-zero`）. */
const blocked = (n: NodeResult): string => `\`${n.status}\`（\`${n.issues[0]?.code}\`）`;
const out = <K extends string>(n: NodeResult, kind: K): { [k: string]: unknown } => {
  need(n.outcome?.kind === kind, `${n.id} has a ${kind} outcome`);
  return n.outcome as unknown as { [k: string]: unknown };
};

const RULES: Figure[] = [
  {
    page: R,
    what: 'ratio: execution rate',
    text: () => {
      const a = at('execution', { executed: '11,429.51', budget: '12,000万元' });
      const v = out(a, 'ratio').value as string;
      const b = at('execution', { executed: 130, budget: 100 });
      need(out(b, 'ratio').capped === true, 'the ratio is capped');
      return [
        `| executed \`"11,429.51"\`, budget \`"12,000万元"\` | ${cut(pct(v), 4)}% | ${cut(new D(v).times(10).toString(), 7)} → **${a.score}** |`,
        `| executed 130, budget 100 | ${pct(out(b, 'ratio').value as string)}% | **${b.score}**（封顶 capped） |`,
        `| executed 50, budget 0 | — | ${blocked(at('execution', { executed: 50, budget: 0 }))} |`,
        `说明 Explanation：\`${a.explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'ratio: Sichuan quantity target, zeroAbove / reviewAbove / zeroBelow',
    text: () => {
      const row = (rate: string, note = ''): string => {
        const n = at('quantity-target', { rate });
        const raw = new D(out(n, 'ratio').value as string).times(5);
        const warn = codes(n.sheet.warnings);
        const score = raw.decimalPlaces() > 2 ? `${raw.toString()} → **${n.score}**` : `**${n.score}**${note}`;
        return `| ${rate} | ${score} | ${warn.length === 0 ? '—' : `\`${warn.join('`, `')}\``} |`;
      };
      const below = (rate: string) => at('quantity-target', { rate }, { rule: { zeroBelow: 0.6 } }).score;
      return [
        row('95.47%'),
        row('125%'),
        row('130%', '（`>` 才得 0 only `>` scores 0）'),
        row('131%'),
        `\`zeroBelow: 0.6\` 时：59.99% → ${below('59.99%')}，60% → ${below('60%')}（分值 5）。`,
        `With \`zeroBelow: 0.6\` (weight 5): 59.99% → ${below('59.99%')}, 60% → ${below('60%')}.`,
      ];
    },
  },
  {
    page: R,
    what: 'lower-is-better: inverse and linear-to-double',
    text: () => {
      const both = (a: number | string, g: number | string) =>
        (['inverse', 'linear-to-double'] as const).map((variant) => at('reception', { 'reception-actual': a, 'reception-budget': g }, { rule: { variant } }));
      const f = (n: NodeResult): string => out(n, 'lower-is-better').fraction as string;
      const [i6, l6] = both(6, 4.5) as unknown as [Leaf, Leaf];
      const [i9, l9] = both(9, 4.5) as unknown as [Leaf, Leaf];
      const [ip, lp] = both('974.39', '541.87') as unknown as [Leaf, Leaf];
      const [i1, l1] = both('1.06', 4.5) as unknown as [Leaf, Leaf];
      const [i0, l0] = both(3, 0) as unknown as [Leaf, Leaf];
      need(new D(l9.score).isZero() && new D(9).eq(new D(4.5).times(2)), '9 is 2 × the target');
      const cutTarget = at('reception', { 'reception-actual': '-0.03', 'reception-budget': '-0.05' });
      need(cutTarget.score === '0.00', 'a cut of 3% against a target cut of 5% scores 0');
      return [
        `| 1.06（新邵 2024 Xinshao） | 4.5 | **${i1.score}** | **${l1.score}** |`,
        `| 6 | 4.5 | 4.5 ÷ 6 = ${f(i6)} → **${i6.score}** | 1 − ${new D(6).minus(4.5)} ÷ 4.5 = ${new D(f(l6)).toFixed(4)} → **${l6.score}** |`,
        `| 9 | 4.5 | ${f(i9)} → **${i9.score}** | 2 × 目标 → **${l9.score}** |`,
        `| 974.39（攀枝花 预算控制数 Panzhihua budget cap） | 541.87 | ${cut(f(ip), 5)} → ${cut(new D(f(ip)).times(5).toString(), 4)} → **${ip.score}** | 1 − ${new D('974.39').minus('541.87')} ÷ 541.87 = ${cut(f(lp), 5)} → **${lp.score}** |`,
        `| 3 | 0 | **${i0.score}** | **${l0.score}** |`,
        `说明 Explanation（\`inverse\`，实际 6）：\`${i6.explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'equal: the table and its explanation',
    text: () => {
      const row = (g: number, a: number, tolerance?: number): string => {
        const n = at('equal-target', { actual: a, target: g }, tolerance === undefined ? {} : { rule: { tolerance } });
        const fr = out(n, 'equal').fraction as string;
        const score = new D(fr).eq(1) || new D(fr).isZero() ? `**${n.score}**` : `${fr} → **${n.score}**`;
        return `| 4 | ${g} | ${minus(String(a))} | ${tolerance ?? '—'} | ${score} |`;
      };
      return [row(0, 0), row(0, 0.5), row(0, -1), row(100, 80), row(100, 120), row(100, 98, 2), row(100, 97, 2), `说明 Explanation（实际 80）：\`${at('equal-target', { actual: 80, target: 100 }).explanation}\`。`];
    },
  },
  {
    page: R,
    what: 'bands: Hunan budget control and Jiangxi cost control',
    text: () => {
      const hunan = ['0', '0.01%', '10%', '10.01%', '25%', '30%', '30.5%'].map((v) => at('budget-control', { 'budget-control-rate': v }).score);
      const jiangxi = ['-8%', '12%', '-12.5%', '-15%', '18%', '-25%'].map((v) => at('cost-control', { 'cost-control-rate': v }).score);
      return [
        `| 得分 Score | ${hunan.join(' | ')} |`,
        `说明 Explanation（25%）：\`${at('budget-control', { 'budget-control-rate': '25%' }).explanation}\``,
        `| 得分 Score | ${jiangxi.join(' | ')} |`,
        `说明 Explanation（−12.5%）：\`${at('cost-control', { 'cost-control-rate': '-12.5%' }).explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'step-deduction: Hunan and Jiangxi',
    text: () => {
      type Case = { values: { [k: string]: InputValue }; rule?: { [k: string]: unknown }; weight?: number };
      const row = (label: string, c: Case, stepWord = ''): string => {
        const ns = (['completed', 'started', 'proportional'] as const).map((steps) => at('staff-control', c.values, { rule: { ...c.rule, steps }, ...(c.weight === undefined ? {} : { weight: c.weight }) }));
        const value = pct(out(ns[0] as NodeResult, 'step-deduction').value as string);
        const cells = ns.map((n, i) => {
          const o = out(n, 'step-deduction');
          return o.excess !== undefined && new D(o.excess as string).lte(0) ? `**${n.score}**` : `${o.steps}${i === 0 ? stepWord : ''} → **${n.score}**`;
        });
        return `| ${label} | ${value}% | ${cells.join(' | ')} |`;
      };
      const hunanCompletion = { rule: { value: '0.88', direction: 'below', threshold: 1, step: 0.05, points: 2 }, values: {} };
      const jiangxi = (v: string): Case => ({ rule: { value: v, direction: 'below', threshold: 0.9, step: 0.05, points: 1 }, values: {}, weight: 10 });
      return [
        row('湖南在职人员 52 ÷ 50（w 5, above 1, step 0.01, −0.5）', { values: { staff: 52, quota: 50 } }, ' 步'),
        row('湖南在职人员 207 ÷ 200', { values: { staff: 207, quota: 200 } }),
        row('湖南在职人员 60 ÷ 50', { values: { staff: 60, quota: 50 } }),
        row('湖南预算完成率（w 5, below 1, step 0.05, −2）', hunanCompletion),
        row('江西满意度（w 10, below 0.9, step 0.05, −1）', jiangxi('0.83')),
        row('江西满意度', jiangxi('0.92')),
        `说明 Explanation（207 ÷ 200，\`completed\`）：\`${at('staff-control', { staff: 207, quota: 200 }).explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'piecewise: Sichuan budget accuracy, and three points',
    text: () => {
      const row = (adjusted: number, note = ''): string => {
        const n = at('budget-accuracy', { adjusted, initial: 600 });
        const o = out(n, 'piecewise');
        const r = new D(o.value as string).isZero() ? '0' : `${pct(o.value as string)}%`;
        return `| ${adjusted} ÷ 600 | ${r} | ${new D(o.fraction as string).toString()}${note} | **${n.score}** |`;
      };
      const three = (v: string) => at('budget-accuracy', {}, { rule: { value: v, points: [[0.6, 0], [0.9, 0.8], [1, 1]] }, weight: 10 });
      const f = (v: string) => new D(out(three(v), 'piecewise').fraction as string).toString();
      return [
        row(0),
        row(23.4),
        row(45),
        row(60),
        row(75, '（超出端点 beyond the end）'),
        `说明 Explanation（23.4 ÷ 600）：\`${at('budget-accuracy', { adjusted: 23.4, initial: 600 }).explanation}\`。`,
        `分值 10：50% → ${three('0.5').score}，75% → 比例 ${f('0.75')} → ${three('0.75').score}，95% → ${f('0.95')} → ${three('0.95').score}，110% → ${three('1.1').score}。`,
      ];
    },
  },
  {
    page: R,
    what: 'binary: Dabu, Xinshao, points / otherwise',
    text: () => {
      const yes = [true, '是', 'yes', '有'].map((v) => at('budget-disclosure', { 'budget-accounts-published': v }).score);
      const no = ['否', 0].map((v) => at('budget-disclosure', { 'budget-accounts-published': v }).score);
      need(new Set(yes).size === 1 && new Set(no).size === 1, 'the yes values agree, and the no values');
      const dabu3 = at('three-public', { 'three-public-actual': '21.70', 'three-public-budget': 3 });
      need(out(dabu3, 'binary').holds === false, '21.70 ≤ 3 does not hold');
      return [
        `| budget-accounts-published: \`true\` / \`"是"\` / \`"yes"\` / \`"有"\` | **${yes[0]}** |`,
        `| budget-accounts-published: \`"否"\` / \`0\` | **${no[0]}** |`,
        `| three-public-actual \`"21.70"\`, budget 3（大埔 2021） | 21.70 ≤ 3 不成立 → **${dabu3.score}** |`,
        `| three-public-actual 1.06, budget \`"4.5万元"\`（新邵 2024 公务接待） | **${at('three-public', { 'three-public-actual': 1.06, 'three-public-budget': '4.5万元' }).score}** |`,
        `| 同一比较，\`points: 3, otherwise: 1\`，实际 5，预算 3 | **${at('three-public', { 'three-public-actual': 5, 'three-public-budget': 3 }, { rule: { points: 3, otherwise: 1 } }).score}** |`,
        `说明 Explanation：\`${dabu3.explanation}\`；\`${at('budget-disclosure', { 'budget-accounts-published': '否' }).explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'checklist: the values shown, and a missing check',
    text: () => {
      const shown = yamlOf(R).find(({ data }) => 'values' in data && !('indicators' in data))?.data.values as { [k: string]: InputValue };
      const n = at('data-quality', shown);
      const missing = at('data-quality', { 'data-quality': { 'true-data': true, complete: true } });
      need(missing.status === 'missing-input' && missing.sheet.missingInputs.join() === 'data-quality.accurate', 'the missing check is data-quality.accurate');
      return [`得分 **${n.score}**，说明为“${n.explanation}”。`, `The score is **${n.score}**, explained as "${n.explanation}".`, '状态为 `missing-input`，缺少 `data-quality.accurate`'];
    },
  },
  {
    page: R,
    what: 'tiers: national and legacy',
    text: () => {
      const row = (input: string, value: { tier: string; score?: number | string }, ranges: boolean): string => {
        const [nat, leg] = [at('effect', { effect: value }), at('effect', { effect: value }, { rule: { tiers: LEGACY_TIERS } })];
        const cell = (n: Leaf): string => {
          if (n.status !== 'scored') return `\`${n.status}\`（\`${n.issues[0]?.code}\`）`;
          const clamped = codes(n.sheet.warnings).includes('tier-score-clamped');
          return `**${n.score}**${clamped ? ' + `tier-score-clamped`' : ''}`;
        };
        const range = (n: NodeResult) => `${new D(out(n, 'tiers').min as string)}–${new D(out(n, 'tiers').max as string)}`;
        const rangeCell = !ranges ? ' ' : range(nat) === range(leg) ? ` ${range(nat)} ` : ` ${range(nat)} / ${range(leg)} `;
        return `| \`${input}\` |${rangeCell}| ${cell(nat)} | ${cell(leg)} |`;
      };
      const boundary = at('effect', { effect: { tier: 'partly', score: 8 } });
      need(boundary.score === '8.00' && boundary.sheet.warnings.length === 0, 'a score of 8 in partly gives 8.00 without a warning');
      return [
        row('{ tier: partly, score: 7 }', { tier: 'partly', score: 7 }, true),
        row("{ tier: achieved, score: '9.5' }", { tier: 'achieved', score: '9.5' }, true),
        row('{ tier: partly, score: 8.5 }', { tier: 'partly', score: 8.5 }, false),
        row('{ tier: partly, score: 5 }', { tier: 'partly', score: 5 }, false),
        row('{ tier: good, score: 5 }', { tier: 'good', score: 5 }, false),
        row('{ tier: partly }', { tier: 'partly' }, false),
        `说明 Explanation（\`{ tier: partly, score: 7 }\`）：\`${at('effect', { effect: { tier: 'partly', score: 7 } }).explanation}\`。`,
        `\`{ tier: partly, score: 8 }\` 得 ${boundary.score}，不给提示`,
      ];
    },
  },
  {
    page: R,
    what: 'count-ratio: 7 of 9, and 0 of 0',
    text: () => {
      const n = at('target-achievement', { 'targets-met': 7, 'targets-set': 9 });
      const ratio = out(n, 'count-ratio').ratio as string;
      const raw = cut(new D(ratio).times(4).toString(), 3);
      const zero = at('target-achievement', { 'targets-met': 0, 'targets-set': 0 });
      return [
        `met 7、total 9 → ${pct2(ratio)}%，4 × 7 ÷ 9 = ${raw} → **${n.score}**，说明为“${n.explanation}”。met 0、total 0 → ${blocked(zero)}。`,
        `met 7, total 9 → ${pct2(ratio)}%; 4 × 7 ÷ 9 = ${raw} → **${n.score}**. met 0, total 0 → \`${zero.status}\` (\`${zero.issues[0]?.code}\`).`,
      ];
    },
  },
  {
    page: R,
    what: 'per-occurrence: 3, 5 and −1 findings',
    text: () => {
      const [three, five, negative] = [3, 5, -1].map((findings) => at('inspection', { findings })) as unknown as [Leaf, Leaf, Leaf];
      const d5 = out(five, 'per-occurrence');
      need(d5.exhausted === true, 'five findings exhaust the weight');
      return [
        `findings 3 → 2 − ${out(three, 'per-occurrence').deduction} = **${three.score}**；findings 5 → 扣 ${d5.deduction}，扣完为止 → **${five.score}**（说明为“${five.explanation}”）；findings −1 → ${blocked(negative)}。`,
        `findings 3 → 2 − ${out(three, 'per-occurrence').deduction} = **${three.score}**; findings 5 → ${d5.deduction} deducted, floored → **${five.score}**; findings −1 → \`${negative.status}\` (\`${negative.issues[0]?.code}\`).`,
      ];
    },
  },
  {
    page: R,
    what: 'manual: step and range',
    text: () => {
      const row = (input: string, value: InputValue, withMessage: boolean): string => {
        const n = at('procurement-compliance', { 'procurement-compliance': value });
        if (n.status === 'scored') return `| ${input} | **${n.score}** |`;
        const i = n.issues[0];
        return `| ${input} | \`${n.status}\`：\`${i?.code}\`${withMessage ? `（${i?.message}）` : ''} |`;
      };
      const rounded = at('procurement-compliance', { 'procurement-compliance': 2.835 }, { rule: { step: undefined } });
      return [
        row('2.5', 2.5, false),
        row('2.3', 2.3, true),
        row('3.5', 3.5, true),
        row('−1', -1, false),
        row('`"50%"`', '50%', false),
        `\`precision: 2\` 时 2.835 记为 ${rounded.score}，不给提示`,
        `with \`precision: 2\`, 2.835 becomes ${rounded.score}, with no warning`,
      ];
    },
  },
  {
    page: R,
    what: 'either: the alternative used',
    text: () => {
      const row = (label: string, values: { [k: string]: InputValue }, formula = '', note = ''): string => {
        const n = at('carryover', values);
        if (n.status !== 'scored') return `| ${label} | — | \`${n.status}\`：${n.sheet.missingInputs.join('、')} |`;
        return `| ${label} | ${out(n, 'either').alternative}${note} | ${formula}**${n.score}** |`;
      };
      return [
        row('carryover-rate 3%', { 'carryover-rate': '3%' }, '0.6 × 5 = '),
        row('carryover-change −3%', { 'carryover-change': '-3%' }),
        row('carryover-change 2%', { 'carryover-change': '2%' }),
        row('carryover-rate 8%，carryover-change −3%', { 'carryover-rate': '8%', 'carryover-change': '-3%' }, '', '（第一个输入齐全的 the first complete one）'),
        row('都没有 neither', {}),
        `（carryover-rate 3%）：\`${at('carryover', { 'carryover-rate': '3%' }).explanation}\`。`,
      ];
    },
  },
  {
    page: R,
    what: 'expressions: a relative threshold, and a change rate with its unit',
    text: () => {
      const values = (unit: string) => ({ 'equipment-utilization-unit': unit, 'equipment-utilization-city': '17.51%' });
      const bands = at('equipment-utilization', values('2.35%'));
      const v = out(bands, 'bands').value as string;
      const binary = { kind: 'binary', when: { left: { input: 'equipment-utilization-unit' }, op: '<', right: { mul: [0.6, { input: 'equipment-utilization-city' }] } }, points: 0.3, otherwise: 1.5 };
      const asBinary = (u: string) => at('equipment-utilization', values(u), { rule: { ...binary, value: undefined, bands: undefined } }).score;
      const threshold = new D('0.6').times('0.1751').times(100).toString();
      const change = at('general-spending-cut', { cur: '561.18', prev: '824.70' });
      const bare = at('general-spending-cut', { cur: '561.18', prev: '824.70' }, { rule: { unit: undefined } });
      const bareValue = /值 (\S+)（/.exec(bare.explanation)?.[1];
      return [
        `2.35% ÷ (0.6 × 17.51%) = ${pct2(v)}% < 1 → **${bands.score}**。也可以写成比较条件`,
        `2.35% ÷ (0.6 × 17.51%) = ${pct2(v)}% < 1 → **${bands.score}**. The same rule as a comparison`,
        `单位值 2.35% → **${asBinary('2.35%')}**，12% → **${asBinary('12%')}**（12% ≥ ${threshold}%）`,
        `A unit value of 2.35% → **${asBinary('2.35%')}**; 12% → **${asBinary('12%')}** (12% ≥ ${threshold}%)`,
        `(561.18 − 824.70) ÷ 824.70 = ${minus(pct2(out(change, 'bands').value as string))}%，说明为“${change.explanation}”；不写 \`unit\` 时同一个值显示为 ${bareValue}。`,
        `without \`unit\` the same value is shown as ${bareValue}.`,
      ];
    },
  },
  {
    page: R,
    what: 'modifiers: zero, full and the rule',
    text: () => {
      const n = (values: { [k: string]: InputValue }) => at('target-completion', values);
      const zero = n({ 'has-targets': '否', 'no-projects': '是', 'target-rate': '80%' });
      const full = n({ 'has-targets': '是', 'no-projects': '是' });
      need(zero.modifier === 'zero' && full.modifier === 'full', 'the zero and full conditions decided');
      const missing = n({ 'no-projects': '否', 'target-rate': '80%' });
      return [
        `| has-targets 否, no-projects 是, target-rate 80% | \`zero\` 先检查 zero is checked first → **${zero.score}** |`,
        `| has-targets 是, no-projects 是（无 target-rate） | **${full.score}**（不需要 target-rate no target-rate needed） |`,
        `| has-targets 是, no-projects 否, target-rate 80% | **${n({ 'has-targets': '是', 'no-projects': '否', 'target-rate': '80%' }).score}** |`,
        `| 无 has-targets no has-targets | \`${missing.status}\`：${missing.sheet.missingInputs.join('、')} |`,
        `说明 Explanation（第二行 second row）：\`${full.explanation}\`。`,
      ];
    },
  },
];

/* ── docs/review.md ────────────────────────────────────────────────────────────────────────────────────────── */

/** The worked example of docs/review.md (the same form as its ts block), reviewed. */
function reviewExample(): SelfEvaluationReview {
  const preset = getPreset('national-project-2020') as { template: Template };
  const r = reviewSelfEvaluation(
    {
      template: 'national-project-2020',
      project: { name: '农村公路养护项目', unit: '某县公路事务中心', year: 2023 },
      budget: { annual: 600, executed: 517.2, claimed: 9 },
      rows: [
        { level1: '产出指标', level2: '数量指标', name: '养护里程', target: '≥120公里', actual: '126公里', weight: 30, claimed: 30 },
        { level1: '产出指标', level2: '成本指标', name: '预算控制数', target: '≤541.87万元', actual: '974.39万元', weight: 20, claimed: 20 },
        { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件改善', target: '效果明显', actual: '达成预期指标', weight: 30, claimed: 30 },
        { level1: '满意度指标', level2: '服务对象满意度指标', name: '沿线群众满意度', target: '≥90%', actual: '95%', weight: 10, claimed: 9.5 },
      ],
      claimedTotal: 98.5,
      claimedGrade: '优',
    },
    preset.template,
  );
  need(r.ok, 'the worked example reviews');
  return (r as { value: SelfEvaluationReview }).value;
}

const REVIEW: readonly Figure[] = [
  {
    page: 'docs/review.md',
    what: 'worked example: the cost row, the budget line, satisfaction, the grade change',
    text: () => {
      const r = reviewExample();
      const cost = r.findings.find((f) => f.code === 'full-marks-target-missed');
      const satisfaction = r.findings.find((f) => f.code === 'satisfaction-rate-times-weight');
      const rounding = r.findings.find((f) => f.code === 'rounding-difference');
      need(cost?.changesGrade === true && r.claimed.grade === '优' && r.computed.grade === '良', 'the cost row alone moves the grade from 优 to 良');
      need(rounding?.rounding?.places === 0 && rounding.claimed === '9', 'the budget claim is the score rounded to a whole number');
      need(satisfaction?.computed === '10.00' && satisfaction.claimed === '9.5', 'satisfaction scores full marks and 9.5 is claimed');
      const rate = r.sheet.budget.rate as string;
      return [
        `反向指标得 541.87 ÷ 974.39 × 20 = ${cost?.computed} 分，表上却填满分 20`,
        `预算执行率 ${new D(rate).times(100).toDecimalPlaces(2).toString()}% 应得 ${r.sheet.budget.score} 分`,
        `scores 541.87 ÷ 974.39 × 20 = ${cost?.computed}, yet claims full marks`,
        `the budget line's ${new D(rate).times(100).toDecimalPlaces(2).toString()}% scores ${r.sheet.budget.score}`,
      ];
    },
  },
];

/** Every figure the documentation states. */
export const FIGURES: readonly Figure[] = [...EXAMPLES, ...CONCEPTS, ...RULES, ...REVIEW];
