// (g) The mirror format served on 127.0.0.1 with the dev build: recognized by its markup and
// reflowed. seed.html is the page that started the project (three comments, all at 5, so no
// threshold changes anything there); rich.html, the same format widened by hand, shows a live
// threshold change.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBrowser, test } from './suite.mjs';
import { storageSet } from './browsers.mjs';
import { DEFAULTS, expectedStates, later, localParseUrl, openLocal, parseFixture, startServer, tierCounts } from './fixtures.mjs';
import { ROOT, CONTAINER_HIDDEN, containerState, markContainer, waitForOverlay, waitForStates } from './page.mjs';

const SEED = 'mirror/seed.html';
const RICH = 'mirror/rich.html';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** Parsed while the browsers start. */
const parsed = { [SEED]: later(parseFixture(SEED, localParseUrl(SEED))), [RICH]: later(parseFixture(RICH, localParseUrl(RICH))) };
before(async () => {
  server = await startServer();
});
after(() => server?.close());

/** Thresholds that, on this page, both shorten and hide comments (derived from its scores). */
function reflowingThresholds(comments, name) {
  const candidates = [
    { full: 3, abbreviated: 1, breakthrough: 4 },
    { full: 3, abbreviated: 2, breakthrough: 4 },
    { full: 4, abbreviated: 2, breakthrough: 5 },
    { full: 2, abbreviated: 1, breakthrough: 5 },
  ];
  const t = candidates.find((c) => {
    const n = tierCounts(expectedStates(comments, c));
    return n.hidden > 0 && n.abbreviated > 0;
  });
  assert.ok(t, `${name} has scores spread enough to shorten and hide comments`);
  return t;
}

async function openReflowed(ctx, name, comments) {
  const expected = expectedStates(comments, DEFAULTS);
  const page = await openLocal(ctx, server.url(name));
  await waitForOverlay(page);
  const o = await waitForStates(page, expected);
  const shown = [...expected.values()].filter((s) => s !== 'hidden').length;
  assert.equal(Object.keys(o.states).length, shown, 'every comment the defaults show is in the overlay');
  await markContainer(page);
  assert.deepEqual(await containerState(page), CONTAINER_HIDDEN);
  return page;
}

/** Text of the .thr-body of each comment shown in full (its own, not a reply's). */
function fullBodies(page) {
  return page.evaluate((r) => {
    const out = {};
    for (const el of document.querySelectorAll(`${r} [data-state="full"]`)) {
      const body = [...el.querySelectorAll('.thr-body')].find((b) => b.closest('[data-comment-id]') === el);
      out[el.getAttribute('data-comment-id')] = body ? body.textContent.trim() : null;
    }
    return out;
  }, ROOT);
}

forEachBrowser('mirror page', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  test('seed.html: the mirror page is reflowed, every comment in full with its text', async () => {
    const { comments } = await parsed[SEED];
    assert.ok(comments.length > 0);
    const page = await openReflowed(ctx, SEED, comments);
    const bodies = await fullBodies(page);
    assert.deepEqual(Object.keys(bodies).sort(), comments.map((c) => c.id).sort());
    for (const [id, text] of Object.entries(bodies)) assert.ok(text, `comment ${id} shows its text`);
  });

  test('rich.html: a threshold change reflows the mirror page live', async () => {
    const { comments } = await parsed[RICH];
    const page = await openReflowed(ctx, RICH, comments);
    const t = reflowingThresholds(comments, RICH);
    await storageSet(ctx.s, 'sync', { thresholds: t });
    const o = await waitForStates(page, expectedStates(comments, t));
    assert.ok(o.placeholders.length > 0, 'hidden comments appear as placeholders');
    assert.equal(o.placeholders.reduce((a, b) => a + b, 0), tierCounts(expectedStates(comments, t)).hidden);
  });
});
