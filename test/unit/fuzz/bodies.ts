// Comment text as each format's real markup marks it, found without the adapters (so a bug in an
// adapter cannot hide a loss): Slash and rehash write div#comment_body_ID and div#comment_sig_ID;
// mirrors write div.comment-text. What was found before Threshold touched the page must still be
// there afterwards, in the overlay or where the site put it.

import type { Format } from './corpus';

export interface CommentText {
  el: Element;
  /** The element's text when found. */
  text: string;
  /** Its text nodes, each of which must survive unchanged (robust to bodies nested in bodies). */
  nodes: Text[];
  data: string[];
  /** Where the page had it. */
  parent: Node | null;
  /** Another comment text element sits inside this one (then its text is split by design). */
  holdsOthers: boolean;
}

const SLASH_TEXT_ID = /^comment_(?:body|sig)_\d+$/;

export function findCommentTexts(doc: Document, format: Format): CommentText[] {
  const els: Element[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0, n = all.length; i < n; i++) {
    const el = all[i]!;
    if (format === 'mirror' ? el.classList.contains('comment-text') : SLASH_TEXT_ID.test(el.id)) els.push(el);
  }
  const set = new Set(els);
  return els.map((el) => {
    const nodes: Text[] = [];
    const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) nodes.push(t as Text);
    let holdsOthers = false;
    for (const other of set) if (other !== el && el.contains(other)) holdsOthers = true;
    return { el, text: el.textContent ?? '', nodes, data: nodes.map((t) => t.data), parent: el.parentNode, holdsOthers };
  });
}

/**
 * What is wrong with the comment texts now (empty: nothing lost). `overlay` is the overlay's
 * root (null once unmounted); `docText` the document's whole text, when the caller paid for it.
 */
export function lostTexts(texts: readonly CommentText[], overlay: Element | null, docText: string | null): string[] {
  const problems: string[] = [];
  for (const t of texts) {
    const name = t.el.id || `.${t.el.getAttribute('class') ?? ''}`;
    if (!t.el.isConnected) {
      problems.push(`${name}: no longer in the document`);
      continue;
    }
    const inOverlay = overlay !== null && overlay.contains(t.el);
    if (!inOverlay && t.el.parentNode !== t.parent) problems.push(`${name}: moved out of its place, and not into the overlay`);
    if (inOverlay) {
      // In the overlay means in a comment's text slot: shown while that comment is shown whole,
      // kept there out of sight otherwise (moving it back and forth would reload its frames).
      const slot = t.el.parentElement?.closest<HTMLElement>('.thr-body');
      const art = slot?.closest<HTMLElement>('[data-comment-id]');
      const state = art?.getAttribute('data-state');
      if (!slot || !art) problems.push(`${name}: in the overlay outside a comment's text`);
      else if (!art.hidden && !slot.hidden !== (state === 'full')) {
        problems.push(`${name}: ${state === 'full' ? 'out of sight in a comment shown whole' : `shown in a comment in state ${state}`}`);
      } else if (art.hidden !== (state === 'hidden')) problems.push(`${name}: its comment in state ${state} is ${art.hidden ? '' : 'not '}hidden`);
    }
    for (let i = 0; i < t.nodes.length; i++) {
      const node = t.nodes[i]!;
      if (!node.isConnected || node.data !== t.data[i]) {
        problems.push(`${name}: text "${t.data[i]!.trim().slice(0, 40)}" lost or changed`);
        break;
      }
    }
    if (docText !== null && !t.holdsOthers && !docText.includes(t.text)) problems.push(`${name}: its text is not in the document's text`);
  }
  return problems;
}
