import { useMemo } from 'preact/hooks';
import type { Comment } from '../model/types';
import { BodySlot } from './body-slot';

/** The comment's own text, moved from the page. */
export function CommentBody({ comment }: { comment: Comment }) {
  const nodes = useMemo(() => {
    const list: Element[] = [];
    if (comment.body) list.push(comment.body);
    // Some sites keep the signature (or a "read the rest" link) beside the body rather than inside it.
    for (const el of [comment.signatureEl, ...(comment.extraEls ?? [])]) {
      if (el && !comment.body?.contains(el)) list.push(el);
    }
    return list;
  }, [comment]);
  // Without text in the page (Slashdot's one-liners, d2's hidden stubs) the header carries a
  // link to the comment on the site instead: a body-sized notice per comment would bury the thread.
  return nodes.length > 0 ? <BodySlot nodes={nodes} className="thr-body" /> : null;
}
