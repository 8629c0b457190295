import type { TierCounts } from '../shared/messages';
import { isKnownScore, tierOf } from './thresholds';
import type { Comment, DisplayState, Discussion, Score, Thresholds } from './types';
import { shapeOf } from './shape';
import { ABBREVIATED, COLLAPSED, FULL, HIDDEN, StateTable } from './state-table';
import { MAX_SCORE, MIN_SCORE } from './types';

/** What the reader did on this page view (comment site ids). */
export interface ViewState {
  /** Comments the user collapsed to one line (their replies hide too). */
  collapsed: ReadonlySet<string>;
  /** One-liners the user clicked open: shown whole. */
  expanded: ReadonlySet<string>;
  /** Comments behind a "N below threshold — show" placeholder the user opened: shown (as one-liners at least). */
  revealed: ReadonlySet<string>;
}

export const EMPTY_VIEW: ViewState = Object.freeze({
  collapsed: new Set<string>(),
  expanded: new Set<string>(),
  revealed: new Set<string>(),
});

/**
 * The display state of every comment (Slashdot's tiers). Rules, in order:
 *
 * 1. A comment's own state comes from its score (`tierOf`); `revealed` lifts hidden to
 *    abbreviated, then `expanded` lifts abbreviated to full; a user-collapsed comment that
 *    is not hidden is `collapsed`.
 * 2. A hidden comment hides its whole subtree; a collapsed one hides its replies.
 * 3. Breakthrough: a comment with a known score >= `t.breakthrough` whose own state is not
 *    hidden is always shown, even inside such a subtree, with its own state (`full` with
 *    sane settings, `collapsed` if the user collapsed it; never more than it would get at
 *    the top level). Its replies start afresh: they follow rules 1-2 as under any shown
 *    comment, not the concealment of the ancestors above it.
 * 4. Every ancestor of a breakthrough that would be hidden is shown as a one-liner on the
 *    path (`abbreviated`), so the context stays clear; one the user collapsed stays
 *    `collapsed` (its other replies stay out of sight), one the user clicked open is `full`.
 *    The path does not open the rest of their subtrees: their other replies stay hidden.
 * 5. Inside a hidden or collapsed subtree, a reply of a shown, non-collapsed path comment
 *    that the user revealed (from the placeholder under that path comment) is shown with its
 *    own state and starts afresh like a breakthrough. Replies right under a collapsed comment
 *    never show this way: collapsing hides them even if revealed earlier.
 *
 * One pass down `d.all` (document pre-order: parents before children) after one pass up it
 * to find the ancestors of breakthroughs; no recursion, O(n), over arrays by index (shape.ts).
 */
export function computeStates(d: Discussion, t: Thresholds, v: ViewState): StateTable {
  const n = d.all.length;
  const { parent, index } = shapeOf(d);
  // Working space, kept between calls (a change on a big thread allocates only its result).
  if (scratch.length < 2 * n) scratch = new Uint8Array(2 * n);
  const owns = scratch.subarray(0, n);
  // Bits per comment: it breaks through; it is on the path to one below it; its replies are
  // concealed (in a hidden or collapsed subtree: only breakthroughs and rule-5 reveals show).
  const BREAKS = 1;
  const ON_PATH = 2;
  const CONCEALING = 4;
  const bits = scratch.subarray(n, 2 * n).fill(0);
  // What the reader clicked, as bits by index: a handful of ids, looked up once each here
  // rather than three set lookups per comment below.
  const C = 1;
  const E = 2;
  const R = 4;
  if (clickScratch.length < n) clickScratch = new Uint8Array(n);
  const clicks = clickScratch.subarray(0, n).fill(0);

  for (const [set, bit] of [[v.collapsed, C], [v.expanded, E], [v.revealed, R]] as const) {
    for (const id of set) {
      const i = index.get(id);
      if (i !== undefined) clicks[i]! |= bit;
    }
  }

  // Pass up: each comment's own state, and which comments have a breakthrough below them.
  for (let i = n - 1; i >= 0; i--) {
    const c = d.all[i]!;
    let o = ownCode(c.score, t);
    const k = clicks[i]!;
    if (k !== 0) {
      // Rule 1 (ownState): revealed lifts hidden, expanded lifts a one-liner, collapsed folds.
      if (o === HIDDEN && k & R) o = ABBREVIATED;
      if (o === ABBREVIATED && k & E) o = FULL;
      if (o !== HIDDEN && k & C) o = COLLAPSED;
    }
    owns[i] = o;
    if (o !== HIDDEN && isKnownScore(c.score) && c.score >= t.breakthrough) bits[i]! |= BREAKS;
    const p = parent[i]!;
    if (p >= 0 && bits[i]! & (BREAKS | ON_PATH)) bits[p]! |= ON_PATH;
  }

  // Pass down: each comment's state from its own and its parent's.
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = owns[i]!;
    const p = parent[i]!;
    const b = bits[i]!;
    const concealed = p >= 0 && (bits[p]! & CONCEALING) !== 0;
    let fresh = !concealed || (b & BREAKS) !== 0;
    if (!fresh && clicks[i]! & R) {
      const ps = codes[p]!;
      fresh = ps === FULL || ps === ABBREVIATED;
    }
    // A fresh comment conceals its replies when it is itself hidden or collapsed; one that is
    // not fresh is hidden (or only a path one-liner below), so its replies stay concealed.
    let state = fresh ? o : HIDDEN;
    if (!fresh || o === HIDDEN || o === COLLAPSED) bits[i]! |= CONCEALING;
    if (state === HIDDEN && b & ON_PATH) state = clicks[i]! & C ? COLLAPSED : clicks[i]! & E ? FULL : ABBREVIATED;
    codes[i] = state;
  }
  return new StateTable(d, codes);
}

let scratch = new Uint8Array(0);
let clickScratch = new Uint8Array(0);

/** Rule 1 for a comment nobody clicked: its score's tier. */
function ownCode(score: Score, t: Thresholds): number {
  if (!isKnownScore(score) || score >= t.full) return FULL;
  return score >= t.abbreviated ? ABBREVIATED : HIDDEN;
}

/** Rule 1: the state a comment gets from its score and the reader's clicks, ignoring ancestors. */
export function ownState(c: Comment, t: Thresholds, v: ViewState): DisplayState {
  let tier: DisplayState = tierOf(c.score, t);
  if (tier === 'hidden' && v.revealed.has(c.id)) tier = 'abbreviated';
  if (tier === 'abbreviated' && v.expanded.has(c.id)) tier = 'full';
  if (tier !== 'hidden' && v.collapsed.has(c.id)) tier = 'collapsed';
  return tier;
}

/** Per-tier counts for the popup; a collapsed comment is shown as one line, so it counts as abbreviated. */
export function countTiers(states: ReadonlyMap<string, DisplayState> | StateTable): TierCounts {
  const counts: TierCounts = { full: 0, abbreviated: 0, hidden: 0 };
  if (states instanceof StateTable) {
    const by = [0, 0, 0, 0];
    const codes = states.codes;
    for (let i = 0; i < codes.length; i++) by[codes[i]!]!++;
    return { full: by[FULL]!, abbreviated: by[ABBREVIATED]! + by[COLLAPSED]!, hidden: by[HIDDEN]! };
  }
  for (const [, s] of states) {
    if (s === 'collapsed') counts.abbreviated++;
    else counts[s]++;
  }
  return counts;
}

export interface ScoreHistogram {
  /** Index 0 is score -1 ... index 6 is score 5. */
  byScore: number[];
  /** Comments whose score the page did not give (or gave outside -1..5). */
  unknown: number;
}

export function scoreHistogram(d: Discussion): ScoreHistogram {
  const byScore = new Array<number>(MAX_SCORE - MIN_SCORE + 1).fill(0);
  let unknown = 0;
  for (const c of d.all) {
    const s = c.score;
    if (isKnownScore(s) && Number.isInteger(s) && s >= MIN_SCORE && s <= MAX_SCORE) byScore[s - MIN_SCORE]!++;
    else unknown++;
  }
  return { byScore, unknown };
}
