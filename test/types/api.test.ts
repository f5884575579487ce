import { describe, expectTypeOf, it } from 'vitest';
import { defineFramework, evaluate, safeEvaluate, validateFramework, JixiaoError } from '../../src/index.js';
import type { Framework, FrameworkDefinition, Issue, Result, Rule, ScoreSheet } from '../../src/index.js';

describe('public types 公开类型', () => {
  it('entry points have the documented signatures', () => {
    expectTypeOf(defineFramework).parameter(0).toEqualTypeOf<FrameworkDefinition>();
    expectTypeOf(defineFramework).returns.toEqualTypeOf<Framework>();
    expectTypeOf(validateFramework).returns.toEqualTypeOf<Result<Framework>>();
    expectTypeOf(evaluate).returns.toEqualTypeOf<ScoreSheet>();
    expectTypeOf(safeEvaluate).returns.toEqualTypeOf<Result<ScoreSheet>>();
    expectTypeOf<JixiaoError['issues'][0]>().toEqualTypeOf<Issue>();
  });

  it('rules are a discriminated union checked at compile time', () => {
    const ok: Rule = { kind: 'ratio', value: { div: [{ input: 'a' }, { input: 'b' }] } };
    // @ts-expect-error an unknown rule kind is a type error
    const bad: Rule = { kind: 'percentage', value: 1 };
    // @ts-expect-error lower-is-better needs its variant
    const missing: Rule = { kind: 'lower-is-better', actual: 1, target: 2 };
    expectTypeOf(ok).toExtend<Rule>();
    void bad;
    void missing;
  });

  it('scores are strings, never Decimal instances', () => {
    expectTypeOf<ScoreSheet['total']>().toEqualTypeOf<string | null>();
    expectTypeOf<ScoreSheet['indicators'][number]['score']>().toEqualTypeOf<string>();
  });
});
