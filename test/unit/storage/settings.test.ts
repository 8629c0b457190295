import browser from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  resetSettings,
  saveSettings,
  StorageLimitError,
} from '../../../src/storage/index';
import type { Settings } from '../../../src/storage/types';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);
const sync = fake.storage.sync;

beforeEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

describe('loadSettings', () => {
  it('gives the defaults on a fresh install and marks the layout version', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(sync.snapshot()).toEqual({ schemaVersion: 1 });
  });

  it('reads one key per field, each validated on its own', async () => {
    sync.seed({
      schemaVersion: 1,
      thresholds: { full: 2, abbreviated: 'x', breakthrough: 5 },
      highlightUsers: ['alice', 7],
      highlightSubmitter: 'maybe',
    });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      thresholds: { full: 2, abbreviated: -1, breakthrough: 5 },
      highlightUsers: ['alice'],
    });
  });

  it('migrates a v0 store before reading it', async () => {
    sync.seed({ settings: { threshold: 2, highlightThreshold: 5, users: 'alice, bob' } });
    const s = await loadSettings();
    expect(s.thresholds).toEqual({ full: 2, abbreviated: 2, breakthrough: 5 });
    expect(s.highlightUsers).toEqual(['alice', 'bob']);
    expect(sync.snapshot()).not.toHaveProperty('settings');
  });
});

describe('saveSettings', () => {
  it('writes the keys of the patch and no others, in one write', async () => {
    sync.seed({ schemaVersion: 1, highlightUsers: ['alice'], highlightSubmitter: true, disabledHosts: ['a.example'] });
    const set = vi.spyOn(sync, 'set');
    const written = await saveSettings({
      highlightUsers: ['alice'],
      highlightSubmitter: true,
      highlightKeywords: ['rust'],
    });
    expect(written).toEqual(['highlightUsers', 'highlightSubmitter', 'highlightKeywords']);
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith({ highlightUsers: ['alice'], highlightSubmitter: true, highlightKeywords: ['rust'] });
    expect(sync.snapshot()).toMatchObject({ disabledHosts: ['a.example'] });
  });

  it('writes a value storage already holds: an earlier save still in flight must not win', async () => {
    await saveSettings({ highlightSubmitter: false });
    const set = vi.spyOn(sync, 'set');
    expect(await saveSettings({ highlightSubmitter: false })).toEqual(['highlightSubmitter']);
    expect(set).toHaveBeenCalledWith({ highlightSubmitter: false });
  });

  it('stores the normalized value', async () => {
    await saveSettings({ highlightUsers: [' Alice', 'alice ', 'bob'], thresholds: { full: 1, abbreviated: 3, breakthrough: 4 } });
    expect(sync.snapshot()).toMatchObject({
      highlightUsers: ['Alice', 'bob'],
      thresholds: { full: 1, abbreviated: 1, breakthrough: 4 },
    });
  });

  it('rejects an oversized list with StorageLimitError and writes nothing', async () => {
    const huge = Array.from({ length: 400 }, (_, i) => `someone-with-a-long-nickname-${i}`);
    const set = vi.spyOn(sync, 'set');
    const err = await saveSettings({ highlightKeywords: ['ok'], highlightUsers: huge }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as StorageLimitError).key).toBe('highlightUsers');
    expect((err as Error).message).toMatch(/too long to save.*8,192/);
    expect(set).not.toHaveBeenCalled();
    expect(sync.snapshot()).toEqual({});
  });

  it('turns a quota refusal from the browser into StorageLimitError', async () => {
    sync.failNextWrite(new Error('QUOTA_BYTES quota exceeded'));
    const err = await saveSettings({ highlightSubmitter: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as Error).message).toMatch(/storage is full/);
  });

  it('passes other failures through unchanged', async () => {
    const boom = new Error('IO error');
    sync.failNextWrite(boom);
    await expect(saveSettings({ highlightSubmitter: false })).rejects.toBe(boom);
  });

  it('rejects a wrong-typed value instead of storing a default', async () => {
    await expect(saveSettings({ highlightSubmitter: 'yes' as unknown as boolean })).rejects.toThrow(TypeError);
    expect(sync.snapshot()).toEqual({});
  });

  it('keeps both of two concurrent saves of different fields', async () => {
    await saveSettings({ highlightUsers: ['alice'], highlightKeywords: ['old'] });
    await Promise.all([
      saveSettings({ highlightUsers: ['alice', 'bob'] }),
      saveSettings({ highlightKeywords: ['new'] }),
      saveSettings({ thresholds: { full: 3, abbreviated: 0, breakthrough: 5 } }),
    ]);
    const s = await loadSettings();
    expect(s.highlightUsers).toEqual(['alice', 'bob']);
    expect(s.highlightKeywords).toEqual(['new']);
    expect(s.thresholds).toEqual({ full: 3, abbreviated: 0, breakthrough: 5 });
  });
});

describe('resetSettings', () => {
  it('goes back to the defaults and keeps the version', async () => {
    await loadSettings();
    await saveSettings({ highlightUsers: ['alice'], highlightSubmitter: false });
    await resetSettings();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(sync.snapshot()).toEqual({ schemaVersion: 1 });
  });
});

describe('onSettingsChanged', () => {
  function nextSettings(): { promise: Promise<Settings>; stop: () => void } {
    let stop = (): void => undefined;
    const promise = new Promise<Settings>((resolve) => {
      stop = onSettingsChanged(resolve);
    });
    return { promise, stop };
  }

  it('calls back with the whole re-read settings after a change', async () => {
    await saveSettings({ highlightUsers: ['alice'] });
    await fake.flush();
    const { promise, stop } = nextSettings();
    await saveSettings({ highlightKeywords: ['rust'] });
    const s = await promise;
    stop();
    expect(s).toEqual({ ...DEFAULT_SETTINGS, highlightUsers: ['alice'], highlightKeywords: ['rust'] });
  });

  it('ignores other areas and unrelated keys', async () => {
    const cb = vi.fn();
    const stop = onSettingsChanged(cb);
    await browser.storage.local.set({ highlightUsers: ['x'] });
    await browser.storage.sync.set({ somethingElse: 1 });
    await fake.flush();
    expect(cb).not.toHaveBeenCalled();
    await saveSettings({ highlightSubmitter: false });
    await fake.flush();
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]![0]).toMatchObject({ highlightSubmitter: false });
    stop();
  });

  it('stops after unsubscribing, even for a change already under way', async () => {
    const cb = vi.fn();
    const stop = onSettingsChanged(cb);
    await saveSettings({ highlightSubmitter: false });
    stop();
    await fake.flush();
    expect(cb).not.toHaveBeenCalled();
    expect(asFake(browser).storage.onChanged.hasListeners()).toBe(false);
  });

  it('drops a re-read that finishes after unsubscribing', async () => {
    const cb = vi.fn();
    const stop = onSettingsChanged(cb);
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const realGet = sync.get.bind(sync);
    const get = vi.spyOn(sync, 'get');
    await saveSettings({ highlightSubmitter: false });
    get.mockImplementation(async (keys) => {
      await gate;
      return realGet(keys);
    });
    await fake.flush(); // the change event is delivered; its re-read waits at the gate
    expect(get).toHaveBeenCalledTimes(1); // the listener's re-read (saveSettings does not read)
    stop();
    release();
    await fake.flush();
    expect(cb).not.toHaveBeenCalled();
  });
});
