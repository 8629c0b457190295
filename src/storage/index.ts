// The storage layer's public surface. Pages import from here; the pieces live in small files.
export { StorageLimitError } from './errors';
export {
  LOCAL_QUOTA_BYTES,
  MAX_COLLAPSED_PER_THREAD,
  MAX_LIST_ENTRIES,
  MAX_LIST_ENTRY_LENGTH,
  MAX_THREADS,
  SYNC_QUOTA_BYTES_PER_ITEM,
} from './limits';
export { CURRENT_SCHEMA_VERSION, runMigrations } from './migrations';
export { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEYS, type SettingsKey } from './schema';
export { loadSettings, onSettingsChanged, resetSettings, saveSettings } from './settings';
export { loadThread, saveThread, touchThread } from './threads';
export type { Settings, ThreadState } from './types';
