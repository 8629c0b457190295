// The story around the discussion: title, submitter, a stable key, and the page's stated count.

import { cleanText } from '../shared/score';
import { tryUrl } from '../shared/url';
import { isDigits } from '../shared/digits';
import type { ScriptData } from './script-data';

/** A story id such as 08/09/25/2325232 (yy/mm/dd/hhmmsss). */
const STORY_SID_RE = /^\d{2}\/\d{2}\/\d{2}\/\d+$/;
const STORY_PATH_RE = /\/(\d{2}\/\d{2}\/\d{2}\/\d+)(?:\.shtml|\/|$)/;

/** The story id in an address: article.pl?sid=…, /linux/08/09/25/2325232.shtml, /story/08/09/25/2325232/slug. */
export function storySidOf(u: URL | null): string | null {
  if (!u) return null;
  const sid = u.searchParams.get('sid');
  if (sid && STORY_SID_RE.test(sid)) return sid;
  return STORY_PATH_RE.exec(u.pathname)?.[1] ?? null;
}

/**
 * "slashdot:08/09/25/2325232". The story id is taken from the address, else from the page's own
 * links back to the story (these name the story, while comments.pl?sid= names the discussion by a
 * different number); as a last resort the discussion number keys the thread.
 */
export function threadKeyOf(doc: Document, url: URL, script: ScriptData | null): string {
  const fromUrl = storySidOf(url);
  if (fromUrl) return `slashdot:${fromUrl}`;
  const sidOf = (el: Element) => storySidOf(tryUrl(el.getAttribute('href') ?? el.getAttribute('content') ?? el.getAttribute('value'), url));
  // The first candidate, above the listing, nearly always names the story. querySelector stops
  // there; the list of all is costly on big pages ("… a" tests every link's ancestors).
  const first = doc.querySelector(STORY_LINKS);
  const fromFirst = first ? sidOf(first) : null;
  if (fromFirst) return `slashdot:${fromFirst}`;
  if (first) {
    const candidates = doc.querySelectorAll(STORY_LINKS);
    for (let i = 0; i < candidates.length; i++) {
      const sid = candidates[i] === first ? null : sidOf(candidates[i]!);
      if (sid) return `slashdot:${sid}`;
    }
  }
  const discussion = script?.discussionId ?? discussionSid(url) ?? discussionSidInPage(doc, url);
  if (discussion) return `slashdot:discussion:${discussion}`;
  return `slashdot:${url.hostname}${url.pathname}`;
}

/** Elements that may name the story (its address in href, content or value). */
const STORY_LINKS =
  'link[rel="canonical"], meta[property="og:url"], .escape-link a, .commentBox a, .titlecount a, input[name="returnto"]';

/** The numeric discussion id (comments.pl?sid=976581). */
export function discussionSid(u: URL | null): string | null {
  const sid = u?.searchParams.get('sid');
  return sid && isDigits(sid) ? sid : null;
}

/** First comments.pl link of the page that names the discussion. */
export function discussionLinkInPage(doc: Document, base: URL): URL | null {
  // The first such link usually sits in the header above the listing: querySelector stops there.
  const first = tryUrl(doc.querySelector('a[href*="comments.pl?sid="]')?.getAttribute('href'), base);
  if (discussionSid(first)) return first;
  const links = doc.querySelectorAll('a[href*="comments.pl?sid="]');
  for (let i = 0; i < links.length; i++) {
    const u = tryUrl(links[i]!.getAttribute('href'), base);
    if (discussionSid(u)) return u;
  }
  return null;
}

function discussionSidInPage(doc: Document, base: URL): string | null {
  return discussionSid(discussionLinkInPage(doc, base));
}

export function storyTitleOf(doc: Document): string {
  const h3 = doc.querySelector('.article .generaltitle h3');
  const fromStory = cleanText(h3?.textContent);
  if (fromStory) return fromStory;
  const back = cleanText(doc.querySelector('.escape-link a')?.textContent);
  if (back) return back;
  return cleanText(doc.title).replace(/^Slashdot\s*[|:-]\s*/i, '');
}

// Slashdot's convention: the intro opens with the submitter, "NICK writes …" (the nick often
// linked to their homepage or e-mail), sometimes "NICK links to …", "NICK points out …".
const LEAD_VERB_RE =
  /^(.{1,40}?)\s+(?:writes|wrote|links|points|sends|tips|notes|submits|submitted|shares|alerts|passes|informs|reports|tells|brings|contributes|quotes|asks|excerpts)\b/;
const ANONYMOUS_SUBMITTER_RE = /^(?:an?\s+)?anonymous\b/i;

/**
 * The story's submitter as the intro names them ("pilsner.urquell writes"). `null` for "An
 * anonymous reader writes" (no nickname to match comments against). When the intro names nobody,
 * the editor wrote the story, and "Posted by EDITOR" is the submitter.
 */
export function submitterOf(doc: Document): string | null {
  const article = doc.querySelector('.article');
  if (!article) return null;
  const intro = article.querySelector('.intro');
  if (intro) {
    const lead = LEAD_VERB_RE.exec(cleanText(intro.textContent));
    if (lead) {
      const name = lead[1]!.trim();
      if (ANONYMOUS_SUBMITTER_RE.test(name)) return null;
      if (name.split(' ').length <= 4) return name;
    }
  }
  const posted = /Posted\s+by\s+(.+?)\s+on\s/.exec(cleanText(article.querySelector('.details')?.textContent));
  return posted ? posted[1]! : null;
}

/**
 * The total the page states for the discussion:
 * - classic: the threshold menu's lowest entry ("-1: 509 comments"), which counts every comment,
 *   also those below the page's threshold that the markup does not hold; else "| <b>509</b> comments".
 * - d2: the comments it sent ("25 Comments", span#titlecountnum) plus the ones it says it would
 *   load on demand (D2.more_comments_num(170)); D2's empty placeholders are among the latter.
 */
export function declaredCountOf(doc: Document, script: ScriptData | null): number | null {
  // By id, not by a selector: on a page of 20,000 comments every full-page scan counts.
  const menu = doc.getElementById('threshold');
  const lowest = menu?.tagName === 'SELECT' ? menu.querySelector('option[value="-1"]') : null;
  const fromMenu = /(\d+)\s+comments?/i.exec(lowest?.textContent ?? '');
  if (fromMenu) return Number(fromMenu[1]);

  const sent = /^\s*(\d+)\s*$/.exec(doc.getElementById('titlecountnum')?.textContent ?? '');
  if (sent) return Number(sent[1]) + (script?.moreCount ?? 0);

  const boxes = doc.getElementsByClassName('commentBox');
  for (let i = 0; i < boxes.length; i++) {
    const m = /\|\s*(\d+)\s+comments?\b/i.exec(cleanText(boxes[i]!.textContent));
    if (m) return Number(m[1]);
  }
  return null;
}
