// Messages between the popup, the content script of the open tab and the background. Settings
// changes do not go through here: the popup writes storage and every tab follows storage.onChanged.

export const GET_STATUS = 'threshold:get-status';

/**
 * Sent by a content script that finds storage in an older layout (just after an update, before
 * the background migrated it): the background runs the migrations and answers when done.
 */
export const MIGRATE_STORAGE = 'threshold:migrate-storage';

/** Whether `msg` is a message object of kind `type`. */
function hasType(msg: unknown, type: string): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === type;
}

export function isMigrateRequest(msg: unknown): boolean {
  return hasType(msg, MIGRATE_STORAGE);
}

export interface StatusRequest {
  type: typeof GET_STATUS;
}

/** Per-tier counts under the current settings. */
export interface TierCounts {
  full: number;
  abbreviated: number;
  hidden: number;
}

export type PageStatus =
  | {
      recognized: true;
      /** Whether the overlay is active (false when the user switched the site off). */
      active: boolean;
      site: string;
      siteName: string;
      host: string;
      title: string;
      total: number;
      declaredCount: number | null;
      /** Index 0 is score -1 ... index 6 is score 5. */
      byScore: number[];
      unknownScore: number;
      tiers: TierCounts;
    }
  | {
      recognized: false;
      host: string;
      /** In plain words, why the page was left as the site rendered it. */
      reason: string;
    };

export function isStatusRequest(msg: unknown): msg is StatusRequest {
  return hasType(msg, GET_STATUS);
}

/**
 * Broadcast by the content script (runtime.sendMessage) after every reflow, so an open popup
 * follows threshold changes without polling. Receivers must check `sender.tab.id`: every
 * tab with a content script sends these.
 */
export const STATUS_CHANGED = 'threshold:status-changed';

export interface StatusChanged {
  type: typeof STATUS_CHANGED;
  status: PageStatus;
}

export function isStatusChanged(msg: unknown): msg is StatusChanged {
  if (!hasType(msg, STATUS_CHANGED)) return false;
  const m = msg as { status?: unknown };
  return (
    typeof m.status === 'object' &&
    m.status !== null &&
    typeof (m.status as { recognized?: unknown }).recognized === 'boolean'
  );
}

/**
 * Sent by the content script when the reader asks to find text in the comments (Ctrl+F or
 * Cmd+F over the overlay): only the rows near the view are in the page, so the browser's own
 * find cannot see the rest. The background adds the find script (find.js, not part of the
 * content script: it is rarely needed) to the sender's frame.
 */
export const OPEN_FIND = 'threshold:open-find';

export function isOpenFindRequest(msg: unknown): boolean {
  return hasType(msg, OPEN_FIND);
}

/**
 * Sent by the content script when the thread store may be over its limits (storage/threads.ts):
 * the background recounts storage.local and forgets the least recently visited threads, never
 * `keep` (storage/thread-sweep.ts), and answers when done. `force`: the browser refused a write.
 */
export const SWEEP_THREADS = 'threshold:sweep-threads';

export interface ThreadStoreLimits {
  maxThreads: number;
  maxBytes: number;
}

export interface SweepRequest {
  type: typeof SWEEP_THREADS;
  keep: string;
  lim: ThreadStoreLimits;
  force: boolean;
}

export function isSweepRequest(msg: unknown): msg is SweepRequest {
  if (!hasType(msg, SWEEP_THREADS)) return false;
  const m = msg as Partial<Record<keyof SweepRequest, unknown>>;
  const lim = m.lim as Partial<Record<keyof ThreadStoreLimits, unknown>> | null | undefined;
  const positive = (n: unknown) => typeof n === 'number' && n > 0;
  return (
    typeof m.keep === 'string' &&
    typeof m.force === 'boolean' &&
    typeof lim === 'object' &&
    lim !== null &&
    positive(lim.maxThreads) &&
    positive(lim.maxBytes)
  );
}
