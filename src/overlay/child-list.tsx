import { Fragment } from 'preact';
import type { Comment } from '../model/types';
import { childItems, visibleChildren } from '../model/render-items';
import type { ViewStore } from './view-store';
import { CommentView } from './comment-view';
import { Placeholder } from './placeholder';

/**
 * The replies under `parent` (or the top-level comments when `parent` is null): shown ones
 * as comments, runs of hidden ones as one counted placeholder. Under a collapsed comment only
 * the paths to breakthrough replies remain, without placeholders.
 */
export function ChildList({ store, parent }: { store: ViewStore; parent: Comment | null }) {
  const children = parent ? parent.children : store.discussion.roots;
  if (children.length === 0) return null;
  const states = store.allStates();
  const items = parent ? visibleChildren(parent, states) : childItems(children, states);
  if (items.length === 0) return null;
  return (
    <div class={parent ? 'thr-children' : 'thr-roots'} role={parent ? 'group' : undefined}>
      {items.map((item) =>
        item.kind === 'comment' ? (
          <CommentView key={item.comment.id} store={store} comment={item.comment} />
        ) : (
          <Fragment key={item.key}>
            <Placeholder count={item.count} onShow={() => store.reveal(item.ids)} />
            {item.ids.map((id) => (
              <CommentView key={id} store={store} comment={store.discussion.byId.get(id)!} />
            ))}
          </Fragment>
        ),
      )}
    </div>
  );
}
