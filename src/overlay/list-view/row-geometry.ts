import { PLACEHOLDER, type CommentRow, type Row, type Rows } from '../../model/rows';
import type { Discussion } from '../../model/types';
import { ABBREVIATED, FULL } from '../../model/state-table';

/** What a row looks like, for guessing its height before it has been on screen. */
type Shape = 'line' | 'text';

/** First guesses, in px, until rows of each shape have been measured. */
const FIRST_GUESS: Record<Shape, number> = { line: 28, text: 120 };

/** A row's height depends on what it shows: the comment in its state, or the placeholder's line. */
type Form = CommentRow['state'] | 'placeholder';
const FORMS: readonly Form[] = ['full', 'abbreviated', 'collapsed', 'placeholder'];

/**
 * Where each row of the overlay sits, top to bottom, in px: its measured height once it has
 * been on screen in its present form, a guess before (the mean of the rows of its shape
 * measured so far). Pure arithmetic over the rows; the list view measures and asks.
 * Heights are kept by comment index (Row.index) in typed arrays, NaN where not measured: the
 * offsets of every row are summed anew on each change.
 */
export class RowGeometry {
  #rows: Rows | null = null;
  #n = 0;
  /** Which comments have text (a row shown whole is then as tall as its text). */
  #hasText = new Uint8Array(0);
  #textOf: Discussion | null = null;
  /** offsets[i] is the top of row i; offsets[rows.length] the bottom of the last. */
  #offsets = new Float64Array(1);
  #measured = new Map<Form, Float64Array>();
  readonly #sums: Record<Shape, { total: number; n: number }> = { line: { total: 0, n: 0 }, text: { total: 0, n: 0 } };

  setRows(rows: Rows): void {
    this.#rows = rows;
    this.#n = rows.length;
    const d = rows.discussion;
    const comments = d.all.length;
    if (this.#textOf !== d) {
      this.#textOf = d;
      this.#hasText = new Uint8Array(comments);
      for (let i = 0; i < comments; i++) if (d.all[i]!.body) this.#hasText[i] = 1;
    }
    for (const form of FORMS) {
      const old = this.#measured.get(form);
      if (old && old.length >= comments) continue;
      const grown = new Float64Array(comments).fill(NaN);
      if (old) grown.set(old);
      this.#measured.set(form, grown);
    }
    this.#layOut();
  }

  get count(): number {
    return this.#n;
  }

  /** The height of the whole list. */
  get total(): number {
    return this.#offsets[this.#n]!;
  }

  top(i: number): number {
    return this.#offsets[i]!;
  }

  /**
   * Records rows seen on screen at their real height. Returns whether any changed (the
   * offsets were then recomputed).
   */
  measure(entries: Iterable<readonly [row: Row, px: number]>): boolean {
    let changed = false;
    for (const [row, px] of entries) {
      const heights = this.#measured.get(formOf(row))!;
      const old = heights[row.index]!;
      if (old === px) continue;
      const sum = this.#sums[shapeOf(row)];
      if (Number.isNaN(old)) sum.n++;
      sum.total += px - (Number.isNaN(old) ? 0 : old);
      heights[row.index] = px;
      changed = true;
    }
    if (changed) this.#layOut();
    return changed;
  }

  /** Forgets every measurement (the width changed: text wraps anew; or the rows are others). */
  forget(): void {
    for (const m of this.#measured.values()) m.fill(NaN);
    for (const s of Object.values(this.#sums)) s.total = s.n = 0;
    this.#layOut();
  }

  /** The row at `y` (px from the top of the list), clamped to the rows there are. */
  indexAt(y: number): number {
    const n = this.#n;
    if (n === 0 || y <= 0) return 0;
    if (y >= this.#offsets[n]!) return n - 1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.#offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The rows [start, end) that cover `from`..`to` px. */
  range(from: number, to: number): [start: number, end: number] {
    if (this.#n === 0) return [0, 0];
    return [this.indexAt(from), Math.min(this.#n, this.indexAt(to) + 1)];
  }

  heightOf(row: Row): number {
    const px = this.#measured.get(formOf(row))![row.index]!;
    return Number.isNaN(px) ? this.#guess(shapeOf(row)) : px;
  }

  #guess(shape: Shape): number {
    const s = this.#sums[shape];
    return s.n > 0 ? s.total / s.n : FIRST_GUESS[shape];
  }

  #layOut(): void {
    const n = this.#n;
    if (this.#offsets.length !== n + 1) this.#offsets = new Float64Array(n + 1);
    const rows = this.#rows;
    if (!rows) return;
    const line = this.#guess('line');
    const text = this.#guess('text');
    const full = this.#measured.get('full')!;
    const abbreviated = this.#measured.get('abbreviated')!;
    const collapsed = this.#measured.get('collapsed')!;
    const placeholder = this.#measured.get('placeholder')!;
    let y = 0;
    for (let i = 0; i < n; i++) {
      this.#offsets[i] = y;
      const at = rows.index[i]!;
      const code = rows.code[i]!;
      const heights = code === PLACEHOLDER ? placeholder : code === FULL ? full : code === ABBREVIATED ? abbreviated : collapsed;
      const px = heights[at]!;
      // NaN (not measured) is the one value not equal to itself.
      y += px === px ? px : code === FULL && this.#hasText[at] ? text : line;
    }
    this.#offsets[n] = y;
  }
}

function formOf(row: Row): Form {
  return row.kind === 'comment' ? row.state : 'placeholder';
}

function shapeOf(row: Row): Shape {
  return row.kind === 'comment' && row.state === 'full' && row.comment.body ? 'text' : 'line';
}
