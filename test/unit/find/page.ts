// A small page for the find tests: a site listing holding each comment's body (the page's own
// nodes, which the overlay moves into its rows), the discussion read from it, and a store.
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import type { Comment, Discussion, RawComment, Thresholds } from '../../../src/model/types';
import { ViewStore } from '../../../src/overlay/view-store';
import { page, raw } from '../model/helpers';

export interface Spec {
  id: string;
  parent?: string | null;
  score: number;
  title: string;
  author: string;
  /** The body's text; no body element when absent. */
  body?: string;
}

/** full ≥ 2, one-line ≥ 1, hidden ≤ 0: every state reachable with Slashdot's scores. */
export const T: Thresholds = { full: 2, abbreviated: 1, breakthrough: 5 };

/**
 * Under T with '4' collapsed:
 *   1 full, 2 one-line, 3 hidden (own score), 4 collapsed, 5 hidden (under the collapsed 4), 6 full.
 * "rust" (any case) is in: 1's title, 1's text three times (across a line break and spaces),
 * 2's title and text (a one-liner: text not on the page), 3 everywhere (hidden), 4's title
 * ("Trust") and text (collapsed: not on the page), 5's title (hidden), 6's author.
 */
export const SPECS: Spec[] = [
  { id: '1', score: 5, title: 'Rust in the kernel', author: 'alice', body: 'Rust is   here.\n  RUST  everywhere, rust.' },
  { id: '2', parent: '1', score: 1, title: 'Re: Rust', author: 'bob', body: 'secret rust text' },
  { id: '3', parent: '1', score: 0, title: 'Rust hidden', author: 'rusty', body: 'rust' },
  { id: '4', score: 3, title: 'Trust me', author: 'carol', body: 'rust body of a collapsed one' },
  { id: '5', parent: '4', score: 3, title: 'rust under a collapsed one', author: 'dan', body: 'rust' },
  { id: '6', score: 2, title: 'Other', author: 'Rust Fan', body: 'no match here' },
];
export const COLLAPSED = ['4'];

export function setUpPage(specs: Spec[] = SPECS): Discussion {
  document.body.replaceChildren();
  const story = document.createElement('p');
  story.id = 'story';
  story.tabIndex = -1;
  story.textContent = 'The story';
  const list = document.createElement('ul');
  list.id = 'commentlisting';
  const raws: RawComment[] = [];
  for (const s of specs) {
    const li = document.createElement('li');
    let body: HTMLElement | null = null;
    if (s.body !== undefined) {
      body = document.createElement('div');
      body.className = 'body';
      body.textContent = s.body;
      li.append(body);
    }
    list.append(li);
    raws.push(raw(s.id, { parent: s.parent ?? null, score: s.score, title: s.title, author: s.author, body }));
  }
  document.body.append(story, list);
  return buildTree(page(raws, { container: list }));
}

const noHighlight = compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false });

export function storeFor(d: Discussion, t: Thresholds = T, collapsed: string[] = COLLAPSED): ViewStore {
  return new ViewStore(d, t, collapsed, noHighlight, (c: Comment) => c.body?.textContent ?? '');
}

/** Counts reads of `el.textContent` (the page's text read again). */
export function countTextReads(el: Element): { reads: number } {
  const counter = { reads: 0 };
  const { get } = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
  Object.defineProperty(el, 'textContent', {
    configurable: true,
    get() {
      counter.reads++;
      return get!.call(this);
    },
  });
  return counter;
}
