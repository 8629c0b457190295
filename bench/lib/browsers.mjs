// Headless Debian Chromium through puppeteer-core (flags from /work/shared/E2E.md), one browser
// without the extension and one with it, plus the extension page that writes settings.
import puppeteer from 'puppeteer-core';
import { installProbe } from './probe.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing but loopback: every other host name fails to resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // The settings tab must not turn the measured tab into a throttled background tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
const VIEWPORT = { width: 1280, height: 900 };

/** @param {string | null} extensionDir */
export async function launchBrowser(extensionDir) {
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: extensionDir !== null,
    args: ARGS,
    defaultViewport: VIEWPORT,
  });
  let extensionId = null;
  let settings = null;
  try {
    if (extensionDir) {
      extensionId = await browser.installExtension(extensionDir);
      settings = await openSettingsWriter(browser, extensionId);
    }
  } catch (err) {
    await browser.close();
    throw err;
  }
  return { browser, extensionId, settings };
}

/**
 * A fresh tab for one measurement, with the probe installed and a CDP session on it (heap,
 * metrics, profiler). A fresh tab per load keeps one page's leftovers out of the next one's heap.
 */
export async function newMeasuredPage(browser) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(installProbe);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  // A second session reports the same counters as main-thread CPU time (thread ticks), which
  // other processes competing for the cores do not inflate the way they inflate wall time.
  const cpu = await page.createCDPSession();
  await cpu.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp, cpu };
}

/**
 * Writes storage.sync `thresholds` from chrome-extension://ID/popup.html open in a tab, as the
 * popup does. storage.sync allows 120 writes a minute: writes are spaced to stay under 100.
 */
async function openSettingsWriter(browser, extensionId) {
  const tab = await browser.newPage();
  await tab.goto(`chrome-extension://${extensionId}/popup.html`);
  const writes = [];
  return {
    async setThresholds(thresholds) {
      const now = Date.now();
      while (writes.length && now - writes[0] > 60_000) writes.shift();
      if (writes.length >= 100) await new Promise((r) => setTimeout(r, 60_000 - (now - writes[0]) + 100));
      writes.push(Date.now());
      await tab.evaluate((t) => chrome.storage.sync.set({ thresholds: t }), thresholds);
    },
    async clearThreadState() {
      await tab.evaluate(() => chrome.storage.local.clear());
    },
  };
}
