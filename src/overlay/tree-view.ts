import type { Comment, DisplayState } from '../model/types';
import { childItems, visibleChildren } from '../model/render-items';
import { keywordRanges } from '../model/highlight';
import { ROOT, type ViewChange, type ViewStore } from './view-store';
import { applyHighlight, applyState, createComment, textNodes } from './comment-element';
import { borrow, giveBack, type Loan } from './body-slot';
import { runInSlices, type Slices } from '../shared/slices';

/**
 * Replies deeper than this are not indented further: they follow their parent in the list of
 * the deepest indented level, in document order, each saying its level. Hostile or runaway
 * threads reach thousands of levels; nested boxes that deep squeeze the text to nothing and
 * can exhaust the browser's layout stack.
 */
export const MAX_NEST = 32;

/**
 * Budgets of the sliced first render. The first slice only has to fill the screen (a few dozen
 * comments; 4 ms builds a hundred or more): it shares its task with the mount, and the frame
 * after it styles all it built. The rest follows between the page's own tasks and frames.
 */
const FIRST_SLICE_MS = 4;
const SLICE_MS = 8;
/** Comments built between two looks at the clock. */
const CHECK_EVERY = 16;

/**
 * Top-level comments per group. The groups (`.thr-chunk`, content-visibility: auto) keep the
 * browser's work per frame from growing with the number of threads: it checks every element
 * with content-visibility: auto for nearness to the viewport in every frame that changes
 * layout, and one check per 20 threads far off screen costs a twentieth of one per thread (on
 * the bench's 20,000-comment page a one-comment collapse took 92 ms a frame without groups, 44
 * with; 24 ms of it in those checks, 3 with).
 */
const CHUNK_THREADS = 20;
/** Height of a comment never rendered yet, in em, as `contain-intrinsic-size` in overlay.css. */
const ESTIMATE_EM = 2.4;

/** One "N comments below threshold — show" line, standing for a run of hidden siblings. */
interface Placeholder {
  /** The run's first comment, before whose article the line stands. */
  first: string;
  ids: readonly string[];
  count: number;
  el: HTMLElement | null;
}

export interface TreeViewOptions {
  /** Called once every comment is in the overlay (again after the discussion grew). */
  onComplete?: () => void;
}

/**
 * The comments of the overlay, in `host`. Every comment gets its <article> once — built in
 * slices, in document order, so the top of the thread shows at once and the tab stays
 * responsive — and state changes then flip attributes on the articles concerned. A comment's
 * text is moved in the first time it is shown in full and stays (hidden when not shown) until
 * `destroy` puts it back in the site's listing.
 */
export class TreeView {
  private readonly doc: Document;
  private readonly articles = new Map<string, HTMLElement>();
  private readonly loans: Loan[] = [];
  /** Each comment's text slot, once it has been shown whole (kept: a look-up beats two DOM reads). */
  private readonly slots = new Map<string, HTMLElement>();
  /** Placeholders by list (parent id, ROOT for the top level). */
  private readonly lists = new Map<string, Placeholder[]>();
  /** Placeholders whose first comment is not built yet, by that comment's id. */
  private readonly pending = new Map<string, Placeholder>();
  private readonly revealers = new WeakMap<Element, Placeholder>();
  private built = 0;
  /** The group top-level comments go to now, and how many it has. */
  private chunk: HTMLElement | null = null;
  private chunkThreads = 0;
  /** Every comment of the discussion is built (until it grows). */
  private finished = false;
  private slices: Slices;
  private readonly stopListening: () => void;

  constructor(
    private readonly host: HTMLElement,
    private readonly store: ViewStore,
    private readonly options: TreeViewOptions = {},
  ) {
    this.doc = host.ownerDocument;
    host.addEventListener('click', this.onClick);
    this.stopListening = store.onUpdate((change) => this.update(change));
    this.refreshList(ROOT);
    this.slices = this.buildRest(FIRST_SLICE_MS);
  }

  /** Builds the comments not built yet, in slices from now on, the first one of `firstMs`. */
  private buildRest(firstMs: number): Slices {
    this.finished = false;
    return runInSlices((deadline) => this.buildUntil(deadline), {
      firstMs,
      sliceMs: SLICE_MS,
      onDone: () => {
        this.finished = true;
        this.options.onComplete?.();
      },
    });
  }

  /** Builds every comment not built yet, now. */
  flush(): void {
    this.slices.flush();
  }

  /** Stops, and puts every borrowed node back where the site had it. */
  destroy(): void {
    this.slices.cancel();
    this.stopListening();
    this.host.removeEventListener('click', this.onClick);
    for (const loan of this.loans) giveBack(loan);
    this.loans.length = 0;
  }

  private buildUntil(deadline: number): boolean {
    const all = this.store.discussion.all;
    while (this.built < all.length) {
      this.build(all[this.built++]!);
      if (this.built % CHECK_EVERY === 0 && performance.now() >= deadline) break;
    }
    return this.built >= all.length;
  }

  private build(c: Comment): void {
    const flat = c.depth > MAX_NEST ? c.depth : null;
    const art = createComment(this.doc, c, flat);
    this.articles.set(c.id, art);
    this.apply(art, c, this.store.state(c.id));
    this.highlight(art, c, true);
    const host = this.hostFor(c);
    host.append(art);
    if (host === this.chunk) this.estimate(host);
    const waiting = this.pending.get(c.id);
    if (waiting) {
      this.pending.delete(c.id);
      waiting.el = this.placeholderBefore(art, waiting);
    }
    if (c.children.length > 0) this.refreshList(c.id);
  }

  /** Where `c` goes. Comments are built in document order, so its parent is already there. */
  private hostFor(c: Comment): HTMLElement {
    const parent = c.parent === null ? undefined : this.articles.get(c.parent);
    if (!parent) return this.chunkFor();
    if (c.depth > MAX_NEST) return parent.parentElement as HTMLElement; // flat: beside its parent
    const last = parent.lastElementChild;
    if (last?.classList.contains('thr-children')) return last as HTMLElement;
    const list = this.doc.createElement('div');
    list.className = 'thr-children';
    list.setAttribute('role', 'group');
    parent.append(list);
    return list;
  }

  /** The group for the next top-level comment. */
  private chunkFor(): HTMLElement {
    if (this.chunk && this.chunkThreads < CHUNK_THREADS) {
      this.chunkThreads++;
      return this.chunk;
    }
    this.chunk = this.doc.createElement('div');
    this.chunk.className = 'thr-chunk';
    this.chunkThreads = 1;
    this.host.append(this.chunk);
    return this.chunk;
  }

  /**
   * The height a group is given until it is first rendered (then the browser remembers its
   * own): a line per top-level comment shown, as each comment had before it was grouped.
   */
  private estimate(chunk: HTMLElement): void {
    let shown = 0;
    for (const el of chunk.children) if (el.localName === 'article' && !(el as HTMLElement).hidden) shown++;
    const size = `auto ${Math.round(shown * ESTIMATE_EM * 10) / 10}em`;
    if (chunk.style.containIntrinsicSize !== size) chunk.style.containIntrinsicSize = size;
  }

  private update(change: ViewChange): void {
    const { byId } = this.store.discussion;
    const chunks = new Set<HTMLElement>();
    for (const id of change.states) {
      const art = this.articles.get(id);
      if (!art) continue;
      this.apply(art, byId.get(id)!, this.store.state(id));
      const host = art.parentElement;
      if (host?.classList.contains('thr-chunk')) chunks.add(host);
    }
    for (const chunk of chunks) this.estimate(chunk);
    for (const key of change.lists) this.refreshList(key);
    for (const id of change.highlights) {
      const art = this.articles.get(id);
      if (art) this.highlight(art, byId.get(id)!, false);
    }
    // The discussion grew (ViewStore.extend) after every comment was built: on with the rest,
    // from the next task (this one already holds the whole page's states and their changes).
    if (this.finished && this.built < this.store.discussion.all.length) this.slices = this.buildRest(0);
  }

  private apply(art: HTMLElement, c: Comment, state: DisplayState): void {
    applyState(art, c, state);
    if (state === 'hidden') return;
    const full = state === 'full';
    const slot = this.slots.get(c.id);
    if (slot) {
      if (slot.hidden === full) slot.hidden = !full;
    } else if (full) {
      const nodes = textNodes(c);
      if (nodes.length === 0) return;
      const body = this.doc.createElement('div');
      body.className = 'thr-body';
      for (const node of nodes) this.loans.push(borrow(node, body));
      art.firstElementChild!.after(body);
      this.slots.set(c.id, body);
    }
  }

  private highlight(art: HTMLElement, c: Comment, fresh: boolean): void {
    const reasons = this.store.highlight(c.id);
    const h = this.store.highlighter;
    const marks = h.keywordsAll ? keywordRanges(h, c.title) : [];
    // A fresh article has no highlight to take away.
    if (fresh && reasons.length === 0 && marks.length === 0) return;
    applyHighlight(art, c, reasons, marks);
  }

  /**
   * Puts the placeholders of one list of replies in step with the states. A line that still
   * stands for the same run keeps its element: most lists a threshold change touches keep
   * their placeholders.
   */
  private refreshList(key: string): void {
    const old = new Map<string, Placeholder>();
    for (const p of this.lists.get(key) ?? []) old.set(p.first, p);
    this.lists.delete(key);
    const placeholders: Placeholder[] = [];
    const { discussion } = this.store;
    const states = this.store.allStates();
    const parent = discussion.byId.get(key);
    // None under a hidden comment (nobody sees them) or one not built yet (it gets them when
    // built); under a collapsed one the model gives none (visibleChildren).
    const items =
      key === ROOT ? childItems(discussion.roots, states)
      : parent && states.get(key) !== 'hidden' && this.articles.has(key) ? visibleChildren(parent, states)
      : [];
    for (const item of items) {
      if (item.kind !== 'placeholder') continue;
      const first = item.ids[0]!;
      const same = old.get(first);
      if (same && same.count === item.count && same.ids.length === item.ids.length) {
        old.delete(first);
        same.ids = item.ids;
        placeholders.push(same);
        continue;
      }
      const p: Placeholder = { first, ids: item.ids, count: item.count, el: null };
      const art = this.articles.get(first);
      if (art) p.el = this.placeholderBefore(art, p);
      else this.pending.set(first, p);
      placeholders.push(p);
    }
    for (const p of old.values()) {
      if (p.el) p.el.remove();
      else if (this.pending.get(p.first) === p) this.pending.delete(p.first);
    }
    if (placeholders.length > 0) this.lists.set(key, placeholders);
  }

  private placeholderBefore(art: HTMLElement, p: Placeholder): HTMLElement {
    const line = this.doc.createElement('div');
    line.className = 'thr-placeholder';
    line.setAttribute('data-placeholder-count', String(p.count));
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.className = 'thr-link';
    button.textContent = 'show';
    line.append(`${p.count === 1 ? '1 comment' : `${p.count} comments`} below threshold — `, button);
    this.revealers.set(button, p);
    art.before(line);
    return line;
  }

  /**
   * One listener for every control. A click counts only on a button this view made: a
   * comment body (the page's own markup, moved in) may hold look-alikes.
   */
  private readonly onClick = (event: Event): void => {
    const target = event.target as Element | null;
    const button = target?.closest?.('button');
    if (!button) return;
    const placeholder = this.revealers.get(button);
    if (placeholder) {
      this.store.reveal(placeholder.ids);
      return;
    }
    const head = button.parentElement;
    const art = head?.parentElement;
    const id = art?.getAttribute('data-comment-id');
    if (!art || id == null || this.articles.get(id) !== art || art.firstElementChild !== head) return;
    if (button.classList.contains('thr-toggle')) this.store.toggleCollapsed(id);
    else if (button.classList.contains('thr-open')) this.store.expand(id);
  };
}
