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

/**
 * absoluteUrl against one base, remembered by the link's text: a page repeats links (one
 * author's page on each of their comments), and `new URL` is among the costliest steps of a
 * parse. One instance per parse: the memory goes with it.
 */
export class ResolvedLinks {
  private readonly resolved = new Map<string, string | null>();

  constructor(readonly base: URL) {}

  absolute(href: string | null | undefined): string | null {
    if (href == null) return null;
    let out = this.resolved.get(href);
    if (out === undefined) {
      // A plain link (see viewLink) is http(s) and never empty: its href is absoluteUrl's answer.
      out = plainLink(href, this.base)?.href ?? absoluteUrl(href, this.base);
      this.resolved.set(href, out);
    }
    return out;
  }
}

/** What a reader needs of a resolved link: URL's getters of the same names, and its query's values. */
export interface LinkView {
  readonly href: string;
  readonly protocol: string;
  readonly origin: string;
  readonly pathname: string;
  readonly hash: string;
  /** `searchParams.get(name)`. */
  param(name: string): string | null;
}

/**
 * A link as `tryUrl(href, base)` resolves it, or `null` where that gives `null`. Links written
 * plainly, as Slash writes its own ("//linux.slashdot.org/comments.pl?sid=1&cid=2#3"), are read
 * from their text: `new URL` costs microseconds, and a big page holds tens of thousands of links.
 *
 * "Plainly" is what every URL parser (the WHATWG standard, jsdom's whatwg-url, Chromium's) leaves
 * as written, so reading the text gives exactly what `new URL` would:
 * - an optional `http:` or `https:` (lower case), then `//` and a host of lower-case letters,
 *   digits, dots and inner hyphens whose last label starts with a letter (so no IPv4 address, no
 *   port, no user, no "xn--" label, no empty label);
 * - a path of letters, digits and `_ . ~ + / -` ("/~Some+Nick"), with no "." or ".." segment
 *   (nothing to remove);
 * - a query of letters, digits and `_ . ~ = & : / -`: no `%` or `+`, the only escapes
 *   searchParams decodes;
 * - a fragment of letters, digits, `_` and `-`.
 * Anything else (relative links, other schemes, white space, escapes) goes through `new URL`.
 */
export function viewLink(href: string | null | undefined, base: URL): LinkView | null {
  if (href == null) return null;
  const plain = plainLink(href, base);
  if (plain) return plain;
  const u = tryUrl(href, base);
  return u ? viewUrl(u) : null;
}

/** `href` read from its text if it is plain (see viewLink), else `null`. */
function plainLink(href: string, base: URL): PlainLink | null {
  // A test, then the parts found by index and cut only when asked for: these links are many.
  if (!PLAIN_LINK_RE.test(href)) return null;
  const scheme = href.startsWith('https:') ? 'https:' : href.startsWith('http:') ? 'http:' : null;
  const protocol = scheme ?? base.protocol;
  if (protocol !== 'http:' && protocol !== 'https:') return null;
  const link = new PlainLink(href, protocol, scheme === null ? 2 : scheme.length + 2);
  return DOT_SEGMENT_RE.test(link.pathname) ? null : link;
}

/** A URL seen as a LinkView. */
export function viewUrl(url: URL): LinkView {
  return new UrlLink(url);
}

const PLAIN_LINK_RE =
  /^(?:https?:)?\/\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\/[\w.~+/-]*)?(?:\?[\w.~=&:/-]*)?(?:#[\w-]*)?$/;
const DOT_SEGMENT_RE = /\/\.\.?(?:\/|$)/;

/** A plain link (see viewLink): its text, and where its parts start in it. */
class PlainLink implements LinkView {
  /** Where the path starts, or -1 without one ("/" then). */
  private readonly path: number;
  /** Where "?" is, or -1. */
  private readonly query: number;
  /** Where "#" is, or -1. */
  private readonly fragment: number;
  /** Where the host ends. */
  private readonly hostEnd: number;

  constructor(
    private readonly text: string,
    readonly protocol: string,
    private readonly host: number,
  ) {
    // The host holds none of "/?#", the path none of "?#", the query no "#".
    const fragment = text.indexOf('#', host);
    const query = text.indexOf('?', host);
    const slash = text.indexOf('/', host);
    const queryEnd = fragment < 0 ? text.length : fragment;
    this.fragment = fragment;
    this.query = query >= 0 && query < queryEnd ? query : -1;
    const pathEnd = this.query >= 0 ? this.query : queryEnd;
    this.path = slash >= 0 && slash < pathEnd ? slash : -1;
    this.hostEnd = this.path >= 0 ? this.path : pathEnd;
  }

  get origin(): string {
    return `${this.protocol}//${this.text.slice(this.host, this.hostEnd)}`;
  }

  get pathname(): string {
    if (this.path < 0) return '/';
    return this.text.slice(this.path, this.query >= 0 ? this.query : this.fragment >= 0 ? this.fragment : this.text.length);
  }

  get href(): string {
    // The text itself, with the scheme if it has none and "/" as the path if it has none.
    const rest = this.text.slice(this.host - 2);
    if (this.path >= 0) return `${this.protocol}${rest}`;
    const at = this.hostEnd - (this.host - 2);
    return `${this.protocol}${rest.slice(0, at)}/${rest.slice(at)}`;
  }

  get hash(): string {
    // An empty fragment ("#") is kept by href but not by hash.
    return this.fragment < 0 || this.fragment === this.text.length - 1 ? '' : this.text.slice(this.fragment);
  }

  param(name: string): string | null {
    // application/x-www-form-urlencoded parsing (split at "&", then at the first "="), for a
    // query with nothing to decode; by index, as it runs several times per link.
    if (this.query < 0) return null;
    const q = this.text;
    const stop = this.fragment >= 0 ? this.fragment : q.length;
    for (let start = this.query + 1; start < stop; ) {
      let end = q.indexOf('&', start);
      if (end < 0 || end > stop) end = stop;
      // Empty pairs ("&&") are skipped, as URLSearchParams skips them.
      if (end > start && end - start >= name.length && q.startsWith(name, start)) {
        const after = start + name.length;
        if (after === end) return '';
        if (q.charCodeAt(after) === 61 /* = */) return q.slice(after + 1, end);
      }
      start = end + 1;
    }
    return null;
  }
}

class UrlLink implements LinkView {
  constructor(private readonly url: URL) {}
  get href(): string {
    return this.url.href;
  }
  get protocol(): string {
    return this.url.protocol;
  }
  get origin(): string {
    return this.url.origin;
  }
  get pathname(): string {
    return this.url.pathname;
  }
  get hash(): string {
    return this.url.hash;
  }
  param(name: string): string | null {
    return this.url.searchParams.get(name);
  }
}
