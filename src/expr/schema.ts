import * as z from 'zod/mini';
import { EXPR_OPERATOR_KEYS, EXPR_OPERATORS } from './operators.js';

/*
 * Structure of expressions and conditions (zod/mini keeps browser bundles small). zod types stay inside the
 * schema files; issues are translated in src/framework/translateZodIssues.ts.
 */

/** A number or a decimal string. */
export const numSchema = z.union([z.number(), z.string()]);

/** Structure of an `Expr`, one variant per operator of the operator table. */
export const exprSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([
    numSchema,
    z.strictObject({ input: z.string() }),
    ...EXPR_OPERATOR_KEYS.map((op) => {
      const arity = EXPR_OPERATORS[op].arity;
      const operands = arity === 'many' ? z.array(exprSchema) : arity === 2 ? z.tuple([exprSchema, exprSchema]) : exprSchema;
      return z.strictObject({ [op]: operands });
    }),
  ]),
);

/** Comparison operators. */
const comparisonSchema = z.enum(['<', '<=', '=', '!=', '>=', '>']);

/** Structure of a `Condition`. */
export const conditionSchema: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([
    z.strictObject({ is: z.string() }),
    z.strictObject({ left: exprSchema, op: comparisonSchema, right: exprSchema }),
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);
