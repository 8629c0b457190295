// Reading and writing the user's settings in storage.sync, one key per field (see types.ts
// for why). Reads never fail on bad data; writes validate first and touch only what changed.
import browser from 'webextension-polyfill';
import { isQuotaError, StorageLimitError } from './errors';
import {
  CURRENT_SCHEMA_VERSION,
  LEGACY_SETTINGS_KEY,
  readSchemaVersion,
  runMigrations,
  SCHEMA_VERSION_KEY,
} from './migrations';
import { parseSettings, SETTINGS_KEYS, type SettingsKey, validateField } from './schema';
import type { Settings } from './types';

const SETTINGS_KEY_SET: ReadonlySet<string> = new Set(SETTINGS_KEYS);

async function readRaw(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get([...SETTINGS_KEYS, SCHEMA_VERSION_KEY, LEGACY_SETTINGS_KEY]);
}

/**
 * The current settings. Runs the migrations first when the stored layout is older than
 * this code (normally done once by the background on install; this covers a page that
 * loads before the background got to it).
 */
export async function loadSettings(): Promise<Settings> {
  let raw = await readRaw();
  if (readSchemaVersion(raw) < CURRENT_SCHEMA_VERSION) {
    await runMigrations();
    raw = await readRaw();
  }
  return parseSettings(raw);
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

/**
 * Calls `cb` with the full, re-read settings whenever any settings field changes in
 * storage.sync (from this page or any other). Returns the unsubscribe function.
 */
export function onSettingsChanged(cb: (settings: Settings) => void): () => void {
  let live = true;
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== 'sync' || !Object.keys(changes).some((k) => SETTINGS_KEY_SET.has(k))) return;
    // The change lists only the keys that moved; re-read so the callback sees one whole,
    // consistent Settings.
    readRaw().then(
      (raw) => {
        if (live) cb(parseSettings(raw));
      },
      (e: unknown) => console.warn('Threshold: could not re-read settings', e),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    live = false;
    browser.storage.onChanged.removeListener(listener);
  };
}
