// viewLink reads plain links from their text instead of `new URL`: it must agree with `new URL`
// on every link, plain or not. ResolvedLinks must agree with absoluteUrl. Checked on links in the
// shapes Slash prints, on odd ones, and on many random strings built from URL-ish pieces.
// (Node's URL follows the WHATWG standard, as jsdom's does; the same check passed in Chromium,
// whose parser differs from the standard in corners, on 200,000 random links.)
import { describe, expect, it } from 'vitest';
import { createRng } from '../../hostile/rng';
import { absoluteUrl, ResolvedLinks, tryUrl, viewLink } from '../../../src/sites/shared/url';

const BASES = [
  'https://linux.slashdot.org/article.pl?sid=07/07/06/1333257',
  'http://slashdot.org/comments.pl?sid=1&cid=5#x',
  'http://127.0.0.1:8000/5000.html',
  'file:///home/me/saved.html',
  'about:blank',
].map((b) => new URL(b));

const NAMES = ['cid', 'pid', 'sid', 'op', 'threshold', 'c', 'cid=', ''];

const SAMPLES = [
  '//linux.slashdot.org/comments.pl?sid=295190&cid=20553391',
  '//linux.slashdot.org/comments.pl?sid=295190&threshold=-1&commentsort=0&mode=thread&pid=20553391#20553392',
  '//linux.slashdot.org/comments.pl?sid=295190&threshold=-1&commentsort=0&mode=thread&cid=20553391',
  '//slashdot.org/~greypixel',
  '//slashdot.org/~The+Vig+Hemos/journal/',
  'https://slashdot.org/~x',
  'http://slashdot.org',
  'http://slashdot.org?cid=1',
  'http://slashdot.org#frag',
  'http://slashdot.org/#',
  'http://slashdot.org/?',
  'http://slashdot.org/a/../b?cid=1',
  'http://slashdot.org/a/./b',
  'http://slashdot.org/.hidden',
  'http://slashdot.org/a/..',
  '//Slashdot.ORG/x',
  '//xn--nxasmq6b.com/x',
  '//1.2.3.4/x',
  '//a.0x7f/x',
  '//a-.b.org/x',
  '//a.b-c.org:80/x',
  '//user@slashdot.org/x',
  '//slashdot.org/comments.pl?sid=1&c%69d=2',
  '//slashdot.org/comments.pl?sid=1&cid=1+2',
  '//slashdot.org/comments.pl?sid=1&&cid&cid=3',
  '//slashdot.org/comments.pl?=x&cid',
  '//slashdot.org/comments.pl?cid=1?x=2',
  '//slashdot.org/comments.pl#a?cid=1',
  ' //slashdot.org/x ',
  '//slashdot.org/x\t',
  'HTTP://slashdot.org/x',
  'ftp://slashdot.org/x',
  'javascript:void(0)',
  'mailto:someone@example.com?cid=1',
  '#19766655',
  '?cid=7',
  '',
  ' ',
  'comments.pl?sid=1&pid=2#3',
  '/comments.pl?sid=1&cid=2',
  'http://[bad/x',
  'http:',
  'https:/slashdot.org/x',
];

const PIECES = [
  '//', 'http:', 'https:', 'slashdot.org', 'linux.', 'a-b', '-', '.', '..', '/', '~', '+', '?', '&', '=', '#',
  'cid', 'pid', 'sid', 'op', '12', '0', '%69', '%2e', ' ', '\t', ':', '@', 'x', 'Z', '_', 'é', '\\', '[', ']',
];

function randomHref(rng: ReturnType<typeof createRng>): string {
  let s = rng.chance(0.5) ? '//slashdot.org' : '';
  const n = rng.int(1, 10);
  for (let i = 0; i < n; i++) s += rng.pick(PIECES);
  return s;
}

function check(href: string, base: URL): void {
  const view = viewLink(href, base);
  const url = tryUrl(href, base);
  const where = `${JSON.stringify(href)} against ${base.href}`;
  expect(view === null, where).toBe(url === null);
  if (!view || !url) return;
  expect(
    { href: view.href, protocol: view.protocol, origin: view.origin, pathname: view.pathname, hash: view.hash },
    where,
  ).toEqual({ href: url.href, protocol: url.protocol, origin: url.origin, pathname: url.pathname, hash: url.hash });
  for (const name of NAMES) expect(view.param(name), `${where}, param ${name}`).toBe(url.searchParams.get(name));
}

describe('viewLink', () => {
  it('agrees with new URL on the links Slash prints and on odd ones', () => {
    for (const base of BASES) for (const href of SAMPLES) check(href, base);
  });

  it('agrees with new URL on random links', () => {
    const rng = createRng(0x5eed);
    for (let i = 0; i < 5000; i++) check(randomHref(rng), rng.pick(BASES));
  });

  it('gives null for a missing href', () => {
    expect(viewLink(null, BASES[0]!)).toBeNull();
    expect(viewLink(undefined, BASES[0]!)).toBeNull();
  });
});

describe('ResolvedLinks', () => {
  it('agrees with absoluteUrl, asked once or twice', () => {
    const rng = createRng(7);
    for (const base of BASES) {
      const links = new ResolvedLinks(base);
      const hrefs = [...SAMPLES, ...Array.from({ length: 300 }, () => randomHref(rng))];
      for (const href of [...hrefs, ...hrefs]) expect(links.absolute(href), href).toBe(absoluteUrl(href, base));
      expect(links.absolute(null)).toBeNull();
    }
  });
});
