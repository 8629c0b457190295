// From one round's raw data to the figures the bench reports.

/**
 * What the extension adds to the page's load, on the page's clock. Two windows, both opening at
 * the start of the content script (the threshold:start mark, or earlier when the long task
 * running it began before the mark: compiling and evaluating content.js):
 *   added      closes at the end of the frame rendered after the overlay's first DOM change that
 *              follows threshold:ready — parse, first slice and its style/layout/paint: the
 *              discussion is on screen and the page answers input;
 *   complete   closes at the end of the frame rendered after the overlay's last DOM change —
 *              every comment is in the overlay (the later slices run between the page's own
 *              tasks and frames).
 * Either window also extends to the end of any long task that overlaps it. The long-task
 * figures cover the complete window: every slice, not only the first.
 */
export function firstRender(load) {
  const { marks } = load.nav;
  if (marks.start === undefined || marks.ready === undefined) throw new Error('content script left no threshold:start/ready marks');
  const batches = load.initial?.list ?? [];
  const readyBatch = batches.find(([at, rendered]) => at >= marks.ready && rendered !== null);
  const readyRendered = readyBatch ? readyBatch[1] : marks.ready;
  const completeRendered = load.initial?.rendered ?? readyRendered;
  const window = (end) => {
    const overlaps = (t) => t.start < end && t.start + t.duration > marks.start;
    const tasks = load.longTasks.filter(overlaps);
    const frames = load.frames.filter(overlaps);
    const from = Math.min(marks.start, ...tasks.map((t) => t.start));
    const to = Math.max(end, ...tasks.map((t) => t.start + t.duration));
    return { from, to, tasks, frames };
  };
  const ready = window(readyRendered);
  const complete = window(completeRendered);
  return {
    added: ready.to - ready.from,
    complete: complete.to - complete.from,
    parse: (marks.parsed ?? marks.start) - marks.start,
    marksOnly: marks.ready - marks.start,
    renderAfterReady: readyRendered - marks.ready,
    marksComplete: marks.complete === undefined ? null : marks.complete - marks.start,
    startAfterDcl: marks.start - load.nav.domContentLoaded,
    longestTask: Math.max(0, ...complete.tasks.map((t) => t.duration)),
    longTasks: complete.tasks.length,
    longestFrame: Math.max(0, ...complete.frames.map((f) => f.duration)),
  };
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
