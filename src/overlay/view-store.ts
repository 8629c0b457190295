import type { Comment, DisplayState, Discussion, HighlightReason, Thresholds } from '../model/types';
import { computeStates } from '../model/visibility';
import { highlightReasons, type Highlighter } from '../model/highlight';

/** Listener key for the list of top-level comments. */
export const ROOT = '';

/**
 * Holds what the overlay shows and tells only the affected components when it changes.
 * A threshold change on a 20,000-comment thread recomputes every state (cheap, pure) but
 * re-renders just the comments whose state changed and their parents (whose lists of
 * children and placeholders may change), instead of diffing the whole tree.
 */
export class ViewStore {
  private states: Map<string, DisplayState>;
  private highlights = new Map<string, HighlightReason[]>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly anyListeners = new Set<() => void>();
  readonly collapsed: Set<string>;
  private readonly expanded: Set<string>;
  private readonly revealed: Set<string>;

  constructor(
    readonly discussion: Discussion,
    private thresholds: Thresholds,
    collapsed: Iterable<string>,
    private currentHighlighter: Highlighter,
    private readonly text: (c: Comment) => string,
    /** What the reader opened before the thread grew (see content/growth.ts). */
    carried?: { expanded: Iterable<string>; revealed: Iterable<string> },
  ) {
    this.collapsed = new Set([...collapsed].filter((id) => discussion.byId.has(id)));
    this.expanded = new Set(carried?.expanded);
    this.revealed = new Set(carried?.revealed);
    this.states = this.compute();
    this.highlights = this.computeHighlights();
  }

  state(id: string): DisplayState {
    return this.states.get(id) ?? 'hidden';
  }

  allStates(): ReadonlyMap<string, DisplayState> {
    return this.states;
  }

  highlight(id: string): readonly HighlightReason[] {
    return this.highlights.get(id) ?? NONE;
  }

  /** The reader's one-off openings, to carry into a rebuilt store. */
  opened(): { expanded: ReadonlySet<string>; revealed: ReadonlySet<string> } {
    return { expanded: this.expanded, revealed: this.revealed };
  }

  getThresholds(): Thresholds {
    return this.thresholds;
  }

  subscribe(id: string, fn: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Called after every change, once, e.g. to persist and report status. */
  onChange(fn: () => void): () => void {
    this.anyListeners.add(fn);
    return () => this.anyListeners.delete(fn);
  }

  setThresholds(t: Thresholds): void {
    this.thresholds = t;
    this.update();
  }

  get highlighter(): Highlighter {
    return this.currentHighlighter;
  }

  setHighlighter(h: Highlighter): void {
    this.currentHighlighter = h;
    const next = this.computeHighlights();
    const dirty = new Set<string>();
    for (const id of new Set([...this.highlights.keys(), ...next.keys()])) {
      if ((this.highlights.get(id) ?? NONE).join() !== (next.get(id) ?? NONE).join()) dirty.add(id);
    }
    this.highlights = next;
    this.notify(dirty);
  }

  toggleCollapsed(id: string): void {
    if (this.collapsed.has(id)) this.collapsed.delete(id);
    else this.collapsed.add(id);
    this.update();
  }

  /** A one-line comment clicked open. */
  expand(id: string): void {
    this.expanded.add(id);
    this.update();
  }

  /** "N comments below threshold — show". */
  reveal(ids: readonly string[]): void {
    for (const id of ids) this.revealed.add(id);
    this.update();
  }

  private compute(): Map<string, DisplayState> {
    return computeStates(this.discussion, this.thresholds, {
      collapsed: this.collapsed,
      expanded: this.expanded,
      revealed: this.revealed,
    });
  }

  private computeHighlights(): Map<string, HighlightReason[]> {
    const out = new Map<string, HighlightReason[]>();
    for (const c of this.discussion.all) {
      const reasons = highlightReasons(this.currentHighlighter, c, this.text);
      if (reasons.length > 0) out.set(c.id, reasons);
    }
    return out;
  }

  private update(): void {
    const prev = this.states;
    this.states = this.compute();
    const dirty = new Set<string>();
    for (const c of this.discussion.all) {
      if (prev.get(c.id) !== this.states.get(c.id)) {
        dirty.add(c.id);
        dirty.add(c.parent ?? ROOT);
      }
    }
    this.notify(dirty);
  }

  private notify(dirty: Set<string>): void {
    for (const id of dirty) for (const fn of this.listeners.get(id) ?? []) fn();
    for (const fn of this.anyListeners) fn();
  }
}

const NONE: readonly HighlightReason[] = [];
