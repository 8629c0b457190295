import type { Comment, Discussion, ParsedPage, RawComment } from './types';

/**
 * Turns an adapter's flat, document-ordered comment list into a tree.
 *
 * Two ways of expressing nesting are accepted, so one interface fits every site:
 * an explicit `parent` id (Slashdot's nested lists, d2's script data) or only a `depth`
 * (sites that indent, like Hacker News), resolved with a stack of open ancestors.
 * Iterative on purpose: threads can be thousands of levels deep in hostile pages.
 */
export function buildTree(page: ParsedPage): Discussion {
  const { comments, ...rest } = page;
  const byId = new Map<string, Comment>();
  const roots: Comment[] = [];
  const stack: Comment[] = []; // open ancestors, for depth-only comments
  // An element can be shown in one place only: if odd markup makes two comments name the same
  // node, the first keeps it. (Moving it for both would strand it outside the document.)
  const claimed = new Set<Element>();
  const claim = (el: Element | null): Element | null => {
    if (!el || claimed.has(el)) return null;
    claimed.add(el);
    return el;
  };

  for (const raw of comments) {
    if (byId.has(raw.id)) continue; // a site listing one comment twice must not fork the tree
    const parentId = resolveParent(raw, stack, byId);
    const parent = parentId === null ? undefined : byId.get(parentId);
    // Fields copied one by one: object rest/spread is an order of magnitude slower here,
    // and this runs once per comment on threads of tens of thousands.
    const node: Comment = {
      id: raw.id,
      parent: parent ? parent.id : null,
      depth: parent ? parent.depth + 1 : 0,
      author: raw.author,
      authorUrl: raw.authorUrl,
      score: raw.score,
      reason: raw.reason,
      title: raw.title,
      timestamp: raw.timestamp,
      signature: raw.signature,
      body: claim(raw.body),
      signatureEl: claim(raw.signatureEl),
      extraEls: raw.extraEls?.filter((el) => claim(el) !== null),
      permalink: raw.permalink,
      form: raw.form,
      children: [],
    };
    byId.set(node.id, node);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.length = node.depth;
    stack.push(node);
  }

  return { ...rest, roots, byId, all: preorder(roots) };
}

function resolveParent(raw: RawComment, stack: Comment[], byId: Map<string, Comment>): string | null {
  if (raw.parent !== undefined) {
    // A parent the page does not contain (deleted, not loaded) makes the comment top-level
    // rather than dropping it: text is never lost.
    return raw.parent !== null && byId.has(raw.parent) ? raw.parent : null;
  }
  const depth = Math.max(0, raw.depth ?? 0);
  const parent = stack[Math.min(depth, stack.length) - 1];
  return parent ? parent.id : null;
}

/** Document order of a tree, without recursion. */
export function preorder(roots: readonly Comment[]): Comment[] {
  const out: Comment[] = [];
  const todo: Comment[] = [...roots].reverse();
  while (todo.length > 0) {
    const c = todo.pop()!;
    out.push(c);
    for (let i = c.children.length - 1; i >= 0; i--) todo.push(c.children[i]!);
  }
  return out;
}

/**
 * Whether `whole` begins with `part`'s comments, in the same order, with the same parents and
 * the same number of replies: then what shows `part` stays right for `whole` (its preview).
 */
export function startsWith(whole: Discussion, part: Discussion): boolean {
  return part.all.every((c, i) => {
    const w = whole.all[i];
    return w !== undefined && w.id === c.id && w.parent === c.parent && w.children.length === c.children.length;
  });
}
