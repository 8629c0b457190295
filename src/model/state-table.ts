import type { DisplayState, Discussion } from './types';
import { shapeOf } from './shape';

/** Display states as small numbers, one byte per comment. */
export const FULL = 0;
export const ABBREVIATED = 1;
export const COLLAPSED = 2;
export const HIDDEN = 3;
const NAMES: readonly DisplayState[] = ['full', 'abbreviated', 'collapsed', 'hidden'];
export const CODES: Readonly<Record<DisplayState, number>> = { full: FULL, abbreviated: ABBREVIATED, collapsed: COLLAPSED, hidden: HIDDEN };

/**
 * Every comment's display state, as a read-only table by id over one byte per comment (in the
 * order of `Discussion.all`): cheap to build for a whole thread on every change, and read
 * directly by index where that matters (rows, counts).
 */
export class StateTable {
  constructor(
    readonly discussion: Discussion,
    /** codes[i] is the state of discussion.all[i]. */
    readonly codes: Uint8Array,
  ) {}

  get size(): number {
    return this.codes.length;
  }

  /** The state of `discussion.all[i]`. */
  at(i: number): DisplayState {
    return NAMES[this.codes[i]!]!;
  }

  get(id: string): DisplayState | undefined {
    const i = shapeOf(this.discussion).index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  /** [id, state] of every comment, in document order. */
  *[Symbol.iterator](): Generator<[string, DisplayState]> {
    const { all } = this.discussion;
    for (let i = 0; i < all.length; i++) yield [all[i]!.id, this.at(i)];
  }
}
