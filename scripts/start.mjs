// `npm start`: builds Threshold, serves the demo discussion on 127.0.0.1 and opens it in
// Debian's Chromium with the extension loaded (headed where a display exists).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve, htmlType } from './serve.mjs';
import { importTs } from './import-ts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8017);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--no-zip'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const { generateDemo } = await importTs('demo/generate.ts');
const demo = generateDemo({ seed: 2014, comments: 400 });
const server = await serve(async (p) => {
  if (p === '/' || p === '/demo') return { body: demo };
  // Saved pages for trying adapters by hand: /fixtures/slashdot/classic-1.html
  const m = /^\/fixtures\/([a-z0-9-]+)\/([a-z0-9-]+\.html)$/.exec(p);
  if (m) {
    const file = path.join(root, 'test', 'fixtures', m[1], m[2]);
    if (!existsSync(file)) return null;
    const body = await readFile(file);
    return { body, type: htmlType(body) };
  }
  return null;
}, port);

const url = `${server.origin}/`;
const extDir = path.join(root, 'dist', 'dev', 'chrome');
console.log(`\nDemo discussion: ${url}`);
console.log(`Saved pages:     ${server.origin}/fixtures/slashdot/classic-1.html (and the others in test/fixtures)`);

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!process.env.DISPLAY || !existsSync(chromium)) {
  console.log(`
No display${existsSync(chromium) ? '' : ' or Chromium'} here, so no browser was opened. To try Threshold by hand:
  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${extDir}
  Firefox:         about:debugging#/runtime/this-firefox → Load Temporary Add-on → ${path.join(root, 'dist', 'dev', 'firefox', 'manifest.json')}
then open ${url}
(dist/dev/* is the shipped build plus permission for http://127.0.0.1, which the demo needs.)
Serving until Ctrl-C.`);
} else {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: chromium,
    headless: false,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  await browser.installExtension(extDir);
  const [page] = await browser.pages();
  await (page ?? (await browser.newPage())).goto(url);
  console.log('Chromium is open with Threshold loaded; close it (or Ctrl-C) to stop.');
  browser.on('disconnected', async () => {
    await server.close();
    process.exit(0);
  });
}
process.on('SIGINT', async () => {
  await server.close();
  process.exit(0);
});
