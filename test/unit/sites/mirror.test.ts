// The mirror-format adapter on seed.html (the seed page put back into HTML) and rich.html.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import type { ParsedPage, RawComment } from '../../../src/model/types';
import { mirror } from '../../../src/sites/mirror';
import { signatureFromLines, textLines } from '../../../src/sites/shared/text-lines';
import { MIRROR_URL, loadMirrorFixture, readMirrorFixture, readSeedText } from '../../fixtures/mirror/pages';

const SLOW = 60_000;

interface Parsed {
  doc: Document;
  page: ParsedPage;
  byId: Map<string, RawComment>;
  before: string;
  after: string;
}

function parseFile(file: string): Parsed {
  const dom = loadMirrorFixture(file);
  const before = dom.serialize();
  const result = mirror.parse(dom.window.document, new URL(MIRROR_URL));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return {
    doc: dom.window.document,
    page: result.page,
    byId: new Map(result.page.comments.map((c) => [c.id, c])),
    before,
    after: dom.serialize(),
  };
}

function projection(page: ParsedPage) {
  return buildTree(page).all.map((c) => ({
    id: c.id,
    parent: c.parent,
    depth: c.depth,
    author: c.author,
    score: c.score,
    reason: c.reason,
    title: c.title,
    form: c.form,
    signature: c.signature,
    hasBody: c.body !== null,
  }));
}

describe('mirror.matchesUrl', () => {
  it('never claims an address: mirrors live on any host', () => {
    for (const u of [MIRROR_URL, 'https://slashdot.org/', 'https://soylentnews.org/', 'http://localhost:8080/demo.html']) {
      expect(mirror.matchesUrl(new URL(u))).toBe(false);
    }
  });
});

describe.each([
  { file: 'seed.html', total: 3 },
  { file: 'rich.html', total: 14 },
])('mirror adapter on $file (generic checks)', ({ file, total }) => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile(file);
  }, SLOW);

  it('detects the page by its markup', () => {
    expect(mirror.detect(r.doc)).toBe(true);
  });

  it('reports every comment once, in page order', () => {
    const inMarkup = [...readMirrorFixture(file).matchAll(/<li class="comment" id="comment-(\d+)">/g)].map((m) => m[1]);
    expect(inMarkup).toHaveLength(total);
    expect(r.page.comments.map((c) => c.id)).toEqual(inMarkup);
  });

  it('gives parents that exist on the page, each before its replies', () => {
    const seen = new Set<string>();
    for (const c of r.page.comments) {
      if (c.parent != null) expect(seen.has(c.parent)).toBe(true);
      seen.add(c.id);
    }
  });

  it('reads the story and the count line', () => {
    expect(r.page.site).toBe('mirror');
    expect(r.page.threadKey).toBe('mirror:archive.example.net/slashdot/story/14/08/30/2049211/microsoft-defies-court-order.html');
    expect(r.page.title).toBe('Microsoft Defies Court Order, Will Not Give Emails To US Government');
    expect(r.page.submitter).toBe('schwit1');
    expect(r.page.declaredCount).toBe(419); // "N of 419 comments"
    expect(r.page.container).toBe(r.doc.querySelector('ol.thread'));
  });

  it("hands over the page's own body elements", () => {
    for (const c of r.page.comments) {
      const li = r.doc.getElementById(`comment-${c.id}`)!;
      const own = li.querySelector(':scope > article > .comment-text');
      expect(c.body).toBe(own);
      expect(c.signatureEl).toBeNull();
      expect(c.permalink).toBe(`${MIRROR_URL}#comment-${c.id}`);
    }
  });

  it('leaves the document exactly as it was', () => {
    expect(r.after).toBe(r.before);
  });

  it('matches the snapshot of its plain projection', () => {
    expect(projection(r.page)).toMatchSnapshot();
  });
});

describe('seed.html holds the seed page, word for word', () => {
  let r: Parsed;
  let seed: string[];
  beforeAll(() => {
    r = parseFile('seed.html');
    seed = readSeedText()
      .split('\n')
      .map((l) => l.trim());
  }, SLOW);

  it('has the seed header, story and count line', () => {
    expect(r.doc.querySelector('.site-header')!.textContent).toBe(seed[0]);
    const story = textLines(r.doc.querySelector('article.story')!);
    expect(story).toEqual([seed[3], seed[5], seed[7]]);
    expect(textLines(r.doc.querySelector('.comment-count')!)).toEqual([seed[9]]);
  });

  it('has the seed comments, their nesting and header lines', () => {
    expect(r.page.comments.map((c) => [c.id, c.parent])).toEqual([
      ['1', null],
      ['2', '1'],
      ['3', null],
    ]);
    // "1. That's nice, but... by SternisheFan · · Score: 5, Interesting" without the list number.
    const headers = r.page.comments.map((c) => textLines(r.doc.querySelector(`#comment-${c.id} > article > header`)!)[0]);
    expect(headers).toEqual([seed[11], seed[15], seed[23]].map((l) => l!.replace(/^\d+\.\s+/, '')));
    expect(r.page.comments.map((c) => [c.author, c.authorUrl, c.score, c.reason, c.title, c.timestamp])).toEqual([
      ['SternisheFan', 'https://slashdot.org/~SternisheFan', 5, 'Interesting', "That's nice, but...", null],
      ['PPH', 'https://slashdot.org/~PPH', 5, 'Interesting', "Re:That's nice, but...", null],
      ['Dcnjoe60', 'https://slashdot.org/~Dcnjoe60', 5, 'Interesting', 'Re:customer-centric', null],
    ]);
  });

  it('has the seed bodies, with the signature after the "--" line', () => {
    const [c1, c2, c3] = r.page.comments;
    expect(textLines(c1!.body!)).toEqual([seed[13]]);
    expect(textLines(c2!.body!)).toEqual([seed[17], seed[19], seed[21], seed[22]]);
    expect(textLines(c3!.body!)).toEqual([seed[25], seed[27], seed[29]]);
    expect(r.page.comments.map((c) => c.signature)).toEqual([null, 'Have gnu, will travel.', null]);
  });
});

describe('rich.html: the odd corners of the format', () => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile('rich.html');
  }, SLOW);

  it('nests exactly, seven levels deep', () => {
    const parents = Object.fromEntries(r.page.comments.map((c) => [c.id, c.parent]));
    expect(parents).toEqual({
      '1': null,
      '2': '1',
      '104': '2',
      '107': '104',
      '110': '107',
      '113': '110',
      '116': '113',
      '105': '1',
      '3': null,
      '106': '3',
      '108': '3',
      '120': null,
      '121': null,
      '122': null,
    });
    expect(buildTree(r.page).byId.get('116')!.depth).toBe(6);
  });

  it('reads known, lost ("Score: ?") and missing scores', () => {
    const scores = Object.fromEntries(r.page.comments.map((c) => [c.id, [c.score, c.reason]]));
    expect(scores).toEqual({
      '1': [5, 'Interesting'],
      '2': [5, 'Interesting'],
      '104': [1, null],
      '107': [null, null],
      '110': [2, 'Funny'],
      '113': [0, null],
      '116': [-1, 'Troll'],
      '105': [null, null],
      '3': [5, 'Interesting'],
      '106': [3, 'Informative'],
      '108': [1, null],
      '120': [-1, 'Flamebait'],
      '121': [4, 'Insightful'],
      '122': [2, null],
    });
  });

  it('reads authors with and without a user page, and a lost one', () => {
    expect([r.byId.get('106')!.author, r.byId.get('106')!.authorUrl]).toEqual(['OldTimerNo1', 'https://slashdot.org/~OldTimerNo1']);
    expect([r.byId.get('104')!.author, r.byId.get('104')!.authorUrl]).toEqual(['Anonymous Coward', null]);
    expect([r.byId.get('116')!.author, r.byId.get('116')!.authorUrl]).toEqual(['some_guy_in_ohio', null]);
    expect([r.byId.get('107')!.author, r.byId.get('107')!.authorUrl]).toEqual(['', null]);
  });

  it('reads subjects as text and timestamps as shown (or the datetime when the text is empty)', () => {
    expect(r.byId.get('120')!.title).toBe('M$ & the <NSA>');
    expect(r.byId.get('110')!.timestamp).toBe('Saturday August 30, 2014 @10:05PM');
    expect(r.byId.get('121')!.timestamp).toBe('2014-08-30T18:25:00Z');
    expect(r.byId.get('122')!.timestamp).toBeNull();
  });

  it('keeps quotes and links inside the body element', () => {
    const body = r.byId.get('104')!.body!;
    expect(body.querySelector('blockquote')!.textContent).toContain('chain of evidence');
    expect(body.querySelector('a')!.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Parallel_construction');
  });

  it('finds signatures only after a final "--" line', () => {
    const sigs = Object.fromEntries(r.page.comments.map((c) => [c.id, c.signature]));
    expect(sigs['2']).toBe('Have gnu, will travel.');
    expect(sigs['110']).toBe('IANAL, but I play one on the Internet.\nBilling rate available on request.'); // inline, after <br>s
    expect(sigs['106']).toBe('I was on Usenet before it was cool.\nIt was never cool.');
    expect(sigs['121']).toBe("There's no place like 127.0.0.1"); // a "--" inside a sentence is not a separator
    expect(sigs['113']).toBeNull(); // "--" between paragraphs, followed by long text: a separator, not a signature
    expect(sigs['116']).toBeNull();
  });

  it('reports a comment whose text was not archived as a one-liner', () => {
    const c = r.byId.get('108')!;
    expect(c.form).toBe('oneline');
    expect(c.body).toBeNull();
    expect(c.title).toBe('Re:customer-centric');
    expect(r.page.comments.filter((x) => x.form === 'oneline').map((x) => x.id)).toEqual(['108']);
  });
});

describe('signatureFromLines', () => {
  it('takes the lines after the last "--" line, when short', () => {
    expect(signatureFromLines(['Body.', '--', 'Sig one', 'Sig two'])).toBe('Sig one\nSig two');
    expect(signatureFromLines(['Body.', '--', 'a', '--', 'real sig'])).toBe('real sig');
    expect(signatureFromLines(['Body.', '--'])).toBeNull();
    expect(signatureFromLines(['Body -- with dashes.'])).toBeNull();
    expect(signatureFromLines(['Body.', '--', '1', '2', '3', '4', '5'])).toBeNull();
    expect(signatureFromLines(['Body.', '--', 'x'.repeat(401)])).toBeNull();
  });
});

describe('mirror adapter on odd markup', () => {
  const url = new URL('https://mirror.example.org/a/b.html');
  const make = (html: string) => new JSDOM(html, { url: url.href }).window.document;

  it('says why in plain words when there is no comment list', () => {
    const r = mirror.parse(make('<p>Nothing here.</p>'), url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^[A-Z][^<>{}]+\.$/);
    const empty = mirror.parse(make('<ol class="thread"></ol>'), url);
    expect(empty.ok).toBe(false);
  });

  it('survives items without article, header or id, and duplicated ids', () => {
    const doc = make(
      '<ol class="thread"><li class="comment"></li><li class="comment" id="comment-9"><article><header>x</header></article>' +
        '<ol class="replies"><li class="comment" id="comment-9"></li></ol></li></ol>',
    );
    const r = mirror.parse(doc, url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.comments.map((c) => [c.id, c.parent, c.form, c.author, c.score])).toEqual([
      ['n1', null, 'oneline', '', null],
      ['9', null, 'oneline', '', null],
    ]);
  });

  it('reads a thread nested 500 deep without recursion', () => {
    let html = '<ol class="thread">';
    for (let i = 1; i <= 500; i++) {
      html +=
        `<li class="comment" id="comment-${i}"><article><header class="comment-head"><a class="subject" href="#comment-${i}">T${i}</a>` +
        ` by <a class="author" href="/~u">u</a> · <time></time> · <span class="score">Score: 1</span></header>` +
        `<div class="comment-text"><p>x</p></div></article><ol class="replies">`;
    }
    const r = mirror.parse(make(html), url);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page.comments).toHaveLength(500);
    expect(buildTree(r.page).byId.get('500')!.depth).toBe(499);
  }, SLOW);
});
