import * as z from 'zod/mini';
import { ROUNDING_MODES } from '../calc/rounding.js';
import { numSchema } from '../expr/schema.js';
import { lazy } from '../lazy.js';
import { ruleSchema } from '../rules/registry.js';

/*
 * Structure of a self-evaluation document and of a template (zod/mini). Objects are strict: a misspelt field is
 * `unknown-key`, never dropped. The texts of the rows are read afterwards (targetText.ts), row by row.
 */

const opt = <T extends z.ZodMiniType>(t: T) => z.optional(t);

/* The schemas are built on first use (see src/lazy.ts): bundles of the scoring core carry none of them. */

function buildSelfEvaluation() {
  const text = z.string();
  const textOrNumber = z.union([z.string(), z.number()]);

  const budgetRow = {
    initial: opt(numSchema),
    annual: opt(numSchema),
    executed: opt(numSchema),
    claimed: opt(numSchema),
  };

  const row = z.strictObject({
    level1: text,
    level2: opt(text),
    name: opt(text),
    target: opt(textOrNumber),
    nature: opt(text),
    value: opt(textOrNumber),
    unit: opt(text),
    actual: opt(textOrNumber),
    weight: opt(numSchema),
    claimed: opt(numSchema),
    reason: opt(text),
  });

  const templateOptions = z.strictObject({
    reverse: opt(z.enum(['inverse', 'linear-to-double', 'met-or-not'])),
    reviewAt: opt(numSchema),
  });
  return z.strictObject({
    format: opt(z.literal('jixiao.self-evaluation/1')),
    template: z.union([text, z.strictObject({ id: text, options: opt(templateOptions) })]),
    project: z.strictObject({ name: text, department: opt(text), unit: opt(text), year: opt(z.int()), fund: opt(numSchema) }),
    budget: z.strictObject({
      ...budgetRow,
      appropriation: opt(z.strictObject(budgetRow)),
      carryover: opt(z.strictObject(budgetRow)),
      other: opt(z.strictObject(budgetRow)),
    }),
    expected: opt(text),
    achieved: opt(text),
    rows: opt(z.array(row)),
    targets: opt(
      z.array(
        z.strictObject({
          name: opt(text),
          expected: opt(text),
          achieved: opt(text),
          points: opt(numSchema),
          fund: opt(numSchema),
          claimed: opt(numSchema),
          rows: z.array(row),
        }),
      ),
    ),
    levels: opt(z.array(z.strictObject({ level1: text, weight: opt(numSchema), claimed: opt(numSchema) }))),
    claimedTotal: opt(numSchema),
    claimedGrade: opt(text),
    statedTotal: opt(numSchema),
  });
}

function buildTemplate() {
  const text = z.string();
  const tierId = z.enum(['achieved', 'partly', 'not-achieved']);
  return z.strictObject({
    id: text,
    name: text,
    region: text,
    year: opt(z.int()),
    source: z.strictObject({ title: text, issuer: opt(text), number: opt(text), date: opt(text) }),
    total: numSchema,
    budget: z.strictObject({ weight: numSchema, denominator: z.enum(['annual', 'initial']) }),
    levels: z.array(
      z.strictObject({
        id: text,
        name: text,
        match: z.array(text),
        points: opt(numSchema),
        whenAbsent: opt(z.strictObject({ to: text })),
      }),
    ),
    equal: z.enum(['like-positive', 'met-or-not']),
    reverse: z.enum(['inverse', 'linear-to-double', 'met-or-not']),
    tiers: z.array(z.strictObject({ id: tierId, name: text, min: numSchema, max: numSchema, default: numSchema })),
    reviewAt: opt(numSchema),
    aggregation: z.enum(['per-target', 'merge']),
    rowRules: opt(
      z.array(
        z.strictObject({
          match: z.strictObject({ level: opt(text), name: opt(z.array(text)) }),
          rule: ruleSchema,
          criteria: text,
        }),
      ),
    ),
    grades: z.array(z.strictObject({ label: text, min: numSchema, max: opt(numSchema) })),
    options: opt(z.strictObject({ precision: opt(z.int()), rounding: opt(z.enum(ROUNDING_MODES as [string, ...string[]])) })),
    notes: opt(text),
  });
}

/** Structure of a self-evaluation document (built on first use). */
export const selfEvaluationSchema = /* @__PURE__ */ lazy(buildSelfEvaluation);

/** Structure of a template definition (built on first use). */
export const templateSchema = /* @__PURE__ */ lazy(buildTemplate);
