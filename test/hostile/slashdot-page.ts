// A classic Slashdot discussion page (the markup of test/fixtures/slashdot/classic-1.html:
// ul#commentlisting > li#tree_ID.comment > div#comment_ID with h4 title, span.score,
// div.details author link, div#comment_body_ID, div#comment_sig_ID.sig, div#comment_sub_ID
// "[ Parent ]", then ul#commtree_ID with the replies; one-liners below the page threshold;
// "N replies beneath your current threshold" items) with one comment per hostile payload and
// payload position. Plus a D2-style inline script whose comment subjects are hostile (stubs).
// The tree shape and scores come from a seed.

import { createRng } from './rng';
import {
  ATTRIBUTE_PAYLOADS,
  MARKUP_PAYLOADS,
  pwn,
  TEXT_PAYLOADS,
  URL_PAYLOADS,
} from './payloads';

/** Where a payload sits in the page. */
export type Position =
  // raw markup
  | 'body'
  | 'sig'
  | 'title-raw'
  | 'author-raw'
  | 'reason-raw'
  // text the page escapes (and shows as text)
  | 'title'
  | 'author'
  | 'anon-author'
  | 'reason'
  | 'sig-text'
  | 'oneliner-title'
  | 'oneliner-author'
  | 'script-subject'
  // link addresses
  | 'author-href'
  | 'permalink'
  | 'parent-link'
  | 'oneliner-href'
  // attributes let into the site's own author link
  | 'author-attr';

export type PayloadKind = 'markup' | 'text' | 'url' | 'attr';

export interface HostileComment {
  /** The comment's site id (digits, as Slashdot's). */
  id: string;
  /** `${position}/${payload name}`: what the payload appends to window.__thrPwned when it runs. */
  payloadId: string;
  position: Position;
  kind: PayloadKind;
  /** How the page carries the comment: a full tree item, a one-liner, or only the inline script. */
  form: 'full' | 'oneline' | 'stub';
  /** For text positions: the exact string the page shows (and Threshold must show as is). */
  text: string | null;
  /** The parent comment's id, `null` at the top. */
  parent: string | null;
  score: number;
}

export interface HostilePage {
  /** The address to serve / parse it at (a Slashdot address, so the adapter is picked by URL). */
  url: string;
  html: string;
  comments: HostileComment[];
  /** Every payload id in the page (comments and story), each once. */
  payloadIds: string[];
  /** The story title and submitter, both hostile text. */
  storyTitle: string;
  submitter: string;
}

export const HOSTILE_URL = 'https://linux.slashdot.org/article.pl?sid=99/12/31/2359001';
const SID = '999001';
const FIRST_ID = 90_000_001;
const MAX_DEPTH = 7;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A string as a JS string literal that cannot end the <script> element around it. */
function jsString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

interface Spec {
  position: Position;
  kind: PayloadKind;
  name: string;
  /** Raw HTML, literal text or attribute source, by kind. */
  value: string;
  payloadId: string;
}

const MARKUP_POSITIONS: Position[] = ['body', 'sig', 'title-raw', 'author-raw', 'reason-raw'];
const TEXT_POSITIONS: Position[] = [
  'title',
  'author',
  'anon-author',
  'reason',
  'sig-text',
  'oneliner-title',
  'oneliner-author',
  'script-subject',
];
const URL_POSITIONS: Position[] = ['author-href', 'permalink', 'parent-link', 'oneliner-href'];

function specs(): Spec[] {
  const out: Spec[] = [];
  for (const position of MARKUP_POSITIONS) {
    for (const p of MARKUP_PAYLOADS) {
      const payloadId = `${position}/${p.name}`;
      out.push({ position, kind: 'markup', name: p.name, value: p.html(payloadId), payloadId });
    }
  }
  for (const position of TEXT_POSITIONS) {
    for (const p of TEXT_PAYLOADS) {
      const payloadId = `${position}/${p.name}`;
      out.push({ position, kind: 'text', name: p.name, value: p.text(payloadId), payloadId });
    }
  }
  for (const position of URL_POSITIONS) {
    for (const p of URL_PAYLOADS) {
      const payloadId = `${position}/${p.name}`;
      out.push({ position, kind: 'url', name: p.name, value: p.attr(payloadId), payloadId });
    }
  }
  for (const p of ATTRIBUTE_PAYLOADS) {
    const payloadId = `author-attr/${p.name}`;
    out.push({ position: 'author-attr', kind: 'attr', name: p.name, value: p.attrs(payloadId), payloadId });
  }
  return out;
}

function formOf(position: Position): HostileComment['form'] {
  if (position.startsWith('oneliner-')) return 'oneline';
  return position === 'script-subject' ? 'stub' : 'full';
}

interface Node {
  c: HostileComment;
  spec: Spec;
  children: Node[];
  depth: number;
  /** Ends its reply list with a "N replies beneath your current threshold" item. */
  beneath: number;
}

/**
 * The hostile page. The same seed gives the same page; seeds change the tree shape, the
 * order of comments and the scores, not the set of payloads.
 */
export function hostileSlashdotPage(seed = 1): HostilePage {
  const rng = createRng(seed);
  const all = specs();
  // Shuffle (Fisher–Yates) so positions are mixed through the thread.
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }

  const nodes: Node[] = [];
  const inMarkup: Node[] = [];
  const roots: Node[] = [];
  all.forEach((spec, i) => {
    const form = formOf(spec.position);
    const id = String(FIRST_ID + i);
    const score = rng.int(-1, 5);
    // A parent link names a parent: such comments are always replies.
    const wantsParent = spec.position === 'parent-link' || spec.position === 'oneliner-href' || rng.chance(0.65);
    const candidates = inMarkup.filter((n) => n.depth < MAX_DEPTH);
    const parent = wantsParent && candidates.length > 0 ? rng.pick(candidates) : null;
    const node: Node = {
      c: {
        id,
        payloadId: spec.payloadId,
        position: spec.position,
        kind: spec.kind,
        form,
        text: spec.kind === 'text' ? spec.value : null,
        parent: parent ? parent.c.id : null,
        score,
      },
      spec,
      children: [],
      depth: parent ? parent.depth + 1 : 0,
      beneath: rng.chance(0.08) ? rng.int(1, 3) : 0,
    };
    nodes.push(node);
    if (form === 'stub') return; // only in the script
    inMarkup.push(node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  });

  const storyTitle = TEXT_PAYLOADS[0]!.text('story-title/' + TEXT_PAYLOADS[0]!.name);
  const submitterSpec = TEXT_PAYLOADS[1]!;
  const submitter = submitterSpec.text('submitter/' + submitterSpec.name);
  const payloadIds = [
    ...nodes.map((n) => n.c.payloadId),
    'story-title/' + TEXT_PAYLOADS[0]!.name,
    'submitter/' + submitterSpec.name,
  ];

  const listing = renderListing(roots);
  const script = renderScript(nodes.filter((n) => n.c.form === 'stub'));
  const html = pageHtml({ storyTitle, submitter, listing, script, total: nodes.length });
  return { url: HOSTILE_URL, html, comments: nodes.map((n) => n.c), payloadIds, storyTitle, submitter };
}

/** The listing, written without recursion (MAX_DEPTH is small, but keep the habit). */
function renderListing(roots: Node[]): string {
  const parts: string[] = [];
  type Step = { node: Node } | { close: Node };
  const todo: Step[] = roots.map((node) => ({ node })).reverse();
  while (todo.length > 0) {
    const step = todo.pop()!;
    if ('close' in step) {
      const n = step.close;
      if (n.beneath > 0) parts.push(beneathItem(n));
      parts.push(n.children.length > 0 || n.beneath > 0 ? '</ul></li>\n' : '</li>\n');
      continue;
    }
    const n = step.node;
    parts.push(n.c.form === 'oneline' ? oneLiner(n) : treeItem(n));
    if (n.children.length > 0 || n.beneath > 0) parts.push(`<ul id="commtree_${n.c.id}">`);
    todo.push({ close: n });
    for (let i = n.children.length - 1; i >= 0; i--) todo.push({ node: n.children[i]! });
  }
  return parts.join('');
}

function beneathItem(n: Node): string {
  const what = n.beneath === 1 ? '1 reply' : `${n.beneath} replies`;
  return `<li><b><a href="//linux.slashdot.org/comments.pl?sid=${SID}&amp;threshold=-1&amp;commentsort=0&amp;mode=thread&amp;pid=${n.c.id}">${what}</a> beneath your current threshold.</b></li>`;
}

const REASONS = ['Insightful', 'Interesting', 'Funny', 'Informative', 'Troll', 'Flamebait', 'Redundant'];

function treeItem(n: Node): string {
  const { c, spec } = n;
  const id = c.id;
  const v = spec.value;
  const pos = c.position;
  const plainReason = REASONS[Number(id) % REASONS.length]!;

  const title = pos === 'title' ? escapeHtml(v) : pos === 'title-raw' ? v : `Re: comment ${id}`;
  const reason = pos === 'reason' ? `, ${escapeHtml(v)}` : pos === 'reason-raw' ? `, ${v}` : c.score >= 2 ? `, ${plainReason}` : '';

  let author: string;
  if (pos === 'anon-author') author = escapeHtml(v);
  else if (pos === 'author') author = `<a href="//slashdot.org/~user${id}">${escapeHtml(v)} (${id.slice(-6)})</a>`;
  else if (pos === 'author-raw') author = `<a href="//slashdot.org/~user${id}">${v} (${id.slice(-6)})</a>`;
  else if (pos === 'author-href') author = `<a href="${v}">user${id} (${id.slice(-6)})</a>`;
  else if (pos === 'author-attr') author = `<a href="//slashdot.org/~user${id}" ${v}>user${id} (${id.slice(-6)})</a>`;
  else author = Number(id) % 5 === 0 ? 'Anonymous Coward' : `<a href="//slashdot.org/~user${id}">user${id} (${id.slice(-6)})</a>`;

  const permalink =
    pos === 'permalink'
      ? `${v}?sid=${SID}&amp;cid=${id}`
      : `//linux.slashdot.org/comments.pl?sid=${SID}&amp;cid=${id}`;
  const parentHref =
    pos === 'parent-link'
      ? `${v}?sid=${SID}&amp;cid=${c.parent}`
      : `//linux.slashdot.org/comments.pl?sid=${SID}&amp;threshold=1&amp;commentsort=0&amp;mode=thread&amp;cid=${c.parent}`;
  const sub = c.parent === null ? '\n' : `\n[ <a href="${parentHref}">Parent</a> ]\n`;

  const body = pos === 'body' ? v : `Comment ${id} (${escapeHtml(c.payloadId)}): an ordinary paragraph of text.`;
  const sig =
    pos === 'sig'
      ? `\n\t\t<div id="comment_sig_${id}" class="sig">--<br>${v}</div>`
      : pos === 'sig-text'
        ? `\n\t\t<div id="comment_sig_${id}" class="sig">--<br>${escapeHtml(v)}</div>`
        : '';

  return `<li id="tree_${id}" class="comment">
<div id="comment_status_${id}" class="commentstatus"></div>
<div id="comment_${id}">
	<div id="comment_top_${id}" class="commentTop newcomment">
		<div class="title">
			<h4><a name="${id}">${title}</a>
		 	<span id="comment_score_${id}" class="score"> (Score:${c.score}${reason})</span></h4>
		</div>
		<div class="details">
			by ${author}
			<span class="otherdetails" id="comment_otherdetails_${id}">
		on Friday July 06, @08:55AM (<a href="${permalink}">#${id}</a>)
		<small> </small>
</span>
		</div>
	</div>
	<div class="commentBody">
		<div id="comment_body_${id}">${body}</div>${sig}
	</div>

	<div class="commentSub" id="comment_sub_${id}">${sub}</div>
</div>
`;
}

function oneLiner(n: Node): string {
  const { c, spec } = n;
  const v = spec.value;
  const href =
    c.position === 'oneliner-href'
      ? `${v}?pid=${c.parent}#${c.id}`
      : `//linux.slashdot.org/comments.pl?sid=${SID}&amp;threshold=1&amp;commentsort=0&amp;mode=thread&amp;pid=${c.parent ?? 0}#${c.id}`;
  const title = c.position === 'oneliner-title' ? escapeHtml(v) : `Re: one-liner ${c.id}`;
  const author = c.position === 'oneliner-author' ? escapeHtml(v) : `user${c.id}`;
  return `<li><a href="${href}">${title}</a> by ${author} (Score:${c.score}) Friday July 06, @09:20AM`;
}

/** D2's inline data: the stubs exist only here, with hostile subjects. */
function renderScript(stubs: Node[]): string {
  const entries = stubs.map(({ c, spec }) => {
    const pid = c.parent ?? '0';
    return `${c.id}: { uid: 666, pid: ${pid}, subject: ${jsString(spec.value)}, points: ${c.score}, kids: [ ] }`;
  });
  // A hostile page can also put odd keys in the object; they must be plain data.
  entries.push(`"__proto__": { polluted: ${jsString(pwn('script-proto/polluted'))} }`);
  entries.push(`constructor: { prototype: { polluted: 1 } }`);
  return `<script type="text/javascript">
D2.comments({ ${entries.join(',\n ')} });
D2.more_comments_num(0);
D2.discussion_id(${SID});
</script>`;
}

function pageHtml(p: { storyTitle: string; submitter: string; listing: string; script: string; total: number }): string {
  const title = escapeHtml(p.storyTitle);
  return `<!DOCTYPE html>
<!-- Built by test/hostile/slashdot-page.ts: classic Slashdot markup (as test/fixtures/slashdot/classic-1.html) carrying hostile payloads. NOT a saved page. -->
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Slashdot | ${title}</title>
<link rel="stylesheet" type="text/css" media="screen, projection" href="//images.slashdot.org/core-tidied.css?T_2_5_0_183">
<link rel="stylesheet" type="text/css" media="screen, projection" href="//images.slashdot.org/comments.css?T_2_5_0_183">
${p.script}
</head>
<body>
<div id="articles">
<div class="article" id="art1">
<div class="generaltitle">
	<div class="title">
		<h3>
			${title}
		</h3>
	</div>
</div>
	<div class="details">
	<b>Posted by <a href="http://slashdot.org/~Zonk/">Zonk</a> on Fri Dec 31, 1999 11:59 PM</b><br>
	<strong>from the <b>hostile-input</b> dept.</strong>
	</div>
	<div class="body">
		<div class="intro">
			<a href="mailto:nobody@example.com" rel="nofollow">${escapeHtml(p.submitter)}</a> writes <i>"Every comment below carries a payload."</i>
		</div>
	</div>
</div>
</div>
<div class="commentBox">
	<a href="//linux.slashdot.org/comments.pl?sid=${SID}">Read the discussion</a> |
	<b>${p.total}</b> comments
</div>
<form action="//linux.slashdot.org/comments.pl">
	<fieldset>
	<legend>Display Options</legend>
	Threshold: <select id="threshold" name="threshold">
	<option value="-1">-1: ${p.total} comments</option>
	<option value="1" selected>1: ${p.total} comments</option>
	</select>
	</fieldset>
</form>
<a name="topcomment"></a><ul id="commentlisting">
${p.listing}</ul>
<div id="footer">Slashdot-style footer text.</div>
</body>
</html>
`;
}
