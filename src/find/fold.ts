/**
 * How the find box compares text: case-insensitive, every run of whitespace as one space (the
 * page's line breaks and indentation are not what the reader sees), as the browser's own find
 * does. Folding keeps one character for each character of the whitespace-collapsed text, so an
 * offset found in folded text maps back to the page's text nodes (ranges.ts).
 */
const SPACES = /\s+/g;

export function fold(text: string): string {
  return lower(text.replace(SPACES, ' '));
}

/** The folded query; '' when there is nothing to look for (empty, or only spaces). */
export function foldQuery(query: string): string {
  return query.trim() === '' ? '' : fold(query);
}

/**
 * `fold(text)` and, for each of its characters, the index in `text` it came from (a run of
 * whitespace maps to where the run starts).
 */
export function foldMapped(text: string): { folded: string; map: Int32Array } {
  const map = new Int32Array(text.length);
  let n = 0;
  let at = 0;
  for (const m of text.matchAll(SPACES)) {
    for (let i = at; i < m.index; i++) map[n++] = i;
    map[n++] = m.index;
    at = m.index + m[0].length;
  }
  for (let i = at; i < text.length; i++) map[n++] = i;
  return { folded: fold(text), map: map.subarray(0, n) };
}

function lower(s: string): string {
  const l = s.toLowerCase();
  if (l.length === s.length) return l;
  // A few characters lower-case to two ('İ' → 'i̇'): those stay as they are, so offsets hold.
  let out = '';
  for (const ch of s) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
