// Reading the settings, for every context including the content script. What converts an
// older stored layout (./migrations) is not here: each page load would carry it for a case
// that happens once per update. A reader is told how to get the layout migrated instead.
import browser from 'webextension-polyfill';
import { CURRENT_SCHEMA_VERSION, LEGACY_SETTINGS_KEY, readSchemaVersion, SCHEMA_VERSION_KEY } from './schema-version';
import { parseSettings, SETTINGS_KEYS } from './schema';
import type { Settings } from './types';

export const SETTINGS_KEY_SET: ReadonlySet<string> = new Set(SETTINGS_KEYS);

function readRaw(): Promise<Record<string, unknown>> {
  return browser.storage.sync.get([...SETTINGS_KEYS, SCHEMA_VERSION_KEY, LEGACY_SETTINGS_KEY]);
}

/**
 * The current settings. When the stored layout is older than this code, `migrate` brings it
 * up to date first (extension pages run the migrations; the content script asks the
 * background to), then the settings are read again.
 */
export async function readSettings(migrate: () => Promise<unknown>): Promise<Settings> {
  let raw = await readRaw();
  if (readSchemaVersion(raw) < CURRENT_SCHEMA_VERSION) {
    await migrate();
    raw = await readRaw();
  }
  return parseSettings(raw);
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
