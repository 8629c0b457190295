// Slashdot (slashdot.org and its section hosts), both the classic threaded pages and the
// 2008 "D2" pages. See comments.ts for the markup and script-data.ts for D2's inline data.
// Reads only: the page is never changed.

import type { ParsedPage, ParseResult, RawComment } from '../../model/types';
import type { ParseStep, SiteAdapter } from '../types';
import { placeComments } from '../shared/parents';
import { viewUrl } from '../shared/url';
import { discussionUrl, newReadCache, readListingSteps, stubFromScript, withCid, type FoundComment, type ReadContext } from './comments';
import { finishNow } from '../../shared/slices';
import { readScriptData } from './script-data';
import {
  declaredCountOf,
  discussionLinkInPage,
  discussionSid,
  storyTitleOf,
  submitterOf,
  threadKeyOf,
} from './story';

export const NO_COMMENTS = 'No comments found on this page';
/**
 * A listing this big is previewed (see ParseStep) once its first complete threads hold this
 * many comments: enough to fill the screen while the rest is read.
 */
const PREVIEW = { items: 1000, comments: 100 };
export const UNREADABLE = "This page's comments could not be read";

export const slashdot: SiteAdapter = {
  id: 'slashdot',
  name: 'Slashdot',

  matchesUrl(url: URL): boolean {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
    const host = url.hostname.toLowerCase();
    return host === 'slashdot.org' || host.endsWith('.slashdot.org');
  },

  detect(doc: Document): boolean {
    const listing = doc.getElementById('commentlisting');
    if (!listing) return false;
    // rehash (SoylentNews and other Slash forks) shares ul#commentlisting and li#tree_ID but
    // renders comments as div.commentDiv with collapse checkboxes; leave those to its adapter.
    // Only the first comment is looked at: detect must stay cheap on huge pages.
    const first = listing.querySelector('li[id^="tree_"]');
    if (first?.querySelector('div.commentDiv, input[id^="commentTreeHider_"]')) return false;
    if (/\bslashdot\b/i.test(doc.title)) return true;
    return doc.head?.querySelector('link[href*="slashdot.org"], script[src*="slashdot.org"]') != null;
  },

  parse(doc: Document, url: URL): ParseResult {
    return finishNow(parseSteps(doc, url));
  },

  parseSteps,
};

function* parseSteps(doc: Document, url: URL): Generator<ParseStep, ParseResult> {
  try {
    return yield* parseSlashdot(doc, url);
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
}

function* parseSlashdot(doc: Document, url: URL): Generator<ParseStep, ParseResult> {
  const container = doc.getElementById('commentlisting');
  if (!container) return { ok: false, reason: NO_COMMENTS };

  const script = readScriptData(doc);
  const discussionLink = discussionLinkInPage(doc, url);
  const discussionId = script?.discussionId ?? discussionSid(discussionLink);
  // The discussion's address, which a built comment link is with "&cid=ID": made once, not per comment.
  const discussion = discussionLink
    ? discussionUrl(viewUrl(discussionLink))
    : discussionId
      ? discussionUrl(viewUrl(new URL(`/comments.pl?sid=${discussionId}`, url)))
      : null;
  const ctx: ReadContext = {
    container,
    pageUrl: url,
    script,
    commentLink: (id) => (discussion === null ? null : withCid(discussion, id)),
    cache: newReadCache(url),
  };
  // The same for the preview and the whole page: read once, when first needed (not in the
  // first slice, which also starts the content script).
  let story: Omit<ParsedPage, 'comments'> | undefined;
  const page = (found: FoundComment[]): ParsedPage => {
    story ??= {
      site: 'slashdot',
      threadKey: threadKeyOf(doc, url, script),
      title: storyTitleOf(doc),
      submitter: submitterOf(doc),
      declaredCount: declaredCountOf(doc, script),
      container,
    };
    const { parent, order } = placeComments(found.map((f) => f.claim));
    // The parent added in place (found is ours alone): the same object as a copy with it, without
    // copying 5,000 objects of fourteen fields.
    const comments: RawComment[] = order.map((i) => {
      const raw = found[i]!.raw;
      raw.parent = parent[i] ?? null;
      return raw;
    });
    return { ...story, comments };
  };

  // No preview of D2 pages: comments only their script knows are added at the end (and D2
  // pages are small).
  const reading = readListingSteps(ctx, script ? undefined : PREVIEW);
  let step = reading.next();
  // A preview's comments are copies: the whole page sets their parents again.
  for (; !step.done; step = reading.next()) yield step.value && page(step.value.map((f) => ({ raw: { ...f.raw }, claim: f.claim })));
  const found = step.value;
  if (script) {
    // Comments the script knows but the markup does not show at all.
    const listed = new Set(found.map((f) => f.raw.id));
    for (const entry of script.comments.values()) if (!listed.has(entry.id)) found.push(stubFromScript(entry, ctx));
  }
  if (found.length === 0) return { ok: false, reason: NO_COMMENTS };
  return { ok: true, page: page(found) };
}
