import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * Every export of src/xlsx.ts (jixiao/xlsx), and every field of its own types, carries a JSDoc comment (the types it
 * shares with the core, SelfEvaluation and Issue, are checked by test/types/jsdoc.test.ts).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = join(ROOT, 'src', 'xlsx.ts');
const OWN = join(ROOT, 'src', 'sheetio') + '/';

const documented = (symbol: ts.Symbol): boolean =>
  (symbol.declarations ?? []).some((d) =>
    ts.getJSDocCommentsAndTags(d).some((doc) => ts.isJSDoc(doc) && (typeof doc.comment === 'string' ? doc.comment : (doc.comment?.map((c) => c.text).join('') ?? '')).trim() !== ''),
  );

describe('JSDoc on jixiao/xlsx', () => {
  it('every export and every field of its own types', () => {
    const program = ts.createProgram({ rootNames: [ENTRY], options: { strict: true, exactOptionalPropertyTypes: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, noEmit: true, skipLibCheck: true } });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY) as ts.SourceFile) as ts.Symbol;
    const checked: string[] = [];
    const gaps: string[] = [];
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      checked.push(exported.name);
      if (!documented(symbol)) gaps.push(exported.name);
      if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
        const type = checker.getDeclaredTypeOfSymbol(symbol);
        const properties = type.isUnionOrIntersection() ? type.types.flatMap((t) => checker.getPropertiesOfType(t)) : checker.getPropertiesOfType(type);
        for (const p of properties) {
          if (!(p.declarations ?? []).some((d) => resolve(d.getSourceFile().fileName).startsWith(OWN))) continue;
          checked.push(`${exported.name}.${p.name}`);
          if (!documented(p)) gaps.push(`${exported.name}.${p.name}`);
        }
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['importSelfEvaluation', 'ImportOptions.encoding', 'ImportResult.warnings', 'exportSelfEvaluationCsv']));
    expect(gaps).toEqual([]);
  });
});
