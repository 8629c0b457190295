// Builders for hand-made discussions. A tree is written as nested arrays:
//   [['a', 5, [['b', -1], ['c', 2]]], ['d', null]]
// i.e. [id, score, children?]. Everything here is iterative so the deep-thread tests can
// use it too.
import { buildTree } from '../../../src/model/build-tree';
import type { Comment, DisplayState, Discussion, ParsedPage, RawComment, Score, Thresholds } from '../../../src/model/types';
import { computeStates, type ViewState } from '../../../src/model/visibility';

export type Spec = [id: string, score: Score, children?: Spec[]];

/** A RawComment with dull defaults; `fields` overrides any of them. */
export function raw(id: string, fields: Partial<RawComment> = {}): RawComment {
  return {
    id,
    parent: null,
    author: 'user-' + id,
    authorUrl: null,
    score: 1,
    reason: null,
    title: 'Re: title ' + id,
    timestamp: null,
    signature: null,
    body: null,
    signatureEl: null,
    permalink: null,
    form: 'full',
    ...fields,
  };
}

/** Flattens a nested spec into document-ordered raw comments with parent ids. */
export function rawsFromSpec(specs: readonly Spec[]): RawComment[] {
  const out: RawComment[] = [];
  const todo: Array<{ spec: Spec; parent: string | null }> = [];
  for (let i = specs.length - 1; i >= 0; i--) todo.push({ spec: specs[i]!, parent: null });
  while (todo.length > 0) {
    const { spec, parent } = todo.pop()!;
    const [id, score, children = []] = spec;
    out.push(raw(id, { parent, score }));
    for (let i = children.length - 1; i >= 0; i--) todo.push({ spec: children[i]!, parent: id });
  }
  return out;
}

export function page(comments: RawComment[], fields: Partial<ParsedPage> = {}): ParsedPage {
  return {
    site: 'test',
    threadKey: 'test:1',
    title: 'A story',
    submitter: null,
    declaredCount: null,
    // The model never touches the container; a placeholder object is enough off the DOM.
    container: {} as Element,
    comments,
    ...fields,
  };
}

export function tree(specs: readonly Spec[]): Discussion {
  return buildTree(page(rawsFromSpec(specs)));
}

/** A discussion from flat rows (parent ids), for generated trees. */
export function fromRows(rows: ReadonlyArray<{ id: string; parent: string | null; score: Score }>): Discussion {
  return buildTree(page(rows.map((r) => raw(r.id, { parent: r.parent, score: r.score }))));
}

/** `n` comments, each the reply of the one before. */
export function chain(n: number, score: (i: number) => Score): Discussion {
  const comments: RawComment[] = [];
  for (let i = 0; i < n; i++) comments.push(raw('c' + i, { parent: i === 0 ? null : 'c' + (i - 1), score: score(i) }));
  return buildTree(page(comments));
}

export function view(v: { collapsed?: string[]; expanded?: string[]; revealed?: string[] } = {}): ViewState {
  return {
    collapsed: new Set(v.collapsed ?? []),
    expanded: new Set(v.expanded ?? []),
    revealed: new Set(v.revealed ?? []),
  };
}

/** States as a plain object, for readable `toEqual` tables. */
export function statesOf(d: Discussion, t: Thresholds, v: ViewState = view()): Record<string, DisplayState> {
  return Object.fromEntries(computeStates(d, t, v));
}

export function get(d: Discussion, id: string): Comment {
  const c = d.byId.get(id);
  if (!c) throw new Error('no comment ' + id);
  return c;
}
