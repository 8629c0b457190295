import type { Discussion } from '../../model/types';
import { startsWith } from '../../model/build-tree';
import { buildRows, indexOf, rowAt, rowKey, type Row, type Rows } from '../../model/rows';
import type { ViewChange, ViewStore } from '../view-store';
import { DrawnRows } from './drawn-rows';
import { onRowClick } from './clicks';
import { RowGeometry } from './row-geometry';
import { pageViewport, type Viewport } from './viewport';

/**
 * Rows drawn beyond each edge of the view, in viewports: scrolling that far needs no work.
 * Once the drawn rows reach less than MARGIN beyond an edge, the rows around the view are drawn
 * anew. Both trade a change's cost (every drawn row is styled and laid out) against how
 * often scrolling draws.
 */
const OVERSCAN = 0.15;
const MARGIN = 0.05;

export interface ListViewOptions {
  viewport?: Viewport;
  /** Called once every comment of the discussion is in the overlay (again after it grew). */
  onComplete?: () => void;
}

interface Anchor {
  /** A comment the row showed (a placeholder's first). */
  id: string;
  /** Its row's top, in px below the top of the view. */
  offset: number;
}

/**
 * The comments of the overlay, in `host`, as one flat list of rows (model/rows.ts) of which
 * only those near the view are in the page: a spacer above and below stands for the rest, at
 * their measured or guessed height. A change (threshold, collapse) recomputes the rows, which
 * is arithmetic, and redraws the few in view, keeping the one the reader was looking at in
 * place: its cost does not grow with the thread's size in the page, only in the model.
 *
 * A comment's text (the page's own nodes) is moved into its row while the row is drawn and
 * back into the site's hidden listing when it goes (moveBefore where the browser has it, which
 * keeps frames inside loaded): the text is always in the document.
 */
export class ListView {
  readonly #doc: Document;
  readonly #viewport: Viewport;
  #rows: Rows;
  readonly #geometry = new RowGeometry();
  /** Drawn rows [start, end), between the spacers. */
  #start = 0;
  #end = 0;
  readonly #els: DrawnRows;
  readonly #above: HTMLElement;
  readonly #below: HTMLElement;
  /** Between the row holding the focus, when it is far from the view, and the drawn ones. */
  readonly #gap: HTMLElement;
  readonly #sizes: ResizeObserver | null;
  readonly #ruler: HTMLElement;
  /** The row the reader was looking at, to be put back where it was once the browser has laid out a change (#drawAround). */
  #pending: Anchor | null = null;
  /** Rows drawn in the ResizeObserver callback, to observe from the next frame (#observe); null when none wait. */
  #late: HTMLElement[] | null = null;
  #inResize = false;
  #width = -1;
  readonly #stops: Array<() => void> = [];
  #completed: unknown = null;
  readonly #drawListeners = new Set<() => void>();
  /** The discussion the rows are of. */
  #shown: Discussion;

  readonly #host: HTMLElement;
  readonly #store: ViewStore;
  readonly #options: ListViewOptions;

  constructor(host: HTMLElement, store: ViewStore, options: ListViewOptions = {}) {
    this.#host = host;
    this.#store = store;
    this.#options = options;
    this.#doc = host.ownerDocument;
    this.#els = new DrawnRows(this.#doc, store);
    this.#viewport = options.viewport ?? pageViewport(this.#doc.defaultView!);
    host.classList.add('thr-list');
    this.#above = this.#spacer();
    this.#below = this.#spacer();
    this.#gap = this.#spacer();
    this.#gap.classList.add('thr-gap');
    host.append(this.#above, this.#below);
    this.#shown = store.discussion;
    this.#rows = buildRows(store.discussion, store.allStates());
    this.#geometry.setRows(this.#rows);
    const RO = this.#doc.defaultView?.ResizeObserver;
    this.#sizes = RO ? new RO((entries) => this.#onResize(entries)) : null;
    // The list's width, without its height (which changes with every redraw, in the observer's
    // callback too: see #observe), from an empty line just before it.
    this.#ruler = this.#doc.createElement('div');
    host.before(this.#ruler);
    this.#sizes?.observe(this.#ruler);
    host.addEventListener('click', this.#onClick);
    this.#stops.push(
      store.onUpdate((change) => this.#update(change)),
      this.#viewport.watch(() => this.#reconcile()),
    );
    const first = this.#viewport.first?.();
    if (first) this.#drawAround(first.top, first.bottom, null);
    else this.#reconcile();
    this.#complete();
  }

  /** Stops, and puts every borrowed node back where the site had it. */
  destroy(): void {
    for (const stop of this.#stops.splice(0)) stop();
    this.#sizes?.disconnect();
    this.#ruler.remove();
    this.#host.removeEventListener('click', this.#onClick);
    for (const key of this.#els.keys()) this.#drop(key);
  }

  /**
   * Brings the row showing comment `id` (its own, the placeholder standing for it, or the
   * collapsed comment folding it away) to the top of the view, and focuses it. False when the
   * discussion has no such comment.
   */
  scrollToComment(id: string): boolean {
    const at = this.#rowIndexOf(id);
    if (at < 0) return false;
    const { top, bottom } = this.#viewport.visible(this.#host);
    const y = this.#geometry.top(at);
    // Whoever asked reads where the row is next (find centres a match in view): put it there now.
    this.#drawAround(y, y + (bottom - top), { id: this.#idAt(at), offset: 0 }, true);
    const el = this.#els.get(rowKey(this.#rows, at));
    if (el?.tabIndex === -1) el.focus({ preventScroll: true });
    return true;
  }

  /** The drawn row of comment `id`, null when it is not drawn. */
  element(id: string): HTMLElement | null {
    const el = this.#els.get(id);
    return el?.getAttribute('data-comment-id') === id ? el : null;
  }

  /** Calls `fn` after the drawn rows changed (the view moved, or what they show). Returns a stop function. */
  onDraw(fn: () => void): () => void {
    this.#drawListeners.add(fn);
    return () => this.#drawListeners.delete(fn);
  }

  #spacer(): HTMLElement {
    const s = this.#doc.createElement('div');
    s.className = 'thr-spacer';
    s.setAttribute('aria-hidden', 'true');
    return s;
  }

  #complete(): void {
    if (this.#completed === this.#store.discussion) return;
    this.#completed = this.#store.discussion;
    this.#options.onComplete?.();
  }

  #update(change: ViewChange): void {
    const anchor = this.#anchor();
    const d = this.#store.discussion;
    // Heights are kept by comment index: a discussion that does not begin with the old one's
    // comments (ViewStore.extend takes only those) has other rows at those indexes.
    if (d !== this.#shown && !startsWith(d, this.#shown)) this.#geometry.forget();
    this.#shown = d;
    this.#rows = buildRows(d, this.#store.allStates(), this.#rows);
    this.#geometry.setRows(this.#rows);
    // Read before the writes below: after them, reading where anything is lays the page out.
    const { top, bottom } = this.#viewport.visible(this.#host);
    const { byId } = this.#store.discussion;
    for (const id of change.highlights) {
      const el = this.#els.get(id);
      if (el) this.#els.highlight(el, byId.get(id)!, false);
    }
    const at = anchor ? this.#rowIndexOf(anchor.id) : -1;
    if (anchor && at >= 0) {
      const y = this.#geometry.top(at) - anchor.offset;
      this.#drawAround(y, y + (bottom - top), anchor);
    } else {
      this.#start = this.#end = 0;
      this.#reconcile(true);
    }
    this.#complete();
  }

  /** Draws the rows the view needs, if the drawn ones do not reach far enough past its edges. */
  #reconcile(force = false, now = false): void {
    const anchor = this.#anchor();
    let { top, bottom } = this.#clampedView();
    const h = bottom - top;
    // The view in the rows' positions now, through the row in it: rows measured since the last
    // draw (those just drawn, at their real height) change the guess for every row not yet seen,
    // and so the positions of all rows below those, while the spacers still stand for the old.
    const at = anchor ? this.#rowIndexOf(anchor.id) : -1;
    if (at >= 0) {
      top = this.#geometry.top(at) - anchor!.offset;
      bottom = top + h;
    }
    const n = this.#rows.length;
    const reaches =
      this.#start < this.#end &&
      (this.#start === 0 || this.#geometry.top(this.#start) <= top - h * MARGIN) &&
      (this.#end === n || this.#geometry.top(this.#end) >= bottom + h * MARGIN);
    if (force || !reaches) this.#drawAround(top, bottom, anchor, now);
  }

  /** The part of the list in view, or the rows a reader reaches first when it is out of view. */
  #clampedView(): { top: number; bottom: number } {
    const { top, bottom } = this.#viewport.visible(this.#host);
    const h = Math.max(1, Math.min(bottom - top, 1e7));
    const total = this.#geometry.total;
    if (bottom <= 0) return { top: 0, bottom: h };
    if (top >= total) return { top: Math.max(0, total - h), bottom: Math.max(total, h) };
    return { top, bottom };
  }

  /**
   * Draws the rows around `top`..`bottom` (px in the list), then puts `anchor` back where it was
   * in the view: where the rows drawn are is known once the browser lays them out, which it
   * does for the next frame anyway. Reading it here would lay the page out a first time, in
   * this task (some 5 ms on a 20,000-comment page, issue "Performance"); so the anchor is put
   * back from a ResizeObserver callback, which the browser runs after that layout and before
   * painting: the reader never sees the rows elsewhere. `now`: at once (a caller reads the
   * page next), as it is where there is no ResizeObserver.
   */
  #drawAround(top: number, bottom: number, anchor: Anchor | null, now = false): void {
    const h = bottom - top;
    const [start, end] = this.#geometry.range(top - h * OVERSCAN, bottom + h * OVERSCAN);
    this.#draw(start, end);
    this.#pending = null;
    if (!anchor) return;
    const el = this.#elementOf(anchor.id);
    if (now || !this.#sizes || !el) this.#restore(anchor);
    else {
      this.#pending = anchor;
      // Observed anew, the row is reported after the next layout whatever its size.
      this.#sizes.unobserve(el);
      this.#sizes.observe(el);
    }
  }

  /** The first drawn row in view, and where. Reads layout: call before writing. */
  #anchor(): Anchor | null {
    // Where the reader was is not where the rows are until it is put back.
    if (this.#pending) return this.#pending;
    if (this.#start >= this.#end) return null;
    const { top } = this.#viewport.visible(this.#host);
    // The list's top in view: what is above it does not move.
    if (top <= 0) return null;
    const origin = this.#host.getBoundingClientRect().top;
    for (let i = this.#start; i < this.#end; i++) {
      const el = this.#els.get(rowKey(this.#rows, i));
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.bottom - origin > top) return { id: this.#idAt(i), offset: r.top - origin - top };
    }
    return null;
  }

  /** Scrolls so that the anchor's row is where the anchor was. Reads layout once. */
  #restore(anchor: Anchor): void {
    const el = this.#elementOf(anchor.id);
    if (!el) return;
    const { top } = this.#viewport.visible(this.#host);
    const y = el.getBoundingClientRect().top - this.#host.getBoundingClientRect().top;
    this.#viewport.scrollBy(Math.round(y - top - anchor.offset));
  }

  /** The row showing comment `id` now (its own, a placeholder, or a collapsed ancestor's); -1 if none. */
  #rowIndexOf(id: string): number {
    const i = indexOf(this.#store.discussion).get(id);
    return i === undefined ? -1 : this.#rows.rowOf[i]!;
  }

  /** The drawn element of the row showing comment `id`, if drawn. */
  #elementOf(id: string): HTMLElement | undefined {
    const at = this.#rowIndexOf(id);
    return at < 0 ? undefined : this.#els.get(rowKey(this.#rows, at));
  }

  /** The comment row `i` shows (a placeholder's first). */
  #idAt(i: number): string {
    return this.#rows.discussion.all[this.#rows.index[i]!]!.id;
  }

  /**
   * Makes rows [start, end) the drawn ones: drops the others, adds the missing, refreshes the
   * rest. The row holding the keyboard focus stays drawn wherever the view goes, at its place
   * between two spacers: dropped, it would take the focus with it (a reader who tabbed to a
   * toggle, scrolled away and back would find it gone).
   */
  #draw(start: number, end: number): void {
    const pin = this.#focusedRow(start, end);
    this.#drawRows(start, end, pin);
    const g = this.#geometry;
    if (pin < 0) {
      setHeight(this.#above, g.top(start));
      setHeight(this.#below, g.total - g.top(end));
    } else if (pin < start) {
      setHeight(this.#above, g.top(pin));
      setHeight(this.#gap, g.top(start) - g.top(pin + 1));
      setHeight(this.#below, g.total - g.top(end));
    } else {
      setHeight(this.#above, g.top(start));
      setHeight(this.#gap, g.top(pin) - g.top(end));
      setHeight(this.#below, g.total - g.top(pin + 1));
    }
    for (const fn of this.#drawListeners) fn();
  }

  /** The row holding the focus when it is outside [start, end) and still a row; -1 otherwise. */
  #focusedRow(start: number, end: number): number {
    let el = this.#doc.activeElement;
    if (!el || !this.#host.contains(el)) return -1;
    while (el.parentElement !== this.#host) el = el.parentElement!;
    const row = this.#els.rowOf(el);
    if (!row) return -1;
    const i = this.#rowIndexOf(row.kind === 'comment' ? row.key : row.ids[0]!);
    if (i < 0 || rowKey(this.#rows, i) !== row.key) return -1;
    return i >= start && i < end ? -1 : i;
  }

  #drawRows(start: number, end: number, pin: number): void {
    const wanted = new Set<string>();
    for (let i = start; i < end; i++) wanted.add(rowKey(this.#rows, i));
    const pinned = pin >= 0 ? rowKey(this.#rows, pin) : null;
    if (pinned !== null) wanted.add(pinned);
    else this.#gap.remove();
    for (const key of this.#els.keys()) if (!wanted.has(key)) this.#drop(key);
    // The pinned row is not moved (that would take the focus away): the gap goes beside it,
    // on the side of the drawn rows, and they are drawn beyond it.
    const pinEl = pinned !== null ? this.#els.get(pinned)! : null;
    if (pinEl) {
      if (pin < start) pinEl.after(this.#gap);
      else pinEl.before(this.#gap);
      this.#els.show(pinEl, rowAt(this.#rows, pin));
    }
    // Rows keep their document order, so the drawn ones that stay are in order already.
    let next: ChildNode | null = pinEl && pin < start ? this.#gap.nextSibling : this.#above.nextSibling;
    for (let i = start; i < end; i++) {
      const row = rowAt(this.#rows, i);
      let el = this.#els.get(row.key);
      if (el && el === next) {
        next = el.nextSibling;
      } else {
        const fresh = !el;
        el ??= this.#els.create(row);
        this.#host.insertBefore(el, next);
        if (fresh) this.#observe(el);
      }
      this.#els.show(el, row);
    }
    this.#start = start;
    this.#end = end;
  }

  /**
   * Watches a new row's size. One observed from within the observer's own callback could be
   * reported only in the next frame, which the browser announces as an error on the page's
   * window ("ResizeObserver loop completed with undelivered notifications"): such rows are
   * observed from the next frame on.
   */
  #observe(el: HTMLElement): void {
    if (!this.#inResize) return this.#sizes?.observe(el);
    if (!this.#late) {
      this.#late = [];
      this.#doc.defaultView!.requestAnimationFrame(() => {
        for (const e of this.#late!) if (e.isConnected) this.#sizes!.observe(e);
        this.#late = null;
      });
    }
    this.#late.push(el);
  }

  #drop(key: string): void {
    const el = this.#els.drop(key);
    if (el) this.#sizes?.unobserve(el);
  }

  /** Rows seen at their real height; the list's own width: when it changes, text wraps anew. */
  #onResize(entries: ResizeObserverEntry[]): void {
    // Layout is up to date: the anchor goes back before anything is redrawn.
    const anchor = this.#pending;
    this.#pending = null;
    if (anchor) this.#restore(anchor);
    const seen: Array<[Row, number]> = [];
    let rewrap = false;
    for (const e of entries) {
      if (e.target === this.#ruler) {
        const w = Math.round(e.contentRect.width);
        rewrap ||= this.#width !== -1 && w !== this.#width;
        this.#width = w;
        continue;
      }
      const row = this.#els.rowOf(e.target);
      // Rows not drawn any more have no height to speak of.
      if (row) seen.push([row, e.borderBoxSize?.[0]?.blockSize ?? (e.target as HTMLElement).offsetHeight]);
    }
    if (rewrap) this.#geometry.forget();
    this.#geometry.measure(seen);
    // A row observed anew now would be reported a frame late: a redraw here is put back at once.
    this.#inResize = true;
    this.#reconcile(rewrap, true);
    this.#inResize = false;
  }

  readonly #onClick = (event: Event): void => onRowClick(event, this.#els, this.#store);
}

function setHeight(el: HTMLElement, px: number): void {
  const h = `${Math.max(0, Math.round(px))}px`;
  if (el.style.height !== h) el.style.height = h;
}
