import type { Issue } from '../errors/issue.js';
import type { NodeStatus } from '../evaluate/types.js';
import type { Condition } from '../expr/types.js';
import type { NotApplicablePolicy } from '../framework/types.js';
import type { Rule, RuleOutcome } from '../rules/registry.js';
import { explainRule } from './ruleTemplates.js';
import { conditionText, zhEn, type ExplainContext, type Lang } from './text.js';

/** What a node's sentence says, as facts already formatted for display (scores at the sheet's precision). */
export interface NodeFacts {
  readonly name: string;
  readonly status: NodeStatus;
  readonly branch: boolean;
  readonly score: string;
  readonly effectiveWeight: string;
  readonly lost: string;
  /** Nothing was lost. */
  readonly full: boolean;
  readonly missing: readonly string[];
  /** The first issue that kept the node from scoring (invalid input or fault). */
  readonly problem: Issue | undefined;
  readonly modifier: { readonly which: 'full' | 'zero'; readonly condition: Condition | undefined } | undefined;
  readonly rule: { readonly outcome: RuleOutcome; readonly definition: Rule } | undefined;
  /** For the highest not-applicable node: the policy applied, and the name of a transfer's target. */
  readonly na: { readonly policy: NotApplicablePolicy; readonly target: string } | undefined;
}

/** The one-sentence explanation of a node, in Chinese or English. */
export function nodeSentence(f: NodeFacts, x: ExplainContext, lang: Lang): string {
  const { name } = f;
  switch (f.status) {
    case 'not-applicable':
      return naSentence(f, lang);
    case 'missing-input':
      return zhEn(lang, `${name} 缺少输入“${f.missing.join('、')}”，暂不得分`, `${name}: input ${f.missing.join(', ')} missing; no points yet`);
    case 'invalid-input':
    case 'fault': {
      const why = f.problem === undefined ? '' : lang === 'zh' ? f.problem.message : f.problem.messageEn;
      return f.status === 'fault'
        ? zhEn(lang, `${name} 计算出错：${why}，暂不得分`, `${name}: computation fault: ${why}; no points yet`)
        : zhEn(lang, `${name} 输入有误：${why}，暂不得分`, `${name}: invalid input: ${why}; no points yet`);
    }
    case 'incomplete':
      return zhEn(
        lang,
        `${name} 满分 ${f.effectiveWeight} 分，下级指标未全部计分，暂计 ${f.score} 分`,
        `${name}: out of ${f.effectiveWeight}, not every indicator below could be scored; ${f.score} so far`,
      );
    default:
      break;
  }
  const tail = f.full
    ? zhEn(lang, `得满分 ${f.effectiveWeight} 分`, `full marks ${f.effectiveWeight}`)
    : zhEn(lang, `得 ${f.score} 分（扣 ${f.lost} 分）`, `${f.score} of ${f.effectiveWeight} (−${f.lost})`);
  if (f.branch) return zhEn(lang, `${name} 满分 ${f.effectiveWeight} 分，${f.full ? '得满分' : `得 ${f.score} 分（扣 ${f.lost} 分）`}`, `${name}: ${tail}`);
  let detail = '';
  if (f.modifier !== undefined) {
    const text = f.modifier.condition === undefined ? '' : conditionText(f.modifier.condition, x, lang);
    detail = f.modifier.which === 'full'
      ? zhEn(lang, `满足满分条件（${text}）`, `full-marks condition holds (${text})`)
      : zhEn(lang, `满足不得分条件（${text}）`, `no-points condition holds (${text})`);
  } else if (f.rule !== undefined) detail = explainRule(f.rule.outcome, f.rule.definition, x, lang);
  return zhEn(lang, `${name} ${detail}，${tail}`, `${name}: ${detail}; ${tail}`);
}

function naSentence(f: NodeFacts, lang: Lang): string {
  if (f.na === undefined) return zhEn(lang, `${f.name}不适用`, `${f.name}: not applicable`);
  const how = {
    rescale: zhEn(lang, '分值按适用指标折算', 'its points are rescaled over the applicable indicators'),
    redistribute: zhEn(lang, '分值由同级指标分摊', 'its points are shared by its siblings'),
    transfer: zhEn(lang, `分值转入“${f.na.target}”`, `its points go to "${f.na.target}"`),
    full: zhEn(lang, '按满分计', 'counted as full marks'),
    zero: zhEn(lang, '按 0 分计', 'counted as 0'),
  }[f.na.policy.policy];
  return zhEn(lang, `${f.name}不适用，${how}`, `${f.name}: not applicable; ${how}`);
}

/** What an adjustment's sentence says. */
export interface AdjustmentFacts {
  readonly name: string;
  readonly kind: 'deduction' | 'bonus' | 'veto';
  readonly status: 'applied' | 'missing-input' | 'invalid-input' | 'fault';
  readonly missing: readonly string[];
  readonly triggered: boolean;
  readonly condition: Condition | undefined;
  /** Points taken or given, formatted, without sign; and the cap. */
  readonly amount: string;
  readonly cap: string;
}

/** The one-sentence explanation of an adjustment. */
export function adjustmentSentence(f: AdjustmentFacts, x: ExplainContext, lang: Lang): string {
  const { name } = f;
  if (f.status !== 'applied') {
    const why = f.status === 'missing-input' ? zhEn(lang, `缺少输入“${f.missing.join('、')}”`, `input ${f.missing.join(', ')} missing`) : zhEn(lang, '输入有误或计算出错', 'invalid input or a fault');
    return zhEn(lang, `${name}：无法确定（${why}）`, `${name}: undecided (${why})`);
  }
  if (f.kind === 'veto') {
    const text = f.condition === undefined ? '' : conditionText(f.condition, x, lang);
    return f.triggered ? zhEn(lang, `${name}：${text}，一票否决`, `${name}: ${text}: veto`) : zhEn(lang, `${name}：未触发`, `${name}: not triggered`);
  }
  const word = f.kind === 'deduction' ? zhEn(lang, '扣', 'minus') : zhEn(lang, '加', 'plus');
  return zhEn(lang, `${name} ${word} ${f.amount} 分（上限 ${f.cap} 分）`, `${name}: ${word} ${f.amount} (cap ${f.cap})`);
}
