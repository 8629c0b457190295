/**
 * Resolves a link as the page would (against the page's address), or `null` when the
 * attribute is missing or not a usable web address. Never throws: pages hold odd hrefs.
 */
export function absoluteUrl(href: string | null | undefined, base: URL | string): string | null {
  if (href == null) return null;
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const u = new URL(trimmed, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `new URL` without the exception. */
export function tryUrl(href: string | null | undefined, base?: URL | string): URL | null {
  if (href == null) return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}
