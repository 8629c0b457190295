import type { Comment, DisplayState, Discussion, HighlightReason, Thresholds } from '../model/types';
import { computeStates } from '../model/visibility';
import type { StateTable } from '../model/state-table';
import { highlightReasons, type Highlighter } from '../model/highlight';

/** What one change touched beyond the states (which the view reads anew from `allStates`). */
export interface ViewChange {
  /** Comments whose highlight reasons (or title marks) changed. */
  readonly highlights: ReadonlySet<string>;
}

/**
 * Holds what the overlay shows. A threshold change on a 20,000-comment thread recomputes every
 * state (pure, a few milliseconds, one byte per comment); the view then redraws the rows in
 * sight (list-view/).
 */
export class ViewStore {
  #states: StateTable;
  #highlights = new Map<string, HighlightReason[]>();
  readonly #updateListeners = new Set<(change: ViewChange) => void>();
  readonly #anyListeners = new Set<() => void>();
  readonly collapsed: Set<string>;
  readonly #expanded: Set<string>;
  readonly #revealed: Set<string>;

  #current: Discussion;
  #thresholds: Thresholds;
  #currentHighlighter: Highlighter;
  readonly #text: (c: Comment) => string;

  constructor(
    current: Discussion,
    thresholds: Thresholds,
    collapsed: Iterable<string>,
    highlighter: Highlighter,
    text: (c: Comment) => string,
    /** What the reader opened before the thread grew (see content/growth.ts). */
    carried?: { expanded: Iterable<string>; revealed: Iterable<string> },
  ) {
    this.#current = current;
    this.#thresholds = thresholds;
    this.#currentHighlighter = highlighter;
    this.#text = text;
    this.collapsed = new Set([...collapsed].filter((id) => current.byId.has(id)));
    this.#expanded = new Set(carried?.expanded);
    this.#revealed = new Set(carried?.revealed);
    this.#states = this.#compute();
    this.#highlights = this.#computeHighlights();
  }

  /** What is shown: the page's discussion, or its preview until `extend`. */
  get discussion(): Discussion {
    return this.#current;
  }

  state(id: string): DisplayState {
    return this.#states.get(id) ?? 'hidden';
  }

  allStates(): StateTable {
    return this.#states;
  }

  highlight(id: string): readonly HighlightReason[] {
    return this.#highlights.get(id) ?? NONE;
  }

  /** The reader's one-off openings, to carry into a rebuilt store. */
  opened(): { expanded: ReadonlySet<string>; revealed: ReadonlySet<string> } {
    return { expanded: this.#expanded, revealed: this.#revealed };
  }

  getThresholds(): Thresholds {
    return this.#thresholds;
  }

  /** Called with what changed, before the onChange listeners. */
  onUpdate(fn: (change: ViewChange) => void): () => void {
    this.#updateListeners.add(fn);
    return () => this.#updateListeners.delete(fn);
  }

  /** Called after every change, once, e.g. to persist and report status. */
  onChange(fn: () => void): () => void {
    this.#anyListeners.add(fn);
    return () => this.#anyListeners.delete(fn);
  }

  setThresholds(t: Thresholds): void {
    const old = this.#thresholds;
    this.#thresholds = t;
    if (old.full !== t.full || old.abbreviated !== t.abbreviated || old.breakthrough !== t.breakthrough) this.#update();
  }

  get highlighter(): Highlighter {
    return this.#currentHighlighter;
  }

  setHighlighter(h: Highlighter): void {
    const old = this.#currentHighlighter;
    this.#currentHighlighter = h;
    // Every settings change comes through here, most with the same rules: reading every
    // comment again for nothing was a good part of a threshold change.
    if (sameRules(old, h)) return;
    const next = this.#computeHighlights();
    const dirty = new Set<string>();
    for (const id of new Set([...this.#highlights.keys(), ...next.keys()])) {
      if ((this.#highlights.get(id) ?? NONE).join() !== (next.get(id) ?? NONE).join()) dirty.add(id);
    }
    // Title marks follow the keywords even where the reasons stay the same.
    if (String(old.keywords) !== String(h.keywords)) {
      for (const c of this.discussion.all) if (old.keywords?.test(c.title) || h.keywords?.test(c.title)) dirty.add(c.id);
    }
    this.#highlights = next;
    if (dirty.size > 0) this.#notify({ highlights: dirty });
  }

  /**
   * The whole page after its preview (see sites/types ParseStep): `whole` begins with the
   * comments of the current discussion (build-tree startsWith), so what the reader did stays.
   * `collapsed`: saved collapses, of which the preview could hold only its own comments'.
   */
  extend(whole: Discussion, collapsed: Iterable<string> = []): void {
    for (const id of collapsed) if (whole.byId.has(id) && !this.#current.byId.has(id)) this.collapsed.add(id);
    this.#current = whole;
    this.#highlights = this.#computeHighlights();
    this.#update();
  }

  toggleCollapsed(id: string): void {
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
    this.#update();
  }

  /** A one-line comment clicked open. */
  expand(id: string): void {
    this.#expanded.add(id);
    this.#update();
  }

  /** "N comments below threshold — show". */
  reveal(ids: readonly string[]): void {
    for (const id of ids) this.#revealed.add(id);
    this.#update();
  }

  #compute(): StateTable {
    return computeStates(this.discussion, this.#thresholds, {
      collapsed: this.collapsed,
      expanded: this.#expanded,
      revealed: this.#revealed,
    });
  }

  #computeHighlights(): Map<string, HighlightReason[]> {
    const out = new Map<string, HighlightReason[]>();
    const h = this.#currentHighlighter;
    // Nothing to look for: skip reading thousands of comment texts.
    if (h.users.size === 0 && h.submitter === null && h.keywords === null) return out;
    for (const c of this.discussion.all) {
      const reasons = highlightReasons(h, c, this.#text);
      if (reasons.length > 0) out.set(c.id, reasons);
    }
    return out;
  }

  #update(): void {
    this.#states = this.#compute();
    this.#notify({ highlights: NO_IDS });
  }

  #notify(change: ViewChange): void {
    for (const fn of this.#updateListeners) fn(change);
    for (const fn of this.#anyListeners) fn();
  }
}

function sameRules(a: Highlighter, b: Highlighter): boolean {
  return a.submitter === b.submitter && String(a.keywords) === String(b.keywords) && a.users.size === b.users.size && [...a.users].every((u) => b.users.has(u));
}

const NONE: readonly HighlightReason[] = [];
const NO_IDS: ReadonlySet<string> = new Set();
