/**
 * Shows the page's own nodes (a comment body, a signature) inside the overlay by moving
 * them — never by copying their HTML. Where a node came from is marked with an empty comment
 * node, so that when Threshold lets go (switched off, the thread re-read) the node goes back
 * exactly where the site put it, inside the site's hidden listing: comment text is never
 * lost from the document.
 *
 * A node is moved once, the first time its comment is shown in full, and then stays in the
 * overlay (hidden while its comment is not shown in full) until the overlay goes: moving it
 * again would reload the frames inside it and restart its videos.
 */

/** Nodes we moved and the markers we left; their mutations are ours, not the site's. */
const borrowed = new WeakSet<Node>();

export function isBorrowed(node: Node): boolean {
  return borrowed.has(node);
}

export interface Loan {
  node: Element;
  marker: Comment | null;
}

/** Moves `node` to the end of `host`, leaving a marker where it was. */
export function borrow(node: Element, host: Element): Loan {
  const parent = node.parentNode;
  const marker = parent ? host.ownerDocument.createComment('threshold') : null;
  borrowed.add(node);
  if (parent && marker) {
    borrowed.add(marker);
    parent.insertBefore(marker, node);
  }
  host.appendChild(node);
  return { node, marker };
}

/** Puts a borrowed node back in place of its marker. */
export function giveBack({ node, marker }: Loan): void {
  if (marker?.parentNode) marker.replaceWith(node);
}
