/**
 * Generates the JSON Schemas in schemas/ from the zod schemas the library validates with, and fills in each
 * field's description from the JSDoc of the public TypeScript types (src/index.ts), so that editors show the
 * same Chinese / English documentation as the API. `npm run schemas` writes them; `--check` exits 1 when a file
 * is out of date (test/schemas runs it).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as z from 'zod/mini';
import { frameworkSchema } from '../src/framework/schema.js';
import { selfEvaluationSchema, templateSchema } from '../src/selfEval/schema.js';
import { numSchema } from '../src/expr/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The evaluation file the CLI reads: the framework to use, whose evaluation, and the inputs. */
const inputValue = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.strictObject({ tier: z.string(), score: z.union([z.number(), z.string()]) }),
  z.record(z.string(), z.union([z.boolean(), z.string()])),
]);
const evaluationFileSchema = z.strictObject({
  framework: z.string().check(z.describe('指标体系：文件路径（相对于本文件），或 preset:<预置 id>。The framework: a file path (relative to this file), or preset:<id>.')),
  unit: z.optional(z.string().check(z.describe('被评价单位。The unit evaluated.'))),
  year: z.optional(z.int().check(z.describe('年度。Year.'))),
  values: z.record(z.string(), inputValue),
  notApplicable: z.optional(z.array(z.string())),
  notes: z.optional(z.string().check(z.describe('备注。Notes.'))),
  // The same fields as claimedScoresSchema (src/review/reviewEvaluation.ts), each described for editors.
  claimed: z.optional(
    z
      .strictObject({
        scores: z.optional(z.record(z.string(), numSchema).check(z.describe('表上所填各指标得分，按指标 id（任一级）。Claimed scores by indicator id, at any level.'))),
        total: z.optional(numSchema.check(z.describe('表上所填总分。Claimed total.'))),
        grade: z.optional(z.string().check(z.describe('表上所填等级。Claimed grade.'))),
        statedTotal: z.optional(numSchema.check(z.describe('报告正文所述总分。Total stated in the report\'s prose.'))),
      })
      .check(z.describe('表上所填各指标得分、总分、等级与正文所述总分，供 jixiao review 复核。The scores printed per indicator, the total, the grade and the prose total, for jixiao review.')),
  ),
});

/** Schema kind → zod schema, TypeScript type documenting it, title. */
export const SCHEMAS = {
  framework: { schema: frameworkSchema, type: 'FrameworkDefinition', title: 'jixiao 指标体系 framework' },
  evaluation: { schema: evaluationFileSchema, type: 'EvaluationInputs', title: 'jixiao 评价文件 evaluation file' },
  'self-evaluation': { schema: selfEvaluationSchema(), type: 'SelfEvaluation', title: 'jixiao 项目支出绩效自评表 self-evaluation' },
  template: { schema: templateSchema(), type: 'TemplateDefinition', title: 'jixiao 自评模板 template' },
} as const;

type Json = { [key: string]: unknown };

function program(): { checker: ts.TypeChecker; exports: Map<string, ts.Type> } {
  const p = ts.createProgram([join(root, 'src/index.ts')], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, resolveJsonModule: true, noEmit: true });
  const checker = p.getTypeChecker();
  const sf = p.getSourceFile(join(root, 'src/index.ts')) as ts.SourceFile;
  const mod = checker.getSymbolAtLocation(sf) as ts.Symbol;
  const exports = new Map<string, ts.Type>();
  for (const s of checker.getExportsOfModule(mod)) {
    const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
    if (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) exports.set(s.name, checker.getDeclaredTypeOfSymbol(target));
  }
  return { checker, exports };
}

function describe(checker: ts.TypeChecker, root: Json, type: ts.Type): void {
  const defs = (root.$defs ?? {}) as { [name: string]: Json };
  const seenDefs = new Set<string>();
  const doc = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).replace(/\s*\n\s*/g, ' ').trim();
  const members = (t: ts.Type): ts.Type[] => (t.isUnion() ? t.types : [t]).map((x) => checker.getNonNullableType(x));
  const visit = (node: Json, t: ts.Type, depth: number): void => {
    if (depth > 40) return;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/$defs/', '');
      if (!seenDefs.has(name) && defs[name] !== undefined) {
        seenDefs.add(name);
        visit(defs[name] as Json, t, depth + 1);
      }
      return;
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      for (const option of (node[key] ?? []) as Json[]) visit(option, t, depth + 1);
    }
    if (node.type === 'array' && node.items !== undefined) {
      for (const m of members(t)) {
        if (checker.isArrayType(m) || checker.isTupleType(m)) {
          const [element] = checker.getTypeArguments(m as ts.TypeReference);
          if (element !== undefined) visit(node.items as Json, element, depth + 1);
        }
      }
    }
    const props = node.properties as { [k: string]: Json } | undefined;
    if (props !== undefined) {
      // The member of a union that best matches: the one with a `kind` const equal to the schema's, else most keys.
      const kindConst = (props.kind as Json | undefined)?.const;
      const candidates = members(t).filter((m) => m.getProperties().length > 0);
      const score = (m: ts.Type) => {
        const names = new Set(m.getProperties().map((s) => s.name));
        const kind = m.getProperty('kind');
        const kindType = kind === undefined ? undefined : checker.typeToString(checker.getTypeOfSymbol(kind));
        if (kindConst !== undefined && kindType !== undefined && !kindType.includes(JSON.stringify(kindConst)) && !kindType.includes(`'${String(kindConst)}'`)) return -1;
        return Object.keys(props).filter((k) => names.has(k)).length;
      };
      const best = candidates.map((m) => ({ m, s: score(m) })).sort((a, b) => b.s - a.s)[0];
      if (best !== undefined && best.s > 0) {
        if (node.description === undefined && best.m.aliasSymbol === undefined && best.m.symbol !== undefined) {
          const d = doc(best.m.symbol);
          if (d !== '') node.description = d;
        }
        // A key the best member lacks may belong to another member (a leaf's `rule` beside a branch's `children`).
        const others = candidates.filter((m) => score(m) >= 0);
        for (const [key, sub] of Object.entries(props)) {
          const sym = best.m.getProperty(key) ?? others.map((m) => m.getProperty(key)).find((x) => x !== undefined);
          if (sym === undefined) continue;
          const d = doc(sym);
          if (d !== '' && sub.description === undefined) sub.description = d;
          visit(sub, checker.getTypeOfSymbol(sym), depth + 1);
        }
      }
    }
    if (typeof node.additionalProperties === 'object' && node.additionalProperties !== null) {
      for (const m of members(t)) {
        const value = checker.getIndexTypeOfType(m, ts.IndexKind.String);
        if (value !== undefined) visit(node.additionalProperties as Json, value, depth + 1);
      }
    }
  };
  visit(root, type, 0);
}

/** The schema of one kind, with descriptions. */
export function schemaOf(kind: keyof typeof SCHEMAS, env = program()): Json {
  const { schema, type, title } = SCHEMAS[kind];
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Json;
  const t = env.exports.get(type);
  if (t === undefined) throw new Error(`type ${type} is not exported from src/index.ts`);
  describe(env.checker, json, t);
  return { $schema: json.$schema, $id: `https://unpkg.com/jixiao/schemas/${kind}.schema.json`, title, ...json };
}

function generateAll(): { file: string; text: string }[] {
  const env = program();
  return (Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]).map((kind) => ({
    file: join(root, 'schemas', `${kind}.schema.json`),
    text: `${JSON.stringify(schemaOf(kind, env), null, 2)}\n`,
  }));
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = generateAll();
  if (process.argv.includes('--check')) {
    const stale = files.filter((f) => {
      try {
        return readFileSync(f.file, 'utf8') !== f.text;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`out of date: ${stale.map((f) => f.file).join(', ')}; run \`npm run schemas\`.`);
      process.exit(1);
    }
    console.log('schemas/ is up to date.');
  } else {
    mkdirSync(join(root, 'schemas'), { recursive: true });
    for (const f of files) writeFileSync(f.file, f.text);
    console.log(`wrote ${files.map((f) => f.file).join(', ')}`);
  }
}
