// Sizes and caps for what Threshold keeps in extension storage. The browser's own limits
// (Chrome's numbers; Firefox's storage.sync uses the same ones) are repeated here because
// `browser.storage.sync.QUOTA_BYTES_PER_ITEM` is not exposed everywhere (Firefox has no
// such property) and we must check sizes *before* writing, to give the user a clear message.

/** storage.sync: the largest single item, in bytes (key + JSON of the value, UTF-8). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
/** storage.sync: everything together. */
export const SYNC_QUOTA_BYTES = 102_400;
/** storage.local in Chrome without "unlimitedStorage"; Firefox has no fixed quota, we keep to it anyway. */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/** Longest entry in a highlight / host list, in characters. */
export const MAX_LIST_ENTRY_LENGTH = 100;
/** Most entries in one list. The byte size of the item is checked as well (see listFitsItem). */
export const MAX_LIST_ENTRIES = 500;

/** Most threads with remembered state; beyond it the least recently visited are forgotten. */
export const MAX_THREADS = 5000;
/** Most collapsed comment ids remembered per thread (the latest ones are kept). */
export const MAX_COLLAPSED_PER_THREAD = 2000;
/** Share of storage.local that thread state may fill before eviction starts. */
export const LOCAL_HIGH_WATER = 0.8;

const encoder = new TextEncoder();

/** Length in bytes of a string once UTF-8 encoded. */
export function utf8Length(text: string): number {
  // Fast path: most keys and values are ASCII.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/**
 * How the browser sizes one storage item against its quotas: the key plus the JSON
 * serialization of the value, in bytes (Chromium's SettingsStorageQuotaEnforcer does this).
 */
export function itemBytes(key: string, value: unknown): number {
  return utf8Length(key) + utf8Length(JSON.stringify(value) ?? '');
}
