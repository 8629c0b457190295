// The SoylentNews (rehash) adapter on the three test pages in test/fixtures/soylentnews.
// Expected values are those the pages were built with (see the comment atop each page);
// counts are cross-checked with a plain text search of the markup.
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import type { ParsedPage, RawComment } from '../../../src/model/types';
import { soylentnews } from '../../../src/sites/soylentnews';
import { SOYLENT_PAGES, loadSoylentFixture, readSoylentFixture } from '../../fixtures/soylentnews/pages';

const SLOW = 60_000;

interface Parsed {
  dom: JSDOM;
  doc: Document;
  page: ParsedPage;
  byId: Map<string, RawComment>;
  before: string;
  after: string;
}

function parseFile(file: string): Parsed {
  const p = SOYLENT_PAGES.find((x) => x.file === file)!;
  const dom = loadSoylentFixture(p.file, p.url);
  const before = dom.serialize();
  const result = soylentnews.parse(dom.window.document, new URL(p.url));
  if (!result.ok) throw new Error(`${file}: ${result.reason}`);
  return {
    dom,
    doc: dom.window.document,
    page: result.page,
    byId: new Map(result.page.comments.map((c) => [c.id, c])),
    before,
    after: dom.serialize(),
  };
}

/** What the snapshot records: the model's view, no DOM. */
function projection(page: ParsedPage) {
  const tree = buildTree(page);
  return tree.all.map((c) => ({
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

describe.each(SOYLENT_PAGES)('soylentnews adapter on $file (generic checks)', (p) => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile(p.file);
  }, SLOW);

  it('detects the page by its markup', () => {
    expect(soylentnews.detect(r.doc)).toBe(true);
  });

  it('reports every comment in the markup, once', () => {
    const inMarkup = [...readSoylentFixture(p.file).matchAll(/<li id="tree_(\d+)" class="comment">/g)].map((m) => m[1]);
    expect(inMarkup).toHaveLength(p.total);
    expect(r.page.comments.map((c) => c.id)).toEqual(inMarkup);
    expect(new Set(r.page.comments.map((c) => c.id)).size).toBe(p.total);
  });

  it('gives parents that exist on the page, each before its replies', () => {
    const seen = new Set<string>();
    for (const c of r.page.comments) {
      if (c.parent != null) expect(seen.has(c.parent), `${c.id} -> ${c.parent}`).toBe(true);
      seen.add(c.id);
    }
  });

  it("hands over the page's own elements: body, signature, container", () => {
    expect(r.page.container).toBe(r.doc.getElementById('commentlisting'));
    for (const c of r.page.comments) {
      expect(c.body).toBe(r.doc.getElementById(`comment_body_${c.id}`));
      expect(c.signatureEl).toBe(r.doc.getElementById(`comment_sig_${c.id}`));
      expect(c.form).toBe('full');
    }
  });

  it('leaves the document exactly as it was', () => {
    expect(r.after).toBe(r.before);
  });

  it('matches the snapshot of its plain projection', () => {
    expect(projection(r.page)).toMatchSnapshot();
  });
});

describe('Threaded-TOS page, anonymous reader (article-threadtos.html)', () => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile('article-threadtos.html');
  }, SLOW);

  it('reads the story and the comment box', () => {
    expect(r.page.site).toBe('soylentnews');
    // The numeric discussion id, shared with comments.pl, not the story's date-like sid.
    expect(r.page.threadKey).toBe('soylentnews:61234');
    expect(r.page.title).toBe('City-Owned Fiber Network Posts Its First Annual Profit');
    // "posted by wildcard_ed" is the editor; "quietwaters writes:" is the submitter.
    expect(r.page.submitter).toBe('quietwaters');
    expect(r.page.declaredCount).toBe(17);
  });

  it('nests replies exactly, through the unclosed <li> tags, six levels down', () => {
    const parents = Object.fromEntries(r.page.comments.map((c) => [c.id, c.parent]));
    expect(parents).toEqual({
      '1349001': null,
      '1349004': '1349001',
      '1349009': '1349004',
      '1349015': '1349009',
      '1349020': '1349015',
      '1349031': '1349020',
      '1349040': '1349031',
      '1349006': '1349001',
      '1349002': null,
      '1349003': null,
      '1349010': '1349003',
      '1349012': '1349010',
      '1349013': '1349003',
      '1349005': null,
      '1349007': '1349005',
      '1349008': '1349005',
      '1349016': null,
    });
    const tree = buildTree(r.page);
    expect(tree.byId.get('1349040')!.depth).toBe(6);
    expect(tree.roots.map((c) => c.id)).toEqual(['1349001', '1349002', '1349003', '1349005', '1349016']);
  });

  it('reads scores from -1 to 5, with and without a reason', () => {
    const scores = Object.fromEntries(r.page.comments.map((c) => [c.id, [c.score, c.reason]]));
    expect(scores).toEqual({
      '1349001': [5, 'Insightful'],
      '1349004': [0, null],
      '1349009': [3, 'Informative'],
      '1349015': [-1, 'Troll'],
      '1349020': [2, 'Funny'],
      '1349031': [4, 'Interesting'],
      '1349040': [1, null],
      '1349006': [1, null],
      '1349002': [-1, 'Flamebait'],
      '1349003': [2, 'Interesting'],
      '1349010': [-1, 'Offtopic'],
      '1349012': [0, null],
      '1349013': [0, 'Overrated'],
      '1349005': [4, 'Funny'],
      '1349007': [1, 'Underrated'],
      '1349008': [3, 'Insightful'],
      '1349016': [1, 'Interesting'],
    });
  });

  it('reads named authors with their user page, and Anonymous Cowards without one', () => {
    const c1 = r.byId.get('1349001')!;
    expect(c1.author).toBe('grumpy_sysop');
    expect(c1.authorUrl).toBe('https://soylentnews.org/~grumpy_sysop/');
    const ck = r.byId.get('1349020')!;
    expect(ck.author).toBe('Captain Kerning');
    expect(ck.authorUrl).toBe('https://soylentnews.org/~Captain+Kerning/');
    const acs = r.page.comments.filter((c) => c.author === 'Anonymous Coward').map((c) => c.id);
    expect(acs).toEqual(['1349004', '1349015', '1349002', '1349010', '1349012', '1349007', '1349016']);
    for (const id of acs) expect(r.byId.get(id)!.authorUrl).toBeNull();
  });

  it('reads subjects, timestamps and permalinks', () => {
    expect(r.byId.get('1349031')!.title).toBe('Depreciation schedules');
    expect(r.byId.get('1349016')!.title).toBe('Lease the dark fiber, keep the lights on');
    expect(r.byId.get('1349005')!.title).toBe("My ISP's reaction");
    expect(r.byId.get('1349001')!.timestamp).toBe('Friday March 15 2024, @09:47PM');
    expect(r.byId.get('1349012')!.timestamp).toBe('Friday March 15 2024, @10:41PM');
    expect(r.byId.get('1349001')!.permalink).toBe('https://soylentnews.org/comments.pl?noupdate=1&sid=61234&cid=1349001#commentwrap');
  });

  it('keeps below-threshold comments, whose full text sits behind the "Comment Below Threshold" stub', () => {
    for (const id of ['1349002', '1349010']) {
      expect(r.doc.getElementById(`comment_below_${id}`)).not.toBeNull();
      const c = r.byId.get(id)!;
      expect(c.body?.textContent).toMatch(/\w/);
      expect(c.score).toBe(-1);
    }
    expect(r.doc.getElementById('comment_below_1349010')!.textContent).toContain('Comment Below Threshold (1 child)');
    // Below the threshold but with a reply above the breakthrough: no stub, still a comment.
    expect(r.doc.getElementById('comment_below_1349015')).toBeNull();
    expect(r.byId.get('1349015')!.score).toBe(-1);
  });

  it('keeps comments whose hider checkbox is checked (collapsed)', () => {
    const checked = ['1349004', '1349015', '1349040', '1349006', '1349012', '1349013', '1349007'];
    for (const id of checked) {
      expect((r.doc.getElementById(`commentHider_${id}`) as HTMLInputElement).hasAttribute('checked'), id).toBe(true);
      expect(r.byId.get(id)!.body).not.toBeNull();
    }
    expect((r.doc.getElementById('commentTreeHider_1349010') as HTMLInputElement).hasAttribute('checked')).toBe(true);
  });

  it("reads signatures without rehash's -- line", () => {
    const sigs = Object.fromEntries(r.page.comments.filter((c) => c.signature !== null).map((c) => [c.id, c.signature]));
    expect(sigs).toEqual({
      '1349001': 'Uptime is a state of mind.',
      '1349031': "I read the manual so you don't have to. You still should.",
      '1349040': 'Uptime is a state of mind.',
      '1349006': "I read the manual so you don't have to. You still should.",
      '1349008': 'Fe2O3: slowly eating everything since the Iron Age.',
    });
  });
});

describe('Threaded-TNG page, logged-in moderator (article-threadtng-moderator.html)', () => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile('article-threadtng-moderator.html');
  }, SLOW);

  it('reads the story; the listing is the container even inside the moderation form', () => {
    expect(r.page.threadKey).toBe('soylentnews:61877');
    expect(r.page.title).toBe('Volunteers Restore a 1970s Minicomputer to Working Order');
    expect(r.page.submitter).toBe('bitrot'); // "[Submitted via IRC for bitrot]"
    expect(r.page.declaredCount).toBe(15);
    expect(r.page.container.parentElement?.id).toBe('commentform');
  });

  it('nests seven levels deep', () => {
    const tree = buildTree(r.page);
    const chain = ['1361101', '1361103', '1361106', '1361108', '1361111', '1361114', '1361117', '1361120'];
    chain.forEach((id, depth) => {
      expect(tree.byId.get(id)!.depth).toBe(depth);
      expect(tree.byId.get(id)!.parent).toBe(depth === 0 ? null : chain[depth - 1]);
    });
    expect(tree.byId.get('1361104')!.parent).toBe('1361102');
    expect(tree.byId.get('1361112')!.parent).toBe('1361109');
    expect(tree.roots.map((c) => c.id)).toEqual(['1361101', '1361102', '1361107', '1361109', '1361113']);
  });

  it('reads reasons outside A-Z (Touché) and the newer ones (Disagree, Spam)', () => {
    expect([r.byId.get('1361108')!.score, r.byId.get('1361108')!.reason]).toEqual([3, 'Touché']);
    expect([r.byId.get('1361111')!.score, r.byId.get('1361111')!.reason]).toEqual([2, 'Disagree']);
    expect([r.byId.get('1361104')!.score, r.byId.get('1361104')!.reason]).toEqual([-1, 'Spam']);
  });

  it('reads the author past zoo icons, subscriber stars and e-mail links', () => {
    const c = r.byId.get('1361102')!;
    expect(c.author).toBe('Octal Dump');
    expect(c.authorUrl).toBe('https://soylentnews.org/~Octal+Dump/');
    expect(c.timestamp).toBe('Tuesday April 02 2024, @02:20PM');
    // The mailto link comes first in the details; the permalink is the "#ID" one.
    expect(c.permalink).toBe('https://soylentnews.org/comments.pl?noupdate=1&sid=61877&cid=1361102#commentwrap');
    expect(r.byId.get('1361103')!.author).toBe('lurker_prime'); // the reader's own comment
  });

  it('keeps a flagged comment as the page shows it, and a shortened one without its signature', () => {
    const flagged = r.byId.get('1361104')!;
    expect(flagged.title).toBe('** Flagged Comment **');
    expect(flagged.author).toBe('Anonymous Coward');
    const shrunk = r.byId.get('1361105')!;
    expect(shrunk.extraEls).toEqual([r.doc.getElementById('comment_shrunk_1361105')]);
    expect(r.page.comments.filter((c) => c.extraEls).map((c) => c.id)).toEqual(['1361105']);
    expect(shrunk.body?.textContent).toContain('toggling in the bootstrap');
    expect(shrunk.signature).toBeNull();
    expect(r.byId.get('1361109')!.signature).toBe('Be kind, rewind.');
    expect(r.byId.get('1361101')!.signature).toBe("Rick's Reel-to-Reel Repair");
  });
});

describe('Flat page 2 of 4 (comments-flat.html)', () => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFile('comments-flat.html');
  }, SLOW);

  it('reads the discussion without a story block', () => {
    expect(r.page.threadKey).toBe('soylentnews:62010');
    expect(r.page.title).toBe('Ask Soylent: What Is Your Backup Strategy in 2024?');
    expect(r.page.submitter).toBeNull();
    expect(r.page.declaredCount).toBe(31); // the whole discussion; this page shows 8
  });

  it('recovers parents from the "Parent" links when nothing is nested', () => {
    for (const c of r.page.comments) expect(r.doc.getElementById(`tree_${c.id}`)!.parentElement!.id).toBe('commentlisting');
    const parents = Object.fromEntries(r.page.comments.map((c) => [c.id, c.parent]));
    expect(parents).toEqual({
      '1370001': null,
      '1370002': '1370001',
      '1370003': null,
      '1370004': '1370001',
      '1370005': '1370003',
      // Its parent (1369990) is on another page of the discussion.
      '1370006': null,
      '1370007': '1370004',
      '1370008': null,
    });
  });

  it('keeps the below-threshold comments of flat mode', () => {
    expect(r.doc.getElementById('comment_below_1370002')).not.toBeNull();
    expect(r.doc.getElementById('comment_below_1370005')).not.toBeNull();
    expect([r.byId.get('1370002')!.score, r.byId.get('1370005')!.score, r.byId.get('1370005')!.reason]).toEqual([0, -1, 'Troll']);
  });
});
