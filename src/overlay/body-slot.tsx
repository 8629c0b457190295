import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Shows the page's own nodes (a comment body, a signature) inside the overlay by moving
 * them — never by copying their HTML. Where a node came from is marked with an empty
 * comment node, so that when the slot goes away (threshold raised, subthread collapsed,
 * Threshold switched off) the node goes back exactly where the site put it, inside the
 * site's hidden listing: comment text is never lost from the document.
 */
export function BodySlot({ nodes, className }: { nodes: readonly Element[]; className: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const host = ref.current;
    if (!host) return;
    const moved = nodes.map((node) => borrow(node, host));
    return () => {
      for (const m of moved) giveBack(m);
    };
  }, [nodes]);
  return <div class={className} ref={ref} />;
}

/** Nodes we moved and the markers we left; their mutations are ours, not the site's. */
const borrowed = new WeakSet<Node>();

export function isBorrowed(node: Node): boolean {
  return borrowed.has(node);
}

interface Borrowed {
  node: Element;
  marker: Comment | null;
}

function borrow(node: Element, host: HTMLElement): Borrowed {
  const parent = node.parentNode;
  const marker = parent ? document.createComment('threshold') : null;
  borrowed.add(node);
  if (parent && marker) {
    borrowed.add(marker);
    parent.insertBefore(marker, node);
  }
  host.appendChild(node);
  return { node, marker };
}

function giveBack({ node, marker }: Borrowed): void {
  if (marker?.parentNode) marker.replaceWith(node);
}
