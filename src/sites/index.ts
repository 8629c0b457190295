import type { SiteAdapter } from './types';
import { slashdot } from './slashdot';
import { soylentnews } from './soylentnews';
import { mirror } from './mirror';

/**
 * Every adapter, most specific first. A page goes to the adapter of its address whose markup
 * check agrees; else to any adapter recognizing the markup (mirrors and archives on hosts we
 * have no adapter for, or a saved page read without its address); else to the address's
 * adapter alone, which then says plainly why it cannot read the page.
 */
export const adapters: readonly SiteAdapter[] = [slashdot, soylentnews, mirror];

export function pickAdapter(url: URL, doc: Document): SiteAdapter | null {
  return (
    adapters.find((a) => a.matchesUrl(url) && a.detect(doc)) ??
    adapters.find((a) => a.detect(doc)) ??
    adapters.find((a) => a.matchesUrl(url)) ??
    null
  );
}
