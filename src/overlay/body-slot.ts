/**
 * Shows the page's own nodes (a comment body, a signature) inside the overlay by moving
 * them — never by copying their HTML. Where a node came from is marked with an empty comment
 * node, so that when Threshold lets go (switched off, the thread re-read) the node goes back
 * exactly where the site put it, inside the site's hidden listing: comment text is never
 * lost from the document.
 *
 * A node is moved into its comment's row while the row is drawn (list-view/) and back when
 * it goes. Between two places in the document it moves with moveBefore where the browser has
 * it (Chromium 133+, Firefox 144+), which keeps frames inside it loaded: a node removed and
 * inserted again would reload its frames and restart their scripts.
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
  move(host, node, null);
  return { node, marker };
}

/** Puts a borrowed node back in place of its marker. */
export function giveBack({ node, marker }: Loan): void {
  const parent = marker?.parentNode;
  if (!parent) return;
  move(parent, node, marker);
  marker.remove();
}

type Mover = { moveBefore?(node: Node, child: Node | null): void };

/** `parent.insertBefore(node, before)`, keeping the node's state where the browser can. */
function move(parent: Node, node: Node, before: Node | null): void {
  const mover = parent as Mover;
  if (mover.moveBefore && node.isConnected && parent.isConnected) {
    try {
      mover.moveBefore(node, before);
      return;
    } catch {
      // Not a move it allows (another document, say): an ordinary one.
    }
  }
  parent.insertBefore(node, before);
}
