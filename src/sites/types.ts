import type { ParsedPage, ParseResult } from '../model/types';

/**
 * What parseSteps yields: nothing (a pause), or once, on a big page, a preview: the first
 * top-level threads, each complete, as a page of their own. The content script shows it while
 * it reads the rest; the whole page must begin with exactly these comments.
 */
export type ParseStep = void | ParsedPage;

/**
 * One adapter per site family. Adapters read the DOM and never change it: the page
 * must stay exactly as the site rendered it whenever we do not take over.
 */
export interface SiteAdapter {
  /** Short id used in storage keys and the popup, e.g. "slashdot". */
  id: string;
  /** Human name for the popup, e.g. "Slashdot". */
  name: string;
  /** Cheap check on the address alone: is this adapter worth trying here? */
  matchesUrl(url: URL): boolean;
  /**
   * Cheap check on the markup: does this page look like this adapter's format?
   * Used to pick an adapter on pages whose address is not a known site (mirrors, archives).
   */
  detect(doc: Document): boolean;
  /** Full parse. Must not throw on odd markup: return `{ ok: false, reason }` instead. */
  parse(doc: Document, url: URL): ParseResult;
  /**
   * The same parse as steps: yields every so many comments, so that the content script can
   * read a page of thousands of comments in slices instead of one long task (see
   * shared/slices.ts). Adapters of sites with big threads provide it; `parse` then runs it
   * to its end at once. It may yield one preview (see ParseStep).
   */
  parseSteps?(doc: Document, url: URL): Generator<ParseStep, ParseResult>;
}
