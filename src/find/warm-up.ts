import type { ViewStore } from '../overlay/view-store';
import { AUTHOR, foldedTexts, TEXT, TITLE } from './texts';

/** Time one slice of reading may take before it lets the page work (ms). */
const SLICE_MS = 8;

/**
 * Reads and folds what the first search will look through (texts.ts), in short slices between
 * the page's own work, from the moment the box opens: the reader is still typing then. Done in
 * the first search instead, it is one long task on a big thread (about 300 ms at 20,000
 * comments in Chromium, most of it reading the bodies' text). Returns a stop function.
 */
export function warmUp(store: ViewStore): () => void {
  const d = store.discussion;
  const texts = foldedTexts(d);
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    timer = null;
    // The thread grew: the next search reads the new one.
    if (store.discussion !== d) return;
    const states = store.allStates();
    const end = performance.now() + SLICE_MS;
    while (i < d.all.length && performance.now() < end) {
      for (const stop = Math.min(d.all.length, i + 64); i < stop; i++) {
        const state = states.at(i);
        if (state === 'hidden') continue;
        texts.get(i, TITLE);
        texts.get(i, AUTHOR);
        if (state === 'full' && d.all[i]!.body) texts.get(i, TEXT);
      }
    }
    if (i < d.all.length) timer = setTimeout(slice, 0);
  };
  timer = setTimeout(slice, 0);
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
