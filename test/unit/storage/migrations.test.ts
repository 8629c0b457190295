import browser from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  type Migration,
  migrateV0ToV1,
  MIGRATIONS,
  planMigrations,
  readSchemaVersion,
  runMigrations,
} from '../../../src/storage/migrations';
import { loadSettings } from '../../../src/storage/settings';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);
const sync = fake.storage.sync;
beforeEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

describe('migration 0 → 1', () => {
  it('spreads the single v0 key over the v1 keys', () => {
    const step = migrateV0ToV1({ settings: { threshold: 3, highlightThreshold: 5, users: 'alice, Bob,,alice , carol' } });
    expect(step).toEqual({
      set: {
        thresholds: { full: 3, abbreviated: 3, breakthrough: 5 },
        highlightUsers: ['alice', 'Bob', 'carol'],
      },
      remove: ['settings'],
    });
  });

  it('keeps defaults for what v0 did not say', () => {
    expect(migrateV0ToV1({ settings: { highlightThreshold: 2 } }).set).toEqual({
      thresholds: { full: 0, abbreviated: -1, breakthrough: 2 },
    });
    expect(migrateV0ToV1({ settings: { threshold: -1 } }).set).toEqual({
      thresholds: { full: -1, abbreviated: -1, breakthrough: 4 },
    });
  });

  it('clamps out-of-range v0 numbers and ignores wrong types', () => {
    expect(migrateV0ToV1({ settings: { threshold: 12, highlightThreshold: '5', users: ['a'] } })).toEqual({
      set: { thresholds: { full: 5, abbreviated: 5, breakthrough: 4 } },
      remove: ['settings'],
    });
  });

  it('drops an unreadable v0 key', () => {
    expect(migrateV0ToV1({ settings: 'garbage' })).toEqual({ set: {}, remove: ['settings'] });
    expect(migrateV0ToV1({ settings: null })).toEqual({ set: {}, remove: ['settings'] });
  });

  it('does nothing to a store without v0 data', () => {
    expect(migrateV0ToV1({ highlightUsers: ['x'] })).toEqual({ set: {}, remove: [] });
  });
});

describe('readSchemaVersion', () => {
  it.each([
    [{}, 0],
    [{ schemaVersion: 1 }, 1],
    [{ schemaVersion: 7 }, 7],
    [{ schemaVersion: '1' }, 0],
    [{ schemaVersion: 1.5 }, 0],
    [{ schemaVersion: -2 }, 0],
  ])('%j → %i', (data, v) => expect(readSchemaVersion(data)).toBe(v));
});

describe('planMigrations', () => {
  it('runs the whole real chain from v0 to the current version', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual([0]);
    const plan = planMigrations({ settings: { threshold: 1, users: 'x' } });
    expect(plan).toEqual({
      from: 0,
      to: 1,
      set: { thresholds: { full: 1, abbreviated: 1, breakthrough: 4 }, highlightUsers: ['x'], schemaVersion: 1 },
      remove: ['settings'],
    });
  });

  // A made-up three-step chain shows how steps compose: each sees the previous ones' result,
  // a key set then removed is only removed, a key removed then set again is only set.
  const chain: Record<number, Migration> = {
    0: (d) => ({ set: { a: d.old, tmp: 1 }, remove: ['old'] }),
    1: (d) => ({ set: { b: (d.a as number) * 10, old: 'again' }, remove: ['tmp'] }),
    2: (d) => ({ set: { c: `${String(d.b)}!` }, remove: ['a'] }),
  };

  it('composes several steps into one set of writes', () => {
    const plan = planMigrations({ old: 4, keep: true }, 3, chain);
    expect(plan.from).toBe(0);
    expect(plan.to).toBe(3);
    expect(plan.set).toEqual({ b: 40, old: 'again', c: '40!', schemaVersion: 3 });
    expect(plan.remove.sort()).toEqual(['a', 'tmp']);
  });

  it('starts from the stored version', () => {
    const plan = planMigrations({ schemaVersion: 2, b: 7 }, 3, chain);
    expect(plan).toEqual({ from: 2, to: 3, set: { c: '7!', schemaVersion: 3 }, remove: ['a'] });
  });

  it('fails loudly on a gap in the table', () => {
    expect(() => planMigrations({}, 2, { 0: () => ({ set: {}, remove: [] }) })).toThrow(/from version 1 to 2/);
  });

  it('leaves a newer layout alone', () => {
    expect(planMigrations({ schemaVersion: 5, settings: { threshold: 1 } })).toEqual({ from: 5, to: 5, set: {}, remove: [] });
  });

  it('does nothing at the current version', () => {
    expect(planMigrations({ schemaVersion: 1, settings: 'stale' })).toEqual({ from: 1, to: 1, set: {}, remove: [] });
  });
});

describe('runMigrations', () => {
  it('migrates storage.sync in place', async () => {
    sync.seed({ settings: { threshold: 2, highlightThreshold: 4, users: 'ann' } });
    const plan = await runMigrations();
    expect(plan.to).toBe(1);
    expect(sync.snapshot()).toEqual({
      schemaVersion: 1,
      thresholds: { full: 2, abbreviated: 2, breakthrough: 4 },
      highlightUsers: ['ann'],
    });
  });

  it('writes the new keys before removing the old one', async () => {
    sync.seed({ settings: { threshold: 2 } });
    const set = vi.spyOn(sync, 'set');
    const remove = vi.spyOn(sync, 'remove');
    await runMigrations();
    expect(set).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledWith(['settings']);
    expect(set.mock.invocationCallOrder[0]!).toBeLessThan(remove.mock.invocationCallOrder[0]!);
  });

  it('is a no-op the second time', async () => {
    sync.seed({ settings: { threshold: 2 } });
    await runMigrations();
    const before = sync.snapshot();
    const set = vi.spyOn(sync, 'set');
    const again = await runMigrations();
    expect(again).toMatchObject({ from: 1, to: 1 });
    expect(set).not.toHaveBeenCalled();
    expect(sync.snapshot()).toEqual(before);
  });

  it('leaves data from a newer version untouched, and reads what parses', async () => {
    const future = {
      schemaVersion: 9,
      thresholds: { full: 4, abbreviated: 2, breakthrough: 5 },
      highlightUsers: { v9: 'some new shape' },
      newField: [1, 2, 3],
    };
    sync.seed(future);
    await runMigrations();
    const s = await loadSettings();
    expect(sync.snapshot()).toEqual(future);
    expect(s.thresholds).toEqual({ full: 4, abbreviated: 2, breakthrough: 5 });
    expect(s.highlightUsers).toEqual([]);
  });
});
