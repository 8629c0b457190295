/**
 * Links taken from the page (author profiles, permalinks) go into our markup only when they
 * are plain web addresses: a hostile page could offer `javascript:` or `data:` URLs.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  // The same author links recur across thousands of comments: parse each address once.
  if (cache.has(url)) return cache.get(url);
  let safe: string | undefined;
  try {
    const u = new URL(url, document.baseURI);
    safe = u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    safe = undefined;
  }
  cache.set(url, safe);
  return safe;
}

const cache = new Map<string, string | undefined>();
