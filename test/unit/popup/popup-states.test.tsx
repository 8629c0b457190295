// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { buttonByText, click, settle, textOf, until } from './dom';
import { contentScript, fake, open, recognized, TAB, usePopupHarness } from './harness';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());
usePopupHarness();

describe('popup when Threshold left the page alone or is not there', () => {
  it('shows the reason a page was not recognized', async () => {
    contentScript(() => ({ recognized: false, host: 'slashdot.org', reason: 'This page has no comments.' }));
    const r = await open();
    expect(textOf(r)).toContain('Threshold left this page as it was: This page has no comments.');
    expect(r.querySelector('.chart')).toBeNull();
    expect(r.querySelector('[name="threshold"]')).toBeNull();
  });

  it('offers to enable Threshold on a web page without a content script, then shows its status', async () => {
    fake.tabs = [{ id: TAB, url: 'http://example.org/story/1', active: false, windowId: 1 }];
    const requests: unknown[] = [];
    fake.permissionPrompt = (req) => {
      requests.push(req);
      return true;
    };
    // The content script answers only once it has been injected into the tab.
    fake.tabMessageHandler = (tabId) => {
      if (!fake.injections.some((i) => i.kind === 'js' && i.tabId === tabId)) {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return recognized({ host: 'example.org', siteName: 'Example', title: 'Now reflowed' });
    };
    const r = await open();
    expect(textOf(r)).toContain("Threshold doesn't run on example.org.");

    await click(buttonByText(r, 'Enable on example.org'));
    await until(fake, () => expect(textOf(r.querySelector('h1'))).toBe('Now reflowed'));
    expect(requests).toEqual([{ origins: ['http://example.org/*'] }]);
    expect(fake.injections.map((i) => [i.kind, i.tabId])).toEqual([
      ['css', TAB],
      ['js', TAB],
    ]);
  });

  it('says so and injects nothing when the user refuses the permission', async () => {
    fake.tabs = [{ id: TAB, url: 'https://example.org/a', active: false, windowId: 1 }];
    fake.permissionPrompt = () => false;
    const r = await open();
    await click(buttonByText(r, 'Enable on example.org'));
    await settle(fake);
    expect(textOf(r.querySelector('[role="alert"]'))).toContain('needs your permission');
    expect(fake.injections).toEqual([]);
    expect(buttonByText(r, 'Enable on example.org').disabled).toBe(false);
  });

  it('on browser pages says it cannot run, without an enable button', async () => {
    fake.tabs = [{ id: TAB, url: 'chrome://extensions/', active: false, windowId: 1 }];
    const r = await open();
    expect(textOf(r)).toContain("Threshold can't run here");
    expect(r.querySelector('button')).toBeNull();
  });
});
