import type { PlaceholderRow } from '../model/rows';

/** "N comments below threshold — show": the line standing for a run of hidden comments. */
export function createPlaceholder(doc: Document): HTMLElement {
  const line = doc.createElement('div');
  line.className = 'thr-placeholder';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'thr-link';
  button.textContent = 'show';
  line.append('', button);
  return line;
}

/** Brings the line to `row`'s count, writing only what differs. */
export function applyPlaceholder(line: HTMLElement, row: PlaceholderRow): void {
  // Which run it stands for (its first comment): rows are drawn and dropped as the reader
  // scrolls, and a reader of the page (a test) tells one line from another by this.
  if (line.getAttribute('data-placeholder-first') !== row.ids[0]) line.setAttribute('data-placeholder-first', row.ids[0]!);
  const count = String(row.count);
  if (line.getAttribute('data-placeholder-count') === count) return;
  line.setAttribute('data-placeholder-count', count);
  (line.firstChild as Text).data = `${row.count === 1 ? '1 comment' : `${row.count} comments`} below threshold — `;
}
