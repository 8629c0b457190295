// The Slashdot adapter on the ten saved pages (test/fixtures/slashdot, see pages.ts for how the
// expected figures were counted from the markup).
import type { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import type { ParsedPage, RawComment } from '../../../src/model/types';
import { slashdot } from '../../../src/sites/slashdot';
import { SLASHDOT_PAGES, loadFixture, readFixture, type SlashdotPage } from '../../fixtures/slashdot/pages';

/** jsdom builds these pages slowly, more so on a busy machine. */
const SLOW = 60_000;

interface Parsed {
  dom: JSDOM;
  doc: Document;
  page: ParsedPage;
  byId: Map<string, RawComment>;
  serializedBefore: string;
}

const cache = new Map<string, Parsed>();

function parseFixture(p: SlashdotPage): Parsed {
  const hit = cache.get(p.file);
  if (hit) return hit;
  const dom = loadFixture(p.file, p.url);
  const serializedBefore = dom.serialize();
  const result = slashdot.parse(dom.window.document, new URL(p.url));
  if (!result.ok) throw new Error(`${p.file}: ${result.reason}`);
  const parsed: Parsed = {
    dom,
    doc: dom.window.document,
    page: result.page,
    byId: new Map(result.page.comments.map((c) => [c.id, c])),
    serializedBefore,
  };
  cache.set(p.file, parsed);
  return parsed;
}

/** Comment ids as the raw markup has them, by plain text search (no DOM, no adapter code). */
function idsInMarkup(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<li id="tree_(\d+)" class="comment/g)) ids.add(m[1]!);
  for (const m of html.matchAll(/<li><a href="[^"]*pid=\d+#(\d+)">/g)) ids.add(m[1]!);
  return ids;
}

describe.each(SLASHDOT_PAGES)('slashdot adapter on $file', (p) => {
  let r: Parsed;
  beforeAll(() => {
    r = parseFixture(p);
  }, SLOW);

  it('reads the story: title, key, submitter, declared count, container', () => {
    expect(r.page.site).toBe('slashdot');
    expect(r.page.title).toBe(p.title);
    expect(r.page.threadKey).toBe(`slashdot:${p.sid}`);
    expect(r.page.submitter).toBe(p.submitter);
    expect(r.page.declaredCount).toBe(p.declared);
    expect(r.page.container).toBe(r.doc.getElementById('commentlisting'));
  });

  it('finds every comment of the markup, in each form', () => {
    const forms = { full: 0, oneline: 0, stub: 0 };
    for (const c of r.page.comments) forms[c.form]++;
    expect(r.page.comments).toHaveLength(p.total);
    expect(forms).toEqual({ full: p.full, oneline: p.oneline, stub: p.stub });
    expect(new Set(r.page.comments.map((c) => c.id))).toEqual(idsInMarkup(readFixture(p.file)));
  });

  it('gives unique ids, and parents that are listed earlier or null', () => {
    const position = new Map<string, number>();
    r.page.comments.forEach((c, i) => {
      expect(position.has(c.id), `duplicate ${c.id}`).toBe(false);
      position.set(c.id, i);
    });
    r.page.comments.forEach((c, i) => {
      expect(c.parent).not.toBeUndefined();
      if (c.parent !== null) {
        expect(position.has(c.parent!), `${c.id}'s parent ${c.parent}`).toBe(true);
        expect(position.get(c.parent!)!).toBeLessThan(i);
      }
    });
  });

  it('builds a tree that keeps every stated parent', () => {
    const d = buildTree(r.page);
    expect(d.all).toHaveLength(p.total);
    for (const c of d.all) expect(c.parent).toBe(r.byId.get(c.id)!.parent);
    expect(d.roots.length).toBe(r.page.comments.filter((c) => c.parent === null).length);
  });

  it("references the page's own body elements and nothing for one-liners and stubs", () => {
    for (const c of r.page.comments) {
      if (c.form === 'full') {
        expect(c.body).toBe(r.doc.getElementById(`comment_body_${c.id}`));
        expect(r.page.container.contains(c.body)).toBe(true);
      } else {
        expect(c.body).toBeNull();
      }
      // None of these pages shows signatures (checked by grep: no comment_sig_ / class="sig").
      expect(c.signature).toBeNull();
      expect(c.signatureEl).toBeNull();
    }
  });

  it('gives absolute links to every comment and to named authors', () => {
    const host = new URL(p.url).host;
    for (const c of r.page.comments) {
      const link = new URL(c.permalink!);
      expect(link.protocol).toBe('https:');
      expect(link.host).toBe(host);
      expect(link.pathname).toBe('/comments.pl');
      expect(link.searchParams.get('cid')).toBe(c.id);
      if (c.authorUrl !== null) expect(c.authorUrl).toMatch(/^https:\/\/slashdot\.org\/~\S+$/);
      if (c.author === 'Anonymous Coward') expect(c.authorUrl).toBeNull();
    }
    const named = r.page.comments.filter((c) => c.form === 'full' && c.author !== 'Anonymous Coward');
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) expect(c.authorUrl).not.toBeNull();
  });

  it('does not change the document', () => {
    expect(r.dom.serialize()).toBe(r.serializedBefore);
  });

  it('matches the recorded model', () => {
    const d = buildTree(r.page);
    const lines = d.all.map((c) => {
      const score = c.score === null ? '?' : String(c.score);
      const reason = c.reason ? `, ${c.reason}` : '';
      const sig = c.signature === null ? '' : ` sig=${JSON.stringify(c.signature)}`;
      return `${'  '.repeat(c.depth)}${c.id} <${c.parent ?? 'top'}> [${c.form}${c.body ? '+body' : ''}] (${score}${reason}) ${c.author} | ${c.title}${sig}`;
    });
    expect(lines).toMatchSnapshot();
  });
});

describe('classic pages', () => {
  const p = SLASHDOT_PAGES.find((x) => x.file === 'classic-1.html')!;
  const get = (id: string) => parseFixture(p).byId.get(id)!;
  beforeAll(() => void parseFixture(p), SLOW);

  it('reads a full comment', () => {
    expect(get('19766655')).toMatchObject({
      parent: null,
      author: 'vigmeister',
      authorUrl: 'https://slashdot.org/~vigmeister',
      score: 5,
      reason: 'Insightful',
      title: 'Enlighten me...',
      timestamp: 'Friday July 06, @08:55AM',
      permalink: 'https://linux.slashdot.org/comments.pl?sid=246319&cid=19766655',
      form: 'full',
    });
    expect(get('19766655').body!.textContent).toMatch(/^How can MS be bound by GPL3/);
  });

  it('keeps the "Read the rest of this comment..." link of a shortened comment with its text', () => {
    const c = get('19769539');
    expect(c.extraEls?.map((e) => e.id)).toEqual(['comment_shrunk_19769539']);
    expect(c.extraEls?.[0]?.textContent).toBe('Read the rest of this comment...');
    expect(get('19766655').extraEls).toBeUndefined();
  });

  it('reads one-liners, their exact parent from the link, and authors with odd names', () => {
    expect(get('19766693')).toMatchObject({
      parent: '19766655',
      author: 'froggero1',
      authorUrl: null,
      score: 1,
      reason: null,
      title: 'Re:Enlighten me...',
      timestamp: 'Friday July 06, @08:58AM',
      permalink: 'https://linux.slashdot.org/comments.pl?sid=246319&cid=19766693',
      form: 'oneline',
      body: null,
    });
    expect(get('19766991')).toMatchObject({ author: 'Anonymous Coward', score: 2, parent: '19766835', title: 'When you buy Vista' });
    expect(get('19767477')).toMatchObject({ author: 'Actually, I do RTFA', score: 2, parent: '19766835' });
  });

  it('takes the parent from the "Parent" link of a full comment, not from the list it sits in', () => {
    // 19769539 sits in commtree_19767393's list (Slashdot flattens low-score replies) but replies to 19767473.
    const doc = parseFixture(p).doc;
    expect(doc.getElementById('tree_19769539')!.parentElement!.id).toBe('commtree_19767393');
    expect(get('19769539')).toMatchObject({ parent: '19767473', author: 'Schraegstrichpunkt', form: 'full' });
    // Same for one-liners: 19767989 is listed under 19767393 too, its link says pid=19767743.
    expect(get('19767989').parent).toBe('19767743');
  });

  it('falls back to the enclosing comment when the stated parent is not on the page', () => {
    // 19773803's link says pid=19771889, a comment below the page threshold; it is listed under 19769009.
    const html = readFixture(p.file);
    expect(html).toContain('pid=19771889#19773803');
    expect(html).not.toMatch(/#19771889"|tree_19771889/);
    expect(get('19773803').parent).toBe('19769009');
  });

  it('does not count "beneath your current threshold" placeholders', () => {
    const doc = parseFixture(p).doc;
    const placeholders = [...doc.querySelectorAll('#commentlisting li')].filter((li) =>
      /beneath your current threshold/.test(li.textContent ?? '') && li.firstElementChild?.tagName === 'B',
    );
    expect(placeholders).toHaveLength(51);
    expect(parseFixture(p).page.comments).toHaveLength(427);
  });

  it('resolves author links against an http page as http', () => {
    const dom = loadFixture(p.file, p.url.replace('https:', 'http:'));
    const result = slashdot.parse(dom.window.document, new URL(p.url.replace('https:', 'http:')));
    expect(result.ok && result.page.comments[0]!.authorUrl).toBe('http://slashdot.org/~vigmeister');
  }, SLOW);
});

describe('d2 pages', () => {
  const d2 = (file: string) => SLASHDOT_PAGES.find((x) => x.file === file)!;
  beforeAll(() => {
    for (const p of SLASHDOT_PAGES) if (p.file.startsWith('d2-')) parseFixture(p);
  }, SLOW);

  it('reads full comments, hidden placeholders as stubs, and their script parents', () => {
    const { byId } = parseFixture(d2('d2-1.html'));
    expect(byId.get('25160063')).toMatchObject({
      parent: null,
      author: 'Anonymous Coward',
      authorUrl: null,
      score: 3,
      reason: 'Insightful',
      title: 'Of course',
      form: 'full',
    });
    expect(byId.get('25160249')).toMatchObject({
      parent: '25160063',
      author: '',
      score: null,
      reason: null,
      title: '',
      timestamp: null,
      body: null,
      form: 'stub',
      permalink: 'https://linux.slashdot.org/comments.pl?sid=976581&cid=25160249',
    });
    expect(byId.get('25160507')).toMatchObject({ parent: '25160249', form: 'stub' });
    expect(byId.get('25161283')).toMatchObject({
      parent: '25160507',
      author: 'countSudoku()',
      authorUrl: 'https://slashdot.org/~countSudoku()',
      score: 5,
      reason: 'Interesting',
      title: 'Re:Or else...',
      form: 'full',
    });
    expect(byId.get('25160217')).toMatchObject({ parent: null, form: 'stub' });
  });

  it('reads d2 one-line comments with their body as full comments', () => {
    const { byId, doc } = parseFixture(d2('d2-2.html'));
    expect(doc.getElementById('comment_25142145')!.className).toBe('oneline');
    expect(byId.get('25142145')).toMatchObject({
      parent: null,
      author: 'Colin Smith',
      authorUrl: 'https://slashdot.org/~Colin+Smith',
      score: 2,
      reason: 'Offtopic',
      title: 'SmallerFasterLighter?',
      timestamp: null,
      form: 'full',
    });
    expect(byId.get('25142299')).toMatchObject({ parent: '25142175', author: 'Anonymous Coward', score: 2, reason: 'Funny', title: 'Re:' });
  });

  it('reads the older `comments = {…}` script', () => {
    const { byId } = parseFixture(d2('d2-3.html'));
    expect(byId.get('25123801')).toMatchObject({ parent: '25123695', form: 'stub', score: null });
    expect(byId.get('25124001')).toMatchObject({ parent: '25123797', title: 'Re:what am I missing here...', form: 'full' });
    expect(byId.get('25128111')).toMatchObject({ parent: '25126211', author: 'c_g_hills', score: 5, reason: 'Informative' });
  });

  it.each(SLASHDOT_PAGES.filter((x) => x.file.startsWith('d2-')))(
    '$file: parents and scores agree with the script text',
    (p) => {
      // The script, read with a regular expression here (not the adapter's reader).
      const html = readFixture(p.file);
      const entries = [...html.matchAll(/(\d+): \{ uid: \w+, pid: (\d+),(?: subject: "(?:[^"\\]|\\.)*",)? read: \d+, points: (-?\d+)/g)];
      expect(entries).toHaveLength(p.total);
      const { byId } = parseFixture(p);
      for (const [, id, pid, points] of entries) {
        const c = byId.get(id!)!;
        expect(c.parent).toBe(pid === '0' ? null : pid);
        expect(c.score).toBe(points === '-2' ? null : Number(points));
      }
    },
  );
});
