import type { ParseResult, RawComment } from '../model/types';
import type { SiteAdapter } from './types';
import { cleanText, parseScoreText } from './shared/score';
import { findElement, findElements, isEl } from './shared/dom-walk';
import { nearestOwner, signatureFromLines, textLines } from './shared/text-lines';
import { absoluteUrl } from './shared/url';

// Mirrors and archives of Slashdot-style discussions, in the format of the page the project
// started from (/work/shared/seed; written by demo/mirror-html.ts):
//
//   article.story > h1                          the story; a.submitter in its text
//   p.comment-count                             "3 of 419 comments (clear)"
//   ol.thread > li.comment#comment-ID
//     article
//       header.comment-head                     a.subject " by " a.author|span.author " · " time " · " span.score
//       div.comment-text                        the body; a signature follows a line that is exactly "--"
//     ol.replies > li.comment…
//
// Mirrors live on any host, so this adapter is chosen by markup alone (detect), never by address.

/** A header line's score: "Score: 5, Interesting", "Score: -1", "Score: ?". */
const SCORE_IN_HEADER = /\bScore:\s*(?:-1|[0-5]|\?)(?![\d])/;

export const mirror: SiteAdapter = {
  id: 'mirror',
  name: 'Slashdot-style mirror',
  matchesUrl() {
    return false;
  },
  detect(doc) {
    const thread = findThread(doc);
    if (!thread) return false;
    // Look at a few comments only: detect runs on arbitrary pages and must stay cheap.
    let seen = 0;
    for (let li = thread.firstElementChild; li && seen < 10; li = li.nextElementSibling) {
      if (!li.matches('li.comment')) continue;
      seen++;
      const { header } = articleParts(ownArticle(li));
      const text = cleanText(header?.textContent);
      if (SCORE_IN_HEADER.test(text) && (/\sby\s/.test(` ${text}`) || headerParts(header).score)) return true;
    }
    return false;
  },
  parse(doc, url) {
    try {
      return parsePage(doc, url);
    } catch (err) {
      return { ok: false, reason: `This mirror page could not be read (${err instanceof Error ? err.message : 'unexpected markup'}).` };
    }
  },
};

function parsePage(doc: Document, url: URL): ParseResult {
  const thread = findThread(doc);
  if (!thread) return { ok: false, reason: 'No comment list (ol.thread) was found on this page.' };

  const owners = new Map<Element, string>();
  const items: { id: string; li: Element }[] = [];
  const ids = new Set<string>();
  // A comment's <article> never holds other comments: not walking into it keeps this fast.
  const lis = findElements(thread, (el) => isEl(el, 'LI', 'comment'), (el) => el.tagName === 'ARTICLE');
  for (let i = 0; i < lis.length; i++) {
    const li = lis[i]!;
    // Mirrors copy the site's ids ("comment-47798613"); a missing one gets a stable stand-in.
    const id = li.id.replace(/^comment-/, '') || `n${i + 1}`;
    if (ids.has(id)) continue; // a duplicated id must not fork the tree
    ids.add(id);
    owners.set(li, id);
    items.push({ id, li });
  }
  if (items.length === 0) return { ok: false, reason: 'This page has no comments.' };

  const comments = items.map(({ id, li }) => readComment(id, li, thread, owners, url));
  // Story and count line are outside the list: walk the page around it only.
  const outside = (test: (el: Element) => boolean) => findElement(doc.documentElement, test, (el) => el === thread);
  const story = outside((el) => isEl(el, 'ARTICLE', 'story'));
  const h1 = (story && findElement(story, (el) => el.tagName === 'H1')) ?? outside((el) => el.tagName === 'H1');
  const submitter = story && findElement(story, (el) => isEl(el, null, 'submitter'));
  const countLine = outside((el) => isEl(el, null, 'comment-count'));
  return {
    ok: true,
    page: {
      site: 'mirror',
      threadKey: `mirror:${url.host}${url.pathname}`,
      title: cleanText(h1?.textContent) || cleanText(doc.title),
      submitter: cleanText(submitter?.textContent) || null,
      declaredCount: declaredCount(countLine),
      container: thread,
      comments,
    },
  };
}

function readComment(id: string, li: Element, thread: Element, owners: ReadonlyMap<Element, string>, url: URL): RawComment {
  const article = ownArticle(li);
  const { header, body } = articleParts(article);
  const headerText = cleanText(header?.textContent);
  const { subject, score: scoreEl, time, author } = headerParts(header);
  const { score, reason } = parseScoreText(scoreEl ? (scoreEl.textContent ?? '') : headerText);

  return {
    id,
    parent: nearestOwner(li, owners, thread),
    ...readAuthor(author, headerText, url),
    score,
    reason,
    title: cleanText(subject?.textContent),
    timestamp: cleanText(time?.textContent) || time?.getAttribute('datetime') || null,
    signature: body ? signatureFromLines(textLines(body)) : null,
    body,
    // The signature is inside the body element, which the overlay moves whole.
    signatureEl: null,
    permalink: subject?.tagName === 'A' ? absoluteUrl(subject.getAttribute('href'), url) : null,
    form: body ? 'full' : 'oneline',
  };
}

/** The first ol.thread. One native selector call: detect runs on arbitrary, possibly huge, pages. */
function findThread(doc: Document): Element | null {
  return doc.querySelector('ol.thread');
}

/** The comment's own <article>; replies sit beside it in ol.replies, never inside it. */
function ownArticle(li: Element): Element | null {
  for (let child = li.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'ARTICLE') return child;
  }
  return null;
}

/** The article's header line and body: its children in this format, found deeper if a mirror wraps them. */
function articleParts(article: Element | null): { header: Element | null; body: Element | null } {
  let header: Element | null = null;
  let body: Element | null = null;
  for (let c = article?.firstElementChild; c; c = c.nextElementSibling) {
    if (!header && c.tagName === 'HEADER') header = c;
    else if (!body && c.classList.contains('comment-text')) body = c;
  }
  const isBody = (el: Element) => el.classList.contains('comment-text');
  if (article && !body) body = findElement(article, isBody);
  // Never look for the header inside the body, where user markup could hold a <header>.
  if (article && !header) header = findElement(article, (el) => el.tagName === 'HEADER', isBody);
  return { header, body };
}

/** One walk over the header line for its parts. */
function headerParts(header: Element | null) {
  const parts = { subject: null as Element | null, score: null as Element | null, time: null as Element | null, author: null as Element | null };
  if (!header) return parts;
  const todo: Element[] = [];
  for (let c = header.lastElementChild; c; c = c.previousElementSibling) todo.push(c);
  while (todo.length > 0) {
    const el = todo.pop()!;
    const cls = el.classList;
    if (!parts.subject && cls.contains('subject')) parts.subject = el;
    else if (!parts.score && cls.contains('score')) parts.score = el;
    else if (!parts.author && cls.contains('author')) parts.author = el;
    else if (!parts.time && el.tagName === 'TIME') parts.time = el;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) todo.push(c);
  }
  return parts;
}

/** "… by <a class="author">NICK</a> · …"; a header without "by" means the mirror lost the author. */
function readAuthor(el: Element | null, headerText: string, url: URL): { author: string; authorUrl: string | null } {
  if (el) {
    return {
      author: cleanText(el.textContent),
      authorUrl: el.tagName === 'A' ? absoluteUrl(el.getAttribute('href'), url) : null,
    };
  }
  const m = /\sby\s+(.+?)\s+·/.exec(` ${headerText}`);
  return { author: m ? m[1]! : '', authorUrl: null };
}

/** "3 of 419 comments (clear)": the discussion had 419, the mirror shows 3. */
function declaredCount(countLine: Element | null): number | null {
  const text = cleanText(countLine?.textContent);
  const m = /([\d,]+)\s+of\s+([\d,]+)\s+comments?/i.exec(text) ?? /()([\d,]+)\s+comments?/i.exec(text);
  return m ? Number(m[2]!.replace(/,/g, '')) : null;
}
