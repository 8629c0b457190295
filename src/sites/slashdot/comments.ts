// Reading Slashdot's comment markup, both generations (read from the saved pages in
// test/fixtures/slashdot):
//
// classic (2006–2007, threaded mode), inside ul#commentlisting:
//   <li id="tree_ID" class="comment"> <div id="comment_ID"> … h4 > a[name=ID] (title),
//     span#comment_score_ID "(Score:5, Insightful)", div.details "by <a href=//slashdot.org/~NICK>NICK (UID)</a>"
//     or "by Anonymous Coward", span.otherdetails "on DATE (#ID)", div#comment_body_ID,
//     div#comment_sub_ID holding "[ Parent ]" (a link with cid=PARENT) … </div> <ul id="commtree_ID">replies</ul>
//   one-liners (below the page's "full" level, no body):
//     <li><a href="…comments.pl?sid=…&pid=PARENT#ID">Title</a> by NICK (Score:1) DATE <ul id="commtree_ID">…</ul></li>
//   Below the page threshold Slashdot flattens deeper replies into an ancestor's list, so the
//   list a one-liner sits in is NOT always its parent: the link's `pid=` is. Placeholders such as
//   <li><b><a …>1 reply</a> beneath your current threshold.</b></li> are not comments.
//
// d2 (2008): <li id="tree_ID" class="comment"> <div id="comment_ID" class="full|oneline|hidden">.
//   "full" and "oneline" carry the same parts as classic (D2 sends the body of one-line comments
//   too, only its CSS hides it); "hidden" is an empty placeholder whose data is in the inline script.

import type { RawComment } from '../../model/types';
import { cleanText, parseScoreText } from '../shared/score';
import { ResolvedLinks, viewLink, type LinkView } from '../shared/url';
import { keptText } from '../shared/kept-texts';
import { isDigits } from '../shared/digits';
import type { ParentClaim } from '../shared/parents';
import type { ScriptComment, ScriptData } from './script-data';

export interface FoundComment {
  raw: RawComment;
  claim: ParentClaim;
}

export interface ReadContext {
  container: Element;
  pageUrl: URL;
  script: ScriptData | null;
  /** Builds the site's link to a comment (for those without one in the markup). */
  commentLink(id: string): string | null;
  /** What one parse remembers; from newReadCache(pageUrl). */
  cache: ReadCache;
}

/**
 * What many comments share, resolved once per parse. `new URL` costs microseconds, and a page of
 * 5,000 comments holds some 15,000 links; links are read with viewLink (mostly without it), and
 * only those whose text can name what is looked for.
 */
export interface ReadCache {
  links: ResolvedLinks;
  /** The page address's `cid=`: links without a query of their own take the page's. */
  pageCid: string | null;
  /** discussionUrl by (origin, path, sid) of the links one-liners carry. */
  discussions: Map<string, string | null>;
  /** The short texts each comment keeps (author, time, title), once each: keptText. */
  texts: Map<string, string>;
}

export function newReadCache(pageUrl: URL): ReadCache {
  return { links: new ResolvedLinks(pageUrl), pageCid: pageUrl.searchParams.get('cid'), discussions: new Map(), texts: new Map() };
}

const ANONYMOUS = 'Anonymous Coward';
/** Slashdot's anonymous-coward account, as D2 reports it (user_uid(666) with user_is_anon(1)). */
const ANONYMOUS_UID = 666;

/** Comments read between two yields of readListingSteps. */
const STEP = 32;

/**
 * Every comment the listing's markup shows, in document order; ids are unique (first wins).
 * Yields every STEP comments, so the content script can read big pages in slices. On a listing
 * of `preview.items` items or more, also yields once what was read so far, as soon as it is
 * `preview.comments` comments or more (but not 20 times more) and the next item starts a
 * top-level thread: the threads read are complete.
 */
export function* readListingSteps(ctx: ReadContext, preview?: { items: number; comments: number }): Generator<FoundComment[] | void, FoundComment[]> {
  const out: FoundComment[] = [];
  const seen = new Set<string>();
  // A static list: the page may change between slices, what was there when reading began is read.
  const items = ctx.container.querySelectorAll('li');
  let previewAt = preview && items.length >= preview.items ? preview.comments : 0;
  for (let i = 0; i < items.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const li = items[i]!;
    if (previewAt > 0 && out.length >= previewAt) {
      // A first thread much bigger than that is no preview: then there is none.
      if (out.length > 20 * previewAt) previewAt = 0;
      else if (li.parentElement === ctx.container) {
        previewAt = 0;
        yield out.slice();
      }
    }
    const liId = li.id;
    const tree = liId === '' ? null : digitsAfter('tree_', liId);
    const found = tree !== null ? readTreeItem(li, tree, ctx) : liId === '' ? readOneLiner(li, ctx) : null;
    if (found && !seen.has(found.raw.id)) {
      seen.add(found.raw.id);
      out.push(found);
    }
  }
  return out;
}

/** A comment the script knows but the markup does not show at all. */
export function stubFromScript(entry: ScriptComment, ctx: ReadContext): FoundComment {
  return {
    raw: {
      id: entry.id,
      author: entry.uid === ANONYMOUS_UID ? ANONYMOUS : '',
      authorUrl: null,
      score: scriptScore(entry),
      reason: null,
      title: entry.subject ?? '',
      timestamp: null,
      signature: null,
      body: null,
      signatureEl: null,
      permalink: ctx.commentLink(entry.id),
      form: 'stub',
    },
    claim: { id: entry.id, exact: entry.pid, fallback: null },
  };
}

function readTreeItem(li: Element, id: string, ctx: ReadContext): FoundComment {
  const entry = ctx.script?.comments.get(id);
  const fallback = enclosingComment(li, ctx.container);
  const div = childById(li, `comment_${id}`);
  const parts = div ? collectParts(div, id) : null;

  if (!parts || (!parts.heading && !parts.body)) {
    // d2's "hidden" placeholder (or a tree item we cannot read): only the script's data.
    const stub = stubFromScript(entry ?? emptyEntry(id), ctx);
    stub.claim.fallback = fallback;
    return stub;
  }

  let { score, reason } = parseScoreText(parts.score?.textContent ?? '');
  if (score === null && entry) score = scriptScore(entry);
  const { author, authorUrl } = readAuthor(parts.details, ctx.cache.links);
  const texts = ctx.cache.texts;

  return {
    raw: {
      id,
      author: keptText(texts, author),
      authorUrl,
      score,
      reason,
      title: keptText(texts, readTitle(parts.heading, parts.score) || (entry?.subject ?? '')),
      timestamp: readTimestamp(parts.other, texts),
      signature: parts.sig ? readSignature(parts.sig) : null,
      body: parts.body,
      signatureEl: parts.sig,
      extraEls: parts.shrunk ? [parts.shrunk] : undefined,
      permalink: ownLink(parts, id, ctx),
      form: parts.body ? 'full' : 'oneline',
    },
    claim: { id, exact: entry?.pid !== undefined ? entry.pid : parentLink(parts, id, ctx.pageUrl), fallback },
  };
}

/**
 * The parts of one comment's div, found in a single walk that does not enter the text.
 *
 * Speed: a classic page of 5,000 comments holds some 65,000 elements, and this walk visits
 * about 45,000 of them, so the work per element is kept to a few DOM reads: tagName, id (an
 * empty string on most elements; compared without building six names per comment), and the
 * class while the details are not found (className: classList would make a DOMTokenList for
 * every element it is read on). The links are recorded as the walk passes them, with the span
 * of those inside the sub, so that finding the own and parent links needs no second search.
 */
interface Parts {
  heading: Element | null;
  score: Element | null;
  details: Element | null;
  other: Element | null;
  body: Element | null;
  sig: Element | null;
  sub: Element | null;
  /** "Read the rest of this comment..." beside a shortened body. */
  shrunk: Element | null;
  /** Links outside the body and signature, in order. */
  links: Element[];
  /** links[subStart, subEnd) are those inside `sub` (`sub` included); set when `sub` is. */
  subStart: number;
  subEnd: number;
}

function collectParts(div: Element, id: string): Parts {
  const parts: Parts = {
    heading: null,
    score: null,
    details: null,
    other: null,
    body: null,
    sig: null,
    sub: null,
    shrunk: null,
    links: [],
    subStart: 0,
    subEnd: -1,
  };
  const links = parts.links;
  // The parts' ids are "comment_KIND_ID": compare KIND only where the id ends in "_ID".
  const suffix = `_${id}`;
  let el: Element | null = div.firstElementChild;
  while (el) {
    let enter = true;
    const elId = el.id;
    if (elId.length > suffix.length + 8 && elId.endsWith(suffix) && elId.startsWith('comment_')) {
      switch (elId.slice(8, elId.length - suffix.length)) {
        case 'shrunk':
          parts.shrunk ??= el;
          break;
        case 'score':
          parts.score ??= el;
          break;
        case 'otherdetails':
          parts.other ??= el;
          break;
        case 'body':
          // User-written text: nothing of ours inside, and it may be long.
          if (!parts.body) (parts.body = el), (enter = false);
          break;
        case 'sig':
          if (!parts.sig) (parts.sig = el), (enter = false);
          break;
        case 'sub':
          if (!parts.sub) (parts.sub = el), (parts.subStart = links.length);
          break;
      }
    }
    const tag = el.tagName;
    if (tag === 'A') links.push(el);
    else if (tag === 'H4' && !parts.heading) parts.heading = el;
    else if (!parts.details && hasClass(el, 'details')) parts.details = el;

    if (enter && el.firstElementChild) {
      el = el.firstElementChild;
      continue;
    }
    // Leaving el's subtree: climb to the next element in document order, noting when the
    // subtree left is the sub's (its links end there).
    while (el && el !== div && !el.nextElementSibling) {
      if (el === parts.sub) parts.subEnd = links.length;
      el = el.parentElement;
    }
    if (el && el === parts.sub) parts.subEnd = links.length;
    el = el && el !== div ? el.nextElementSibling : null;
  }
  return parts;
}

/** `el.classList.contains(name)` without making the element a DOMTokenList. */
function hasClass(el: Element, name: string): boolean {
  // className is a cheaper read than getAttribute('class'), but on SVG elements it is an object.
  const className: unknown = el.className;
  const cls = typeof className === 'string' ? className : el.getAttribute('class');
  if (cls === null || !cls.includes(name)) return false;
  return cls === name || cls.split(/[\t\n\f\r ]/).includes(name);
}

/** `<li><a href="…pid=P#ID">Title</a> by NICK (Score:N) DATE<ul id="commtree_ID">…` */
function readOneLiner(li: Element, ctx: ReadContext): FoundComment | null {
  const link = li.firstElementChild;
  if (!link || link.tagName !== 'A') return null;
  if (link.previousSibling !== null && cleanText(link.previousSibling.textContent) !== '') return null;
  const href = viewLink(link.getAttribute('href'), ctx.pageUrl);
  const id = href ? digitsAfter('#', href.hash) : null;
  if (!href || id === null) return null;

  // The text between the link and the reply list: " by NICK (Score:1) Friday July 06, @08:58AM",
  // read as it stands and only its parts cleaned (one-liners are half of a big page: a cleaned
  // copy of each whole line was a tenth of what a 20k read allocated).
  let rest = '';
  for (let n = link.nextSibling; n && n.nodeType !== 1; n = n.nextSibling) rest += n.textContent ?? '';
  const by = BY_RE.exec(rest);
  const at = rest.lastIndexOf('(Score:');
  if (!by || at < 0) return null;
  const close = rest.indexOf(')', at);
  const { score, reason } = parseScoreText(rest.slice(at, close < 0 ? undefined : close + 1));
  const author = cleanText(rest.slice(by[0].length, at));
  const timestamp = close < 0 ? '' : cleanText(rest.slice(close + 1));

  const pid = href.param('pid');
  const entry = ctx.script?.comments.get(id);
  const texts = ctx.cache.texts;
  return {
    raw: {
      id,
      author: keptText(texts, author),
      authorUrl: null,
      score,
      reason,
      title: keptText(texts, cleanText(link.textContent)),
      timestamp: timestamp ? keptText(texts, timestamp) : null,
      signature: null,
      body: null,
      signatureEl: null,
      permalink: linkedCommentUrl(href, id, ctx.cache) ?? ctx.commentLink(id),
      form: 'oneline',
    },
    claim: {
      id,
      exact: entry?.pid !== undefined ? entry.pid : pid === '0' ? null : pid && isDigits(pid) ? pid : undefined,
      fallback: enclosingComment(li, ctx.container),
    },
  };
}

/** "by " opening a one-liner's line, after any white space. */
const BY_RE = /^\s*by\s/;

/** The comment whose reply list (ul#commtree_ID) holds this item; `null` at the top. */
function enclosingComment(li: Element, container: Element): string | null {
  for (let el = li.parentElement; el && el !== container; el = el.parentElement) {
    if (el.tagName === 'UL') {
      const id = digitsAfter('commtree_', el.id);
      if (id !== null) return id;
    }
  }
  return null;
}

/** "[ Parent ]": the comment-sub link to another comment (cid=PARENT), not "Reply to This". */
function parentLink(parts: Parts, id: string, base: URL): string | null | undefined {
  if (!parts.sub) return undefined;
  for (let i = parts.subStart; i < parts.subEnd; i++) {
    const u = viewLink(parts.links[i]!.getAttribute('href'), base);
    const cid = u?.param('cid');
    if (u && cid && isDigits(cid) && cid !== id && u.param('op') === null) return cid;
  }
  // No parent link: classic prints one for every reply, so this is a top-level comment.
  return null;
}

function readTitle(heading: Element | null, scoreEl: Element | null): string {
  if (!heading) return '';
  // The title is the heading's own link (a[name=ID] in classic, a#comment_link_ID in d2).
  for (let el = heading.firstElementChild; el; el = el.nextElementSibling) {
    if (el.tagName === 'A') return cleanText(el.textContent);
  }
  let text = '';
  for (let n = heading.firstChild; n; n = n.nextSibling) if (n !== scoreEl) text += n.textContent ?? '';
  return cleanText(text);
}

/** "by <a href="//slashdot.org/~NICK">NICK (UID)</a>" or "by Anonymous Coward". */
function readAuthor(details: Element | null, links: ResolvedLinks): { author: string; authorUrl: string | null } {
  if (!details) return { author: '', authorUrl: null };
  for (let el = details.firstElementChild; el; el = el.nextElementSibling) {
    const href = el.tagName === 'A' ? el.getAttribute('href') : null;
    // A user page: /~NICK, or the older users.pl?uid=N (not the "*" link to the FAQ).
    if (href && (href.includes('/~') || /users\.pl\?(?:.*&)?(?:uid|nick)=/.test(href))) {
      // "vigmeister (1112659)": the number is the account id, not part of the name.
      const author = cleanText(el.textContent).replace(/\s*\(\d+\)$/, '');
      return { author, authorUrl: links.absolute(href) };
    }
  }
  let text = '';
  for (let n = details.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) text += n.textContent ?? '';
  const author = cleanText(text).replace(/^by\s+/i, '');
  return { author, authorUrl: null };
}

/** "on Friday July 06, @08:55AM (#19766655)" → "Friday July 06, @08:55AM" (after an optional e-mail). */
function readTimestamp(other: Element | null, texts: Map<string, string>): string | null {
  // Matched on the text as it is (tabs and newlines around it): the pattern takes any white
  // space, and cleaning only what it captures spares a cleaned copy of the whole line per comment.
  const m = TIMESTAMP_RE.exec(other?.textContent ?? '');
  return m ? keptText(texts, cleanText(m[1])) : null;
}

const TIMESTAMP_RE = /(?:^|\s)on\s+([^()<>]+?)\s*(?:\(|$)/;

/** Slash prints signatures as `<div id="comment_sig_ID" class="sig">--<br>TEXT</div>`. */
function readSignature(sig: Element): string | null {
  return cleanText(sig.textContent).replace(/^--\s*/, '') || null;
}

/** The comment's own "#ID" link (comments.pl?sid=…&cid=ID), else one built from the page's links. */
function ownLink(parts: Parts, id: string, ctx: ReadContext): string | null {
  // Resolving is what costs, so only links whose text can name cid=ID are resolved: those that
  // say "cid=ID" or hold a percent-escape or a tab/newline (which resolving decodes or drops).
  // Links bringing no query of their own take the page's, so if the page's says cid=ID, all are.
  const want = `cid=${id}`;
  const anyLink = ctx.cache.pageCid === id;
  for (const a of parts.links) {
    const href = a.getAttribute('href');
    if (href === null || (!anyLink && !href.includes(want) && !MAY_DISGUISE_RE.test(href))) continue;
    const u = viewLink(href, ctx.pageUrl);
    if (u && u.param('cid') === id && u.param('op') === null) {
      // As absoluteUrl(href, pageUrl), from the link at hand.
      return href.trim() !== '' && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    }
  }
  return ctx.commentLink(id);
}

/** What in a link's text can make its query say more than the text shows. */
const MAY_DISGUISE_RE = /[%\t\n\r]/;

/**
 * The site's address of a discussion, on the same script as a link that names it, with only its
 * `sid=`: "https://host/comments.pl?sid=1". A comment's address is this and "&cid=ID" (withCid):
 * what URLSearchParams.set('cid', ID) would append.
 */
export function discussionUrl(link: LinkView): string | null {
  const sid = link.param('sid');
  if (!sid || (link.protocol !== 'http:' && link.protocol !== 'https:')) return null;
  const u = new URL(link.pathname, link.origin);
  u.searchParams.set('sid', sid);
  return u.href;
}

/** A comment's address from its discussion's. Comment ids are digits: nothing to escape. */
export function withCid(discussion: string, id: string): string {
  return `${discussion}&cid=${id}`;
}

/** The comment's address, with the discussion's made once for all the links naming it. */
function linkedCommentUrl(link: LinkView, id: string, cache: ReadCache): string | null {
  const sid = link.param('sid');
  if (!sid || (link.protocol !== 'http:' && link.protocol !== 'https:')) return null;
  // Neither an origin nor a serialized path holds a newline: the key is unambiguous.
  const key = `${link.origin}\n${link.pathname}\n${sid}`;
  let discussion = cache.discussions.get(key);
  if (discussion === undefined) {
    discussion = discussionUrl(link);
    cache.discussions.set(key, discussion);
  }
  return discussion === null ? null : withCid(discussion, id);
}

function scriptScore(entry: ScriptComment): number | null {
  // D2 marks comments whose data it did not send with points -2: the score is unknown.
  const p = entry.points;
  return p !== null && Number.isInteger(p) && p >= -1 && p <= 5 ? p : null;
}

function emptyEntry(id: string): ScriptComment {
  return { id, pid: undefined, uid: null, subject: null, points: null, kids: [] };
}

function childById(parent: Element, id: string): Element | null {
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) if (el.id === id) return el;
  return null;
}

/** `/^PREFIX(\d+)$/.exec(text)?.[1] ?? null`, without a regular expression per element. */
function digitsAfter(prefix: string, text: string): string | null {
  if (text.length <= prefix.length || !text.startsWith(prefix)) return null;
  const rest = text.slice(prefix.length);
  return isDigits(rest) ? rest : null;
}
