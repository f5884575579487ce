import type { Rule } from '../framework/types.js';
import { compileBands } from './bands.js';
import { compileBinary } from './binary.js';
import { compileChecklist } from './checklist.js';
import { compileCountRatio } from './countRatio.js';
import { compileEither } from './either.js';
import { compileEqual } from './equal.js';
import { compileLowerIsBetter } from './lowerIsBetter.js';
import { compileManual } from './manual.js';
import { compilePerOccurrence } from './perOccurrence.js';
import { compilePiecewise } from './piecewise.js';
import { compileRatio } from './ratio.js';
import type { CompileContext, Scorer } from './scorer.js';
import { compileStepDeduction } from './stepDeduction.js';
import { compileTiers } from './tiers.js';

/** Compiles any rule into a scorer (the one dispatcher over rule kinds). */
export function compileRule(rule: Rule, ctx: CompileContext): Scorer {
  switch (rule.kind) {
    case 'ratio':
      return compileRatio(rule, ctx);
    case 'lower-is-better':
      return compileLowerIsBetter(rule, ctx);
    case 'equal':
      return compileEqual(rule, ctx);
    case 'bands':
      return compileBands(rule, ctx);
    case 'step-deduction':
      return compileStepDeduction(rule, ctx);
    case 'piecewise':
      return compilePiecewise(rule, ctx);
    case 'binary':
      return compileBinary(rule, ctx);
    case 'checklist':
      return compileChecklist(rule, ctx);
    case 'tiers':
      return compileTiers(rule, ctx);
    case 'count-ratio':
      return compileCountRatio(rule);
    case 'per-occurrence':
      return compilePerOccurrence(rule, ctx);
    case 'manual':
      return compileManual(rule, ctx);
    case 'either':
      return compileEither(rule, (r) => compileRule(r, ctx));
    default: {
      const never: never = rule;
      return never;
    }
  }
}
