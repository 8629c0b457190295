import { HANDLE, slots, type FindHandle, type OverlayHandle } from '../overlay/handle';
import { shapeOf } from '../model/shape';
import { backdrop } from './backdrop';
import { countText, createFindBox } from './find-box';
import { foldQuery } from './fold';
import { clearHighlights, paintHighlights } from './highlights';
import { rangesInRow } from './ranges';
import { revealMatch } from './reveal';
import { warmUp } from './warm-up';
import { firstAtOrAfter, matchesIn, search, type Matches, type Position } from './search';

/** Typing searches once it pauses this long: the first search of a big thread reads every comment. */
export const DEBOUNCE_MS = 150;

/**
 * Threshold's find box over the overlay (Ctrl+F, content/find-key.ts): the browser's own find
 * sees only the rows near the view (list-view/ draws no others), this one searches the whole
 * discussion in the model and brings the match's row in. One per page world, kept in
 * `slots[FIND]`; the overlay it works on is read from `slots[HANDLE]` each time, since the
 * overlay may be taken down and mounted anew (a new root, store and rows) while this stays.
 */
export function createFind(doc: Document): FindHandle {
  const ui = createFindBox(doc);
  /** The overlay the box is in, and what to stop when it leaves it. */
  let attached: { handle: OverlayHandle; stops: Array<() => void> } | null = null;
  let matches: Matches | null = null;
  /** The match gone to, -1 for none. */
  let current = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the pending search goes to its match (typing) or only recounts (the states changed). */
  let moveAfter = false;
  /** Where focus was before the box opened. */
  let before: Element | null = null;

  const owns = (el: EventTarget | null): boolean =>
    !!el && typeof (el as Node).nodeType === 'number' && ui.box.contains(el as Node);

  function open(): void {
    const handle = slots[HANDLE];
    if (!handle) return;
    if (attached?.handle !== handle || !ui.box.isConnected) attach(handle);
    if (!owns(doc.activeElement)) before = doc.activeElement;
    ui.input.focus({ preventScroll: true });
    ui.input.select();
  }

  /** Puts the box under the overlay's summary line and follows that overlay's changes. */
  function attach(handle: OverlayHandle): void {
    detach();
    const summary = handle.root.firstElementChild;
    if (summary) summary.after(ui.box);
    else handle.root.prepend(ui.box);
    const bg = backdrop(handle.root);
    if (bg) ui.box.style.setProperty('--thr-find-bg', bg);
    attached = {
      handle,
      stops: [
        // Rows come and go as the reader scrolls: mark the matches of the ones drawn now.
        handle.onDraw(paint),
        // States changed (threshold, collapse): what is searched changed; stay where we are.
        handle.store.onChange(() => schedule(false)),
        warmUp(handle.store),
      ],
    };
    matches = null;
    current = -1;
    // Opened again with a query (after Escape, or on a new overlay): find it again.
    if (ui.input.value !== '') schedule(true);
    else showCount();
  }

  function detach(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    for (const stop of attached?.stops.splice(0) ?? []) stop();
    attached = null;
  }

  /** Takes the box and its marks away; the query stays for the next opening. */
  function close(): void {
    detach();
    clearHighlights();
    ui.box.remove();
    matches = null;
    current = -1;
  }

  /**
   * Escape or the close button. Focus goes to the comment gone to, where the reader now is
   * (the page's own find leaves its selection there too), else back where it was before.
   */
  function dismiss(): void {
    const handle = attached?.handle;
    const at = handle && matches && current >= 0 ? handle.element(matches.discussion.all[matches.comment[current]!]!.id) : null;
    const back = at ?? (before?.isConnected ? before : null);
    close();
    (back as HTMLElement | null)?.focus?.({ preventScroll: true });
  }

  function schedule(move: boolean): void {
    moveAfter = (timer !== null && moveAfter) || move;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => run(moveAfter), DEBOUNCE_MS);
  }

  /**
   * Searches for what the input holds. The match to show is the first at or after the one shown
   * so far (typing on narrows from there), or, at first, the first at or below the top of the view.
   */
  function run(move: boolean): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const handle = slots[HANDLE];
    if (!handle || handle !== attached?.handle) return close();
    const d = handle.store.discussion;
    const from = position(d) ?? [viewTop(handle), 0, 0];
    const query = foldQuery(ui.input.value);
    matches = query === '' ? null : search(handle.store, query);
    current = matches && matches.count > 0 ? firstAtOrAfter(matches, from) % matches.count : -1;
    showCount();
    if (move && current >= 0) go();
    else paint();
  }

  /** The current match's place in `d` (which may be a newer discussion than the match's). */
  function position(d: Matches['discussion']): Position | null {
    if (!matches || current < 0) return null;
    const k = current;
    const i = matches.discussion === d ? matches.comment[k]! : shapeOf(d).index.get(matches.discussion.all[matches.comment[k]!]!.id);
    return i === undefined ? null : [i, matches.field[k]!, matches.start[k]!];
  }

  /** The first drawn comment below the find box: where a search starts. */
  function viewTop(handle: OverlayHandle): number {
    const line = ui.box.getBoundingClientRect().bottom;
    for (const [id, row] of drawnComments(handle)) {
      if (row.getBoundingClientRect().bottom > line) return shapeOf(handle.store.discussion).index.get(id) ?? 0;
    }
    return 0;
  }

  function step(by: 1 | -1): void {
    // Still typing: the search comes first, and goes to its first match.
    if (timer !== null) return run(true);
    if (!matches || matches.count === 0) return;
    current = (current + by + matches.count) % matches.count;
    showCount();
    go();
  }

  /** Brings the current match into sight and marks it. */
  function go(): void {
    const handle = attached?.handle;
    if (!handle || !matches || current < 0) return;
    const m = matches;
    const k = current;
    const c = m.discussion.all[m.comment[k]!]!;
    const locate = () => {
      const row = handle.element(c.id);
      return row ? (rangesInRow(row, c, m, k, k + 1)[0] ?? row) : null;
    };
    const keep = owns(doc.activeElement) ? (doc.activeElement as HTMLElement) : ui.input;
    revealMatch(handle, c.id, ui.box, keep, locate);
    paint();
  }

  /** Marks the matches in the drawn rows (only those: the others are not in the page). */
  function paint(): void {
    const handle = attached?.handle;
    if (!handle || !matches || matches.count === 0 || matches.discussion !== handle.store.discussion) return clearHighlights();
    const { index } = shapeOf(matches.discussion);
    const all: Range[] = [];
    let mark: Range | null = null;
    for (const [id, row] of drawnComments(handle)) {
      const i = index.get(id);
      if (i === undefined) continue;
      const [from, to] = matchesIn(matches, i);
      if (from === to) continue;
      const ranges = rangesInRow(row, matches.discussion.all[i]!, matches, from, to);
      ranges.forEach((r, n) => {
        if (!r) return;
        if (from + n === current) mark = r;
        else all.push(r);
      });
    }
    paintHighlights(all, mark);
  }

  /** The comment rows drawn now, top to bottom, with their ids (the list's own rows: not spacers or placeholders). */
  function* drawnComments(handle: OverlayHandle): Generator<[string, HTMLElement]> {
    const list = handle.root.querySelector(':scope > .thr-list');
    for (const row of list?.children ?? []) {
      const id = row.getAttribute('data-comment-id');
      if (id !== null && handle.element(id) === row) yield [id, row as HTMLElement];
    }
  }

  function showCount(): void {
    ui.count.textContent = ui.input.value.trim() === '' ? '' : countText(matches?.count ?? 0, current);
  }

  ui.input.addEventListener('input', () => schedule(true));
  ui.box.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      dismiss();
    } else if (e.key === 'Enter' && e.target === ui.input) {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    }
  });
  ui.prev.addEventListener('click', () => step(-1));
  ui.next.addEventListener('click', () => step(1));
  ui.close.addEventListener('click', dismiss);

  return { open, owns, close };
}
