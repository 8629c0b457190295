import { memo } from 'preact/compat';
import type { Comment } from '../model/types';
import { keywordRanges } from '../model/highlight';
import type { ViewStore } from './view-store';
import { useStoreKey } from './use-store';
import { CommentHeader } from './comment-header';
import { CommentBody } from './comment-body';
import { ChildList } from './child-list';

interface Props {
  store: ViewStore;
  comment: Comment;
}

/**
 * One comment and its replies. Memoized and subscribed to its own id, so a change elsewhere
 * in the thread does not re-render it (see ViewStore).
 */
export const CommentView = memo(function CommentView({ store, comment }: Props) {
  useStoreKey(store, comment.id);
  const state = store.state(comment.id);
  if (state === 'hidden') {
    // Kept as an empty element so the comment stays addressable (tests, fragments); its text
    // stays in the site's own hidden listing until shown.
    return <div class="thr-comment" data-comment-id={comment.id} data-state="hidden" hidden />;
  }
  const highlights = store.highlight(comment.id);
  const classes = ['thr-comment', `thr-${state}`, highlights.length > 0 && 'thr-highlight']
    .filter(Boolean)
    .join(' ');
  return (
    <article
      class={classes}
      data-comment-id={comment.id}
      data-state={state}
      data-score={comment.score ?? 'unknown'}
      data-highlight={highlights.join(' ') || undefined}
      aria-label={`${comment.title || 'Comment'} by ${comment.author}`}
    >
      <CommentHeader
        comment={comment}
        state={state}
        highlights={highlights}
        marks={keywordRanges(store.highlighter, comment.title)}
        onToggle={() => store.toggleCollapsed(comment.id)}
        onExpand={() => store.expand(comment.id)}
      />
      {state === 'full' && <CommentBody comment={comment} />}
      <ChildList store={store} parent={comment} />
    </article>
  );
});
