import type { Thresholds } from '../model/types';

/**
 * User settings, kept in storage.sync. Each top-level field is its own storage key, so a
 * bad value resets only itself, each item stays far under sync's 8 KB per-item limit, and
 * two tabs changing different fields never overwrite each other.
 */
export interface Settings {
  thresholds: Thresholds;
  /** Nicknames to highlight (matched case-insensitively). */
  highlightUsers: string[];
  /** Words or phrases to highlight in titles and bodies (case-insensitive). */
  highlightKeywords: string[];
  /** Highlight the story submitter's comments. */
  highlightSubmitter: boolean;
  /** Hosts where the user switched Threshold off (e.g. "slashdot.org"). */
  disabledHosts: string[];
}

/** Per-thread state, kept in storage.local under `thread:<threadKey>`. */
export interface ThreadState {
  /** Site ids of the comments the user collapsed. */
  collapsed: string[];
  /** Epoch milliseconds of the last visit, for least-recently-visited eviction. */
  lastVisit: number;
}
