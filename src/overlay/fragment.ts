import type { Discussion } from '../model/types';

/**
 * The comment a URL fragment points at: Slashdot's anchors are the bare id (`#15602575`, as
 * its "Parent" links and comment links use), its elements `comment_ID` and `tree_ID`. Null
 * when the fragment names no comment of `d`.
 */
export function commentOfFragment(d: Discussion, hash: string): string | null {
  let frag = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    frag = decodeURIComponent(frag);
  } catch {
    // Not percent-encoded text: taken as it is.
  }
  if (frag === '') return null;
  if (d.byId.has(frag)) return frag;
  const m = /^(?:comment|tree)_(.+)$/.exec(frag);
  return m && d.byId.has(m[1]!) ? m[1]! : null;
}
