// Versioned layout of storage.sync. `schemaVersion` says which layout the data is in; each
// entry of MIGRATIONS turns version N into N+1. Migrations are pure functions of a snapshot
// of the storage area, so each can be tested alone and the chain can be computed before a
// single write is made.
import browser from 'webextension-polyfill';
import type { Thresholds } from '../model/types';
import { cleanList, DEFAULT_SETTINGS, normalizeStoredThresholds } from './schema';
import { CURRENT_SCHEMA_VERSION, LEGACY_SETTINGS_KEY, readSchemaVersion, SCHEMA_VERSION_KEY } from './schema-version';

export { CURRENT_SCHEMA_VERSION, LEGACY_SETTINGS_KEY, readSchemaVersion, SCHEMA_VERSION_KEY };


export type Snapshot = Readonly<Record<string, unknown>>;

/** What one migration changes: keys to write and keys to delete. */
export interface MigrationStep {
  set: Record<string, unknown>;
  remove: string[];
}

export type Migration = (data: Snapshot) => MigrationStep;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Version 0 (the prototype, before `schemaVersion` existed) kept everything in one key:
 *   settings: { threshold: number, highlightThreshold: number, users: "alice, bob" }
 * `threshold`: comments at or above were shown whole, the rest hidden (no one-line tier);
 * `highlightThreshold`: comments at or above showed even inside collapsed subtrees;
 * `users`: comma-separated nicknames to highlight.
 * Version 1 spreads settings over one key per field.
 */
export function migrateV0ToV1(data: Snapshot): MigrationStep {
  const remove = LEGACY_SETTINGS_KEY in data ? [LEGACY_SETTINGS_KEY] : [];
  const legacy = data[LEGACY_SETTINGS_KEY];
  const set: Record<string, unknown> = {};
  if (!isRecord(legacy)) return { set, remove };

  const threshold = finite(legacy.threshold);
  const breakthrough = finite(legacy.highlightThreshold);
  if (threshold !== undefined || breakthrough !== undefined) {
    const t: Thresholds = { ...DEFAULT_SETTINGS.thresholds };
    // No one-line tier in v0: abbreviated = full leaves nothing between "whole" and "hidden".
    if (threshold !== undefined) t.full = t.abbreviated = threshold;
    if (breakthrough !== undefined) t.breakthrough = breakthrough;
    set.thresholds = normalizeStoredThresholds(t);
  }
  if (typeof legacy.users === 'string') {
    const users = cleanList(legacy.users.split(','));
    if (users.length) set.highlightUsers = users;
  }
  return { set, remove };
}

/** MIGRATIONS[N] migrates version N to N+1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  0: migrateV0ToV1,
};


export interface MigrationPlan extends MigrationStep {
  from: number;
  to: number;
}

/**
 * Runs the chain from the snapshot's version up to `target` in memory and returns the
 * combined writes. A version newer than this code knows is left alone (to === from): an
 * older copy of the extension (another synced profile) must not rewrite newer data.
 */
export function planMigrations(
  data: Snapshot,
  target = CURRENT_SCHEMA_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): MigrationPlan {
  const from = readSchemaVersion(data);
  const set: Record<string, unknown> = {};
  const remove = new Set<string>();
  if (from >= target) {
    // Same version, or newer than us. Repair only an unreadable version marker.
    if (from === target && data[SCHEMA_VERSION_KEY] !== target) set[SCHEMA_VERSION_KEY] = target;
    return { from, to: from, set, remove: [] };
  }
  const working: Record<string, unknown> = { ...data };
  for (let v = from; v < target; v++) {
    const migrate = migrations[v];
    if (!migrate) throw new Error(`No storage migration from version ${v} to ${v + 1}`);
    const step = migrate(working);
    for (const key of step.remove) {
      delete working[key];
      delete set[key];
      remove.add(key);
    }
    for (const [key, value] of Object.entries(step.set)) {
      working[key] = value;
      set[key] = value;
      remove.delete(key);
    }
  }
  set[SCHEMA_VERSION_KEY] = target;
  return { from, to: target, set, remove: [...remove] };
}

let running: Promise<MigrationPlan> | null = null;

/**
 * Brings storage.sync to the current layout. Safe to call from several places (background
 * on install, any page on load): calls in one context share one run, and runs in different
 * contexts compute the same result from the same data. New keys are written before old ones
 * are removed, so an interruption can leave a stale key behind but never lose a setting.
 */
export function runMigrations(): Promise<MigrationPlan> {
  running ??= (async () => {
    try {
      const data = await browser.storage.sync.get(null);
      const plan = planMigrations(data);
      if (Object.keys(plan.set).length) {
        // Another context may have migrated and the user saved a setting since our read:
        // a value now present under a new key is newer than anything we derived from the
        // old layout, so it is kept.
        const now = await browser.storage.sync.get(Object.keys(plan.set));
        const fresh: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(plan.set)) {
          if (key === SCHEMA_VERSION_KEY || !(key in now) || key in data) fresh[key] = value;
        }
        await browser.storage.sync.set(fresh);
      }
      if (plan.remove.length) await browser.storage.sync.remove(plan.remove);
      return plan;
    } finally {
      running = null;
    }
  })();
  return running;
}
