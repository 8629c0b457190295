// How long the site adapter's parse (plus buildTree) takes on big generated Slashdot pages, in
// headless Chromium, without the extension: just the parsing code, injected into the page.
//
//   node bench/parse-timing.mjs                      # 5,000 and 20,000 comments, 7 rounds
//   node bench/parse-timing.mjs --sizes=5000 --rounds=3
//   node bench/parse-timing.mjs --sizes=5000 --rounds=1 --profile  # + hottest functions (first round)
//   node bench/parse-timing.mjs --baseline=HEAD~1                   # the same, for two versions
//   node bench/parse-timing.mjs --baseline=../other-worktree         # (a directory holding src/)
//   node bench/parse-timing.mjs --isolated                          # in a world of its own
//
// Each round loads the page afresh and parses it twice: "cold" is the first parse in that page
// (what the content script pays: nothing compiled yet, no DOM wrapper made), "warm" the second.
// "cpu" is the main-thread CPU time of the task running the cold parse (CDP TaskDuration in
// thread ticks), which other processes competing for the cores inflate less than wall time.
// Figures are medians of rounds. With --baseline=REF, src/ at that git revision is bundled too
// and rounds alternate between it and the working tree, so both see the same load on the machine.
// Also prints a digest of the parsed model, so a change meant to be invisible can be checked
// to give the very same result in a real browser (jsdom tests aside).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { serve } from '../scripts/serve.mjs';
import { parseOptions } from './lib/options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const opt = parseOptions();
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

async function bundleParser(srcRoot) {
  const out = await build({ absWorkingDir: srcRoot, stdin: { contents: ENTRY, resolveDir: srcRoot, loader: 'js' },
    bundle: true, format: 'iife', target: ['chrome120'], write: false, logLevel: 'warning' });
  return out.outputFiles[0].text;
}

async function bundle(dir) {
  // Written to a temporary directory, not node_modules/.cache: nothing shared is touched.
  const gen = path.join(dir, 'generate.mjs');
  await build({ absWorkingDir: root, entryPoints: ['bench/generate.ts'], outfile: gen, bundle: true,
    platform: 'node', format: 'esm', logLevel: 'warning' });
  const versions = [{ name: 'current', js: await bundleParser(root) }];
  if (opt.baseline) {
    const ref = String(opt.baseline);
    // A directory holding a src/ (an unpacked copy, another worktree), else a git revision.
    let base = path.resolve(ref);
    if (!existsSync(path.join(base, 'src'))) {
      base = path.join(dir, 'baseline');
      execFileSync('mkdir', ['-p', base]);
      execFileSync('sh', ['-c', 'git archive "$1" src | tar -x -C "$2"', 'sh', ref, base], { cwd: root });
    }
    versions.unshift({ name: path.basename(ref), js: await bundleParser(base) });
  }
  return { generate: await import(pathToFileURL(gen).href), versions };
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

/**
 * Puts the parser into the page and returns a function evaluating an expression where it is:
 * the page's own world (a <script> element, as asked for by default), or with --isolated a
 * world of its own, as a content script runs in (there, Blink keeps the script's wrappers of DOM
 * nodes in a table instead of on the nodes, so every node handed to script costs a bit more).
 */
async function installParser(page, js) {
  if (!opt.isolated) {
    await page.addScriptTag({ content: js });
    return (expression) => page.evaluate(expression);
  }
  const cdp = await page.createCDPSession();
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'parse-timing',
  });
  const inPage = async (expression) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, returnByValue: true });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
    return r.result.value;
  };
  await inPage(js);
  return inPage;
}

/** One fresh load of the page, parsed twice with one version of the parser. */
async function round(browser, url, js, run, first) {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const inPage = await installParser(page, js);
    const metrics = await page.createCDPSession();
    await metrics.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cdp = opt.profile && first ? await page.createCDPSession() : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const scriptTime = async () =>
      (await metrics.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    const before = await scriptTime();
    const cold = await inPage('(() => { const a = window.__parse(); return [a.ms, a.d.all.length]; })()');
    const cpu = (await scriptTime()) - before;
    const warm = await inPage('window.__parse().ms');
    if (cdp) {
      console.log(`${run.version}, ${run.comments} comments: self time, cold and warm parse`);
      printProfile((await cdp.send('Profiler.stop')).profile);
    }
    run.cold.push(cold[0]);
    run.warm.push(warm);
    run.cpu.push(cpu);
    if (first) {
      const json = await inPage('window.__digest()');
      run.digest = `${cold[1]} comments, sha256 ${createHash('sha256').update(json).digest('hex').slice(0, 16)}`;
    }
  } finally {
    await page.close();
  }
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
    const { generate, versions } = await bundle(dir);
    const pages = new Map(SIZES.map((n) => [`/${n}.html`, generate.generateSlashdotPage({ comments: n, seed: 1 })]));
    closing = () => Promise.allSettled([browser?.close(), server?.close()]);
    server = await serve(async (p) => (pages.has(p) ? { body: pages.get(p) } : null));
    browser = await puppeteer.launch({
      browser: 'chrome', executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, pipe: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    const results = [];
    for (const n of SIZES) {
      const runs = versions.map((v) => ({ version: v.name, comments: n, cold: [], warm: [], cpu: [], digest: null }));
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate which version goes first in a round: neither always gets the quieter moment.
        const order = r % 2 ? [...runs.keys()].reverse() : [...runs.keys()];
        for (const i of order) await round(browser, `${server.origin}/${n}.html`, versions[i].js, runs[i], r === 0);
      }
      for (const run of runs) {
        Object.assign(run, { coldMs: median(run.cold), warmMs: median(run.warm), cpuMs: median(run.cpu) });
        results.push(run);
        console.log(`${String(n).padStart(6)} comments, ${run.version.padEnd(8)}: cold ${run.coldMs.toFixed(1)} ms, ` +
          `cpu ${run.cpuMs.toFixed(1)} ms, warm ${run.warmMs.toFixed(1)} ms (median of ${ROUNDS}; ` +
          `cold ${run.cold.map((x) => x.toFixed(0)).join(' ')})  ${run.digest}`);
      }
    }
    if (opt.json) console.log(JSON.stringify(results));
  } finally {
    if (browser) await browser.close();
    if (server) await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

let closing = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    Promise.resolve(closing?.()).finally(() => process.exit(130));
  });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
