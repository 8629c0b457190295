import browser from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestSite } from '../../../src/shared/site-access';
import { MIGRATE_STORAGE, SWEEP_THREADS } from '../../../src/shared/messages';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);
const { events } = fake;

// Importing the background registers its listeners, once, as the browser would load it.
await import('../../../src/background/index');

beforeEach(() => fake.reset());

function registeredMatches(): (string[] | undefined)[] {
  return fake.registeredScripts().map((s) => s.matches);
}

describe('background', () => {
  it('registers every listener when loaded', () => {
    expect(events.onInstalled.hasListeners()).toBe(true);
    expect(events.onStartup.hasListeners()).toBe(true);
    expect(events.onPermissionsAdded.hasListeners()).toBe(true);
    expect(events.onPermissionsRemoved.hasListeners()).toBe(true);
  });

  it('migrates storage and registers user sites on install or update', async () => {
    fake.storage.sync.seed({ settings: { threshold: 3, users: 'ann' } });
    fake.grant(['https://mirror.example/*']);
    events.onInstalled.dispatch({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => {
      expect(fake.storage.sync.snapshot()).toEqual({
        schemaVersion: 1,
        thresholds: { full: 3, abbreviated: 3, breakthrough: 4 },
        highlightUsers: ['ann'],
      });
      expect(registeredMatches()).toEqual([['https://mirror.example/*']]);
    });
  });

  it('migrates storage when a content script asks (it does not carry the migrations), and answers once done', async () => {
    fake.storage.sync.seed({ settings: { threshold: 2 } });
    expect(await browser.runtime.sendMessage({ type: MIGRATE_STORAGE })).toBe(true);
    expect(fake.storage.sync.snapshot()).toEqual({ schemaVersion: 1, thresholds: { full: 2, abbreviated: 2, breakthrough: 4 } });
    // Anything else is not the background's to answer.
    expect(await browser.runtime.sendMessage({ type: 'threshold:get-status' })).toBeUndefined();
  });

  it('forgets the oldest threads when a content script asks (it does not read all of storage itself), never the one it keeps', async () => {
    const thread = (lastVisit: number) => ({ collapsed: ['1'], lastVisit });
    fake.storage.local.seed({ 'thread:a': thread(1), 'thread:b': thread(2), 'thread:c': thread(3), 'thread:d': thread(4), other: 1 });
    const lim = { maxThreads: 3, maxBytes: 1e6 };
    expect(await browser.runtime.sendMessage({ type: SWEEP_THREADS, keep: 'thread:a', lim, force: false })).toBe(true);
    const left = fake.storage.local.snapshot() as Record<string, unknown>;
    // Down to 90% of the limit (2 threads): the oldest go first, except the one kept.
    expect(Object.keys(left).sort()).toEqual(['other', 'thread:a', 'thread:d', 'threadStats']);
    expect(left.threadStats).toMatchObject({ count: 2, saves: 0 });
  });

  it('ignores a malformed request to forget threads', async () => {
    fake.storage.local.seed({ 'thread:a': { collapsed: [], lastVisit: 1 } });
    for (const bad of [
      { type: SWEEP_THREADS },
      { type: SWEEP_THREADS, keep: 'thread:a', lim: { maxThreads: 0, maxBytes: 10 }, force: true },
      { type: SWEEP_THREADS, keep: 'thread:a', lim: null, force: true },
      { type: SWEEP_THREADS, keep: 7, lim: { maxThreads: 1, maxBytes: 1 }, force: true },
    ]) {
      await expect(browser.runtime.sendMessage(bad)).resolves.toBeUndefined();
    }
    expect(fake.storage.local.snapshot()).toEqual({ 'thread:a': { collapsed: [], lastVisit: 1 } });
  });

  it('re-registers at browser start', async () => {
    fake.grant(['https://mirror.example/*']);
    events.onStartup.dispatch();
    await vi.waitFor(() => expect(registeredMatches()).toEqual([['https://mirror.example/*']]));
  });

  it('follows permissions granted and revoked', async () => {
    expect(await requestSite('https://mirror.example')).toBe(true);
    await fake.flush();
    await vi.waitFor(() => expect(registeredMatches()).toEqual([['https://mirror.example/*']]));
    await browser.permissions.remove({ origins: ['https://mirror.example/*'] });
    await fake.flush();
    await vi.waitFor(() => expect(fake.registeredScripts()).toEqual([]));
  });

  it('logs a failure instead of leaving an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.storage.sync.failNextWrite(new Error('disk on fire'));
    events.onInstalled.dispatch({ reason: 'install' });
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/storage migration failed/), expect.any(Error)));
    error.mockRestore();
  });
});
