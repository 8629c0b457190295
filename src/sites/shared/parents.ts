// Deciding each comment's parent from what a page offers, so that the tree never loses a comment.
//
// Slash-family pages state a comment's parent exactly (a "Parent" link, a `pid=` in a link, the
// D2 script), but that parent is often not on the page (below the threshold, not loaded). The
// markup also places every comment inside some displayed ancestor's reply list; that nearest
// displayed ancestor is the best stand-in. buildTree needs every parent to come before its
// children in the list; when a page breaks that (script-only entries, hostile markup, cycles),
// the list is reordered into a stable pre-order: siblings keep their page order.

export interface ParentClaim {
  id: string;
  /** The parent the site names: an id, `null` for "top level", `undefined` when it does not say. */
  exact: string | null | undefined;
  /** The nearest enclosing comment in the markup, `null` when at the top of the listing. */
  fallback: string | null;
}

export interface Placement {
  /** Resolved parent for each claim (same index), always a listed id or `null`. */
  parent: (string | null)[];
  /** Claim indexes in the order to list them: every parent before its children. */
  order: number[];
}

/** Claims must have distinct ids. Linear time, no recursion. */
export function placeComments(claims: readonly ParentClaim[]): Placement {
  const index = new Map<string, number>();
  claims.forEach((c, i) => index.set(c.id, i));

  const parent = claims.map((c): string | null => {
    if (c.exact === null) return null;
    if (c.exact !== undefined && c.exact !== c.id && index.has(c.exact)) return c.exact;
    if (c.fallback !== null && c.fallback !== c.id && index.has(c.fallback)) return c.fallback;
    return null;
  });

  const inOrder = parent.every((p, i) => p === null || index.get(p)! < i);
  if (inOrder) return { parent, order: claims.map((_, i) => i) };

  const children: number[][] = claims.map(() => []);
  parent.forEach((p, i) => {
    if (p !== null) children[index.get(p)!]!.push(i);
  });
  const order: number[] = [];
  const visited = new Uint8Array(claims.length);
  const walk = (root: number): void => {
    const todo = [root];
    while (todo.length > 0) {
      const i = todo.pop()!;
      if (visited[i]) continue;
      visited[i] = 1;
      order.push(i);
      const kids = children[i]!;
      for (let k = kids.length - 1; k >= 0; k--) if (!visited[kids[k]!]) todo.push(kids[k]!);
    }
  };
  parent.forEach((p, i) => {
    if (p === null) walk(i);
  });
  // Whatever is left hangs off a cycle (a names b, b names a): cut the cycle at its first
  // comment in page order, which becomes top-level.
  for (let i = 0; i < claims.length; i++) {
    if (visited[i]) continue;
    parent[i] = null;
    walk(i);
  }
  return { parent, order };
}
