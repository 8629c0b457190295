// A Chromium trace of one first render (5k page), for attributing its long tasks
// (attribute.mjs). A separate load from the measured rounds: tracing slows the page down.
import { newMeasuredPage } from './browsers.mjs';
import { attributeLongTasks, mainThreadEvents } from './attribute.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

export async function traceFirstRender({ browser, url, extensionId }) {
  const { page } = await newMeasuredPage(browser);
  try {
    await page.tracing.start({ categories: CATEGORIES });
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
