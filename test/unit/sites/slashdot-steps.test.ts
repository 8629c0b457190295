// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { slashdot } from '../../../src/sites/slashdot';
import { SLASHDOT_PAGES, loadFixture } from '../../fixtures/slashdot/pages';
import { generateDiscussion } from '../../../bench/generate';
import { buildTree, startsWith } from '../../../src/model/build-tree';
import type { ParsedPage } from '../../../src/model/types';

// The content script reads big pages in slices through parseSteps; parse runs the same steps at
// once. Both must give the same discussion, and the steps must really pause on big pages.
describe('Slashdot parse in steps', () => {
  it.each(SLASHDOT_PAGES.map((p) => [p.file, p] as const))('%s: same result as parse, with pauses', (_file, p) => {
    const doc = loadFixture(p.file, p.url).window.document;
    const url = new URL(p.url);
    const steps = slashdot.parseSteps!(doc, url);
    let pauses = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) {
      expect(r.value).toBeUndefined(); // no preview of a page this small
      pauses++;
    }
    expect(r.value).toEqual(slashdot.parse(doc, url));
    const items = doc.getElementById('commentlisting')?.querySelectorAll('li').length ?? 0;
    expect(pauses).toBe(Math.floor(items / 32));
  });
});

// A big listing also yields one preview: its first complete threads, which the whole page
// must begin with exactly (the content script shows it while the rest is read).
describe('Slashdot preview of a big page', () => {
  function steps(comments: number, seed: number) {
    const g = generateDiscussion({ comments, seed });
    const doc = new DOMParser().parseFromString(g.html, 'text/html');
    const url = new URL(`http://127.0.0.1:8080/article.pl?sid=${g.story.storySid}`);
    const previews: ParsedPage[] = [];
    const it = slashdot.parseSteps!(doc, url);
    let r = it.next();
    for (; !r.done; r = it.next()) if (r.value) previews.push(r.value);
    if (!r.value.ok) throw new Error(r.value.reason);
    return { previews, whole: r.value.page, doc, url };
  }

  it('yields one preview of complete threads that the whole page begins with', { timeout: 60_000 }, () => {
    const { previews, whole, doc, url } = steps(1500, 7);
    expect(previews).toHaveLength(1);
    const preview = buildTree(previews[0]!);
    const all = buildTree(whole);
    // Enough to fill a screen, and far less than the page.
    expect(preview.all.length).toBeGreaterThanOrEqual(100);
    expect(preview.all.length).toBeLessThan(all.all.length / 2);
    expect(startsWith(all, preview)).toBe(true);
    // It ends where a top-level thread starts: the next comment of the whole page is one.
    expect(all.all[preview.all.length]!.parent).toBeNull();
    // The same comments as the whole page's, field by field (and their own objects).
    for (const c of preview.all) {
      const w = all.byId.get(c.id)!;
      expect({ ...c, children: c.children.length }).toEqual({ ...w, children: w.children.length });
    }
    expect(previews[0]!.comments[0]).not.toBe(whole.comments[0]);
    // And the whole is what parse (no preview) gives.
    expect(whole).toEqual((slashdot.parse(doc, url) as { page: unknown }).page);
  });

  it('yields none on a listing under 1,000 items', () => {
    expect(steps(600, 3).previews).toHaveLength(0);
  });
});
