import browser from 'webextension-polyfill';
import { OPEN_FIND } from '../shared/messages';
import { FIND, HANDLE, slots } from '../overlay/handle';

/**
 * Ctrl+F (Cmd+F) over the overlay opens Threshold's find box: the browser's own find sees only
 * the rows near the view (list-view/). Pressed again inside the find box, it is the browser's
 * find, as on sites that draw long lists the same way. The box's script is added on the first
 * press (the background adds find.js): it stays out of the content script until needed.
 */
export function listenForFind(win: Window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'f') return;
    // No overlay (not mounted yet, or switched off): the page is the site's, and so is its find.
    if (!slots[HANDLE]) return;
    const find = slots[FIND];
    if (find?.owns(e.target)) return;
    e.preventDefault();
    if (find) find.open();
    else browser.runtime.sendMessage({ type: OPEN_FIND }).catch((err: unknown) => console.warn('Threshold: could not open find', err));
  };
  win.addEventListener('keydown', onKey, true);
  return () => win.removeEventListener('keydown', onKey, true);
}
