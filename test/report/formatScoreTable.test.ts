import { describe, expect, it } from 'vitest';
import { evaluate, formatScoreTable } from '../../src/index.js';
import { frameworkOf } from '../support/minimal.js';

/** Exact scores 4.5 + 4.5 + 80 = 89: rounding each row on its own would show 5 + 5 + 80 = 90 beside a total of 89. */
const thirds = frameworkOf(
  (['a', 'b', 'c'] as const).map((id) => ({ id, name: `指标${id}`, weight: id === 'c' ? 80 : 10, rule: { kind: 'ratio' as const, value: { input: id } } })),
  { a: { type: 'fraction' }, b: { type: 'fraction' }, c: { type: 'fraction' } },
  { options: { precision: 0, roundAt: 'total' } },
);
const values = { a: '0.45', b: '0.45', c: '1' };

/** The score column of the text table, by row name. */
function shownScores(text: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^\s*(指标\w)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(line);
    if (m !== null) rows.set(m[1] ?? '', Number(m[3]));
  }
  return rows;
}

describe('text score table 文本打分表', () => {
  it('with precision 0 and roundAt total, the rows shown add up to the total shown', () => {
    const sheet = evaluate(thirds, { values });
    expect(sheet.total).toBe('89');
    const text = formatScoreTable(sheet);
    const rows = shownScores(text);
    expect([...rows.values()].reduce((s, v) => s + v, 0)).toBe(89);
    // The spare unit goes to the larger remainder, ties to the smaller id.
    expect([...rows.entries()]).toEqual([['指标a', 5], ['指标b', 4], ['指标c', 80]]);
    expect(text).toMatch(/总分 Total\s+89 \/ 100/);
  });
  it('lost points and explanations show scores at the precision, never long decimals', () => {
    const sheet = evaluate(thirds, { values });
    const text = formatScoreTable(sheet);
    expect(text).not.toMatch(/\d\.\d{5,}/);
    expect(sheet.lostPoints.map((l) => l.lost)).toEqual(['5.5', '5.5']);
    expect(sheet.indicators[0]?.explanation).toBe('指标a 完成率 45.00%，得 4.5 分（扣 5.5 分）');
  });
  it('explanations print scores as the table does: 0.40, not 0.4', () => {
    const small = frameworkOf([{ id: 'x', name: '指标', weight: 1, rule: { kind: 'ratio', value: { input: 'v' } } }], { v: { type: 'fraction' } });
    const sheet = evaluate(small, { values: { v: '0.4' } });
    expect(sheet.indicators[0]?.explanation).toBe('指标 完成率 40.00%，得 0.40 分（扣 0.60 分）');
    expect(formatScoreTable(sheet)).toContain('−0.60：指标 完成率 40.00%，得 0.40 分（扣 0.60 分）');
  });
  it('an incomplete sheet shows a provisional total labelled so, never a final one', () => {
    const sheet = evaluate(thirds, { values: { a: '1', b: '1' } });
    expect(sheet.total).toBeNull();
    const text = formatScoreTable(sheet);
    expect(text).not.toMatch(/^总分 Total/m);
    expect(text).toMatch(/暂计总分 Provisional total（不完整，非最终结果 incomplete, not final）\s+20 \/ 100/);
  });
});

describe('adjustments in the table 调整项', () => {
  const def = frameworkOf([{ id: 'x', name: '指标', weight: 100, rule: { kind: 'manual' } }], { b: { type: 'number' }, v: { type: 'boolean' } }, {
    adjustments: [
      { kind: 'bonus', id: 'bonus', name: '加分项', max: 10, amount: { input: 'b' } },
      { kind: 'veto', id: 'veto', name: '一票否决', when: { is: 'v' }, effect: 'zero-total' },
    ],
  });
  it('says when the total was capped at the maximum', () => {
    const text = formatScoreTable(evaluate(def, { values: { x: 95, b: 10, v: false } }));
    expect(text).toContain('超过满分的部分不计 Capped at the maximum：105.00 → 100.00');
  });
  it('lists what a zeroing veto took among the lost points', () => {
    const sheet = evaluate(def, { values: { x: 95, b: 2, v: true } });
    expect(sheet.total).toBe('0.00');
    expect(sheet.lostPoints.map((l) => [l.id, l.lost])).toEqual([['veto', '97.00'], ['x', '5.00']]);
  });
});
