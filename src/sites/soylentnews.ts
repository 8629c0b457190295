import type { ParseResult, RawComment, Score } from '../model/types';
import { MAX_SCORE, MIN_SCORE } from '../model/types';
import type { SiteAdapter } from './types';
import { cleanText, parseScoreText } from './shared/score';
import { findElement, findElements, isEl } from './shared/dom-walk';
import { nearestOwner, textLines } from './shared/text-lines';
import { absoluteUrl, viewLink } from './shared/url';
import { isDigits } from './shared/digits';

// SoylentNews runs rehash, the maintained fork of Slash. Its comment markup is produced in
// Perl (Slash/Utility/Comments/Comments.pm: displayThread, dispCommentNoTemplate,
// dispCommentDetails, dispLinkComment), not by the old templates, and differs from Slashdot's:
//
//   ul#commentlisting
//     li#tree_ID.comment                      (never closed: the HTML parser closes it)
//       [input#commentBelow_ID + div#comment_below_ID.commentbt]   below the threshold
//       input#commentTreeHider_ID, input#commentHider_ID (checked = collapsed), labels
//       div#comment_ID.commentDiv.scoreN
//         h4#ID > label.commentHider (subject), span#comment_score_ID "(Score: 5, Insightful)",
//                 span.by " by <a>NICK</a> on DATE"
//         div.details (author link "NICK (UID)", span#comment_otherdetails_ID " on DATE (#ID)")
//         div.commentBody > div#comment_body_ID, div#comment_sig_ID.sig
//       ul#commtree_ID.commtree > li#tree_CHILD…
//
// Below-threshold comments are still complete in the markup (only CSS hides them), so every
// comment is a full one. In flat mode nothing is nested; the "Parent" link then names the parent.

const TREE_ID = /^tree_(\d+)$/;

export const soylentnews: SiteAdapter = {
  id: 'soylentnews',
  name: 'SoylentNews',
  matchesUrl(url) {
    const host = url.hostname.toLowerCase();
    return host === 'soylentnews.org' || host.endsWith('.soylentnews.org');
  },
  detect(doc) {
    // The commentDiv/commentHider pair exists only in rehash's code-generated markup.
    // Only the first few items are looked at: detect runs on arbitrary pages.
    const listing = doc.getElementById('commentlisting');
    let seen = 0;
    for (let li = listing?.firstElementChild; li && seen < 10; li = li.nextElementSibling) {
      if (li.tagName !== 'LI') continue;
      seen++;
      for (let c = li.firstElementChild; c; c = c.nextElementSibling) {
        if (isEl(c, 'DIV', 'commentDiv') || isEl(c, 'INPUT', 'commentHider')) return true;
      }
    }
    return false;
  },
  parse(doc, url) {
    try {
      return parsePage(doc, url);
    } catch (err) {
      return { ok: false, reason: `This SoylentNews page could not be read (${err instanceof Error ? err.message : 'unexpected markup'}).` };
    }
  },
};

function parsePage(doc: Document, url: URL): ParseResult {
  const listing = doc.getElementById('commentlisting');
  if (!listing) return { ok: false, reason: 'No comment listing was found on this page.' };

  // One pass to collect comment items, so parents can be resolved against the whole page.
  const items: { id: string; li: Element }[] = [];
  const owners = new Map<Element, string>();
  const ids = new Set<string>();
  // A comment's div.commentDiv never holds other comments: not walking into it keeps this fast.
  const isItem = (el: Element) => el.tagName === 'LI' && el.id.startsWith('tree_');
  for (const li of findElements(listing, isItem, (el) => isEl(el, 'DIV', 'commentDiv'))) {
    const m = TREE_ID.exec(li.id);
    if (!m || ids.has(m[1]!)) continue; // a duplicated id must not fork the tree
    ids.add(m[1]!);
    owners.set(li, m[1]!);
    items.push({ id: m[1]!, li });
  }
  if (items.length === 0) return { ok: false, reason: 'This discussion has no comments on this page.' };

  const comments: RawComment[] = items.map(({ id, li }) => readComment(doc, url, id, li, listing, owners, ids));
  // The story and the comment box sit outside the listing: walk the page around it only,
  // instead of running selectors over every comment.
  const article = findElement(doc.documentElement, (el) => isEl(el, 'DIV', 'article'), (el) => el === listing);
  return {
    ok: true,
    page: {
      site: 'soylentnews',
      threadKey: `soylentnews:${discussionId(doc, url, comments)}`,
      title: storyTitle(doc, article),
      submitter: submitter(article),
      declaredCount: declaredCount(doc, listing),
      container: listing,
      comments,
    },
  };
}

function readComment(
  doc: Document,
  url: URL,
  id: string,
  li: Element,
  listing: Element,
  owners: ReadonlyMap<Element, string>,
  ids: ReadonlySet<string>,
): RawComment {
  const div = ownElement(doc, `comment_${id}`, li, 1);
  const scoreEl = div && ownElement(doc, `comment_score_${id}`, div, 4);
  const { score, reason } = readScore(scoreEl?.textContent ?? null, div);
  // The subject line is h4#ID; element walks, not selectors, keep 20,000 comments fast.
  const h4 = div && (ownElement(doc, id, div, 3) ?? findElement(div, (el) => el.tagName === 'H4'));
  const by = h4 && findElement(h4, (el) => isEl(el, 'SPAN', 'by'));
  const subject = h4 && findElement(h4, (el) => isEl(el, 'LABEL', 'commentHider'));
  const { author, authorUrl, timestamp } = readByline(by, url);
  const details = div && ownElement(doc, `comment_otherdetails_${id}`, div, 3);
  // The "#ID" link; a mailto link for the author's address may come before it.
  const selfLink = details && findElement(details, (el) => el.tagName === 'A' && cleanText(el.textContent) === `#${id}`);
  const body = div && ownElement(doc, `comment_body_${id}`, div, 3);
  const sigEl = div && ownElement(doc, `comment_sig_${id}`, div, 3);
  // A shortened comment ends in "Read the rest of this comment...": the only way to the rest.
  const shrunk = div && ownElement(doc, `comment_shrunk_${id}`, div, 3);

  return {
    id,
    parent: nearestOwner(li, owners, listing) ?? flatParent(doc, div, id, ids, url),
    author,
    authorUrl,
    score,
    reason,
    title: cleanText((subject ?? h4)?.textContent),
    timestamp: timestamp ?? otherDetailsTime(details),
    signature: sigEl ? signatureText(sigEl) : null,
    body: body ?? null,
    signatureEl: sigEl ?? null,
    ...(shrunk ? { extraEls: [shrunk] } : {}),
    permalink: selfLink ? absoluteUrl(selfLink.getAttribute('href'), url) : null,
    form: 'full',
  };
}

/**
 * The element with that id, provided it sits inside `owner` within `maxSteps` levels.
 * getElementById is O(1); the check guards against a hostile page reusing ids elsewhere.
 */
function ownElement(doc: Document, elementId: string, owner: Element, maxSteps: number): Element | null {
  const el = doc.getElementById(elementId);
  if (!el) return null;
  let node: Element | null = el.parentElement;
  for (let i = 0; node && i < maxSteps; i++, node = node.parentElement) {
    if (node === owner) return el;
  }
  return null;
}

const SCORE_ANY = /Score:\s*(-?\d+|\?)\s*(?:,\s*([^)]+?))?\s*\)/u;

function readScore(text: string | null, div: Element | null): { score: Score; reason: string | null } {
  if (text) {
    const parsed = parseScoreText(text);
    if (parsed.score !== null) return parsed;
    // rehash has reasons outside A-Z ("Touché"); read them here rather than lose the score.
    const m = SCORE_ANY.exec(cleanText(text));
    if (m) return { score: inRange(Number(m[1])), reason: m[2]?.trim() || null };
  }
  // The commentDiv carries the score as a class ("score5", "score-1", "score?").
  const cls = div ? /(?:^|\s)score(-?\d+)(?:\s|$)/.exec(div.className) : null;
  return { score: cls ? inRange(Number(cls[1])) : null, reason: null };
}

function inRange(n: number): Score {
  return Number.isInteger(n) && n >= MIN_SCORE && n <= MAX_SCORE ? n : null;
}

/** span.by reads " by <a href="…/~nick/">nick</a> on DATE", or " by Anonymous Coward on DATE". */
function readByline(by: Element | null, url: URL): { author: string; authorUrl: string | null; timestamp: string | null } {
  if (!by) return { author: '', authorUrl: null, timestamp: null };
  const link = findElement(by, (el) => el.tagName === 'A');
  if (link) {
    let after = '';
    for (let n = link.nextSibling; n; n = n.nextSibling) after += n.textContent ?? '';
    return {
      author: cleanText(link.textContent),
      authorUrl: absoluteUrl(link.getAttribute('href'), url),
      timestamp: cleanText(after).replace(/^on\s+/, '') || null,
    };
  }
  const m = /^by\s+(.*)\s+on\s+(.+)$/.exec(cleanText(by.textContent));
  if (m) return { author: m[1]!, authorUrl: null, timestamp: m[2]! };
  return { author: cleanText(by.textContent).replace(/^by\s+/, ''), authorUrl: null, timestamp: null };
}

/** span.otherdetails reads " on DATE (#ID)". */
function otherDetailsTime(details: Element | null): string | null {
  const m = details ? /on\s+(.+?)\s*\(#\d+\)/.exec(cleanText(details.textContent)) : null;
  return m ? m[1]! : null;
}

/** The signature div starts with rehash's "--" line; the model wants only the words. */
function signatureText(sigEl: Element): string | null {
  const lines = textLines(sigEl);
  if (lines[0] !== undefined && /^-{1,5}$/.test(lines[0])) lines.shift();
  return lines.join('\n') || null;
}

/** In flat mode every comment is top-level in the markup; its "Parent" link names the parent. */
function flatParent(doc: Document, div: Element | null, id: string, ids: ReadonlySet<string>, url: URL): string | null {
  const sub = div && ownElement(doc, `comment_sub_${id}`, div, 1);
  if (!sub) return null;
  for (const a of findElements(sub, (el) => el.tagName === 'A')) {
    if (cleanText(a.textContent) !== 'Parent') continue;
    const cid = viewLink(a.getAttribute('href'), url)?.param('cid');
    if (cid && cid !== id && ids.has(cid)) return cid;
  }
  return null;
}

/**
 * rehash addresses a discussion by its numeric id (comments.pl?sid=61234) while the story
 * page uses the story id (article.pl?sid=24/03/15/2132215); the numeric one appears on both
 * pages, so per-thread state is shared between them.
 */
function discussionId(doc: Document, url: URL, comments: readonly RawComment[]): string {
  const box = doc.getElementById('commentControlBox');
  const input = box && findElement(box, (el) => el.tagName === 'INPUT' && el.getAttribute('name') === 'sid');
  const fromForm = input?.getAttribute('value');
  if (fromForm && isDigits(fromForm)) return fromForm;
  const permalink = comments.find((c) => c.permalink)?.permalink;
  const fromLink = viewLink(permalink, url)?.param('sid');
  if (fromLink && isDigits(fromLink)) return fromLink;
  return url.searchParams.get('sid') ?? `${url.hostname}${url.pathname}`;
}

function storyTitle(doc: Document, article: Element | null): string {
  const h3 = article && findElement(article, (el) => el.tagName === 'H3' && !!el.parentElement?.classList.contains('title'));
  const fromStory = cleanText(h3?.textContent);
  if (fromStory) return fromStory;
  const fromBox = cleanText(commentBox(doc)?.querySelector('a')?.textContent);
  if (fromBox) return fromBox;
  return cleanText(doc.title).replace(/\s+-\s+SoylentNews$/, '');
}

/** printCommentsMain's first div.commentBox: title link, "| <b>17</b> comments", search link. */
function commentBox(doc: Document): Element | null {
  const wrap = doc.getElementById('commentwrap');
  return wrap && findElement(wrap, (el) => isEl(el, 'DIV', 'commentBox'));
}

/**
 * Stories name their submitter in the intro: "<a href="…/~nick/">nick</a> writes:" or
 * "[Submitted via IRC for nick]". The "posted by" line names the editor, not the submitter.
 */
function submitter(article: Element | null): string | null {
  const intro = article && findElement(article, (el) => isEl(el, 'DIV', 'intro'));
  if (!intro) return null;
  for (const a of Array.from(intro.querySelectorAll('a'))) {
    const next = a.nextSibling?.textContent ?? '';
    if (/^\s*(writes|wrote|sends|submitted|points out|shares|brings us)\b/i.test(next)) return cleanText(a.textContent) || null;
  }
  const text = cleanText(intro.textContent);
  const m = /Submitted (?:via IRC )?(?:for|by) ([^\]\s]+)/i.exec(text) ?? /^(\S+) writes:/.exec(text);
  return m ? m[1]! : null;
}

/** The comment box reads "… | <b>17</b> comments | Search Discussion"; the story links "17 comments". */
function declaredCount(doc: Document, listing: Element): number | null {
  const box = commentBox(doc);
  const m = box ? /\|\s*([\d,]+)\s+comments?\b/.exec(cleanText(box.textContent)) : null;
  if (m) return Number(m[1]!.replace(/,/g, ''));
  const links = findElement(doc.documentElement, (el) => isEl(el, 'DIV', 'storylinks'), (el) => el === listing);
  const n = links ? /([\d,]+)\s+comments?/.exec(cleanText(links.textContent)) : null;
  return n ? Number(n[1]!.replace(/,/g, '')) : null;
}
