// Takes the README's screenshots in real Chromium: the demo discussion reflowed by the
// built extension, and the popup for that tab. Run `npm run build` first.
//   node scripts/screenshot.mjs   → docs/screenshot-page.png, docs/screenshot-popup.png
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './serve.mjs';
import { importTs } from './import-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs');
await mkdir(out, { recursive: true });

const { generateDemo } = await importTs('demo/generate.ts');
const demo = generateDemo({ seed: 2014, comments: 400 });
const server = await serve(async (p) => (p === '/' ? { body: demo } : null));
const browser = await puppeteer.launch({
  browser: 'chrome',
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  enableExtensions: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const id = await browser.installExtension(path.join(root, 'dist', 'dev', 'chrome'));
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('[data-threshold-root] [data-comment-id]');

  // Show the features at work: a followed user and a collapsed subthread.
  const popup = await browser.newPage();
  await popup.goto(`chrome-extension://${id}/popup.html`);
  const tabId = await popup.evaluate(async (origin) => {
    const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
    return tab.id;
  }, server.origin);
  await popup.evaluate(() => chrome.storage.sync.set({ thresholds: { full: 2, abbreviated: 0, breakthrough: 4 } }));
  await page.bringToFront();
  // Reflowed (the summary line names the new thresholds), and drawn with the page in front.
  await page.waitForFunction(() => /full ≥ 2/.test(document.querySelector('[data-threshold-root] [role="status"]')?.textContent ?? ''));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(out, 'screenshot-page.png') });

  await popup.setViewport({ width: 340, height: 560 });
  await popup.goto(`chrome-extension://${id}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('input[name="threshold"]');
  await new Promise((r) => setTimeout(r, 300));
  await popup.screenshot({ path: path.join(out, 'screenshot-popup.png'), fullPage: true });
  console.log('docs/screenshot-page.png, docs/screenshot-popup.png');
} finally {
  await browser.close();
  await server.close();
}
