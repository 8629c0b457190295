// Per-thread state (collapsed comments, last visit) in storage.local under `thread:<key>`.
//
// Eviction must stay cheap on the common path: a small `threadStats` item keeps a running
// count and byte total, updated in the same write as the thread itself. Only when it says a
// limit is crossed (or every SWEEP_EVERY saves, to correct drift from pages writing at the
// same time, or when it is missing) do we read everything once and forget the least recently
// visited threads, down to a low-water mark so the next sweeps are far away: the background does
// that (thread-sweep.ts).
import browser from 'webextension-polyfill';
import * as z from 'zod/mini';
import './zod-config';
import { orDefault } from './or-default';
import { isQuotaError } from './errors';
import { SWEEP_THREADS, type SweepRequest, type ThreadStoreLimits } from '../shared/messages';
import { itemBytes, LOCAL_HIGH_WATER, LOCAL_QUOTA_BYTES, MAX_COLLAPSED_PER_THREAD, MAX_THREADS } from './limits';
import type { ThreadState } from './types';

export const THREAD_PREFIX = 'thread:';
export const THREAD_STATS_KEY = 'threadStats';
/** Full recount at least this often, whatever the running totals say. */
export const SWEEP_EVERY = 1000;

export type { ThreadStoreLimits } from '../shared/messages';

export interface ThreadStats {
  count: number;
  bytes: number;
  saves: number;
}

const statsSchema = z.object({
  count: z.int().check(z.nonnegative()),
  bytes: z.number().check(z.nonnegative()),
  saves: z.int().check(z.nonnegative()),
});

const threadSchema = z.object({
  collapsed: orDefault(
    z.pipe(
      z.array(z.unknown()),
      z.transform((ids) => capCollapsed(ids.filter((id): id is string => typeof id === 'string' && id !== ''))),
    ),
    () => [] as string[],
  ),
  lastVisit: orDefault(z.number().check(z.nonnegative()), () => 0),
});

function capCollapsed(ids: string[]): string[] {
  const unique = [...new Set(ids)];
  // The latest collapses are at the end: keep those.
  return unique.length > MAX_COLLAPSED_PER_THREAD ? unique.slice(-MAX_COLLAPSED_PER_THREAD) : unique;
}

/** State for a thread never saved, or whose entry is unreadable. */
export function emptyThreadState(): ThreadState {
  return { collapsed: [], lastVisit: 0 };
}

/** A stored thread entry, or the empty state if it is missing or corrupt. Never throws. */
export function parseThreadState(raw: unknown): ThreadState {
  const r = threadSchema.safeParse(raw);
  return r.success ? r.data : emptyThreadState();
}

export function threadStorageKey(threadKey: string): string {
  if (typeof threadKey !== 'string' || !threadKey) throw new TypeError('A thread key must be a non-empty string');
  return THREAD_PREFIX + threadKey;
}

function currentLimits(): ThreadStoreLimits {
  const quota = (browser.storage.local as { QUOTA_BYTES?: unknown }).QUOTA_BYTES;
  const bytes = typeof quota === 'number' && quota > 0 ? quota : LOCAL_QUOTA_BYTES;
  return { maxThreads: MAX_THREADS, maxBytes: Math.floor(bytes * LOCAL_HIGH_WATER) };
}

let limits: ThreadStoreLimits | null = null;

/** For tests and tools: smaller limits make eviction observable without thousands of writes. */
export function setThreadStoreLimits(next: ThreadStoreLimits | null): void {
  limits = next;
}

// One page's thread operations run one after another, so a load sees this page's own saves
// and the running totals are not raced by ourselves.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

export function loadThread(threadKey: string): Promise<ThreadState> {
  const key = threadStorageKey(threadKey);
  return serial(async () => parseThreadState((await browser.storage.local.get(key))[key]));
}

/** Stores the thread's state with lastVisit = now. Resolves to what was stored. */
export function saveThread(threadKey: string, state: ThreadState): Promise<ThreadState> {
  return serial(async () => (await write(threadStorageKey(threadKey), () => state)).next);
}

/** Records a visit (lastVisit = now). Resolves to the state as it was before, for "new since last visit". */
export function touchThread(threadKey: string): Promise<ThreadState> {
  return serial(async () => (await write(threadStorageKey(threadKey), (prev) => prev)).prev);
}

async function write(
  key: string,
  update: (prev: ThreadState) => ThreadState,
): Promise<{ prev: ThreadState; next: ThreadState }> {
  const got = await browser.storage.local.get([key, THREAD_STATS_KEY]);
  const existed = key in got;
  const prev = parseThreadState(got[key]);
  const next = parseThreadState({ ...update(prev), lastVisit: Date.now() });

  const parsedStats = statsSchema.safeParse(got[THREAD_STATS_KEY]);
  const old = parsedStats.success ? parsedStats.data : null;
  const stats: ThreadStats = {
    count: (old?.count ?? 0) + (existed ? 0 : 1),
    bytes: (old?.bytes ?? 0) + itemBytes(key, next) - (existed ? itemBytes(key, got[key]) : 0),
    saves: (old?.saves ?? 0) + 1,
  };
  const lim = limits ?? currentLimits();
  try {
    await browser.storage.local.set({ [key]: next, [THREAD_STATS_KEY]: stats });
  } catch (e) {
    if (!isQuotaError(e)) throw e;
    // The totals were behind (other pages writing): make room for real, then retry once.
    await sweep(key, lim, true);
    await browser.storage.local.set({ [key]: next });
    return { prev, next };
  }
  if (!old || stats.count > lim.maxThreads || stats.bytes > lim.maxBytes || stats.saves >= SWEEP_EVERY) {
    await sweep(key, lim, false);
  }
  return { prev, next };
}

/**
 * Forgets the least recently visited threads when over a limit (thread-sweep.ts), in the
 * background: it reads all of storage.local at once, which has no place on the page's main
 * thread, and few page loads need it (the content script is small for the rest).
 */
async function sweep(keep: string, lim: ThreadStoreLimits, force: boolean): Promise<void> {
  const request: SweepRequest = { type: SWEEP_THREADS, keep, lim, force };
  await browser.runtime.sendMessage(request);
}
