import { describe, expect, it } from 'vitest';
import { childItems, type RenderItem, subtreeSize, visibleChildren } from '../../../src/model/render-items';
import type { Thresholds } from '../../../src/model/types';
import { computeStates, countTiers, EMPTY_VIEW } from '../../../src/model/visibility';
import { chain, fromRows, get, type Spec, tree, view } from './helpers';

const T: Thresholds = { full: 1, abbreviated: 0, breakthrough: 4 };

/** "id" for a comment, "key[ids]=count" for a placeholder. */
const show = (items: RenderItem[]): string[] =>
  items.map((it) => (it.kind === 'comment' ? it.comment.id : `${it.key}[${it.ids.join(',')}]=${it.count}`));

describe('childItems', () => {
  it.each<[string, Spec[], ReturnType<typeof view>, string[]]>([
    ['nothing hidden: comments only', [['a', 2], ['b', 0]], view(), ['a', 'b']],
    ['all hidden: one placeholder', [['a', -1], ['b', -1]], view(), ['ph:a[a,b]=2']],
    ['consecutive hidden siblings share one placeholder, counting their hidden replies',
      [['a', 2], ['b', -1], ['c', -1, [['d', -1], ['e', 3, [['f', 2]]]]], ['g', 3], ['h', -1]], view(),
      ['a', 'ph:b[b,c]=5', 'g', 'ph:h[h]=1']],
    ['runs are not merged across a shown comment', [['a', -1], ['b', 0], ['c', -1]], view(),
      ['ph:a[a]=1', 'b', 'ph:c[c]=1']],
    ['revealing the first of a run moves the key to the next', [['a', -1], ['b', -1], ['c', -1]], view({ revealed: ['a'] }),
      ['a', 'ph:b[b,c]=2']],
    ['revealing the middle splits the run', [['a', -1], ['b', -1], ['c', -1]], view({ revealed: ['b'] }),
      ['ph:a[a]=1', 'b', 'ph:c[c]=1']],
    ['a hidden comment with a breakthrough below is shown as a path, not folded',
      [['a', -1, [['b', 5]]], ['c', -1]], view(), ['a', 'ph:c[c]=1']],
  ])('%s', (_n, specs, v, expected) => {
    const d = tree(specs);
    expect(show(childItems(d.roots, computeStates(d, T, v)))).toEqual(expected);
  });

  it('placeholder keys are stable across renders and a changing count', () => {
    const d = tree([['a', -1], ['b', -1, [['c', -1]]]]);
    const before = childItems(d.roots, computeStates(d, T, EMPTY_VIEW));
    const again = childItems(d.roots, computeStates(d, T, EMPTY_VIEW));
    expect(again).toEqual(before);
    // Revealing b shows it; the run that remains still starts with a, so its key is unchanged.
    const after = childItems(d.roots, computeStates(d, T, view({ revealed: ['b'] })));
    expect(show(before)).toEqual(['ph:a[a,b]=3']);
    expect(show(after)).toEqual(['ph:a[a]=1', 'b']);
  });

  it('placeholders under a path one-liner count the hidden siblings of the path', () => {
    const d = tree([['a', -1, [['x', 2, [['y', 2]]], ['b', 5], ['z', 3]]]]);
    const states = computeStates(d, T, EMPTY_VIEW);
    expect(states.get('a')).toBe('abbreviated');
    expect(show(visibleChildren(get(d, 'a'), states))).toEqual(['ph:x[x]=2', 'b', 'ph:z[z]=1']);
  });
});

describe('visibleChildren', () => {
  it.each<[string, Spec[], ReturnType<typeof view>, string, string[]]>([
    ['a collapsed comment shows only its breakthrough paths, no placeholders',
      [['p', 2, [['a', 2], ['b', 1, [['c', 5]]], ['d', -1]]]], view({ collapsed: ['p'] }), 'p', ['b']],
    ['a collapsed comment with no breakthrough below shows nothing', [['p', 2, [['a', 2], ['b', 3]]]], view({ collapsed: ['p'] }), 'p', []],
    ['a full comment gets childItems', [['p', 2, [['a', 2], ['b', -1], ['d', -1]]]], view(), 'p', ['a', 'ph:b[b,d]=2']],
    ['an abbreviated comment gets childItems', [['p', 0, [['a', -1], ['b', 0]]]], view(), 'p', ['ph:a[a]=1', 'b']],
    ['a leaf has no items', [['p', 2]], view(), 'p', []],
  ])('%s', (_n, specs, v, id, expected) => {
    const d = tree(specs);
    expect(show(visibleChildren(get(d, id), computeStates(d, T, v)))).toEqual(expected);
  });
});

describe('subtreeSize', () => {
  it.each<[string, Spec[], string, number]>([
    ['leaf', [['a', 1]], 'a', 0],
    ['children and grandchildren', [['a', 1, [['b', 1, [['c', 1], ['d', 1]]], ['e', 1]]]], 'a', 4],
    ['a middle comment', [['a', 1, [['b', 1, [['c', 1], ['d', 1]]], ['e', 1]]]], 'b', 2],
  ])('%s', (_n, specs, id, expected) => {
    expect(subtreeSize(get(tree(specs), id))).toBe(expected);
  });

  it('a 5,000-deep chain', () => {
    const d = chain(5000, () => 1);
    expect(subtreeSize(get(d, 'c0'))).toBe(4999);
    expect(subtreeSize(get(d, 'c4000'))).toBe(999);
  });
});

describe('size', () => {
  it('50,000 flat comments: every hidden one in exactly one placeholder', () => {
    const n = 50_000;
    // Score -1 every 7th comment, the rest 0..5: each hidden comment stands alone.
    const d = fromRows(Array.from({ length: n }, (_, i) => ({ id: 'n' + i, parent: null, score: (i % 7) - 1 })));
    const states = computeStates(d, T, EMPTY_VIEW);
    const items = childItems(d.roots, states);
    const placeholders = items.filter((it) => it.kind === 'placeholder');
    const hidden = countTiers(states).hidden;
    expect(hidden).toBe(Math.ceil(n / 7));
    expect(placeholders).toHaveLength(hidden);
    expect(items).toHaveLength(n);
  });

  it('a 5,000-deep hidden chain folds into one placeholder of 5,000', () => {
    const d = chain(5000, () => -1);
    const states = computeStates(d, T, EMPTY_VIEW);
    expect(show(childItems(d.roots, states))).toEqual(['ph:c0[c0]=5000']);
  });

  it('a 5,000-deep chain under a collapsed root: the breakthrough path only', () => {
    const d = chain(5000, (i) => (i === 4999 ? 5 : 2));
    const states = computeStates(d, T, view({ collapsed: ['c0'] }));
    // Walk down the rendered tree as the overlay would, without recursion.
    const seen: string[] = [];
    const todo = [...childItems(d.roots, states)];
    while (todo.length > 0) {
      const it = todo.pop()!;
      if (it.kind !== 'comment') throw new Error('unexpected placeholder ' + it.key);
      seen.push(it.comment.id);
      todo.push(...visibleChildren(it.comment, states));
    }
    expect(seen).toHaveLength(5000);
    expect(states.get('c0')).toBe('collapsed');
    expect(states.get('c1')).toBe('abbreviated');
    expect(states.get('c4999')).toBe('full');
  });
});

describe('every click does something (seeded random trees)', () => {
  // A small LCG so the trees are the same on every run.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }

  function randomCase(seed: number) {
    const r = rng(seed);
    const n = 5 + Math.floor(r() * 40);
    const rows = Array.from({ length: n }, (_, i) => ({
      id: 'n' + i,
      parent: i === 0 || r() < 0.15 ? null : 'n' + Math.floor(r() * i),
      score: r() < 0.1 ? null : Math.floor(r() * 7) - 1,
    }));
    const pick = (p: number) => rows.filter(() => r() < p).map((x) => x.id);
    return { d: fromRows(rows), v: view({ collapsed: pick(0.15), expanded: pick(0.1), revealed: pick(0.1) }) };
  }

  /** What the overlay would show: items reached from the roots through visibleChildren. */
  function rendered(d: ReturnType<typeof fromRows>, states: ReturnType<typeof computeStates>) {
    const comments: string[] = [];
    const placeholders: string[][] = [];
    const todo = [...childItems(d.roots, states)];
    while (todo.length > 0) {
      const it = todo.pop()!;
      if (it.kind === 'placeholder') placeholders.push(it.ids);
      else {
        comments.push(it.comment.id);
        todo.push(...visibleChildren(it.comment, states));
      }
    }
    return { comments, placeholders };
  }

  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it.each(seeds)('seed %i: rendering reaches exactly the shown comments; revealing and expanding always show more', (seed) => {
    const { d, v } = randomCase(seed);
    const states = computeStates(d, T, v);
    const { comments, placeholders } = rendered(d, states);
    const shown = d.all.filter((c) => states.get(c.id) !== 'hidden').map((c) => c.id);
    expect([...comments].sort()).toEqual([...shown].sort());

    for (const ids of placeholders) {
      const after = computeStates(d, T, { ...v, revealed: new Set([...v.revealed, ...ids]) });
      for (const id of ids) expect(after.get(id), `revealing ${id}`).not.toBe('hidden');
    }
    for (const id of comments) {
      if (states.get(id) !== 'abbreviated') continue;
      const after = computeStates(d, T, { ...v, expanded: new Set([...v.expanded, id]) });
      expect(after.get(id), `expanding ${id}`).toBe('full');
    }
    for (const id of comments) {
      if (states.get(id) !== 'collapsed') continue;
      const collapsed = new Set(v.collapsed);
      collapsed.delete(id);
      const after = computeStates(d, T, { ...v, collapsed });
      expect(after.get(id), `uncollapsing ${id}`).not.toBe('collapsed');
    }
  });
});
