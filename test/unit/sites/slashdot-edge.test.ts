// The Slashdot adapter on odd, foreign, altered and hostile pages. Small pages are written
// here in the shape of the saved ones (test/fixtures/slashdot); altered ones are saved pages
// changed through the DOM before parsing.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import type { ParsedPage, ParseResult } from '../../../src/model/types';
import { slashdot } from '../../../src/sites/slashdot';
import { NO_COMMENTS, UNREADABLE } from '../../../src/sites/slashdot/index';
import { SLASHDOT_PAGES, loadFixture } from '../../fixtures/slashdot/pages';

/** jsdom builds big pages slowly, more so on a busy machine. */
const SLOW = 60_000;
const STORY = 'https://linux.slashdot.org/story/08/09/25/2325232/some-title';

function parseHtml(html: string, url = STORY): { result: ParseResult; doc: Document; dom: JSDOM } {
  const dom = new JSDOM(html, { url });
  return { result: slashdot.parse(dom.window.document, new URL(url)), doc: dom.window.document, dom };
}

function page(result: ParseResult): ParsedPage {
  if (!result.ok) throw new Error(result.reason);
  return result.page;
}

/** A classic full comment, in the saved pages' shape. */
function fullComment(id: number, parent: number | null, inner = ''): string {
  return `<li id="tree_${id}" class="comment"><div id="comment_${id}"><div class="commentTop"><div class="title">
    <h4><a name="${id}">Title ${id}</a> <span id="comment_score_${id}" class="score"> (Score:${id % 7 - 1}, Funny)</span></h4></div>
    <div class="details">by <a href="//slashdot.org/~user${id}">user${id} (${id})</a>
    <span class="otherdetails" id="comment_otherdetails_${id}">on Friday July 06, @08:55AM (<a href="//linux.slashdot.org/comments.pl?sid=1&amp;cid=${id}">#${id}</a>)</span></div></div>
    <div class="commentBody"><div id="comment_body_${id}">Body ${id}</div>${inner}</div>
    <div class="commentSub" id="comment_sub_${id}">${parent === null ? '' : `[ <a href="//linux.slashdot.org/comments.pl?sid=1&amp;cid=${parent}">Parent</a> ]`}</div></div>`;
}

function oneLiner(id: number, parent: number): string {
  return `<li><a href="//linux.slashdot.org/comments.pl?sid=1&amp;pid=${parent}#${id}">Re:Title</a> by someone (Score:${id % 7 - 1}) Friday July 06, @08:58AM`;
}

function classicPage(listing: string, head = '<title>Slashdot | Story</title>'): string {
  return `<html><head>${head}</head><body><div class="article"><div class="generaltitle"><div class="title"><h3>Story</h3></div></div>
    <div class="details"><b>Posted by <a href="http://slashdot.org/~Zonk/">Zonk</a> on Fri Jul 06, 2007 08:52 AM</b></div>
    <div class="intro">The editors noticed something.</div></div>
    <ul id="commentlisting">${listing}</ul></body></html>`;
}

describe('matchesUrl', () => {
  it.each([
    ['https://slashdot.org/', true],
    ['http://slashdot.org/story/08/09/25/2325232/x', true],
    ['https://linux.slashdot.org/article.pl?sid=08/09/25/2325232', true],
    ['https://a.b.slashdot.org/', true],
    ['https://SLASHDOT.ORG/', true],
    ['https://notslashdot.org/', false],
    ['https://slashdot.org.evil.example/', false],
    ['https://soylentnews.org/', false],
    ['ftp://slashdot.org/', false],
    ['file:///home/me/slashdot.org/page.html', false],
  ])('%s → %s', (url, expected) => {
    expect(slashdot.matchesUrl(new URL(url))).toBe(expected);
  });
});

describe('detect', () => {
  it('recognizes every saved page', () => {
    for (const p of SLASHDOT_PAGES) expect(slashdot.detect(loadFixture(p.file, 'https://archive.example/x').window.document)).toBe(true);
  }, SLOW);

  it('rejects pages without a comment listing, and rehash (SoylentNews) listings', () => {
    const doc = (html: string) => new JSDOM(html).window.document;
    expect(slashdot.detect(doc('<title>Slashdot</title><p>front page</p>'))).toBe(false);
    expect(slashdot.detect(doc('<title>Some blog</title><ul id="commentlisting"><li>hi</li></ul>'))).toBe(false);
    // rehash's shape (Slash/Utility/Comments/Comments.pm): collapse checkbox + div.commentDiv.
    const rehash =
      '<title>SoylentNews</title><ul id="commentlisting"><li id="tree_1" class="comment">' +
      '<input id="commentTreeHider_1" type="checkbox"><div id="comment_1" class="commentDiv score5"></div></li></ul>';
    expect(slashdot.detect(doc(rehash.replace('SoylentNews', 'Slashdot mirror')))).toBe(false);
  });
});

describe('pages that are not discussions', () => {
  it('says there are no comments on a front page', () => {
    const { result } = parseHtml('<html><head><title>Slashdot: News for nerds</title></head><body><div id="articles"><div class="article">x</div></div></body></html>', 'https://slashdot.org/');
    expect(result).toEqual({ ok: false, reason: NO_COMMENTS });
  });

  it('says there are no comments for a listing without any, or with only placeholders', () => {
    expect(parseHtml(classicPage('')).result).toEqual({ ok: false, reason: NO_COMMENTS });
    const placeholders = '<li><b><a href="//linux.slashdot.org/comments.pl?sid=1&amp;threshold=-1&amp;pid=0">3 replies</a> beneath your current threshold.</b></li>';
    expect(parseHtml(classicPage(placeholders)).result).toEqual({ ok: false, reason: NO_COMMENTS });
  });

  it('does not take foreign list items for comments', () => {
    const foreign = '<li><a href="https://example.com/#123">A link</a> to somewhere</li><li id="tree_x">odd</li><li><a>no href</a> by x (Score:1)</li>';
    expect(parseHtml(classicPage(foreign)).result).toEqual({ ok: false, reason: NO_COMMENTS });
  });

  it('returns a reason instead of throwing when reading fails', () => {
    const doc = new JSDOM(classicPage(fullComment(1, null))).window.document;
    const broken = new Proxy(doc, {
      get(target, prop) {
        if (prop === 'getElementById') return () => { throw new Error('boom'); };
        const v = Reflect.get(target, prop) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    expect(slashdot.parse(broken, new URL(STORY))).toEqual({ ok: false, reason: UNREADABLE });
  });
});

describe('small and hostile pages', () => {
  it('reads a signature into its own element and text', () => {
    const p = SLASHDOT_PAGES[0]!;
    const dom = loadFixture(p.file, p.url);
    const doc = dom.window.document;
    const sig = doc.createElement('div');
    sig.id = 'comment_sig_19766655';
    sig.className = 'sig';
    sig.append('--', doc.createElement('br'), 'Linux: the ', doc.createElement('b'), ' OS');
    sig.querySelector('b')!.textContent = 'other';
    doc.getElementById('comment_body_19766655')!.after(sig);
    const c = page(slashdot.parse(doc, new URL(p.url))).comments.find((x) => x.id === '19766655')!;
    expect(c.signature).toBe('Linux: the other OS');
    expect(c.signatureEl).toBe(sig);
    expect(c.body).toBe(doc.getElementById('comment_body_19766655'));
  }, SLOW);

  it('survives 600 levels of nesting', () => {
    const n = 600; // building this DOM is what takes time, in jsdom
    let listing = '';
    for (let i = 1; i <= n; i++) {
      listing += i % 3 === 0 ? fullComment(i, i - 1) : oneLiner(i, i - 1 || 0);
      listing += `<ul id="commtree_${i}">`;
    }
    listing += '</ul></li>'.repeat(n);
    const { result, doc, dom } = parseHtml(classicPage(listing));
    const before = dom.serialize();
    const d = buildTree(page(result));
    expect(d.all).toHaveLength(n);
    expect(d.all[n - 1]!.depth).toBe(n - 1);
    expect(d.all.filter((c) => c.form === 'full')).toHaveLength(n / 3);
    expect(doc.getElementById('commentlisting')).toBe(page(result).container);
    expect(dom.serialize()).toBe(before);
  }, SLOW);

  it('reads times and one-liners spread over lines and runs of white space, as the page shows them', () => {
    const full = fullComment(1, null).replace('on Friday July 06, @08:55AM (', '\n\t\ton  Friday\n July 06,\t@08:55AM\n (');
    const spread =
      '<li><a href="//linux.slashdot.org/comments.pl?sid=1&amp;pid=1#2">Re:Title</a>\n\t by \n some\u00a0 one \n (Score:3,\n Insightful)\n\t Friday  July 06,\n @08:58AM \n</li>';
    const unspaced = '<li><a href="//linux.slashdot.org/comments.pl?sid=1&amp;pid=1#3">Re:Title</a>by(Score:1) Friday</li>';
    const { result } = parseHtml(classicPage(`${full}<ul id="commtree_1">${spread}${unspaced}</ul></li>`));
    const comments = page(result).comments;
    expect(comments.find((c) => c.id === '1')).toMatchObject({ timestamp: 'Friday July 06, @08:55AM' });
    expect(comments.find((c) => c.id === '2')).toMatchObject({
      author: 'some one',
      score: 3,
      reason: 'Insightful',
      timestamp: 'Friday July 06, @08:58AM',
      form: 'oneline',
      parent: '1',
    });
    // "by" must stand apart: not a one-liner's line.
    expect(comments.map((c) => c.id)).toEqual(['1', '2']);
  });

  it('keeps the first of two comments with the same id', () => {
    const { result } = parseHtml(classicPage(fullComment(5, null) + '</li>' + fullComment(5, null) + '</li>' + oneLiner(6, 5) + '</li>'));
    expect(page(result).comments.map((c) => [c.id, c.parent])).toEqual([['5', null], ['6', '5']]);
  });

  it('falls back to the editor when the intro names no submitter', () => {
    expect(page(parseHtml(classicPage(fullComment(1, null))).result).submitter).toBe('Zonk');
  });

  it('takes the story key from the page when the address has none', () => {
    const html = classicPage(fullComment(1, null)).replace(
      '<ul id="commentlisting">',
      '<div class="commentBox"><a href="//linux.slashdot.org/article.pl?sid=07/07/06/1333257">Story</a> | <b>12</b> comments</div><ul id="commentlisting">',
    );
    const p = page(parseHtml(html, 'https://linux.slashdot.org/comments.pl?sid=246319&cid=1').result);
    expect(p.threadKey).toBe('slashdot:07/07/06/1333257');
    expect(p.declaredCount).toBe(12);
    expect(page(parseHtml(classicPage(fullComment(1, null)), 'https://linux.slashdot.org/comments.pl?sid=246319').result).threadKey).toBe(
      'slashdot:discussion:246319',
    );
  });
});

describe('d2 script data', () => {
  function d2Page(script: string, listing: string): string {
    return classicPage(listing).replace('<ul id="commentlisting">', `<script type="text/javascript">${script}</script><ul id="commentlisting" class="d2">`);
  }
  const hidden = (id: number) => `<li id="tree_${id}" class="comment"><div id="comment_${id}" class="hidden"></div><ul id="commtree_${id}">`;

  it('adds comments known only to the script, placed under their parents', () => {
    // 10 (full) → 11 (script only) → 12 (full, listed at the top level of the markup); 13 script only, top level.
    const script =
      "D2.comments({ 10: { uid: 5, pid: 0, points: 5, kids: [ 11 ] }, 11: { uid: 666, pid: 10, subject: 'Re:{odd}', points: 1, kids: [ 12 ] }, " +
      '12: { uid: 7, pid: 11, points: 3, kids: [ ] }, 13: { uid: undefined, pid: 0, points: -2, kids: [ ] } });\nD2.discussion_id(976581);';
    const { result } = parseHtml(d2Page(script, fullComment(10, null) + '</li>' + fullComment(12, 11) + '</li>'));
    const p = page(result);
    expect(p.comments.map((c) => `${c.id}<${c.parent ?? '-'}:${c.form}`)).toEqual(['10<-:full', '11<10:stub', '12<11:full', '13<-:stub']);
    expect(p.comments[1]).toMatchObject({ author: 'Anonymous Coward', title: 'Re:{odd}', score: 1, body: null });
    expect(p.comments[1]!.permalink).toBe('https://linux.slashdot.org/comments.pl?sid=1&cid=11');
    expect(p.comments[3]!.score).toBeNull();
    expect(buildTree(p).byId.get('12')!.depth).toBe(2);
  });

  it('still reads the markup when the script is unreadable', () => {
    const { result } = parseHtml(d2Page('D2.comments({ 10: { pid: 0, points: 5, kids: [ 11 ] }, 11: { pid: oops } });', hidden(10) + fullComment(11, 10) + '</li></ul></li>'));
    expect(page(result).comments.map((c) => `${c.id}<${c.parent ?? '-'}:${c.form}`)).toEqual(['10<-:stub', '11<10:full']);
  });

  it('cuts parent cycles in the script without losing comments', () => {
    const script = 'comments = { 20: { pid: 21, points: 1, kids: [] }, 21: { pid: 20, points: 2, kids: [] } };';
    const p = page(parseHtml(d2Page(script, '')).result);
    expect(p.comments.map((c) => `${c.id}<${c.parent ?? '-'}`)).toEqual(['20<-', '21<20']);
  });

  it('reads placeholders from the markup alone when the page has no script', () => {
    const p = SLASHDOT_PAGES.find((x) => x.file === 'd2-1.html')!;
    const doc = loadFixture(p.file, p.url).window.document;
    for (const s of [...doc.querySelectorAll('script')]) if (s.textContent?.includes('D2.comments(')) s.remove();
    const parsed = page(slashdot.parse(doc, new URL(p.url)));
    expect(parsed.comments).toHaveLength(p.total);
    const byId = new Map(parsed.comments.map((c) => [c.id, c]));
    expect(byId.get('25160249')).toMatchObject({ parent: '25160063', form: 'stub', score: null });
    expect(byId.get('25161283')).toMatchObject({ parent: '25160507', score: 5 });
    // D2.more_comments_num(170) was in the removed script: only "25 Comments" remains.
    expect(parsed.declaredCount).toBe(25);
  }, SLOW);
});
