import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, resetSettings, saveSettings, StorageLimitError } from '../storage/index';
import type { Settings } from '../storage/types';
import {
  dirtyFields,
  draftFromSettings,
  FIELDS,
  formatList,
  mergeExternal,
  patchFrom,
  validate,
  type Draft,
  type Field,
  type Problems,
} from './draft';

export type Outcome =
  | { ok: true; saved: Field[] }
  | { ok: false; message: string; field: Field | null };

export interface OptionsForm {
  /** Null until the first load. */
  draft: Draft | null;
  saved: Settings | null;
  dirty: Field[];
  problems: Problems;
  loadError: string | null;
  busy: boolean;
  set: <F extends Field>(field: F, value: Draft[F]) => void;
  save: () => Promise<Outcome>;
  reset: () => Promise<Outcome>;
}

/**
 * The options form's state: what is stored (`saved`), what the user is editing (`draft`),
 * and the rules between them. Settings changed elsewhere replace only the fields the user
 * has not edited here, and Save writes only the edited fields.
 */
export function useOptionsForm(): OptionsForm {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The latest values, for callbacks that must not wait for a re-render.
  const savedRef = useRef<Settings | null>(null);
  const draftRef = useRef<Draft | null>(null);
  draftRef.current = draft;

  /** New stored settings: adopt them, keeping the user's edits against the previous ones. */
  const adopt = useCallback((next: Settings) => {
    const before = savedRef.current;
    savedRef.current = next;
    setSaved(next);
    setDraft((d) => (d && before ? mergeExternal(d, before, next) : draftFromSettings(next)));
  }, []);

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => live && adopt(s),
      (e: unknown) => live && setLoadError(messageOf(e)),
    );
    const unsubscribe = onSettingsChanged((next) => {
      if (live) adopt(next);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [adopt]);

  const set = useCallback(<F extends Field>(field: F, value: Draft[F]) => {
    setDraft((d) => (d ? { ...d, [field]: value } : d));
  }, []);

  const save = useCallback(async (): Promise<Outcome> => {
    const d = draftRef.current;
    const s = savedRef.current;
    if (!d || !s) return { ok: false, message: 'The settings have not loaded yet.', field: null };
    const problems = validate(d);
    const firstProblem = Object.keys(problems)[0] as Field | undefined;
    if (firstProblem) {
      return { ok: false, message: 'Not saved: fix the marked fields first.', field: firstProblem };
    }
    const fields = dirtyFields(d, s);
    if (fields.length === 0) return { ok: true, saved: [] };
    const patch = patchFrom(d, fields);
    setBusy(true);
    try {
      await saveSettings(patch);
      const next = { ...(savedRef.current ?? s), ...patch };
      savedRef.current = next;
      setSaved(next);
      // Show the lists as stored (trimmed, repeats dropped), unless the user typed on meanwhile.
      setDraft((cur) => (cur ? tidyLists(cur, d, next) : cur));
      return { ok: true, saved: fields };
    } catch (e) {
      return failure(e);
    } finally {
      setBusy(false);
    }
  }, []);

  const reset = useCallback(async (): Promise<Outcome> => {
    setBusy(true);
    try {
      await resetSettings();
      const fresh = await loadSettings();
      savedRef.current = fresh;
      setSaved(fresh);
      // A reset discards edits too: that is what the user confirmed.
      setDraft(draftFromSettings(fresh));
      return { ok: true, saved: [] };
    } catch (e) {
      return failure(e);
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    draft,
    saved,
    dirty: draft && saved ? dirtyFields(draft, saved) : [],
    problems: draft ? validate(draft) : {},
    loadError,
    busy,
    set,
    save,
    reset,
  };
}

function tidyLists(current: Draft, submitted: Draft, stored: Settings): Draft {
  const next = { ...current };
  for (const field of ['highlightUsers', 'highlightKeywords'] as const) {
    if (current[field] === submitted[field]) next[field] = formatList(stored[field]);
  }
  return next;
}

function failure(e: unknown): Outcome {
  if (e instanceof StorageLimitError) {
    return { ok: false, message: `Not saved. ${e.message}`, field: isField(e.key) ? e.key : null };
  }
  return { ok: false, message: `Not saved: ${messageOf(e)}`, field: null };
}

function isField(key: string): key is Field {
  return (FIELDS as readonly string[]).includes(key);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
