// A Chromium trace of one first render (5k page), for attributing its long tasks
// (attribute.mjs). A separate load from the measured rounds: tracing slows the page down.
import { newMeasuredPage } from './browsers.mjs';
import { attributeLongTasks, firstFullGc, mainThreadEvents } from './attribute.mjs';
import { bringToView } from './measure.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];
// V8's collections, for how much of the read they take (attribute.mjs garbageCollection).
const GC_CATEGORIES = ['v8', 'v8.gc', 'disabled-by-default-v8.gc']; // 'v8' has the incremental marking steps

export async function traceFirstRender({ browser, url, extensionId }) {
  const { page } = await newMeasuredPage(browser);
  try {
    await page.tracing.start({ categories: [...CATEGORIES, ...GC_CATEGORIES] });
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.bringToFront();
    await page.waitForFunction(() => performance.getEntriesByName('threshold:complete').length > 0, { timeout: 180_000, polling: 100 });
    // The frame after the last slice.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    const buf = await page.tracing.stop();
    const { traceEvents } = JSON.parse(Buffer.from(buf).toString('utf8'));
    return attributeLongTasks(mainThreadEvents(traceEvents), `chrome-extension://${extensionId}`);
  } finally {
    await page.close();
  }
}

/** Phases of a frame as the trace names them, and how the table names them. */
const PHASES = [
  ['EventDispatch', 'click handler'],
  ['UpdateLayoutTree', 'style'],
  ['Layout', 'layout'],
  ['PrePaint', 'pre-paint'],
  ['Paint', 'paint'],
  ['Commit', 'commit'],
];

/**
 * Where a collapse's and an expand's frame goes (5k page, the largest thread brought into view
 * as the measured rounds do): `n` clicks each way under a Chromium trace, each from the click to
 * the end of the frame rendered after it, split into the main thread's phases (medians). Tracing
 * slows the page: the shares are what it tells, not the totals.
 */
export async function traceToggles({ browser, url, id, n = 10 }) {
  const { page } = await newMeasuredPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.bringToFront();
    await page.waitForFunction(() => performance.getEntriesByName('threshold:complete').length > 0, { timeout: 180_000, polling: 100 });
    await bringToView(page, id);
    await page.tracing.start({ categories: CATEGORIES });
    const clicks = [];
    for (let i = 0; i < 2 * n; i++) {
      clicks.push(
        await page.evaluate(async (id) => {
          const button = document.querySelector(`[data-threshold-root] [data-comment-id="${id}"] > .thr-head > .thr-toggle`);
          performance.mark('bench:toggle');
          const t0 = performance.now();
          button.click();
          const ms = (await window.__bench.nextRendered()) - t0;
          await new Promise((r) => setTimeout(r, 150));
          return ms;
        }, id),
      );
    }
    const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const events = mainThreadEvents(traceEvents, 'bench:toggle');
    const starts = events.filter((e) => e.name === 'bench:toggle').map((e) => e.ts).sort((a, b) => a - b);
    const runs = { collapse: [], expand: [] };
    starts.forEach((start, i) => {
      const end = start + clicks[i] * 1000;
      const run = { frame: clicks[i] };
      for (const [name, label] of PHASES) {
        run[label] = events.filter((e) => e.ph === 'X' && e.name === name && e.ts >= start && e.ts < end).reduce((a, e) => a + e.dur / 1000, 0);
      }
      run.other = run.frame - PHASES.reduce((a, [, label]) => a + run[label], 0);
      runs[i % 2 === 0 ? 'collapse' : 'expand'].push(run);
    });
    const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
    return Object.fromEntries(
      Object.entries(runs).map(([kind, list]) => [kind, Object.fromEntries(Object.keys(list[0]).map((k) => [k, Math.round(median(list.map((r) => r[k])) * 10) / 10]))]),
    );
  } finally {
    await page.close();
  }
}

/**
 * The page alone (browser without the extension, no script of ours): when V8 starts its first
 * full collection after the page's load event, and why (the trace's reason), traced from before
 * the navigation; `null` when none starts within `waitMs` after the load. A full collection
 * marks the page's whole DOM; on a big page it comes on its own soon after the load, whatever
 * scripts do, and a script allocating then only brings it earlier (README, Performance).
 *
 * (Until 2026-12-07 the bench counted the MB a script could keep, from 1 s after the load, before
 * the first full collection "started". The collection it found was this one, started before the
 * count began or while it ran: it came as late with no allocation at all. That figure measured
 * the time to it, not a headroom.)
 */
export async function pageFirstFullGc({ browser, url, waitMs = 4000 }) {
  const { page } = await newMeasuredPage(browser);
  try {
    await page.tracing.start({ categories: ['blink.user_timing', ...GC_CATEGORIES] });
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.bringToFront();
    // The load event's time in the trace's clock, from a mark made now.
    const sinceLoad = await page.evaluate(async (waitMs) => {
      await new Promise((r) => setTimeout(r, waitMs));
      performance.mark('bench:after-load');
      return performance.getEntriesByName('bench:after-load')[0].startTime - performance.getEntriesByType('navigation')[0].loadEventEnd;
    }, waitMs);
    const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const events = mainThreadEvents(traceEvents, 'bench:after-load');
    const load = events.find((e) => e.name === 'bench:after-load').ts - sinceLoad * 1000;
    return firstFullGc(events, load);
  } finally {
    await page.close();
  }
}
