/**
 * The find box's elements: plain DOM built with createElement and text, like the overlay it
 * sits in (the content script's world carries no UI library). What they do is find.ts's.
 */
export interface FindBox {
  readonly box: HTMLElement;
  readonly input: HTMLInputElement;
  readonly count: HTMLElement;
  readonly prev: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly close: HTMLButtonElement;
}

export const LABEL = 'Find in comments';

export function createFindBox(doc: Document): FindBox {
  const box = doc.createElement('div');
  box.className = 'thr-find';
  box.setAttribute('role', 'search');
  box.setAttribute('aria-label', LABEL);

  const input = doc.createElement('input');
  // Not type=search: its own Escape empties the field, where here Escape closes the box.
  input.type = 'text';
  input.className = 'thr-find-input';
  input.setAttribute('aria-label', LABEL);
  input.placeholder = LABEL;
  input.autocomplete = 'off';
  input.spellcheck = false;

  // Read out when it changes, without moving focus.
  const count = doc.createElement('span');
  count.className = 'thr-find-count';
  count.setAttribute('role', 'status');

  box.append(
    input,
    count,
    button(doc, 'thr-find-prev', '↑', 'Previous match (Shift+Enter)'),
    button(doc, 'thr-find-next', '↓', 'Next match (Enter)'),
    button(doc, 'thr-find-close', '×', 'Close (Escape)'),
  );
  const [prev, next, close] = [...box.querySelectorAll('button')];
  return { box, input, count, prev: prev!, next: next!, close: close! };
}

function button(doc: Document, cls: string, sign: string, label: string): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = sign;
  b.title = label;
  b.setAttribute('aria-label', label.replace(/ \(.*\)$/, ''));
  return b;
}

/** "3 of 17", "no matches", or nothing while there is no query. */
export function countText(count: number, current: number): string {
  if (count === 0) return 'no matches';
  return `${current + 1} of ${count}`;
}
