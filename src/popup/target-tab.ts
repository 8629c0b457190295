import browser from 'webextension-polyfill';

/** The tab the popup reports on. `url` is null when the browser does not tell us. */
export interface TargetTab {
  id: number;
  url: string | null;
}

/**
 * `?tab=<id>` wins so tests (and anything else) can open popup.html as an ordinary page
 * about another tab; opened as a real popup, it is the active tab of the current window.
 */
export async function findTargetTab(search: string): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const id = Number(param);
    try {
      const tab = await browser.tabs.get(id);
      return { id, url: tab.url ?? null };
    } catch {
      // The tab may be gone, or its URL hidden from us; still ask its content script.
      return { id, url: null };
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  return { id: tab.id, url: tab.url ?? null };
}

/** What kind of address the tab shows, which decides what the popup can offer. */
export type PageKind =
  | { kind: 'web'; origin: string; host: string }
  | { kind: 'restricted'; scheme: string }
  | { kind: 'unknown' };

export function classifyUrl(url: string | null): PageKind {
  if (url === null) return { kind: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    return { kind: 'web', origin: parsed.origin, host: parsed.hostname };
  }
  return { kind: 'restricted', scheme: parsed.protocol.replace(/:$/, '') };
}
