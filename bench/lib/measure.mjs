// One round of measurements on one page load. Times are ms on the page's performance clock
// (0 = navigation start) unless named otherwise.
import { newMeasuredPage } from './browsers.mjs';

const LOAD_TIMEOUT = 180_000;

/** Main-thread totals from CDP Performance.getMetrics (seconds → ms). */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

/**
 * JS heap after a full collection, from CDP Runtime.getHeapUsage on the page target: it covers
 * the whole V8 isolate of the tab's renderer, i.e. the page's main world and the content
 * script's isolated world together (performance.memory reports the same isolate, but rounded
 * unless Chromium runs with --enable-precise-memory-info). `embedder` is Blink's own heap (DOM
 * nodes), which the overlay's elements land in.
 */
async function heap(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return { js: u.usedSize, embedder: u.embedderHeapUsedSize ?? 0, backing: u.backingStorageSize ?? 0 };
}

function navTiming() {
  const [nav] = performance.getEntriesByType('navigation');
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('threshold:')) marks[m.name.slice(10)] = m.startTime;
  return { loadEventEnd: nav.loadEventEnd, domContentLoaded: nav.domContentLoadedEventEnd, responseEnd: nav.responseEnd, marks };
}

/** Page load without the extension: the floor. */
export async function measurePlainLoad(browser, url) {
  const { page, cdp, cpu } = await newMeasuredPage(browser);
  try {
    const before = await metrics(cdp);
    const cpuBefore = await metrics(cpu);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    // The same wait as with the extension: until the DOM has been quiet (here it always is).
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const nav = await page.evaluate(navTiming);
    const after = await metrics(cdp);
    const result = { nav, work: diff(after, before), cpu: diff(await metrics(cpu), cpuBefore), heap: await heap(cdp) };
    return { ...result, smallChanges: await pageSmallChanges(page, SMALL_CHANGES) };
  } finally {
    await page.close();
  }
}

function diff(a, b) {
  // A renderer swap on navigation restarts the counters; then `a` alone is the page's.
  if (a.task < b.task) return a;
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));
}

/**
 * Page load with the extension, then threshold changes and collapse/expand on the same page.
 * @param {{ settings: { setThresholds(t: object): Promise<void> }, changes: object[], toggles: number }} plan
 */
export async function measureExtensionRound(browser, url, plan) {
  const { page, cdp, cpu } = await newMeasuredPage(browser);
  try {
    const before = await metrics(cdp);
    const cpuBefore = await metrics(cpu);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await page.bringToFront();
    await page.waitForFunction(() => performance.getEntriesByName('threshold:ready').length > 0, { timeout: LOAD_TIMEOUT, polling: 50 });
    // A big page is shown from its preview and read on: the DOM can be quiet for a while before
    // the rest of it comes. Every comment is in once threshold:complete is marked.
    await page.waitForFunction(() => performance.getEntriesByName('threshold:complete').length > 0, { timeout: LOAD_TIMEOUT, polling: 50 });
    const initial = await page.evaluate(() => window.__bench.initialSettled());
    const nav = await page.evaluate(navTiming);
    const { longTasks, frames, visibility } = await page.evaluate(() => ({
      longTasks: window.__bench.longTasks,
      frames: window.__bench.frames,
      visibility: document.visibilityState,
    }));
    if (visibility !== 'visible') throw new Error(`measured page is ${visibility}: frames would be throttled`);
    const after = await metrics(cdp);
    const load = { nav, initial, longTasks, frames, work: diff(after, before), cpu: diff(await metrics(cpu), cpuBefore), heap: await heap(cdp) };

    // Main-thread CPU time of one operation, read around it from outside the page.
    const withCpu = async (run) => {
      const c0 = await metrics(cpu);
      const result = await run();
      return { ...result, cpu: diff(await metrics(cpu), c0) };
    };
    const reflows = [];
    for (const thresholds of plan.changes) reflows.push(await withCpu(() => thresholdChange(page, plan.settings, thresholds)));
    // A reader collapses a thread on screen: bring it there first (a link to it, as the page's
    // own links to comments go), and let the browser render it before the clicks.
    const largest = plan.largest;
    await bringToView(page, largest.id);
    const toggles = [];
    for (let i = 0; i < plan.toggles; i++) toggles.push({ ...(await withCpu(() => toggle(page, largest.id))), subtree: largest.size });
    // The same click on a comment without replies: what any collapse costs at this size.
    const single = await onScreenSingle(page, plan.leaves);
    const singles = [];
    for (let i = 0; single !== null && i < SMALL_CHANGES; i++) singles.push(await toggle(page, single));
    const screenful = await screenfulFloor(page, SMALL_CHANGES);
    return { load, reflows, toggles, singles, screenful };
  } finally {
    await page.close();
  }
}

/**
 * The overlay updates synchronously in the task that handles the settings change and makes the
 * threshold:reflow-end mark at its end: the time is to the end of the first frame rendered after
 * that change (probe.mjs renderedAfterMark); afterwards, that nothing changed later.
 */
async function thresholdChange(page, settings, thresholds) {
  const count = await page.evaluate(() => performance.getEntriesByName('threshold:reflow-end').length);
  const rendered = page.evaluate((n) => window.__bench.renderedAfterMark('threshold:reflow-end', n), count);
  await settings.setThresholds(thresholds);
  const renderedAt = await rendered;
  return page.evaluate(async (renderedAt) => {
    const late = await window.__bench.mutationsWithin(300);
    const start = performance.getEntriesByName('threshold:reflow-start').at(-1).startTime;
    const end = performance.getEntriesByName('threshold:reflow-end').at(-1).startTime;
    const states = {};
    for (const el of document.querySelectorAll('[data-threshold-root] [data-comment-id]')) {
      states[el.dataset.state] = (states[el.dataset.state] ?? 0) + 1;
    }
    return { marks: end - start, settled: late === 0 ? renderedAt - start : null, lateMutations: late, states };
  }, renderedAt);
}

/** Small changes timed per page: the browser's cost of any change at that size. */
const SMALL_CHANGES = 6;

/**
 * The page's own small change, without the extension: one comment's text (the site's
 * div#comment_body_ID, on screen) hidden and shown again with an inline style, each timed to
 * the end of the frame rendered after it. What the browser takes for the least change a
 * collapse makes, before any extension's work.
 */
function pageSmallChanges(page, n) {
  return page.evaluate(async (n) => {
    const bodies = [...document.querySelectorAll('[id^="comment_body_"]')];
    const body = bodies[Math.floor(bodies.length / 3)];
    if (!body) return [];
    await window.__bench.bringOnScreen(body, 'center');
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      body.style.display = i % 2 === 0 ? 'none' : '';
      times.push((await window.__bench.nextRendered()) - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    return times;
  }, n);
}

/**
 * The browser's own cost of a screenful of new rows, the floor under any collapse that brings
 * one on screen: copies of the rows drawn now (text included), in a list of their own above the
 * overlay's (same styles, same width), scrolled to the top of the view, are swapped for a second
 * set of copies and back, `n` times, each timed to the end of the frame rendered after it. Only
 * DOM moves in the page's script, none of the extension's: the overlay's own rows are not touched,
 * so nothing of ours runs (its rows keep their sizes, the view does not scroll).
 */
function screenfulFloor(page, n) {
  return page.evaluate(async (n) => {
    const root = document.querySelector('[data-threshold-root]');
    const rows = [...root.querySelectorAll(':scope > .thr-list > .thr-comment, :scope > .thr-list > .thr-placeholder')];
    if (rows.length === 0) return [];
    const copy = document.createElement('div');
    copy.setAttribute('data-threshold-root', '');
    const list = copy.appendChild(document.createElement('div'));
    list.className = 'thr-list';
    const sets = [rows.map((r) => r.cloneNode(true)), rows.map((r) => r.cloneNode(true))];
    list.append(...sets[0]);
    root.before(copy);
    await window.__bench.bringOnScreen(copy);
    const times = [];
    for (let i = 1; i <= n; i++) {
      const t0 = performance.now();
      list.replaceChildren(...sets[i % 2]);
      times.push((await window.__bench.nextRendered()) - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
    copy.remove();
    return times;
  }, n);
}

/**
 * A shown comment with text and no replies (`leaves`: the generated comments without any)
 * among those drawn, a third of the way down, scrolled to the middle of the screen (its id;
 * null if none).
 */
function onScreenSingle(page, leaves) {
  return page.evaluate(async (leaves) => {
    const leaf = new Set(leaves);
    const all = [...document.querySelectorAll('[data-threshold-root] [data-comment-id][data-state="full"]')];
    const el = all.slice(Math.floor(all.length / 3)).find((a) => a.querySelector(':scope > .thr-body') && leaf.has(a.dataset.commentId));
    if (!el) return null;
    await window.__bench.bringOnScreen(el, 'center');
    return el.dataset.commentId;
  }, leaves);
}

/**
 * Brings comment `id` into view as a link to it does (the overlay follows the page's address
 * fragment: only the rows near the view are in the page), then lets the browser render it.
 */
export async function bringToView(page, id) {
  await page.evaluate(async (id) => {
    location.hash = id;
    const deadline = performance.now() + 10_000;
    while (!document.querySelector(`[data-threshold-root] [data-comment-id="${id}"]`)) {
      if (performance.now() > deadline) throw new Error(`comment ${id} never came into view`);
      await window.__bench.nextRendered();
    }
    await window.__bench.bringOnScreen(document.querySelector(`[data-threshold-root] [data-comment-id="${id}"]`));
  }, id);
}

/**
 * Collapses or expands comment `id` with its own toggle (the first button of its .thr-head):
 * the click is dispatched synchronously in the page and timed to the end of the frame rendered
 * after it. A change after that frame (none expected) voids the figure.
 */
function toggle(page, id) {
  return page.evaluate(async (id) => {
    const el = document.querySelector(`[data-threshold-root] [data-comment-id="${id}"]`);
    const button = el.querySelector(':scope > .thr-head button.thr-toggle') ?? el.querySelector('.thr-head button');
    const wasCollapsed = el.dataset.state === 'collapsed';
    const t0 = performance.now();
    // The overlay handles the click synchronously: the DOM has settled when click() returns.
    button.click();
    const clickMs = performance.now() - t0;
    const rendered = await window.__bench.nextRendered();
    const late = await window.__bench.mutationsWithin(300);
    const now = document.querySelector(`[data-threshold-root] [data-comment-id="${id}"]`);
    return {
      action: wasCollapsed ? 'expand' : 'collapse',
      ok: (now?.dataset.state === 'collapsed') !== wasCollapsed,
      clickMs,
      settled: late === 0 ? rendered - t0 : null,
      lateMutations: late,
    };
  }, id);
}
