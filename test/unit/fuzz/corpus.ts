// The saved pages the fuzzer starts from, each split once into the page around its comment
// listing and the listing's top-level threads, so a test page can be put together from a window
// of threads by string concatenation (parsing a whole 250 KB Slashdot page takes jsdom most of
// a second; a window of a few threads a few milliseconds).

import { SLASHDOT_PAGES, readFixture } from '../../fixtures/slashdot/pages';
import { SOYLENT_PAGES, readSoylentFixture } from '../../fixtures/soylentnews/pages';
import { MIRROR_URL, readMirrorFixture } from '../../fixtures/mirror/pages';
import type { Rng } from '../../hostile/rng';

/** Markup families: each has its own way of marking comment bodies (see bodies.ts). */
export type Format = 'slashdot' | 'rehash' | 'mirror';

export interface FuzzFixture {
  name: string;
  url: string;
  format: Format;
  /** The page up to the listing's content, and after it. */
  head: string;
  tail: string;
  /** The listing's top-level children, serialized. */
  items: string[];
  /** The page without the listing's content, parsed once (cloning it is cheaper than parsing). */
  shell: Element;
}

const MARK = 'thr-fuzz-listing-content';

/** Where the comments sit, by format (the element whose children are the top-level threads). */
export function listingOf(doc: Document, format: Format): Element | null {
  return format === 'mirror' ? doc.querySelector('ol.thread') : doc.getElementById('commentlisting');
}

function split(name: string, url: string, format: Format, html: string): FuzzFixture {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const listing = listingOf(doc, format);
  if (!listing) throw new Error(`${name}: no listing`);
  const items: string[] = [];
  for (let el = listing.firstElementChild; el; el = el.nextElementSibling) items.push(el.outerHTML);
  listing.replaceChildren(doc.createComment(MARK));
  const whole = `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
  const at = whole.indexOf(`<!--${MARK}-->`);
  listing.replaceChildren();
  return { name, url, format, head: whole.slice(0, at), tail: whole.slice(at + MARK.length + 7), items, shell: doc.documentElement };
}

export function loadFuzzFixtures(): FuzzFixture[] {
  return [
    ...SLASHDOT_PAGES.map((p) => split(`slashdot/${p.file}`, p.url, 'slashdot', readFixture(p.file))),
    ...SOYLENT_PAGES.map((p) => split(`soylentnews/${p.file}`, p.url, 'rehash', readSoylentFixture(p.file))),
    ...['seed.html', 'rich.html'].map((f) => split(`mirror/${f}`, MIRROR_URL, 'mirror', readMirrorFixture(f))),
  ];
}

/** Most bytes of threads in one test page (at least one thread is always taken). */
const WINDOW_BYTES = 20_000;

/**
 * A window of consecutive top-level threads (on the small pages, often all of them), as HTML.
 * Thread markup is the saved page's, unchanged; what the window leaves out is like a thread
 * deleted, and D2's script still names those comments (they become stubs).
 */
export function windowOf(fx: FuzzFixture, rng: Rng): { items: string; window: string } {
  const n = fx.items.length;
  if (n === 0 || (rng.chance(0.25) && fx.items.join('').length <= WINDOW_BYTES * 1.5)) {
    return { items: fx.items.join(''), window: 'all' };
  }
  const start = rng.int(0, n - 1);
  const want = rng.int(1, 8);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = start; i < n && parts.length < want; i++) {
    const item = fx.items[i]!;
    if (parts.length > 0 && bytes + item.length > WINDOW_BYTES) break;
    parts.push(item);
    bytes += item.length;
  }
  return { items: parts.join(''), window: `${start}+${parts.length}` };
}

/** The window as a whole page's HTML. */
export function windowedPage(fx: FuzzFixture, rng: Rng): { html: string; window: string } {
  const { items, window } = windowOf(fx, rng);
  return { html: fx.head + items + fx.tail, window };
}

/**
 * The window as `doc`'s page: the shell cloned into `doc`, the threads parsed into its listing.
 * Same tree as parsing windowedPage's HTML, at a third of the cost.
 */
export function loadWindow(doc: Document, fx: FuzzFixture, items: string): void {
  const root = doc.importNode(fx.shell, true);
  const listing = fx.format === 'mirror' ? root.querySelector('ol.thread') : root.querySelector('#commentlisting');
  const template = doc.createElement('template');
  template.innerHTML = items;
  listing!.append(template.content);
  doc.replaceChild(root, doc.documentElement);
}
