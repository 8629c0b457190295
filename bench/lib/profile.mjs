// Where the extension's time goes on the 5k page: CDP Profiler (sampling CPU profile of the
// tab's renderer, which covers the content script's isolated world) around three phases —
// first render, a threshold change, a collapse + expand — with an unminified content.js so
// functions keep their names, and each function placed in its source module through the
// "// src/…" comments esbuild writes above every module of a non-minified bundle.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { newMeasuredPage } from './browsers.mjs';

function moduleIndex(source) {
  const starts = [];
  source.split('\n').forEach((line, i) => {
    const m = /^\s*\/\/ ((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) starts.push([i, m[1]]);
  });
  return (line) => {
    let found = '(bundle)';
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

function summarize(profile, moduleOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const modules = new Map();
  let total = 0;
  let extension = 0;
  const buckets = { extension: 0, gc: 0, program: 0, idle: 0, other: 0 };
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const { callFrame: f } = byId.get(id);
    total += dt;
    if (f.url.startsWith('chrome-extension://')) {
      extension += dt;
      buckets.extension += dt;
      const mod = moduleOf(f.lineNumber);
      const key = `${f.functionName || '(anonymous)'}  ${mod}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      modules.set(mod, (modules.get(mod) ?? 0) + dt);
    } else if (f.functionName === '(garbage collector)') buckets.gc += dt;
    else if (f.functionName === '(program)') buckets.program += dt;
    else if (f.functionName === '(idle)') buckets.idle += dt;
    else buckets.other += dt;
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => ({ name, ms: round(ms) }));
  return {
    totalMs: round(total),
    buckets: Object.fromEntries(Object.entries(buckets).map(([k, v]) => [k, round(v)])),
    extensionMs: round(extension),
    functions: top(self, 15),
    modules: top(modules, 10),
  };
}

const round = (x) => Math.round(x * 10) / 10;

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}
const delta = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, round(a[k] - b[k])]));

export async function profileExtension({ browser, settings, extensionDir, url, strict, loose, label = '5k' }) {
  const moduleOf = moduleIndex(await readFile(path.join(extensionDir, 'content.js'), 'utf8'));
  const { page, cdp } = await newMeasuredPage(browser);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const phase = async (name, run) => {
    const m0 = await metrics(cdp);
    await cdp.send('Profiler.start');
    await run();
    const { profile } = await cdp.send('Profiler.stop');
    const m1 = await metrics(cdp);
    return { phase: name, mainThread: m0.task <= m1.task ? delta(m1, m0) : m1, ...summarize(profile, moduleOf) };
  };
  try {
    const out = [];
    out.push(await phase(`first render (${label})`, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
      await page.bringToFront();
      await page.waitForFunction(() => performance.getEntriesByName('threshold:complete').length > 0, { timeout: 180_000, polling: 50 });
      await page.evaluate(() => window.__bench.initialSettled());
    }));
    out.push(await phase(`threshold change ×2 (${label})`, async () => {
      for (const t of [strict, loose]) {
        const n = await page.evaluate(() => (window.__bench.arm(), performance.getEntriesByName('threshold:reflow-end').length));
        await settings.setThresholds(t);
        await page.waitForFunction((k) => performance.getEntriesByName('threshold:reflow-end').length > k, { timeout: 60_000, polling: 20 }, n);
        await page.evaluate(() => window.__bench.quiet());
      }
    }));
    out.push(await phase(`collapse + expand (${label})`, async () => {
      await page.evaluate(async () => {
        let best = null;
        let size = -1;
        for (const el of document.querySelectorAll('[data-threshold-root] [data-comment-id]')) {
          if (el.parentElement.closest('[data-comment-id]')) continue;
          const n = el.querySelectorAll('[data-comment-id]').length;
          if (n > size) [best, size] = [el, n];
        }
        const id = best.dataset.commentId;
        for (let i = 0; i < 2; i++) {
          const el = document.querySelector(`[data-threshold-root] [data-comment-id="${id}"]`);
          window.__bench.arm();
          el.querySelector('.thr-head button.thr-toggle').click();
          await window.__bench.quiet();
        }
      });
    }));
    return out;
  } finally {
    await page.close();
  }
}
