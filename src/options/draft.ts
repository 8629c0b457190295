// The options form as editable values, and the pure rules between it and stored Settings:
// list parsing, which fields the user changed, merging changes made elsewhere, validation.

import type { Thresholds } from '../model/types';
import { MAX_LIST_ENTRIES, MAX_LIST_ENTRY_LENGTH } from '../storage/limits';
import type { Settings } from '../storage/types';

/** Same keys as Settings; the lists are the textareas' text, one entry a line. */
export interface Draft {
  thresholds: Thresholds;
  highlightUsers: string;
  highlightKeywords: string;
  highlightSubmitter: boolean;
  disabledHosts: string[];
}

export type Field = keyof Settings;

export const FIELDS: readonly Field[] = [
  'thresholds',
  'highlightUsers',
  'highlightKeywords',
  'highlightSubmitter',
  'disabledHosts',
];

export interface ParsedList {
  items: string[];
  /** Lines dropped because an earlier line has the same entry (ignoring case). */
  duplicates: number;
  /** Entries longer than MAX_LIST_ENTRY_LENGTH, as typed. */
  tooLong: string[];
}

/**
 * One entry a line, trimmed, blank lines skipped. Matching is case-insensitive, so "Foo" and
 * "foo" are the same entry and only the first is kept.
 */
export function parseList(text: string): ParsedList {
  const items: string[] = [];
  const seen = new Set<string>();
  const tooLong: string[] = [];
  let duplicates = 0;
  for (const line of text.split(/\r?\n/)) {
    const entry = line.trim();
    if (entry === '') continue;
    const key = entry.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    items.push(entry);
    // Code points, as the storage layer counts them (an emoji is one character, not two).
    if ([...entry].length > MAX_LIST_ENTRY_LENGTH) tooLong.push(entry);
  }
  return { items, duplicates, tooLong };
}

export function formatList(items: readonly string[]): string {
  return items.join('\n');
}

export function draftFromSettings(s: Settings): Draft {
  return {
    thresholds: { ...s.thresholds },
    highlightUsers: formatList(s.highlightUsers),
    highlightKeywords: formatList(s.highlightKeywords),
    highlightSubmitter: s.highlightSubmitter,
    disabledHosts: [...s.disabledHosts],
  };
}

/** The value the draft would store for one field. */
export function draftValue<F extends Field>(draft: Draft, field: F): Settings[F] {
  const value: Settings[Field] =
    field === 'highlightUsers' || field === 'highlightKeywords'
      ? parseList(draft[field as 'highlightUsers' | 'highlightKeywords']).items
      : draft[field as Exclude<Field, 'highlightUsers' | 'highlightKeywords'>];
  return value as Settings[F];
}

/** Whether the user changed `field` from what was stored (by meaning, not by keystrokes). */
export function isDirty(field: Field, draft: Draft, saved: Settings): boolean {
  return !sameValue(draftValue(draft, field), saved[field]);
}

export function dirtyFields(draft: Draft, saved: Settings): Field[] {
  return FIELDS.filter((f) => isDirty(f, draft, saved));
}

/**
 * Settings changed elsewhere (the popup, another options tab, sync): take the new value for
 * every field the user has not edited here, keep the user's edits for the others.
 */
export function mergeExternal(draft: Draft, before: Settings, after: Settings): Draft {
  const fresh = draftFromSettings(after);
  const next = { ...draft };
  for (const field of FIELDS) {
    if (!isDirty(field, draft, before)) assign(next, fresh, field);
  }
  return next;
}

/** The patch to store: only the fields the user changed, so other fields are never overwritten. */
export function patchFrom(draft: Draft, fields: readonly Field[]): Partial<Settings> {
  const patch: Partial<Settings> = {};
  for (const field of fields) assignValue(patch, field, draftValue(draft, field));
  return patch;
}

export type Problems = Partial<Record<Field, string>>;

const LIST_NOUN: Partial<Record<Field, string>> = {
  highlightUsers: 'user',
  highlightKeywords: 'keyword',
};

/** Problems that block saving, by field, in words for the user. */
export function validate(draft: Draft): Problems {
  const problems: Problems = {};
  for (const field of ['highlightUsers', 'highlightKeywords'] as const) {
    const noun = LIST_NOUN[field] ?? 'entry';
    const { items, tooLong } = parseList(draft[field]);
    const first = tooLong[0];
    if (first !== undefined) {
      problems[field] =
        `Each ${noun} can be at most ${MAX_LIST_ENTRY_LENGTH} characters; ` +
        `"${[...first].slice(0, 30).join('')}…" is ${[...first].length}.`;
    } else if (items.length > MAX_LIST_ENTRIES) {
      problems[field] = `At most ${MAX_LIST_ENTRIES} ${noun}s; this list has ${items.length}.`;
    }
  }
  return problems;
}

/** Structural equality for the plain JSON values Settings hold (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function assign<F extends Field>(target: Draft, source: Draft, field: F): void {
  (target as Record<Field, unknown>)[field] = source[field];
}

function assignValue<F extends Field>(patch: Partial<Settings>, field: F, value: Settings[F]): void {
  patch[field] = value;
}
