import type { DisplayState, Score, Thresholds } from './types';
import { MAX_SCORE, MIN_SCORE } from './types';

/**
 * Slashdot's own defaults: reading threshold 0 and highlight ("breakthrough") threshold 4.
 * Comments below the threshold appear there as one-line "Comment Below Threshold" stubs, so
 * the one-line tier starts at the lowest score: by default nothing is hidden outright.
 */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze({ full: 0, abbreviated: -1, breakthrough: 4 });

export type ThresholdField = keyof Thresholds;

/** The tier a comment's score alone gives it (no collapse, no ancestors). */
export type Tier = Exclude<DisplayState, 'collapsed'>;

function clampField(value: unknown, field: ThresholdField): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_THRESHOLDS[field];
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(value)));
}

/**
 * Makes any stored or typed-in value usable: each field an integer in -1..5 (anything not a
 * finite number falls back to its default), and `abbreviated <= full`.
 *
 * When both fields are valid but out of order and we cannot know which one the user meant,
 * `full` wins (it is the main "threshold" of the site) and `abbreviated` is lowered to it.
 * For a single user change, use `withThreshold`, where the changed field wins.
 */
export function normalizeThresholds(t: Partial<Record<ThresholdField, unknown>> | null | undefined): Thresholds {
  const full = clampField(t?.full, 'full');
  const abbreviated = Math.min(clampField(t?.abbreviated, 'abbreviated'), full);
  const breakthrough = clampField(t?.breakthrough, 'breakthrough');
  return { full, abbreviated, breakthrough };
}

/**
 * Applies one user change. The field just changed wins: raising `abbreviated` above `full`
 * raises `full` with it, lowering `full` below `abbreviated` lowers `abbreviated` with it.
 * `breakthrough` is independent of the other two.
 */
export function withThreshold(t: Thresholds, field: ThresholdField, value: number): Thresholds {
  const next = normalizeThresholds(t);
  // A non-number (an emptied input box) is no change, rather than a jump to the default.
  if (!Number.isFinite(value)) return next;
  const v = clampField(value, field);
  if (field === 'full') {
    next.full = v;
    if (next.abbreviated > v) next.abbreviated = v;
  } else if (field === 'abbreviated') {
    next.abbreviated = v;
    if (next.full < v) next.full = v;
  } else {
    next.breakthrough = v;
  }
  return next;
}

/** A known score is "known" only when it is a finite number; anything else is unranked. */
export function isKnownScore(score: Score): score is number {
  return typeof score === 'number' && Number.isFinite(score);
}

/**
 * The tier a score earns. An unknown score counts as full: we never hide what we cannot rank.
 */
export function tierOf(score: Score, t: Thresholds): Tier {
  if (!isKnownScore(score)) return 'full';
  if (score >= t.full) return 'full';
  if (score >= t.abbreviated) return 'abbreviated';
  return 'hidden';
}
