// From one round's raw data to the figures the bench reports.

/**
 * Time the extension adds until its overlay is on screen, on the page's clock:
 *   from  the start of the content script: the threshold:start mark, or earlier when the long
 *         task running it began before the mark (compiling and evaluating content.js),
 *   to    the end of the frame rendered after the overlay's last DOM change (the browser's
 *         style, layout and paint of the overlay, which no mark can see), or later when a long
 *         task overlapping the window ends after it.
 * That is the brief's "threshold:start → threshold:ready plus overlapping long tasks", with the
 * window closed where the overlay is rendered rather than where the script stops writing it.
 */
export function firstRender(load) {
  const { marks } = load.nav;
  if (marks.start === undefined || marks.ready === undefined) throw new Error('content script left no threshold:start/ready marks');
  const rendered = load.initial?.rendered ?? marks.ready;
  const overlaps = (t) => t.start < rendered && t.start + t.duration > marks.start;
  const tasks = load.longTasks.filter(overlaps);
  const frames = load.frames.filter(overlaps);
  const from = Math.min(marks.start, ...tasks.map((t) => t.start));
  const to = Math.max(rendered, ...tasks.map((t) => t.start + t.duration));
  return {
    added: to - from,
    parse: (marks.parsed ?? marks.start) - marks.start,
    marksOnly: marks.ready - marks.start,
    renderAfterReady: rendered - marks.ready,
    startAfterDcl: marks.start - load.nav.domContentLoaded,
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    longestFrame: Math.max(0, ...frames.map((f) => f.duration)),
  };
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
