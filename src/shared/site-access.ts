// Running Threshold on hosts the manifest does not list (mirrors, archives, other Slash
// sites). The user grants a host from the popup; we then register the content script for
// every such granted host, so it loads there like on the built-in ones.
import browser from 'webextension-polyfill';

export const USER_SITES_SCRIPT_ID = 'threshold-user-sites';
const CONTENT_JS = 'content.js';
const CONTENT_CSS = 'content.css';

/**
 * The match pattern for an origin ("https://example.org" or any URL on it). The port is
 * dropped: Firefox does not accept ports in match patterns and Chrome ignores a missing one.
 */
export function originPattern(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`Not a web address: ${origin}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Threshold only runs on http and https pages, not ${url.protocol}`);
  }
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Asks the user for access to `origin`. Must be called straight from a click handler in
 * the popup: Firefox refuses the prompt if anything was awaited before it, so nothing is.
 * Resolves to whether access was granted; the background then registers the script
 * (permissions.onAdded), and the caller can run it at once on the open tab with injectNow.
 */
export function requestSite(origin: string): Promise<boolean> {
  let pattern: string;
  try {
    pattern = originPattern(origin);
  } catch (e) {
    return Promise.reject(e);
  }
  return browser.permissions.request({ origins: [pattern] });
}

/** Whether Threshold may already run on `origin`. */
export async function hasSite(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/** Takes back access to `origin` and stops loading the content script there. */
export async function forgetSite(origin: string): Promise<boolean> {
  const removed = await browser.permissions.remove({ origins: [originPattern(origin)] });
  await registerSiteScripts();
  return removed;
}

/** Runs the content script on an open tab now (after a grant, without a reload). */
export async function injectNow(tabId: number): Promise<void> {
  // CSS first, so the overlay is never drawn unstyled.
  await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
}

interface Pattern {
  scheme: string;
  host: string;
  path: string;
}

function parsePattern(p: string): Pattern | null {
  if (p === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const m = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)$/.exec(p);
  return m ? { scheme: m[1]!, host: m[2]!.toLowerCase(), path: m[3]! } : null;
}

/** Whether every URL `inner` matches is matched by `outer` too (enough for host patterns). */
export function patternCovers(outer: string, inner: string): boolean {
  const a = parsePattern(outer);
  const b = parsePattern(inner);
  if (!a || !b) return false;
  const schemeOk = a.scheme === b.scheme || (a.scheme === '*' && (b.scheme === 'http' || b.scheme === 'https'));
  const hostOk =
    a.host === '*' ||
    a.host === b.host ||
    (a.host.startsWith('*.') && (b.host === a.host.slice(2) || b.host.endsWith(a.host.slice(1))));
  const pathOk = a.path === '/*' || a.path === b.path;
  return schemeOk && hostOk && pathOk;
}

/**
 * A grant of every site (Firefox lets the user switch on all of optional_host_permissions
 * in its add-on manager) is not a request to run on every page: only hosts added one by one
 * get the content script.
 */
function isBroad(pattern: string): boolean {
  const p = parsePattern(pattern);
  return !p || p.host === '*';
}

function manifestMatches(): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return scripts.flatMap((s) => s.matches ?? []);
}

/** Granted host patterns that the manifest's own content scripts do not already cover. */
export async function userSitePatterns(): Promise<string[]> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const builtIn = manifestMatches();
  const out: string[] = [];
  for (const origin of granted) {
    if (isBroad(origin) || out.includes(origin)) continue;
    if (builtIn.some((m) => patternCovers(m, origin))) continue;
    out.push(origin);
  }
  return out.sort();
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Makes the dynamic content script match exactly the user's granted sites: registered or
 * updated when there are some, unregistered when none. Calls in one context run one after
 * another (onAdded and onStartup can fire together); a registration made meanwhile by
 * another context is handled by falling back to update. Resolves to the patterns in use.
 */
export function registerSiteScripts(): Promise<string[]> {
  const run = chain.then(syncRegistration);
  chain = run.catch(() => undefined);
  return run;
}

async function syncRegistration(): Promise<string[]> {
  const matches = await userSitePatterns();
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (!matches.length) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
    return [];
  }
  const script = {
    id: USER_SITES_SCRIPT_ID,
    matches,
    js: [CONTENT_JS],
    css: [CONTENT_CSS],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length) {
    await browser.scripting.updateContentScripts([script]);
    return matches;
  }
  try {
    await browser.scripting.registerContentScripts([script]);
  } catch (e) {
    // Another context registered it between our check and our call.
    const now = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
    if (!now.length) throw e;
    await browser.scripting.updateContentScripts([script]);
  }
  return matches;
}
