/**
 * The colour behind the overlay, for the box's own background: it stays over the rows while
 * they scroll under it, so it cannot be transparent like the rest of the overlay. The first
 * ancestor with a background colour of its own; null when none has one (the stylesheet's
 * fallback, the browser's canvas colour, is then right).
 */
export function backdrop(el: Element): string | null {
  const win = el.ownerDocument.defaultView;
  if (!win) return null;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const bg = win.getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return null;
}
