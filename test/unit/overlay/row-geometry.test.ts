// Row positions: measured heights where rows have been seen, the mean of their shape where not.
import { describe, expect, it } from 'vitest';
import { allRows, buildRows } from '../../../src/model/rows';
import { computeStates } from '../../../src/model/visibility';
import { RowGeometry } from '../../../src/overlay/list-view/row-geometry';
import { fromRows, view } from '../model/helpers';
import { buildTree } from '../../../src/model/build-tree';
import { page, raw } from '../model/helpers';

const T = { full: 0, abbreviated: -1, breakthrough: 4 };
/** Six comments: bodies on even ones (a full comment with text is guessed taller). */
function setUp() {
  // Distinct stand-ins for the page's elements (geometry only asks whether there is one).
  const d = buildTree(page(['0', '1', '2', '3', '4', '5'].map((id) => raw(id, { score: Number(id) - 1, body: Number(id) % 2 === 0 ? ({} as Element) : null }))));
  const rows = buildRows(d, computeStates(d, T, view()));
  const g = new RowGeometry();
  g.setRows(rows);
  return { d, rows, g, list: allRows(rows) };
}

describe('row geometry', () => {
  it('guesses a line for one-liners and rows without text, more for a comment shown with its text', () => {
    const { g, list } = setUp();
    // Scores -1..4 at the defaults: 0 is one line, the rest full; 2 and 4 have text.
    expect(list.map((r) => (r.kind === 'comment' ? r.state : r.kind))).toEqual(['abbreviated', 'full', 'full', 'full', 'full', 'full']);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => g.top(i))).toEqual([0, 28, 56, 176, 204, 324, 352]);
    expect(g.total).toBe(352);
  });

  it('uses measured heights, and the mean of those measured for the rows not seen yet', () => {
    const { g, list } = setUp();
    expect(g.measure([[list[2]!, 200]])).toBe(true);
    expect(g.measure([[list[2]!, 200]])).toBe(false);
    // Row 4 (text, not measured) is now guessed at the mean of text rows: 200.
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => g.top(i))).toEqual([0, 28, 56, 256, 284, 484, 512]);
    g.measure([[list[4]!, 100], [list[0]!, 20]]);
    // One-liners' mean is 20 now: rows 1, 3, 5 (no text) are guessed at 20.
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => g.top(i))).toEqual([0, 20, 40, 240, 260, 360, 380]);
    g.forget();
    expect(g.total).toBe(352);
  });

  it('keeps a height per state: a comment collapsed is not as tall as shown whole', () => {
    const { d, g, list } = setUp();
    g.measure([[list[2]!, 200]]);
    const folded = buildRows(d, computeStates(d, T, view({ collapsed: ['2'] })));
    g.setRows(folded);
    expect(g.top(3) - g.top(2)).toBe(28);
    g.setRows(buildRows(d, computeStates(d, T, view())));
    expect(g.top(3) - g.top(2)).toBe(200);
  });

  it('finds the rows at a position and the run covering a span', () => {
    const { g } = setUp();
    expect([-5, 0, 27, 28, 100, 351, 352, 1e9].map((y) => g.indexAt(y))).toEqual([0, 0, 0, 1, 2, 5, 5, 5]);
    expect(g.range(30, 180)).toEqual([1, 4]);
    expect(g.range(0, 1e9)).toEqual([0, 6]);
  });

  it('has no rows for an empty list', () => {
    const d = fromRows([]);
    const g = new RowGeometry();
    g.setRows(buildRows(d, computeStates(d, T, view())));
    expect(g.total).toBe(0);
    expect(g.range(0, 100)).toEqual([0, 0]);
  });
});
