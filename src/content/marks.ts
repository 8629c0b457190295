/**
 * User Timing marks for the benchmark (`npm run bench`) and the browser's performance panel:
 * threshold:start, threshold:parsed, threshold:ready, threshold:reflow-start, threshold:reflow-end.
 * Marks land in the page's performance timeline, where the bench reads them.
 */
export function mark(name: string): void {
  try {
    performance.mark(`threshold:${name}`);
  } catch {
    // Marks are diagnostics only; a page that replaced `performance` must not break us.
  }
}
