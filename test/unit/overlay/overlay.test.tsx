// @vitest-environment jsdom
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import type { Comment, Discussion, Score } from '../../../src/model/types';
import { ViewStore } from '../../../src/overlay/view-store';
import { LISTING, mountOverlay, type Mounted } from '../../../src/overlay/mount';
import { page, raw } from '../model/helpers';
import { everything } from '../helpers/viewport';

// The build's content.css per browser (a build script in plain JavaScript).
const { contentCss } = (await import(pathToFileURL(path.join(__dirname, '../../../scripts/content-css.mjs')).href)) as {
  contentCss: (root: string, target: 'chrome' | 'firefox') => Promise<string>;
};

// A small page in the shape the adapters see: a listing holding each comment's body.
const SPEC: Array<[id: string, parent: string | null, score: Score, author: string]> = [
  ['1', null, 5, 'alice'],
  ['2', '1', 1, 'bob'],
  ['3', '2', -1, 'carol'],
  ['4', '3', 5, 'dave'], // breakthrough below a hidden comment
  ['5', null, -1, 'erin'],
  ['6', null, -1, 'frank'],
  ['7', null, 2, 'alice'],
];

function setUpPage(): Discussion {
  document.body.innerHTML = '';
  const before = document.createElement('p');
  before.id = 'story';
  before.textContent = 'The story';
  const list = document.createElement('ul');
  list.id = 'commentlisting';
  for (const [id] of SPEC) {
    const li = document.createElement('li');
    const body = document.createElement('div');
    body.id = `body_${id}`;
    body.textContent = `Text of comment ${id}${id === '7' ? ' about rust' : ''}`;
    li.append(body);
    list.append(li);
  }
  document.body.append(before, list);
  const comments = SPEC.map(([id, parent, score, author]) =>
    raw(id, { parent, score, author, body: document.getElementById(`body_${id}`), title: `Title ${id}` }),
  );
  return buildTree(page(comments, { container: list }));
}

const noHighlight = compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false });
const text = (c: Comment) => c.body?.textContent ?? '';
const stateOf = (id: string) => document.querySelector(`[data-comment-id="${id}"]`)?.getAttribute('data-state');

describe('overlay', () => {
  let d: Discussion;
  let store: ViewStore;
  let mounted: Mounted | null;
  let original: string;

  beforeEach(() => {
    d = setUpPage();
    original = document.body.innerHTML;
    store = new ViewStore(d, { full: 0, abbreviated: -1, breakthrough: 4 }, [], noHighlight, text);
    act(() => {
      mounted = mountOverlay(d.container, store, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
  });
  afterEach(() => {
    act(() => mounted?.unmount());
    mounted = null;
  });

  it('replaces the listing, hiding (not removing) it, and shows the tiers', () => {
    const root = document.querySelector('[data-threshold-root]')!;
    expect(root.nextElementSibling).toBe(d.container);
    // Hidden by content.css through this attribute (what it renders: test/e2e, page.mjs containerState).
    expect(d.container.hasAttribute(LISTING)).toBe(true);
    expect(d.container.hasAttribute('style')).toBe(false);
    expect(SPEC.map(([id]) => stateOf(id))).toEqual(['full', 'full', 'abbreviated', 'full', 'abbreviated', 'abbreviated', 'full']);
    // The page's own body node is moved in, not copied.
    expect(root.querySelector('#body_1')).toBe(document.getElementById('body_1'));
    expect(document.querySelectorAll('#body_1')).toHaveLength(1);
  });

  it('hides the listing with rules of content.css per browser, and leaves no trace of the listing once unmounted', async () => {
    const root = path.join(__dirname, '../../../');
    const rules = (css: string) =>
      [...css.matchAll(new RegExp(`\\[${LISTING}\\]\\s*\\{([^}]*)\\}`, 'g'))].map((m) =>
        m[1]!.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean),
      );
    const chrome = rules(await contentCss(root, 'chrome'));
    expect(chrome).toHaveLength(1);
    expect(chrome[0]).toEqual(expect.arrayContaining(['display: block !important', 'content-visibility: hidden !important', 'height: 0 !important']));
    expect(chrome[0]!.join()).not.toMatch(/display: none/);
    // Except in Firefox's build, where moving text out of such a listing is the slower way: its
    // rule comes last and wins.
    const firefox = rules(await contentCss(root, 'firefox'));
    expect(firefox).toHaveLength(2);
    expect(firefox[1]).toEqual(['display: none !important']);
    // What the overlay hides itself (a one-liner's text slot): never shown by a site's rules.
    for (const target of ['chrome', 'firefox'] as const) {
      expect(await contentCss(root, target)).toMatch(/\[data-threshold-root\] \[hidden\],[^{]*\{\s*display: none !important;/);
    }
    act(() => mounted?.unmount());
    mounted = null;
    expect(d.container.hasAttribute(LISTING)).toBe(false);
    expect(document.body.innerHTML).toBe(original);
  });

  it('styles nothing of the page but the overlay and the listing it hides (content.css per browser)', async () => {
    const root = path.join(__dirname, '../../../');
    for (const target of ['chrome', 'firefox'] as const) {
      const css = (await contentCss(root, target)).replace(/\/\*[\s\S]*?\*\//g, '');
      const selectors = [...css.matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(',').map((sel) => sel.trim()));
      expect(selectors.length).toBeGreaterThan(20);
      // A rule for the whole page (a bare ::highlight(), say) gives every element of the site's
      // listing a style of its own: 3 KB of the browser's heap per comment (bench, issue "Performance").
      expect(selectors.filter((sel) => !sel.startsWith('[data-threshold-root]') && sel !== `[${LISTING}]`)).toEqual([]);
    }
  });

  it('reflows when thresholds change: hidden runs become one counted placeholder', () => {
    act(() => store.setThresholds({ full: 2, abbreviated: 0, breakthrough: 4 }));
    // Hidden comments have no row: the placeholder stands for them.
    expect(SPEC.map(([id]) => stateOf(id))).toEqual(['full', 'abbreviated', 'abbreviated', 'full', undefined, undefined, 'full']);
    const placeholders = [...document.querySelectorAll('.thr-placeholder')];
    expect(placeholders.map((p) => p.textContent)).toEqual(['2 comments below threshold — show']);
    // Hidden comments' text stays in the document, in the site's own listing.
    expect(d.container.contains(document.getElementById('body_5'))).toBe(true);
    // Ancestor 3 of breakthrough 4 is a one-liner; 4 itself is shown in full.
    expect(document.getElementById('body_4')?.closest('[data-comment-id]')?.getAttribute('data-comment-id')).toBe('4');

    act(() => (placeholders[0]!.querySelector('button') as HTMLButtonElement).click());
    expect(stateOf('5')).toBe('abbreviated');
    expect(document.querySelectorAll('.thr-placeholder')).toHaveLength(0);
  });

  it('collapses a subthread with a real button and expands a one-liner by its title', () => {
    const toggle = document.querySelector('[data-comment-id="2"] > .thr-head > button.thr-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    act(() => toggle.click());
    expect(stateOf('2')).toBe('collapsed');
    expect(document.querySelector('[data-comment-id="2"] > .thr-head > button.thr-toggle')?.getAttribute('aria-expanded')).toBe('false');
    // Its one line says how much it folds away: 3 and 4 below it.
    expect(document.querySelector('[data-comment-id="2"] > .thr-head .thr-replies')?.textContent).toBe('(2 replies)');
    expect(stateOf('3')).toBe('abbreviated'); // on the path to breakthrough 4
    expect(stateOf('4')).toBe('full');
    // Its text stays where it was shown, out of sight: moving it back and forth would reload
    // frames inside it. Shown again when expanded.
    const body2 = document.getElementById('body_2')!;
    expect(body2.closest<HTMLElement>('.thr-body')?.hidden).toBe(true);
    expect(body2.closest('[data-comment-id]')?.getAttribute('data-comment-id')).toBe('2');
    expect([...store.collapsed]).toEqual(['2']);

    act(() => (document.querySelector('[data-comment-id="5"] .thr-open') as HTMLButtonElement).click());
    expect(stateOf('5')).toBe('full');

    act(() => (document.querySelector('[data-comment-id="2"] > .thr-head > button.thr-toggle') as HTMLButtonElement).click());
    expect(stateOf('2')).toBe('full');
    expect(body2.closest<HTMLElement>('.thr-body')?.hidden).toBe(false);
  });

  it('highlights followed users and marks keywords live', () => {
    act(() =>
      store.setHighlighter(compileHighlight({ users: ['ALICE'], keywords: ['rust'], submitter: null, highlightSubmitter: false })),
    );
    expect(document.querySelector('[data-comment-id="1"]')?.getAttribute('data-highlight')).toBe('user');
    expect(document.querySelector('[data-comment-id="7"]')?.getAttribute('data-highlight')).toBe('user keyword');
    expect(document.querySelector('[data-comment-id="2"]')?.hasAttribute('data-highlight')).toBe(false);
  });

  it('puts the page back exactly as it was when unmounted', () => {
    act(() => store.setThresholds({ full: 3, abbreviated: 1, breakthrough: 5 }));
    act(() => (document.querySelector('.thr-toggle') as HTMLButtonElement).click());
    act(() => mounted!.unmount());
    mounted = null;
    expect(document.body.innerHTML).toBe(original);
  });

  it('links comments whose text the page lacks to the site, from their header line', () => {
    act(() => mounted!.unmount());
    const lines = [
      raw('a', { body: null, form: 'oneline', permalink: 'https://slashdot.org/comments.pl?cid=1' }),
      raw('b', { body: null, form: 'stub', permalink: 'javascript:alert(1)' }),
    ];
    const dd = buildTree(page(lines, { container: d.container }));
    const s = new ViewStore(dd, { full: 0, abbreviated: -1, breakthrough: 4 }, [], noHighlight, text);
    act(() => {
      mounted = mountOverlay(dd.container, s, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
    const a = document.querySelector('[data-comment-id="a"] > .thr-head .thr-elsewhere') as HTMLAnchorElement;
    expect(a.href).toBe('https://slashdot.org/comments.pl?cid=1');
    const b = document.querySelector('[data-comment-id="b"] > .thr-head .thr-elsewhere')!;
    expect(b.tagName).toBe('SPAN');
    expect(document.querySelector('[data-comment-id="a"] .thr-body')).toBeNull();
  });

  it('renders page text as text, never as markup', () => {
    act(() => mounted!.unmount());
    const evil = raw('x', { title: '<img src=x onerror="window.__pwned=1">', author: '<b>bold</b>', authorUrl: 'javascript:alert(1)' });
    const dd = buildTree(page([evil], { container: d.container }));
    const s = new ViewStore(dd, { full: 0, abbreviated: -1, breakthrough: 4 }, [], noHighlight, text);
    act(() => {
      mounted = mountOverlay(dd.container, s, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
    const el = document.querySelector('[data-comment-id="x"]')!;
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('.thr-title')?.textContent).toBe(evil.title);
    expect(el.querySelector('a[href^="javascript"]')).toBeNull();
  });
});
