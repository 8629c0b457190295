import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, normalizeThresholds, tierOf, withThreshold } from '../../../src/model/thresholds';
import type { Score, Thresholds } from '../../../src/model/types';

const T = (full: number, abbreviated: number, breakthrough = 4): Thresholds => ({ full, abbreviated, breakthrough });

describe('DEFAULT_THRESHOLDS', () => {
  it('are Slashdot’s: threshold 0, one-liners from -1, breakthrough 4', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ full: 0, abbreviated: -1, breakthrough: 4 });
  });

  it.each<[Score, string]>([
    [-1, 'abbreviated'],
    [0, 'full'],
    [1, 'full'],
    [5, 'full'],
    [null, 'full'],
  ])('score %s is %s under the defaults (nothing hidden)', (score, tier) => {
    expect(tierOf(score, DEFAULT_THRESHOLDS)).toBe(tier);
  });
});

describe('tierOf', () => {
  it.each<[Score, Thresholds, string]>([
    // boundaries of full: at the threshold is full, one below is not
    [2, T(2, 0), 'full'],
    [1, T(2, 0), 'abbreviated'],
    // boundaries of abbreviated
    [0, T(2, 0), 'abbreviated'],
    [-1, T(2, 0), 'hidden'],
    // abbreviated == full: no one-line tier at all
    [3, T(3, 3), 'full'],
    [2, T(3, 3), 'hidden'],
    // extremes
    [5, T(5, 5), 'full'],
    [4, T(5, 5), 'hidden'],
    [-1, T(-1, -1), 'full'],
    // unknown scores are never hidden, whatever the thresholds
    [null, T(5, 5), 'full'],
    [Number.NaN, T(5, 5), 'full'],
  ])('score %s with %o is %s', (score, t, tier) => {
    expect(tierOf(score, t)).toBe(tier);
  });
});

describe('normalizeThresholds', () => {
  it.each<[string, unknown, Thresholds]>([
    ['valid values pass through', T(2, 1, 3), T(2, 1, 3)],
    ['too high clamps to 5', { full: 9, abbreviated: 7, breakthrough: 99 }, T(5, 5, 5)],
    ['too low clamps to -1', { full: -3, abbreviated: -9, breakthrough: -2 }, T(-1, -1, -1)],
    ['fractions round', { full: 1.6, abbreviated: 0.4, breakthrough: 3.5 }, T(2, 0, 4)],
    ['NaN falls back to the default', { full: Number.NaN, abbreviated: 0, breakthrough: 4 }, T(0, 0, 4)],
    ['Infinity falls back to the default', { full: 1, abbreviated: 0, breakthrough: Infinity }, T(1, 0, 4)],
    ['strings fall back to the default', { full: '3', abbreviated: 1, breakthrough: 4 }, T(0, 0, 4)],
    ['missing fields take defaults', { full: 2 }, T(2, -1, 4)],
    ['null is all defaults', null, DEFAULT_THRESHOLDS],
    ['undefined is all defaults', undefined, DEFAULT_THRESHOLDS],
    ['out of order: full wins, abbreviated lowered', T(1, 3, 4), T(1, 1, 4)],
    ['breakthrough may sit below full', T(3, 1, 0), T(3, 1, 0)],
  ])('%s', (_name, input, expected) => {
    expect(normalizeThresholds(input as Partial<Thresholds>)).toEqual(expected);
  });

  it('does not modify its input', () => {
    const input = T(1, 3, 9);
    normalizeThresholds(input);
    expect(input).toEqual(T(1, 3, 9));
  });
});

describe('withThreshold (the field just changed wins)', () => {
  it.each<[string, Thresholds, keyof Thresholds, number, Thresholds]>([
    ['raise full within range', T(0, -1), 'full', 2, T(2, -1)],
    ['lower full below abbreviated drags abbreviated down', T(3, 2), 'full', 1, T(1, 1)],
    ['raise abbreviated above full pushes full up', T(1, 0), 'abbreviated', 3, T(3, 3)],
    ['raise abbreviated to equal full leaves full', T(2, 0), 'abbreviated', 2, T(2, 2)],
    ['lower abbreviated leaves full', T(2, 1), 'abbreviated', -1, T(2, -1)],
    ['breakthrough is independent', T(3, 2, 4), 'breakthrough', 1, T(3, 2, 1)],
    ['values clamp to 5', T(0, -1), 'abbreviated', 12, T(5, 5)],
    ['values clamp to -1', T(2, 1), 'full', -7, T(-1, -1)],
    ['fractions round', T(2, 1), 'full', 3.4, T(3, 1)],
    ['NaN is no change', T(2, 1, 3), 'full', Number.NaN, T(2, 1, 3)],
  ])('%s', (_name, t, field, value, expected) => {
    expect(withThreshold(t, field, value)).toEqual(expected);
  });

  it('returns a new object', () => {
    const t = T(1, 0);
    const next = withThreshold(t, 'full', 3);
    expect(next).not.toBe(t);
    expect(t).toEqual(T(1, 0));
  });
});
