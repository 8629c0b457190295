import type { OverlayHandle } from '../overlay/handle';

/** What is in view, as the find box needs to know it: a match's range, or its comment's row. */
export type Target = Range | HTMLElement;

/**
 * Brings a match into sight below the find box, as the browser's find does: left where it is
 * when the reader already sees it; otherwise its comment's row is drawn and brought up
 * (scrollToComment, which also focuses the row), then the match is centred in the part of the
 * view the box does not cover. `locate` gives the match's range (or its row) once drawn.
 * Focus goes back to `keep` (the find box's input, or the button pressed).
 */
export function revealMatch(handle: OverlayHandle, id: string, box: HTMLElement, keep: HTMLElement, locate: () => Target | null): void {
  const win = box.ownerDocument.defaultView;
  if (sight(box, locate()) === 'in') return;
  handle.scrollToComment(id);
  keep.focus({ preventScroll: true });
  const target = locate();
  const r = target ? rectOf(target) : null;
  if (!win || !r) return;
  const top = Math.max(0, box.getBoundingClientRect().bottom);
  const room = win.innerHeight - top;
  // Centred when it fits; a match taller than the view (a long run of text) starts at its top.
  const dy = r.height < room ? r.top - top - (room - r.height) / 2 : r.top - top;
  if (Math.abs(dy) >= 1) win.scrollBy({ top: Math.round(dy), behavior: 'instant' });
}

/**
 * Whether `target` is wholly in the view below the box: 'unknown' when it has no size (not laid
 * out, or nowhere to measure: jsdom), 'out' when it is not there at all.
 */
export function sight(box: HTMLElement, target: Target | null): 'in' | 'out' | 'unknown' {
  const win = box.ownerDocument.defaultView;
  if (!target) return 'out';
  const r = rectOf(target);
  if (!win || !r) return 'unknown';
  return r.top >= Math.max(0, box.getBoundingClientRect().bottom) && r.bottom <= win.innerHeight ? 'in' : 'out';
}

function rectOf(target: Target): DOMRect | null {
  // jsdom's ranges have no geometry.
  if (typeof target.getBoundingClientRect !== 'function') return null;
  const r = target.getBoundingClientRect();
  return r.width === 0 && r.height === 0 ? null : r;
}
