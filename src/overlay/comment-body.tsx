import { useMemo } from 'preact/hooks';
import type { Comment } from '../model/types';
import { BodySlot } from './body-slot';
import { safeHref } from './safe-url';

/** The comment's own text, moved from the page; or, where the page holds no text, a link to it. */
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
  if (nodes.length > 0) return <BodySlot nodes={nodes} className="thr-body" />;
  const href = safeHref(comment.permalink);
  return (
    <div class="thr-body thr-missing">
      {'The site did not include this comment’s text in the page. '}
      {href && <a href={href}>Read it on the site</a>}
    </div>
  );
}
