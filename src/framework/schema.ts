import * as z from 'zod/mini';
import { ROUNDING_MODES } from '../calc/rounding.js';
import { conditionSchema, exprSchema, numSchema } from '../expr/schema.js';
import { ruleSchema } from '../rules/registry.js';

/*
 * Structure of a framework definition (zod/mini keeps browser bundles small). Objects are strict so that a
 * misspelt field is reported, never silently dropped. Semantic checks (sums, bands, references) happen while
 * parsing (parseFramework.ts and each rule module). zod types stay inside schema files.
 */

const text = z.string();
const opt = <T extends z.ZodMiniType>(t: T) => z.optional(t);

const naPolicy = z.union([
  z.strictObject({ policy: z.enum(['rescale', 'redistribute', 'full', 'zero']) }),
  z.strictObject({ policy: z.literal('transfer'), to: text }),
]);

/** Structure of an indicator (leaf or branch; the difference is checked semantically). */
const indicatorSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.strictObject({
    id: text,
    name: text,
    weight: numSchema,
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
  z.strictObject({ kind: z.literal('deduction'), id: text, name: text, max: numSchema, amount: exprSchema, criteria: opt(text) }),
  z.strictObject({ kind: z.literal('bonus'), id: text, name: text, max: numSchema, amount: exprSchema, criteria: opt(text) }),
  z.strictObject({
    kind: z.literal('veto'),
    id: text,
    name: text,
    when: conditionSchema,
    effect: z.enum(['lowest-grade', 'zero-total', 'both']),
    criteria: opt(text),
  }),
]);

/** Structure of the computation options (of a framework, and of one evaluation). */
const optionsShape = {
  precision: opt(z.int()),
  rounding: opt(z.enum(ROUNDING_MODES as [string, ...string[]])),
  roundAt: opt(z.enum(['leaf', 'total'])),
};

/** Structure of a framework definition. */
export const frameworkSchema = z.strictObject({
  id: text,
  name: text,
  version: opt(text),
  scope: z.enum(['project', 'department-overall', 'other']),
  region: opt(text),
  document: opt(text),
  year: opt(z.int()),
  total: numSchema,
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
  grades: z.array(z.strictObject({ label: text, min: numSchema, max: opt(numSchema) })),
  options: opt(z.strictObject({ ...optionsShape, notApplicable: opt(naPolicy), bonusAboveTotal: opt(z.boolean()) })),
  notes: opt(text),
  base: opt(z.strictObject({ id: text, hash: text })),
});

/** Structure of the options of one evaluation (strict: unknown keys are reported). */
export const evaluateOptionsSchema = z.strictObject(optionsShape);

/** Structure of the envelope of one evaluation's inputs; each value is read against its declaration later. */
export const evaluationInputsSchema = z.strictObject({
  values: z.record(text, z.unknown()),
  notApplicable: opt(z.array(text)),
});
