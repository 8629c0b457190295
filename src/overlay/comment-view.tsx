import { Component } from 'preact';
import type { Comment } from '../model/types';
import { keywordRanges } from '../model/highlight';
import type { ViewStore } from './view-store';
import { CommentHeader } from './comment-header';
import { CommentBody } from './comment-body';
import { ChildList } from './child-list';

interface Props {
  store: ViewStore;
  comment: Comment;
}

/**
 * One comment and its replies. Subscribed to its own id and re-rendered only when the store
 * says it changed, never because its parent re-rendered (see ViewStore). A class rather than
 * preact/compat's memo keeps compat out of the content script.
 */
export class CommentView extends Component<Props> {
  private unsubscribe: (() => void) | null = null;

  override componentWillMount(): void {
    // Subscribed before the first render, so no change can slip between render and subscription.
    this.unsubscribe = this.props.store.subscribe(this.props.comment.id, () => this.forceUpdate());
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override shouldComponentUpdate(next: Props): boolean {
    return next.comment !== this.props.comment || next.store !== this.props.store;
  }

  override render() {
    return renderComment(this.props);
  }
}

function renderComment({ store, comment }: Props) {
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
      aria-label={`${comment.title || 'Comment'} by ${comment.author || 'unknown author'}`}
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
}
