/**
 * Fills `el` with `text`, keyword ranges wrapped in <mark>: text nodes only, never HTML.
 * `marks` are [start, end) offsets in order (model/highlight.ts keywordRanges).
 */
export function setMarkedText(el: Element, text: string, marks: ReadonlyArray<readonly [number, number]>): void {
  if (marks.length === 0) {
    el.textContent = text;
    return;
  }
  const doc = el.ownerDocument;
  el.textContent = '';
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) el.append(text.slice(at, start));
    const mark = doc.createElement('mark');
    mark.textContent = text.slice(start, end);
    el.append(mark);
    at = end;
  }
  if (at < text.length) el.append(text.slice(at));
}
