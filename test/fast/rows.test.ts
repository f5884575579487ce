import { describe, expect, it } from 'vitest';
import { createScorer, defineFramework, evaluate, scoreMany, type EvaluationInputs } from '../../src/index.js';
import { scoreRow } from '../../src/fast/scorer.js';
import { agree } from '../support/fastAgree.js';
import { oneOfEachInput } from '../support/oneOfEachInput.js';

/*
 * Rows (as a CSV gives them) are read by position on the fast path, with no values object made. Each row must give
 * exactly the result of the record that `scoreMany` makes of it (its non-empty cells by column name, the `id`
 * column aside), and that result must agree with `evaluate`; the path pins which rows the positional reader takes.
 */
const framework = defineFramework(oneOfEachInput);
const scorer = createScorer(framework);
const tier = { tier: 'good', score: 9 };
const checks = { x: true, y: false };

/** The record `scoreMany` makes of a row: its non-empty cells by name, the first `id` column aside. */
function asRecord(row: readonly unknown[], columns: readonly string[]): EvaluationInputs {
  const idAt = columns.indexOf('id');
  const values: { [name: string]: unknown } = {};
  row.forEach((cell, i) => {
    if (i !== idAt && cell !== '' && cell !== undefined && cell !== null) Object.defineProperty(values, columns[i] as string, { value: cell, enumerable: true, writable: true, configurable: true });
  });
  return { values } as EvaluationInputs;
}

/** Scores one row through `scoreMany`; checks it against its record and the sheet; returns the result. */
function row(cells: readonly unknown[], columns: readonly string[] = ['id', 'n', 'p', 's', 'b', 't', 'c']) {
  const [result] = [...scoreMany(scorer, [cells], { columns })];
  if (result === undefined) throw new Error('no result');
  const { index: _index, id: _id, ...rest } = result;
  const record = asRecord(cells, columns);
  expect(rest).toEqual(scorer.score(record));
  agree(scorer, rest, evaluate(framework, record));
  // Read by position, or handed to the general path (undefined): when read, the very same result.
  const direct = scoreRow(scorer, cells, columns);
  if (direct !== undefined) expect(direct).toEqual(rest);
  return { ...result, positional: direct !== undefined };
}

describe('scoreMany rows: read by position on the fast path, as the record made of the row', () => {
  it('a full row is scored fast, with its id', () => {
    const r = row(['r1', '150', '90%', '8', '是', tier, checks]);
    expect(r).toMatchObject({ path: 'fast', positional: true, id: 'r1', complete: true, issues: [] });
    expect(r.total).not.toBeNull();
  });

  it.each([
    ['empty cells are absent values (missing inputs: the general path reports them)', ['r2', '', '90%', null, true, tier, checks], 'exact', false],
    ['a short row leaves the rest absent', ['r3', 150, '0.9'], 'exact', false],
    ['numbers, percents and text as JSON gives them', [7, 150, 0.9, 8, false, tier, checks], 'fast', true],
    ['an unusual number is left to the general reader', ['r4', '1,500.50', '90%', '8', true, tier, checks], 'fast', true],
    ['an invalid cell is reported by the general path', ['r5', 'abc', '90%', '8', true, tier, checks], 'exact', false],
    ['an undeclared column with a value is reported by the general path', ['r6', '150', '90%', '8', true, tier, checks, 'extra'], 'exact', false],
  ] as const)('%s', (_label, cells, path, positional) => {
    const columns = ['id', 'n', 'p', 's', 'b', 't', 'c', 'undeclared'];
    expect(row(cells, columns)).toMatchObject({ path, positional });
  });

  it('an undeclared column left empty takes no part', () => {
    expect(row(['r7', '150', '90%', '8', true, tier, checks, ''], ['id', 'n', 'p', 's', 'b', 't', 'c', 'undeclared'])).toMatchObject({ path: 'fast', positional: true });
  });

  it('a repeated column: the last non-empty cell wins, as in the record', () => {
    const columns = ['n', 'p', 's', 'b', 't', 'c', 'n'];
    const later = row(['150', '90%', '8', true, tier, checks, '100'], columns);
    expect(later).toMatchObject({ path: 'fast', positional: true });
    expect(later.total).toBe(row(['100', '90%', '8', true, tier, checks], ['n', 'p', 's', 'b', 't', 'c']).total);
    // The invalid first cell is overwritten in the record; the positional reader hands such a row over.
    expect(row(['abc', '90%', '8', true, tier, checks, '100'], columns)).toMatchObject({ path: 'fast', positional: false });
    expect(row(['150', '90%', '8', true, tier, checks, ''], columns).total).toBe(row(['150', '90%', '8', true, tier, checks], ['n', 'p', 's', 'b', 't', 'c']).total);
  });

  it('a second "id" column is an input name; a "__proto__" column is an undeclared input, not dropped', () => {
    expect(row(['r8', '150', '90%', '8', true, tier, checks, 'x'], ['id', 'n', 'p', 's', 'b', 't', 'c', 'id'])).toMatchObject({ path: 'exact', positional: false });
    const proto = row(['150', '90%', '8', true, tier, checks, '1'], ['n', 'p', 's', 'b', 't', 'c', '__proto__']);
    expect(proto).toMatchObject({ path: 'exact', positional: false });
    expect(proto.issues.map((i) => [i.code, i.path])).toEqual([['unknown-input', ['values', '__proto__']]]);
  });

  it('an empty id cell, null included, gives no id (as an empty cell gives no value)', () => {
    const ids = ['r1', '', null, undefined, 7].map((id) => row([id, '150', '90%', '8', true, tier, checks]).id);
    expect(ids).toEqual(['r1', undefined, undefined, undefined, '7']);
  });

  it('a row longer than its columns is an issue of its own', () => {
    const [r] = [...scoreMany(scorer, [['r9', '150', '90%', '8', true, tier, checks, 'more']], { columns: ['id', 'n', 'p', 's', 'b', 't', 'c'] })];
    expect(r?.issues.map((i) => i.code)).toEqual(['row-length-mismatch']);
    expect(scoreRow(scorer, ['r9', '150', '90%', '8', true, tier, checks, 'more'], ['id', 'n', 'p', 's', 'b', 't', 'c'])).toBeUndefined();
  });

  it('a hole in the columns is no input name, even right after the same list without it (review finding)', () => {
    const dense = ['n', 'p', 's', 'b', 't', 'c'];
    const cells = ['150', '90%', '8', true, tier, checks];
    expect(row(cells, dense)).toMatchObject({ path: 'fast', positional: true });
    const sparse = [...dense];
    delete sparse[0];
    expect(row(cells, sparse)).toMatchObject({ path: 'exact', positional: false });
  });

  it('a list of the same columns in another order is read afresh, by position', () => {
    const columns = ['n', 'p', 's', 'b', 't', 'c'];
    const cells = ['150', '90%', '8', true, tier, checks];
    expect(row(cells, columns)).toMatchObject({ path: 'fast', positional: true });
    expect(row([...cells].reverse(), [...columns].reverse())).toMatchObject({ path: 'fast', positional: true });
  });

  it('columns changed in place between rows are read afresh', () => {
    const columns = ['n', 'p', 's', 'b', 't', 'c'];
    const cells = ['150', '90%', '8', true, tier, checks];
    const [first] = [...scoreMany(scorer, [cells], { columns })];
    columns[0] = 's';
    columns[2] = 'n';
    const [second] = [...scoreMany(scorer, [cells], { columns })];
    expect(second).toEqual(first === undefined ? undefined : { ...scorer.score(asRecord(cells, columns)), index: 0 });
    expect(second?.total).not.toBe(first?.total);
  });
});
