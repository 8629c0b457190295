// @vitest-environment jsdom
// Page nodes named by more than one comment, or nested in one another. No adapter is known to
// produce the first today (the fuzzer never did), but nothing in the model forbids it: a comment
// body that is also another comment's body or signature, or a body inside another body (broken
// or hostile markup). Whatever the overlay does with them, no text may leave the document and
// unmounting must give the page back as it was.
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import type { RawComment, Thresholds } from '../../../src/model/types';
import { ViewStore } from '../../../src/overlay/view-store';
import { mountOverlay, type Mounted } from '../../../src/overlay/mount';
import { page, raw } from '../model/helpers';
import { loadIntoDocument, serialize } from './harness';
import { everything } from '../helpers/viewport';

const PAGE = `<html><body><ul id="commentlisting">
<li><div id="b1">one<div id="b2">two</div></div></li>
<li><div id="b3">three</div></li>
</ul></body></html>`;

const STEPS: Thresholds[] = [
  { full: 3, abbreviated: -1, breakthrough: 5 },
  { full: 5, abbreviated: 5, breakthrough: 5 },
  { full: -1, abbreviated: -1, breakthrough: 5 },
  { full: 2, abbreviated: 0, breakthrough: 5 },
];

type Scenario = [name: string, comments: (el: (id: string) => Element) => RawComment[]];

const SCENARIOS: Scenario[] = [
  ['a body inside another body', (el) => [raw('1', { body: el('b1'), score: 5 }), raw('2', { body: el('b2'), score: 1 }), raw('3', { body: el('b3'), score: 1 })]],
  ['a signature that is another comment’s body', (el) => [raw('1', { body: el('b3'), signatureEl: el('b2'), score: 5 }), raw('2', { body: el('b2'), score: 1 }), raw('3', { body: el('b1'), score: 2 })]],
  ['one body named by two comments', (el) => [raw('1', { body: el('b3'), score: 5 }), raw('2', { body: el('b3'), score: 5, parent: '1' }), raw('3', { body: el('b1'), score: 1 })]],
];

describe.each(SCENARIOS)('%s', (_name, build) => {
  it('keeps every text in the document, and unmounting restores the page', () => {
    loadIntoDocument(PAGE);
    const before = serialize(document);
    const el = (id: string) => document.getElementById(id)!;
    const texts = ['b1', 'b2', 'b3'].map(el);
    const d = buildTree(page(build(el), { container: el('commentlisting') }));
    const store = new ViewStore(d, { full: -1, abbreviated: -1, breakthrough: 5 }, [], compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false }), () => '');
    let mounted: Mounted | null = null;
    const check = (where: string) => {
      for (const t of texts) expect(t.isConnected, `${t.id} ${where}`).toBe(true);
      for (const word of ['one', 'two', 'three']) expect(document.body.textContent, `${word} ${where}`).toContain(word);
    };
    act(() => {
      mounted = mountOverlay(d.container, store, { viewport: everything }); // every row drawn: the checks below look at the whole thread
    });
    check('after mount');
    for (const t of STEPS) {
      act(() => store.setThresholds(t));
      check(`at ${JSON.stringify(t)}`);
    }
    act(() => store.toggleCollapsed('1'));
    check('after collapsing 1');
    act(() => mounted!.unmount());
    check('after unmount');
    expect(serialize(document)).toBe(before);
  });
});
