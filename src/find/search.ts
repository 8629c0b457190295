import type { Discussion } from '../model/types';
import type { ViewStore } from '../overlay/view-store';
import { foldedTexts, TEXT, TITLE, AUTHOR, type Field } from './texts';

/**
 * Every match of one query, in document order (Discussion.all; within a comment: title, author,
 * text; then by offset). Kept in typed arrays, one entry per match: a one-letter query on a
 * 20,000-comment thread has hundreds of thousands.
 */
export interface Matches {
  readonly discussion: Discussion;
  /** The folded query. */
  readonly query: string;
  readonly count: number;
  /** Match k is in comment `discussion.all[comment[k]]`, its `field[k]`, from folded offset `start[k]`. */
  readonly comment: Int32Array;
  readonly field: Uint8Array;
  readonly start: Int32Array;
}

/**
 * Finds `query` (folded: fold.ts) in what the reader can see by scrolling the overlay: a comment
 * shown whole has its title, author and text searched; a one-liner or a collapsed one its title
 * and author (its text is not on the page); a hidden one nothing.
 */
export function search(store: ViewStore, query: string): Matches {
  const d = store.discussion;
  const states = store.allStates();
  const texts = foldedTexts(d);
  const out = new Builder();
  if (query !== '') {
    for (let i = 0; i < d.all.length; i++) {
      const state = states.at(i);
      if (state === 'hidden') continue;
      scan(texts.get(i, TITLE), query, i, TITLE, out);
      scan(texts.get(i, AUTHOR), query, i, AUTHOR, out);
      if (state === 'full' && d.all[i]!.body) scan(texts.get(i, TEXT), query, i, TEXT, out);
    }
  }
  return out.done(d, query);
}

/** Non-overlapping occurrences, as the browser's find counts them. */
function scan(text: string, query: string, comment: number, field: Field, out: Builder): void {
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) out.push(comment, field, at);
}

/** Where a match is, for ordering: comment index, field, offset. */
export type Position = readonly [comment: number, field: number, start: number];

/** The first match at or after `p`; `m.count` when there is none. */
export function firstAtOrAfter(m: Matches, p: Position): number {
  let lo = 0;
  let hi = m.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(m, mid, p) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Matches [from, to) are those in comment `i`. */
export function matchesIn(m: Matches, i: number): [from: number, to: number] {
  return [firstAtOrAfter(m, [i, 0, 0]), firstAtOrAfter(m, [i + 1, 0, 0])];
}

function compare(m: Matches, k: number, [comment, field, start]: Position): number {
  return m.comment[k]! - comment || m.field[k]! - field || m.start[k]! - start;
}

class Builder {
  private n = 0;
  private comment = new Int32Array(64);
  private field = new Uint8Array(64);
  private start = new Int32Array(64);

  push(comment: number, field: Field, start: number): void {
    if (this.n === this.comment.length) this.grow();
    this.comment[this.n] = comment;
    this.field[this.n] = field;
    this.start[this.n] = start;
    this.n++;
  }

  done(discussion: Discussion, query: string): Matches {
    const n = this.n;
    return { discussion, query, count: n, comment: this.comment.slice(0, n), field: this.field.slice(0, n), start: this.start.slice(0, n) };
  }

  private grow(): void {
    const size = this.comment.length * 2;
    const comment = new Int32Array(size);
    const field = new Uint8Array(size);
    const start = new Int32Array(size);
    comment.set(this.comment);
    field.set(this.field);
    start.set(this.start);
    [this.comment, this.field, this.start] = [comment, field, start];
  }
}
