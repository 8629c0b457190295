// Viewports for the list view under jsdom, which lays nothing out: one that sees everything
// (every row drawn, for tests of what the rows show), and one a test scrolls by hand.
import type { Viewport } from '../../../src/overlay/list-view/viewport';

/** A view taller than any thread: every row is drawn. */
export const everything: Viewport = {
  visible: () => ({ top: 0, bottom: 1e9 }),
  watch: () => () => {},
  scrollBy: () => {},
};

/**
 * A view `height` px tall whose top the test moves (`scrollTo`), telling the list view as the
 * browser's scroll events would. Positions are the list view's own (its guessed row heights:
 * jsdom measures nothing).
 */
export class ScrolledView implements Viewport {
  top = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly height: number) {}

  visible() {
    return { top: this.top, bottom: this.top + this.height };
  }

  watch(fn: () => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  scrollBy(dy: number) {
    this.top += dy;
  }

  scrollTo(top: number) {
    this.top = top;
    for (const fn of this.listeners) fn();
  }
}
