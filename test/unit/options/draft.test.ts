import { describe, expect, it } from 'vitest';
import {
  dirtyFields,
  draftFromSettings,
  mergeExternal,
  parseList,
  patchFrom,
  sameValue,
  validate,
} from '../../../src/options/draft';
import { DEFAULT_SETTINGS } from '../../../src/storage/schema';
import type { Settings } from '../../../src/storage/types';

const base: Settings = {
  thresholds: { full: 1, abbreviated: 0, breakthrough: 4 },
  highlightUsers: ['Alice', 'bob'],
  highlightKeywords: ['rust'],
  highlightSubmitter: true,
  disabledHosts: ['example.org'],
};

describe('parseList', () => {
  it('trims, skips blank lines and keeps the first of entries equal but for case', () => {
    const parsed = parseList('  Alice \n\nbob\r\nALICE\n  \ncarol');
    expect(parsed.items).toEqual(['Alice', 'bob', 'carol']);
    expect(parsed.duplicates).toBe(1);
    expect(parsed.tooLong).toEqual([]);
  });

  it('reports entries over 100 characters, counting code points', () => {
    const hundredEmoji = '😀'.repeat(100); // 200 UTF-16 units, 100 characters
    const parsed = parseList(`${hundredEmoji}\n${'x'.repeat(101)}`);
    expect(parsed.tooLong).toEqual(['x'.repeat(101)]);
  });
});

describe('draft and stored settings', () => {
  it('a fresh draft has no changes; editing by meaning only counts', () => {
    const d = draftFromSettings(base);
    expect(dirtyFields(d, base)).toEqual([]);
    // Extra blank lines and spaces do not make the list different.
    expect(dirtyFields({ ...d, highlightUsers: 'Alice\n\n  bob  \n' }, base)).toEqual([]);
    expect(dirtyFields({ ...d, highlightUsers: 'Alice' }, base)).toEqual(['highlightUsers']);
  });

  it('the patch holds only the edited fields, lists as parsed', () => {
    const d = { ...draftFromSettings(base), highlightKeywords: 'rust\n go \nRUST', highlightSubmitter: false };
    const fields = dirtyFields(d, base);
    expect(fields).toEqual(['highlightKeywords', 'highlightSubmitter']);
    expect(patchFrom(d, fields)).toEqual({ highlightKeywords: ['rust', 'go'], highlightSubmitter: false });
  });

  it('a change made elsewhere replaces untouched fields and keeps edited ones', () => {
    const edited = { ...draftFromSettings(base), highlightUsers: 'Alice\nbob\ndave' };
    const after: Settings = {
      ...base,
      highlightUsers: ['zed'],
      highlightKeywords: ['linux'],
      thresholds: { full: 3, abbreviated: 1, breakthrough: 5 },
    };
    const merged = mergeExternal(edited, base, after);
    expect(merged.highlightUsers).toBe('Alice\nbob\ndave');
    expect(merged.highlightKeywords).toBe('linux');
    expect(merged.thresholds).toEqual({ full: 3, abbreviated: 1, breakthrough: 5 });
  });

  it('validation names the list and the entry that is too long', () => {
    const d = { ...draftFromSettings(DEFAULT_SETTINGS), highlightKeywords: `ok\n${'k'.repeat(120)}` };
    const problems = validate(d);
    expect(Object.keys(problems)).toEqual(['highlightKeywords']);
    expect(problems.highlightKeywords).toContain('at most 100 characters');
    expect(problems.highlightKeywords).toContain('is 120');
  });

  it('sameValue ignores key order but not values', () => {
    expect(sameValue({ full: 1, abbreviated: 0 }, { abbreviated: 0, full: 1 })).toBe(true);
    expect(sameValue({ full: 1, abbreviated: 0 }, { abbreviated: 1, full: 1 })).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue([], {})).toBe(false);
  });
});
