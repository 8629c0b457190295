// Find in comments (src/find) in real browsers: the overlay draws only the rows near the view,
// so Ctrl+F over it opens Threshold's find box (find.js, added by the background on the first
// press), which searches the whole discussion and brings the match's row in. Dev build, a
// generated 2,000-comment page (bench/generate.ts) served on 127.0.0.1, with a made-up word
// written into a few comments far down, where no row is drawn at first; the count expected is
// computed from the generated comments and the documented rules (fixtures.mjs expectedStates).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { importTs } from '../../scripts/import-ts.mjs';
import { forEachBrowser, test } from './suite.mjs';
import { storageSet } from './browsers.mjs';
import { confine, expectedStates, startServer, treeOf } from './fixtures.mjs';
import { ROOT, until, waitForOverlay } from './page.mjs';

const COMMENTS = 2000;
/** Strict enough that some comments are hidden and some one-liners: each case searched differently. */
const STRICT = { full: 3, abbreviated: 1, breakthrough: 5 };
const WORD = 'Quokkaphobia';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** The comments the word was written into that the box must find, in document order: { id, where }. */
let found;

before(async () => {
  const { generateDiscussion, isFull } = await importTs('bench/generate.ts');
  const g = generateDiscussion({ comments: COMMENTS, seed: 21 });
  assert.ok(!g.html.toLowerCase().includes(WORD.toLowerCase()), 'the word is made up');
  const comments = g.comments.map((c) => ({ id: c.id, parent: c.parent?.id ?? null, score: c.score }));
  const states = expectedStates(comments, STRICT);
  const byId = new Map(g.comments.map((c) => [c.id, c]));
  const { order } = treeOf(comments);
  // The last quarter of the page: far below the rows drawn at first.
  const far = order.slice(Math.floor(order.length * 0.75)).map((c) => ({ c: byId.get(c.id), state: states.get(c.id) }));
  const taken = [];
  const pick = (ok) => {
    const hit = far.find((x) => ok(x) && !taken.includes(x));
    assert.ok(hit, 'the generated page has such a comment far down');
    taken.push(hit);
    return hit;
  };
  const cases = [
    // Searched: a one-liner's title (its text is not on the page), a whole comment's text and title.
    { where: 'title', x: pick((x) => !isFull(x.c) && x.state === 'abbreviated'), counts: true },
    { where: 'text', x: pick((x) => isFull(x.c) && x.state === 'full'), counts: true },
    { where: 'title', x: pick((x) => isFull(x.c) && x.state === 'full'), counts: true },
    // Not searched: hidden comments, title or text.
    { where: 'title', x: pick((x) => x.state === 'hidden'), counts: false },
    { where: 'text', x: pick((x) => isFull(x.c) && x.state === 'hidden'), counts: false },
  ];
  let html = g.html;
  for (const k of cases) {
    const id = k.x.c.id;
    // Before the title (full comments' <a name>, one-liners' link to #id) or the body's text.
    const at = k.where === 'text' ? `id="comment_body_${id}">` : isFull(k.x.c) ? `<a name="${id}">` : `#${id}">`;
    assert.equal(html.split(at).length, 2, `one place for ${at}`);
    html = html.replace(at, `${at}${WORD} `);
  }
  const index = new Map(order.map((c, i) => [c.id, i]));
  found = cases
    .filter((k) => k.counts)
    .map((k) => ({ id: k.x.c.id, where: k.where }))
    .sort((a, b) => index.get(a.id) - index.get(b.id) || (a.where === 'title' ? -1 : 1));
  server = await startServer({ '/find.html': html });
}, { timeout: 60_000 });
after(() => server?.close());

/** What the page shows of the find box and the marks (CSS.highlights is the document's, shared by every world). */
function findState(page) {
  return page.evaluate((r) => {
    const box = document.querySelector(`${r} .thr-find`);
    const ranges = (name) => [...(CSS.highlights.get(name) ?? [])].map((range) => ({
      text: range.toString(),
      id: range.startContainer.parentElement.closest('[data-comment-id]')?.getAttribute('data-comment-id') ?? null,
    }));
    return {
      open: box !== null,
      afterSummary: box?.previousElementSibling === document.querySelector(r).firstElementChild,
      sticky: box ? getComputedStyle(box).position : null,
      focused: document.activeElement?.matches('.thr-find input') ?? false,
      focusedComment: document.activeElement?.getAttribute('data-comment-id') ?? null,
      count: box?.querySelector('.thr-find-count')?.textContent ?? null,
      current: ranges('threshold-find-current'),
      all: ranges('threshold-find'),
      highlights: CSS.highlights.size,
    };
  }, ROOT);
}

/**
 * The current match's paint from the ::highlight() rules: on the matched word's element, on the
 * page outside the overlay (they must style nothing there), and that element's own background
 * (what a browser that does not report highlight styles returns instead).
 */
function markPaint(page) {
  return page.evaluate(() => {
    const el = [...(CSS.highlights.get('threshold-find-current') ?? [])][0]?.startContainer.parentElement;
    const mark = (e) => getComputedStyle(e, '::highlight(threshold-find-current)').backgroundColor;
    return el ? { inside: mark(el), outside: mark(document.body), own: getComputedStyle(el).backgroundColor } : null;
  });
}

/** Whether comment `id`'s row is drawn and on screen, below the find box. */
function rowOnScreen(page, id) {
  return page.evaluate(
    (r, cid) => {
      const row = document.querySelector(`${r} .thr-list > [data-comment-id="${cid}"]`);
      if (!row) return { drawn: false };
      const box = document.querySelector(`${r} .thr-find`)?.getBoundingClientRect().bottom ?? 0;
      const { top, bottom } = row.getBoundingClientRect();
      return { drawn: true, onScreen: bottom > box && top < innerHeight, top, bottom, box };
    },
    ROOT,
    id,
  );
}

async function ctrlF(page) {
  await page.keyboard.down('Control');
  await page.keyboard.press('f');
  await page.keyboard.up('Control');
}

forEachBrowser('find in comments', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  test('Ctrl+F opens the find box; it finds words in comments not drawn, brings them in and marks them; Escape closes it', async (t) => {
    // Set before the page opens: writing from the extension's page puts the tab in the background.
    await storageSet(ctx.s, 'sync', { thresholds: STRICT });
    const page = await ctx.newPage();
    await confine(page, server.origin);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (/Threshold/.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${server.origin}/find.html`);
    await page.bringToFront();
    await waitForOverlay(page);
    // The whole page read (a big page shows its first threads first).
    await until(() => page.evaluate((r, n) => document.querySelector(`${r} .thr-summary`)?.textContent.includes(`${n} comments`), ROOT, COMMENTS), {
      timeout: 30_000,
    });
    for (const { id } of found) assert.deepEqual(await rowOnScreen(page, id), { drawn: false }, `comment ${id} is not drawn at first`);

    // What the page sees of Ctrl+F: prevented over the overlay, left alone inside the box.
    await page.evaluate(() => {
      window.ctrlF = [];
      window.addEventListener('keydown', (e) => {
        if (e.ctrlKey && e.key.toLowerCase() === 'f') window.ctrlF.push({ prevented: e.defaultPrevented, inBox: Boolean(e.target.closest?.('.thr-find')) });
      });
      document.activeElement?.blur();
    });
    await ctrlF(page);
    const opened = await until(async () => {
      const s = await findState(page);
      return s.open && s.focused ? s : { ok: false, ...s };
    });
    assert.equal(opened.afterSummary, true, 'the box is right after the summary line');
    assert.equal(opened.sticky, 'sticky');
    assert.equal(opened.count, '');
    assert.deepEqual(await page.evaluate(() => window.ctrlF), [{ prevented: true, inBox: false }]);

    // Typed in lower case: found in any case. The match's row is drawn, brought on screen and
    // its word marked as the current match.
    await page.keyboard.type(WORD.toLowerCase());
    const n = found.length;
    const at = (k) =>
      until(async () => {
        const s = await findState(page);
        const row = await rowOnScreen(page, found[k].id);
        const ok = s.count === `${k + 1} of ${n}` && row.onScreen && s.current.length === 1 && s.current[0].id === found[k].id;
        return ok ? { ...s, row } : { ok: false, ...s, row };
      });
    const first = await at(0);
    assert.deepEqual(first.current, [{ text: WORD, id: found[0].id }]);
    assert.equal(first.focused, true, 'the input keeps the focus');
    const paint = await markPaint(page);
    if (paint?.inside === paint?.own) t.diagnostic(`${ctx.s.kind}: getComputedStyle does not report ::highlight() styles here (${JSON.stringify(paint)})`);
    else assert.deepEqual(paint, { inside: 'rgb(245, 138, 0)', outside: 'rgba(0, 0, 0, 0)', own: paint.own }, 'the mark is painted in the overlay, and nowhere else');

    // Enter: the next one, brought in, marked as current; the other matches drawn are marked too.
    await page.keyboard.press('Enter');
    const second = await at(1);
    assert.deepEqual(second.current, [{ text: WORD, id: found[1].id }]);
    assert.equal(second.focused, true);
    assert.ok(second.all.every((m) => m.text === WORD && found.some((f) => f.id === m.id && f.id !== found[1].id)), JSON.stringify(second.all));
    assert.equal(second.highlights, 2);

    // Escape: the box and the marks go; focus is on the comment gone to.
    await page.keyboard.press('Escape');
    const closed = await until(async () => {
      const s = await findState(page);
      return !s.open ? s : { ok: false, ...s };
    });
    assert.equal(closed.highlights, 0);
    assert.equal(closed.focusedComment, found[1].id);

    // Again (the script is there now): the box comes back with the last query, found again.
    await ctrlF(page);
    await until(async () => {
      const s = await findState(page);
      return s.open && s.focused && /^\d+ of \d+$/.test(s.count ?? '') && s.count.endsWith(`of ${n}`) ? s : { ok: false, ...s };
    });
    // Inside the box, Ctrl+F is the browser's own find: not prevented.
    await ctrlF(page);
    await until(async () => ((await page.evaluate(() => window.ctrlF.length)) === 3 ? true : { ok: false }));
    assert.deepEqual(await page.evaluate(() => window.ctrlF), [
      { prevented: true, inBox: false },
      { prevented: true, inBox: false },
      { prevented: false, inBox: true },
    ]);
    assert.deepEqual(errors, []);
  });
});
