import type { Comment, HighlightReason } from './types';

export interface HighlightRules {
  /** Nicknames, matched case-insensitively after trimming; empty entries are ignored. */
  users: string[];
  /** Words or phrases, matched as whole words case-insensitively in titles and texts. */
  keywords: string[];
  /** The story's submitter, `null` when the page does not show one. */
  submitter: string | null;
  highlightSubmitter: boolean;
}

/** Rules compiled once per settings change, then applied to every comment. */
export interface Highlighter {
  /** Lower-cased, trimmed nicknames. */
  readonly users: ReadonlySet<string>;
  /** Lower-cased submitter nickname when submitter highlighting is on and known. */
  readonly submitter: string | null;
  /** All keywords in one expression (no `g` flag, so `test` keeps no state); `null` when none. */
  readonly keywords: RegExp | null;
  /** The same expression with the `g` flag, for finding every match. */
  readonly keywordsAll: RegExp | null;
}

const normName = (s: string): string => s.trim().toLowerCase();

// Letters, digits and underscore of any script count as word characters, so "über" is a word.
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}_])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}_])';

/** Escapes every character that has a meaning in a `u`-flag pattern (other escapes are errors there). */
const escapeRe = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * One keyword as a pattern. "Whole word" is only asked where the keyword's own edge is a word
 * character: "C++" must not match inside "ABC++" but matches in "C++," and "C++11" (after a
 * "+" there is no word to cut), and "?!" matches right after "what". Inner white space matches any run of white space, so a phrase still
 * matches across a line break.
 */
function keywordPattern(k: string): string {
  const body = k.split(/\s+/).map(escapeRe).join('\\s+');
  const chars = Array.from(k); // code points, so an emoji at an edge is one character
  const head = WORD_CHAR.test(chars[0]!) ? NOT_AFTER_WORD : '';
  const tail = WORD_CHAR.test(chars[chars.length - 1]!) ? NOT_BEFORE_WORD : '';
  return head + body + tail;
}

export function compileHighlight(rules: HighlightRules): Highlighter {
  const users = new Set(rules.users.map(normName).filter((u) => u !== ''));
  const sub = rules.submitter === null ? '' : normName(rules.submitter);
  const submitter = rules.highlightSubmitter && sub !== '' ? sub : null;

  const seen = new Set<string>();
  const patterns: string[] = [];
  // Longest first, so that at one position the longer phrase is the one marked.
  const words = rules.keywords.map((k) => k.trim()).filter((k) => k !== '').sort((a, b) => b.length - a.length);
  for (const k of words) {
    const key = k.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    patterns.push(keywordPattern(k));
  }
  const source = patterns.join('|');
  const keywords = patterns.length > 0 ? new RegExp(source, 'iu') : null;
  const keywordsAll = patterns.length > 0 ? new RegExp(source, 'giu') : null;
  return { users, submitter, keywords, keywordsAll };
}

/**
 * Why a comment is highlighted (empty: it is not). `text` gives the comment's text; it is
 * only called when there are keywords and the title did not already match, because reading a
 * body from the page is the costly part.
 */
export function highlightReasons(h: Highlighter, c: Comment, text: (c: Comment) => string): HighlightReason[] {
  const reasons: HighlightReason[] = [];
  const author = normName(c.author);
  if (author !== '' && h.users.has(author)) reasons.push('user');
  if (h.submitter !== null && author === h.submitter) reasons.push('submitter');
  if (h.keywords !== null && (h.keywords.test(c.title) || h.keywords.test(text(c)))) reasons.push('keyword');
  return reasons;
}

/** Where keywords occur in `s`, as [start, end) offsets in order, for marking them in a title. */
export function keywordRanges(h: Highlighter, s: string): Array<[number, number]> {
  const re = h.keywordsAll;
  if (re === null) return [];
  const ranges: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}
