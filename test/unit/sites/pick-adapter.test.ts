import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../src/sites';

const doc = (file: string, url: string) =>
  new JSDOM(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'latin1'), { url }).window.document;

describe('pickAdapter', () => {
  it.each([
    ['slashdot/d2-1.html', 'https://linux.slashdot.org/article.pl?sid=08/09/25/2325232', 'slashdot'],
    ['soylentnews/article-threadtos.html', 'https://soylentnews.org/article.pl?sid=24/03/15/2132215', 'soylentnews'],
    ['mirror/seed.html', 'https://archive.example.org/story/1', 'mirror'],
    // A saved page read with a guessed address: the markup decides.
    ['mirror/seed.html', 'https://slashdot.org/', 'mirror'],
    ['soylentnews/article-threadtos.html', 'https://slashdot.org/', 'soylentnews'],
  ])('%s at %s → %s', (file, url, id) => {
    expect(pickAdapter(new URL(url), doc(file, url))?.id).toBe(id);
  });

  it("keeps the address's adapter for a page no adapter recognizes, so it can say why", () => {
    const d = new JSDOM('<p>Front page</p>', { url: 'https://slashdot.org/' }).window.document;
    const a = pickAdapter(new URL('https://slashdot.org/'), d);
    expect(a?.id).toBe('slashdot');
    const r = a!.parse(d, new URL('https://slashdot.org/'));
    expect(r.ok).toBe(false);
    expect(pickAdapter(new URL('https://blog.example.org/'), d)).toBeNull();
  });
});
