// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import type { Discussion, RawComment } from '../../../src/model/types';
import type { SiteAdapter } from '../../../src/sites/types';
import { ViewStore } from '../../../src/overlay/view-store';
import { mountOverlay } from '../../../src/overlay/mount';
import { regrow, watchGrowth } from '../../../src/content/growth';
import { everything } from '../helpers/viewport';

// A minimal adapter over `<li data-id data-parent><p class=body>` markup: enough to drive the
// growth logic the way a real site's "load more" would.
const listAdapter: SiteAdapter = {
  id: 'list',
  name: 'List',
  matchesUrl: () => true,
  detect: () => true,
  parse(doc) {
    const container = doc.getElementById('listing');
    if (!container) return { ok: false, reason: 'no listing' };
    const comments: RawComment[] = [...container.querySelectorAll('li[data-id]')].map((li) => ({
      id: li.getAttribute('data-id')!,
      parent: li.getAttribute('data-parent') || null,
      author: 'someone',
      authorUrl: null,
      score: 3,
      reason: null,
      title: 'T' + li.getAttribute('data-id'),
      timestamp: null,
      signature: null,
      body: li.querySelector('.body'),
      signatureEl: null,
      permalink: null,
      form: li.querySelector('.body') ? 'full' : 'oneline',
    }));
    return { ok: true, page: { site: 'list', threadKey: 'list:1', title: 'S', submitter: null, declaredCount: null, container, comments } };
  },
};

function li(id: string, parent: string | null, text: string | null): HTMLLIElement {
  const el = document.createElement('li');
  el.setAttribute('data-id', id);
  if (parent) el.setAttribute('data-parent', parent);
  if (text !== null) {
    const p = document.createElement('p');
    p.className = 'body';
    p.textContent = text;
    el.append(p);
  }
  return el;
}

function setUp(): { d: Discussion; url: URL } {
  document.body.innerHTML = '<ul id="listing"></ul>';
  document.getElementById('listing')!.append(li('1', null, 'first'), li('2', '1', null));
  const url = new URL('https://example.org/story');
  const r = listAdapter.parse(document, url);
  if (!r.ok) throw new Error(r.reason);
  return { d: buildTree(r.page), url };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const none = compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false });

describe('growing threads', () => {
  it('takes in comments the site adds later, and a one-liner whose text arrives', () => {
    const { d, url } = setUp();
    const listing = document.getElementById('listing')!;
    listing.append(li('3', '2', 'third'));
    const two = listing.querySelector('li[data-id="2"]')!;
    const p = document.createElement('p');
    p.className = 'body';
    p.textContent = 'second, fetched';
    two.append(p);

    const grown = regrow(listAdapter, document, url, d)!;
    expect(grown.all.map((c) => [c.id, c.parent, c.body?.textContent ?? null])).toEqual([
      ['1', null, 'first'],
      ['2', '1', 'second, fetched'],
      ['3', '2', 'third'],
    ]);
    expect(regrow(listAdapter, document, url, grown)).toBeNull();
  });

  it('keeps bodies that are on screen, though a fresh parse no longer finds them in the listing', () => {
    const { d, url } = setUp();
    const store = new ViewStore(d, { full: 0, abbreviated: -1, breakthrough: 4 }, [], none, () => '');
    let mounted!: ReturnType<typeof mountOverlay>;
    act(() => {
      mounted = mountOverlay(d.container, store, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
    document.getElementById('listing')!.append(li('4', null, 'fourth'));
    const grown = regrow(listAdapter, document, url, d)!;
    expect(grown.byId.get('1')!.body).toBe(d.byId.get('1')!.body);
    expect(grown.byId.get('1')!.body!.closest('[data-threshold-root]')).not.toBeNull();
    expect(grown.byId.get('4')!.body!.textContent).toBe('fourth');
    act(() => mounted.unmount());
  });

  it('ignores its own body moves and re-reads once when the site adds comments', async () => {
    const { d, url } = setUp();
    const store = new ViewStore(d, { full: 0, abbreviated: -1, breakthrough: 4 }, [], none, () => '');
    const grownTo: number[] = [];
    let current = d;
    const stop = watchGrowth(listAdapter, document, url, () => current, (next) => {
      current = next;
      grownTo.push(next.all.length);
    });
    let mounted!: ReturnType<typeof mountOverlay>;
    act(() => {
      mounted = mountOverlay(d.container, store, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
    act(() => store.toggleCollapsed('1'));
    act(() => store.toggleCollapsed('1'));
    await wait(300);
    expect(grownTo).toEqual([]);

    const listing = document.getElementById('listing')!;
    listing.append(li('5', '1', 'five'));
    listing.append(li('6', '5', 'six'));
    await wait(300);
    expect(grownTo).toEqual([4]);
    stop();
    act(() => mounted.unmount());
  });
});
