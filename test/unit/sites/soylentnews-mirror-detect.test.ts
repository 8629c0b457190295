// detect() must recognise its own format only: the SoylentNews and mirror adapters against
// each other's pages, the saved Slashdot pages, and ordinary pages that look a little alike.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { pickAdapter } from '../../../src/sites';
import { mirror } from '../../../src/sites/mirror';
import { soylentnews } from '../../../src/sites/soylentnews';
import { SLASHDOT_PAGES, loadFixture } from '../../fixtures/slashdot/pages';
import { MIRROR_URL, loadMirrorFixture } from '../../fixtures/mirror/pages';
import { SOYLENT_PAGES, loadSoylentFixture } from '../../fixtures/soylentnews/pages';

const SLOW = 120_000;

/** A WordPress-style blog post: ordered comment list, li.comment, article, header, no scores. */
const BLOG = `<!DOCTYPE html><html><head><title>My trip to Dublin – A Blog</title></head><body>
<header class="site-header"><a href="/">A Blog</a></header>
<main><article class="post"><h1>My trip to Dublin</h1><p>We saw the datacenters. Score: 5 stars!</p></article>
<section id="comments" class="comments-area"><h2 class="comments-title">3 comments</h2>
<ol class="comment-list">
 <li id="comment-12" class="comment even thread-even depth-1"><article id="div-comment-12" class="comment-body">
  <footer class="comment-meta"><b class="fn">Ann</b> <time datetime="2024-05-01">May 1, 2024</time></footer>
  <div class="comment-content"><p>Lovely! --<br>Ann</p></div></article>
  <ol class="children"><li id="comment-13" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Bob</b></footer>
  <div class="comment-content"><p>Agreed.</p></div></article></li></ol>
 </li>
</ol></section></main></body></html>`;

/** A forum thread that happens to use ol.thread and scores out of ten. */
const FORUM = `<!DOCTYPE html><html><body><h1>Review thread</h1>
<ol class="thread"><li class="comment"><article><header>Great game by Carol · Score: 9/10</header><div>Loved it.</div></article></li>
<li class="comment"><article><header>Meh · Score: 10</header></article></li></ol></body></html>`;

describe('detect on pages of other formats', () => {
  it('SoylentNews pages are not mirrors', () => {
    for (const p of SOYLENT_PAGES) expect(mirror.detect(loadSoylentFixture(p.file, p.url).window.document), p.file).toBe(false);
  }, SLOW);

  it('mirror pages are not SoylentNews', () => {
    for (const file of ['seed.html', 'rich.html']) expect(soylentnews.detect(loadMirrorFixture(file).window.document), file).toBe(false);
  }, SLOW);

  it.each(SLASHDOT_PAGES)('the saved Slashdot page $file is neither', (p) => {
    const doc = loadFixture(p.file, p.url).window.document;
    expect(soylentnews.detect(doc)).toBe(false);
    expect(mirror.detect(doc)).toBe(false);
    // Parsing is not attempted by address or markup, but must not throw if forced.
    expect(() => soylentnews.parse(doc, new URL(p.url))).not.toThrow();
    expect(() => mirror.parse(doc, new URL(p.url))).not.toThrow();
  }, SLOW);

  it('a blog with a WordPress-style comment list is neither', () => {
    const doc = new JSDOM(BLOG, { url: 'https://blog.example.com/2024/05/dublin/' }).window.document;
    expect(soylentnews.detect(doc)).toBe(false);
    expect(mirror.detect(doc)).toBe(false);
  });

  it('a forum using ol.thread with other scores is not a mirror', () => {
    const doc = new JSDOM(FORUM, { url: 'https://forum.example.com/t/1' }).window.document;
    expect(mirror.detect(doc)).toBe(false);
  });

  it('an empty page is neither', () => {
    const doc = new JSDOM('', { url: 'https://example.com/' }).window.document;
    expect(soylentnews.detect(doc)).toBe(false);
    expect(mirror.detect(doc)).toBe(false);
  });
});

describe('pickAdapter on these pages', () => {
  it('picks SoylentNews by address, and by markup on a copy served elsewhere', () => {
    for (const p of SOYLENT_PAGES) {
      expect(pickAdapter(new URL(p.url), loadSoylentFixture(p.file, p.url).window.document)?.id).toBe('soylentnews');
      const elsewhere = 'https://archive.example.org/soylent/page.html';
      expect(pickAdapter(new URL(elsewhere), loadSoylentFixture(p.file, elsewhere).window.document)?.id).toBe('soylentnews');
    }
  }, SLOW);

  it('picks the mirror adapter for mirror pages on any host', () => {
    for (const file of ['seed.html', 'rich.html']) {
      expect(pickAdapter(new URL(MIRROR_URL), loadMirrorFixture(file).window.document)?.id).toBe('mirror');
      expect(pickAdapter(new URL('http://127.0.0.1:8080/demo.html'), loadMirrorFixture(file, 'http://127.0.0.1:8080/demo.html').window.document)?.id).toBe('mirror');
    }
  }, SLOW);

  it('picks nothing for a blog', () => {
    const url = 'https://blog.example.com/2024/05/dublin/';
    expect(pickAdapter(new URL(url), new JSDOM(BLOG, { url }).window.document)).toBeNull();
  });
});
