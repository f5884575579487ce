import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework, evaluate } from '../../src/index.js';
import type { Condition, FrameworkDefinition, InputValue, NodeResult, ScoreSheet } from '../../src/index.js';
import { caseArb, inputOwners, naCaseArb, type Case } from '../support/arbitraries.js';
import { byId, dec, loose, RUNS, totalOf, walk, type Dec } from './helpers.js';

type Values = Record<string, InputValue>;

/** The leaves at or below a node. */
function leavesUnder(sheet: ScoreSheet, id: string): NodeResult[] {
  const node = byId(sheet).get(id);
  const out: NodeResult[] = [];
  if (node !== undefined) {
    walk([node], (n) => {
      if (n.children.length === 0) out.push(n);
    });
  }
  return out;
}

/** A case and one of its inputs whose owner matches `roles`, if there is one. */
const withInput = <C extends Case>(arb: fc.Arbitrary<C>, pick: (c: C, name: string) => boolean): fc.Arbitrary<C & { name: string | undefined }> =>
  arb.chain((c) => {
    const names = Object.keys(c.values).filter((n) => pick(c, n));
    return names.length === 0
      ? fc.constant({ ...c, name: undefined as string | undefined })
      : fc.constantFrom(...names).map((name) => ({ ...c, name: name as string | undefined }));
  });

describe('inputs 输入', () => {
  const owners = new WeakMap<FrameworkDefinition, ReturnType<typeof inputOwners>>();
  const ownersOf = (def: FrameworkDefinition): ReturnType<typeof inputOwners> => {
    let o = owners.get(def);
    if (o === undefined) owners.set(def, (o = inputOwners(def)));
    return o;
  };
  /** The sheets with and without one input (absent or null). */
  const withAndWithout = (def: FrameworkDefinition, values: Values, na: string[], name: string, asNull: boolean): [ScoreSheet, ScoreSheet] => {
    const fw = defineFramework(def);
    const rest: Values = { ...values };
    if (asNull) rest[name] = null;
    else delete rest[name];
    return [evaluate(fw, { values, notApplicable: na }), evaluate(fw, { values: rest, notApplicable: na })];
  };

  it('a missing input never scores more than a present one: neither the leaf reading it nor the total increase', () => {
    // Inputs of rules and of zero/full conditions. Left out, because there a missing input may by design score
    // more: deductions (a missing amount deducts nothing), vetoes (an undecided one does not fire), `either` (a
    // missing input moves on to the next alternative). Not-applicable conditions have their own property below
    // (an input read by both kinds of condition is in neither).
    const arb = withInput(naCaseArb(), (c, n) => ['rule', 'condition'].includes(ownersOf(c.def).get(n)?.role ?? ''));
    fc.assert(
      fc.property(arb, fc.boolean(), ({ def, values, na, name }, asNull) => {
        if (name === undefined) return;
        const [present, missing] = withAndWithout(def, values, na, name, asNull);
        const owner = ownersOf(def).get(name)?.owner ?? '';
        const was = byId(present).get(owner);
        const now = byId(missing).get(owner);
        expect(dec(now?.score ?? '0').lte(dec(was?.score ?? '0')), `${owner}: ${String(was?.score)} → ${String(now?.score)} without ${name}`).toBe(true);
        if (now?.status !== 'not-applicable' && now?.status !== 'vetoed' && now?.score !== was?.score) expect(now?.status).toBe('missing-input');
        expect(dec(totalOf(missing)).lte(dec(totalOf(present))), `total ${totalOf(present)} → ${totalOf(missing)} without ${name}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('an undecidable not-applicable condition makes the leaves below it missing input (0), unless not applicable anyway', () => {
    // "Not applicable anyway": declared so, or by another node's own condition — what the same inputs give with
    // the undecided condition taken out of the definition. A condition still decided without the input (`any` with
    // a true part, `all` with a false one) changes nothing. Totals are not compared: which indicators are not
    // applicable moves weight between siblings, and the leaf rounding of moved weight can go either way.
    const arb = withInput(naCaseArb(), (c, n) => ownersOf(c.def).get(n)?.role === 'na-condition');
    fc.assert(
      fc.property(arb, fc.boolean(), ({ def, values, na, name }, asNull) => {
        if (name === undefined) return;
        const owner = ownersOf(def).get(name)?.owner ?? '';
        const [present, missing] = withAndWithout(def, values, na, name, asNull);
        const condition = findNode(def, owner)?.when?.notApplicable;
        const rest: Values = { ...values };
        delete rest[name];
        if (condition !== undefined && decide(condition, rest) !== undefined) {
          expect(essentials(missing)).toEqual(essentials(present));
          return;
        }
        const anyway = byId(evaluate(defineFramework(withoutCondition(def, owner)), { values, notApplicable: na }));
        let waiting = false;
        for (const leaf of leavesUnder(missing, owner)) {
          const ref = anyway.get(leaf.id);
          if (leaf.status === 'vetoed' || ref?.status === 'vetoed') continue;
          if (ref?.status === 'not-applicable') expect([leaf.id, leaf.status]).toEqual([leaf.id, 'not-applicable']);
          else {
            waiting = true;
            expect([leaf.id, leaf.status, dec(leaf.score).isZero()]).toEqual([leaf.id, 'missing-input', true]);
          }
        }
        if (waiting) {
          expect(missing.complete).toBe(false);
          expect(missing.missingInputs).toContain(name);
        }
      }),
      RUNS,
    );
  });

  it('a bad input value gives a partial sheet, not an exception: the leaf is unscored, the sheet incomplete (new contract)', () => {
    // Numeric inputs of ratio, lower-is-better, equal, bands, step-deduction, piecewise, count-ratio, per-occurrence
    // rules of leaves without conditions. 'abc' is unreadable; a zero divisor is a fault.
    const NUMERIC = ['ratio', 'lower-is-better', 'equal', 'bands', 'step-deduction', 'piecewise', 'count-ratio', 'per-occurrence'];
    const arb = withInput(caseArb({ conditions: false }), (c, n) => {
      const owner = inputOwners(c.def).get(n);
      if (owner?.role !== 'rule') return false;
      const leaf = JSON.stringify(c.def.indicators).includes(`"${n}"`) ? findLeaf(c.def, owner.owner) : undefined;
      return leaf !== undefined && NUMERIC.includes(leaf.rule.kind);
    });
    fc.assert(
      fc.property(arb, fc.boolean(), ({ def, values, name }, divisor) => {
        if (name === undefined) return;
        const owner = inputOwners(def).get(name)?.owner ?? '';
        const fault = divisor && divisorOf(findLeaf(def, owner)?.rule) === name;
        const fw = defineFramework(def);
        let sheet: ScoreSheet | undefined;
        expect(() => {
          sheet = evaluate(fw, { values: { ...values, [name]: fault ? '0' : 'abc' } });
        }).not.toThrow();
        if (sheet === undefined) return;
        const s = loose(sheet);
        expect(s.complete).toBe(false);
        expect(s.total).toBeNull();
        expect(s.grade).toBeNull();
        expect(typeof s.provisional?.total).toBe('string');
        expect((s.issues ?? []).map((i) => i.code)).toContain(fault ? 'division-by-zero' : 'invalid-number');
        const leaf = byId(sheet).get(owner);
        expect(leaf?.status).toBe(fault ? 'fault' : 'invalid-input');
        expect(dec(leaf?.score ?? '1').isZero()).toBe(true);
        // An unscored leaf counts 0, exactly like a missing input.
        const rest: Values = { ...values };
        delete rest[name];
        expect(totalOf(sheet)).toBe(totalOf(evaluate(fw, { values: rest })));
      }),
      RUNS,
    );
  });

  it('documents’ written forms read the same: full-width, thousands separators, spaces, units, %, yes/no synonyms, numbers as text', () => {
    const arb = naCaseArb().chain((c) =>
      fc.record({
        case: fc.constant(c),
        styles: fc.array(fc.nat({ max: 63 }), { minLength: Object.keys(c.values).length, maxLength: Object.keys(c.values).length }),
        flip: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ case: { def, values, na }, styles, flip }) => {
        const a = evaluate(defineFramework(def), { values, notApplicable: na });
        const written = writtenDefinition(def, flip);
        const rewritten: Values = {};
        Object.entries(values).forEach(([name, v], i) => {
          rewritten[name] = writtenValue(v, written.inputs?.[name]?.type, written.inputs?.[name]?.unit, styles[i] ?? 0);
        });
        const b = evaluate(defineFramework(written), { values: rewritten, notApplicable: na });
        expect(essentials(b)).toEqual(essentials(a));
      }),
      RUNS,
    );
  });
});

function findNode(def: FrameworkDefinition, id: string): { when?: { notApplicable?: Condition } } | undefined {
  let found: ReturnType<typeof findNode>;
  const visit = (n: FrameworkDefinition['indicators'][number]): void => {
    if (n.id === id) found = n;
    if ('children' in n) n.children.forEach(visit);
  };
  def.indicators.forEach(visit);
  return found;
}

const YES_TEXT = ['true', 'yes', 'y', '是', '有', '1'];
/** A generated condition decided on generated values, three-valued: undefined when an input it needs is missing. */
function decide(c: Condition, values: Values): boolean | undefined {
  const num = (e: unknown): Dec | undefined => {
    if (typeof e === 'number' || typeof e === 'string') return dec(e);
    const x = e as { input?: string; abs?: unknown; sub?: readonly unknown[] };
    if (x.input !== undefined) {
      const v = values[x.input];
      return v === undefined || v === null ? undefined : dec(String(v));
    }
    if (x.abs !== undefined) return num(x.abs)?.abs();
    const [l, r] = [num(x.sub?.[0]), num(x.sub?.[1])];
    return l === undefined || r === undefined ? undefined : l.minus(r);
  };
  if ('is' in c) {
    const v = values[c.is];
    return v === undefined || v === null ? undefined : YES_TEXT.includes(String(v).trim().toLowerCase());
  }
  if ('left' in c) {
    const [l, r] = [num(c.left), num(c.right)];
    if (l === undefined || r === undefined) return undefined;
    const k = l.comparedTo(r);
    return { '<': k < 0, '<=': k <= 0, '=': k === 0, '!=': k !== 0, '>=': k >= 0, '>': k > 0 }[c.op];
  }
  if ('not' in c) {
    const v = decide(c.not, values);
    return v === undefined ? undefined : !v;
  }
  const parts = ('all' in c ? c.all : c.any).map((p) => decide(p, values));
  const decisive = 'all' in c ? false : true;
  if (parts.includes(decisive)) return decisive;
  return parts.includes(undefined) ? undefined : !decisive;
}

/** The definition without the not-applicable condition of one node. */
function withoutCondition(def: FrameworkDefinition, id: string): FrameworkDefinition {
  const strip = (n: FrameworkDefinition['indicators'][number]): FrameworkDefinition['indicators'][number] => {
    if ('children' in n) {
      const children = n.children.map(strip);
      if (n.id !== id) return { ...n, children };
      const { when: _, ...rest } = n;
      return { ...rest, children };
    }
    if (n.id !== id || n.when === undefined) return n;
    const { notApplicable: _, ...when } = n.when;
    const { when: __, ...rest } = n;
    return Object.keys(when).length > 0 ? { ...rest, when } : rest;
  };
  return { ...def, indicators: def.indicators.map(strip) };
}

/** The input a rule divides by: the second operand of a ratio's division, a count ratio's total. */
function divisorOf(rule: unknown): string | undefined {
  const r = rule as { kind?: string; value?: { div?: readonly { input?: string }[] }; total?: { input?: string } } | undefined;
  if (r?.kind === 'ratio') return r.value?.div?.[1]?.input;
  if (r?.kind === 'count-ratio') return r.total?.input;
  return undefined;
}

function findLeaf(def: FrameworkDefinition, id: string): Extract<FrameworkDefinition['indicators'][number], { rule: unknown }> | undefined {
  let found: ReturnType<typeof findLeaf>;
  const visit = (n: FrameworkDefinition['indicators'][number]): void => {
    if ('children' in n) n.children.forEach(visit);
    else if (n.id === id) found = n;
  };
  def.indicators.forEach(visit);
  return found;
}

/** What must not depend on how numbers were written (explanations and echoed inputs may). */
function essentials(s: ScoreSheet): unknown {
  const nodes: unknown[] = [];
  walk(s.indicators, (n) => nodes.push({ id: n.id, score: n.score, effectiveWeight: n.effectiveWeight, lost: n.lost, status: n.status }));
  return {
    total: totalOf(s),
    grade: loose(s).grade,
    complete: s.complete,
    subtotal: s.subtotal,
    nodes,
    adjustments: s.adjustments.map((a) => ({ id: a.id, points: a.points, triggered: a.triggered, status: a.status })),
    missing: [...s.missingInputs].sort(),
    warnings: s.warnings.map((w) => w.code).sort(),
  };
}

/** The definition with every numeric literal written the other way (number ↔ decimal text) and units on numbers. */
function writtenDefinition(def: FrameworkDefinition, flip: boolean): FrameworkDefinition {
  const swap = (x: unknown, key: string): unknown => {
    if (Array.isArray(x)) return x.map((y) => swap(y, key));
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, swap(v, k)]));
    if (!flip || key === 'precision') return x;
    if (typeof x === 'number') return String(x);
    if (typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x) && dec(Number(x)).eq(dec(x))) return Number(x);
    return x;
  };
  const out = swap(def, '') as FrameworkDefinition;
  const inputs = Object.fromEntries(Object.entries(out.inputs ?? {}).map(([n, d]) => [n, d.type === 'number' ? { ...d, unit: '万元' } : d]));
  return { ...out, inputs };
}

const FULL = (s: string): string => s.replace(/[0-9.%,+-]/g, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0xfee0));
const YES = ['是', '有', 'yes', 'YES', 'Ｙｅｓ', 'y', 'Y', '1', 'true', 'TRUE', ' 是 ', '\u3000有\u3000'];
const NO = ['否', '无', 'no', 'No', 'ｎｏ', 'n', 'N', '0', 'false', 'False', ' 否 ', '\u3000无\u3000'];

/** A value written another way that reads the same; `style` picks the way (bits: full-width, separators, spaces, unit…). */
function writtenValue(v: InputValue, type: string | undefined, unit: string | undefined, style: number): InputValue {
  if (type === 'boolean') {
    const yes = v === true || v === 1 || (typeof v === 'string' && ['是', '有', 'yes', 'y', '1', 'true'].includes(v.trim().toLowerCase()));
    const list = yes ? YES : NO;
    return list[style % list.length] ?? v;
  }
  if (v !== null && typeof v === 'object') {
    if ('tier' in v) {
      const tier = v as { tier: string; score: string | number };
      return { tier: tier.tier, score: writtenNumber(String(tier.score), style & 0b111, undefined) };
    }
    return v;
  }
  if (typeof v !== 'number' && typeof v !== 'string') return v;
  let text = String(v);
  if (type === 'fraction' && !text.endsWith('%') && (style & 0b10000) !== 0) text = `${dec(text).times(100).toFixed()}%`;
  if (type === 'percent' && !text.endsWith('%') && (style & 0b10000) !== 0) text = `${text}%`;
  return writtenNumber(text, style, type === 'number' ? unit : undefined);
}

function writtenNumber(text: string, style: number, unit: string | undefined): string {
  let out = text;
  const parts = /^(-?)(\d+)(\.\d+)?(%?)$/.exec(out);
  if ((style & 0b10) !== 0 && parts !== null) {
    const [, sign = '', int = '', frac = '', pct = ''] = parts;
    out = `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac}${pct}`;
  }
  if (unit !== undefined && (style & 0b1000) !== 0) out = `${out}${(style & 0b100000) !== 0 ? ' ' : ''}${unit}`;
  if ((style & 0b1) !== 0) out = FULL(out);
  if ((style & 0b100) !== 0) out = (style & 0b100000) !== 0 ? `\u3000${out}\u3000` : ` ${out} `;
  return out;
}
