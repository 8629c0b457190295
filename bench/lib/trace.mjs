// A Chromium trace of one first render (5k page), for attributing its long tasks
// (attribute.mjs). A separate load from the measured rounds: tracing slows the page down.
import { newMeasuredPage } from './browsers.mjs';
import { attributeLongTasks, mainThreadEvents } from './attribute.mjs';
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

/** V8 events that begin a full collection (incremental marking, or an atomic one). */
const FULL_GC_START = new Set(['V8.GCIncrementalMarkingStart', 'MajorGC']);

/**
 * The page alone (browser without the extension): how much more JavaScript heap any script can
 * allocate on it, after its load, before V8 starts its first full collection, which marks the
 * page's whole DOM. MB in 1 MB steps of retained arrays (old generation), up to `maxMb`; the
 * first full collection found in a trace of the steps ends the count (`null`: none by `maxMb`).
 * It can be small on a big page (11-21 MB in most loads of the 5k and 20k pages, README,
 * Performance): the extension's read, or any other script's work, then starts that collection.
 */
export async function pageHeadroom({ browser, url, maxMb = 256 }) {
  const { page } = await newMeasuredPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.bringToFront();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    await page.tracing.start({ categories: ['blink.user_timing', ...GC_CATEGORIES] });
    await page.evaluate(async (maxMb) => {
      const keep = [];
      performance.mark('bench:alloc');
      for (let i = 1; i <= maxMb; i++) {
        const a = new Array(131072);
        for (let k = 0; k < a.length; k++) a[k] = k + 0.5; // doubles: 1 MB
        keep.push(a);
        performance.mark('bench:mb');
        await new Promise((r) => setTimeout(r, 4));
      }
      window.__benchKeep = keep;
    }, maxMb);
    const { traceEvents } = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    const events = mainThreadEvents(traceEvents, 'bench:alloc');
    const start = events.find((e) => e.name === 'bench:alloc').ts;
    const gc = events.filter((e) => FULL_GC_START.has(e.name) && e.ts >= start).sort((a, b) => a.ts - b.ts)[0];
    return gc ? events.filter((e) => e.name === 'bench:mb' && e.ts <= gc.ts).length : null;
  } finally {
    await page.close();
  }
}
