// The demo generator (demo/generate.ts) writes pages the mirror adapter reads in full.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_COMMENTS, generateDemo, slashdotDate } from '../../../demo/generate';
import { renderMirrorPage } from '../../../demo/mirror-html';
import { SEED_COMMENTS, SEED_STORY, SEED_TOTAL } from '../../../demo/seed-data';
import { readMirrorFixture } from '../../fixtures/mirror/pages';
import { buildTree } from '../../../src/model/build-tree';
import type { ParsedPage } from '../../../src/model/types';
import { mirror } from '../../../src/sites/mirror';

const SLOW = 60_000;
const URL_ = 'http://127.0.0.1:8080/demo.html';

function parseHtml(html: string): { doc: Document; page: ParsedPage } {
  const doc = new JSDOM(html, { url: URL_ }).window.document;
  expect(mirror.detect(doc)).toBe(true);
  const r = mirror.parse(doc, new URL(URL_));
  if (!r.ok) throw new Error(r.reason);
  return { doc, page: r.page };
}

describe('generateDemo', () => {
  let html: string;
  let page: ParsedPage;
  beforeAll(() => {
    html = generateDemo({ seed: 42, comments: 300 });
    page = parseHtml(html).page;
  }, SLOW);

  it('writes exactly the requested number of comments, each readable', () => {
    expect(page.comments).toHaveLength(300);
    expect(new Set(page.comments.map((c) => c.id)).size).toBe(300);
    expect(page.declaredCount).toBe(419);
    for (const c of page.comments) {
      expect(c.form).toBe('full');
      expect(c.body?.textContent?.trim()).not.toBe('');
      expect(c.author).not.toBe('');
      expect(c.title).not.toBe('');
    }
  });

  it('starts with the seed story and its real comments', () => {
    expect(page.title).toBe('Microsoft Defies Court Order, Will Not Give Emails To US Government');
    expect(page.submitter).toBe('schwit1');
    const seeds = page.comments.filter((c) => ['1', '2', '3'].includes(c.id));
    expect(seeds.map((c) => [c.id, c.parent, c.author, c.score, c.reason, c.title, c.signature])).toEqual(
      SEED_COMMENTS.map((c) => [c.id, c.parent, c.author, c.score, c.reason, c.title, c.signature]),
    );
    expect(page.comments[0]!.id).toBe('1');
    expect(page.comments[1]!.id).toBe('2');
  });

  it('gives every reply a parent on the page and nests up to eight levels', () => {
    const ids = new Set(page.comments.map((c) => c.id));
    for (const c of page.comments) if (c.parent !== null) expect(ids.has(c.parent!)).toBe(true);
    const depths = buildTree(page).all.map((c) => c.depth);
    expect(Math.max(...depths)).toBeLessThanOrEqual(7);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
  });

  it('mixes scores like Slashdot: many 1s and 2s, fewer 4s and 5s, some 0 and -1, with reasons', () => {
    const count = (s: number) => page.comments.filter((c) => c.score === s).length;
    for (const c of page.comments) expect(c.score).toBeGreaterThanOrEqual(-1);
    expect(count(1) + count(2)).toBeGreaterThan(2 * (count(4) + count(5)));
    expect(count(4) + count(5)).toBeGreaterThan(0);
    expect(count(0) + count(-1)).toBeGreaterThan(0);
    const reasons = new Set(page.comments.map((c) => c.reason).filter(Boolean));
    expect(reasons.size).toBeGreaterThanOrEqual(6);
    expect(page.comments.some((c) => c.reason === null)).toBe(true);
  });

  it('has recurring authors, Anonymous Cowards, signatures, quotes, links and dates', () => {
    const byAuthor = new Map<string, number>();
    for (const c of page.comments) byAuthor.set(c.author, (byAuthor.get(c.author) ?? 0) + 1);
    const named = [...byAuthor].filter(([a]) => a !== 'Anonymous Coward');
    expect(Math.max(...named.map(([, n]) => n))).toBeGreaterThanOrEqual(10);
    expect(byAuthor.get('Anonymous Coward') ?? 0).toBeGreaterThan(20);
    expect(page.comments.filter((c) => c.signature !== null).length).toBeGreaterThan(20);
    expect(page.comments.filter((c) => c.body!.querySelector('blockquote')).length).toBeGreaterThan(10);
    expect(page.comments.filter((c) => c.body!.querySelector('a[href^="https://"]')).length).toBeGreaterThan(3);
    const generated = page.comments.filter((c) => !['1', '2', '3'].includes(c.id));
    for (const c of generated) expect(c.timestamp).toMatch(/^\w+day \w+ \d{1,2}, 2014 @\d\d:\d\d[AP]M$/);
  });

  it('is the same page for the same seed, and a different one for another seed', () => {
    expect(generateDemo({ seed: 42, comments: 300 })).toBe(html);
    const other = generateDemo({ seed: 43, comments: 300 });
    expect(other).not.toBe(html);
    const otherPage = parseHtml(other).page;
    expect(otherPage.comments).toHaveLength(300);
    expect(otherPage.comments.map((c) => c.parent)).not.toEqual(page.comments.map((c) => c.parent));
  }, SLOW);

  it('honours small and default sizes', () => {
    expect(parseHtml(generateDemo({ seed: 1, comments: 2 })).page.comments.map((c) => c.id)).toEqual(['1', '2']);
    expect(parseHtml(generateDemo({ seed: 1, comments: 25 })).page.comments).toHaveLength(25);
    expect(parseHtml(generateDemo({ seed: 1 })).page.comments).toHaveLength(DEFAULT_DEMO_COMMENTS);
  }, SLOW);
});

describe('seed.html', () => {
  it('is what demo/mirror-html.ts writes for the seed data (regenerate it if the format changes)', () => {
    const withoutHeadComment = (html: string) => html.replace(/<!--[\s\S]*?-->\n/, '');
    const written = renderMirrorPage({ story: SEED_STORY, comments: [...SEED_COMMENTS], total: SEED_TOTAL });
    expect(withoutHeadComment(readMirrorFixture('seed.html'))).toBe(written);
  });
});

describe('slashdotDate', () => {
  it("prints Slashdot's date style in UTC", () => {
    expect(slashdotDate(Date.UTC(2014, 7, 30, 17, 5))).toBe('Saturday August 30, 2014 @05:05PM');
    expect(slashdotDate(Date.UTC(2014, 7, 31, 0, 7))).toBe('Sunday August 31, 2014 @12:07AM');
    expect(slashdotDate(Date.UTC(2014, 8, 1, 12, 0))).toBe('Monday September 1, 2014 @12:00PM');
  });
});
