import { describe, expect, it, vi } from 'vitest';
import { isStatusChanged, STATUS_CHANGED } from '../../../src/shared/messages';
import { isPageStatus } from '../../../src/popup/page-status';

// page-status talks to the browser; only its pure shape check is tested here.
vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

describe('STATUS_CHANGED guard', () => {
  it('accepts a broadcast carrying a status and rejects anything else', () => {
    const status = { recognized: false, host: 'a.org', reason: 'no comments' };
    expect(isStatusChanged({ type: STATUS_CHANGED, status })).toBe(true);
    expect(isStatusChanged({ type: STATUS_CHANGED })).toBe(false);
    expect(isStatusChanged({ type: 'threshold:get-status', status })).toBe(false);
    expect(isStatusChanged(null)).toBe(false);
    expect(isStatusChanged('threshold:status-changed')).toBe(false);
  });
});

describe('isPageStatus', () => {
  it('checks the shape of an answer from the tab', () => {
    expect(isPageStatus({ recognized: false, host: 'a.org', reason: 'x' })).toBe(true);
    expect(isPageStatus({ recognized: false, host: 'a.org' })).toBe(false);
    expect(
      isPageStatus({
        recognized: true,
        title: 't',
        total: 1,
        byScore: [0, 1, 0, 0, 0, 0, 0],
        tiers: { full: 1, abbreviated: 0, hidden: 0 },
      }),
    ).toBe(true);
    expect(isPageStatus({ recognized: true, title: 't' })).toBe(false);
    expect(isPageStatus(undefined)).toBe(false);
  });
});
