// Reading text out of page elements the way a reader sees it: line by line.
// `textContent` runs paragraphs together ("…tree.--Have gnu"), and jsdom has no `innerText`,
// so signatures written as a "--" line cannot be found with it. Pure reads, no DOM writes.

import { cleanText } from './score';

/** Elements that start a new line when rendered. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The element's text split into visual lines (blocks and <br> break lines), white space
 * collapsed inside each line, empty lines dropped. Iterative: bodies can nest deeply.
 */
export function textLines(root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    const line = cleanText(current);
    if (line) lines.push(line);
    current = '';
  };
  // Stack of nodes still to visit; `null` marks "leaving a block element".
  const todo: (Node | null)[] = [root];
  while (todo.length > 0) {
    const node = todo.pop()!;
    if (node === null) {
      breakLine();
      continue;
    }
    if (node.nodeType === 3 /* TEXT_NODE */) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'BR') {
      breakLine();
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      breakLine();
      todo.push(null);
    }
    for (let child = el.lastChild; child; child = child.previousSibling) todo.push(child);
  }
  breakLine();
  return lines;
}

/** Longest text we accept as a signature: Slash limits signatures to 120 characters. */
const MAX_SIGNATURE_CHARS = 400;
const MAX_SIGNATURE_LINES = 4;

/**
 * The signature of a body written as text: the lines after the last line that is exactly
 * "--" (Usenet style, as mirrors and archives print it). A long tail after a "--" is
 * not a signature but part of the comment (someone drew a separator), so it is ignored.
 */
export function signatureFromLines(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i] !== '--') continue;
    const tail = lines.slice(i + 1);
    const text = tail.join('\n').trim();
    if (!text || tail.length > MAX_SIGNATURE_LINES || text.length > MAX_SIGNATURE_CHARS) return null;
    return text;
  }
  return null;
}

/**
 * The nearest ancestor of `el` (exclusive) that is in `owners`, stopping at `stop`.
 * Used to find a comment's parent comment through whatever wrappers a page puts between
 * them; a loop, not recursion, so hostile nesting cannot exhaust the stack.
 */
export function nearestOwner<T>(el: Element, owners: ReadonlyMap<Element, T>, stop: Element): T | null {
  for (let node = el.parentElement; node && node !== stop; node = node.parentElement) {
    const owner = owners.get(node);
    if (owner !== undefined) return owner;
  }
  return null;
}
