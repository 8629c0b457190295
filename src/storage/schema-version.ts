// Which layout storage.sync is in. Apart from the migrations themselves so that the content
// script, which only reads, can tell an old layout without carrying the code that converts it.

export const SCHEMA_VERSION_KEY = 'schemaVersion';
/** The layout this code reads and writes. */
export const CURRENT_SCHEMA_VERSION = 1;
/** Version 0's single key. */
export const LEGACY_SETTINGS_KEY = 'settings';

/** The stored version: absent (or unreadable) means 0, the layout before versions existed. */
export function readSchemaVersion(data: Readonly<Record<string, unknown>>): number {
  const v = data[SCHEMA_VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}
