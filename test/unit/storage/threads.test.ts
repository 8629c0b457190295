import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { itemBytes, MAX_COLLAPSED_PER_THREAD, MAX_THREADS } from '../../../src/storage/limits';
import {
  loadThread,
  saveThread,
  setThreadStoreLimits,
  SWEEP_EVERY,
  THREAD_STATS_KEY,
  type ThreadStats,
  touchThread,
} from '../../../src/storage/threads';
import { asFake } from '../helpers/fake-browser';
import { answerSweep } from '../../../src/storage/thread-sweep';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);
// The background forgets old threads when a page asks (thread-sweep.ts), as in the browser.
browser.runtime.onMessage.addListener(answerSweep);
const local = fake.storage.local;
let clock = 1_000_000;

beforeEach(() => {
  fake.reset();
  clock = 1_000_000;
  vi.spyOn(Date, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  vi.restoreAllMocks();
  setThreadStoreLimits(null);
});

function threadKeys(): string[] {
  return Object.keys(local.snapshot())
    .filter((k) => k.startsWith('thread:'))
    .sort();
}
function stats(): ThreadStats {
  return local.snapshot()[THREAD_STATS_KEY] as ThreadStats;
}

describe('thread state', () => {
  it('round-trips, stamping lastVisit with now', async () => {
    clock = 5_000;
    const saved = await saveThread('slashdot:08/09/25/1', { collapsed: ['c1', 'c2'], lastVisit: 1 });
    expect(saved).toEqual({ collapsed: ['c1', 'c2'], lastVisit: 5_000 });
    expect(await loadThread('slashdot:08/09/25/1')).toEqual({ collapsed: ['c1', 'c2'], lastVisit: 5_000 });
    expect(local.snapshot()['thread:slashdot:08/09/25/1']).toEqual(saved);
  });

  it('gives an empty state for an unknown thread', async () => {
    expect(await loadThread('nowhere')).toEqual({ collapsed: [], lastVisit: 0 });
  });

  it.each([
    ['a string', 'garbage', { collapsed: [], lastVisit: 0 }],
    ['null', null, { collapsed: [], lastVisit: 0 }],
    ['collapsed not a list', { collapsed: 'c1', lastVisit: 5 }, { collapsed: [], lastVisit: 5 }],
    ['junk ids', { collapsed: ['c1', 3, '', null, 'c1', 'c2'], lastVisit: 7 }, { collapsed: ['c1', 'c2'], lastVisit: 7 }],
    ['negative lastVisit', { collapsed: ['c1'], lastVisit: -4 }, { collapsed: ['c1'], lastVisit: 0 }],
    ['lastVisit a date string', { collapsed: [], lastVisit: '2024-01-01' }, { collapsed: [], lastVisit: 0 }],
  ])('reads a corrupt entry (%s) without throwing', async (_name, raw, expected) => {
    local.seed({ 'thread:t': raw });
    expect(await loadThread('t')).toEqual(expected);
  });

  it('keeps only the latest collapsed ids', async () => {
    const ids = Array.from({ length: MAX_COLLAPSED_PER_THREAD + 500 }, (_, i) => `c${i}`);
    const saved = await saveThread('t', { collapsed: ids, lastVisit: 0 });
    expect(saved.collapsed).toHaveLength(MAX_COLLAPSED_PER_THREAD);
    expect(saved.collapsed[0]).toBe('c500');
    expect(saved.collapsed.at(-1)).toBe(ids.at(-1));
  });

  it('touchThread records the visit and returns the state before it', async () => {
    clock = 100;
    await saveThread('t', { collapsed: ['c9'], lastVisit: 0 });
    clock = 900;
    expect(await touchThread('t')).toEqual({ collapsed: ['c9'], lastVisit: 100 });
    expect(await loadThread('t')).toEqual({ collapsed: ['c9'], lastVisit: 900 });
    expect(await touchThread('new')).toEqual({ collapsed: [], lastVisit: 0 });
    expect(await loadThread('new')).toEqual({ collapsed: [], lastVisit: 900 });
  });

  it("sees this page's own saves even when not awaited", async () => {
    void saveThread('t', { collapsed: ['a'], lastVisit: 0 });
    void saveThread('t', { collapsed: ['a', 'b'], lastVisit: 0 });
    expect((await loadThread('t')).collapsed).toEqual(['a', 'b']);
  });

  it('rejects an empty thread key', () => {
    expect(() => loadThread('')).toThrow(TypeError);
  });
});

describe('running totals', () => {
  it('count the threads and their bytes exactly', async () => {
    for (let i = 0; i < 20; i++) await saveThread(`t${i}`, { collapsed: i % 2 ? ['x', 'y'] : [], lastVisit: 0 });
    await saveThread('t3', { collapsed: ['a', 'b', 'c', 'd'], lastVisit: 0 }); // an update, not a new thread
    const s = stats();
    expect(s.count).toBe(20);
    expect(s.bytes).toBe(local.bytesInUse() - itemBytes(THREAD_STATS_KEY, s));
  });

  it('are recounted from scratch every SWEEP_EVERY saves', async () => {
    local.seed(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`thread:s${i}`, { collapsed: [], lastVisit: i }])));
    local.seed({ [THREAD_STATS_KEY]: { count: 3, bytes: 0, saves: SWEEP_EVERY - 1 } });
    await saveThread('new', { collapsed: [], lastVisit: 0 });
    expect(stats()).toMatchObject({ count: 11, saves: 0 });
    await saveThread('new2', { collapsed: [], lastVisit: 0 });
    expect(stats()).toMatchObject({ count: 12, saves: 1 });
  });

  it('does not read everything on an ordinary save', async () => {
    await saveThread('first', { collapsed: [], lastVisit: 0 }); // creates the totals
    const get = vi.spyOn(local, 'get');
    for (let i = 0; i < 10; i++) await saveThread(`t${i}`, { collapsed: [], lastVisit: 0 });
    expect(get.mock.calls.some(([keys]) => keys === null || keys === undefined)).toBe(false);
  });
});

describe('eviction', () => {
  it('forgets the least recently visited threads once over the count limit', async () => {
    setThreadStoreLimits({ maxThreads: 50, maxBytes: 1e9 });
    for (let i = 0; i < 50; i++) {
      clock = 1000 + i;
      await saveThread(`t${String(i).padStart(2, '0')}`, { collapsed: [], lastVisit: 0 });
    }
    clock = 5000;
    await touchThread('t00'); // the oldest is visited again: it must survive
    expect(threadKeys()).toHaveLength(50);
    clock = 6000;
    await saveThread('fresh', { collapsed: ['c'], lastVisit: 0 });
    const keys = threadKeys();
    expect(keys).toHaveLength(45); // 90% of the limit, so the next sweep is not at the next save
    expect(keys).toContain('thread:t00');
    expect(keys).toContain('thread:fresh');
    // Evicted: the six oldest visits, t01..t06.
    for (let i = 1; i <= 6; i++) expect(keys).not.toContain(`thread:t0${i}`);
    expect(keys).toContain('thread:t07');
    expect(stats()).toMatchObject({ count: 45, saves: 0 });
  });

  it('forgets threads once over the byte limit', async () => {
    setThreadStoreLimits({ maxThreads: 1000, maxBytes: 6000 });
    const ids = Array.from({ length: 40 }, (_, i) => `comment-${i}`); // ~500 bytes per thread
    for (let i = 0; i < 30; i++) {
      clock = 1000 + i;
      await saveThread(`t${i}`, { collapsed: ids, lastVisit: 0 });
      expect(local.bytesInUse()).toBeLessThan(6000 + 600);
    }
    const keys = threadKeys();
    expect(keys.length).toBeLessThan(12);
    expect(keys).toContain('thread:t29');
    expect(keys).not.toContain('thread:t0');
  });

  it(`handles ${MAX_THREADS} stored threads with the real limits`, async () => {
    const n = MAX_THREADS + 10;
    const seeded: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) seeded[`thread:s${i}`] = { collapsed: [`c${i}`], lastVisit: 10_000 + i };
    local.seed(seeded);
    local.seed({ [THREAD_STATS_KEY]: { count: n, bytes: local.bytesInUse(), saves: 0 } });
    clock = 1e9;
    await saveThread('newest', { collapsed: [], lastVisit: 0 });
    const keys = threadKeys();
    expect(keys).toHaveLength(Math.floor(MAX_THREADS * 0.9));
    expect(keys).toContain('thread:newest');
    expect(keys).not.toContain('thread:s0');
    expect(keys).not.toContain(`thread:s${n - MAX_THREADS * 0.9}`);
    expect(keys).toContain(`thread:s${n - MAX_THREADS * 0.9 + 1}`);
  });

  it('makes room and retries when the browser refuses a write for quota', async () => {
    for (let i = 0; i < 20; i++) {
      clock = 1000 + i;
      await saveThread(`t${i}`, { collapsed: [], lastVisit: 0 });
    }
    local.failNextWrite(new Error('QUOTA_BYTES quota exceeded'));
    clock = 9000;
    await saveThread('late', { collapsed: ['x'], lastVisit: 0 });
    expect(await loadThread('late')).toEqual({ collapsed: ['x'], lastVisit: 9000 });
    const keys = threadKeys();
    expect(keys).toContain('thread:late');
    expect(keys).not.toContain('thread:t0');
    expect(keys.length).toBeLessThan(21);
  });

  it('evicts corrupt entries first', async () => {
    setThreadStoreLimits({ maxThreads: 20, maxBytes: 1e9 });
    local.seed({ 'thread:broken': 'nonsense' });
    for (let i = 0; i < 19; i++) local.seed({ [`thread:v${i}`]: { collapsed: [], lastVisit: 1000 + i } });
    clock = 9000;
    await saveThread('new', { collapsed: [], lastVisit: 0 });
    // 21 entries, limit 20: down to 18, so three go — the unreadable one, then v0 and v1.
    const keys = threadKeys();
    expect(keys).toHaveLength(18);
    expect(keys).not.toContain('thread:broken');
    expect(keys).not.toContain('thread:v1');
    expect(keys).toContain('thread:v2');
  });
});
