// The fake browser is shared by many test files: check it behaves like the real APIs where
// our code depends on it (quotas, event timing and payloads, permission and script rules).
import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeBrowser } from '../helpers/fake-browser';

let b = createFakeBrowser();
beforeEach(() => {
  b = createFakeBrowser();
});

describe('fake storage', () => {
  it('supports every form of get', async () => {
    await b.storage.sync.set({ a: 1, b: { x: [1, 2] } });
    expect(await b.storage.sync.get(null)).toEqual({ a: 1, b: { x: [1, 2] } });
    expect(await b.storage.sync.get('a')).toEqual({ a: 1 });
    expect(await b.storage.sync.get(['a', 'missing'])).toEqual({ a: 1 });
    expect(await b.storage.sync.get({ a: 0, missing: 'dflt' })).toEqual({ a: 1, missing: 'dflt' });
  });

  it('hands out copies', async () => {
    const value = { list: [1] };
    await b.storage.local.set({ k: value });
    value.list.push(2);
    const got = (await b.storage.local.get('k')).k as { list: number[] };
    got.list.push(3);
    expect((await b.storage.local.get('k')).k).toEqual({ list: [1] });
  });

  it('enforces the sync per-item quota in UTF-8 bytes, atomically', async () => {
    // key "k" (1 byte) + quotes (2) + 8189 bytes = 8192: just fits.
    await b.storage.sync.set({ k: 'x'.repeat(8189) });
    await expect(b.storage.sync.set({ ok: 1, k: 'x'.repeat(8190) })).rejects.toThrow('QUOTA_BYTES_PER_ITEM quota exceeded');
    await expect(b.storage.sync.set({ k: 'é'.repeat(4095) })).rejects.toThrow('QUOTA_BYTES_PER_ITEM');
    expect(await b.storage.sync.get('ok')).toEqual({});
  });

  it('enforces the sync total quota', async () => {
    const items = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`k${i}`, 'y'.repeat(8000)]));
    await expect(b.storage.sync.set(items)).rejects.toThrow('QUOTA_BYTES quota exceeded');
    expect(b.fake.storage.sync.bytesInUse()).toBe(0);
  });

  it('enforces the local quota, or none when asked', async () => {
    const small = createFakeBrowser({ localQuota: 100 });
    await expect(small.storage.local.set({ k: 'z'.repeat(200) })).rejects.toThrow('QUOTA_BYTES quota exceeded');
    const firefox = createFakeBrowser({ localQuota: null });
    await firefox.storage.local.set({ k: 'z'.repeat(20_000_000) });
    expect(firefox.storage.local.QUOTA_BYTES).toBeUndefined();
    expect(b.storage.local.QUOTA_BYTES).toBe(10 * 1024 * 1024);
  });

  it('fires onChanged later, with old and new values, only for real changes', async () => {
    const seen: [Record<string, unknown>, string][] = [];
    b.storage.onChanged.addListener((changes, area) => seen.push([changes, area]));
    await b.storage.sync.set({ a: 1, b: 2 });
    expect(seen).toEqual([]); // not synchronously with the write
    await b.fake.flush();
    expect(seen).toEqual([[{ a: { newValue: 1 }, b: { newValue: 2 } }, 'sync']]);
    await b.storage.sync.set({ a: 1, b: 3 });
    await b.storage.sync.remove(['a', 'nothing']);
    await b.storage.local.set({ c: true });
    await b.fake.flush();
    expect(seen.slice(1)).toEqual([
      [{ b: { oldValue: 2, newValue: 3 } }, 'sync'],
      [{ a: { oldValue: 1 } }, 'sync'],
      [{ c: { newValue: true } }, 'local'],
    ]);
  });

  it('can fail the next write', async () => {
    b.fake.storage.local.failNextWrite(new Error('boom'));
    await expect(b.storage.local.set({ a: 1 })).rejects.toThrow('boom');
    await b.storage.local.set({ a: 2 });
    expect(await b.storage.local.get('a')).toEqual({ a: 2 });
  });
});

describe('fake permissions', () => {
  it('starts with the manifest host permissions and grants optional ones on request', async () => {
    expect((await b.permissions.getAll()).origins).toContain('*://*.slashdot.org/*');
    const added: unknown[] = [];
    b.permissions.onAdded.addListener((p) => added.push(p));
    expect(await b.permissions.request({ origins: ['https://x.example/*'] })).toBe(true);
    expect(await b.permissions.contains({ origins: ['https://x.example/*'] })).toBe(true);
    await b.fake.flush();
    expect(added).toEqual([{ permissions: [], origins: ['https://x.example/*'] }]);
  });

  it('refuses what the manifest does not offer, and removing required permissions', async () => {
    const strict = createFakeBrowser({ manifest: { manifest_version: 3, name: 't', version: '1', host_permissions: ['*://a.org/*'] } });
    await expect(strict.permissions.request({ origins: ['https://b.org/*'] })).rejects.toThrow(/Only permissions specified/);
    await expect(strict.permissions.remove({ origins: ['*://a.org/*'] })).rejects.toThrow(/required/);
  });
});

describe('fake scripting', () => {
  it('checks ids like Chrome', async () => {
    const s = { id: 'one', matches: ['https://a.org/*'], js: ['c.js'] };
    await b.scripting.registerContentScripts([s]);
    await expect(b.scripting.registerContentScripts([s])).rejects.toThrow("Duplicate script ID 'one'");
    await expect(b.scripting.updateContentScripts([{ id: 'two', matches: ['https://b.org/*'] }])).rejects.toThrow(/does not exist/);
    await expect(b.scripting.unregisterContentScripts({ ids: ['two'] })).rejects.toThrow(/Nonexistent/);
    await b.scripting.updateContentScripts([{ id: 'one', matches: ['https://b.org/*'] }]);
    expect(await b.scripting.getRegisteredContentScripts({ ids: ['one'] })).toEqual([
      { id: 'one', matches: ['https://b.org/*'], js: ['c.js'], persistAcrossSessions: true },
    ]);
  });
});
