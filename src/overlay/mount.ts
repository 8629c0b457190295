import type { ViewStore } from './view-store';
import { mountSummaryBar } from './summary-bar';
import { TreeView } from './tree-view';

/** Marks the site's listing while the overlay stands in for it. */
export const LISTING = 'data-threshold-listing';

export interface Mounted {
  /** Puts the page back exactly as the site rendered it. */
  unmount(): void;
  /** Renders the comments still waiting for a slice, now (the rest come in the background). */
  flush(): void;
}

export interface MountOptions {
  /** Called once every comment is in the overlay. */
  onComplete?: () => void;
}

/**
 * Replaces the site's comment listing with the overlay. The listing is hidden, not removed:
 * every comment body not yet shown stays inside it, and unmounting returns the moved bodies
 * and un-hides it.
 */
export function mountOverlay(container: Element, store: ViewStore, options: MountOptions = {}): Mounted {
  const doc = container.ownerDocument;
  const root = doc.createElement('div');
  root.setAttribute('data-threshold-root', '');
  const summary = doc.createElement('div');
  const list = doc.createElement('div');
  root.append(summary, list);
  container.parentNode?.insertBefore(root, container);

  // Hidden by content.css (see there why not with display: none).
  container.setAttribute(LISTING, '');

  const unmountSummary = mountSummaryBar(summary, store);
  const tree = new TreeView(list, store, options);

  return {
    unmount() {
      tree.destroy(); // bodies go back to their places
      unmountSummary();
      root.remove();
      container.removeAttribute(LISTING);
    },
    flush: () => tree.flush(),
  };
}
