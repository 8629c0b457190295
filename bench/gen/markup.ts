// Classic Slashdot comment markup (threaded mode, 2007), copied from the saved pages in
// test/fixtures/slashdot/classic-*.html: full comments as li#tree_ID.comment with header, score,
// details and div#comment_body_ID; one-liners as "<li><a …pid=PARENT#ID>Title</a> by NICK
// (Score:N) DATE"; replies in ul#commtree_ID. Signatures as the adapter documents them:
// <div id="comment_sig_ID" class="sig">--<br>TEXT</div> after the body.

import type { Rng } from './prng';
import type { GenComment } from './thread';
import { capitalize, domain, linkText, sentence, urlOn } from './text';

export interface Discussion {
  /** Host of the story, e.g. "linux.slashdot.org". */
  host: string;
  /** Numeric discussion id (comments.pl?sid=…). */
  sid: string;
}

/**
 * Which comments the page shows whole. The page is rendered at threshold -1 (every comment in
 * the markup, as the total in its "Threshold:" menu says) with Slashdot's threaded mode
 * showing top-level comments whole and replies whole from score 2 ("highlight threshold");
 * everything else is a one-liner without a body, as on the real pages.
 */
export function isFull(c: GenComment): boolean {
  return c.score >= 2 || (c.depth === 0 && c.score >= 0);
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Sentences per body: 1 to 15, most between 2 and 6. */
const SENTENCE_WEIGHTS = [10, 14, 14, 12, 10, 8, 6, 5, 4, 3, 3, 2, 2, 1.5, 1.5];

/** A comment body as Slashdot printed user markup: <br><br> or <p> paragraphs, quotes, links. */
export function bodyHtml(rng: Rng, quoteFrom: string | null): string {
  const n = 1 + rng.weighted(SENTENCE_WEIGHTS);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = esc(sentence(rng));
    if (rng.chance(0.05)) s = s.replace(/ (\w+) /, ' <i>$1</i> ');
    current.push(s);
    if (current.length >= 1 + rng.int(0, 3) || i === n - 1) {
      paragraphs.push(current.join(' '));
      current = [];
    }
  }
  if (rng.chance(0.12)) {
    const host = domain(rng);
    const link = `<a href="${esc(urlOn(rng, host))}" title="${host}"${rng.chance(0.3) ? ' rel="nofollow"' : ''}>${esc(linkText(rng))}</a> [${host}]`;
    const at = rng.int(0, paragraphs.length - 1);
    paragraphs[at] = `${paragraphs[at]} ${capitalize(rng.pick(['see', 'read', 'there is', 'try']))} ${link}.`;
  }
  let html = paragraphs.join(rng.chance(0.7) ? '<br><br>' : '<p>');
  if (quoteFrom !== null) {
    html = rng.chance(0.7)
      ? `<p><div class="quote">${esc(quoteFrom)}</div> ${html}`
      : `<p><blockquote><div>${esc(quoteFrom)}</div></blockquote><br><br>${html}`;
  }
  return html;
}

/**
 * Lists nest at most this deep in the markup; deeper replies follow their parent in its list
 * (their Parent/pid links still name the parent). Browsers' HTML parsers stop nesting at a
 * fixed depth (Chromium: 512 elements) and re-parent what lies deeper, so a 500-level thread
 * can only reach a page this way. Bench pages (depth ≤ 12) never get near it.
 */
export const MARKUP_NEST_LIMIT = 64;

/** The listing's items for `comments` (siblings), recursively; appends to `out`. */
export function renderItems(
  items: readonly GenComment[],
  bodies: ReadonlyMap<string, string>,
  d: Discussion,
  out: string[],
  level = 0,
): void {
  for (const c of items) {
    const body = bodies.get(c.id);
    if (body !== undefined) fullComment(c, body, d, out);
    else oneLiner(c, d, out);
    if (c.children.length > 0 && level < MARKUP_NEST_LIMIT) {
      out.push(`<ul id="commtree_${c.id}">`);
      renderItems(c.children, bodies, d, out, level + 1);
      out.push('</ul>');
    }
    out.push('</li>');
    if (c.children.length > 0 && level >= MARKUP_NEST_LIMIT) renderItems(c.children, bodies, d, out, level);
  }
}

function scoreText(c: GenComment): string {
  return c.reason ? `Score:${c.score}, ${c.reason}` : `Score:${c.score}`;
}

function threadLink(d: Discussion, param: 'pid' | 'cid', value: string): string {
  return `//${d.host}/comments.pl?sid=${d.sid}&amp;threshold=-1&amp;commentsort=0&amp;mode=thread&amp;${param}=${value}`;
}

function oneLiner(c: GenComment, d: Discussion, out: string[]): void {
  const name = c.author ? esc(c.author.nick) : 'Anonymous Coward';
  out.push(
    `<li><a href="${threadLink(d, 'pid', c.parent ? c.parent.id : '0')}#${c.id}">${esc(c.title)}</a> by ${name} (Score:${c.score}) ${c.timestamp}`,
  );
}

function fullComment(c: GenComment, body: string, d: Discussion, out: string[]): void {
  const id = c.id;
  const a = c.author;
  const by = a ? `by <a href="//slashdot.org/~${esc(a.nick.replace(/ /g, '+'))}">${esc(a.nick)} (${a.uid})</a> ` : 'by Anonymous Coward ';
  const extras: string[] = [];
  if (a?.homepage) extras.push(`<a href="${esc(a.homepage)}">${esc(a.homepage)}</a>`);
  if (a?.journal) extras.push(`Last Journal: <a href="//slashdot.org/~${esc(a.nick.replace(/ /g, '+'))}/journal/">${a.journal}</a>`);
  const small = extras.length > 0 ? `<small><br>(${extras.join(' | ')}) </small>` : '<small> </small>';
  const sig = a?.sig ? `\n\t\t<div id="comment_sig_${id}" class="sig">--<br>${esc(a.sig)}</div>` : '';
  const parent = c.parent ? `[ <a href="${threadLink(d, 'cid', c.parent.id)}">Parent</a> ]\n` : '\n';
  out.push(`<li id="tree_${id}" class="comment">
<div id="comment_status_${id}" class="commentstatus"></div>
<div id="comment_${id}">
	<div id="comment_top_${id}" class="commentTop newcomment">
		<div class="title">
			<h4><a name="${id}">${esc(c.title)}</a>


		 	<span id="comment_score_${id}" class="score"> (${scoreText(c)})</span></h4>
		</div>
		<div class="details">
			${by}
			<span class="otherdetails" id="comment_otherdetails_${id}">		
		on ${c.timestamp} (<a href="//${d.host}/comments.pl?sid=${d.sid}&amp;cid=${id}">#${id}</a>)
		${small}
</span>
		</div>
	</div>
	<div class="commentBody">	
		<div id="comment_body_${id}">${body}</div>${sig}
	</div>

	<div class="commentSub" id="comment_sub_${id}">
${parent}</div>
</div>

`);
}
