import type { Discussion } from './types';

/**
 * A discussion's tree as arrays over `Discussion.all` (document pre-order): what every pass over
 * a 20,000-comment thread needs, computed once per discussion. Typed arrays and indexes rather
 * than maps and sets keyed by id: a threshold change runs several such passes, and with maps
 * their cost grew faster than the thread (hashing, and the collector, on tens of thousands of
 * entries).
 */
export interface Shape {
  /** Each comment's index in `all`, by id. */
  readonly index: ReadonlyMap<string, number>;
  /** The parent's index, -1 at the top level. */
  readonly parent: Int32Array;
  /** Subtree sizes, the comment itself included: comment i's subtree is all[i .. i + size[i]). */
  readonly size: Int32Array;
}

const shapes = new WeakMap<Discussion, Shape>();

export function shapeOf(d: Discussion): Shape {
  let s = shapes.get(d);
  if (s) return s;
  const n = d.all.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(d.all[i]!.id, i);
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const p = d.all[i]!.parent;
    parent[i] = p === null ? -1 : index.get(p)!;
  }
  // Children come after their parent: one pass backwards sums every subtree.
  for (let i = n - 1; i >= 0; i--) if (parent[i]! >= 0) size[parent[i]!]! += size[i]!;
  s = { index, parent, size };
  shapes.set(d, s);
  return s;
}
