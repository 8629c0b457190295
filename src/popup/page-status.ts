import browser, { type Runtime } from 'webextension-polyfill';
import { GET_STATUS, isStatusChanged, type PageStatus, type StatusRequest } from '../shared/messages';

/** Loose shape check: the answer crosses a process boundary, so do not trust its type. */
export function isPageStatus(value: unknown): value is PageStatus {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.recognized === false) return typeof v.reason === 'string' && typeof v.host === 'string';
  return (
    v.recognized === true &&
    typeof v.title === 'string' &&
    typeof v.total === 'number' &&
    Array.isArray(v.byScore) &&
    typeof v.tiers === 'object' &&
    v.tiers !== null
  );
}

/**
 * Asks the tab's content script for its status. `null` means nobody answered: no content
 * script (sendMessage rejects with "Receiving end does not exist") or an unusable answer.
 */
export async function askStatus(tabId: number): Promise<PageStatus | null> {
  const request: StatusRequest = { type: GET_STATUS };
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request);
    return isPageStatus(answer) ? answer : null;
  } catch {
    return null;
  }
}

/** Calls `cb` with every STATUS_CHANGED broadcast from `tabId`; returns the unsubscribe. */
export function onTabStatus(tabId: number, cb: (status: PageStatus) => void): () => void {
  const listener = (msg: unknown, sender: Runtime.MessageSender): undefined => {
    // Every tab with a content script broadcasts; only ours matters.
    if (isStatusChanged(msg) && sender.tab?.id === tabId) cb(msg.status);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
