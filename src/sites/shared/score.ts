import type { Score } from '../../model/types';
import { MAX_SCORE, MIN_SCORE } from '../../model/types';

export interface ScoreText {
  score: Score;
  reason: string | null;
}

// Slash and rehash print "(Score:5, Insightful)", "(Score: 5, Insightful)", "Score: 5, Interesting",
// "(Score:-1)", sometimes with extra words ("Score:1, Funny) (1 child)"). Anything else is unknown,
// never a guess: an unknown score is shown, not hidden.
const SCORE_RE = /Score:\s*(-?\d+)\s*(?:,\s*(\p{L}[\p{L} -]*?))?\s*(?:\)|$|\s\()/u;

export function parseScoreText(text: string): ScoreText {
  const m = SCORE_RE.exec(cleanText(text));
  if (!m) return { score: null, reason: null };
  const n = Number(m[1]);
  const score = Number.isInteger(n) && n >= MIN_SCORE && n <= MAX_SCORE ? n : null;
  const reason = m[2]?.trim() || null;
  return { score, reason };
}

/** Collapses runs of white space, as the page shows text. */
export function cleanText(text: string | null | undefined): string {
  if (text == null) return '';
  // Trimmed first (the same string when there is nothing to trim): most texts cut out of a line
  // ("NICK " before "(Score:") need nothing more, and a test is cheaper than two new strings.
  const trimmed = text.trim();
  return INNER_RE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** White space inside a trimmed text that cleanText changes: other than a space, or two in a row. */
const INNER_RE = /[^\S ]|  /;
