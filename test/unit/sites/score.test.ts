import { describe, expect, it } from 'vitest';
import { parseScoreText } from '../../../src/sites/shared/score';

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
