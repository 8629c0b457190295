import { render } from 'preact';
import type { ViewStore } from './view-store';
import { Overlay } from './overlay';

export interface Mounted {
  /** Puts the page back exactly as the site rendered it. */
  unmount(): void;
}

/**
 * Replaces the site's comment listing with the overlay. The listing is hidden, not removed:
 * every comment body not on screen stays inside it, and unmounting returns the moved bodies
 * and un-hides it.
 */
export function mountOverlay(container: Element, store: ViewStore): Mounted {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.setAttribute('data-threshold-root', '');
  root.className = 'thr-root';
  container.parentNode?.insertBefore(root, container);

  const el = container as HTMLElement;
  const previousStyle = el.getAttribute('style');
  // !important: the site's own stylesheet may force the listing visible.
  el.style.setProperty('display', 'none', 'important');

  render(<Overlay store={store} />, root);

  return {
    unmount() {
      render(null, root); // runs every BodySlot cleanup: bodies go back to their places
      root.remove();
      if (previousStyle === null) el.removeAttribute('style');
      else el.setAttribute('style', previousStyle);
    },
  };
}
