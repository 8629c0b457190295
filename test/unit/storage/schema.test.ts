import { describe, expect, it } from 'vitest';
import { config } from 'zod/mini';
import { StorageLimitError } from '../../../src/storage/errors';
import { itemBytes, MAX_LIST_ENTRIES, MAX_LIST_ENTRY_LENGTH, SYNC_QUOTA_BYTES_PER_ITEM } from '../../../src/storage/limits';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEYS, validateField } from '../../../src/storage/schema';
import type { Settings } from '../../../src/storage/types';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

const GOOD: Settings = {
  thresholds: { full: 3, abbreviated: 1, breakthrough: 5 },
  highlightUsers: ['alice', 'Bob'],
  highlightKeywords: ['rust'],
  highlightSubmitter: false,
  disabledHosts: ['soylentnews.org'],
};

describe('parseSettings', () => {
  it('gives the defaults for an empty store', () => {
    expect(parseSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.thresholds).toEqual({ full: 0, abbreviated: -1, breakthrough: 4 });
    expect(DEFAULT_SETTINGS.highlightSubmitter).toBe(true);
  });

  it('keeps valid settings as they are', () => {
    expect(parseSettings({ ...GOOD, schemaVersion: 1 })).toEqual(GOOD);
  });

  // Each case corrupts one field of otherwise good settings: that field (and only it)
  // takes the expected value, every other field survives.
  const cases: [string, keyof Settings, unknown, unknown][] = [
    ['thresholds not an object', 'thresholds', 'high', DEFAULT_SETTINGS.thresholds],
    ['thresholds null', 'thresholds', null, DEFAULT_SETTINGS.thresholds],
    ['thresholds an array', 'thresholds', [1, 2, 3], DEFAULT_SETTINGS.thresholds],
    ['one threshold a string', 'thresholds', { full: '3', abbreviated: 1, breakthrough: 5 }, { full: 0, abbreviated: 0, breakthrough: 5 }],
    ['a threshold missing', 'thresholds', { full: 2, abbreviated: 1 }, { full: 2, abbreviated: 1, breakthrough: 4 }],
    ['thresholds out of range', 'thresholds', { full: 9, abbreviated: -7, breakthrough: 6 }, { full: 5, abbreviated: -1, breakthrough: 5 }],
    ['thresholds not integers', 'thresholds', { full: 2.6, abbreviated: 0.4, breakthrough: 3.5 }, { full: 3, abbreviated: 0, breakthrough: 4 }],
    ['NaN and Infinity', 'thresholds', { full: Number.NaN, abbreviated: Infinity, breakthrough: 2 }, { full: 0, abbreviated: -1, breakthrough: 2 }],
    ['abbreviated above full', 'thresholds', { full: 1, abbreviated: 4, breakthrough: 5 }, { full: 1, abbreviated: 1, breakthrough: 5 }],
    ['users not a list', 'highlightUsers', 'alice,bob', []],
    ['users with junk entries', 'highlightUsers', ['alice', 3, null, '', '   ', { n: 1 }, ' carol '], ['alice', 'carol']],
    ['users duplicated by case', 'highlightUsers', ['Alice', 'alice', 'ALICE', 'bob'], ['Alice', 'bob']],
    ['keywords an object', 'highlightKeywords', { 0: 'rust' }, []],
    ['keywords with an overlong entry', 'highlightKeywords', ['x'.repeat(150)], ['x'.repeat(MAX_LIST_ENTRY_LENGTH)]],
    ['submitter a string', 'highlightSubmitter', 'no', true],
    ['submitter a number', 'highlightSubmitter', 0, true],
    ['hosts in capitals', 'disabledHosts', ['SlashDot.org', 'slashdot.ORG', 'example.net'], ['slashdot.org', 'example.net']],
    ['hosts a number', 'disabledHosts', 42, []],
  ];

  it.each(cases)('%s: resets only %s', (_name, key, bad, expected) => {
    const parsed = parseSettings({ ...GOOD, [key]: bad });
    expect(parsed[key]).toEqual(expected);
    for (const other of SETTINGS_KEYS) if (other !== key) expect(parsed[other]).toEqual(GOOD[other]);
  });

  it('fills each missing field from the defaults independently', () => {
    const parsed = parseSettings({ highlightKeywords: ['linux'] });
    expect(parsed).toEqual({ ...DEFAULT_SETTINGS, highlightKeywords: ['linux'] });
  });

  it('never hands out the frozen defaults themselves', () => {
    const a = parseSettings({});
    a.highlightUsers.push('x');
    a.thresholds.full = 5;
    expect(parseSettings({}).highlightUsers).toEqual([]);
    expect(DEFAULT_SETTINGS.thresholds.full).toBe(0);
    expect(Object.isFrozen(DEFAULT_SETTINGS.highlightUsers)).toBe(true);
  });

  it('caps a stored list so it stays one storage.sync item', () => {
    const many = Array.from({ length: 2000 }, (_, i) => `user-number-${i}`);
    const parsed = parseSettings({ highlightUsers: many }).highlightUsers;
    expect(parsed.length).toBeGreaterThan(100);
    expect(parsed.length).toBeLessThanOrEqual(MAX_LIST_ENTRIES);
    expect(itemBytes('highlightUsers', parsed)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
    expect(parsed.slice(0, 3)).toEqual(many.slice(0, 3));
  });

  it('caps by bytes, not only by count, for multi-byte text', () => {
    const wide = Array.from({ length: 400 }, (_, i) => `${'界'.repeat(30)}${i}`);
    const parsed = parseSettings({ highlightKeywords: wide }).highlightKeywords;
    expect(parsed.length).toBeLessThan(400);
    expect(itemBytes('highlightKeywords', parsed)).toBeLessThanOrEqual(SYNC_QUOTA_BYTES_PER_ITEM);
  });
});

describe('validateField', () => {
  it('normalizes lists the same way reads do', () => {
    expect(validateField('highlightUsers', [' alice ', 'ALICE', '', 'bob'])).toEqual(['alice', 'bob']);
    expect(validateField('disabledHosts', ['Example.ORG'])).toEqual(['example.org']);
  });

  it('clamps and orders thresholds', () => {
    expect(validateField('thresholds', { full: 2, abbreviated: 3, breakthrough: 9 })).toEqual({
      full: 2,
      abbreviated: 2,
      breakthrough: 5,
    });
  });

  it('rejects wrong types instead of silently resetting them', () => {
    expect(() => validateField('highlightSubmitter', 'yes')).toThrow(TypeError);
    expect(() => validateField('highlightUsers', ['a', 1])).toThrow(TypeError);
    expect(() => validateField('thresholds', { full: 1, abbreviated: 0 })).toThrow(TypeError);
    expect(() => validateField('nope' as 'thresholds', 1)).toThrow(TypeError);
  });

  it('rejects an overlong entry with a message naming the list', () => {
    const err = thrown(() => validateField('highlightKeywords', ['y'.repeat(MAX_LIST_ENTRY_LENGTH + 1)]));
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as StorageLimitError).key).toBe('highlightKeywords');
    expect((err as Error).message).toMatch(/highlighted keywords.*longer than 100 characters/);
  });

  it('rejects a list too big for one sync item, with its size', () => {
    const big = Array.from({ length: 200 }, (_, i) => `${'w'.repeat(60)}${i}`);
    const err = thrown(() => validateField('highlightUsers', big));
    expect(err).toBeInstanceOf(StorageLimitError);
    expect((err as StorageLimitError).bytes).toBe(itemBytes('highlightUsers', big));
    expect((err as Error).message).toMatch(/highlighted users is too long to save: 13,\d{3} bytes.*8,192 per setting/);
  });

  it('rejects too many entries even when they are short', () => {
    const many = Array.from({ length: MAX_LIST_ENTRIES + 1 }, (_, i) => `${i}`);
    expect(() => validateField('disabledHosts', many)).toThrow(/at most 500/);
  });
});

describe('zod configuration', () => {
  it('never tries new Function (forbidden by extension CSPs)', () => {
    expect(config().jitless).toBe(true);
  });
});
