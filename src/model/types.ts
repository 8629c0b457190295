// The site-independent discussion model. Adapters (src/sites) produce it from a page;
// the overlay renders it. Nothing here touches the DOM: element references are carried
// so the overlay can move the page's own nodes, but the model never reads or writes them.

/** Slashdot-family scores run -1..5. `null` means the page did not say. */
export type Score = number | null;

export const MIN_SCORE = -1;
export const MAX_SCORE = 5;

/**
 * What the page itself gave us for a comment:
 * - `full`: the whole comment with its body;
 * - `oneline`: a title/author line without a body (classic Slashdot below the page threshold);
 * - `stub`: only data (score, parent) from the page's inline script, no visible markup (d2 hidden).
 */
export type PageForm = 'full' | 'oneline' | 'stub';

/**
 * One comment as an adapter reports it. Nesting is given either by `parent`
 * (DOM-nested sites) or by `depth` alone in document order (indentation sites such
 * as Hacker News); `buildTree` resolves both into the same tree.
 */
export interface RawComment {
  id: string;
  /** Site id of the parent comment; `null` for a top-level one; `undefined` when the site only gives depth. */
  parent?: string | null;
  /** Nesting depth (0 = top level); required when `parent` is undefined. */
  depth?: number;
  author: string;
  authorUrl: string | null;
  score: Score;
  /** Moderation reason ("Interesting", "Funny", ...), `null` when none is shown. */
  reason: string | null;
  title: string;
  /** The timestamp as the page shows it (text), `null` when absent. */
  timestamp: string | null;
  /** Signature text (after "--"), `null` when none. */
  signature: string | null;
  /** The page's own element holding the comment text, moved (never copied) by the overlay. */
  body: Element | null;
  /** The page's own signature element, when the site keeps it apart from the body. */
  signatureEl: Element | null;
  /**
   * Other page nodes that belong with the text and move with it, e.g. Slashdot's
   * "Read the rest of this comment..." link beside a shortened body.
   */
  extraEls?: Element[];
  /** Link to the comment on the site (for one-liners and stubs whose text is not in the page). */
  permalink: string | null;
  form: PageForm;
}

export interface Comment extends Omit<RawComment, 'parent' | 'depth'> {
  parent: string | null;
  depth: number;
  children: Comment[];
}

/** What an adapter returns for a page it recognizes. */
export interface ParsedPage {
  /** Adapter id, e.g. "slashdot". */
  site: string;
  /** Stable key for per-thread state (collapsed ids, last visit), e.g. "slashdot:08/09/25/1". */
  threadKey: string;
  title: string;
  /** The story's submitter (nickname as shown), `null` when the page does not show one. */
  submitter: string | null;
  /** The count the page declares ("509 comments", "3 of 419 comments"), `null` when absent. */
  declaredCount: number | null;
  /** The element the overlay replaces (hidden, never removed, so nothing is lost). */
  container: Element;
  /** Every comment the page knows, in document order. */
  comments: RawComment[];
}

export interface Discussion extends Omit<ParsedPage, 'comments'> {
  roots: Comment[];
  byId: Map<string, Comment>;
  /** Comments in document (pre-)order. */
  all: Comment[];
}

/** Adapters either recognize a page or say, in words for the popup, why not. */
export type ParseResult =
  | { ok: true; page: ParsedPage }
  | { ok: false; reason: string };

/** How a comment is shown. */
export type DisplayState = 'full' | 'abbreviated' | 'hidden' | 'collapsed';

export interface Thresholds {
  /** At or above: shown whole. */
  full: number;
  /** At or above (and below `full`): shown as one line. Below: hidden. */
  abbreviated: number;
  /** At or above: shown even inside a hidden or collapsed parent's subtree. */
  breakthrough: number;
}

export type HighlightReason = 'user' | 'keyword' | 'submitter';
