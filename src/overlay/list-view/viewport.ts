/**
 * Where the reader is looking, as the list view needs it. The page's own is `pageViewport`;
 * tests give their own (jsdom lays nothing out).
 */
export interface Viewport {
  /** The part of `el` in view, in px from its top (negative above it, past its height below). */
  visible(el: Element): { top: number; bottom: number };
  /** Calls `fn`, at most once a frame, when what is in view may have changed. Returns a stop function. */
  watch(fn: () => void): () => void;
  /** Scrolls what is in view down by `dy` px (up if negative), at once. */
  scrollBy(dy: number): void;
  /**
   * What to draw first, without asking the page where anything is (`visible` lays the page out,
   * in the task that mounts the overlay): the rows are measured after the first frame's layout,
   * and those in view are drawn then. Absent: `visible`.
   */
  first?(): { top: number; bottom: number };
}

/** The browser window: its scrolling, and any scrolling box inside the page (scroll events are caught on the way down). */
export function pageViewport(win: Window): Viewport {
  return {
    visible(el) {
      const top = el.getBoundingClientRect().top;
      return { top: -top, bottom: win.innerHeight - top };
    },
    watch(fn) {
      let queued = false;
      const run = () => {
        queued = false;
        fn();
      };
      const onChange = () => {
        if (queued) return;
        queued = true;
        win.requestAnimationFrame(run);
      };
      const options = { passive: true, capture: true };
      win.addEventListener('scroll', onChange, options);
      win.addEventListener('resize', onChange, options);
      return () => {
        win.removeEventListener('scroll', onChange, options);
        win.removeEventListener('resize', onChange, options);
      };
    },
    scrollBy(dy) {
      if (dy !== 0) win.scrollBy({ top: dy, behavior: 'instant' });
    },
    // The top of the list, a screen's height: where a page opened at its top shows it.
    first: () => ({ top: 0, bottom: win.screen?.height || 1000 }),
  };
}
