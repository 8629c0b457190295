// In-page behaviour of the overlay on a real Slashdot page. Dev build, page served on 127.0.0.1.
// (b) collapsing a subthread with the mouse and the keyboard, and the collapse surviving a
//     reload (storage.local `thread:<key>`);
// (f) highlighting a user: writing highlightUsers (storage.sync, as the options page does)
//     marks that author's comments with data-highlight~="user", live.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachBrowser, test } from './suite.mjs';
import { storageGet, storageSet } from './browsers.mjs';
import {
  DEFAULTS,
  descendantsOf,
  expectedStates,
  later,
  localParseUrl,
  openLocal,
  parseFixture,
  startServer,
  treeOf,
} from './fixtures.mjs';
import { ROOT, attr, clickInPlace, readOverlay, showComment, toggleOf, until, waitForOverlay, waitForStates } from './page.mjs';

const FIXTURE = 'slashdot/classic-2.html';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** Parsed while the browsers start. */
const parsed = later(parseFixture(FIXTURE, localParseUrl(FIXTURE)));
before(async () => {
  server = await startServer();
});
after(() => server?.close());

/**
 * The subthread to collapse: the one with the most replies among those where no reply
 * breaks through (score >= breakthrough shows even inside a collapsed subthread), so that
 * collapsing must hide every reply.
 */
function pickSubthread(comments) {
  let best = null;
  for (const c of comments) {
    const below = descendantsOf(comments, c.id);
    if (below.length < 2 || below.some((d) => d.score !== null && d.score >= DEFAULTS.breakthrough)) continue;
    if (!best || below.length > best.below.length) best = { c, below };
  }
  assert.ok(best, `${FIXTURE} has a subthread with replies and no breakthrough below it`);
  return best;
}

async function openPage(ctx) {
  const page = await openLocal(ctx, server.url(FIXTURE));
  await waitForOverlay(page);
  await page.bringToFront();
  return page;
}

async function toggle(page, id) {
  const t = await toggleOf(page, id);
  assert.ok(t, `comment ${id} has a collapse toggle as the first button of its .thr-head`);
  return t;
}

/** The aria-expanded of a comment's own toggle. */
async function expandedOf(page, id) {
  return (await toggle(page, id)).evaluate((b) => b.getAttribute('aria-expanded'));
}

/** The replies in `below` the overlay shows (present, and not an empty hidden element). */
async function repliesShown(page, below) {
  const { states } = await readOverlay(page);
  return below.filter((d) => states[d.id] !== undefined && states[d.id] !== 'hidden').map((d) => d.id);
}

/** The named author with the most comments on the page (not the anonymous one). */
function busiestAuthor(comments) {
  const n = new Map();
  for (const c of comments) {
    if (!c.author || /^anonymous coward$/i.test(c.author.trim())) continue;
    n.set(c.author, (n.get(c.author) ?? 0) + 1);
  }
  const [author, count] = [...n].sort((a, b) => b[1] - a[1])[0] ?? [];
  assert.ok(author, `${FIXTURE} has comments by named authors (the parse CLI must give authors)`);
  return { author, count };
}

/** Ids of the overlay's comments whose data-highlight lists `reason` (every row, scrolled through). */
async function highlighted(page, reason) {
  const { rows } = await readOverlay(page);
  return rows
    .filter((r) => (r.highlight ?? '').split(/\s+/).includes(reason))
    .map((r) => r.key)
    .sort();
}

/**
 * Puts comment `id`'s row where the overlay anchors a change: the first row reaching into the
 * view, its top 2 px above the view's. Returns that top once the rows drawn around it have
 * settled (two frames alike).
 */
async function anchorAtTop(page, id) {
  assert.ok(await showComment(page, id), `comment ${id} is drawn`);
  await page.evaluate((r, id) => {
    document.querySelector(`${r} [data-comment-id="${id}"]`).scrollIntoView({ block: 'start' });
    window.scrollBy(0, 2);
  }, ROOT, id);
  return settledTop(page, id);
}

/** The top of comment `id`'s row in the view once it has stopped moving (two frames alike). */
async function settledTop(page, id) {
  // A background tab draws no frames (the settings are written from another tab).
  await page.bringToFront();
  return page.evaluate(async (r, id) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    let last = NaN;
    for (let i = 0; i < 50; i++) {
      await frame();
      const top = document.querySelector(`${r} [data-comment-id="${id}"]`)?.getBoundingClientRect().top ?? null;
      if (top === last) return top;
      last = top;
    }
    return last;
  }, ROOT, id);
}

forEachBrowser('overlay', { dev: true, launcherUrl: () => server.launcherUrl }, (ctx) => {
  test('the comment the reader is looking at stays in place through a threshold change and a collapse', async () => {
    const { comments } = await parsed;
    const stricter = { full: 3, abbreviated: 1, breakthrough: DEFAULTS.breakthrough };
    const open = expectedStates(comments, DEFAULTS);
    const strict = expectedStates(comments, stricter);
    // Shown whole either way, far enough down for rows above it to be drawn and to change.
    const { order } = treeOf(comments);
    const from = Math.floor(order.length / 3);
    const c = order.slice(from).find((x, i) => open.get(x.id) === 'full' && strict.get(x.id) === 'full' && x.hasBody &&
      order.slice(from + i - 8, from + i).some((y) => open.get(y.id) !== strict.get(y.id)));
    assert.ok(c, `${FIXTURE} has a comment shown whole at both thresholds, after comments that change`);

    const page = await openPage(ctx);
    // A ResizeObserver callback that leaves work for the next frame is reported as an error.
    await page.evaluate(() => {
      window.__e2eErrors = [];
      addEventListener('error', (e) => window.__e2eErrors.push(String(e.message)));
    });
    await waitForStates(page, open);
    const top = await anchorAtTop(page, c.id);
    assert.ok(top !== null && Math.abs(top + 2) <= 1, `comment ${c.id} at the top of the view (${top})`);

    await storageSet(ctx.s, 'sync', { thresholds: stricter });
    // The rows drawn show the new thresholds (the overlay changes them in one task).
    const want = Object.fromEntries(strict);
    await until(() =>
      page.evaluate((r, want) => [...document.querySelectorAll(`${r} [data-comment-id]`)].every((el) => el.dataset.state === want[el.dataset.commentId]), ROOT, want),
    );
    const afterChange = await settledTop(page, c.id);
    assert.ok(Math.abs(afterChange - top) <= 1, `after the threshold change, comment ${c.id} is at ${afterChange} px, not ${top}`);

    await page.evaluate((r, id) => document.querySelector(`${r} [data-comment-id="${id}"] > .thr-head > .thr-toggle`).click(), ROOT, c.id);
    // Read where it is (stateOf would scroll it to the middle).
    assert.equal(await attr(page, `${ROOT} [data-comment-id="${c.id}"]`, 'data-state'), 'collapsed');
    const afterCollapse = await settledTop(page, c.id);
    assert.ok(Math.abs(afterCollapse - top) <= 1, `after collapsing it, comment ${c.id} is at ${afterCollapse} px, not ${top}`);
    assert.deepEqual(await page.evaluate(() => window.__e2eErrors), [], 'no error in the page');
  });


  test('mouse collapses a subthread, Enter and Space toggle it from the keyboard', async () => {
    const { comments } = await parsed;
    const { c, below } = pickSubthread(comments);
    const open = expectedStates(comments, DEFAULTS);
    const folded = expectedStates(comments, DEFAULTS, new Set([c.id]));
    assert.equal(folded.get(c.id), 'collapsed');
    const page = await openPage(ctx);
    await waitForStates(page, open);
    assert.equal(await expandedOf(page, c.id), 'true');
    assert.deepEqual(await repliesShown(page, below), below.map((d) => d.id), 'replies shown before collapsing');

    await clickInPlace(page, await toggle(page, c.id));
    await waitForStates(page, folded);
    assert.equal(await expandedOf(page, c.id), 'false');
    assert.deepEqual(await repliesShown(page, below), [], 'no reply of a collapsed comment is shown');

    // Keyboard: the toggle is a real button, so Enter and Space both work on it.
    for (const [key, want, states] of [
      ['Enter', 'true', open],
      [' ', 'false', folded], // Space
      [' ', 'true', open],
    ]) {
      const t = await toggle(page, c.id);
      await t.focus();
      await page.keyboard.press(key);
      await waitForStates(page, states);
      assert.equal(await expandedOf(page, c.id), want, `aria-expanded after key ${JSON.stringify(key)}`);
      assert.equal(
        await page.evaluate((id) => document.activeElement?.closest('[data-comment-id]')?.getAttribute('data-comment-id'), c.id),
        c.id,
        `focus stays on the toggle after key ${JSON.stringify(key)}`,
      );
    }
    assert.deepEqual(await repliesShown(page, below), below.map((d) => d.id), 'replies shown again');
  });

  test('a collapsed subthread stays collapsed after a reload', async () => {
    const { comments } = await parsed;
    const { c } = pickSubthread(comments);
    const folded = expectedStates(comments, DEFAULTS, new Set([c.id]));
    const page = await openPage(ctx);
    await waitForStates(page, expectedStates(comments, DEFAULTS));
    await clickInPlace(page, await toggle(page, c.id));
    await waitForStates(page, folded);

    // Persisted in storage.local under thread:<threadKey>.
    const saved = await until(
      async () => {
        const all = await storageGet(ctx.s, 'local', null);
        const hits = Object.entries(all).filter(([k, v]) => k.startsWith('thread:') && v?.collapsed?.includes(c.id));
        return hits.length === 1 ? hits[0] : { ok: false, keys: Object.keys(all) };
      },
      { timeout: 5000 },
    );
    assert.ok(Array.isArray(saved[1].collapsed));

    await page.reload();
    await waitForOverlay(page);
    await waitForStates(page, folded);
    assert.equal(await expandedOf(page, c.id), 'false');
  });

  test("a followed author's comments are marked live, and unmarked when unfollowed", async () => {
    const { comments } = await parsed;
    const { author, count } = busiestAuthor(comments);
    const theirs = comments.filter((c) => c.author?.trim().toLowerCase() === author.trim().toLowerCase()).map((c) => c.id).sort();
    assert.equal(theirs.length, count);

    const page = await openPage(ctx);
    await page.evaluate(() => {
      window.__e2eNoReload = 'still here';
    });
    assert.deepEqual(await highlighted(page, 'user'), [], 'nobody is followed on a fresh install');

    const wait = (want) =>
      until(async () => {
        const got = await highlighted(page, 'user');
        return JSON.stringify(got) === JSON.stringify(want) ? got : { ok: false, got: got.length, want: want.length };
      });

    await storageSet(ctx.s, 'sync', { highlightUsers: [author] });
    await wait(theirs);
    // Names match case-insensitively.
    await storageSet(ctx.s, 'sync', { highlightUsers: [`  ${author.toUpperCase()} `] });
    await wait(theirs);
    await storageSet(ctx.s, 'sync', { highlightUsers: [] });
    await wait([]);
    assert.equal(await page.evaluate(() => window.__e2eNoReload), 'still here', 'the page was not reloaded');
  });
});
