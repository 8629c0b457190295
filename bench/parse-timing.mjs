// How long the site adapter's parse (plus buildTree) takes on big generated Slashdot pages, in
// headless Chromium, without the extension: just the parsing code, injected into the page.
//
//   node bench/parse-timing.mjs                      # 5,000 and 20,000 comments, 7 rounds
//   node bench/parse-timing.mjs --sizes=5000 --rounds=3
//   node bench/parse-timing.mjs --sizes=5000 --rounds=1 --profile   # + hottest functions of a cold parse
//
// Each round loads the page afresh and parses it twice: "cold" is the first parse in that page
// (what the content script pays: nothing compiled yet), "warm" the second. Medians of rounds.
// Also prints a digest of the parsed model, so a change meant to be invisible can be checked
// to give the very same result in a real browser (jsdom tests aside).
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serve } from '../scripts/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const opt = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const SIZES = String(opt.sizes ?? '5000,20000').split(',').map(Number);
const ROUNDS = Number(opt.rounds ?? 7);

// What runs in the page: pick the adapter as the content script does, parse, build the tree.
// The digest is the model without element references (those are replaced by their tag and id).
const ENTRY = `
import { pickAdapter } from './src/sites';
import { buildTree } from './src/model/build-tree';
const el = (e) => (e ? e.tagName + '#' + e.id : null);
window.__parse = () => {
  const url = new URL(location.href);
  const t0 = performance.now();
  const adapter = pickAdapter(url, document);
  const result = adapter.parse(document, url);
  if (!result.ok) throw new Error(result.reason);
  const d = buildTree(result.page);
  const ms = performance.now() - t0;
  return { ms, d };
};
window.__digest = () => {
  const { d } = window.__parse();
  return JSON.stringify({
    site: d.site, threadKey: d.threadKey, title: d.title, submitter: d.submitter, declaredCount: d.declaredCount,
    container: el(d.container),
    all: d.all.map((c) => [c.id, c.parent, c.depth, c.author, c.authorUrl, c.score, c.reason, c.title, c.timestamp,
      c.signature, el(c.body), el(c.signatureEl), c.extraEls ? c.extraEls.map(el) : null, c.permalink, c.form,
      c.children.length]),
  });
};
`;

async function bundle(dir) {
  // Written to a temporary directory, not node_modules/.cache: nothing shared is touched.
  const gen = path.join(dir, 'generate.mjs');
  await build({ absWorkingDir: root, entryPoints: ['bench/generate.ts'], outfile: gen, bundle: true,
    platform: 'node', format: 'esm', logLevel: 'warning' });
  const parser = await build({ absWorkingDir: root, stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true, format: 'iife', target: ['chrome120'], write: false, logLevel: 'warning' });
  return { generate: await import(pathToFileURL(gen).href), parserJs: parser.outputFiles[0].text };
}

/** Self time per function (top 25), over both parses of the profiled round. */
function printProfile(profile) {
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, ms] of top) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), 'threshold-parse-timing-'));
  let server = null;
  let browser = null;
  try {
    const { generate, parserJs } = await bundle(dir);
    const pages = new Map(SIZES.map((n) => [`/${n}.html`, generate.generateSlashdotPage({ comments: n, seed: 1 })]));
    server = await serve(async (p) => (pages.has(p) ? { body: pages.get(p) } : null));
    browser = await puppeteer.launch({
      browser: 'chrome', executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, pipe: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const results = [];
    for (const n of SIZES) {
      const cold = [];
      const warm = [];
      let digest = null;
      for (let r = 0; r < ROUNDS; r++) {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/${n}.html`, { waitUntil: 'load', timeout: 120_000 });
        await page.addScriptTag({ content: parserJs });
        const cdp = opt.profile && r === 0 ? await page.createCDPSession() : null;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        const times = await page.evaluate(() => {
          const a = window.__parse();
          const b = window.__parse();
          return [a.ms, b.ms, a.d.all.length];
        });
        if (cdp) printProfile((await cdp.send('Profiler.stop')).profile);
        cold.push(times[0]);
        warm.push(times[1]);
        if (r === 0) {
          const json = await page.evaluate(() => window.__digest());
          digest = `${times[2]} comments, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
        }
        await page.close();
      }
      const row = { comments: n, coldMs: median(cold), warmMs: median(warm), digest, cold, warm };
      results.push(row);
      console.log(`${String(n).padStart(6)} comments: cold ${row.coldMs.toFixed(1)} ms, warm ${row.warmMs.toFixed(1)} ms ` +
        `(median of ${ROUNDS}; cold ${cold.map((x) => x.toFixed(0)).join(' ')})  ${digest}`);
    }
    if (opt.json) console.log(JSON.stringify(results));
  } finally {
    if (browser) await browser.close();
    if (server) await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
