// Several extension contexts change the settings at once: two tabs (content scripts) and the
// popup, each with its *own copy* of the storage modules (as in a browser, where every context
// loads the code anew) over one shared storage. Whatever the interleaving, they must end in one
// consistent state: what is stored, what each context loads, and what each onSettingsChanged
// subscriber saw last, all the same.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRng, type Rng } from '../../hostile/rng';
import type { FakeBrowser } from '../helpers/fake-browser';
import type { Settings } from '../../../src/storage/types';

const shared = vi.hoisted(() => ({ browser: undefined as unknown }));

vi.mock('webextension-polyfill', async () => {
  const { createFakeBrowser } = await import('../helpers/fake-browser');
  // One browser for every copy of the modules (vi.resetModules re-runs this factory).
  shared.browser ??= createFakeBrowser();
  return { default: shared.browser };
});

type SettingsModule = typeof import('../../../src/storage/settings');
type SchemaModule = typeof import('../../../src/storage/schema');

interface Context {
  name: string;
  settings: SettingsModule;
  /** What this context's onSettingsChanged callback received, in order. */
  seen: Settings[];
  unsubscribe: () => void;
}

/** A fresh copy of the storage modules, as a newly loaded page has. */
async function openContext(name: string): Promise<Context> {
  vi.resetModules();
  const settings = (await import('../../../src/storage/settings')) as SettingsModule;
  const seen: Settings[] = [];
  const unsubscribe = settings.onSettingsChanged((s) => seen.push(s));
  return { name, settings, seen, unsubscribe };
}

let fake: FakeBrowser['fake'];
let schema: SchemaModule;
let contexts: Context[] = [];

beforeEach(async () => {
  const b = (await import('webextension-polyfill')).default as unknown as FakeBrowser;
  fake = b.fake;
  fake.reset();
  schema = await import('../../../src/storage/schema');
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const c of contexts) c.unsubscribe();
  contexts = [];
});

/** Lets every pending storage event, and the re-reads it triggers, run to the end. */
async function settle(): Promise<void> {
  await fake.flush();
  await new Promise((r) => setTimeout(r, 0));
  await fake.flush();
}

/** Waits a random number of microtask turns, and sometimes a macrotask. */
async function jitter(rng: Rng): Promise<void> {
  if (rng.chance(0.2)) await new Promise((r) => setTimeout(r, 0));
  for (let i = rng.int(0, 6); i > 0; i--) await Promise.resolve();
}

const NAMES = ['alice', 'Bob', 'carol', 'dave', 'Ërin', '李雷', 'frank'];
const WORDS = ['rust', 'linux', 'GPL', 'systemd', 'C++', 'über'];
const HOSTS = ['slashdot.org', 'soylentnews.org', 'archive.example.net', 'mirror.example.org'];

function subset(rng: Rng, items: readonly string[]): string[] {
  return items.filter(() => rng.chance(0.4));
}

/** One random settings change: a single field or a few, often the same ones as other callers. */
function randomPatch(rng: Rng): Partial<Settings> {
  const patch: Partial<Settings> = {};
  const fields = rng.int(1, 3);
  for (let i = 0; i < fields; i++) {
    switch (rng.int(0, 4)) {
      case 0: {
        const full = rng.int(-1, 5);
        patch.thresholds = { full, abbreviated: rng.int(-1, full), breakthrough: rng.int(-1, 5) };
        break;
      }
      case 1:
        patch.highlightUsers = subset(rng, NAMES);
        break;
      case 2:
        patch.highlightKeywords = subset(rng, WORDS);
        break;
      case 3:
        patch.highlightSubmitter = rng.chance(0.5);
        break;
      default:
        patch.disabledHosts = subset(rng, HOSTS);
    }
  }
  return patch;
}

function stored(): Settings {
  return schema.parseSettings(fake.storage.sync.snapshot());
}

describe('settings changed from two tabs and the popup at once', () => {
  it('ends, for 60 seeded interleavings, in one state that storage, loads and every subscriber agree on', async () => {
    const summary = { rounds: 0, saves: 0, callbacks: 0 };
    for (let round = 0; round < 60; round++) {
      const rng = createRng(1000 + round);
      fake.reset();
      fake.storage.sync.seed({ schemaVersion: 1, thresholds: { full: 0, abbreviated: -1, breakthrough: 4 }, highlightUsers: ['alice'] });
      for (const c of contexts) c.unsubscribe();
      contexts = [await openContext('tab 1'), await openContext('tab 2'), await openContext('popup')];
      const initial = stored();

      // Each caller: a few changes, one after another (awaited), started at random moments.
      const written = new Map<keyof Settings, unknown[]>();
      const lastBy = new Map<string, Map<keyof Settings, unknown>>();
      await Promise.all(
        contexts.map(async (ctx) => {
          const own = new Map<keyof Settings, unknown>();
          lastBy.set(ctx.name, own);
          for (let i = rng.int(2, 5); i > 0; i--) {
            await jitter(rng);
            const patch = randomPatch(rng);
            for (const [k, v] of Object.entries(patch) as [keyof Settings, unknown][]) {
              const value = schema.validateField(k, v);
              written.set(k, [...(written.get(k) ?? []), value]);
              own.set(k, value);
            }
            await ctx.settings.saveSettings(patch);
            summary.saves++;
          }
        }),
      );
      await settle();

      const final = stored();
      const changed = JSON.stringify(final) !== JSON.stringify(initial);
      for (const ctx of contexts) {
        expect(await ctx.settings.loadSettings(), `${ctx.name} loads what is stored (round ${round})`).toEqual(final);
        if (changed) expect(ctx.seen.length, `${ctx.name} was told of the changes (round ${round})`).toBeGreaterThan(0);
        if (ctx.seen.length > 0) expect(ctx.seen.at(-1), `${ctx.name}'s last view (round ${round})`).toEqual(final);
        summary.callbacks += ctx.seen.length;
      }
      // Every stored field is one somebody wrote (or the starting value), and a field only one
      // caller wrote holds that caller's last value.
      for (const [key, values] of written) {
        const writers = [...lastBy].filter(([, own]) => own.has(key));
        if (writers.length === 1) expect(final[key], `${key}, written by ${writers[0]![0]} only (round ${round})`).toEqual(writers[0]![1].get(key));
        else expect(values, `${key} (round ${round})`).toContainEqual(final[key]);
      }
      summary.rounds++;
    }
    console.log(`settings concurrency: ${summary.rounds} interleavings, ${summary.saves} saves, ${summary.callbacks} change notices, all consistent`);
  }, 60_000);

  it('keeps the last of two quick saves of the same field from one page (a slider moved 0 → 3 → 0)', async () => {
    fake.storage.sync.seed({ schemaVersion: 1, thresholds: { full: 0, abbreviated: -1, breakthrough: 4 } });
    const popup = await openContext('popup');
    contexts = [popup];
    // The popup does not wait for one write before starting the next (use-settings.ts).
    const first = popup.settings.saveSettings({ thresholds: { full: 3, abbreviated: -1, breakthrough: 4 } });
    const second = popup.settings.saveSettings({ thresholds: { full: 0, abbreviated: -1, breakthrough: 4 } });
    await Promise.all([first, second]);
    await settle();
    expect(stored().thresholds, 'the user’s last choice').toEqual({ full: 0, abbreviated: -1, breakthrough: 4 });
    expect(popup.seen.at(-1)?.thresholds).toEqual({ full: 0, abbreviated: -1, breakthrough: 4 });
  });

  it('keeps the later of two saves of one field from two tabs', async () => {
    fake.storage.sync.seed({ schemaVersion: 1, highlightUsers: ['alice'] });
    const tab1 = await openContext('tab 1');
    const tab2 = await openContext('tab 2');
    contexts = [tab1, tab2];
    const a = tab1.settings.saveSettings({ highlightUsers: ['alice', 'bob'] });
    const b = tab2.settings.saveSettings({ highlightUsers: ['alice'] }); // called later: put it back
    await Promise.all([a, b]);
    await settle();
    expect(stored().highlightUsers).toEqual(['alice']);
    for (const c of contexts) expect(c.seen.at(-1)?.highlightUsers ?? stored().highlightUsers, c.name).toEqual(['alice']);
  });

  it('two pages saving different fields at the same moment both keep their change', async () => {
    fake.storage.sync.seed({ schemaVersion: 1 });
    const tab = await openContext('tab');
    const popup = await openContext('popup');
    contexts = [tab, popup];
    await Promise.all([
      tab.settings.saveSettings({ highlightKeywords: ['rust'] }),
      popup.settings.saveSettings({ thresholds: { full: 2, abbreviated: 1, breakthrough: 5 } }),
    ]);
    await settle();
    const s = stored();
    expect(s.highlightKeywords).toEqual(['rust']);
    expect(s.thresholds).toEqual({ full: 2, abbreviated: 1, breakthrough: 5 });
    for (const c of contexts) expect(c.seen.at(-1), c.name).toEqual(s);
  });

  it('a migration that read the old layout before another page migrated and saved does not undo that save', async () => {
    // After an update, every context that loads settings may run the v0 → v1 migration.
    fake.storage.sync.seed({ settings: { threshold: 2, highlightThreshold: 5, users: 'alice' } });
    const slow = await openContext('slow tab');
    const fast = await openContext('fast tab');
    const popup = await openContext('popup');
    contexts = [slow, fast, popup];

    // The slow tab reads the old layout, then is held up before it writes.
    const sync = fake.storage.sync;
    const realGet = sync.get.bind(sync);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    vi.spyOn(sync, 'get').mockImplementation(async (keys?: null | string | string[] | Record<string, unknown>) => {
      const data = await realGet(keys);
      if (keys === null && !held) {
        held = true;
        await gate;
      }
      return data;
    });
    const slowLoad = slow.settings.loadSettings();
    for (let i = 0; i < 100 && !held; i++) await Promise.resolve();
    expect(held).toBe(true);

    // Meanwhile another tab migrates, and the user changes a threshold in the popup.
    await fast.settings.loadSettings();
    await popup.settings.saveSettings({ thresholds: { full: 4, abbreviated: 1, breakthrough: 5 } });
    release();
    await slowLoad;
    await settle();
    vi.restoreAllMocks();

    expect(stored().thresholds, 'the popup’s save survives').toEqual({ full: 4, abbreviated: 1, breakthrough: 5 });
    expect(stored().highlightUsers).toEqual(['alice']);
    expect(sync.snapshot()).not.toHaveProperty('settings');
  });
});
