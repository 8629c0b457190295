// One describe block per browser: one launch per browser per test file, closed in after().
// Tests get a context whose session is ready once the block's before() hook has run.
import { describe, before, after, afterEach, test as nodeTest } from 'node:test';
import { BROWSERS, closeOpened, closeSession, launch, newPage, storageClear } from './browsers.mjs';

/** Generous for a loaded 2-core machine; without a limit a stuck browser would hang the run. */
const HOOK_TIMEOUT = 90_000;
const TEST_TIMEOUT = 90_000;

/**
 * node:test's `test` with a time limit (longer only for tests that load very large pages).
 * @param {string} name @param {() => Promise<void>} fn @param {number} [timeout]
 */
export function test(name, fn, timeout = TEST_TIMEOUT) {
  return nodeTest(name, { timeout }, fn);
}

/**
 * @typedef {object} BrowserContext
 * @property {import('./browsers.mjs').Session} s
 * @property {() => Promise<import('puppeteer-core').Page>} newPage  a tab closed after the test
 */

/**
 * @param {string} title
 * @param {{ dev: boolean, launcherUrl?: () => string }} options  launcherUrl: read once the server is up
 * @param {(ctx: BrowserContext) => void} body  declares the tests
 */
export function forEachBrowser(title, { dev, launcherUrl }, body) {
  for (const kind of BROWSERS) {
    describe(`${title} [${kind}]`, () => {
      /** @type {BrowserContext} */
      const ctx = {
        s: /** @type {any} */ (null),
        newPage: () => newPage(ctx.s),
      };
      before(async () => {
        ctx.s = await launch(kind, { dev, launcherUrl: launcherUrl?.() });
      }, { timeout: HOOK_TIMEOUT });
      after(async () => {
        if (ctx.s) await closeSession(ctx.s);
      }, { timeout: HOOK_TIMEOUT });
      // Each test starts from a fresh install's settings, with only the control page open.
      afterEach(async () => {
        if (!ctx.s) return;
        await closeOpened(ctx.s);
        if (ctx.s.control && !ctx.s.control.isClosed()) await storageClear(ctx.s);
      }, { timeout: HOOK_TIMEOUT });
      body(ctx);
    });
  }
}
