import type { Discussion } from '../model/types';
import { fold } from './fold';

/** The parts of a comment the find box searches, in the order matches are listed. */
export const TITLE = 0;
export const AUTHOR = 1;
export const TEXT = 2;
export type Field = typeof TITLE | typeof AUTHOR | typeof TEXT;

/**
 * Every comment's folded title, author and text, by index in `Discussion.all`, each read and
 * folded the first time a search needs it, then kept: typing searches again on every pause,
 * and reading 20,000 bodies' textContent each time would cost more than the search itself.
 * Kept per discussion (a thread that grows is a new discussion, read anew), whatever the
 * comments' states: a threshold change only changes which of them are searched.
 */
export class FoldedTexts {
  private readonly parts: Array<Array<string | undefined>>;

  constructor(private readonly discussion: Discussion) {
    const n = discussion.all.length;
    this.parts = [new Array(n), new Array(n), new Array(n)];
  }

  get(i: number, field: Field): string {
    const cached = this.parts[field]![i];
    if (cached !== undefined) return cached;
    const c = this.discussion.all[i]!;
    const raw = field === TITLE ? c.title : field === AUTHOR ? c.author : (c.body?.textContent ?? '');
    const folded = fold(raw);
    this.parts[field]![i] = folded;
    return folded;
  }
}

const cache = new WeakMap<Discussion, FoldedTexts>();

export function foldedTexts(d: Discussion): FoldedTexts {
  let t = cache.get(d);
  if (!t) cache.set(d, (t = new FoldedTexts(d)));
  return t;
}
