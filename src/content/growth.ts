import type { Comment, Discussion, RawComment } from '../model/types';
import { buildTree } from '../model/build-tree';
import type { SiteAdapter } from '../sites/types';
import { isBorrowed } from '../overlay/body-slot';

/**
 * Comments that arrive after load (Slashdot's "More", replies the site fetches on demand)
 * are inserted by the site's own scripts into its listing, which we keep hidden. Watching
 * that listing and re-reading the page lets the overlay take them in without a reload.
 *
 * Our own moves of body nodes also mutate the listing; they are recognized and ignored, so a
 * collapse or a threshold change never triggers a re-parse.
 */
export function watchGrowth(
  adapter: SiteAdapter,
  doc: Document,
  url: URL,
  current: () => Discussion,
  onGrown: (next: Discussion) => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const seen = (records: MutationRecord[]) => {
    if (records.every(isOurs)) return;
    clearTimeout(timer);
    // The site inserts a batch in several steps; one re-read after it settles.
    timer = setTimeout(() => {
      const next = regrow(adapter, doc, url, current());
      if (next) onGrown(next);
    }, 150);
  };
  const observer = new MutationObserver(seen);
  observer.observe(current().container, { childList: true, subtree: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}

function isOurs(r: MutationRecord): boolean {
  for (const n of r.addedNodes) if (!isBorrowed(n)) return false;
  for (const n of r.removedNodes) if (!isBorrowed(n)) return false;
  return true;
}

/**
 * The discussion with what the page gained, or null when it gained nothing. Comments we
 * already hold keep their objects (their bodies may be on screen, moved out of the listing,
 * where a fresh parse would not find them), unless the page now has the text of one we only
 * knew as a one-liner or script stub.
 */
export function regrow(adapter: SiteAdapter, doc: Document, url: URL, old: Discussion): Discussion | null {
  let result;
  try {
    result = adapter.parse(doc, url);
  } catch {
    return null; // keep showing what we have rather than lose it
  }
  if (!result.ok) return null;
  let changed = false;
  const seen = new Set<string>();
  const merged: RawComment[] = [];
  for (const fresh of result.page.comments) {
    seen.add(fresh.id);
    const known = old.byId.get(fresh.id);
    if (!known) {
      changed = true;
      merged.push(fresh);
    } else if (!known.body && fresh.body) {
      changed = true;
      merged.push({ ...fresh, parent: fresh.parent !== undefined ? fresh.parent : known.parent });
    } else {
      merged.push(asRaw(known));
    }
  }
  if (!changed) return null;
  // Comments the new parse missed stay: text is never dropped.
  for (const c of old.all) if (!seen.has(c.id)) merged.push(asRaw(c));
  return buildTree({ ...result.page, container: old.container, comments: merged });
}

function asRaw(c: Comment): RawComment {
  return { ...c, parent: c.parent, depth: undefined };
}
