// Medians per size, the targets from the README's "Performance" section, the printed table.
import { firstRender, median } from './analyze.mjs';

const KB = 1024;

export function summarizeSize(size, rounds) {
  const plain = rounds.map((r) => r.plain);
  const ext = rounds.map((r) => r.ext);
  const first = ext.map((e) => firstRender(e.load));
  const pick = (list, f) => median(list.map(f));
  const reflows = ext.flatMap((e) => e.reflows);
  const toggles = ext.flatMap((e) => e.toggles);
  const singles = ext.flatMap((e) => e.singles);
  const ownLoad = pick(plain, (p) => p.nav.loadEventEnd);
  const added = pick(first, (f) => f.added);
  const settledOf = (action, list = toggles) => list.filter((t) => t.action === action).map((t) => t.settled);
  return {
    size,
    rounds: rounds.length,
    ownLoad,
    ownLoadWithExtension: pick(ext, (e) => e.load.nav.loadEventEnd),
    added,
    addedRatio: added !== null && ownLoad ? added / ownLoad : null,
    complete: pick(first, (f) => f.complete),
    marksComplete: pick(first, (f) => f.marksComplete),
    parse: pick(first, (f) => f.parse),
    startToReady: pick(first, (f) => f.marksOnly),
    renderAfterReady: pick(first, (f) => f.renderAfterReady),
    startAfterDcl: pick(first, (f) => f.startAfterDcl),
    longestTask: Math.max(...first.map((f) => f.longestTask)),
    longestTaskMedian: pick(first, (f) => f.longestTask),
    longestFrame: Math.max(...first.map((f) => f.longestFrame)),
    addedMainThread: diffOrNull(pick(ext, (e) => e.load.work.task), pick(plain, (p) => p.work.task)),
    addedLayoutStyle: diffOrNull(
      pick(ext, (e) => e.load.work.layout + e.load.work.style),
      pick(plain, (p) => p.work.layout + p.work.style),
    ),
    addedMainThreadCpu: diffOrNull(pick(ext, (e) => e.load.cpu.task), pick(plain, (p) => p.cpu.task)),
    reflowCpu: median(reflows.map((r) => r.cpu.task)),
    collapseCpu: median(toggles.filter((t) => t.action === 'collapse').map((t) => t.cpu.task)),
    expandCpu: median(toggles.filter((t) => t.action === 'expand').map((t) => t.cpu.task)),
    reflowMarks: median(reflows.map((r) => r.marks)),
    reflowSettled: median(reflows.map((r) => r.settled)),
    reflowSettledMax: Math.max(...reflows.map((r) => r.settled ?? Infinity)),
    reflowStates: reflows.slice(0, 2).map((r) => r.states),
    collapse: median(settledOf('collapse')),
    expand: median(settledOf('expand')),
    toggledSubtree: toggles[0]?.subtree ?? null,
    singleCollapse: median(settledOf('collapse', singles)),
    singleExpand: median(settledOf('expand', singles)),
    pageSmallChange: median(plain.flatMap((p) => p.smallChanges)),
    screenfulFloor: median(ext.flatMap((e) => e.screenful ?? [])),
    togglesOk: [...toggles, ...singles].every((t) => t.ok),
    // DOM changes after the frame an update was timed to: any voids that figure (see measure.mjs).
    lateMutations: [...reflows, ...toggles, ...singles].reduce((n, r) => n + (r.lateMutations ?? 0), 0),
    heapJsPerComment: perComment(pick(ext, (e) => e.load.heap.js), pick(plain, (p) => p.heap.js), size),
    heapDomPerComment: perComment(pick(ext, (e) => e.load.heap.embedder), pick(plain, (p) => p.heap.embedder), size),
  };
}

function diffOrNull(a, b) {
  return a === null || b === null ? null : a - b;
}
function perComment(a, b, n) {
  return a === null || b === null ? null : (a - b) / n;
}

/** Every target, evaluated; `value` null means not measured (counts as not met). */
export function evaluateTargets(bySize) {
  const s5 = bySize.get(5000);
  const s20 = bySize.get(20000);
  const targets = [];
  const add = (name, value, limit, unit) => targets.push({ name, value, limit, unit, met: value !== null && value <= limit });
  for (const s of [s5, s20]) if (s) add(`added ≤ 20% of own load (${label(s.size)})`, s.addedRatio, 0.2, 'ratio');
  if (s5) {
    add('threshold change settled ≤ 16 ms (5k)', s5.reflowSettled, 16, 'ms');
    add('collapse ≤ 8 ms (5k)', s5.collapse, 8, 'ms');
    add('expand ≤ 8 ms (5k)', s5.expand, 8, 'ms');
    // Judged on the traced attribution (attribute.mjs): the page's own long tasks are not the overlay's.
    add('longest long task of the extension in the whole render ≤ 50 ms (5k)', s5.extensionLongestTask ?? null, 50, 'ms');
  }
  for (const s of [s5, s20]) if (s) add(`extra JS heap ≤ 2 KB/comment (${label(s.size)})`, s.heapJsPerComment, 2 * KB, 'B');
  if (s5 && s20) {
    for (const [key, name] of [['added', 'added'], ['complete', 'complete render'], ['reflowSettled', 'threshold change'], ['collapse', 'collapse'], ['expand', 'expand']]) {
      add(`20k ${name} ≤ 4.5× 5k`, s5[key] && s20[key] !== null ? s20[key] / s5[key] : null, 4.5, '×');
    }
  }
  return targets;
}

export function label(size) {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

const fmt = {
  ms: (v) => (v === null ? '—' : `${v.toFixed(v < 100 ? 1 : 0)} ms`),
  pct: (v) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`),
  B: (v) => (v === null ? '—' : `${Math.round(v)} B`),
  x: (v) => (v === null ? '—' : `${v.toFixed(2)}×`),
  n: (v) => (v === null ? '—' : String(v)),
};

export function renderTable(bySize, sizes, targets, content) {
  const targetOf = (prefix) => targets.filter((t) => t.name.startsWith(prefix));
  const verdict = (list) => (list.length === 0 ? '' : list.every((t) => t.met) ? 'met' : 'NOT met');
  const rows = [];
  const row = (metric, key, f, target = '', met = '') =>
    rows.push([metric, ...sizes.map((s) => f(bySize.get(s)?.[key] ?? null)), target, met]);

  row('page own load, no extension (nav start → loadEventEnd)', 'ownLoad', fmt.ms);
  row('page own load, with extension', 'ownLoadWithExtension', fmt.ms);
  row('content script starts, after DOMContentLoaded', 'startAfterDcl', fmt.ms);
  row('added until overlay on screen (top of thread)', 'added', fmt.ms);
  row('  added ÷ own load', 'addedRatio', fmt.pct, '≤ 20% (5k, 20k)', verdict(targetOf('added ≤')));
  row('  parse (start → parsed)', 'parse', fmt.ms);
  row('  start → ready (marks only)', 'startToReady', fmt.ms);
  row('  ready → first slice rendered', 'renderAfterReady', fmt.ms);
  row('until every comment is in the overlay, rendered', 'complete', fmt.ms);
  row('  start → complete (marks only)', 'marksComplete', fmt.ms);
  row('  longest long task, whole render, anyone’s (max of rounds)', 'longestTask', fmt.ms);
  row('  longest long task of the extension (traced)', 'extensionLongestTask', fmt.ms, '≤ 50 ms (5k)', verdict(targetOf('longest')));
  row('  longest animation frame, whole render', 'longestFrame', fmt.ms);
  row('  extra main-thread time (CDP TaskDuration)', 'addedMainThread', fmt.ms);
  row('  of which style + layout', 'addedLayoutStyle', fmt.ms);
  row('  extra main-thread CPU time (thread ticks)', 'addedMainThreadCpu', fmt.ms);
  row('threshold change: reflow-start → reflow-end', 'reflowMarks', fmt.ms);
  row('threshold change: → DOM settled + rendered', 'reflowSettled', fmt.ms, '≤ 16 ms (5k)', verdict(targetOf('threshold change settled')));
  row('  slowest threshold change', 'reflowSettledMax', fmt.ms);
  row('  main-thread CPU time per change', 'reflowCpu', fmt.ms);
  row('collapse largest thread: click → rendered', 'collapse', fmt.ms, '≤ 8 ms (5k)', verdict(targetOf('collapse ≤')));
  row('expand it again: click → rendered', 'expand', fmt.ms, '≤ 8 ms (5k)', verdict(targetOf('expand ≤')));
  row('  main-thread CPU time: collapse', 'collapseCpu', fmt.ms);
  row('  main-thread CPU time: expand', 'expandCpu', fmt.ms);
  row('  comments in that thread', 'toggledSubtree', fmt.n);
  row('collapse a comment without replies: click → rendered', 'singleCollapse', fmt.ms);
  row('expand that comment again: click → rendered', 'singleExpand', fmt.ms);
  row('  the page alone, no extension: one comment’s text hidden/shown → rendered', 'pageSmallChange', fmt.ms);
  row('  the browser alone: a screenful of rows replaced by copies → rendered', 'screenfulFloor', fmt.ms);
  row('  DOM changes after a timed frame (must be 0)', 'lateMutations', fmt.n);
  row('extra JS heap per comment (isolate, after GC)', 'heapJsPerComment', fmt.B, '≤ 2048 B (5k, 20k)', verdict(targetOf('extra JS heap')));
  row('extra DOM (Blink) heap per comment', 'heapDomPerComment', fmt.B);
  if (bySize.has(5000) && bySize.has(20000)) {
    const ratios = targetOf('20k ');
    rows.push(['20k ÷ 5k: ' + ratios.map((t) => `${t.name.split(' ')[1]} ${fmt.x(t.value)}`).join(', '), ...sizes.map(() => ''), '≤ 4.5×', verdict(ratios)]);
  }
  rows.push([
    `content script: ${(content.min / KB).toFixed(1)} KB minified, ${(content.gzip / KB).toFixed(1)} KB gzip`,
    ...sizes.map(() => ''),
    '≤ 30 KB gzip',
    content.gzip <= 30 * KB ? 'met' : 'NOT met',
  ]);

  const header = ['metric (median of rounds)', ...sizes.map(label), 'target', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}
