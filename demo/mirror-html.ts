// Writes a discussion page in the "mirror" format that src/sites/mirror.ts reads: the shape
// of the Slashdot mirror page the project started from (/work/shared/seed). Semantic and
// plain: a site header, the story in <article class="story"> with an <h1>, the count line
// "N of M comments (clear)", then nested ordered lists of comments, each
// <li class="comment" id="comment-ID"> holding <article> (header line + body) and
// <ol class="replies">. The header line reads "TITLE by AUTHOR · DATE · Score: 5, Reason";
// a signature is the last paragraph of the body, after a line that is exactly "--".

export type Inline = string | { link: string; text: string } | { em: string };

export type Block = { kind: 'p'; parts: Inline[] } | { kind: 'quote'; parts: Inline[] };

export interface MirrorComment {
  id: string;
  /** Id of the parent comment shown on the page, `null` for top level. Parents come first. */
  parent: string | null;
  title: string;
  /** `null`: the mirror lost the author, and the header has no "by" part at all. */
  author: string | null;
  /** `null` for Anonymous Coward and others without a user page. */
  authorUrl: string | null;
  /** `null` renders an empty date slot, as in the seed ("· ·"). */
  date: { text: string; iso: string } | null;
  /** `null` renders "Score: ?". */
  score: number | null;
  reason: string | null;
  blocks: Block[];
  signature: string | null;
}

export interface MirrorStory {
  siteName: string;
  title: string;
  /** Story paragraphs; the submitter link is marked with class "submitter". */
  paragraphs: Inline[][];
  submitter: { name: string; url: string } | null;
}

export interface MirrorPage {
  story: MirrorStory;
  comments: MirrorComment[];
  /** The total the original discussion had ("3 of 419 comments"). */
  total: number;
}

/** Escapes text for element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

function inline(parts: readonly Inline[], submitter?: MirrorStory['submitter']): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return escapeHtml(p);
      if ('em' in p) return `<i>${escapeHtml(p.em)}</i>`;
      const cls = submitter && p.link === submitter.url ? ' class="submitter"' : '';
      return `<a${cls} href="${escapeHtml(p.link)}">${escapeHtml(p.text)}</a>`;
    })
    .join('');
}

function block(b: Block): string {
  return b.kind === 'quote' ? `<blockquote><p>${inline(b.parts)}</p></blockquote>` : `<p>${inline(b.parts)}</p>`;
}

export function scoreText(score: number | null, reason: string | null): string {
  return `Score: ${score === null ? '?' : score}${reason ? `, ${reason}` : ''}`;
}

function commentArticle(c: MirrorComment): string {
  const by =
    c.author === null
      ? ''
      : ` by ${c.authorUrl ? `<a class="author" href="${escapeHtml(c.authorUrl)}">${escapeHtml(c.author)}</a>` : `<span class="author">${escapeHtml(c.author)}</span>`}`;
  const date = c.date ? `<time datetime="${escapeHtml(c.date.iso)}">${escapeHtml(c.date.text)}</time>` : '<time></time>';
  const sig = c.signature ? `\n<p class="sig">--<br>${c.signature.split('\n').map(escapeHtml).join('<br>')}</p>` : '';
  return (
    `<article>\n<header class="comment-head"><a class="subject" href="#comment-${escapeHtml(c.id)}">${escapeHtml(c.title)}</a>${by}` +
    ` · ${date} · <span class="score">${escapeHtml(scoreText(c.score, c.reason))}</span></header>\n` +
    `<div class="comment-text">\n${c.blocks.map(block).join('\n')}${sig}\n</div>\n</article>`
  );
}

/** Nested lists without recursion (generated pages may be deep). */
function commentLists(comments: readonly MirrorComment[]): string {
  const kids = new Map<string | null, MirrorComment[]>();
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    const key = c.parent !== null && ids.has(c.parent) ? c.parent : null;
    const list = kids.get(key);
    if (list) list.push(c);
    else kids.set(key, [c]);
  }
  const out: string[] = ['<ol class="thread">'];
  // Each frame holds the siblings of one list still to write.
  const stack: MirrorComment[][] = [[...(kids.get(null) ?? [])]];
  while (stack.length > 0) {
    const c = stack[stack.length - 1]!.shift();
    if (!c) {
      stack.pop();
      if (stack.length > 0) out.push('</ol>\n</li>');
      continue;
    }
    out.push(`<li class="comment" id="comment-${escapeHtml(c.id)}">\n${commentArticle(c)}`);
    const children = kids.get(c.id);
    if (children?.length) {
      out.push('<ol class="replies">');
      stack.push([...children]);
    } else {
      out.push('</li>');
    }
  }
  out.push('</ol>');
  return out.join('\n');
}

const STYLE = `
  body { margin: 0; background: #fafaf7; color: #222; font: 17px/1.55 Georgia, "Times New Roman", serif; }
  .site-header { background: #016765; padding: 0.6em 1.2em; font: bold 1.3em/1.2 Verdana, Arial, sans-serif; }
  .site-header a { color: #fff; text-decoration: none; }
  main { max-width: 46em; margin: 0 auto; padding: 1em 1.2em 3em; }
  .story h1 { font: bold 1.6em/1.25 Verdana, Arial, sans-serif; color: #016765; }
  .comment-count { font-family: Verdana, Arial, sans-serif; font-size: 0.9em; color: #555; border-top: 1px solid #ccc; padding-top: 0.8em; }
  ol.thread, ol.replies { padding-left: 1.6em; }
  ol.replies { border-left: 2px solid #d8e4e3; }
  li.comment { margin: 0.9em 0; }
  .comment-head { font-family: Verdana, Arial, sans-serif; font-size: 0.85em; color: #555; }
  .comment-head .subject { font-weight: bold; color: #016765; text-decoration: none; }
  .comment-text p { margin: 0.5em 0; }
  blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 3px solid #ccc; color: #555; font-style: italic; }
  .sig { color: #777; font-size: 0.9em; }
  footer { text-align: center; color: #888; font: 0.8em Verdana, Arial, sans-serif; padding: 2em 0; }
`;

export function renderMirrorPage(page: MirrorPage, headComment?: string): string {
  const { story } = page;
  const paragraphs = story.paragraphs.map((p) => `<p>${inline(p, story.submitter)}</p>`).join('\n');
  // The comment comes first (before the doctype, which keeps standards mode in HTML5 parsers).
  return `${headComment ? `<!-- ${headComment.replace(/-->/g, '- ->')} -->\n` : ''}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(story.title)} - ${escapeHtml(story.siteName)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="site-header"><a href="/">${escapeHtml(story.siteName)}</a></header>
<main>
<article class="story">
<h1>${escapeHtml(story.title)}</h1>
<div class="story-text">
${paragraphs}
</div>
</article>
<section class="discussion" id="comments">
<p class="comment-count">${page.comments.length} of ${page.total} comments (<a href="?">clear</a>)</p>
${commentLists(page.comments)}
</section>
</main>
<footer>Comments are owned by whoever posted them. This mirror is not affiliated with Slashdot.</footer>
</body>
</html>
`;
}
