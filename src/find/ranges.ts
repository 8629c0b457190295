import type { Comment, DisplayState } from '../model/types';
import { foldMapped } from './fold';
import type { Matches } from './search';
import { AUTHOR, TEXT, TITLE, type Field } from './texts';

/**
 * The page's text nodes that show one field of a drawn comment row (comment-element.ts), in
 * order; null when the row does not show that field. The title is there twice (plain text, and
 * the button that opens a one-liner): the one the row's state shows. The text is the comment's
 * own body element, moved into the row while it is shown whole.
 */
function fieldNodes(row: HTMLElement, c: Comment, state: DisplayState | string | null, field: Field): Text[] | null {
  const head = row.firstElementChild;
  let host: Node | null = null;
  if (field === TITLE) host = head?.querySelector(state === 'abbreviated' ? ':scope > .thr-open' : ':scope > span.thr-title') ?? null;
  else if (field === AUTHOR) host = head?.querySelector(':scope > .thr-by')?.lastChild ?? null;
  else if (state === 'full' && c.body && row.contains(c.body)) host = c.body;
  return host ? textNodesOf(host) : null;
}

function textNodesOf(host: Node): Text[] {
  if (host.nodeType === 3) return [host as Text];
  const doc = host.ownerDocument!;
  const walker = doc.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/**
 * Ranges over the matches [from, to) of comment `c`, all in its drawn `row`: `ranges[k - from]`
 * covers match k, or is null where the row does not show it. The folded text of the row's
 * nodes is the model's (the same strings: the title and author written from the model, the
 * body the page's own nodes); a match whose text differs there (the page changed the body since
 * it was read) gets no range rather than a wrong one.
 */
export function rangesInRow(row: HTMLElement, c: Comment, m: Matches, from: number, to: number): Array<Range | null> {
  const out: Array<Range | null> = [];
  const state = row.getAttribute('data-state');
  const doc = row.ownerDocument;
  let field = -1;
  let mapped: MappedText | null = null;
  for (let k = from; k < to; k++) {
    if (m.field[k] !== field) {
      field = m.field[k]!;
      const nodes = fieldNodes(row, c, state, field as Field);
      mapped = nodes ? mapText(nodes) : null;
    }
    out.push(mapped ? rangeAt(doc, mapped, m.start[k]!, m.query) : null);
  }
  return out;
}

interface MappedText {
  nodes: Text[];
  /** Where each node's text starts in the nodes' text joined. */
  starts: number[];
  folded: string;
  map: Int32Array;
}

function mapText(nodes: Text[]): MappedText {
  const starts: number[] = [];
  let joined = '';
  for (const n of nodes) {
    starts.push(joined.length);
    joined += n.data;
  }
  return { nodes, starts, ...foldMapped(joined) };
}

function rangeAt(doc: Document, t: MappedText, start: number, query: string): Range | null {
  const end = start + query.length;
  if (t.folded.slice(start, end) !== query) return null;
  // The characters matched run from the first one's source to just past the last one's.
  const [startNode, startOffset] = locate(t, t.map[start]!);
  const [endNode, endOffset] = locate(t, t.map[end - 1]!);
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}

/** The text node holding character `at` of the joined text, and its offset there. */
function locate(t: MappedText, at: number): [Text, number] {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (t.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  // Empty nodes start where the next one does: skip to the one that holds the character.
  while (lo < t.nodes.length - 1 && at - t.starts[lo]! >= t.nodes[lo]!.data.length) lo++;
  return [t.nodes[lo]!, at - t.starts[lo]!];
}
