// (a) The shipped builds (dist/chrome, dist/firefox: no test-only permissions) on the real site
// addresses. Request interception answers the page's own address with a saved page and aborts
// every other request, so nothing leaves the machine.
import assert from 'node:assert/strict';
import { forEachBrowser, test } from './suite.mjs';
import { DEFAULTS, expectedStates, interceptAs, later, parseFixture } from './fixtures.mjs';
import { ROOT, bodyPlace, clickInPlace, CONTAINER_HIDDEN, containerState, markContainer, stateOf, until, waitForOverlay, waitForStates } from './page.mjs';

const PAGES = [
  {
    name: 'classic Slashdot',
    fixture: 'slashdot/classic-1.html',
    url: 'https://linux.slashdot.org/linux/07/07/06/1333257.shtml',
  },
  {
    name: 'd2 Slashdot',
    fixture: 'slashdot/d2-1.html',
    url: 'https://linux.slashdot.org/linux/08/09/25/2325232.shtml',
  },
  {
    name: 'SoylentNews',
    fixture: 'soylentnews/article-threadtos.html',
    url: 'https://soylentnews.org/article.pl?sid=24/03/15/2132215',
    // Has comments at -1: one-liners under the defaults.
    oneLiners: true,
  },
];

// What the pages hold, read (in Node, by the parse CLI) while the browsers start.
const parsed = PAGES.map((p) => later(parseFixture(p.fixture, p.url)));

forEachBrowser('shipped build on the real site address', { dev: false }, (ctx) => {
  PAGES.forEach((p, i) => {
    test(`${p.name}: the overlay replaces the site's listing`, async () => {
      const { comments } = await parsed[i];
      const expected = expectedStates(comments, DEFAULTS);
      // Under the defaults nothing is hidden, so every comment must be in the overlay.
      assert.ok(comments.length > 0);
      assert.ok(![...expected.values()].includes('hidden'), 'defaults hide nothing');
      const full = comments.find((c) => c.hasBody && expected.get(c.id) === 'full');
      assert.ok(full, `${p.fixture} has a comment shown in full with its body in the page`);
      const reply = comments.find((c) => c.parent !== null && expected.get(c.id) === 'full');

      const page = await ctx.newPage();
      await interceptAs(page, p.url, p.fixture);
      await page.goto(p.url);
      await waitForOverlay(page);

      const overlay = await waitForStates(page, expected);
      assert.equal(overlay.roots, 1, 'one overlay root');
      assert.equal(Object.keys(overlay.states).length, comments.length, 'every parsed comment is in the overlay');

      // The root sits right before the site's listing, which is hidden, not removed.
      await markContainer(page);
      assert.deepEqual(await containerState(page), CONTAINER_HIDDEN);
      const first = comments[0].id;
      assert.ok(
        await page.evaluate(
          (id) => document.querySelector('[data-e2e-container]')?.querySelector(`#tree_${id}, #comment_${id}`) != null,
          first,
        ),
        `the hidden container is the site's listing (it holds comment ${first}'s markup)`,
      );

      // Named comments.
      assert.equal(await stateOf(page, full.id), 'full');
      assert.equal(await bodyPlace(page, full.id), 'overlay', `#comment_body_${full.id} moved into its comment's .thr-body`);
      if (reply) assert.equal(await stateOf(page, reply.id), 'full', `reply ${reply.id} is shown in full`);

      // Every shown comment has its collapse toggle first in its head, open.
      const toggles = await page.evaluate((r) =>
        [...document.querySelectorAll(`${r} [data-comment-id]:not([data-state="hidden"])`)].map((el) => {
          const first = el.querySelector('.thr-head')?.querySelector('button');
          return [el.getAttribute('data-comment-id'), first?.matches('.thr-toggle') ? first.getAttribute('aria-expanded') : null];
        }),
      ROOT);
      assert.deepEqual(toggles.filter(([, expanded]) => expanded !== 'true'), [], 'comments without an open toggle');

      // A one-liner opens to full from its title.
      const low = comments.find((c) => c.hasBody && expected.get(c.id) === 'abbreviated');
      assert.equal(Boolean(low), Boolean(p.oneLiners), 'one-liners with a body on the page');
      if (low) {
        assert.equal(await stateOf(page, low.id), 'abbreviated', `score ${low.score} comment ${low.id} is one line`);
        assert.notEqual(await bodyPlace(page, low.id), 'overlay', 'a one-liner shows no body');
        await clickInPlace(page, await page.$(`${ROOT} [data-comment-id="${low.id}"] .thr-head button.thr-open`));
        await until(async () => (await stateOf(page, low.id)) === 'full', { describe: () => `${low.id} did not open` });
        assert.equal(await bodyPlace(page, low.id), 'overlay', 'opened, it shows its body');
      }
    });
  });
});
