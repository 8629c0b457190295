import type { ViewStore } from './view-store';
import { mountSummaryBar } from './summary-bar';
import { ListView } from './list-view';
import { commentOfFragment } from './fragment';
import { FIND, HANDLE, slots } from './handle';
import type { Viewport } from './list-view/viewport';

/** Marks the site's listing while the overlay stands in for it. */
export const LISTING = 'data-threshold-listing';

export interface Mounted {
  /** Puts the page back exactly as the site rendered it. */
  unmount(): void;
}

export interface MountOptions {
  /** Called once every comment is in the overlay. */
  onComplete?: () => void;
  /** Where the reader is looking (the browser window's view unless given). */
  viewport?: Viewport;
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
  const view = new ListView(list, store, options);

  // A link to a comment (the page's address, a "Parent" link) points into the hidden listing:
  // the overlay goes to that comment instead.
  const win = doc.defaultView;
  const toFragment = () => {
    const id = win ? commentOfFragment(store.discussion, win.location.hash) : null;
    if (id) view.scrollToComment(id);
  };
  toFragment();
  win?.addEventListener('hashchange', toFragment);

  // For find.js, added on demand (handle.ts; content/find-key.ts asks for it).
  slots[HANDLE] = {
    root,
    store,
    scrollToComment: (id) => view.scrollToComment(id),
    element: (id) => view.element(id),
    onDraw: (fn) => view.onDraw(fn),
  };

  return {
    unmount() {
      win?.removeEventListener('hashchange', toFragment);
      slots[FIND]?.close?.();
      delete slots[HANDLE];
      view.destroy(); // bodies go back to their places
      unmountSummary();
      root.remove();
      container.removeAttribute(LISTING);
    },
  };
}
