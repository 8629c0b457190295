// npm run bench — how much Threshold costs on big Slashdot discussions.
//
// Generated classic-Slashdot pages (bench/generate.ts) of 500, 5,000 and 20,000 comments are
// served on 127.0.0.1 and loaded in two headless Chromiums side by side: one without the
// extension (the page's own load, the floor) and one with dist/dev/chrome. Rounds alternate
// between the two; every figure is a median of rounds. Then a CPU profile of the 5k page says
// where the extension's time goes. Prints one table and writes bench/results.json.
//
// Options: --sizes=500,5000  --rounds=5  --rounds-20k=3  --no-profile
// Nothing here asserts on time: targets are reported as met / not met, the exit code is 0
// unless the bench itself failed.
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { importTs } from '../scripts/import-ts.mjs';
import { ensureBuild, profilingCopy } from './lib/build.mjs';
import { launchBrowser } from './lib/browsers.mjs';
import { measureExtensionRound, measurePlainLoad } from './lib/measure.mjs';
import { evaluateTargets, label, renderTable, summarizeSize } from './lib/report.mjs';
import { profileExtension } from './lib/profile.mjs';
import { pageFirstFullGc, traceFirstRender, traceToggles } from './lib/trace.mjs';
import { parseOptions } from './lib/options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const opt = parseOptions();
const SIZES = String(opt.sizes ?? '500,5000,20000').split(',').map(Number);
const ROUNDS = Number(opt.rounds ?? 5);
const ROUNDS_20K = Number(opt['rounds-20k'] ?? 3);
const TIME_LIMIT_MS = 25 * 60_000;
const TRACED_LOADS = 3;

const LOOSE = { full: 0, abbreviated: -1, breakthrough: 4 }; // the defaults
const STRICT = { full: 3, abbreviated: 1, breakthrough: 4 };
// Per round: threshold changes (ending where they started) and collapse/expand clicks. The
// 20k page gets one pair of each, to keep the whole bench near ten minutes.
const planFor = (size) =>
  size >= 20000 ? { changes: [STRICT, LOOSE], toggles: 2 } : { changes: [STRICT, LOOSE, STRICT, LOOSE], toggles: 4 };

/**
 * Each size's page is the same whatever sizes a run asks for (`--sizes=5000` measures the 5k page
 * of a full run): the seeds of the default sizes are those they have always had.
 */
function seedOf(size) {
  return [500, 5000, 20000].indexOf(size) + 1 || size;
}

/**
 * What the clicks need to know of a generated page: the top-level comment with the largest
 * subtree (collapsed and expanded), and the comments without replies (one is collapsed alone).
 */
function threadShape(g) {
  const sizeOf = (c) => {
    let n = 0;
    for (const todo = [c]; todo.length > 0; n++) todo.push(...todo.pop().children);
    return n - 1;
  };
  let largest = { id: null, size: -1 };
  for (const r of g.roots) {
    const size = sizeOf(r);
    if (size > largest.size) largest = { id: r.id, size };
  }
  return { largest, leaves: g.comments.filter((c) => c.children.length === 0).map((c) => c.id) };
}

const open = [];
let server = null;
async function cleanup() {
  await Promise.allSettled(open.splice(0).map((b) => b.close()));
  if (server) await server.close();
  server = null;
}
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${TIME_LIMIT_MS / 60_000} min, stopping`);
  cleanup().finally(() => process.exit(2));
}, TIME_LIMIT_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().finally(() => process.exit(130)));

async function main() {
  await ensureBuild(root);
  const meta = JSON.parse(await readFile(path.join(root, 'dist/meta.json'), 'utf8'));
  const extensionDir = path.join(root, 'dist/dev/chrome');

  const { generateDiscussion } = await importTs('bench/generate.ts');
  const pages = new Map();
  const urls = new Map();
  const shapes = new Map();
  for (const size of SIZES) {
    const g = generateDiscussion({ comments: size, seed: seedOf(size) });
    // The story id is in the address, as on the site: each size is its own thread for the extension.
    const route = `/${label(size)}/article.pl`;
    pages.set(route, Buffer.from(g.html, 'latin1'));
    urls.set(size, `${route}?sid=${g.story.storySid}`);
    shapes.set(size, threadShape(g));
    console.log(`bench: generated ${size} comments (${(g.html.length / 1e6).toFixed(1)} MB, ${g.full.size} full, ${g.roots.length} top-level)`);
  }
  server = await serve(async (p) => (pages.has(p) ? { body: pages.get(p), type: 'text/html; charset=iso-8859-1' } : null));

  const plain = await launchBrowser(null);
  open.push(plain.browser);
  const ext = await launchBrowser(extensionDir);
  open.push(ext.browser);
  const chromium = await plain.browser.version();

  const raw = {};
  const bySize = new Map();
  // Other work on the machine inflates every wall-clock figure: it is recorded with them.
  const load = [{ at: 'start', loadavg: os.loadavg() }];
  if (os.loadavg()[0] > os.cpus().length) {
    console.warn(`bench: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores — figures will be inflated`);
  }
  for (const size of SIZES) {
    const url = server.origin + urls.get(size);
    const rounds = [];
    const n = size >= 20000 ? ROUNDS_20K : ROUNDS;
    for (let r = 0; r < n; r++) {
      const started = Date.now();
      await ext.settings.clearThreadState();
      // Alternate which browser goes first, so drift over a round favours neither.
      const runPlain = () => measurePlainLoad(plain.browser, url);
      const runExt = () => measureExtensionRound(ext.browser, url, { settings: ext.settings, ...planFor(size), ...shapes.get(size) });
      let p, e;
      if (r % 2 === 0) {
        p = await runPlain();
        e = await runExt();
      } else {
        e = await runExt();
        p = await runPlain();
      }
      rounds.push({ plain: p, ext: e });
      console.log(`bench: ${label(size)} round ${r + 1}/${n} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    raw[size] = rounds;
    bySize.set(size, summarizeSize(size, rounds));
    load.push({ at: `after ${label(size)}`, loadavg: os.loadavg() });
  }

  // The shipped build's first render at 5k, traced (three loads): whose are its long tasks.
  const traced = [];
  for (let i = 0; urls.has(5000) && i < TRACED_LOADS; i++) {
    await ext.settings.clearThreadState();
    traced.push(await traceFirstRender({ browser: ext.browser, url: server.origin + urls.get(5000), extensionId: ext.extensionId }));
  }

  if (traced.length > 0) {
    const ours = traced.flatMap((t) => t.tasks.filter((x) => x.ours).map((x) => x.ms));
    bySize.get(5000).extensionLongestTask = Math.max(0, ...ours);
  }
  // V8's garbage collection in the whole read (threshold:start → complete), traced: the 5k loads
  // above and one load of the 20k page. A full collection marks the page's whole DOM: whether
  // one falls inside the read moves the 20k figures (README, Performance).
  const readGc = {};
  const gcOf = (t) => ({ readMs: t.mark.complete, ...t.gc });
  if (traced.length > 0) readGc[5000] = traced.map(gcOf);
  if (urls.has(20000)) {
    await ext.settings.clearThreadState();
    readGc[20000] = [gcOf(await traceFirstRender({ browser: ext.browser, url: server.origin + urls.get(20000), extensionId: ext.extensionId }))];
  }

  // The page alone: when V8 starts its first full collection after the load, and why (two loads
  // each of the 5k and 20k pages). Against the read's own (readGc): ours, or the page's anyway.
  const pageGc = {};
  for (const size of [5000, 20000].filter((s) => urls.has(s))) {
    pageGc[size] = [];
    for (let i = 0; i < 2; i++) pageGc[size].push(await pageFirstFullGc({ browser: plain.browser, url: server.origin + urls.get(size) }));
  }

  // Where the frame of a collapse and of an expand goes, at 5k (the target's size).
  const toggleFrames = urls.has(5000)
    ? await traceToggles({ browser: ext.browser, url: server.origin + urls.get(5000), id: shapes.get(5000).largest.id })
    : null;

  let profile = null;
  if (!opt['no-profile'] && urls.has(5000)) {
    const dir = await profilingCopy(root);
    try {
      const prof = await launchBrowser(dir);
      open.push(prof.browser);
      profile = await profileExtension({
        browser: prof.browser,
        settings: prof.settings,
        extensionDir: dir,
        url: server.origin + urls.get(5000),
        strict: STRICT,
        loose: LOOSE,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await cleanup();

  const content = { min: meta.sizes.contentMinBytes, gzip: meta.sizes.contentGzipBytes };
  const targets = evaluateTargets(bySize);
  const table = renderTable(bySize, SIZES, targets, content);
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    chromium,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadavg: load,
  };
  const busiest = Math.max(...load.map((l) => l.loadavg[0]));
  console.log(`\n${machine.chromium} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB — ${machine.date}`);
  console.log(`load average (1 min) during the run: up to ${busiest.toFixed(1)}${busiest > machine.cores ? ' — the machine was busy; wall-clock figures are inflated' : ''}\n`);
  console.log(table);
  if (profile) {
    console.log('\nCPU profile, 5k page (unminified content.js; self time of the extension’s own functions):');
    for (const p of profile) {
      const mt = p.mainThread;
      console.log(`\n  ${p.phase}: extension JS ${p.extensionMs} ms; main thread, page + extension ${mt.task} ms (script ${mt.script}, style ${mt.style}, layout ${mt.layout}); GC ${p.buckets.gc} ms`);
      for (const f of p.functions.slice(0, 8)) console.log(`    ${String(f.ms).padStart(7)} ms  ${f.name}`);
      console.log(`    by module: ${p.modules.slice(0, 6).map((m) => `${m.name} ${m.ms}`).join(', ')}`);
    }
  }

  if (toggleFrames) {
    console.log('\nThe largest thread collapsed and expanded at 5k, traced (10 clicks each way, medians; tracing slows the page, so the shares count, not the totals):');
    for (const [kind, f] of Object.entries(toggleFrames)) {
      const parts = Object.entries(f).filter(([k]) => k !== 'frame').map(([k, v]) => `${k} ${v}`);
      console.log(`  ${kind}: click → rendered ${f.frame} ms = ${parts.join(' + ')} ms`);
    }
  }

  if (traced.length > 0) {
    console.log('\nLong tasks (> 50 ms) of the 5k first render, traced: ms from the content script’s start, whose (from what runs in them):');
    traced.forEach((t, i) => {
      const list = t.tasks.map((x) => `${x.ms} ms at ${x.at}: ${x.ours ? 'EXTENSION' : 'page'} (${x.why}; ${x.holds || 'nothing traced inside'})`);
      console.log(`  load ${i + 1}: ${list.length ? list.join('; ') : 'none'}`);
    });
  }

  if (Object.keys(readGc).length > 0) {
    const first = (f, readMs) =>
      !f ? '; no full collection by the end of the trace' : `; first full collection ${f.at} ms after the start${f.at > readMs ? ', after complete' : ''}: ${f.reason}`;
    const each = (list) => list.map((g) => `${Math.round(g.ms)} of ${Math.round(g.readMs)} ms (full collections ${Math.round(g.fullMs)}${first(g.firstFull, g.readMs)})`).join(', ');
    console.log(`\nV8 garbage collection during the whole read (threshold:start → complete; traced, so slower), ms of the read: ${Object.entries(readGc).map(([size, list]) => `${label(Number(size))} ${each(list)}`).join('; ')}`);
  }

  if (Object.keys(pageGc).length > 0) {
    const at = (f) => (f === null ? 'none within 4 s' : `${f.at} ms (${f.reason})`);
    console.log(`The page alone: V8's first full collection after the load event (traced): ${Object.entries(pageGc).map(([size, list]) => `${label(Number(size))} ${list.map(at).join(', ')}`).join('; ')}`);
  }

  const results = {
    machine,
    definitions: {
      ownLoad: 'navigationStart → loadEventEnd (Navigation Timing), browser without the extension',
      added:
        'threshold:start (or the start of the long task that runs the content script, if earlier) → end of the frame rendered after the overlay’s first DOM change after threshold:ready (parse and first slice on screen), or the end of a long task overlapping that window, if later',
      complete:
        'the same start → end of the frame rendered after the overlay’s last DOM change (every slice: all comments in the overlay), or the end of an overlapping long task, if later',
      reflowSettled: 'threshold:reflow-start → end of the frame rendered after the last DOM mutation (MutationObserver + requestAnimationFrame)',
      toggle: 'click dispatched in the page → end of the frame rendered after the last DOM mutation',
      singleToggle: 'the same, for a shown comment with text and no replies, scrolled to the middle of the screen',
      pageSmallChange:
        'browser without the extension: one comment’s text (div#comment_body_ID, a third of the way down, scrolled to the middle of the screen) hidden or shown with an inline style → end of the next frame rendered',
      screenfulFloor:
        'browser with the extension, none of its code running: copies of the drawn rows in a list of their own at the top of the view, replaced by a second set of copies → end of the next frame rendered',
      pageGc:
        'browser without the extension, traced from before the navigation: ms from loadEventEnd to the start of V8’s first full collection (V8.GCIncrementalMarkingStart) and the trace’s reason for it; null = none within 4 s',
      readGc:
        'traced loads with the extension: main-thread ms of V8 collections between threshold:start and threshold:complete (all, and full ones), and the first full collection: ms after threshold:start (negative: already marking) and its reason',
      heap: 'CDP Runtime.getHeapUsage (whole V8 isolate: page and content-script worlds) after HeapProfiler.collectGarbage, with − without, ÷ comments',
    },
    thresholds: { loose: LOOSE, strict: STRICT },
    content,
    summary: Object.fromEntries([...bySize].map(([k, v]) => [k, v])),
    targets,
    table,
    profile,
    tracedLongTasks: traced,
    readGc,
    pageGc,
    toggleFrames,
    raw,
  };
  await writeFile(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 1)}\n`);
  console.log('\nbench: wrote bench/results.json');
}

main()
  .catch(async (err) => {
    console.error('bench failed:', err);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    clearTimeout(watchdog);
  });
