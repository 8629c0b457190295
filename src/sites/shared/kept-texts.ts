/**
 * The short texts a model keeps for every comment (author, time, title), one copy of each, made
 * apart from the page text it was cut from. `texts` is one parse's: the memory goes with it.
 *
 * Why: a text cut out of a longer one (`slice`, a regular expression's group, `trim`) is, in V8,
 * a view that keeps the whole longer text alive: the "on DATE (#ID)" line with its tabs and
 * journal links for every timestamp, the " by NICK (Score:1) DATE" line for every one-liner's
 * author. And the same author, time or "Re:" title comes back on many comments. At 20,000
 * comments that was 1.7 of the 9.4 MB the model kept (heap snapshots), for as long as the page
 * is open.
 */
export function keptText(texts: Map<string, string>, text: string): string {
  let kept = texts.get(text);
  if (kept === undefined) {
    // A copy of its own: cutting a concatenation flattens it into a fresh string first, so the
    // result is that (in V8: the heap snapshot shows no sliced strings left), or at most a view
    // of it, never of `text`'s source.
    kept = ` ${text}`.slice(1);
    texts.set(kept, kept);
  }
  return kept;
}
