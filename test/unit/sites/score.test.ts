import { describe, expect, it } from 'vitest';
import { cleanText, parseScoreText } from '../../../src/sites/shared/score';
import { createRng } from '../../hostile/rng';

describe('parseScoreText', () => {
  it.each([
    ['(Score:5, Insightful)', 5, 'Insightful'],
    ['(Score: 5, Insightful)', 5, 'Insightful'],
    ['Score: 5, Interesting', 5, 'Interesting'],
    ['(Score:-1)', -1, null],
    ['(Score:0, Flamebait)', 0, 'Flamebait'],
    ['Score:1, Funny) (1 child)', 1, 'Funny'],
    ['(Score: 3, Touché)', 3, 'Touché'],
    ['(Score: 2, Informative )', 2, 'Informative'],
    ['(Score:9, Insightful)', null, 'Insightful'], // out of range: unknown, never a guess
    ['(Score:-7)', null, null],
    ['(Score:x, Funny)', null, null],
    ['Scored five', null, null],
    ['', null, null],
  ])('%j → %j, %j', (text, score, reason) => {
    expect(parseScoreText(text)).toEqual({ score, reason });
  });
});

describe('cleanText', () => {
  // It returns clean text as it is, without the regular expressions: that must not change what
  // collapsing and trimming white space gives.
  const reference = (t: string) => t.replace(/\s+/g, ' ').trim();
  it('collapses and trims white space', () => {
    const rng = createRng(3);
    const parts = [' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', 'a', 'bc', 'Re:', '(Score:5)'];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      for (let k = rng.int(0, 8); k > 0; k--) t += rng.pick(parts);
      expect(cleanText(t), JSON.stringify(t)).toBe(reference(t));
    }
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });
});
