import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineFramework, JixiaoError, safeEvaluate, validateFramework } from '../../src/index.js';
import { caseArb, frameworkSpecArb, buildFramework } from '../support/arbitraries.js';
import { checkIssues, runs } from './helpers.js';

/** Follows an issue path into a value; undefined when the path leaves the value. */
function follow(root: unknown, path: readonly (string | number)[]): { found: boolean; value: unknown } {
  let cursor: unknown = root;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object' || !Object.prototype.hasOwnProperty.call(cursor, key)) return { found: false, value: undefined };
    cursor = (cursor as Record<string | number, unknown>)[key];
  }
  return { found: true, value: cursor };
}

/** Every issue points into the definition: all of its path but the last key exists (the last may be a missing field). */
function checkPaths(root: unknown, issues: readonly { path: readonly (string | number)[]; code: string }[]): void {
  for (const i of issues) {
    expect(follow(root, i.path.slice(0, -1)).found, `${i.code} at ${i.path.join('.')} does not point into the definition`).toBe(true);
  }
}

describe('validation 校验', () => {
  it('every generated framework is valid, and validating keeps the definition as given', () => {
    fc.assert(
      fc.property(frameworkSpecArb(), (spec) => {
        const def = buildFramework(spec);
        const result = validateFramework(def);
        if (!result.ok) throw new Error(result.issues.map((i) => `${i.code} ${i.path.join('.')}`).join('; '));
        expect(result.value.id).toBe(def.id);
        expect(result.value.definition).toEqual(def);
      }),
      runs(200),
    );
  });

  it('validation never throws on arbitrary JSON; every issue is well-formed and points into the input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateFramework(value);
        if (result.ok) {
          expect(defineFramework(value as never).definition).toEqual(value);
          return;
        }
        checkIssues(result.issues);
        checkPaths(value, result.issues);
      }),
      runs(200),
    );
  });

  it('validation never throws on corrupted frameworks; valid ones evaluate without throwing; the same value back is still valid', () => {
    const corrupt = caseArb().chain(({ def }) =>
      fc.record({
        def: fc.constant(def),
        path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
        replacement: fc.oneof(fc.jsonValue(), fc.constant('same')),
      }),
    );
    fc.assert(
      fc.property(corrupt, ({ def, path, replacement }) => {
        const copy = JSON.parse(JSON.stringify(def)) as Record<string, unknown>;
        let cursor = copy;
        for (const step of path.slice(0, -1)) {
          const keys = Object.keys(cursor);
          const key = keys[step % Math.max(keys.length, 1)];
          const next = key === undefined ? undefined : cursor[key];
          if (next === null || typeof next !== 'object') break;
          cursor = next as Record<string, unknown>;
        }
        const keys = Object.keys(cursor);
        const last = keys[(path.at(-1) ?? 0) % Math.max(keys.length, 1)];
        if (last === undefined) return;
        const same = replacement === 'same';
        cursor[last] = same ? JSON.parse(JSON.stringify(cursor[last])) : replacement;
        const result = validateFramework(copy);
        if (same) expect(result.ok).toBe(true);
        if (!result.ok) {
          checkIssues(result.issues);
          checkPaths(copy, result.issues);
          // The throwing form reports the very same issues.
          let thrown: unknown;
          try {
            defineFramework(copy as never);
          } catch (e) {
            thrown = e;
          }
          expect(thrown).toBeInstanceOf(JixiaoError);
          expect((thrown as JixiaoError).issues.map((i) => i.code)).toEqual(result.issues.map((i) => i.code));
          return;
        }
        // A valid framework evaluates (with no inputs at all) without throwing, whatever it contains.
        const evaluated = safeEvaluate(result.value, { values: {} });
        if (!evaluated.ok) checkIssues(evaluated.issues);
        else expect(evaluated.value.complete === false || evaluated.value.missingInputs.length === 0).toBe(true);
      }),
      runs(200),
    );
  });
});
