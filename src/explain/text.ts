import { dec, toPlain } from '../calc/decimal.js';
import type { ComparisonOp, Condition, Expr } from '../expr/types.js';
import type { InputDeclaration } from '../framework/types.js';
import type { FormatContext } from './format.js';

/** What explaining needs: declarations, the values as written, the sheet's format. */
export interface ExplainContext {
  readonly inputs: ReadonlyMap<string, InputDeclaration>;
  /** Present inputs as the document wrote them ("21.70", "95.47%", "是"). */
  readonly written: ReadonlyMap<string, string>;
  readonly format: FormatContext;
}

/** Language of a sentence. */
export type Lang = 'zh' | 'en';

/** The Chinese or the English text, by language. */
export const zhEn = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);

const SYMBOLS = { add: '+', sub: '−', mul: '×', div: '÷' } as const;
const OP_TEXT: { readonly [O in ComparisonOp]: string } = { '<': '<', '<=': '≤', '=': '=', '!=': '≠', '>=': '≥', '>': '>' };

const atomic = (e: Expr): boolean => typeof e !== 'object' || 'input' in e;

/** An expression with the inputs' written values in place of their names: "33.58 ÷ 33.58". */
function exprText(e: Expr, x: ExplainContext): string {
  if (typeof e === 'number' || typeof e === 'string') return typeof e === 'number' ? toPlain(dec(e)) : e;
  if ('input' in e) return x.written.get(e.input) ?? x.inputs.get(e.input)?.name ?? e.input;
  if ('abs' in e) return `|${exprText(e.abs, x)}|`;
  const op = (Object.keys(SYMBOLS) as (keyof typeof SYMBOLS)[]).find((k) => k in e) ?? 'add';
  const args = (e as { readonly [k: string]: readonly Expr[] })[op] ?? [];
  return args.map((a) => (atomic(a) ? exprText(a, x) : `(${exprText(a, x)})`)).join(` ${SYMBOLS[op]} `);
}

/** A condition in words: "三公经费：否", "21.70 ≤ 3". */
export function conditionText(c: Condition, x: ExplainContext, lang: Lang): string {
  if ('is' in c) {
    const label = x.inputs.get(c.is)?.name ?? c.is;
    const v = x.written.get(c.is);
    const value = lang === 'zh' ? (v ?? '缺失') : v === undefined ? 'missing' : v === '是' ? 'yes' : 'no';
    return `${label}${lang === 'zh' ? '：' : ': '}${value}`;
  }
  if ('left' in c) return `${exprText(c.left, x)} ${OP_TEXT[c.op]} ${exprText(c.right, x)}`;
  if ('not' in c) return lang === 'zh' ? `非（${conditionText(c.not, x, lang)}）` : `not (${conditionText(c.not, x, lang)})`;
  const all = 'all' in c;
  const parts = all ? c.all : (c as { readonly any: readonly Condition[] }).any;
  const joiner = lang === 'zh' ? (all ? ' 且 ' : ' 或 ') : all ? ' and ' : ' or ';
  return parts.map((p) => conditionText(p, x, lang)).join(joiner);
}

/** A computed value, followed by how it was computed when that is not obvious: "100.00%（33.58 ÷ 33.58）". */
export function withWorking(shown: string, e: Expr, x: ExplainContext, lang: Lang): string {
  return atomic(e) ? shown : lang === 'zh' ? `${shown}（${exprText(e, x)}）` : `${shown} (${exprText(e, x)})`;
}
