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
import { storageSet } from './browsers.mjs';
import { DEFAULTS, confine, expectedStates, startServer } from './fixtures.mjs';
import { ROOT, clickInPlace, readOverlay, until, waitForStates } from './page.mjs';

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
 * Opens `name` and waits until every comment is in the overlay, asking the tab a trivial
 * question every 100 ms meanwhile: a hung tab would never answer (the wait fails), and the
 * slowest answer is reported.
 */
async function openAndRender(ctx, name) {
  const page = await ctx.newPage();
  await confine(page, server.origin);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (/Threshold/.test(m.text())) errors.push(m.text());
  });
  const started = Date.now();
  await page.goto(`${server.origin}/${name}.html`, { timeout: 120_000 });
  let slowest = 0;
  const total = pages[name].length;
  await until(
    async () => {
      const t0 = Date.now();
      const n = await page.evaluate((r) => document.querySelectorAll(`${r} [data-comment-id]`).length, ROOT);
      slowest = Math.max(slowest, Date.now() - t0);
      return n === total || { ok: false, n };
    },
    { timeout: 180_000, interval: 100 },
  );
  console.log(`# ${name}: ${total} comments in the overlay ${Date.now() - started} ms after navigation; slowest answer while rendering ${slowest} ms`);
  return { page, errors };
}

forEachBrowser('extreme threads', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  test(`a reply chain ${DEEP} levels deep: every comment shown, flat past the indentation limit, collapsible`, async () => {
    const comments = pages.deep;
    const { page, errors } = await openAndRender(ctx, 'deep');
    await waitForStates(page, expectedStates(comments, DEFAULTS), 30_000);
    const shape = await page.evaluate((r) => {
      const arts = [...document.querySelectorAll(`${r} [data-comment-id]`)];
      let deepest = 0;
      for (const a of arts) {
        let n = 0;
        for (let p = a.parentElement; p; p = p.parentElement) if (p.classList.contains('thr-children')) n++;
        deepest = Math.max(deepest, n);
      }
      const last = arts.find((a) => a.querySelector(':scope > .thr-head > .thr-depth')?.textContent === '↳ level 500');
      return { deepest, lastLevel: Boolean(last) };
    }, ROOT);
    assert.ok(shape.deepest <= 32, `nesting in the overlay stops at 32 levels (found ${shape.deepest})`);
    assert.ok(shape.lastLevel, 'the 500th level is shown, saying its level');

    // Collapsing the chain's top folds all of it away; expanding brings it back.
    const top = comments[0];
    const toggle = await page.$(`${ROOT} [data-comment-id="${top.id}"] > .thr-head > .thr-toggle`);
    assert.ok(toggle, 'the chain top has a toggle');
    await clickInPlace(page, toggle);
    await waitForStates(page, expectedStates(comments, DEFAULTS, new Set([top.id])), 30_000);
    await clickInPlace(page, toggle);
    await waitForStates(page, expectedStates(comments, DEFAULTS), 30_000);
    assert.deepEqual(errors, []);
  }, 180_000);

  test(`${HUGE.toLocaleString('en')} comments: all in the overlay, and a threshold change reflows every one`, async () => {
    const comments = pages.huge;
    const { page, errors } = await openAndRender(ctx, 'huge');
    await waitForStates(page, expectedStates(comments, DEFAULTS), 60_000);
    await storageSet(ctx.s, 'sync', { thresholds: STRICT });
    const o = await waitForStates(page, expectedStates(comments, STRICT), 60_000);
    assert.equal(o.dupes.length, 0);
    const overlay = await readOverlay(page);
    assert.equal(Object.keys(overlay.states).length, HUGE);
    // And the browser draws them: threads far down, scrolled to, have their contents rendered
    // (content-visibility: auto), not left blank. The settings were changed from another tab:
    // this one comes back to the front, where a reader sees it (a background tab is not drawn).
    await page.bringToFront();
    const expected = expectedStates(comments, STRICT);
    const tops = comments.filter((c) => c.parent === null && expected.get(c.id) !== 'hidden');
    for (const k of [2, 5, 8]) {
      const id = tops[Math.floor(((tops.length - 1) * k) / 8)].id;
      await until(
        () =>
          page.evaluate(
            (r, id) => {
              const el = document.querySelector(`${r} [data-comment-id="${id}"]`);
              el.scrollIntoView();
              return el.firstElementChild.checkVisibility({ contentVisibilityAuto: true }) || { ok: false, id };
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
