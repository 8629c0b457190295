// isDigits: what /^\d+$/ accepts, without the regular expression.
import { describe, expect, it } from 'vitest';
import { isDigits } from '../../../src/sites/shared/digits';

describe('isDigits', () => {
  it('agrees with /^\\d+$/ on ids, empty text, signs, spaces and other scripts’ digits', () => {
    for (const text of ['0', '19766655', '', '-1', '+2', ' 12', '12 ', '1.5', '１２', '٣', 'cid=1', '0x1f']) {
      expect(isDigits(text), JSON.stringify(text)).toBe(/^\d+$/.test(text));
    }
  });
});
