// Reading and writing the user's settings in storage.sync, one key per field (see types.ts
// for why). Reads never fail on bad data; writes validate first and touch only what changed.
// Extension pages use this module; the content script reads through ./settings-read alone.
import browser from 'webextension-polyfill';
import { isQuotaError, StorageLimitError } from './errors';
import { LEGACY_SETTINGS_KEY } from './schema-version';
import { runMigrations } from './migrations';
import { SETTINGS_KEYS, type SettingsKey, validateField } from './schema';
import { readSettings, SETTINGS_KEY_SET } from './settings-read';
import type { Settings } from './types';

export { onSettingsChanged } from './settings-read';

/**
 * The current settings. Runs the migrations first when the stored layout is older than
 * this code (normally done once by the background on install; this covers a page that
 * loads before the background got to it).
 */
export function loadSettings(): Promise<Settings> {
  return readSettings(runMigrations);
}

/**
 * Validates `patch` and writes its fields, each under its own
 * key, so two pages saving different fields at once never undo each other. Rejects, before
 * anything is written, with a TypeError for a wrong-typed value and a StorageLimitError
 * (message meant for the user) for one that is too big. Resolves to the keys written.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<SettingsKey[]> {
  const next: Partial<Record<SettingsKey, unknown>> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!SETTINGS_KEY_SET.has(key) || value === undefined) continue;
    next[key as SettingsKey] = validateField(key as SettingsKey, value);
  }
  const keys = Object.keys(next) as SettingsKey[];
  if (!keys.length) return [];

  // Every field of the patch is written, even one that looks unchanged in storage: a read
  // before the write could see a value another save (this page's or another tab's) is about
  // to replace, and skipping would let that older save win over this later one.
  const changes: Record<string, unknown> = next;
  const written = keys;
  try {
    await browser.storage.sync.set(changes);
  } catch (e) {
    throw toLimitError(e, written);
  }
  return written;
}

function toLimitError(e: unknown, keys: SettingsKey[]): unknown {
  if (!isQuotaError(e)) return e;
  const key = keys.join(', ');
  const text = e instanceof Error ? e.message : String(e);
  if (/WRITE_OPERATIONS/i.test(text)) {
    return new StorageLimitError(key, 'Too many changes in a short time for the browser to sync. Wait a minute and try again.');
  }
  return new StorageLimitError(key, `The browser refused to save this setting: its synced storage is full (${text}).`);
}

/** Back to the defaults: the field keys are removed, so reads fall back to DEFAULT_SETTINGS. */
export async function resetSettings(): Promise<void> {
  await browser.storage.sync.remove([...SETTINGS_KEYS, LEGACY_SETTINGS_KEY]);
}
