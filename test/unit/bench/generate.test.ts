// @vitest-environment jsdom
// The bench's page generator: the Slashdot adapter must read a generated page exactly as the
// generator meant it (every comment, its parent, score, form and author), and pages must
// depend on the seed alone.
import { describe, expect, it } from 'vitest';
import { slashdot } from '../../../src/sites/slashdot';
import { buildTree } from '../../../src/model/build-tree';
import { generateDiscussion, generateSlashdotPage, MAX_DEPTH, type GeneratedPage } from '../../../bench/generate';

function load(page: GeneratedPage): { doc: Document; url: URL } {
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  return { doc, url: new URL(`http://127.0.0.1:8080/article.pl?sid=${page.story.storySid}`) };
}

describe('generateSlashdotPage, read back by the Slashdot adapter', () => {
  const page = generateDiscussion({ comments: 400, seed: 11 });
  const { doc, url } = load(page);

  it('is recognized as a Slashdot discussion on a local address', () => {
    expect(slashdot.matchesUrl(url)).toBe(false);
    expect(slashdot.detect(doc)).toBe(true);
  });

  it('yields exactly the generated comments, with their parents, scores and forms', { timeout: 60_000 }, () => {
    const result = slashdot.parse(doc, url);
    if (!result.ok) throw new Error(result.reason);
    expect(result.page.comments).toHaveLength(400);
    expect(result.page.declaredCount).toBe(400);
    expect(result.page.title).toBe(page.story.title);
    expect(result.page.threadKey).toBe(`slashdot:${page.story.storySid}`);

    const discussion = buildTree(result.page);
    expect(discussion.all).toHaveLength(400);
    expect(discussion.roots.map((c) => c.id)).toEqual(page.roots.map((c) => c.id));
    const expected = new Map(page.comments.map((c) => [c.id, c]));
    for (const c of discussion.all) {
      const g = expected.get(c.id);
      expect(g, c.id).toBeDefined();
      if (!g) continue;
      const full = page.full.has(c.id);
      expect({
        parent: c.parent,
        depth: c.depth,
        score: c.score,
        form: c.form,
        author: c.author,
        title: c.title,
        timestamp: c.timestamp,
        hasBody: c.body !== null,
      }).toEqual({
        parent: g.parent?.id ?? null,
        depth: g.depth,
        score: g.score,
        form: full ? 'full' : 'oneline',
        author: g.author?.nick ?? 'Anonymous Coward',
        title: g.title,
        timestamp: g.timestamp,
        hasBody: full,
      });
      if (full) {
        // One-liners print no reason and no signature; full comments print both.
        expect(c.reason).toBe(g.reason);
        expect(c.signature).toBe(g.author?.sig ?? null);
      }
    }
  });

  it('prints the per-score "Threshold:" totals, the lowest being every comment', () => {
    const options = [...doc.querySelectorAll('select#threshold option')].map((o) => o.textContent);
    expect(options).toEqual(page.byScore.map((n, i) => `${i - 1}: ${n} comments`));
    expect(page.byScore[0]).toBe(400);
    for (let s = -1; s <= 5; s++) {
      expect(page.byScore[s + 1]).toBe(page.comments.filter((c) => c.score >= s).length);
    }
  });

  it('uses the classic markup: one-liners, quotes, links and signatures', () => {
    const listing = doc.getElementById('commentlisting')!;
    expect(listing.querySelectorAll('li.comment[id^="tree_"]').length).toBe(page.full.size);
    expect(listing.querySelectorAll('li:not([id]) > a[href*="pid="]').length).toBe(400 - page.full.size);
    expect(listing.querySelectorAll('div.quote, blockquote').length).toBeGreaterThan(0);
    expect(listing.querySelectorAll('[id^="comment_body_"] a[title]').length).toBeGreaterThan(0);
    expect(listing.querySelectorAll('div.sig[id^="comment_sig_"]').length).toBeGreaterThan(0);
    expect(listing.querySelectorAll('ul[id^="commtree_"]').length).toBeGreaterThan(0);
  });
});

describe('generated discussions look like Slashdot', () => {
  const { comments, full } = generateDiscussion({ comments: 5000, seed: 3 });
  const share = (pred: (c: (typeof comments)[number]) => boolean) => comments.filter(pred).length / comments.length;

  it('mostly scores 0 to 2, fewer 3 to 5, some -1', () => {
    expect(share((c) => c.score >= 0 && c.score <= 2)).toBeGreaterThan(0.6);
    const high = share((c) => c.score >= 3);
    expect(high).toBeGreaterThan(0.05);
    expect(high).toBeLessThan(0.3);
    const negative = share((c) => c.score === -1);
    expect(negative).toBeGreaterThan(0.01);
    expect(negative).toBeLessThan(0.1);
  });

  it('nests up to MAX_DEPTH, with many top-level comments and many leaves', () => {
    const depths = comments.map((c) => c.depth);
    expect(Math.max(...depths)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(share((c) => c.depth >= 8)).toBeGreaterThan(0.01);
    expect(share((c) => c.depth === 0)).toBeGreaterThan(0.1);
    expect(share((c) => c.children.length === 0)).toBeGreaterThan(0.4);
  });

  it('prints low scores as one-liners', () => {
    for (const c of comments) if (c.score <= 0 && c.depth > 0) expect(full.has(c.id)).toBe(false);
    for (const c of comments) if (c.score >= 2) expect(full.has(c.id)).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same page for the same seed and a different one for another seed', () => {
    const a = generateSlashdotPage({ comments: 500, seed: 42 });
    expect(generateSlashdotPage({ comments: 500, seed: 42 })).toBe(a);
    expect(generateSlashdotPage({ comments: 500, seed: 43 })).not.toBe(a);
  });

  it('rejects a count that is not a positive integer', () => {
    expect(() => generateSlashdotPage({ comments: 0, seed: 1 })).toThrow(RangeError);
    expect(() => generateSlashdotPage({ comments: 2.5, seed: 1 })).toThrow(RangeError);
  });
});
