import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * 公开 API 的每个导出、每个字段都有 JSDoc。Every export of src/index.ts and every field of every type reachable
 * from it carries a JSDoc comment: framework authors read them in completion, and a JSON Schema will be generated
 * from them.
 *
 * The walk starts at each export of src/index.ts (types, constants, functions, classes) and follows, recursively:
 * the properties of object types (interfaces, type literals, instantiated generics, mapped types such as
 * `Readonly<…>` and `Pick<…>`), the members of unions and intersections, the elements of arrays and tuples, the
 * value types of index signatures (the signatures themselves need no comment) and the return types of exported
 * functions (parameters are skipped, as are function-typed values). Only declarations in src/ are checked: the
 * members of Error, Array and other library types are not ours to document.
 *
 * A gap is named `Type.path.to.field`, where `Type` is the nearest named type (interface, type alias or class in
 * src/, or the export itself): `ScoreSheet.framework.hash`, `Expr.input`, `LIMITS.treeDepth`.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src') + '/';
const ENTRY = join(ROOT, 'src', 'index.ts');

function loadProgram(): ts.Program {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
  return ts.createProgram({ rootNames: [ENTRY], options: { ...parsed.options, noEmit: true } });
}

const inSrc = (d: ts.Declaration): boolean => resolve(d.getSourceFile().fileName).startsWith(SRC);

/** Does this declaration carry a JSDoc block with text (not only tags)? */
function hasJsDoc(decl: ts.Node): boolean {
  return ts.getJSDocCommentsAndTags(decl).some((doc) => {
    if (!ts.isJSDoc(doc)) return false;
    const text = typeof doc.comment === 'string' ? doc.comment : (doc.comment?.map((c) => c.text).join('') ?? '');
    return text.trim() !== '';
  });
}

const documented = (symbol: ts.Symbol): boolean => (symbol.declarations ?? []).filter(inSrc).some(hasJsDoc);

const NAMED_KINDS = new Set([ts.SyntaxKind.InterfaceDeclaration, ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.ClassDeclaration]);

/** The interface, type alias or class in src/ that names this type, if any. */
function namingSymbol(type: ts.Type): ts.Symbol | undefined {
  for (const s of [type.aliasSymbol, type.getSymbol()]) {
    if (s?.declarations?.some((d) => inSrc(d) && NAMED_KINDS.has(d.kind))) return s;
  }
  return undefined;
}

/** Every export and reachable field (`checked`), and those that lack a JSDoc comment (`gaps`). */
function walkPublicApi(): { checked: string[]; gaps: string[] } {
  const program = loadProgram();
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  if (entry === undefined) throw new Error(`cannot load ${ENTRY}`);
  const moduleSymbol = checker.getSymbolAtLocation(entry);
  if (moduleSymbol === undefined) throw new Error('src/index.ts is not a module');

  const gaps = new Set<string>();
  const checked = new Set<string>();
  const checkedDecls = new Set<ts.Node>();
  const visited = new Set<ts.Type>();

  /** Records a gap for `symbol` unless documented; each declaration is judged once, under its first path. */
  const check = (symbol: ts.Symbol, path: string): void => {
    const decls = (symbol.declarations ?? []).filter(inSrc);
    if (decls.length === 0 || decls.every((d) => checkedDecls.has(d))) return;
    for (const d of decls) checkedDecls.add(d);
    checked.add(path);
    if (!documented(symbol)) gaps.add(path);
  };

  /**
   * The type of a field as written where that keeps its name: the type of an optional field has `undefined` added
   * (exactOptionalPropertyTypes), which drops the alias (`NotApplicablePolicy | undefined`). The written type is
   * used unless it differs, as in an instantiated generic (`N` written, `string` meant).
   */
  const fieldType = (property: ts.Symbol, decl: ts.Declaration): ts.Type => {
    const actual = checker.getTypeOfSymbol(property);
    const node = (decl as { type?: ts.TypeNode }).type;
    if (node === undefined || !ts.isTypeNode(node)) return actual;
    const written = checker.getTypeFromTypeNode(node);
    const bare = checker.getNonNullableType(actual);
    const same = checker.isTypeAssignableTo(written, bare) && checker.isTypeAssignableTo(bare, written);
    return same ? written : actual;
  };

  const walk = (type: ts.Type, path: string, depth: number): void => {
    if (depth > 50) throw new Error(`type too deep at ${path}`);
    const named = namingSymbol(type);
    if (named !== undefined) {
      // A named type: its own comment is required, and its fields are reported under its name.
      check(named, named.name);
      path = named.name;
    }
    if (visited.has(type)) return;
    visited.add(type);

    if (type.isUnionOrIntersection()) {
      for (const t of type.types) walk(t, path, depth + 1);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return; // primitives and literals
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const t of checker.getTypeArguments(type as ts.TypeReference)) walk(t, path, depth + 1);
      return;
    }
    const properties = checker.getPropertiesOfType(type);
    // A function type (call signatures, no fields) is not walked: parameters are skipped.
    if (properties.length === 0 && type.getCallSignatures().length > 0) return;
    for (const property of properties) {
      if (!(property.declarations ?? []).some(inSrc)) continue; // Error.message, Array.length…
      const propertyPath = `${path}.${property.getName()}`;
      check(property, propertyPath);
      const decl = property.valueDeclaration ?? property.declarations?.[0];
      if (decl === undefined) continue;
      // Methods are functions: their parameters are skipped, their return types are not ours to recurse into.
      if (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl)) continue;
      walk(fieldType(property, decl), propertyPath, depth + 1);
    }
    for (const info of checker.getIndexInfosOfType(type)) walk(info.type, `${path}[]`, depth + 1);
  };

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const name = exported.getName();
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    check(symbol, name);
    if (symbol.flags & ts.SymbolFlags.TypeAlias || symbol.flags & ts.SymbolFlags.Interface) {
      walk(checker.getDeclaredTypeOfSymbol(symbol), name, 0);
    }
    if (symbol.flags & ts.SymbolFlags.Class) {
      walk(checker.getDeclaredTypeOfSymbol(symbol), name, 0); // instance fields (constructor parameters skipped)
    } else if (symbol.flags & ts.SymbolFlags.Function) {
      for (const signature of checker.getSignaturesOfType(checker.getTypeOfSymbol(symbol), ts.SignatureKind.Call)) {
        walk(checker.getReturnTypeOfSignature(signature), `${name}()`, 0);
      }
    } else if (symbol.flags & ts.SymbolFlags.Variable) {
      walk(checker.getTypeOfSymbol(symbol), name, 0);
    }
  }
  return { checked: [...checked].sort(), gaps: [...gaps].sort() };
}

describe('JSDoc on the public API 公开 API 的文档注释', () => {
  const { checked, gaps } = walkPublicApi();

  it('reaches nested fields, union variants, generic instances and constants', () => {
    // So that a walk that stopped early cannot pass for a documented API.
    const deep = ['ScoreSheet.framework.hash', 'ScoreSheet.nextGrade.pointsNeeded', 'NotApplicablePolicy.to', 'Expr.input', 'Condition.left',
      'Result.issues', 'BranchIndicator.children', 'EitherOutcome.outcome', 'TiersOutcome.max', 'JixiaoError.issues', 'InputInfo.usedBy',
      'LIMITS.treeDepth', 'NUMBER_LIMITS.MAX_TEXT_LENGTH', 'GradeBand.label', 'Band.minInclusive', 'TierInput.score'];
    expect(deep.filter((path) => !checked.includes(path))).toEqual([]);
    expect(checked.length).toBeGreaterThan(300);
  });

  it('covers every export and every field reachable from src/index.ts', () => {
    expect(gaps, `${gaps.length} undocumented:\n${gaps.join('\n')}`).toEqual([]);
  });
});
