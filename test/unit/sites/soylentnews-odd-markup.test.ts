// The SoylentNews adapter's address check, and its behaviour on odd or hostile markup.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import { soylentnews } from '../../../src/sites/soylentnews';

const SLOW = 60_000;

describe('soylentnews.matchesUrl', () => {
  it('takes soylentnews.org and its subdomains only', () => {
    expect(soylentnews.matchesUrl(new URL('https://soylentnews.org/article.pl?sid=24/03/15/2132215'))).toBe(true);
    expect(soylentnews.matchesUrl(new URL('https://www.soylentnews.org/comments.pl?sid=61234'))).toBe(true);
    expect(soylentnews.matchesUrl(new URL('http://dev.soylentnews.org/'))).toBe(true);
    expect(soylentnews.matchesUrl(new URL('https://soylentnews.org.example.com/'))).toBe(false);
    expect(soylentnews.matchesUrl(new URL('https://notsoylentnews.org/'))).toBe(false);
    expect(soylentnews.matchesUrl(new URL('https://slashdot.org/'))).toBe(false);
  });
});

describe('soylentnews adapter on odd markup', () => {
  const url = new URL('https://soylentnews.org/article.pl?sid=1');
  const make = (html: string) => new JSDOM(html, { url: url.href }).window.document;

  it('says why in plain words when there is no listing', () => {
    const r = soylentnews.parse(make('<p>No comments yet.</p>'), url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^[A-Z][^<>{}]+\.$/);
    expect(soylentnews.detect(make('<p>No comments yet.</p>'))).toBe(false);
  });

  it('survives items without a comment div, and duplicated ids', () => {
    const doc = make(
      '<ul id="commentlisting"><li id="tree_1" class="comment"><p>broken</p>' +
        '<li id="tree_2" class="comment"><div id="comment_2" class="commentDiv score3"><h4 id="2"><label class="commentHider">S</label>' +
        '<span id="comment_score_2" class="score">(Score: ?)</span><span class="by"> by Anonymous Coward on Monday</span></h4></div>' +
        '<ul id="commtree_2" class="commtree"><li id="tree_2" class="comment"></ul></ul>',
    );
    const r = soylentnews.parse(doc, url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.comments.map((c) => c.id)).toEqual(['1', '2']);
    expect(r.page.comments[0]).toMatchObject({ author: '', score: null, body: null, title: '' });
    // "(Score: ?)" is unknown; the div's class "score3" is the fallback only when the text says nothing.
    expect(r.page.comments[1]).toMatchObject({ author: 'Anonymous Coward', score: null, timestamp: 'Monday', title: 'S' });
  });

  it('reads a thread nested 500 deep without recursion', () => {
    let html = '<ul id="commentlisting">';
    for (let i = 1; i <= 500; i++) {
      html +=
        `<li id="tree_${i}" class="comment"><div id="comment_${i}" class="commentDiv score1"><h4 id="${i}">` +
        `<label class="commentHider">T${i}</label><span id="comment_score_${i}" class="score">(Score: 1)</span></h4>` +
        `<div class="commentBody"><div id="comment_body_${i}">x</div></div></div><ul id="commtree_${i}" class="commtree">`;
    }
    const r = soylentnews.parse(make(html), url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.comments).toHaveLength(500);
    const tree = buildTree(r.page);
    expect(tree.byId.get('500')!.depth).toBe(499);
    expect(tree.roots).toHaveLength(1);
  }, SLOW);
});
