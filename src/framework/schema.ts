import * as z from 'zod/mini';

/*
 * Structural schema of a framework definition (zod/mini keeps browser bundles small). Objects are strict so
 * that a misspelt field is reported, never silently dropped. Semantic checks (sums, bands, references) live in
 * validateSemantics.ts. zod types stay inside this folder; its issues are translated in translateZodIssues.ts.
 */

const num = z.union([z.number(), z.string()]);
const text = z.string();
const opt = <T extends z.ZodMiniType>(t: T) => z.optional(t);

/** Structure of an `Expr`. */
export const exprSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([
    num,
    z.strictObject({ input: text }),
    z.strictObject({ add: z.array(exprSchema) }),
    z.strictObject({ sub: z.tuple([exprSchema, exprSchema]) }),
    z.strictObject({ mul: z.array(exprSchema) }),
    z.strictObject({ div: z.tuple([exprSchema, exprSchema]) }),
    z.strictObject({ abs: exprSchema }),
  ]),
);

const op = z.enum(['<', '<=', '=', '!=', '>=', '>']);

/** Structure of a `Condition`. */
export const conditionSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([
    z.strictObject({ is: text }),
    z.strictObject({ left: exprSchema, op, right: exprSchema }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const band = z.strictObject({
  min: opt(num),
  max: opt(num),
  minInclusive: opt(z.boolean()),
  maxInclusive: opt(z.boolean()),
  points: opt(num),
  fraction: opt(num),
  label: opt(text),
});

/** Structure of a `Rule`, discriminated on `kind`. */
export const ruleSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ratio'), value: exprSchema, zeroBelow: opt(num), zeroAbove: opt(num), reviewAbove: opt(num) }),
    z.strictObject({
      kind: z.literal('lower-is-better'),
      actual: exprSchema,
      target: exprSchema,
      variant: z.enum(['inverse', 'linear-to-double']),
    }),
    z.strictObject({ kind: z.literal('equal'), actual: exprSchema, target: exprSchema, tolerance: opt(num) }),
    z.strictObject({ kind: z.literal('bands'), value: exprSchema, absolute: opt(z.boolean()), bands: z.array(band) }),
    z.strictObject({
      kind: z.literal('step-deduction'),
      value: exprSchema,
      direction: z.enum(['above', 'below']),
      threshold: num,
      step: num,
      points: num,
      steps: z.enum(['completed', 'started', 'proportional']),
    }),
    z.strictObject({ kind: z.literal('piecewise'), value: exprSchema, points: z.array(z.tuple([num, num])) }),
    z.strictObject({ kind: z.literal('binary'), when: conditionSchema, points: opt(num), otherwise: opt(num) }),
    z.strictObject({
      kind: z.literal('checklist'),
      input: opt(text),
      checks: z.array(z.strictObject({ id: text, name: text, points: num })),
    }),
    z.strictObject({
      kind: z.literal('tiers'),
      input: opt(text),
      tiers: z.array(z.strictObject({ id: text, name: text, min: num, max: num })),
    }),
    z.strictObject({ kind: z.literal('count-ratio'), met: exprSchema, total: exprSchema }),
    z.strictObject({ kind: z.literal('per-occurrence'), count: exprSchema, points: num }),
    z.strictObject({ kind: z.literal('manual'), input: opt(text), step: opt(num) }),
    z.strictObject({ kind: z.literal('either'), alternatives: z.array(ruleSchema) }),
  ]),
);

const naPolicy = z.union([
  z.strictObject({ policy: z.enum(['rescale', 'redistribute', 'full', 'zero']) }),
  z.strictObject({ policy: z.literal('transfer'), to: text }),
]);

/** Structure of an indicator (leaf or branch; the difference is checked semantically). */
export const indicatorSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.strictObject({
    id: text,
    name: text,
    weight: num,
    explanation: opt(text),
    criteria: opt(text),
    nature: opt(z.enum(['quantitative', 'qualitative'])),
    notApplicable: opt(naPolicy),
    children: opt(z.array(indicatorSchema)),
    rule: opt(ruleSchema),
    when: opt(z.strictObject({ notApplicable: opt(conditionSchema), zero: opt(conditionSchema), full: opt(conditionSchema) })),
  }),
);

const adjustment = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('deduction'), id: text, name: text, max: num, amount: exprSchema, criteria: opt(text) }),
  z.strictObject({ kind: z.literal('bonus'), id: text, name: text, max: num, amount: exprSchema, criteria: opt(text) }),
  z.strictObject({
    kind: z.literal('veto'),
    id: text,
    name: text,
    when: conditionSchema,
    effect: z.enum(['lowest-grade', 'zero-total', 'both']),
    criteria: opt(text),
  }),
]);

/** Structure of a framework definition. */
export const frameworkSchema = z.strictObject({
  id: text,
  name: text,
  version: opt(text),
  scope: z.enum(['project', 'department-overall', 'other']),
  region: opt(text),
  document: opt(text),
  year: opt(z.int()),
  total: num,
  inputs: opt(
    z.record(
      text,
      z.strictObject({
        type: z.enum(['number', 'percent', 'fraction', 'boolean', 'score', 'tier', 'checks']),
        name: opt(text),
        unit: opt(text),
      }),
    ),
  ),
  indicators: z.array(indicatorSchema),
  adjustments: opt(z.array(adjustment)),
  grades: z.array(z.strictObject({ label: text, min: num, max: opt(num) })),
  options: opt(
    z.strictObject({
      precision: opt(z.int()),
      rounding: opt(z.enum(['half-up', 'half-even', 'half-down', 'down', 'up', 'floor', 'ceil'])),
      roundAt: opt(z.enum(['leaf', 'total'])),
      notApplicable: opt(naPolicy),
      bonusAboveTotal: opt(z.boolean()),
    }),
  ),
  notes: opt(text),
});

const inputValue = z.union([
  num,
  z.boolean(),
  z.null(),
  z.strictObject({ tier: text, score: num }),
  z.record(text, z.boolean()),
]);

/** Structure of the inputs of one evaluation. */
export const evaluationInputsSchema = z.strictObject({
  values: z.record(text, inputValue),
  notApplicable: opt(z.array(text)),
});
