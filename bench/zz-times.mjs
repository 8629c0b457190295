import path from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { importTs } from '../scripts/import-ts.mjs';
import { launchBrowser, newMeasuredPage } from './lib/browsers.mjs';
const SIZE = Number(process.argv[2] ?? 5000);
const { generateDiscussion } = await importTs('bench/generate.ts');
const g = generateDiscussion({ comments: SIZE, seed: 2 });
const server = await serve(async (p) => (p === '/a/article.pl' ? { body: Buffer.from(g.html, 'latin1'), type: 'text/html; charset=iso-8859-1' } : null));
const ext = await launchBrowser(path.resolve('dist/dev/chrome'));
const { page } = await newMeasuredPage(ext.browser);
await page.goto(server.origin + '/a/article.pl?sid=' + g.story.storySid, { waitUntil: 'load' });
await page.bringToFront();
await page.waitForFunction(() => performance.getEntriesByName('threshold:complete').length > 0, { polling: 100 });
await page.evaluate(() => window.scrollTo(0, 20000));
await new Promise((r) => setTimeout(r, 1000));
for (const t of [{ full: 3, abbreviated: 1, breakthrough: 4 }, { full: 0, abbreviated: -1, breakthrough: 4 }, { full: 3, abbreviated: 1, breakthrough: 4 }, { full: 0, abbreviated: -1, breakthrough: 4 }]) {
  await ext.settings.setThresholds(t);
  await new Promise((r) => setTimeout(r, 700));
}
const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('thr-t ')).map((m) => m.name.slice(6)));
for (const m of marks) console.log(m);
const re = await page.evaluate(() => { const s = performance.getEntriesByName('threshold:reflow-start'); const e = performance.getEntriesByName('threshold:reflow-end'); return s.map((x, i) => (e[i].startTime - x.startTime).toFixed(1)); });
console.log('reflow', re.join(' '));
await ext.browser.close(); await server.close();
