// The popup about a tab (popup.html?tab=ID). Dev build, pages served on 127.0.0.1.
// (c) chart and counts match the page; sliders reflow it live (no reload) and update the counts;
// (d) on a page Threshold does not recognize, the page is untouched and the popup says so;
// (e) the site switch takes the overlay off (the site's listing comes back with its comment
//     bodies) and puts it back.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBrowser, test } from './suite.mjs';
import { openPopup, sleep, storageGet, tabIdOf } from './browsers.mjs';
import { DEFAULTS, descendantsOf, expectedStates, later, localParseUrl, openLocal, parseFixture, startServer, tierCounts } from './fixtures.mjs';
import { ROOT, clickInPlace, CONTAINER_HIDDEN, containerState, markContainer, readOverlay, showRow, until, waitForOverlay, waitForStates } from './page.mjs';
import { clickSiteSwitch, moveSlider, readPopup, switchState } from './popup.mjs';

// Real Slashdot pages only show scores 1..5 (the rest were below the site's own threshold),
// so there the one-line level goes to 2 to hide something; the SoylentNews page has -1..5.
const SLIDER_CASES = [
  {
    fixture: 'slashdot/classic-2.html',
    moves: [['threshold', 3], ['abbreviated', 2]],
    want: { full: 3, abbreviated: 2, breakthrough: 4 },
  },
  {
    fixture: 'soylentnews/article-threadtos.html',
    moves: [['threshold', 3], ['abbreviated', 1]],
    want: { full: 3, abbreviated: 1, breakthrough: 4 },
  },
];
const SWITCH_FIXTURE = 'slashdot/d2-1.html';

// An ordinary page with a list that is not a discussion (nothing Slashdot-like in it).
const PLAIN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Release notes</title></head>
<body>
<h1>Release notes</h1>
<p>Version 2.1 fixes <a href="/bugs/12">bug 12</a> and speeds up start-up.</p>
<ul id="changes"><li class="item">Faster start-up</li><li class="item">Fewer crashes</li></ul>
<div class="comment">Not a comment section, despite the class name.</div>
</body></html>`;

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** Parsed while the browsers start. */
const parsed = Object.fromEntries(
  [...SLIDER_CASES.map((c) => c.fixture), SWITCH_FIXTURE].map((f) => [f, later(parseFixture(f, localParseUrl(f)))]),
);
before(async () => {
  server = await startServer({ '/plain.html': PLAIN });
});
after(() => server?.close());

function histogram(comments) {
  const h = {};
  for (const c of comments) {
    const k = c.score === null ? 'unknown' : String(c.score);
    h[k] = (h[k] ?? 0) + 1;
  }
  return h;
}

forEachBrowser('popup', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  for (const cs of SLIDER_CASES) {
    test(`${cs.fixture}: counts match the page; sliders reflow it live`, async () => {
      const { comments } = await parsed[cs.fixture];
      const before = expectedStates(comments, DEFAULTS);
      const after = expectedStates(comments, cs.want);
      const page = await openLocal(ctx, server.url(cs.fixture));
      await waitForOverlay(page);
      await waitForStates(page, before);
      // A reload would drop this (the page's own realm).
      await page.evaluate(() => {
        window.__e2eNoReload = 'still here';
      });

      const popup = await openPopup(ctx.s, await tabIdOf(ctx.s, page));
      const shown = await until(async () => {
        const p = await readPopup(popup);
        return p.count !== null && p.tiers.full !== null ? p : { ok: false, text: p.text };
      });
      assert.match(shown.count, new RegExp(`\\b${comments.length} comments?\\b`), 'story line gives the comment count');
      assert.deepEqual(shown.tiers, tierCounts(before), 'tier counts under the defaults');
      const hist = histogram(comments);
      for (const [score, n] of Object.entries(shown.chart)) assert.equal(n, hist[score] ?? 0, `chart bar for score ${score}`);
      for (const score of Object.keys(hist)) assert.ok(score in shown.chart, `chart has a bar for score ${score}`);
      assert.deepEqual(shown.sliders, [
        { name: 'threshold', value: DEFAULTS.full, min: -1, max: 5 },
        { name: 'abbreviated', value: DEFAULTS.abbreviated, min: -1, max: 5 },
        { name: 'breakthrough', value: DEFAULTS.breakthrough, min: -1, max: 5 },
      ]);

      for (const [name, value] of cs.moves) await moveSlider(popup, name, value);

      // The page follows live.
      const o = await waitForStates(page, after);
      const counts = tierCounts(after);
      assert.ok(counts.hidden > 0 && counts.abbreviated > 0, 'the new thresholds hide some comments and shorten others');
      assert.ok(o.placeholders.length > 0, 'hidden runs appear as placeholders');
      assert.equal(o.placeholders.reduce((a, b) => a + b, 0), counts.hidden, 'the placeholders account for every hidden comment');
      for (const to of ['abbreviated', 'hidden']) {
        const c = comments.find((x) => before.get(x.id) === 'full' && after.get(x.id) === to);
        assert.ok(c, `some comment goes from full to ${to}`);
        const got = (await readOverlay(page)).states[c.id];
        const ok = to === 'hidden' ? got === undefined || got === 'hidden' : got === to;
        assert.ok(ok, `comment ${c.id} (score ${c.score}) is ${to}, got ${got}`);
      }
      assert.equal(await page.evaluate(() => window.__e2eNoReload), 'still here', 'the page was not reloaded');

      // Stored, and counted by the popup.
      assert.deepEqual((await storageGet(ctx.s, 'sync', ['thresholds'])).thresholds, cs.want);
      await until(async () => {
        const p = await readPopup(popup);
        return JSON.stringify(p.tiers) === JSON.stringify(counts) ? p : { ok: false, tiers: p.tiers, want: counts };
      });
      const p = await readPopup(popup);
      assert.deepEqual(p.sliders.map((s) => s?.value), [cs.want.full, cs.want.abbreviated, cs.want.breakthrough]);

      // The first run of hidden top-level comments has a placeholder at the top level; its
      // "show" reveals them as one-liners.
      const roots = comments.filter((c) => c.parent === null);
      const start = roots.findIndex((c) => after.get(c.id) === 'hidden');
      assert.ok(start >= 0, 'some top-level comment is hidden');
      const run = [];
      for (const c of roots.slice(start)) {
        if (after.get(c.id) !== 'hidden') break;
        run.push(c);
      }
      const runSize = run.reduce((n, c) => n + 1 + descendantsOf(comments, c.id).length, 0);
      const line = `.thr-placeholder[data-placeholder-first="${run[0].id}"]`;
      assert.ok(await showRow(page, line), `a placeholder stands for the run from ${run[0].id}`);
      const placeholder = await page.evaluateHandle((r, sel) => document.querySelector(`${r} ${sel}`), ROOT, line);
      assert.equal(await placeholder.evaluate((ph) => ph.style.getPropertyValue('--thr-level')), '', 'at the top level');
      const text = await placeholder.evaluate((ph) => ph.textContent);
      assert.match(text, new RegExp(`\\b${runSize}\\b`), `the placeholder counts the ${runSize} hidden comments of the run`);
      const show = await placeholder.asElement()?.$('button');
      assert.ok(show, 'the placeholder has a button');
      await page.bringToFront();
      await clickInPlace(page, show);
      await until(async () => {
        const { states } = await readOverlay(page);
        const wrong = run.filter((c) => states[c.id] !== 'abbreviated').map((c) => `${c.id}: ${states[c.id]}`);
        return wrong.length === 0 || { ok: false, wrong };
      });
      // The popup follows what happens on the page too.
      await until(async () => {
        const { tiers } = await readPopup(popup);
        return tiers.hidden <= counts.hidden - run.length && tiers.abbreviated >= counts.abbreviated + run.length
          ? tiers
          : { ok: false, tiers, before: counts, revealed: run.length };
      });
    });
  }

  test('a page it does not recognize: document untouched, popup says so', async () => {
    const page = await openLocal(ctx, `${server.origin}/plain.html`);
    const snapshot = () => page.evaluate(() => document.documentElement.outerHTML);
    const first = await snapshot();

    const popup = await openPopup(ctx.s, await tabIdOf(ctx.s, page));
    // The popup only knows once the content script answered: so it has run by then.
    const { text } = await until(async () => {
      const p = await readPopup(popup);
      return /looking at this tab/i.test(p.text) ? { ok: false, text: p.text } : p;
    });
    assert.match(text, /nothing to reflow|not recogni[sz]e|no discussion|left this page/i, `popup text: ${text}`);
    assert.match(text, /127\.0\.0\.1/, 'names the site');
    assert.doesNotMatch(text, /doesn.t run on/i, 'the content script answered (not the "not running" notice)');
    assert.equal(await popup.evaluate(() => document.querySelectorAll('input[type="range"]').length), 0, 'no sliders');

    await sleep(1000); // anything late (a second pass, a timer) would show up by now
    assert.equal(await page.evaluate((r) => document.querySelectorAll(r).length, ROOT), 0, 'no overlay root');
    const last = await snapshot();
    assert.equal(last, first, 'document unchanged while the popup looked at it');
    // And exactly as the source parses, so nothing was added even before the first snapshot.
    const pristine = await page.evaluate(
      (src) => new DOMParser().parseFromString(src, 'text/html').documentElement.outerHTML,
      PLAIN,
    );
    assert.equal(last, pristine, 'document is exactly what the server sent');
  });

  test('the site switch takes the overlay off and puts it back', async () => {
    const { comments } = await parsed[SWITCH_FIXTURE];
    const expected = expectedStates(comments, DEFAULTS);
    const withBodies = comments.filter((c) => c.hasBody && expected.get(c.id) === 'full');
    assert.ok(withBodies.length > 0, `${SWITCH_FIXTURE} has comments shown in full with their bodies`);
    const page = await openLocal(ctx, server.url(SWITCH_FIXTURE));
    const bodiesAre = async (where) => {
      if (where !== 'overlay') {
        // No overlay: every body where the site had it, read at once.
        const places = await page.evaluate(
          (ids) => ids.map((id) => (document.getElementById(`comment_body_${id}`)?.closest('[data-e2e-container]') ? 'container' : 'elsewhere')),
          withBodies.map((c) => c.id),
        );
        assert.deepEqual(places, withBodies.map(() => where));
        return;
      }
      // Each in its comment's row as the reader scrolls to it (one pass through the overlay).
      const rows = new Map((await readOverlay(page)).rows.map((r) => [r.key, r]));
      for (const c of withBodies) assert.ok(rows.get(c.id)?.text?.includes(`comment_body_${c.id}`), `body of ${c.id} in its row`);
    };
    await waitForOverlay(page);
    await waitForStates(page, expected);
    await markContainer(page);
    assert.deepEqual(await containerState(page), CONTAINER_HIDDEN);
    await bodiesAre('overlay');

    const popup = await openPopup(ctx.s, await tabIdOf(ctx.s, page));
    const on = await until(async () => {
      const s = await switchState(popup);
      return s && !s.disabled ? s : { ok: false, s };
    });
    assert.deepEqual(on, { checked: true, disabled: false, role: 'switch' });

    // Off: the page as the site rendered it.
    await clickSiteSwitch(popup);
    await until(async () => (await switchState(popup))?.checked === false);
    await until(() => page.evaluate((r) => document.querySelector(r) === null, ROOT), {
      describe: () => 'overlay root still there',
    });
    const visible = await containerState(page);
    assert.equal(visible?.hidden, false, 'the site listing is visible again');
    assert.ok(visible?.inSight && visible.height > 0, 'its comments are rendered again');
    assert.equal(visible?.style, null, 'no style attribute appeared on it');
    assert.equal(await page.evaluate(() => document.querySelector('[data-e2e-container]').hasAttribute('data-threshold-listing')), false, 'our mark is gone');
    const leftovers = await page.evaluate(
      () => document.querySelectorAll('[data-comment-id], .thr-comment, .thr-placeholder').length,
    );
    assert.equal(leftovers, 0, 'nothing of the overlay is left');
    await bodiesAre('container');
    assert.deepEqual((await storageGet(ctx.s, 'sync', ['disabledHosts'])).disabledHosts, ['127.0.0.1']);

    // On again.
    await clickSiteSwitch(popup);
    await until(async () => (await switchState(popup))?.checked === true);
    await waitForOverlay(page);
    await waitForStates(page, expected);
    const samePlace = await page.evaluate(
      (r) => document.querySelector(r)?.nextElementSibling?.hasAttribute('data-e2e-container'),
      ROOT,
    );
    assert.equal(samePlace, true, 'the overlay root is back right before the same listing');
    assert.deepEqual(await containerState(page), CONTAINER_HIDDEN);
    await bodiesAre('overlay');
    assert.deepEqual((await storageGet(ctx.s, 'sync', ['disabledHosts'])).disabledHosts ?? [], []);
  });
});
