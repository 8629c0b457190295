// @vitest-environment jsdom
// The fuzzer's own parts must do what they say, or a clean fuzz run means nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../hostile/rng';
import { findCommentTexts, lostTexts } from './bodies';
import { listingOf, loadFuzzFixtures, loadWindow, windowOf, windowedPage, type FuzzFixture } from './corpus';
import { DOM_MUTATIONS, mutate, truncate } from './mutate';

let fixtures: FuzzFixture[];
beforeAll(() => {
  fixtures = loadFuzzFixtures();
}, 120_000);

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('fuzz corpus', () => {
  it('splits every saved page into its shell and threads without losing any', () => {
    expect(fixtures.map((f) => f.format)).toEqual([...Array(10).fill('slashdot'), ...Array(3).fill('rehash'), 'mirror', 'mirror']);
    for (const fx of fixtures) {
      expect(fx.items.length, fx.name).toBeGreaterThan(0);
      const whole = parse(fx.head + fx.items.join('') + fx.tail);
      expect(listingOf(whole, fx.format)!.children.length, fx.name).toBe(fx.items.length);
      expect(findCommentTexts(whole, fx.format).length, fx.name).toBeGreaterThan(0);
    }
  });

  it('loads a window into the document as parsing the whole page would', () => {
    for (const fx of fixtures) {
      const { items } = windowOf(fx, createRng(11));
      loadWindow(document, fx, items);
      const parsed = parse(fx.head + items + fx.tail);
      expect(document.documentElement.outerHTML, fx.name).toBe(parsed.documentElement.outerHTML);
    }
  });

  it('builds windows deterministically from the seed', () => {
    const fx = fixtures[0]!;
    expect(windowedPage(fx, createRng(5)).html).toBe(windowedPage(fx, createRng(5)).html);
    const windows = new Set(Array.from({ length: 20 }, (_, i) => windowedPage(fx, createRng(i)).window));
    expect(windows.size).toBeGreaterThan(5);
  });
});

describe('mutations', () => {
  it.each(DOM_MUTATIONS.map((m) => [m]))('%s changes the page (deterministically)', (name) => {
    // d2-1 has every part a mutation acts on (scores, ids, classes, D2's script).
    const fx = fixtures.find((f) => f.name.endsWith('d2-1.html'))!;
    const html = fx.head + fx.items.slice(0, 3).join('') + fx.tail;
    let changed = 0;
    const original = parse(html).documentElement.outerHTML;
    for (let seed = 1; seed <= 6; seed++) {
      const a = parse(html);
      const b = parse(html);
      const noteA = mutate(a, listingOf(a, fx.format), name, createRng(seed));
      const noteB = mutate(b, listingOf(b, fx.format), name, createRng(seed));
      expect(noteA).toBe(noteB);
      expect(a.documentElement.outerHTML).toBe(b.documentElement.outerHTML);
      if (noteA !== null && a.documentElement.outerHTML !== original) changed++;
    }
    expect(changed).toBeGreaterThanOrEqual(4);
  });

  it('truncate cuts the text somewhere inside it', () => {
    const cut = truncate('0123456789', createRng(3));
    expect('0123456789'.startsWith(cut.html)).toBe(true);
    expect(cut.note).toMatch(/^truncate at \d+\/10$/);
  });
});

describe('error reporting', () => {
  it('an exception in an event handler (a click on an overlay button) reaches the window error listener', () => {
    // The fuzzer counts these: jsdom does not throw them out of click().
    const seen: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      seen.push(e.error);
      e.preventDefault();
    };
    globalThis.addEventListener('error', onError);
    const button = document.createElement('button');
    button.addEventListener('click', () => {
      throw new Error('boom');
    });
    document.body.append(button);
    button.click();
    globalThis.removeEventListener('error', onError);
    expect(seen.map(String)).toEqual(['Error: boom']);
  });
});

describe('lostTexts', () => {
  const page = `<ul id="commentlisting">
    <li><div id="comment_body_1">First <b>body</b></div><div id="comment_sig_1">--<br>sig</div></li>
    <li><div id="comment_body_2">Second body</div></li></ul>`;

  it('is silent when texts are in place or in the overlay inside a shown comment', () => {
    const doc = parse(page);
    const texts = findCommentTexts(doc, 'slashdot');
    expect(texts.map((t) => t.el.id)).toEqual(['comment_body_1', 'comment_sig_1', 'comment_body_2']);
    const overlay = doc.createElement('div');
    const article = doc.createElement('article');
    article.setAttribute('data-comment-id', '1');
    article.setAttribute('data-state', 'full');
    const slot = doc.createElement('div');
    slot.className = 'thr-body';
    article.append(slot);
    overlay.append(article);
    doc.body.prepend(overlay);
    slot.append(doc.getElementById('comment_body_1')!);
    expect(lostTexts(texts, overlay, doc.body.textContent)).toEqual([]);
    // Kept out of sight in its slot while the comment is one line, or in a hidden comment.
    article.setAttribute('data-state', 'abbreviated');
    slot.hidden = true;
    expect(lostTexts(texts, overlay, doc.body.textContent)).toEqual([]);
    article.setAttribute('data-state', 'hidden');
    article.hidden = true;
    expect(lostTexts(texts, overlay, doc.body.textContent)).toEqual([]);
  });

  it('reports a removed body, a changed text, a body moved elsewhere, one shown where it should not be', () => {
    const doc = parse(page);
    const texts = findCommentTexts(doc, 'slashdot');
    const overlay = doc.createElement('div');
    const hidden = doc.createElement('article');
    hidden.setAttribute('data-comment-id', '2');
    hidden.setAttribute('data-state', 'hidden'); // but not hidden
    const slot = doc.createElement('div');
    slot.className = 'thr-body';
    hidden.append(slot);
    overlay.append(hidden);
    doc.body.append(overlay);
    doc.getElementById('comment_body_1')!.querySelector('b')!.firstChild!.textContent = 'changed';
    doc.body.append(doc.getElementById('comment_sig_1')!); // out of place, not in the overlay
    slot.append(doc.getElementById('comment_body_2')!);
    expect(lostTexts(texts, overlay, doc.body.textContent)).toEqual([
      'comment_body_1: text "body" lost or changed',
      "comment_body_1: its text is not in the document's text",
      'comment_sig_1: moved out of its place, and not into the overlay',
      'comment_body_2: shown in a comment in state hidden',
    ]);
    hidden.setAttribute('data-state', 'full');
    slot.hidden = true;
    expect(lostTexts(texts, overlay, null)).toContain('comment_body_2: out of sight in a comment shown whole');
    hidden.append(doc.getElementById('comment_body_2')!); // outside the slot
    expect(lostTexts(texts, overlay, null)).toContain("comment_body_2: in the overlay outside a comment's text");
    doc.getElementById('comment_body_2')!.remove();
    expect(lostTexts(texts, overlay, null)).toContain('comment_body_2: no longer in the document');
  });
});
