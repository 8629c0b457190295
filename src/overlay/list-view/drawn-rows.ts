import type { Comment } from '../../model/types';
import type { Row } from '../../model/rows';
import { keywordRanges } from '../../model/highlight';
import { shapeOf } from '../../model/shape';
import type { ViewStore } from '../view-store';
import { applyHighlight, applyState, createComment, textNodes } from '../comment-element';
import { applyPlaceholder, createPlaceholder } from '../placeholder-element';
import { borrow, giveBack, type Loan } from '../body-slot';

/**
 * The elements of the rows drawn now, by row key (a comment's id, or 'ph:' and a run's first
 * id), with the page's own nodes each comment row has borrowed for its text. Where they go in
 * the list is the list view's (index.ts).
 */
export class DrawnRows {
  readonly #doc: Document;
  readonly #store: ViewStore;
  readonly #els = new Map<string, HTMLElement>();
  /** The row each drawn element shows now. */
  readonly #rowOf = new WeakMap<Element, Row>();
  readonly #loans = new Map<string, Loan[]>();
  /** Each drawn comment's text slot, once it has been shown whole. */
  readonly #slots = new Map<string, HTMLElement>();

  constructor(doc: Document, store: ViewStore) {
    this.#doc = doc;
    this.#store = store;
  }

  get(key: string): HTMLElement | undefined {
    return this.#els.get(key);
  }

  keys(): string[] {
    return [...this.#els.keys()];
  }

  /** The row `el` shows, if it is a drawn row's element. */
  rowOf(el: Element): Row | undefined {
    const row = this.#rowOf.get(el);
    return row && this.#els.get(row.key) === el ? row : undefined;
  }

  /** A new element for `row`, not in the page yet: `show` fills it in once it is. */
  create(row: Row): HTMLElement {
    let el: HTMLElement;
    if (row.kind === 'placeholder') el = createPlaceholder(this.#doc);
    else {
      const c = row.comment;
      el = createComment(this.#doc, c, c.depth > row.level ? c.depth : null);
      el.tabIndex = -1;
      this.highlight(el, c, true);
    }
    if (row.level > 0) el.style.setProperty('--thr-level', String(row.level));
    this.#els.set(row.key, el);
    return el;
  }

  /** Brings a drawn element, in the page, to its row (writes only what differs). */
  show(el: HTMLElement, row: Row): void {
    this.#rowOf.set(el, row);
    if (row.kind === 'placeholder') {
      applyPlaceholder(el, row);
      return;
    }
    const c = row.comment;
    // Replies at any depth, from the tree's subtree sizes: the row's index is into the
    // discussion its rows were built from, the store's.
    applyState(el, c, row.state, row.state === 'collapsed' ? shapeOf(this.#store.discussion).size[row.index]! - 1 : 0);
    const full = row.state === 'full';
    const slot = this.#slots.get(c.id);
    if (slot) {
      if (slot.hidden === full) slot.hidden = !full;
    } else if (full) {
      const nodes = textNodes(c);
      if (nodes.length === 0) return;
      const body = this.#doc.createElement('div');
      body.className = 'thr-body';
      el.firstElementChild!.after(body);
      // Into the slot once it is in the document: moveBefore keeps frames loaded only between
      // two places in the document.
      this.#loans.set(c.id, nodes.map((node) => borrow(node, body)));
      this.#slots.set(c.id, body);
    }
  }

  /** Takes a drawn row out of the page, its borrowed text back to the site's listing first. Returns its element. */
  drop(key: string): HTMLElement | undefined {
    const el = this.#els.get(key);
    if (!el) return undefined;
    for (const loan of this.#loans.get(key) ?? []) giveBack(loan);
    this.#loans.delete(key);
    this.#slots.delete(key);
    el.remove();
    this.#els.delete(key);
    return el;
  }

  /** Highlight reasons and title marks of a comment row, as the store has them now. */
  highlight(el: HTMLElement, c: Comment, fresh: boolean): void {
    const reasons = this.#store.highlight(c.id);
    const h = this.#store.highlighter;
    const marks = h.keywordsAll ? keywordRanges(h, c.title) : [];
    // A fresh element has no highlight to take away.
    if (fresh && reasons.length === 0 && marks.length === 0) return;
    applyHighlight(el, c, reasons, marks);
  }
}
