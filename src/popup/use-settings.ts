import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, saveSettings } from '../storage/index';
import type { Settings } from '../storage/types';

/**
 * Settings for the popup: loaded once, followed through onSettingsChanged, and written with
 * an optimistic local update so the sliders answer at once. While a write of ours is in
 * flight, change notices are ignored: one could still carry the value before it and make a
 * slider jump back for a moment.
 */
export function useSettings(): {
  settings: Settings | null;
  error: string | null;
  save: (patch: Partial<Settings>) => Promise<boolean>;
} {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(`Couldn't load the settings: ${describe(e)}`),
    );
    const unsubscribe = onSettingsChanged((s) => {
      if (live && pending.current === 0) setSettings(s);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const save = useCallback(async (patch: Partial<Settings>): Promise<boolean> => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    pending.current++;
    try {
      await saveSettings(patch);
      setError(null);
      return true;
    } catch (e) {
      setError(`Couldn't save the change: ${describe(e)}`);
      // Drop the optimistic value: show what storage really holds.
      loadSettings().then(setSettings, () => undefined);
      return false;
    } finally {
      pending.current--;
    }
  }, []);

  return { settings, error, save };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
