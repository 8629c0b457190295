import type { Comment, DisplayState, HighlightReason } from '../model/types';
import { subtreeSize } from '../model/render-items';
import { safeHref } from './safe-url';
import { MarkedText } from './marked-text';

interface Props {
  comment: Comment;
  state: DisplayState;
  highlights: readonly HighlightReason[];
  marks: Array<[number, number]>;
  onToggle: () => void;
  onExpand: () => void;
}

const BADGE: Record<HighlightReason, string> = { user: 'followed', keyword: 'keyword', submitter: 'submitter' };

/** One line: toggle, title, author, score, time. In one-line states the title opens the comment. */
export function CommentHeader({ comment, state, highlights, marks, onToggle, onExpand }: Props) {
  const collapsed = state === 'collapsed';
  const title = comment.title || '(no subject)';
  const replies = collapsed ? subtreeSize(comment) : 0;
  const authorHref = safeHref(comment.authorUrl);
  // Some pages lose the author (deleted accounts, script-only stubs): say so rather than print nothing.
  const author = comment.author || 'unknown author';
  return (
    <div class="thr-head">
      <button
        type="button"
        class="thr-toggle"
        aria-expanded={!collapsed}
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} “${title}” by ${author}`}
        onClick={onToggle}
      >
        {collapsed ? '+' : '−'}
      </button>
      {state === 'abbreviated' ? (
        <button type="button" class="thr-title thr-open" title="Show this comment" onClick={onExpand}>
          <MarkedText text={title} marks={marks} />
        </button>
      ) : (
        <span class="thr-title">
          <MarkedText text={title} marks={marks} />
        </span>
      )}
      <span class="thr-by">
        {' by '}
        {authorHref ? <a href={authorHref}>{author}</a> : author}
      </span>
      <span class="thr-score">{scoreText(comment)}</span>
      {comment.timestamp && <span class="thr-time">{comment.timestamp}</span>}
      {highlights.map((h) => (
        <span key={h} class={`thr-badge thr-badge-${h}`}>
          {BADGE[h]}
        </span>
      ))}
      {state === 'full' && !comment.body && <TextElsewhere href={safeHref(comment.permalink)} />}
      {replies > 0 && <span class="thr-replies">{`(${replies} ${replies === 1 ? 'reply' : 'replies'})`}</span>}
    </div>
  );
}

function scoreText(c: Comment): string {
  const score = c.score === null ? 'Score: ?' : `Score: ${c.score}`;
  return c.reason ? `${score}, ${c.reason}` : score;
}

/** For a comment whose text the page does not hold. */
function TextElsewhere({ href }: { href: string | undefined }) {
  return href ? (
    <a class="thr-elsewhere" href={href} title="The site did not include this comment’s text in the page">
      read on the site
    </a>
  ) : (
    <span class="thr-elsewhere">text not in the page</span>
  );
}
