/**
 * Links taken from the page (author profiles, permalinks) go into our markup only when they
 * are plain web addresses: a hostile page could offer `javascript:` or `data:` URLs.
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, document.baseURI);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
