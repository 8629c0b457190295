import type { ViewStore } from './view-store';
import { mountSummaryBar } from './summary-bar';
import { TreeView } from './tree-view';

/**
 * How the listing is put out of sight. `display: none` makes the browser tear down the layout
 * of every comment in it (some 100 ms in one task at 5,000 comments, issue "Performance");
 * `content-visibility: hidden` skips its contents just as well (not painted, not focusable,
 * not found, not read out) and keeps their layout for when it comes back. The box itself
 * takes no room. Where it does not apply (a box that is not block-level, a browser without it)
 * the listing gets `display: none`.
 */
const SKIP: ReadonlyArray<readonly [string, string]> = [
  ['content-visibility', 'hidden'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
];
const NONE: ReadonlyArray<readonly [string, string]> = [['display', 'none']];
const SKIPPABLE = /^(block|list-item|flow-root|flex|grid)$/;

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
  // The page has been laid out by now: reading its computed display costs no style pass.
  const view = doc.defaultView;
  const skippable = view?.CSS?.supports?.('content-visibility', 'hidden') && SKIPPABLE.test(view.getComputedStyle(el).display);
  const hide = skippable ? SKIP : NONE;
  // !important: the site's own stylesheet may force the listing visible.
  for (const [prop, value] of hide) el.style.setProperty(prop, value, 'important');

  const unmountSummary = mountSummaryBar(summary, store);
  const tree = new TreeView(list, store, options);

  return {
    unmount() {
      tree.destroy(); // bodies go back to their places
      unmountSummary();
      root.remove();
      // Chromium writes the style attribute back from the style object lazily: removing the
      // attribute alone can leave style="" behind. Setting it first makes the removal stick.
      if (previousStyle === null) {
        el.setAttribute('style', '');
        el.removeAttribute('style');
      } else el.setAttribute('style', previousStyle);
    },
    flush: () => tree.flush(),
  };
}
