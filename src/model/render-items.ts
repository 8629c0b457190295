import type { Comment, DisplayState } from './types';

/**
 * What the overlay renders in one list of replies: a comment, or one placeholder standing
 * for a run of consecutive hidden siblings ("7 comments below threshold — show").
 */
export type RenderItem =
  | { kind: 'comment'; comment: Comment }
  | {
      kind: 'placeholder';
      /** Stable across renders while the run starts with the same comment. */
      key: string;
      /** The hidden siblings themselves: revealing them (ViewState.revealed) opens the run. */
      ids: string[];
      /** Hidden comments in the run, the siblings and all their hidden descendants. */
      count: number;
    };

/** The states by id: a map, or visibility.ts's table. */
type States = { get(id: string): DisplayState | undefined };

const isHidden = (c: Comment, states: States): boolean => states.get(c.id) === 'hidden';

/**
 * A list of siblings as the overlay shows it: shown comments in order, and each run of
 * consecutive hidden ones folded into one placeholder (runs are never merged across a
 * shown comment, so the placeholder sits where those comments were).
 */
export function childItems(children: readonly Comment[], states: States): RenderItem[] {
  const items: RenderItem[] = [];
  let run: Comment[] = [];
  const flush = () => {
    if (run.length === 0) return;
    items.push({ kind: 'placeholder', key: 'ph:' + run[0]!.id, ids: run.map((c) => c.id), count: hiddenCount(run, states) });
    run = [];
  };
  for (const c of children) {
    if (isHidden(c, states)) {
      run.push(c);
    } else {
      flush();
      items.push({ kind: 'comment', comment: c });
    }
  }
  flush();
  return items;
}

/**
 * The replies to render under `c`. Under a collapsed comment only the replies that are shown
 * anyway (breakthrough paths) appear, with no placeholders: the user folded that subtree away
 * on purpose. Under any other comment, `childItems`.
 */
export function visibleChildren(c: Comment, states: States): RenderItem[] {
  if (states.get(c.id) !== 'collapsed') return childItems(c.children, states);
  const items: RenderItem[] = [];
  for (const child of c.children) if (!isHidden(child, states)) items.push({ kind: 'comment', comment: child });
  return items;
}

/** Number of replies below `c` at any depth (not counting `c`), for "(N replies)". */
export function subtreeSize(c: Comment): number {
  let n = 0;
  const todo: Comment[] = [...c.children];
  while (todo.length > 0) {
    const x = todo.pop()!;
    n++;
    for (const child of x.children) todo.push(child);
  }
  return n;
}

/** Hidden comments in the subtrees of `roots` (roots included), without recursion. */
function hiddenCount(roots: readonly Comment[], states: States): number {
  let n = 0;
  const todo: Comment[] = [...roots];
  while (todo.length > 0) {
    const x = todo.pop()!;
    if (isHidden(x, states)) n++;
    for (const child of x.children) todo.push(child);
  }
  return n;
}
