// Reading what Threshold did to a page, through its test hooks (data-threshold-root,
// data-comment-id, data-state, button.thr-toggle...). Polling runs from Node with a fixed
// interval: requestAnimationFrame polling stalls in background tabs.
import assert from 'node:assert/strict';
import { sleep } from './browsers.mjs';

export const ROOT = '[data-threshold-root]';

/** Polls `fn` until it returns a truthy value; throws `describe(last)` on timeout. */
export async function until(fn, { timeout = 10_000, interval = 100, describe = (v) => JSON.stringify(v) } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last && (typeof last !== 'object' || last.ok !== false)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms: ${describe(last)}`);
    await sleep(interval);
  }
}

/** Waits for the overlay to render its comments. */
export async function waitForOverlay(page, timeout = 15_000) {
  await until(() => page.evaluate((r) => document.querySelector(`${r} [data-comment-id]`) !== null, ROOT), {
    timeout,
    describe: () => 'no overlay with comments',
  });
}

/**
 * In the page: the overlay's rows from top to bottom, read by scrolling through it as a reader
 * would (only the rows near the view are drawn; src/overlay/list-view/). Each drawn row is read as it
 * comes: a comment { key: id, state, level } or a placeholder { key: 'ph:' + first id,
 * count, level }. Rows seen twice (a row drawn in two places at once) are listed in `dupes`.
 * The scroll position is put back after.
 * Serialized into the page: must not close over anything.
 */
async function readRowsInPage(r) {
  const root = document.querySelector(r);
  const list = root?.querySelector('.thr-list');
  if (!root || !list) return null;
  const keyOf = (el) => (el.hasAttribute('data-comment-id') ? el.getAttribute('data-comment-id') : `ph:${el.getAttribute('data-placeholder-first')}`);
  // The drawn run of rows: the longest between two spacers (the row holding the focus stays
  // drawn apart from it, between spacers of its own, while the view is far from it).
  const drawn = () => {
    const runs = [[]];
    for (const e of list.children) {
      if (e.classList.contains('thr-spacer')) runs.push([]);
      else runs.at(-1).push(e);
    }
    return runs.reduce((a, b) => (b.length > a.length ? b : a));
  };
  const wait = (ms) => new Promise((res) => setTimeout(res, ms));
  /** Until the drawn rows cover the view (the list view draws a frame after a scroll). */
  const settled = async () => {
    for (let i = 0; i < 200; i++) {
      await wait(i === 0 ? 20 : 10);
      const rows = drawn();
      if (rows.length === 0) continue;
      const top = rows[0].getBoundingClientRect().top;
      const bottom = rows.at(-1).getBoundingClientRect().bottom;
      const first = rows[0].previousElementSibling === list.firstElementChild && parseFloat(list.firstElementChild.style.height || '0') === 0;
      const last = rows.at(-1).nextElementSibling === list.lastElementChild && parseFloat(list.lastElementChild.style.height || '0') === 0;
      if ((top <= 1 || first) && (bottom >= innerHeight - 1 || last)) return;
    }
    throw new Error('the overlay did not draw the rows in view');
  };
  const saved = scrollY;
  const rows = [];
  const seen = new Set();
  const dupes = [];
  window.scrollTo(0, scrollY + list.getBoundingClientRect().top);
  await settled();
  for (let guard = 0; guard < 100_000; guard++) {
    const now = drawn();
    let from = 0;
    if (rows.length > 0) {
      const last = rows.at(-1).key;
      from = now.findIndex((e) => keyOf(e) === last) + 1;
      if (from === 0) throw new Error(`scrolling on, the row after ${last} was not drawn next to it`);
    }
    for (const el of now.slice(from)) {
      const key = keyOf(el);
      if (seen.has(key)) dupes.push(key);
      seen.add(key);
      const level = Number(el.style.getPropertyValue('--thr-level') || 0);
      rows.push(
        el.hasAttribute('data-comment-id')
          ? {
              key,
              state: el.getAttribute('data-state'),
              level,
              hidden: el.hidden || el.getAttribute('aria-hidden') === 'true',
              highlight: el.getAttribute('data-highlight'),
              // The page's own nodes shown as the comment's text (their ids), when shown.
              text: [...(el.querySelector(':scope > .thr-body:not([hidden])')?.children ?? [])].map((n) => n.id),
            }
          : { key, count: Number(el.getAttribute('data-placeholder-count')), level },
      );
    }
    const lastEl = now.at(-1);
    const atEnd = lastEl.nextElementSibling === list.lastElementChild && parseFloat(list.lastElementChild.style.height || '0') === 0;
    if (atEnd && lastEl.getBoundingClientRect().bottom <= innerHeight) break;
    // The last drawn row to the top of the view: the next rows are drawn below it.
    const step = Math.max(1, Math.floor(lastEl.getBoundingClientRect().top));
    window.scrollBy(0, step);
    await settled();
  }
  window.scrollTo(0, saved);
  return { rows, dupes };
}

/**
 * The overlay's comments as a reader scrolling through it finds them: id → data-state, the
 * placeholders' counts in order, the rows in order, plus contract breaches: an id twice, a
 * row for a hidden comment (hidden comments have none: a placeholder stands for them), more
 * than one overlay. The tab is brought to the front first: a background tab does not draw.
 */
export async function readOverlay(page) {
  await page.bringToFront();
  const roots = await page.evaluate((r) => document.querySelectorAll(r).length, ROOT);
  const got = await page.evaluate(readRowsInPage, ROOT);
  if (!got) return { states: {}, dupes: [], badHidden: [], placeholders: [], rows: [], roots };
  const states = {};
  const badHidden = [];
  for (const row of got.rows) {
    if (row.state === undefined) continue;
    states[row.key] = row.state;
    if (row.state === 'hidden' || row.hidden) badHidden.push(row.key);
  }
  const placeholders = got.rows.filter((x) => x.count !== undefined).map((x) => x.count);
  return { states, dupes: got.dupes, badHidden, placeholders, rows: got.rows, roots };
}

/**
 * Brings comment `id`'s row into the middle of the view, scrolling through the overlay from
 * its top until it is drawn. False when no row shows it (a hidden comment has none).
 */
export function showComment(page, id) {
  return showRow(page, `[data-comment-id="${id}"]`);
}

/** Brings the first row matching `selector` into the middle of the view, as showComment. */
export async function showRow(page, selector) {
  await page.bringToFront();
  return page.evaluate(
    async (r, sel) => {
      const list = document.querySelector(r)?.querySelector('.thr-list');
      if (!list) return false;
      const find = () => list.querySelector(`:scope > ${sel}`);
      const wait = (ms) => new Promise((res) => setTimeout(res, ms));
      if (!find()) {
        window.scrollTo(0, scrollY + list.getBoundingClientRect().top);
        await wait(50);
        for (let guard = 0; guard < 100_000 && !find(); guard++) {
          const rows = [...list.children].filter((e) => !e.classList.contains('thr-spacer'));
          const below = parseFloat(list.lastElementChild.style.height || '0');
          if (below === 0 && rows.at(-1)?.getBoundingClientRect().bottom <= innerHeight) break;
          window.scrollBy(0, Math.max(1, Math.floor(rows.at(-1)?.getBoundingClientRect().top ?? innerHeight)));
          await wait(50);
        }
      }
      const el = find();
      if (!el) return false;
      el.scrollIntoView({ block: 'center' });
      await wait(50);
      return find() !== null;
    },
    ROOT,
    selector,
  );
}

/**
 * Differences between the page and the expected states. A hidden comment may be absent from
 * the overlay or present as its empty hidden element; every other one must be there as expected.
 * @param {Record<string, string>} actual @param {Map<string, string>} expected
 */
export function stateDiff(actual, expected) {
  const wrong = [];
  for (const [id, want] of expected) {
    const got = actual[id] ?? 'absent';
    const ok = want === 'hidden' ? got === 'hidden' || got === 'absent' : got === want;
    if (!ok) wrong.push(`${id}: want ${want}, got ${got}`);
  }
  for (const id of Object.keys(actual)) if (!expected.has(id)) wrong.push(`${id}: not a comment of this page`);
  return wrong;
}

/** Waits until every comment shows its expected state; fails with the differences otherwise. */
export async function waitForStates(page, expected, timeout = 10_000) {
  return until(
    async () => {
      const o = await readOverlay(page);
      const wrong = stateDiff(o.states, expected);
      return wrong.length === 0 && o.dupes.length === 0 && o.badHidden.length === 0 && o.roots === 1
        ? o
        : { ok: false, roots: o.roots, dupes: o.dupes, badHidden: o.badHidden, wrong: wrong.slice(0, 12), nWrong: wrong.length };
    },
    { timeout },
  );
}

/**
 * The site's comment container: the element right after the overlay root. Marked with an
 * attribute the test owns, so it can be found again after the overlay is gone.
 */
export async function markContainer(page) {
  const found = await page.evaluate((r) => {
    const c = document.querySelector(r)?.nextElementSibling;
    if (!c) return false;
    c.setAttribute('data-e2e-container', '');
    return true;
  }, ROOT);
  assert.ok(found, 'the overlay root has no next sibling (the site container)');
}

/**
 * Whether the marked container is hidden as content.css does it: `content-visibility: hidden`
 * (Chromium: its layout is kept, nothing in it is rendered) or `display: none` (Firefox),
 * taking no room, with no style attribute of ours. `inSight`: anything inside would be rendered.
 */
export function containerState(page) {
  return page.evaluate(() => {
    const c = document.querySelector('[data-e2e-container]');
    if (!c) return null;
    const cs = getComputedStyle(c);
    return {
      hidden: cs.display === 'none' || cs.contentVisibility === 'hidden',
      height: c.getBoundingClientRect().height,
      inSight: [...c.querySelectorAll('*')].some((e) => e.checkVisibility()),
      style: c.getAttribute('style'),
    };
  });
}

/** The listing as the contract hides it (the fixtures' listings have no style attribute). */
export const CONTAINER_HIDDEN = Object.freeze({ hidden: true, height: 0, inSight: false, style: null });

/**
 * Where a comment's body element (#comment_body_ID) is, its row brought into view first: in the
 * overlay's comment, in the site's container (a comment without a row: hidden), or gone.
 */
export async function bodyPlace(page, id) {
  // Its row brought into view, if it has one: only drawn rows hold their comment's text.
  await showComment(page, id);
  return page.evaluate(
    (r, cid) => {
      const body = document.getElementById(`comment_body_${cid}`);
      if (!body) return 'missing';
      const slot = body.parentElement?.closest('.thr-body');
      const owner = slot?.closest('[data-comment-id]');
      // Kept in its comment's slot out of sight while that comment is not shown whole.
      if (slot && owner?.getAttribute('data-comment-id') === cid && slot.closest(r)) return body.checkVisibility() ? 'overlay' : 'overlay-hidden';
      if (body.closest(r)) return 'overlay-elsewhere';
      if (body.closest('[data-e2e-container]')) return 'container';
      return 'elsewhere';
    },
    ROOT,
    id,
  );
}

/**
 * A comment's own collapse toggle (not one of its replies'): the contract makes it the first
 * button of the comment's .thr-head. Null when the comment shows no toggle.
 */
export async function toggleOf(page, id) {
  await showComment(page, id);
  const handle = await page.evaluateHandle(
    (r, cid) => {
      const el = document.querySelector(`${r} [data-comment-id="${cid}"]`);
      const first = el?.querySelector('.thr-head')?.querySelector('button');
      return first?.matches('.thr-toggle') ? first : null;
    },
    ROOT,
    id,
  );
  const el = handle.asElement();
  if (!el) await handle.dispose();
  return el;
}

export function attr(page, selector, name) {
  return page.evaluate((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
}

/** The state comment `id`'s row shows (brought into view first); null when it has none. */
export async function stateOf(page, id) {
  await showComment(page, id);
  return attr(page, `${ROOT} [data-comment-id="${id}"]`, 'data-state');
}

/**
 * Clicks an element of the overlay the way a reader does: on screen, once it sits still.
 * Rows near the view are drawn (and measured) a frame after scrolling, and the list keeps the
 * row in view in place as they come; puppeteer's own click measures the element right after
 * its scroll, so it can hit where the element was a frame earlier.
 * @param {import('puppeteer-core').Page} page
 * @param {import('puppeteer-core').ElementHandle<Element>} handle
 */
export async function clickInPlace(page, handle) {
  let last = '';
  const { x, y } = await until(
    async () => {
      const box = await handle.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const x = r.x + r.width / 2;
        const y = r.y + r.height / 2;
        const onScreen = y > 0 && y < innerHeight && x > 0 && x < innerWidth;
        if (!onScreen) el.scrollIntoView({ block: 'center' });
        return { x, y, onScreen };
      });
      const now = JSON.stringify(box);
      const still = box.onScreen && now === last;
      last = now;
      return still ? box : null;
    },
    { interval: 100, describe: () => `element never settled on screen (last ${last})` },
  );
  await page.mouse.click(x, y);
}

/**
 * Waits until the overlay accounts for `n` comments as a reader scrolls through it: a row each,
 * or counted by the placeholder standing for them.
 */
export async function waitForComments(page, n, timeout = 30_000) {
  let last = 0;
  await until(
    async () => {
      const o = await readOverlay(page);
      last = Object.keys(o.states).length + o.placeholders.reduce((a, b) => a + b, 0);
      return last === n;
    },
    { timeout, describe: () => `${last} comments in the overlay, not ${n}` },
  );
}
