// The overlay's flat rows (model/rows.ts) against the lists the rules give, built the plain
// recursive way from render-items.ts, on random threads through random views; and the states
// they are built from (visibility.ts, index-based) against the rules written over maps and sets.
import { describe, expect, it } from 'vitest';
import { allRows, buildRows, MAX_NEST, rowKey, type Row } from '../../../src/model/rows';
import { childItems, visibleChildren } from '../../../src/model/render-items';
import { computeStates, ownState, type ViewState } from '../../../src/model/visibility';
import { isKnownScore } from '../../../src/model/thresholds';
import type { Comment, DisplayState, Discussion, Thresholds } from '../../../src/model/types';
import { chain, fromRows, tree, view } from './helpers';
import { createRng, type Rng } from '../../hostile/rng';

const T: Thresholds = { full: 0, abbreviated: -1, breakthrough: 4 };

/** What a row shows, comparable across the two ways of building them. */
type Shown = string;
const shown = (r: Row): Shown =>
  r.kind === 'comment' ? `${r.key} ${r.state} @${r.level}` : `[${r.ids.join(',')}] ${r.count} @${r.level}`;

/** The rows the plain way: each list of replies as render-items.ts gives it, depth first. */
function reference(d: Discussion, states: { get(id: string): DisplayState | undefined }): Shown[] {
  const out: Shown[] = [];
  const todo: Array<{ items: ReturnType<typeof childItems>; at: number; level: number }> = [{ items: childItems(d.roots, states), at: 0, level: 0 }];
  while (todo.length > 0) {
    const top = todo[todo.length - 1]!;
    if (top.at >= top.items.length) {
      todo.pop();
      continue;
    }
    const item = top.items[top.at++]!;
    if (item.kind === 'placeholder') {
      out.push(`[${item.ids.join(',')}] ${item.count} @${Math.min(top.level, MAX_NEST)}`);
      continue;
    }
    const c = item.comment;
    out.push(`${c.id} ${states.get(c.id)} @${Math.min(c.depth, MAX_NEST)}`);
    if (c.children.length > 0) todo.push({ items: visibleChildren(c, states), at: 0, level: c.depth + 1 });
  }
  return out;
}

/** The rules over maps and sets, as they were written before they ran over arrays. */
function referenceStates(d: Discussion, t: Thresholds, v: ViewState): Map<string, DisplayState> {
  const owns = new Map<string, DisplayState>();
  const onPath = new Set<string>();
  const breaks = new Set<string>();
  for (let i = d.all.length - 1; i >= 0; i--) {
    const c = d.all[i]!;
    const o = ownState(c, t, v);
    owns.set(c.id, o);
    if (o !== 'hidden' && isKnownScore(c.score) && c.score >= t.breakthrough) breaks.add(c.id);
    if (c.parent !== null && (breaks.has(c.id) || onPath.has(c.id))) onPath.add(c.parent);
  }
  const states = new Map<string, DisplayState>();
  const concealing = new Set<string>();
  for (const c of d.all) {
    const o = owns.get(c.id)!;
    const parentState = c.parent === null ? undefined : states.get(c.parent);
    const concealed = c.parent !== null && concealing.has(c.parent);
    const fresh = !concealed || breaks.has(c.id) || (v.revealed.has(c.id) && (parentState === 'full' || parentState === 'abbreviated'));
    let state: DisplayState = fresh ? o : 'hidden';
    if (c.children.length > 0 && (!fresh || o === 'hidden' || o === 'collapsed')) concealing.add(c.id);
    if (state === 'hidden' && onPath.has(c.id)) state = v.collapsed.has(c.id) ? 'collapsed' : v.expanded.has(c.id) ? 'full' : 'abbreviated';
    states.set(c.id, state);
  }
  return states;
}

/** A random thread: each comment replies to one of the last `span` (or starts a thread). */
function randomThread(rng: Rng, n: number, span: number): Discussion {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const parent = i === 0 || rng.next() < 0.15 ? null : String(Math.max(0, i - 1 - Math.floor(rng.next() * Math.min(i, span))));
    const score = rng.next() < 0.05 ? null : Math.floor(rng.next() * 7) - 1;
    rows.push({ id: String(i), parent, score });
  }
  return fromRows(rows);
}

function randomView(rng: Rng, d: Discussion): ViewState {
  const pick = (p: number) => d.all.filter(() => rng.next() < p).map((c) => c.id);
  return view({ collapsed: pick(0.08), expanded: pick(0.08), revealed: pick(0.1) });
}

function randomThresholds(rng: Rng): Thresholds {
  const abbreviated = Math.floor(rng.next() * 7) - 1;
  return { abbreviated, full: Math.min(5, abbreviated + Math.floor(rng.next() * 3)), breakthrough: 1 + Math.floor(rng.next() * 5) };
}

describe('rows', () => {
  it('are the lists of render-items, flattened, with the rules’ states, on 600 random threads and views', () => {
    const rng = createRng(11);
    for (let k = 0; k < 600; k++) {
      const d = randomThread(rng, 1 + Math.floor(rng.next() * 120), k % 3 === 0 ? 3 : 40);
      const t = randomThresholds(rng);
      const v = randomView(rng, d);
      const states = computeStates(d, t, v);
      expect(Object.fromEntries(states), `thread ${k}`).toEqual(Object.fromEntries(referenceStates(d, t, v)));
      const rows = buildRows(d, states);
      expect(allRows(rows).map(shown), `thread ${k}`).toEqual(reference(d, states));
      expect(rows.comments).toBe(allRows(rows).filter((r) => r.kind === 'comment').length);
      for (let i = 0; i < rows.length; i++) expect(rowKey(rows, i)).toBe(allRows(rows)[i]!.key);
    }
  });

  it('say for every comment which row shows it: its own, its placeholder, or the collapsed comment folding it', () => {
    const rng = createRng(12);
    for (let k = 0; k < 200; k++) {
      const d = randomThread(rng, 80, 10);
      const states = computeStates(d, randomThresholds(rng), randomView(rng, d));
      const rows = buildRows(d, states);
      const list = allRows(rows);
      d.all.forEach((c, i) => {
        const row = list[rows.rowOf[i]!]!;
        if (states.get(c.id) !== 'hidden') return expect(row.key).toBe(c.id);
        // Hidden: under a placeholder (one of its ids is c or an ancestor of c) or folded away
        // by a collapsed ancestor.
        const ancestors: Comment[] = [];
        for (let a: Comment | undefined = c; a; a = a.parent === null ? undefined : d.byId.get(a.parent)) ancestors.push(a);
        if (row.kind === 'placeholder') expect(ancestors.some((a) => row.ids.includes(a.id))).toBe(true);
        else {
          expect(row.state).toBe('collapsed');
          expect(ancestors.slice(1).map((a) => a.id)).toContain(row.key);
        }
      });
    }
  });

  it('reuse the arrays of an earlier build of the same discussion, and match a fresh build', () => {
    const d = tree([['a', 5, [['b', -1, [['c', 5]]], ['d', -1], ['e', -1]]], ['f', 2]]);
    const strict = computeStates(d, { full: 3, abbreviated: 1, breakthrough: 5 }, view());
    const first = buildRows(d, computeStates(d, T, view()));
    const again = buildRows(d, strict, first);
    expect(again.index).toBe(first.index);
    expect(allRows(again).map(shown)).toEqual(allRows(buildRows(d, strict)).map(shown));
    expect(allRows(again).map(shown)).toEqual(['a full @0', 'b abbreviated @1', 'c full @2', '[d,e] 2 @1', 'f abbreviated @0']);
  });

  it(`indent ${MAX_NEST} levels and keep deeper replies at the last, in order`, () => {
    const d = chain(300, () => 3);
    const rows = allRows(buildRows(d, computeStates(d, T, view())));
    expect(rows.map((r) => r.level)).toEqual(d.all.map((c) => Math.min(c.depth, MAX_NEST)));
    // Collapsing one deep in the chain folds everything after it into its row.
    const folded = buildRows(d, computeStates(d, T, view({ collapsed: ['c100'] })));
    expect(folded.length).toBe(101);
    expect(allRows(folded).at(-1)).toMatchObject({ key: 'c100', state: 'collapsed', level: MAX_NEST });
    expect([...folded.rowOf.slice(100)].every((r) => r === 100)).toBe(true);
  });

  it('cost one pass on a 50,000-comment chain (no recursion)', () => {
    const d = chain(50_000, (i) => (i % 7) - 1);
    const rows = buildRows(d, computeStates(d, T, view()));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.rowOf).toHaveLength(50_000);
  });
});
