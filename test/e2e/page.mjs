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
 * The overlay's comments as the page shows them: id → data-state, plus contract breaches
 * (an id twice, a hidden comment that is not a hidden element rendering nothing).
 */
export function readOverlay(page) {
  return page.evaluate((r) => {
    const states = {};
    const dupes = [];
    const badHidden = [];
    let measured = 0;
    for (const el of document.querySelectorAll(`${r} [data-comment-id]`)) {
      const id = el.getAttribute('data-comment-id');
      if (Object.hasOwn(states, id)) dupes.push(id);
      const state = el.getAttribute('data-state');
      // Hidden: the element stays (built once), hidden from assistive technology, and renders
      // nothing: no box at all (Firefox), or one of no height whose contents are skipped
      // (Chromium, overlay.chrome.css). Styles only, but for the height of the first hundred:
      // a geometry read takes milliseconds each on a big page (each brings the whole
      // document's layout and content-visibility up to date).
      const rendersNothing = () => {
        const cs = getComputedStyle(el);
        if (cs.display === 'none') return true;
        return cs.contentVisibility === 'hidden' && (++measured > 100 || el.offsetHeight === 0);
      };
      if (state === 'hidden' && (!el.hidden || el.getAttribute('aria-hidden') !== 'true' || !rendersNothing())) badHidden.push(id);
      states[id] = state;
    }
    const placeholders = [...document.querySelectorAll(`${r} .thr-placeholder`)].map((p) =>
      Number(p.getAttribute('data-placeholder-count') ?? /\d+/.exec(p.textContent ?? '')?.[0] ?? NaN),
    );
    return { states, dupes, badHidden, placeholders, roots: document.querySelectorAll(r).length };
  }, ROOT);
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

/** Where a comment's body element (#comment_body_ID) is: in the overlay's comment, in the site's container, or gone. */
export function bodyPlace(page, id) {
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

export function stateOf(page, id) {
  return attr(page, `${ROOT} [data-comment-id="${id}"]`, 'data-state');
}

/**
 * Clicks an element of the overlay the way a reader does: on screen, once it sits still.
 * Comments off screen skip rendering (content-visibility: auto) and take their real size only
 * when scrolled near, a frame after scrolling; puppeteer's own click measures the element right
 * after its scroll, so it can hit where the element was a frame earlier.
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
 * Waits until `n` comments are in the overlay: it renders the top of the thread at once and
 * the rest in slices.
 */
export async function waitForComments(page, n, timeout = 30_000) {
  await until(() => page.evaluate((r, want) => document.querySelectorAll(`${r} [data-comment-id]`).length === want, ROOT, n), {
    timeout,
    describe: () => `fewer than ${n} comments in the overlay`,
  });
}
