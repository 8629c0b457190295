// Storage limits under heavy use, with the browser's real numbers (the fake enforces Chrome's
// quotas: storage.local 10 MiB, storage.sync 8,192 bytes per item):
// - per-thread state for 10,000 visited threads stays within storage.local and keeps the most
//   recently visited threads, forgetting the least recently visited;
// - whatever the user types into the lists, every storage.sync item stays within 8 KB, and what
//   does not fit is refused before writing, with a message meant for the user.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageLimitError } from '../../../src/storage/errors';
import {
  itemBytes,
  LOCAL_HIGH_WATER,
  LOCAL_QUOTA_BYTES,
  MAX_COLLAPSED_PER_THREAD,
  MAX_LIST_ENTRIES,
  MAX_LIST_ENTRY_LENGTH,
  MAX_THREADS,
  SYNC_QUOTA_BYTES_PER_ITEM,
} from '../../../src/storage/limits';
import { cleanList } from '../../../src/storage/schema';
import { saveSettings } from '../../../src/storage/settings';
import { loadThread, saveThread, THREAD_PREFIX, touchThread } from '../../../src/storage/threads';
import type { Settings } from '../../../src/storage/types';
import { createRng, type Rng } from '../../hostile/rng';
import type { FakeBrowser } from '../helpers/fake-browser';

// Two browsers behind one mocked module: Chrome (storage.local quota 10 MiB, enforced by the
// fake) and Firefox (no fixed storage.local quota; Threshold keeps to Chrome's anyway). The fake
// re-measures the whole area on every write under a quota, which makes 20,000 writes take
// minutes; the 10,000-thread run, where the count limit binds long before bytes, uses Firefox's.
const browsers = vi.hoisted(() => ({ chrome: null as unknown, firefox: null as unknown, current: null as unknown }));
vi.mock('webextension-polyfill', async () => {
  const { createFakeBrowser } = await import('../helpers/fake-browser');
  browsers.chrome = createFakeBrowser();
  browsers.firefox = createFakeBrowser({ localQuota: null });
  browsers.current = browsers.chrome;
  return { default: new Proxy({}, { get: (_t, prop) => (browsers.current as Record<string | symbol, unknown>)[prop] }) };
});

// The background forgets old threads when a page asks (thread-sweep.ts), as in the browser.
// (Importing it runs the mock factory above.)
const { answerSweep } = await import('../../../src/storage/thread-sweep');
for (const b of [browsers.chrome, browsers.firefox] as FakeBrowser[]) b.runtime.onMessage.addListener(answerSweep);

let fake: FakeBrowser['fake'];
function use(which: 'chrome' | 'firefox'): void {
  browsers.current = browsers[which];
  fake = (browsers.current as FakeBrowser).fake;
  fake.reset();
}

let clock = 1_700_000_000_000;

beforeEach(async () => {
  await import('webextension-polyfill'); // runs the mock factory
  use('chrome');
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  vi.restoreAllMocks();
});

function threadKey(i: number): string {
  // Slashdot story ids: yy/mm/dd/hhmmsss.
  const n = String(i).padStart(7, '0');
  return `slashdot:${String(7 + (i % 2)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${String(1 + (i % 28)).padStart(2, '0')}/${n}`;
}

/** What a reader collapses on a thread: usually nothing or a few comments, now and then many. */
function collapsedList(rng: Rng): string[] {
  const n = rng.chance(0.4) ? 0 : rng.chance(0.9) ? rng.int(1, 8) : rng.int(20, 300);
  return Array.from({ length: n }, () => String(rng.int(19_000_000, 26_000_000)));
}

function storedThreads(): Map<string, { collapsed: string[]; lastVisit: number }> {
  const out = new Map<string, { collapsed: string[]; lastVisit: number }>();
  for (const [k, v] of Object.entries(fake.storage.local.snapshot())) {
    if (k.startsWith(THREAD_PREFIX)) out.set(k.slice(THREAD_PREFIX.length), v as { collapsed: string[]; lastVisit: number });
  }
  return out;
}

describe('per-thread state in storage.local', () => {
  it('10,000 visited threads stay within the quota, and the most recently visited are the ones kept', async () => {
    use('firefox');
    const rng = createRng(42);
    const lastVisit = new Map<string, number>();
    const lastSaved = new Map<string, string[]>();
    for (let i = 0; i < 10_000; i++) {
      clock += rng.int(1_000, 600_000);
      const key = threadKey(i);
      const collapsed = collapsedList(rng);
      if (rng.chance(0.5)) await touchThread(key); // the visit, then a collapse
      await saveThread(key, { collapsed, lastVisit: 0 });
      lastVisit.set(key, clock);
      lastSaved.set(key, collapsed);
      // Readers come back to older threads now and then: those become recent again.
      if (i > 100 && rng.chance(0.1)) {
        clock += 1_000;
        const back = threadKey(i - rng.int(50, Math.min(i, 6_000)));
        const prev = await touchThread(back);
        // Still remembered: as last saved. Forgotten already: it starts afresh.
        if (prev.lastVisit > 0) expect(prev.collapsed, back).toEqual(lastSaved.get(back));
        else lastSaved.set(back, []);
        lastVisit.set(back, clock);
      }
    }

    const kept = storedThreads();
    const bytes = fake.storage.local.bytesInUse();
    const visited = [...lastVisit].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    console.log(
      `thread state: ${visited.length} threads visited, ${kept.size} kept (limit ${MAX_THREADS}), ` +
        `${bytes.toLocaleString('en-US')} bytes of storage.local in use (quota ${LOCAL_QUOTA_BYTES.toLocaleString('en-US')})`,
    );

    expect(kept.size).toBeLessThanOrEqual(MAX_THREADS);
    // Eviction goes down to 90% of the limit, so at least that many remain.
    expect(kept.size).toBeGreaterThanOrEqual(Math.floor(MAX_THREADS * 0.9));
    expect(bytes).toBeLessThanOrEqual(LOCAL_QUOTA_BYTES * LOCAL_HIGH_WATER);
    // Exactly the most recently visited ones.
    expect(new Set(kept.keys())).toEqual(new Set(visited.slice(0, kept.size)));
    for (const [key, state] of kept) {
      expect(state.lastVisit, key).toBe(lastVisit.get(key));
      expect(state.collapsed, key).toEqual(lastSaved.get(key));
    }
    // And an evicted thread reads as never visited.
    expect(await loadThread(visited.at(-1)!)).toEqual({ collapsed: [], lastVisit: 0 });
  }, 300_000);

  it('threads with very long collapsed lists are evicted by size before the browser refuses a write', async () => {
    const rng = createRng(7);
    const lastVisit = new Map<string, number>();
    let refused = 0;
    for (let i = 0; i < 500; i++) {
      clock += 60_000;
      const ids = Array.from({ length: MAX_COLLAPSED_PER_THREAD }, () => String(rng.int(10_000_000, 99_999_999)));
      try {
        await saveThread(threadKey(i), { collapsed: ids, lastVisit: 0 });
      } catch {
        refused++;
      }
      lastVisit.set(threadKey(i), clock);
    }
    const kept = storedThreads();
    const bytes = fake.storage.local.bytesInUse();
    const largest = Math.max(...[...kept].map(([k, v]) => itemBytes(THREAD_PREFIX + k, v)));
    console.log(
      `thread state, ${MAX_COLLAPSED_PER_THREAD} collapsed ids per thread: 500 saved, ${kept.size} kept, ` +
        `${bytes.toLocaleString('en-US')} bytes in use, largest item ${largest.toLocaleString('en-US')} bytes`,
    );
    expect(refused).toBe(0);
    expect(bytes).toBeLessThanOrEqual(LOCAL_QUOTA_BYTES * LOCAL_HIGH_WATER);
    expect(kept.size).toBeLessThan(500);
    const visited = [...lastVisit].sort((a, b) => b[1] - a[1]).map(([k]) => k);
    expect(new Set(kept.keys())).toEqual(new Set(visited.slice(0, kept.size)));
  }, 300_000);
});

// ---------- storage.sync: the user's lists ----------

const ALPHABETS: readonly string[][] = [
  [...'abcdefghijklmnopqrstuvwxyz0123456789-_. '],
  [...'éèüßøåçñÉÜ'], // 2 bytes in UTF-8
  [...'漢字かなカナ한국어中文'], // 3 bytes
  ['😀', '🦀', '👍🏽', '🇫🇷', '𝔘'], // 4 bytes (surrogate pairs), and grapheme clusters of several code points
  ['"', '\\', '\n', '\t', '\u0001', '\u007f', '\u2028'], // JSON escapes: one character, 2 or 6 bytes
  ['\ud800', '\udfff'], // lone surrogates: JSON writes them as 6-byte escapes
];

function randomEntry(rng: Rng, long: boolean): string {
  const alphabet = rng.pick(ALPHABETS);
  const length = long && rng.chance(0.1) ? rng.int(90, 140) : rng.int(1, 30);
  let s = '';
  for (let i = 0; i < length; i++) s += rng.chance(0.7) ? rng.pick(ALPHABETS[0]!) : rng.pick(alphabet);
  return s;
}

/** Lists of every size around the limits (500 entries, 8,192 bytes), some with over-long entries. */
function randomList(rng: Rng): string[] {
  const n = rng.pick([1, 5, 30, 100, 150, 200, 250, 300, 400, 499, 500, 501, 700]);
  const long = rng.chance(0.25);
  return Array.from({ length: n }, () => randomEntry(rng, long));
}

const LIST_KEYS = ['highlightUsers', 'highlightKeywords', 'disabledHosts'] as const;

describe('storage.sync items', () => {
  it('stay within 8 KB whatever the lists hold; what does not fit is refused before writing, in words', async () => {
    const rng = createRng(2024);
    const figures = { accepted: 0, refused: 0, largest: 0, largestRefused: 0 };
    for (let round = 0; round < 400; round++) {
      const key = rng.pick(LIST_KEYS);
      const list = randomList(rng);
      const before = fake.storage.sync.snapshot();
      const cleaned = cleanList(list, { lowercase: key === 'disabledHosts' });
      const fits =
        cleaned.length <= MAX_LIST_ENTRIES &&
        cleaned.every((e) => [...e].length <= MAX_LIST_ENTRY_LENGTH) &&
        itemBytes(key, cleaned) <= SYNC_QUOTA_BYTES_PER_ITEM;
      try {
        await saveSettings({ [key]: list } as Partial<Settings>);
        figures.accepted++;
        expect(fits, `round ${round}: accepted a list that does not fit`).toBe(true);
        // Stored as typed (trimmed, without duplicates): nothing silently cut.
        expect(fake.storage.sync.snapshot()[key], `round ${round}`).toEqual(cleaned);
      } catch (e) {
        figures.refused++;
        figures.largestRefused = Math.max(figures.largestRefused, itemBytes(key, cleaned));
        expect(e, `round ${round}`).toBeInstanceOf(StorageLimitError);
        const err = e as StorageLimitError;
        expect(err.key).toBe(key);
        // Written for the user: a sentence naming the list, no API jargon.
        expect(err.message).toMatch(/^The list of .+\.$/s);
        expect(err.message).not.toMatch(/QUOTA|quota|undefined|NaN|\[object/);
        expect(fits, `round ${round}: refused a list that fits (${err.message})`).toBe(false);
        // Refused before anything was written.
        expect(fake.storage.sync.snapshot(), `round ${round}`).toEqual(before);
      }
      for (const [k, v] of Object.entries(fake.storage.sync.snapshot())) {
        const size = itemBytes(k, v);
        figures.largest = Math.max(figures.largest, size);
        expect(size, `${k} after round ${round}`).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
      }
    }
    console.log(
      `storage.sync lists: 400 random lists (ASCII, 2-, 3-, 4-byte text, JSON escapes, lone surrogates), ` +
        `${figures.accepted} saved, ${figures.refused} refused with a StorageLimitError; largest stored item ` +
        `${figures.largest.toLocaleString('en-US')} bytes (limit ${SYNC_QUOTA_BYTES_PER_ITEM.toLocaleString('en-US')}), ` +
        `largest refused ${figures.largestRefused.toLocaleString('en-US')} bytes`,
    );
    expect(figures.accepted).toBeGreaterThan(30);
    expect(figures.refused).toBeGreaterThan(30);
  }, 120_000);

  it('the largest list that fits is saved whole, and one more entry is refused', async () => {
    // 4-byte characters near the entry limit: few entries fill an item.
    const entry = (i: number) => `${i}-${'🦀'.repeat(MAX_LIST_ENTRY_LENGTH - 6)}`;
    const list: string[] = [];
    while (itemBytes('highlightKeywords', [...list, entry(list.length)]) <= SYNC_QUOTA_BYTES_PER_ITEM) list.push(entry(list.length));
    await saveSettings({ highlightKeywords: list });
    expect(fake.storage.sync.snapshot().highlightKeywords).toEqual(list);
    const err = await saveSettings({ highlightKeywords: [...list, entry(list.length)] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as StorageLimitError).message).toMatch(/too long to save/);
    expect((err as StorageLimitError).bytes).toBeGreaterThan(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(fake.storage.sync.snapshot().highlightKeywords).toEqual(list);
  });
});
