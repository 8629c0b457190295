import type { SiteAdapter } from './types';
import { slashdot } from './slashdot';
import { soylentnews } from './soylentnews';
import { mirror } from './mirror';

/**
 * Every adapter, most specific first. A page is matched by address first, then, for
 * pages on hosts we have no adapter for (mirrors and archives the user enabled us on),
 * by markup.
 */
export const adapters: readonly SiteAdapter[] = [slashdot, soylentnews, mirror];

export function pickAdapter(url: URL, doc: Document): SiteAdapter | null {
  return adapters.find((a) => a.matchesUrl(url)) ?? adapters.find((a) => a.detect(doc)) ?? null;
}
