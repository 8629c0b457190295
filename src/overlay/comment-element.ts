// One comment row of the overlay as plain DOM: built when the row is drawn, then only its
// attributes and a few parts of its header change. Plain DOM rather than Preact: the content
// script carries no UI library (its size is part of every page load), and a virtual tree per
// row would be diffed on every change for what a few attribute writes do.
import type { Comment, DisplayState, HighlightReason } from '../model/types';
import { safeHref } from './safe-url';
import { setMarkedText } from './marked-text';

const BADGE: Record<HighlightReason, string> = { user: 'followed', keyword: 'keyword', submitter: 'submitter' };

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

const titleOf = (c: Comment) => c.title || '(no subject)';
// Some pages lose the author (deleted accounts, script-only stubs): say so rather than print nothing.
const authorOf = (c: Comment) => c.author || 'unknown author';

/**
 * One empty comment, cloned for each: a deep clone is done in one native call, where building
 * the same six elements one by one costs a dozen calls into the DOM per comment.
 */
const templates = new WeakMap<Document, HTMLElement>();

function template(doc: Document): HTMLElement {
  let art = templates.get(doc);
  if (art) return art;
  art = el(doc, 'article', 'thr-comment');
  const head = el(doc, 'div', 'thr-head');
  const toggle = el(doc, 'button', 'thr-toggle');
  toggle.type = 'button';
  // The title twice: as text, and as the button that opens a one-line comment. The stylesheet
  // shows the one the state asks for, so a threshold change writes nothing here.
  const opener = el(doc, 'button', 'thr-title thr-open', ' ');
  opener.type = 'button';
  opener.title = 'Show this comment';
  const by = el(doc, 'span', 'thr-by', ' by ');
  by.append(el(doc, 'a', undefined, ' '));
  head.append(toggle, el(doc, 'span', 'thr-title', ' '), opener, by, el(doc, 'span', 'thr-score', ' '));
  art.append(head);
  templates.set(doc, art);
  return art;
}

/**
 * The comment's <article> with its header line (toggle, title, author, score, time), in no
 * state yet: `applyState` gives it one. `flatDepth` is set for a reply nested deeper than the
 * overlay indents, which is shown flat and says how deep it is.
 */
export function createComment(doc: Document, c: Comment, flatDepth: number | null): HTMLElement {
  const art = template(doc).cloneNode(true) as HTMLElement;
  art.setAttribute('data-comment-id', c.id);
  art.setAttribute('data-score', c.score === null ? 'unknown' : String(c.score));
  const head = art.firstChild as HTMLElement;
  const title = head.childNodes[1]!;
  const opener = title.nextSibling!;
  const by = opener.nextSibling!;
  const link = by.lastChild as HTMLAnchorElement;
  (title.firstChild as Text).data = titleOf(c);
  (opener.firstChild as Text).data = titleOf(c);
  const href = safeHref(c.authorUrl);
  if (href) {
    link.href = href;
    (link.firstChild as Text).data = authorOf(c);
  } else {
    link.replaceWith(authorOf(c));
  }
  ((by.nextSibling as Element).firstChild as Text).data = scoreText(c);
  if (c.timestamp) head.append(el(doc, 'span', 'thr-time', c.timestamp));
  if (flatDepth !== null) {
    const depth = el(doc, 'span', 'thr-depth', `↳ level ${flatDepth + 1}`);
    depth.title = 'Too deep to indent further';
    head.append(depth);
  }
  return art;
}

/** The page nodes that make up the comment's text: body, and signature or "read the rest" link kept beside it. */
export function textNodes(c: Comment): Element[] {
  const list: Element[] = [];
  if (c.body) list.push(c.body);
  for (const e of [c.signatureEl, ...(c.extraEls ?? [])]) if (e && !c.body?.contains(e)) list.push(e);
  return list;
}

/**
 * Brings the article and its header to `state`, writing only what differs: the rows in view
 * pass through here on every change. (A hidden comment has no row.) The body is the caller's
 * (see list-view).
 */
export function applyState(
  art: HTMLElement,
  c: Comment,
  state: Exclude<DisplayState, 'hidden'>,
  /** How many replies, at any depth, it folds away when collapsed (the caller has the tree's counts). */
  replyCount: number,
): void {
  const prev = art.getAttribute('data-state');
  // Nothing else differs when the state does not (its header was written for it).
  if (prev === state) return;
  art.setAttribute('data-state', state);
  const collapsed = state === 'collapsed';
  // Shown whole or as one line, and before that too: the stylesheet shows the right title,
  // and the header has nothing else to change unless the comment's text is not in the page
  // (see the tail below).
  if (c.body && !collapsed && prev !== 'collapsed' && prev !== null) return;
  const doc = art.ownerDocument;
  const head = art.firstElementChild!;
  const toggle = head.firstElementChild!;
  // The sign (− or +) is drawn by the stylesheet from aria-expanded.
  const expanded = collapsed ? 'false' : 'true';
  if (toggle.getAttribute('aria-expanded') !== expanded) {
    toggle.setAttribute('aria-expanded', expanded);
    toggle.setAttribute('aria-label', `${collapsed ? 'Expand' : 'Collapse'} “${titleOf(c)}” by ${authorOf(c)}`);
  }

  // The header's trailing parts: a link to the comment on the site for one without text in the
  // page (Slashdot's one-liners, d2's hidden stubs: a body-sized notice each would bury the
  // thread), and the reply count of a collapsed one, last. Two reads tell whether they are
  // there, where scanning the header for them cost more than all the writes.
  // A one-liner opened to full or closed again (most of a threshold change) has none to touch.
  if ((!c.body && (state === 'full' || prev !== 'abbreviated')) || collapsed || prev === 'collapsed' || prev === null) {
    const wantElsewhere = !c.body && state === 'full';
    const wantReplies = collapsed && c.children.length > 0;
    // None there and none wanted (a fresh row, mostly): nothing to read.
    if (!wantElsewhere && !wantReplies && !tailed.has(art)) return;
    const [elsewhereEl, replies] = tailParts(head);
    if (elsewhereEl && !wantElsewhere) elsewhereEl.remove();
    else if (!elsewhereEl && wantElsewhere) head.insertBefore(elsewhere(doc, c), replies);
    if (!collapsed) replies?.remove();
    else if (!replies && wantReplies) {
      // The caller's count (the model's subtree sizes): no walk down a thread of thousands here.
      head.append(el(doc, 'span', 'thr-replies', `(${replyCount} ${replyCount === 1 ? 'reply' : 'replies'})`));
    }
    if (wantElsewhere || wantReplies) tailed.add(art);
    else tailed.delete(art);
  }
}

/** Articles whose header ends in a trailing part (see applyState): only this module adds them. */
const tailed = new WeakSet<Element>();

/** Highlight reasons as attribute, class and badges; keyword marks in the title. */
export function applyHighlight(art: HTMLElement, c: Comment, reasons: readonly HighlightReason[], marks: ReadonlyArray<readonly [number, number]>): void {
  const doc = art.ownerDocument;
  if (reasons.length > 0) art.setAttribute('data-highlight', reasons.join(' '));
  else art.removeAttribute('data-highlight');
  art.classList.toggle('thr-highlight', reasons.length > 0);
  const head = art.firstElementChild!;
  for (const b of [...head.children]) if (b.classList.contains('thr-badge')) b.remove();
  const [elsewhereEl, replies] = tailParts(head);
  const before = elsewhereEl ?? replies;
  for (const r of reasons) head.insertBefore(el(doc, 'span', `thr-badge thr-badge-${r}`, BADGE[r]), before);
  const title = head.firstElementChild!.nextElementSibling!;
  setMarkedText(title, titleOf(c), marks);
  setMarkedText(title.nextElementSibling!, titleOf(c), marks);
}

/** The header's trailing parts, when there: the "elsewhere" link, then the reply count, last. */
function tailParts(head: Element): [Element | null, Element | null] {
  let tail = head.lastElementChild;
  const replies = tail?.className === 'thr-replies' ? tail : null;
  if (replies) tail = tail!.previousElementSibling;
  return [tail?.className === 'thr-elsewhere' ? tail : null, replies];
}

function elsewhere(doc: Document, c: Comment): Element {
  const href = safeHref(c.permalink);
  if (!href) return el(doc, 'span', 'thr-elsewhere', 'text not in the page');
  const a = el(doc, 'a', 'thr-elsewhere', 'read on the site');
  a.href = href;
  return a;
}

function scoreText(c: Comment): string {
  const score = c.score === null ? 'Score: ?' : `Score: ${c.score}`;
  return c.reason ? `${score}, ${c.reason}` : score;
}
