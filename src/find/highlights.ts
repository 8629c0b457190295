/**
 * Marks the matches with the CSS Custom Highlight API: ranges styled by ::highlight() rules
 * (overlay.css), with nothing written into the page's nodes (which are the site's own, moved in
 * and out of rows as the reader scrolls). The registry is the document's, shared by every
 * script world. Where the browser has no such API, nothing is marked and the rest still works.
 */
export const ALL_MATCHES = 'threshold-find';
export const CURRENT_MATCH = 'threshold-find-current';

type HighlightCtor = new (...ranges: Range[]) => Highlight;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const g = globalThis as { CSS?: { highlights?: HighlightRegistry }; Highlight?: HighlightCtor };
  const highlights = g.CSS?.highlights;
  return highlights && typeof g.Highlight === 'function' ? { highlights, Highlight: g.Highlight } : null;
}

/** Marks `all` as matches and `current` as the one gone to (not among `all`). */
export function paintHighlights(all: Range[], current: Range | null): void {
  const r = registry();
  if (!r) return;
  r.highlights.set(ALL_MATCHES, new r.Highlight(...all));
  if (current) r.highlights.set(CURRENT_MATCH, new r.Highlight(current));
  else r.highlights.delete(CURRENT_MATCH);
}

export function clearHighlights(): void {
  const r = registry();
  r?.highlights.delete(ALL_MATCHES);
  r?.highlights.delete(CURRENT_MATCH);
}
