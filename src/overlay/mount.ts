import type { ViewStore } from './view-store';
import { mountSummaryBar } from './summary-bar';
import { TreeView } from './tree-view';

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
  root.className = 'thr-root';
  const summary = doc.createElement('div');
  const list = doc.createElement('div');
  list.className = 'thr-roots';
  root.append(summary, list);
  container.parentNode?.insertBefore(root, container);

  const el = container as HTMLElement;
  const previousStyle = el.getAttribute('style');
  // !important: the site's own stylesheet may force the listing visible.
  el.style.setProperty('display', 'none', 'important');

  const unmountSummary = mountSummaryBar(summary, store);
  const view = new TreeView(list, store, options);

  return {
    unmount() {
      view.destroy(); // bodies go back to their places
      unmountSummary();
      root.remove();
      // Chromium writes the style attribute back from the style object lazily: removing the
      // attribute alone can leave style="" behind. Setting it first makes the removal stick.
      if (previousStyle === null) {
        el.setAttribute('style', '');
        el.removeAttribute('style');
      } else el.setAttribute('style', previousStyle);
    },
    flush: () => view.flush(),
  };
}
