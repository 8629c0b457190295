// Forgetting old threads (see threads.ts): the background's part. It reads all of storage.local
// once, so it runs here, off the page, when a content script asks (SWEEP_THREADS).
import browser from 'webextension-polyfill';
import { itemBytes } from './limits';
import { parseThreadState, THREAD_PREFIX, THREAD_STATS_KEY, type ThreadStats, type ThreadStoreLimits } from './threads';
import { isSweepRequest } from '../shared/messages';

/** After eviction, this share of the limits is left in use. */
const LOW_WATER = 0.9;

/** The background's answer to a content script's SWEEP_THREADS (true once done); undefined for other messages. */
export function answerSweep(msg: unknown): Promise<true> | undefined {
  return isSweepRequest(msg) ? sweepThreads(msg.keep, msg.lim, msg.force).then(() => true) : undefined;
}

/**
 * Recounts everything in storage.local (one get(null)) and, when over a limit (or when
 * `force`d after the browser refused a write), forgets the least recently visited threads
 * until under LOW_WATER of the limits. `keep` (the thread just written) is never evicted.
 */
export async function sweepThreads(keep: string, lim: ThreadStoreLimits, force: boolean): Promise<void> {
  const all = await browser.storage.local.get(null);
  const threads: { key: string; lastVisit: number; bytes: number }[] = [];
  let bytes = 0;
  for (const [key, value] of Object.entries(all)) {
    if (key === THREAD_STATS_KEY) continue;
    const size = itemBytes(key, value);
    bytes += size;
    if (key.startsWith(THREAD_PREFIX)) {
      threads.push({ key, lastVisit: parseThreadState(value).lastVisit, bytes: size });
    }
  }
  let count = threads.length;
  const over = force || count > lim.maxThreads || bytes > lim.maxBytes;
  const evict: string[] = [];
  if (over) {
    let countTarget = Math.floor(lim.maxThreads * LOW_WATER);
    let bytesTarget = Math.floor(lim.maxBytes * LOW_WATER);
    if (force) {
      // The browser's real limit is lower than ours (other data, a smaller quota): make room anyway.
      countTarget = Math.min(countTarget, Math.floor(count * LOW_WATER));
      bytesTarget = Math.min(bytesTarget, Math.floor(bytes * LOW_WATER));
    }
    // Oldest first; ties broken by key so the result does not depend on storage order.
    threads.sort((a, b) => a.lastVisit - b.lastVisit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const t of threads) {
      if (count <= countTarget && bytes <= bytesTarget) break;
      if (t.key === keep) continue;
      evict.push(t.key);
      count--;
      bytes -= t.bytes;
    }
  }
  if (evict.length) await browser.storage.local.remove(evict);
  const stats: ThreadStats = { count, bytes, saves: 0 };
  await browser.storage.local.set({ [THREAD_STATS_KEY]: stats });
}
