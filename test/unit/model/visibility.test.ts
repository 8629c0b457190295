import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../../src/model/thresholds';
import type { DisplayState, Thresholds } from '../../../src/model/types';
import { computeStates, countTiers, EMPTY_VIEW, scoreHistogram } from '../../../src/model/visibility';
import { chain, fromRows, type Spec, statesOf, tree, view } from './helpers';

// full at 1+, one-liners at 0, hidden at -1, breakthrough at 4+
const T: Thresholds = { full: 1, abbreviated: 0, breakthrough: 4 };

type Row = [name: string, specs: Spec[], t: Thresholds, v: ReturnType<typeof view>, expected: Record<string, DisplayState>];

describe('computeStates: tiers by score', () => {
  it.each<Row>([
    ['defaults hide nothing', [['a', -1, [['b', 0, [['c', 5]]]]], ['d', null]], DEFAULT_THRESHOLDS, view(),
      { a: 'abbreviated', b: 'full', c: 'full', d: 'full' }],
    ['each tier boundary', [['f1', 1], ['f5', 5], ['a0', 0], ['h', -1]], T, view(),
      { f1: 'full', f5: 'full', a0: 'abbreviated', h: 'hidden' }],
    ['unknown score is full even at the highest thresholds', [['u', null], ['k', 4]], { full: 5, abbreviated: 5, breakthrough: 5 }, view(),
      { u: 'full', k: 'hidden' }],
    ['an abbreviated parent does not affect its children', [['a', 0, [['b', 3], ['c', -1]]]], T, view(),
      { a: 'abbreviated', b: 'full', c: 'hidden' }],
  ])('%s', (_n, specs, t, v, expected) => {
    expect(statesOf(tree(specs), t, v)).toEqual(expected);
  });
});

describe('computeStates: hidden and collapsed subtrees', () => {
  it.each<Row>([
    ['a hidden parent hides its whole subtree', [['a', -1, [['b', 3, [['c', 2]]], ['d', 0]]], ['e', 1]], T, view(),
      { a: 'hidden', b: 'hidden', c: 'hidden', d: 'hidden', e: 'full' }],
    ['a collapsed comment is one line and hides its replies', [['a', 2, [['b', 3, [['c', 2]]]]], ['e', 1]], T, view({ collapsed: ['a'] }),
      { a: 'collapsed', b: 'hidden', c: 'hidden', e: 'full' }],
    ['an abbreviated comment can be collapsed', [['a', 0, [['b', 3]]]], T, view({ collapsed: ['a'] }),
      { a: 'collapsed', b: 'hidden' }],
    ['a collapsed comment inside a hidden subtree stays hidden', [['a', -1, [['b', 3, [['c', 2]]]]]], T, view({ collapsed: ['b'] }),
      { a: 'hidden', b: 'hidden', c: 'hidden' }],
    ['collapsing a hidden comment changes nothing', [['a', -1, [['b', 3]]]], T, view({ collapsed: ['a'] }),
      { a: 'hidden', b: 'hidden' }],
    ['collapse nested in collapse', [['a', 2, [['b', 2, [['c', 2]]]]]], T, view({ collapsed: ['a', 'b'] }),
      { a: 'collapsed', b: 'hidden', c: 'hidden' }],
  ])('%s', (_n, specs, t, v, expected) => {
    expect(statesOf(tree(specs), t, v)).toEqual(expected);
  });
});

describe('computeStates: breakthrough', () => {
  it.each<Row>([
    ['inside a hidden subtree: shown, ancestors become one-liners, siblings stay hidden',
      [['a', -1, [['b', 2, [['c', 4], ['x', 2]]], ['y', 3]]]], T, view(),
      { a: 'abbreviated', b: 'abbreviated', c: 'full', x: 'hidden', y: 'hidden' }],
    ['one below the breakthrough level stays hidden', [['a', -1, [['b', 3]]]], T, view(),
      { a: 'hidden', b: 'hidden' }],
    ['inside a collapsed subtree: shown, the collapsed ancestor stays collapsed',
      [['a', 2, [['b', 2, [['c', 5]]], ['x', 3]]]], T, view({ collapsed: ['a'] }),
      { a: 'collapsed', b: 'abbreviated', c: 'full', x: 'hidden' }],
    ['a collapsed ancestor inside a hidden subtree shows collapsed on the path',
      [['a', -1, [['b', 2, [['c', 5], ['x', 2]]]]]], T, view({ collapsed: ['b'] }),
      { a: 'abbreviated', b: 'collapsed', c: 'full', x: 'hidden' }],
    ['a breakthrough comment the user collapsed is collapsed, its replies hidden',
      [['a', -1, [['b', 5, [['c', 2]]]]]], T, view({ collapsed: ['b'] }),
      { a: 'abbreviated', b: 'collapsed', c: 'hidden' }],
    ['replies of a breakthrough follow the normal rules (fresh subtree)',
      [['a', -1, [['b', 4, [['c', 2], ['d', 0], ['e', -1, [['f', 2]]]]]]]], T, view(),
      { a: 'abbreviated', b: 'full', c: 'full', d: 'abbreviated', e: 'hidden', f: 'hidden' }],
    ['fresh subtree under a breakthrough inside a collapsed comment too',
      [['a', 2, [['b', 5, [['c', 2]]]]]], T, view({ collapsed: ['a'] }),
      { a: 'collapsed', b: 'full', c: 'full' }],
    ['a breakthrough below a breakthrough', [['a', -1, [['b', 5, [['c', -1, [['d', 5]]]]]]]], T, view(),
      { a: 'abbreviated', b: 'full', c: 'abbreviated', d: 'full' }],
    ['a top-level breakthrough is just full', [['a', 5, [['b', -1]]]], T, view(),
      { a: 'full', b: 'hidden' }],
    ['unknown scores never break through', [['a', -1, [['b', null]]]], T, view(),
      { a: 'hidden', b: 'hidden' }],
    ['breakthrough below full shows its own tier, no more than at top level',
      [['a', -1, [['b', 2]]]], { full: 3, abbreviated: 1, breakthrough: 2 }, view(),
      { a: 'abbreviated', b: 'abbreviated' }],
    ['a comment hidden by its own score never breaks through',
      [['a', -1, [['b', 1]]]], { full: 3, abbreviated: 2, breakthrough: 0 }, view(),
      { a: 'hidden', b: 'hidden' }],
    ['a user-expanded path ancestor is full, its other replies stay hidden',
      [['a', -1, [['b', 2], ['c', 5]]]], T, view({ expanded: ['a'] }),
      { a: 'full', b: 'hidden', c: 'full' }],
  ])('%s', (_n, specs, t, v, expected) => {
    expect(statesOf(tree(specs), t, v)).toEqual(expected);
  });
});

describe('computeStates: expanded and revealed', () => {
  it.each<Row>([
    ['expanded turns a one-liner full', [['a', 0], ['b', 0]], T, view({ expanded: ['a'] }),
      { a: 'full', b: 'abbreviated' }],
    ['expanded does not show a hidden comment', [['a', -1]], T, view({ expanded: ['a'] }),
      { a: 'hidden' }],
    ['revealed turns hidden into a one-liner', [['a', -1], ['b', -1]], T, view({ revealed: ['a'] }),
      { a: 'abbreviated', b: 'hidden' }],
    ['revealed and expanded is full', [['a', -1]], T, view({ revealed: ['a'], expanded: ['a'] }),
      { a: 'full' }],
    ['revealed does not lower a full comment', [['a', 3]], T, view({ revealed: ['a'] }),
      { a: 'full' }],
    ['replies of a revealed comment follow the normal rules',
      [['a', -1, [['b', 3], ['c', -1]]]], T, view({ revealed: ['a'] }),
      { a: 'abbreviated', b: 'full', c: 'hidden' }],
    ['a revealed reply under a path one-liner is shown by its own score',
      [['a', -1, [['b', 2, [['d', 2]]], ['c', 5]]]], T, view({ revealed: ['b'] }),
      { a: 'abbreviated', b: 'full', c: 'full', d: 'full' }],
    ['a revealed reply under a path one-liner in a collapsed subtree is shown',
      [['p', 2, [['q', 2, [['s', 0], ['r', 5]]]]]], T, view({ collapsed: ['p'], revealed: ['s'] }),
      { p: 'collapsed', q: 'abbreviated', s: 'abbreviated', r: 'full' }],
    ['collapsing hides replies revealed or expanded before',
      [['a', 2, [['b', -1], ['c', 0]]]], T, view({ collapsed: ['a'], revealed: ['b'], expanded: ['b', 'c'] }),
      { a: 'collapsed', b: 'hidden', c: 'hidden' }],
    ['a revealed comment deep in a hidden subtree with no shown parent stays hidden',
      [['a', -1, [['b', 2, [['c', 2]]]]]], T, view({ revealed: ['c'] }),
      { a: 'hidden', b: 'hidden', c: 'hidden' }],
  ])('%s', (_n, specs, t, v, expected) => {
    expect(statesOf(tree(specs), t, v)).toEqual(expected);
  });
});

describe('computeStates: size', () => {
  it('a 5,000-deep hidden chain with a breakthrough at the bottom', () => {
    const n = 5000;
    const d = chain(n, (i) => (i === n - 1 ? 5 : -1));
    const states = computeStates(d, T, EMPTY_VIEW);
    expect(states.size).toBe(n);
    expect(states.get('c' + (n - 1))).toBe('full');
    expect(countTiers(states)).toEqual({ full: 1, abbreviated: n - 1, hidden: 0 });
  });

  it('a 5,000-deep chain collapsed at the root', () => {
    const n = 5000;
    const d = chain(n, () => 2);
    const states = computeStates(d, T, view({ collapsed: ['c0'] }));
    expect(states.get('c0')).toBe('collapsed');
    expect(countTiers(states)).toEqual({ full: 0, abbreviated: 1, hidden: n - 1 });
  });

  it('50,000 comments in a branchy, deep tree keep the invariants', () => {
    const n = 50_000;
    // Comments 2, 5, 8, ... form a spine about 16,000 deep; every third comment hangs off
    // it, and every 97th of those is moved to a shallow parent so some comments get many replies.
    const rows = Array.from({ length: n }, (_, i) => {
      const raw = ((i * 7) % 8) - 2;
      const parent = i === 0 ? null : 'n' + (i % 3 === 0 && i % 97 === 0 ? Math.floor(i / 97) : Math.max(0, i - 1 - (i % 3)));
      return { id: 'n' + i, parent, score: raw < -1 ? null : raw };
    });
    const d = fromRows(rows);
    expect(d.all.reduce((m, c) => Math.max(m, c.depth), 0)).toBeGreaterThan(10_000);
    const states = computeStates(d, T, view({ collapsed: ['n5', 'n300'] }));
    expect(states.size).toBe(n);
    const tiers = countTiers(states);
    expect(tiers.full + tiers.abbreviated + tiers.hidden).toBe(n);
    expect(tiers.hidden).toBeGreaterThan(0);
    const hiddenBreakthroughs: string[] = [];
    const shownUnderHidden: string[] = [];
    for (const c of d.all) {
      const s = states.get(c.id)!;
      if (c.score !== null && c.score >= T.breakthrough && s === 'hidden') hiddenBreakthroughs.push(c.id);
      if (s !== 'hidden' && c.parent !== null && states.get(c.parent) === 'hidden') shownUnderHidden.push(c.id);
    }
    expect(hiddenBreakthroughs).toEqual([]);
    expect(shownUnderHidden).toEqual([]);
  });
});

describe('countTiers', () => {
  it.each<[string, DisplayState[], { full: number; abbreviated: number; hidden: number }]>([
    ['empty', [], { full: 0, abbreviated: 0, hidden: 0 }],
    ['one of each, collapsed counts as abbreviated', ['full', 'abbreviated', 'collapsed', 'hidden'], { full: 1, abbreviated: 2, hidden: 1 }],
    ['all hidden', ['hidden', 'hidden'], { full: 0, abbreviated: 0, hidden: 2 }],
  ])('%s', (_n, list, expected) => {
    expect(countTiers(new Map(list.map((s, i) => [String(i), s])))).toEqual(expected);
  });
});

describe('scoreHistogram', () => {
  it.each<[string, Spec[], number[], number]>([
    ['empty', [], [0, 0, 0, 0, 0, 0, 0], 0],
    ['every score once', [['a', -1], ['b', 0], ['c', 1], ['d', 2], ['e', 3], ['f', 4], ['g', 5]], [1, 1, 1, 1, 1, 1, 1], 0],
    ['nested and unknown', [['a', 5, [['b', 5, [['c', null]]], ['d', -1]]], ['e', null]], [1, 0, 0, 0, 0, 0, 2], 2],
    ['out-of-range counts as unknown', [['a', 7], ['b', -2], ['c', 1.5]], [0, 0, 0, 0, 0, 0, 0], 3],
  ])('%s', (_n, specs, byScore, unknown) => {
    expect(scoreHistogram(tree(specs))).toEqual({ byScore, unknown });
  });
});
