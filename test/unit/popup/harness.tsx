// Shared set-up for the popup tests: the fake browser (the test file must mock
// webextension-polyfill with it), a faked content script, and mounting the popup.
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { Popup } from '../../../src/popup/popup';
import { GET_STATUS, type PageStatus } from '../../../src/shared/messages';
import { asFake } from '../helpers/fake-browser';
import { settle } from './dom';

export const b = asFake(browser);
export const fake = b.fake;
// Two calls the shared fake does not model; the popup needs them.
export const openOptionsPage = vi.fn(async () => {});
Object.assign(b.runtime, { openOptionsPage });
Object.assign(b.tabs, {
  async get(id: number) {
    const tab = fake.tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`No tab with id: ${id}.`);
    return { ...tab };
  },
});

export const TAB = 7;
export const STORY_URL = 'https://slashdot.org/story/25/01/01/1/a-story';

export function recognized(over: Partial<Extract<PageStatus, { recognized: true }>> = {}): PageStatus {
  return {
    recognized: true,
    active: true,
    site: 'slashdot',
    siteName: 'Slashdot',
    host: 'slashdot.org',
    title: 'Rust in the kernel',
    total: 27,
    declaredCount: 30,
    //        -1  0   1  2  3  4  5
    byScore: [2, 5, 10, 3, 0, 1, 4],
    unknownScore: 2,
    tiers: { full: 10, abbreviated: 15, hidden: 2 },
    ...over,
  };
}

/** The content script's side: answers GET_STATUS with `status()`, records which tabs were asked. */
export function contentScript(status: () => PageStatus | Promise<PageStatus>): number[] {
  const asked: number[] = [];
  fake.tabMessageHandler = (tabId, msg) => {
    expect(msg).toEqual({ type: GET_STATUS });
    asked.push(tabId);
    return status();
  };
  return asked;
}

let root: HTMLElement;

/** Renders the popup as if opened with `search` in its URL, and lets it load. */
export async function open(search = `?tab=${TAB}`): Promise<HTMLElement> {
  await act(async () => {
    render(<Popup search={search} />, root);
  });
  await settle(fake);
  return root;
}

/** Call once at the top of a test file: a fresh browser and mount point per test. */
export function usePopupHarness(): void {
  beforeEach(() => {
    fake.reset();
    openOptionsPage.mockClear();
    fake.tabs = [{ id: TAB, url: STORY_URL, active: false, windowId: 1 }];
    fake.storage.sync.seed({ thresholds: { full: 2, abbreviated: 0, breakthrough: 4 } });
    root = document.createElement('div');
    document.body.append(root);
  });

  afterEach(() => {
    act(() => render(null, root));
    root.remove();
  });
}
