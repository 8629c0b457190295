// Launchers for the end-to-end tests: Debian's Chromium and Firefox ESR driven by puppeteer-core,
// each with a built Threshold loaded, plus helpers that need an extension page (popup, tab ids,
// storage). Recipes: /work/shared/E2E.md. Headless always; nothing leaves the machine.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every browser the suite runs in; E2E_BROWSERS=chromium (or firefox) narrows it while debugging. */
export const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** Fixed internal UUID for the Firefox add-on, so its pages have a known moz-extension:// origin. */
export const FIREFOX_ADDON_UUID = '5e1f7a2c-3b4d-4e8f-9a10-7c2d3e4f5a6b';

/**
 * The build to load: dist/<target> (shipped) or dist/dev/<target>. run.mjs points E2E_DIST at
 * a copy taken when the run started.
 * @param {'chromium' | 'firefox'} kind @param {boolean} dev
 */
export function extensionDir(kind, dev) {
  const target = kind === 'firefox' ? 'firefox' : 'chrome';
  return path.join(process.env.E2E_DIST ?? path.join(root, 'dist'), ...(dev ? ['dev'] : []), target);
}

/** The gecko id the build gave the add-on (the uuid pref is keyed by it). */
async function geckoId(dir) {
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  // Without these Chromium keeps trying to reach Google's servers.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Belt and braces with request interception: no name but 127.0.0.1 resolves.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * @typedef {object} Session
 * @property {'chromium' | 'firefox'} kind
 * @property {import('puppeteer-core').Browser} browser
 * @property {boolean} dev  whether the dev build (allowed on http://127.0.0.1) is loaded
 * @property {string} extOrigin  chrome-extension://<id> or moz-extension://<uuid>
 * @property {string | null} launcherUrl  a 127.0.0.1 page Firefox starts extension pages from
 * @property {import('puppeteer-core').Page | null} control  an extension page kept open for API calls
 * @property {import('puppeteer-core').Page[]} opened  pages a test opened, closed by closeOpened()
 */

/**
 * Starts one browser with Threshold installed.
 * @param {'chromium' | 'firefox'} kind
 * @param {{ dev: boolean, launcherUrl?: string }} options  launcherUrl: any page on
 *   http://127.0.0.1 (needed in Firefox to open extension pages; dev build only)
 * @returns {Promise<Session>}
 */
export async function launch(kind, { dev, launcherUrl }) {
  const dir = extensionDir(kind, dev);
  if (kind === 'chromium') {
    const browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const id = await browser.installExtension(dir);
      const extOrigin = `chrome-extension://${id}`;
      return { kind, browser, dev, extOrigin, launcherUrl: launcherUrl ?? null, control: null, opened: [] };
    } catch (err) {
      await browser.close();
      throw err;
    }
  }
  if (kind === 'firefox') {
    const addonId = await geckoId(dir);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_ADDON_UUID }) },
    });
    try {
      await browser.installExtension(dir);
      return {
        kind,
        browser,
        dev,
        extOrigin: `moz-extension://${FIREFOX_ADDON_UUID}`,
        launcherUrl: launcherUrl ?? null,
        control: null,
        opened: [],
      };
    } catch (err) {
      await browser.close();
      throw err;
    }
  }
  throw new Error(`unknown browser ${kind}`);
}

/** @param {Session} s */
export async function closeSession(s) {
  await s.browser.close();
}

/** A new tab, closed by the next closeOpened(). @param {Session} s */
export async function newPage(s) {
  const page = await s.browser.newPage();
  s.opened.push(page);
  return page;
}

/** Closes every tab a test opened (the control page stays). @param {Session} s */
export async function closeOpened(s) {
  for (const page of s.opened.splice(0)) if (!page.isClosed()) await page.close().catch(() => {});
}

/**
 * Opens an extension page in a new tab.
 * Chromium navigates there directly. Firefox's WebDriver BiDi refuses moz-extension://
 * navigations, so a 127.0.0.1 page sets location.href; that works only for resources the dev
 * build lists as web-accessible (the popup), and puppeteer does not see that navigation, so
 * we poll the document instead of waiting for a navigation event.
 * @param {Session} s
 * @param {string} file e.g. 'popup.html?tab=12'
 */
export async function openExtensionPage(s, file) {
  const url = `${s.extOrigin}/${file}`;
  const page = await newPage(s);
  if (s.kind === 'chromium') {
    await page.goto(url);
    return page;
  }
  if (!s.dev || !s.launcherUrl) throw new Error('Firefox opens extension pages only with the dev build and a launcher page');
  await page.goto(s.launcherUrl);
  await page.evaluate((u) => {
    location.href = u;
  }, url);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const here = await page
      .evaluate(() => (document.readyState === 'complete' ? location.href : null))
      .catch(() => null); // the context is replaced mid-navigation
    if (here === url) return page;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (at ${here})`);
    await sleep(50);
  }
}

/** An extension page kept open for API calls (tab ids, storage). @param {Session} s */
export async function controlPage(s) {
  if (!s.control || s.control.isClosed()) {
    // tab=0 names no tab, so this copy of the popup asks no page for anything.
    s.control = await openExtensionPage(s, 'popup.html?tab=0');
    s.opened = s.opened.filter((p) => p !== s.control);
    // Used once its own script has run, as a user would (openPopup waits the same way).
    await untilRendered(s.control, 'the control page');
  }
  return s.control;
}

/**
 * Runs `fn(arg)` in an extension page, where the page's `browser` (Firefox, recent Chromium) or
 * `chrome` (MV3 chrome.* APIs return promises) is the extension API. The function travels as
 * text through the protocol (not eval: extension pages forbid it), so it must be self-contained.
 * @template T @param {Session} s @param {(arg: any) => T} fn @param {unknown} [arg]
 */
export async function inExtension(s, fn, arg = null) {
  const page = await controlPage(s);
  try {
    return await page.evaluate(fn, arg);
  } catch (err) {
    // Firefox ESR 140 once answered a fresh control page's first call with its own internal
    // error (the evaluation's completion was null: "right-hand side of 'in' should be an
    // object, got null" in buildReturnValue), the call not run or its result lost. Every
    // function passed here may run twice (storage reads and writes, tab queries), so that
    // error alone gets one more try; anything else is the test's failure.
    if (s.kind !== 'firefox' || !/buildReturnValue/.test(String(err?.message))) throw err;
    await sleep(200);
    return page.evaluate(fn, arg);
  }
}

/** The browser's tab id of `page`, found by its address (which must be unique among open tabs). */
export async function tabIdOf(s, page) {
  const url = page.url();
  const tabs = await inExtension(s, async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url ?? null }));
  });
  const hits = tabs.filter((t) => t.url === url);
  if (hits.length !== 1) throw new Error(`expected one tab at ${url}, found ${hits.length}: ${JSON.stringify(tabs)}`);
  return hits[0].id;
}

/** Opens the popup about `tabId` in its own tab (popup.html?tab=ID) and waits for it to render. */
export async function openPopup(s, tabId) {
  const page = await openExtensionPage(s, `popup.html?tab=${tabId}`);
  await untilRendered(page, `the popup about tab ${tabId}`);
  return page;
}

/**
 * Waits for a popup page's app to render. Polled from here: puppeteer's waitForFunction fails at
 * once on Firefox ESR 140's extension pages ("Waiting failed").
 * @param {import('puppeteer-core').Page} page @param {string} what
 */
async function untilRendered(page, what) {
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate(() => document.querySelector('#app')?.childElementCount > 0))) {
    if (Date.now() > deadline) throw new Error(`${what} never rendered`);
    await sleep(50);
  }
}

/** @param {Session} s @param {'sync' | 'local'} area @param {string[] | null} keys */
export function storageGet(s, area, keys = null) {
  return inExtension(s, (a) => (globalThis.browser ?? globalThis.chrome).storage[a.area].get(a.keys), { area, keys });
}

/** @param {Session} s @param {'sync' | 'local'} area @param {Record<string, unknown>} items */
export function storageSet(s, area, items) {
  return inExtension(s, (a) => (globalThis.browser ?? globalThis.chrome).storage[a.area].set(a.items), { area, items });
}

/** Back to a fresh install's state: no settings, no per-thread state. */
export function storageClear(s) {
  return inExtension(s, async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    await api.storage.sync.clear();
    await api.storage.local.clear();
  });
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Sets the page's view size. In Firefox, puppeteer sends the size and a screen orientation
 * override together over WebDriver BiDi; Firefox ESR 140 does not know the latter
 * ("unknown command emulation.setScreenOrientationOverride") though it applies the size. That
 * error alone is let through once the size has taken effect.
 * @param {import('puppeteer-core').Page} page
 */
export async function setViewSize(page, width, height) {
  try {
    await page.setViewport({ width, height });
  } catch (err) {
    if (!String(err?.message).includes('setScreenOrientationOverride')) throw err;
    // The failed command answers first; the size follows.
    let got = [];
    for (let i = 0; i < 50; i++, await sleep(100)) {
      got = await page.evaluate(() => [innerWidth, innerHeight]);
      if (got[0] === width && got[1] === height) return;
    }
    throw new Error(`view is ${got.join('×')}, not ${width}×${height}, after: ${err.message}`);
  }
}
