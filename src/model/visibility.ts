import type { TierCounts } from '../shared/messages';
import { isKnownScore, tierOf } from './thresholds';
import type { Comment, DisplayState, Discussion, Thresholds } from './types';
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
 * to find the ancestors of breakthroughs; no recursion, O(n).
 */
export function computeStates(d: Discussion, t: Thresholds, v: ViewState): Map<string, DisplayState> {
  const n = d.all.length;
  const owns: DisplayState[] = new Array<DisplayState>(n);
  const breaks: boolean[] = new Array<boolean>(n);

  // Pass up: each comment's own state, and which comments have a breakthrough below them.
  const onPath = new Set<string>();
  for (let i = n - 1; i >= 0; i--) {
    const c = d.all[i]!;
    const o = ownState(c, t, v);
    owns[i] = o;
    breaks[i] = o !== 'hidden' && isKnownScore(c.score) && c.score >= t.breakthrough;
    if (c.parent !== null && (breaks[i] || onPath.has(c.id))) onPath.add(c.parent);
  }

  // Pass down: each comment's state, and whether its replies sit in a hidden or collapsed
  // subtree ("concealed": only breakthroughs and rule-5 reveals show there).
  const states = new Map<string, DisplayState>();
  const concealing = new Set<string>();
  for (let i = 0; i < n; i++) {
    const c = d.all[i]!;
    const o = owns[i]!;
    const parentState = c.parent === null ? undefined : states.get(c.parent);
    const concealed = c.parent !== null && concealing.has(c.parent);
    const fresh =
      !concealed ||
      breaks[i]! ||
      (v.revealed.has(c.id) && (parentState === 'full' || parentState === 'abbreviated'));

    // A fresh comment conceals its replies when it is itself hidden or collapsed; one that is
    // not fresh is hidden (or only a path one-liner below), so its replies stay concealed.
    let state: DisplayState = fresh ? o : 'hidden';
    if (c.children.length > 0 && (!fresh || o === 'hidden' || o === 'collapsed')) concealing.add(c.id);
    if (state === 'hidden' && onPath.has(c.id)) {
      state = v.collapsed.has(c.id) ? 'collapsed' : v.expanded.has(c.id) ? 'full' : 'abbreviated';
    }
    states.set(c.id, state);
  }
  return states;
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
export function countTiers(states: ReadonlyMap<string, DisplayState>): TierCounts {
  const counts: TierCounts = { full: 0, abbreviated: 0, hidden: 0 };
  for (const s of states.values()) {
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
