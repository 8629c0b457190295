// @vitest-environment jsdom
// The find box on a mounted overlay, as find.js runs it in the content script's world: where it
// goes, the keys, the count, going to a match (its row drawn), the marks (CSS Custom Highlight
// API, stubbed: jsdom has none), closing, and a second injection or a new overlay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIND, HANDLE, slots, type OverlayHandle } from '../../../src/overlay/handle';
import { mountOverlay, type Mounted } from '../../../src/overlay/mount';
import type { Discussion, Thresholds } from '../../../src/model/types';
import type { ViewStore } from '../../../src/overlay/view-store';
import type { Viewport } from '../../../src/overlay/list-view/viewport';
import { ALL_MATCHES, CURRENT_MATCH } from '../../../src/find/highlights';
import { DEBOUNCE_MS } from '../../../src/find/find';
import { listenForFind } from '../../../src/content/find-key';
import { everything, ScrolledView } from '../helpers/viewport';
import { setUpPage, storeFor, T, type Spec } from './page';

// find-key.ts (the content script installs it) imports the polyfill, which refuses to load outside an extension.
vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}
type Registry = Map<string, FakeHighlight>;
const g = globalThis as { CSS?: unknown; Highlight?: unknown };

/** A minimal CSS.highlights and Highlight, as the browser has them. */
function stubHighlights(): Registry {
  const highlights: Registry = new Map();
  g.CSS = { highlights };
  g.Highlight = FakeHighlight;
  return highlights;
}

/** The text each mark covers, with the comment and the part of its row it is in. */
function marked(reg: Registry, name: string): string[] {
  return (reg.get(name)?.ranges ?? []).map((r) => {
    const el = r.startContainer.parentElement!;
    const row = el.closest('[data-comment-id]')!;
    const part = el.closest('.thr-body') ? 'text' : el.closest('.thr-by') ? 'author' : el.closest('.thr-open') ? 'opener' : 'title';
    return `${row.getAttribute('data-comment-id')} ${part}: ${r.toString()}`;
  });
}

let mounted: Mounted | null = null;
let store: ViewStore;

function mount(d: Discussion = setUpPage(), viewport: Viewport = everything, t: Thresholds = T): OverlayHandle {
  store = storeFor(d, t);
  mounted = mountOverlay(d.container, store, { viewport });
  return slots[HANDLE]!;
}

/** What the background does on Ctrl+F: runs find.js (again) in the page's world. */
async function inject(): Promise<void> {
  vi.resetModules();
  await import('../../../src/find/index');
}

const root = () => document.querySelector<HTMLElement>('[data-threshold-root]')!;
const box = () => document.querySelector<HTMLElement>('.thr-find');
const input = () => box()!.querySelector('input')!;
const count = () => box()!.querySelector('.thr-find-count')!.textContent;

function type(text: string): void {
  input().value = text;
  input().dispatchEvent(new Event('input', { bubbles: true }));
}

function key(target: EventTarget, k: string, mods: KeyboardEventInit = {}): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
}

/** Types `text` and lets the pause pass. */
function find(text: string): void {
  type(text);
  vi.advanceTimersByTime(DEBOUNCE_MS);
}

let stopFindKey: () => void = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  // As the content script does once it has read the page.
  stopFindKey = listenForFind(window);
});

afterEach(() => {
  stopFindKey();
  mounted?.unmount();
  mounted = null;
  delete slots[FIND];
  delete g.CSS;
  delete g.Highlight;
  vi.useRealTimers();
});

describe('find box', () => {
  it('opens under the summary line, labelled and focused, and searches once typing pauses', async () => {
    mount();
    await inject();
    const b = box()!;
    expect(root().children[1]).toBe(b);
    expect(root().children[0]!.querySelector('.thr-summary')).not.toBeNull();
    // Above the rows (the list view keeps a line of its own just before them).
    expect(b.compareDocumentPosition(root().querySelector('.thr-list')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(input().getAttribute('aria-label')).toBe('Find in comments');
    expect(document.activeElement).toBe(input());
    expect(count()).toBe('');

    type('rust');
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(count()).toBe('');
    vi.advanceTimersByTime(1);
    expect(count()).toBe('1 of 7');
    find('no such thing');
    expect(count()).toBe('no matches');
    find('   ');
    expect(count()).toBe('');
  });

  it('Enter goes to the next match, Shift+Enter to the previous, wrapping; each brought into view with the input kept focused', async () => {
    const handle = mount();
    const reg = stubHighlights();
    const scroll = vi.spyOn(handle, 'scrollToComment');
    await inject();
    find('rust');
    expect(count()).toBe('1 of 7');
    expect(scroll).toHaveBeenLastCalledWith('1');
    expect(marked(reg, CURRENT_MATCH)).toEqual(['1 title: Rust']);
    // Every other match in the drawn rows, under the other name; hidden comments have no row,
    // and a one-liner's title is its opening button.
    expect(marked(reg, ALL_MATCHES)).toEqual(['1 text: Rust', '1 text: RUST', '1 text: rust', '2 opener: Rust', '4 title: rust', '6 author: Rust']);

    const steps: Array<[mods: KeyboardEventInit, count: string, id: string, mark: string]> = [
      [{}, '2 of 7', '1', '1 text: Rust'],
      [{}, '3 of 7', '1', '1 text: RUST'],
      [{ shiftKey: true }, '2 of 7', '1', '1 text: Rust'],
      [{ shiftKey: true }, '1 of 7', '1', '1 title: Rust'],
      [{ shiftKey: true }, '7 of 7', '6', '6 author: Rust'],
      [{}, '1 of 7', '1', '1 title: Rust'],
      [{ shiftKey: true }, '7 of 7', '6', '6 author: Rust'],
      [{ shiftKey: true }, '6 of 7', '4', '4 title: rust'],
    ];
    for (const [mods, n, id, mark] of steps) {
      scroll.mockClear();
      expect(key(input(), 'Enter', mods)).toBe(false);
      expect(count()).toBe(n);
      expect(scroll).toHaveBeenCalledWith(id);
      expect(marked(reg, CURRENT_MATCH)).toEqual([mark]);
      expect(marked(reg, ALL_MATCHES)).toHaveLength(6);
      expect(document.activeElement).toBe(input());
    }
    // Enter while the typing has not paused yet: the search first, and its first match.
    scroll.mockClear();
    type('kernel');
    key(input(), 'Enter');
    expect(count()).toBe('1 of 1');
    expect(scroll).toHaveBeenCalledWith('1');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(scroll).toHaveBeenCalledTimes(1);
    // A new query goes on from the match shown ("kernel", in 1's title): the next is in 1's text.
    find('rust');
    expect(count()).toBe('2 of 7');
    // The buttons step as the keys do.
    box()!.querySelector<HTMLButtonElement>('.thr-find-prev')!.click();
    expect(count()).toBe('1 of 7');
    box()!.querySelector<HTMLButtonElement>('.thr-find-prev')!.click();
    expect(count()).toBe('7 of 7');
    box()!.querySelector<HTMLButtonElement>('.thr-find-next')!.click();
    expect(count()).toBe('1 of 7');
  });

  it('marks exactly the text matched, across collapsed whitespace and in any case', async () => {
    mount();
    const reg = stubHighlights();
    await inject();
    find('HERE.   rust  EVERY');
    expect(count()).toBe('1 of 1');
    expect(marked(reg, CURRENT_MATCH)).toEqual(['1 text: here.\n  RUST  every']);
    expect(marked(reg, ALL_MATCHES)).toEqual([]);
  });

  it('brings in the row of a match far from the view, and marks only drawn rows as the view moves', async () => {
    const specs: Spec[] = [];
    for (let i = 0; i < 400; i++) specs.push({ id: `c${i}`, score: 3, title: `Title ${i}`, author: `a${i}`, body: i === 350 ? 'the Needle is here' : `filler ${i}` });
    specs.push({ id: 'c400', score: 3, title: 'needle at the end', author: 'z', body: 'x' });
    const screen = new ScrolledView(600);
    const handle = mount(setUpPage(specs), screen);
    const reg = stubHighlights();
    const scroll = vi.spyOn(handle, 'scrollToComment');
    expect(handle.element('c0')).not.toBeNull();
    expect(handle.element('c350')).toBeNull();
    await inject();
    find('needle');
    expect(count()).toBe('1 of 2');
    expect(scroll).toHaveBeenCalledWith('c350');
    const row = handle.element('c350');
    expect(row).not.toBeNull();
    expect(row!.querySelector('.thr-body')!.textContent).toBe('the Needle is here');
    expect(marked(reg, CURRENT_MATCH)).toEqual(['c350 text: Needle']);
    expect(document.activeElement).toBe(input());

    // Back to the top: the row is gone, and so is its mark.
    screen.scrollTo(0);
    expect(handle.element('c350')).toBeNull();
    expect(reg.has(CURRENT_MATCH)).toBe(false);
    expect(marked(reg, ALL_MATCHES)).toEqual([]);
    key(input(), 'Enter');
    expect(count()).toBe('2 of 2');
    expect(handle.element('c400')).not.toBeNull();
    expect(marked(reg, CURRENT_MATCH)).toEqual(['c400 title: needle']);
  });

  it('Escape closes: the box and its marks go, draws are no longer followed, focus goes to the comment of the match', async () => {
    const handle = mount();
    const reg = stubHighlights();
    const listeners = new Set<() => void>();
    const onDraw = handle.onDraw;
    handle.onDraw = (fn) => {
      listeners.add(fn);
      const stop = onDraw(fn);
      return () => {
        listeners.delete(fn);
        stop();
      };
    };
    await inject();
    expect(listeners.size).toBe(1);
    find('rust');
    key(input(), 'Enter');
    expect(count()).toBe('2 of 7');
    expect(reg.size).toBe(2);
    expect(key(input(), 'Escape')).toBe(false);
    expect(box()).toBeNull();
    expect(reg.size).toBe(0);
    expect(listeners.size).toBe(0);
    expect(document.activeElement).toBe(handle.element('1'));
    // A redraw (the thresholds change) marks nothing again.
    store.setThresholds({ ...T, full: 0, abbreviated: 0 });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(reg.size).toBe(0);
  });

  it('Escape before going anywhere gives focus back where it was', async () => {
    mount();
    const story = document.getElementById('story')!;
    story.focus();
    await inject();
    expect(document.activeElement).toBe(input());
    key(input(), 'Escape');
    expect(box()).toBeNull();
    expect(document.activeElement).toBe(story);
  });

  it('a second injection reuses the box, and opening again searches the last query again', async () => {
    mount();
    await inject();
    const first = slots[FIND];
    const b = box();
    find('rust');
    await inject();
    expect(slots[FIND]).toBe(first);
    expect(document.querySelectorAll('.thr-find')).toHaveLength(1);
    expect(box()).toBe(b);
    expect(count()).toBe('1 of 7');

    box()!.querySelector<HTMLButtonElement>('.thr-find-close')!.click();
    expect(box()).toBeNull();
    await inject();
    expect(box()).toBe(b);
    expect(input().value).toBe('rust');
    expect(document.activeElement).toBe(input());
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(count()).toBe('1 of 7');
  });

  it('follows the overlay mounted anew: Ctrl+F opens the box in the new one, searching its store', async () => {
    const d = setUpPage();
    mount(d);
    const reg = stubHighlights();
    await inject();
    find('rust');
    const oldRoot = root();
    mounted!.unmount();
    expect(box()).toBeNull();
    expect(reg.size).toBe(0);
    expect(slots[HANDLE]).toBeUndefined();

    // Shown again, everything whole this time (the site switched off and on, settings changed).
    const handle = mount(d, everything, { ...T, full: 0, abbreviated: 0 });
    expect(root()).not.toBe(oldRoot);
    // Ctrl+F outside the box: content/find-key.ts opens the box already there.
    expect(key(document.body, 'f', { ctrlKey: true })).toBe(false);
    expect(root().children[1]).toBe(box());
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(count()).toBe('1 of 11');
    expect(marked(reg, CURRENT_MATCH)).toEqual(['1 title: Rust']);
    expect(reg.get(CURRENT_MATCH)!.ranges[0]!.startContainer.parentElement!.closest('[data-threshold-root]')).toBe(handle.root);
  });

  it('leaves Ctrl+F inside the box to the browser', async () => {
    mount();
    await inject();
    expect(key(input(), 'f', { ctrlKey: true })).toBe(true);
    expect(box()).not.toBeNull();
    expect(key(document.body, 'f', { metaKey: true })).toBe(false);
  });

  it('recounts when the states change while open, staying on the same match without moving', async () => {
    const handle = mount();
    await inject();
    find('rust');
    key(input(), 'Enter');
    key(input(), 'Enter');
    expect(count()).toBe('3 of 7'); // "RUST" in comment 1's text
    const scroll = vi.spyOn(handle, 'scrollToComment');
    store.setThresholds({ ...T, full: 0, abbreviated: 0 });
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(count()).toBe('3 of 11');
    expect(scroll).not.toHaveBeenCalled();
    key(input(), 'Enter');
    key(input(), 'Enter');
    expect(count()).toBe('5 of 11');
    expect(scroll).toHaveBeenLastCalledWith('2'); // its text, now shown whole
  });

  it('works without CSS.highlights: nothing marked, nothing thrown', async () => {
    expect(g.CSS).toBeUndefined();
    const handle = mount();
    const scroll = vi.spyOn(handle, 'scrollToComment');
    await inject();
    find('rust');
    expect(count()).toBe('1 of 7');
    key(input(), 'Enter', { shiftKey: true });
    expect(count()).toBe('7 of 7');
    expect(scroll).toHaveBeenLastCalledWith('6');
    key(input(), 'Escape');
    expect(box()).toBeNull();
    expect(document.activeElement).toBe(handle.element('6'));
  });
});
