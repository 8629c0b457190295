import type { Comment, DisplayState, Discussion } from './types';
import { shapeOf } from './shape';
import { ABBREVIATED, COLLAPSED, FULL, HIDDEN, type StateTable } from './state-table';

/**
 * Replies deeper than this are not indented further: they follow their parent at the deepest
 * indented level, in document order, each saying its level. Hostile or runaway threads reach
 * thousands of levels; indenting that far squeezes the text to nothing.
 */
export const MAX_NEST = 32;

/**
 * One line of the overlay as the reader scrolls it: a shown comment, or one placeholder
 * standing for a run of consecutive hidden siblings ("7 comments below threshold — show").
 * The overlay is this list, flat, with each row indented by its level: only the rows near
 * the view need to be in the page (see overlay/list-view/).
 */
export type Row = CommentRow | PlaceholderRow;

export interface CommentRow {
  readonly kind: 'comment';
  /** The comment's id. */
  readonly key: string;
  /** The comment's index in `Discussion.all`. */
  readonly index: number;
  readonly comment: Comment;
  readonly state: Exclude<DisplayState, 'hidden'>;
  /** Indentation, 0..MAX_NEST. */
  readonly level: number;
}

export interface PlaceholderRow {
  readonly kind: 'placeholder';
  /** 'ph:' and the run's first id: stable while the run starts with the same comment. */
  readonly key: string;
  /** The run's first comment's index in `Discussion.all`. */
  readonly index: number;
  /** The hidden siblings themselves: revealing them (ViewState.revealed) opens the run. */
  readonly ids: readonly string[];
  /** Hidden comments in the run: the siblings and all their descendants. */
  readonly count: number;
  readonly level: number;
}

/** A placeholder's code in `Rows.code`, beside the comments' FULL, ABBREVIATED and COLLAPSED. */
export const PLACEHOLDER = HIDDEN;

/**
 * The rows as arrays, one entry per row: a threshold change on a 20,000-comment thread builds
 * them anew, and as objects they were most of what it allocated (and of the collector's work
 * inside the change). `row(i)` makes the object of one row, for the few that are drawn.
 */
export interface Rows {
  readonly discussion: Discussion;
  readonly length: number;
  /** The row's comment (a placeholder's first) by index in `Discussion.all`. */
  readonly index: Int32Array;
  /** FULL, ABBREVIATED or COLLAPSED for a comment row (state-table.ts), PLACEHOLDER. */
  readonly code: Uint8Array;
  /** A placeholder's end: its run is `all[index .. until)`. */
  readonly until: Int32Array;
  /**
   * For each comment (by its index in `Discussion.all`), the row that shows it: its own, the
   * placeholder that stands for it, or the collapsed comment that folds it away. What the
   * reader was looking at is found again after a change through this.
   */
  readonly rowOf: Int32Array;
  /** Comment rows (the rest are placeholders). */
  readonly comments: number;
}

/** Each comment's index in `d.all`. */
export function indexOf(d: Discussion): ReadonlyMap<string, number> {
  return shapeOf(d).index;
}

/**
 * The overlay's rows for these states, in document order: the same lists `childItems` and
 * `visibleChildren` (render-items.ts) give, flattened. One pass down `d.all`, skipping each
 * subtree that is not shown: a hidden comment's whole subtree is hidden (visibility.ts: only
 * breakthroughs show there, and they turn their ancestors into one-liners), so a run of hidden
 * siblings becomes one placeholder counting their subtrees; under a collapsed comment hidden
 * replies get none (the reader folded them away) and are shown by the collapsed comment's row.
 *
 * `into`: arrays of an earlier call for the same discussion to write into (that result is then
 * no longer valid); the change allocates nothing new.
 */
export function buildRows(d: Discussion, states: StateTable, into?: Rows): Rows {
  const { parent, size } = shapeOf(d);
  const codes = states.codes;
  const n = d.all.length;
  const reuse = into && into.discussion === d;
  const index = reuse ? into.index : new Int32Array(n);
  const code = reuse ? into.code : new Uint8Array(n);
  const until = reuse ? into.until : new Int32Array(n);
  const rowOf = reuse ? into.rowOf : new Int32Array(n);
  let rows = 0;
  let comments = 0;
  let i = 0;
  while (i < n) {
    const c = codes[i]!;
    if (c !== HIDDEN) {
      index[rows] = i;
      code[rows] = c;
      rowOf[i] = rows++;
      comments++;
      i++;
      continue;
    }
    const p = parent[i]!;
    if (p >= 0 && codes[p] === COLLAPSED) {
      rowOf.fill(rowOf[p]!, i, i + size[i]!);
      i += size[i]!;
      continue;
    }
    // A run of hidden siblings: the next sibling starts where a subtree ends.
    const from = i;
    while (i < n && parent[i] === p && codes[i] === HIDDEN) i += size[i]!;
    index[rows] = from;
    code[rows] = PLACEHOLDER;
    until[rows] = i;
    rowOf.fill(rows++, from, i);
  }
  return { discussion: d, length: rows, index, code, until, rowOf, comments };
}

const STATES: Record<number, CommentRow['state']> = { [FULL]: 'full', [ABBREVIATED]: 'abbreviated', [COLLAPSED]: 'collapsed' };

/** Row `i` as an object. */
export function rowAt(rows: Rows, i: number): Row {
  const d = rows.discussion;
  const at = rows.index[i]!;
  const first = d.all[at]!;
  const level = Math.min(first.depth, MAX_NEST);
  if (rows.code[i] !== PLACEHOLDER) return { kind: 'comment', key: first.id, index: at, comment: first, state: STATES[rows.code[i]!]!, level };
  const { size } = shapeOf(d);
  const end = rows.until[i]!;
  const ids: string[] = [];
  for (let k = at; k < end; k += size[k]!) ids.push(d.all[k]!.id);
  return { kind: 'placeholder', key: 'ph:' + first.id, index: at, ids, count: end - at, level };
}

/** Every row as an object (tests, small threads). */
export function allRows(rows: Rows): Row[] {
  return Array.from({ length: rows.length }, (_, i) => rowAt(rows, i));
}

/** Row `i`'s key, without making its object: the comment's id, or 'ph:' and the run's first id. */
export function rowKey(rows: Rows, i: number): string {
  const id = rows.discussion.all[rows.index[i]!]!.id;
  return rows.code[i] === PLACEHOLDER ? 'ph:' + id : id;
}
