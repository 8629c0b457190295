// Which long tasks of a first render are the extension's, from a Chromium trace of the load.
//
// The Long Tasks API (what the main rounds record) does not say whose a task is, and the page
// itself still runs long tasks after the content script starts: its own load event, the
// pre-paint of its 5 MB listing. Counted as ours, those made "longest long task" a figure of
// the page. A trace shows what runs inside each task:
//   - a task is the extension's when it runs the extension's script (an EvaluateScript,
//     FunctionCall, TimerFire… event whose URL is the extension's), or a scheduler.postTask
//     callback (the extension's slices; the generated pages post no tasks);
//   - or when it renders (style, layout, pre-paint, paint) after the overlay is in the page
//     (the threshold:stored mark, just before the mount): from then on the page is loaded
//     and what changes on screen is the overlay.
// Everything else is the page's.

const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize']);
const LONG_US = 50_000;

/**
 * @param {Array<object>} events  traceEvents of the renderer's main thread (one pid/tid)
 * @param {string} extensionOrigin e.g. "chrome-extension://abc"
 * @returns {{ mark: Record<string, number>, tasks: Array<{ at: number, ms: number, ours: boolean, why: string }> }}
 *   times in ms from threshold:start
 */
export function attributeLongTasks(events, extensionOrigin) {
  const marks = {};
  for (const e of events) if (typeof e.name === 'string' && e.name.startsWith('threshold:') && e.ph !== 'X') marks[e.name.slice(10)] ??= e.ts;
  if (marks.start === undefined || marks.complete === undefined) throw new Error('trace has no threshold:start/complete marks');
  const mounted = marks.stored ?? marks.ready;
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > LONG_US && e.ts + e.dur > marks.start && e.ts < marks.complete)
    .sort((a, b) => a.ts - b.ts);
  const inner = events.filter((e) => e.ph === 'X' && e.name !== 'RunTask');
  const out = [];
  for (const t of tasks) {
    const inside = inner.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur);
    // Its slices and what follows them run as scheduler.postTask callbacks and their promise
    // continuations, which the trace does not name by script: the generated pages never post
    // tasks, so such a task is the extension's.
    const script = inside.find((e) => urlOf(e)?.startsWith(extensionOrigin) || e.name === 'RunPostTaskCallback');
    const render = t.ts + t.dur > mounted ? inside.find((e) => RENDER.has(e.name)) : undefined;
    out.push({
      at: round((t.ts - marks.start) / 1000),
      ms: round(t.dur / 1000),
      ours: Boolean(script || render),
      why: script ? `runs ${script.name} of the extension` : render ? `renders (${render.name}) after the mount` : 'the page’s own',
      holds: biggest(inside),
    });
  }
  return {
    mark: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, round((v - marks.start) / 1000)])),
    tasks: out,
    gc: { ...garbageCollection(events, marks.start, marks.complete), firstFull: firstFullGc(events, marks.start) },
  };
}

/** V8's collections as the trace names them: young (scavenges) and full (marking, then finishing). */
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GCFinalizeMCReduceMemory', 'V8.GCCompactor']);
const FULL_GC = new Set(['MajorGC', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GCFinalizeMCReduceMemory', 'V8.GCCompactor']);

/**
 * The first full collection V8 starts at or after `from` (trace µs), or the one already marking
 * then: `at` ms after `from` (negative: marking began before), and the trace's reason, e.g.
 * "task (fallback for embedder limit)" (a task V8 posts once the page has loaded) or "global
 * allocation limit (global allocation limit reached)" (an allocation crossed the limit V8 set
 * after the load); `null` when none. Chromium's full collections mark incrementally: they
 * begin with V8.GCIncrementalMarkingStart and end with MajorGC.
 */
export function firstFullGc(events, from) {
  const starts = events.filter((e) => e.name === 'V8.GCIncrementalMarkingStart').sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'MajorGC').map((e) => e.ts);
  const before = starts.filter((e) => e.ts < from).at(-1);
  const running = before && !ends.some((t) => t > before.ts && t < from) ? before : undefined;
  const start = running ?? starts.find((e) => e.ts >= from);
  if (!start) return null;
  const why = start.args?.value ?? {};
  const reason = why.gc_reason ? `${why.gc_reason}${why.reason ? ` (${why.reason})` : ''}` : 'not traced';
  return { at: round((start.ts - from) / 1000), reason };
}

/**
 * Main-thread time spent collecting garbage between `from` and `to` (trace µs), in ms: `ms` in
 * all, `fullMs` in full collections (those mark the page's whole DOM as well). Events nest (a
 * scavenge inside MinorGC, marking steps inside a task): the time is that of their union.
 */
export function garbageCollection(events, from, to) {
  const spans = (names) => {
    const list = events
      .filter((e) => e.ph === 'X' && names.has(e.name))
      .map((e) => [Math.max(e.ts, from), Math.min(e.ts + e.dur, to)])
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of list) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    return round(total / 1000);
  };
  return { ms: spans(GC), fullMs: spans(FULL_GC) };
}

/** The three longest kinds of work inside a task, e.g. "MajorGC 38, FunctionCall 12". */
function biggest(inside) {
  const by = new Map();
  for (const e of inside) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([n, v]) => `${n} ${Math.round(v)}`).join(', ');
}

function urlOf(e) {
  const d = e.args?.data;
  return d?.url ?? d?.scriptName ?? d?.stackTrace?.[0]?.url ?? null;
}

const round = (x) => Math.round(x * 10) / 10;

/** The main thread of the renderer that ran the page: the CrRendererMain with the mark `mark`. */
export function mainThreadEvents(traceEvents, mark = 'threshold:start') {
  const names = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  for (const n of names) {
    const mine = traceEvents.filter((e) => e.pid === n.pid && e.tid === n.tid);
    if (mine.some((e) => e.name === mark)) return mine;
  }
  throw new Error(`no renderer main thread with ${mark} marks in the trace`);
}
