// Extreme threads in real browsers (issue "Reliability and security", item 4): a reply chain
// 500 levels deep and a 50,000-comment discussion, both in classic Slashdot markup from the
// bench's generator, served on 127.0.0.1 to the dev build. Neither may overflow a stack or
// hang the tab: every comment reaches the overlay with the state the rules give it, the tab
// answers while the overlay renders, and collapsing and a threshold change still work.
// No timing is asserted (the bench measures speed); the figures are printed for the record.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { importTs } from '../../scripts/import-ts.mjs';
import { forEachBrowser, test } from './suite.mjs';
import { setViewSize, storageSet } from './browsers.mjs';
import { DEFAULTS, confine, expectedStates, startServer } from './fixtures.mjs';
import { ROOT, clickInPlace, showComment, toggleOf, until, waitForStates } from './page.mjs';

const DEEP = 500;
const HUGE = 50_000;
const STRICT = { full: 3, abbreviated: 1, breakthrough: 5 };

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** Per page: the comments as the rules see them ({ id, parent, score }). */
const pages = {};

before(async () => {
  const { generateDiscussion } = await importTs('bench/generate.ts');
  const extra = {};
  for (const [name, options] of [
    ['deep', { comments: DEEP + 100, seed: 7, chain: DEEP }],
    ['huge', { comments: HUGE, seed: 8 }],
  ]) {
    const g = generateDiscussion(options);
    extra[`/${name}.html`] = g.html;
    pages[name] = g.comments.map((c) => ({ id: c.id, parent: c.parent?.id ?? null, score: c.score }));
  }
  server = await startServer(extra);
}, { timeout: 120_000 });
after(() => server?.close());

/**
 * Opens `name` and waits until the whole page is read and in the overlay (threshold:complete),
 * asking the tab a trivial question every 100 ms meanwhile: a hung tab would never answer (the
 * wait fails), and the slowest answer is reported. The view is tall, so that reading the
 * overlay through (it draws only the rows near the view) takes fewer steps.
 */
async function openAndRender(ctx, name) {
  const page = await ctx.newPage();
  await setViewSize(page, 1280, 4000);
  await confine(page, server.origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Threshold/.test(m.text())) errors.push(m.text());
  });
  const started = Date.now();
  await page.goto(`${server.origin}/${name}.html`, { timeout: 120_000 });
  let slowest = 0;
  await until(
    async () => {
      const t0 = Date.now();
      const done = await page.evaluate(() => performance.getEntriesByName('threshold:complete').length > 0);
      slowest = Math.max(slowest, Date.now() - t0);
      return done;
    },
    { timeout: 180_000, interval: 100 },
  );
  console.log(`# ${name}: ${pages[name].length} comments in the overlay ${Date.now() - started} ms after navigation; slowest answer while reading ${slowest} ms`);
  return { page, errors };
}

forEachBrowser('extreme threads', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  test(`a reply chain ${DEEP} levels deep: every comment shown, flat past the indentation limit, collapsible`, async () => {
    const comments = pages.deep;
    const { page, errors } = await openAndRender(ctx, 'deep');
    const o = await waitForStates(page, expectedStates(comments, DEFAULTS), 60_000);
    const deepest = Math.max(...o.rows.map((r) => r.level));
    assert.equal(deepest, 32, 'indentation stops at 32 levels');
    const last = comments[DEEP - 1];
    assert.ok(await showComment(page, last.id), 'the 500th level is drawn when scrolled to');
    const label = await page.evaluate((r, id) => document.querySelector(`${r} [data-comment-id="${id}"] > .thr-head > .thr-depth`)?.textContent, ROOT, last.id);
    assert.equal(label, '↳ level 500', 'the 500th level says its level');

    // Collapsing the chain's top folds all of it away; expanding brings it back.
    const top = comments[0];
    const toggle = await toggleOf(page, top.id);
    assert.ok(toggle, 'the chain top has a toggle');
    await clickInPlace(page, toggle);
    await waitForStates(page, expectedStates(comments, DEFAULTS, new Set([top.id])), 60_000);
    await clickInPlace(page, await toggleOf(page, top.id));
    await waitForStates(page, expectedStates(comments, DEFAULTS), 60_000);
    assert.deepEqual(errors, []);
  }, 180_000);

  test(`${HUGE.toLocaleString('en')} comments: all in the overlay, and a threshold change reflows every one`, async () => {
    const comments = pages.huge;
    const { page, errors } = await openAndRender(ctx, 'huge');
    await waitForStates(page, expectedStates(comments, DEFAULTS), 240_000);
    await storageSet(ctx.s, 'sync', { thresholds: STRICT });
    const o = await waitForStates(page, expectedStates(comments, STRICT), 240_000);
    assert.equal(o.dupes.length, 0);
    // Every comment accounted for: a row each, or counted by the placeholder standing for it.
    const shown = Object.keys(o.states).length;
    assert.equal(shown + o.placeholders.reduce((a, b) => a + b, 0), HUGE);
    // A link to a comment far down brings the overlay there, drawn. The settings were changed
    // from another tab: this one comes back to the front, where a reader sees it.
    await page.bringToFront();
    const expected = expectedStates(comments, STRICT);
    const tops = comments.filter((c) => c.parent === null && expected.get(c.id) !== 'hidden');
    for (const k of [2, 5, 8]) {
      const id = tops[Math.floor(((tops.length - 1) * k) / 8)].id;
      await page.evaluate((h) => {
        location.hash = h;
      }, id);
      await until(
        () =>
          page.evaluate(
            (r, id) => {
              const el = document.querySelector(`${r} [data-comment-id="${id}"]`);
              const box = el?.getBoundingClientRect();
              return (box && box.top >= -1 && box.top < innerHeight && el.firstElementChild.checkVisibility()) || { ok: false, id, top: box?.top };
            },
            ROOT,
            id,
          ),
        { timeout: 20_000 },
      );
    }
    assert.deepEqual(errors, []);
  }, 420_000);
});
