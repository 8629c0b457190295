import { DEFAULT_THRESHOLDS } from '../model/thresholds';
// Validation and normalization of stored settings. Each top-level field has its own schema
// with its own fallback, so one corrupt or hand-edited value resets only itself. Reads are
// forgiving (anything unusable becomes the default); writes go through `validateField`,
// which rejects instead of silently changing what the user typed.
//
// zod/mini (configured in ./zod-config.ts): the content script imports this and must stay small.
import * as z from 'zod/mini';
import './zod-config';
import { orDefault } from './or-default';
import type { Thresholds } from '../model/types';
import { MAX_SCORE, MIN_SCORE } from '../model/types';
import { StorageLimitError } from './errors';
import {
  itemBytes,
  MAX_LIST_ENTRIES,
  MAX_LIST_ENTRY_LENGTH,
  SYNC_QUOTA_BYTES_PER_ITEM,
  utf8Length,
} from './limits';
import type { Settings } from './types';

/** The settings fields, each stored under its own storage.sync key of the same name. */
export const SETTINGS_KEYS = [
  'thresholds',
  'highlightUsers',
  'highlightKeywords',
  'highlightSubmitter',
  'disabledHosts',
] as const satisfies readonly (keyof Settings)[];

export type SettingsKey = (typeof SETTINGS_KEYS)[number];

// One definition of "no setting yet", shared with the model.
const DEFAULT_THRESHOLD_VALUES: Thresholds = DEFAULT_THRESHOLDS;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: copy it (`structuredClone`, spread) before changing anything. */
export const DEFAULT_SETTINGS: Settings = deepFreeze({
  thresholds: { ...DEFAULT_THRESHOLD_VALUES },
  highlightUsers: [],
  highlightKeywords: [],
  highlightSubmitter: true,
  disabledHosts: [],
});

/** A fresh, mutable copy of one field's default. */
function defaultOf<K extends SettingsKey>(key: K): Settings[K] {
  return structuredClone(DEFAULT_SETTINGS[key]) as Settings[K];
}

// ---------- thresholds ----------

function clampScore(n: number): number {
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(n)));
}

/** A finite number, rounded and clamped to -1..5; anything else falls back to `fallback`. */
const score = (fallback: number) =>
  orDefault(z.pipe(z.number(), z.transform(clampScore)), () => fallback);

/** Abbreviated above full would make the one-line tier empty and confusing: pull it down to full. */
function orderThresholds(t: Thresholds): Thresholds {
  return { full: t.full, abbreviated: Math.min(t.abbreviated, t.full), breakthrough: t.breakthrough };
}

const thresholdsShape = z.object({
  full: score(DEFAULT_THRESHOLD_VALUES.full),
  abbreviated: score(DEFAULT_THRESHOLD_VALUES.abbreviated),
  breakthrough: score(DEFAULT_THRESHOLD_VALUES.breakthrough),
});

// ---------- string lists ----------

interface ListOptions {
  /** Hosts are case-insensitive: store them lower-cased. */
  lowercase?: boolean;
}

/** Trims, drops empty and non-string entries, dedupes case-insensitively keeping the first spelling. */
export function cleanList(items: readonly unknown[], options: ListOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    let entry = item.trim();
    if (options.lowercase) entry = entry.toLowerCase();
    if (!entry) continue;
    const folded = entry.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    out.push(entry);
  }
  return out;
}

/**
 * For data already stored (or migrated): cut entries to MAX_LIST_ENTRY_LENGTH and stop
 * once the list would no longer fit one storage.sync item or has MAX_LIST_ENTRIES entries.
 */
function capList(key: string, items: string[]): string[] {
  const out: string[] = [];
  let bytes = utf8Length(key) + 2; // the key and "[]"
  for (const raw of items) {
    if (out.length >= MAX_LIST_ENTRIES) break;
    const entry = [...raw].slice(0, MAX_LIST_ENTRY_LENGTH).join('').trim();
    if (!entry || out.some((e) => e.toLowerCase() === entry.toLowerCase())) continue;
    const add = utf8Length(JSON.stringify(entry)) + (out.length ? 1 : 0);
    if (bytes + add > SYNC_QUOTA_BYTES_PER_ITEM) break;
    bytes += add;
    out.push(entry);
  }
  return out;
}

const list = (key: SettingsKey, options: ListOptions = {}) =>
  orDefault(
    z.pipe(
      z.array(z.unknown()),
      z.transform((items) => capList(key, cleanList(items, options))),
    ),
    () => [] as string[],
  );

// ---------- the settings object ----------

const fieldSchemas = {
  thresholds: orDefault(z.pipe(thresholdsShape, z.transform(orderThresholds)), () =>
    defaultOf('thresholds'),
  ),
  highlightUsers: list('highlightUsers'),
  highlightKeywords: list('highlightKeywords'),
  highlightSubmitter: orDefault(z.boolean(), () => DEFAULT_SETTINGS.highlightSubmitter),
  disabledHosts: list('disabledHosts', { lowercase: true }),
};

const settingsSchema = z.object(fieldSchemas);

/**
 * Settings from the raw storage.sync contents (one key per field). Pure; never throws:
 * missing or unusable fields take their defaults, each independently of the others.
 */
export function parseSettings(raw: Record<string, unknown>): Settings {
  const input = typeof raw === 'object' && raw !== null ? raw : {};
  return settingsSchema.parse(input) as Settings;
}

/** One field read from storage, with the same forgiveness as parseSettings. */
export function parseField<K extends SettingsKey>(key: K, raw: unknown): Settings[K] {
  return fieldSchemas[key].parse(raw) as Settings[K];
}

/** Thresholds as stored: integers in -1..5, abbreviated <= full, each bad part defaulted. */
export function normalizeStoredThresholds(raw: unknown): Thresholds {
  return fieldSchemas.thresholds.parse(raw);
}

// ---------- strict validation for writes ----------

const LIST_LABELS: Record<'highlightUsers' | 'highlightKeywords' | 'disabledHosts', string> = {
  highlightUsers: 'The list of highlighted users',
  highlightKeywords: 'The list of highlighted keywords',
  disabledHosts: 'The list of switched-off sites',
};

function checkList(key: keyof typeof LIST_LABELS, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new TypeError(`${key} must be a list of strings`);
  }
  const items = cleanList(value, { lowercase: key === 'disabledHosts' });
  const label = LIST_LABELS[key];
  const long = items.find((e) => [...e].length > MAX_LIST_ENTRY_LENGTH);
  if (long !== undefined) {
    throw new StorageLimitError(
      key,
      `${label} has an entry longer than ${MAX_LIST_ENTRY_LENGTH} characters ("${[...long].slice(0, 20).join('')}…"). Shorten it.`,
    );
  }
  if (items.length > MAX_LIST_ENTRIES) {
    throw new StorageLimitError(
      key,
      `${label} has ${items.length} entries; at most ${MAX_LIST_ENTRIES} can be kept. Remove some.`,
    );
  }
  return items;
}

/**
 * A value about to be written: normalized the same way reads normalize it (trim, dedupe,
 * clamp), but a value of the wrong type is a programming error (TypeError) and one that is
 * too big is a StorageLimitError the options page can show. Nothing is silently cut.
 */
export function validateField<K extends SettingsKey>(key: K, value: unknown): Settings[K] {
  let out: unknown;
  switch (key) {
    case 'thresholds': {
      const t = value as Partial<Record<keyof Thresholds, unknown>> | null;
      const parts = [t?.full, t?.abbreviated, t?.breakthrough];
      if (typeof t !== 'object' || t === null || parts.some((n) => typeof n !== 'number' || !Number.isFinite(n))) {
        throw new TypeError('thresholds must hold finite numbers full, abbreviated and breakthrough');
      }
      out = normalizeStoredThresholds(t);
      break;
    }
    case 'highlightSubmitter':
      if (typeof value !== 'boolean') throw new TypeError('highlightSubmitter must be true or false');
      out = value;
      break;
    case 'highlightUsers':
    case 'highlightKeywords':
    case 'disabledHosts':
      out = checkList(key, value);
      break;
    default:
      throw new TypeError(`Unknown setting "${String(key)}"`);
  }
  const bytes = itemBytes(key, out);
  if (bytes > SYNC_QUOTA_BYTES_PER_ITEM) {
    const label = key in LIST_LABELS ? LIST_LABELS[key as keyof typeof LIST_LABELS] : `The setting ${key}`;
    throw new StorageLimitError(
      key,
      `${label} is too long to save: ${bytes.toLocaleString('en-US')} bytes, and the browser keeps at most ${SYNC_QUOTA_BYTES_PER_ITEM.toLocaleString('en-US')} per setting. Remove some entries.`,
      bytes,
    );
  }
  return out as Settings[K];
}
