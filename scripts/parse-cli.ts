// Debugging CLI: parses a saved discussion page with the extension's own adapters and prints
// the model as JSON. Run through scripts/parse.mjs:
//   npm run --silent parse -- PAGE.html [--url URL]
// Exit codes: 0 parsed, 1 usage or read error, 2 the page is not a recognized discussion.

import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { buildTree } from '../src/model/build-tree';
import { pickAdapter } from '../src/sites/index';

const USAGE = 'usage: npm run --silent parse -- PAGE.html [--url URL]';
const DEFAULT_URL = 'https://slashdot.org/';

/**
 * Saved pages keep the bytes the site sent: 2000s Slashdot pages are ISO-8859-1 and say so in a
 * meta tag. Only the page's own declaration is honoured; anything else is read as UTF-8.
 */
function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const latin1 = declared && ['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'windows-1252', 'cp1252', 'us-ascii'].includes(declared);
  return bytes.toString(latin1 ? 'latin1' : 'utf8');
}

/** Where the page came from, by its own words: canonical link, og:url, or a link back to the story. */
function guessUrl(doc: Document): string {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    doc.querySelector('.escape-link a[href*="sid="]')?.getAttribute('href'),
    doc.querySelector('a[href*="article.pl?sid="]')?.getAttribute('href'),
    doc.querySelector('input[name="returnto"][value*="sid="]')?.getAttribute('value'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const u = new URL(c, DEFAULT_URL); // protocol-relative links ("//linux.slashdot.org/…") become https
      if (u.protocol === 'https:' || u.protocol === 'http:') return u.href;
    } catch {
      // not an address; try the next one
    }
  }
  return DEFAULT_URL;
}

interface CliResult {
  code: number;
  out?: string;
  err?: string;
}

function run(argv: readonly string[]): CliResult {
  let file: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i];
    else if (a.startsWith('--url=')) url = a.slice('--url='.length);
    else if (a === '-h' || a === '--help') return { code: 0, out: USAGE };
    else if (!file && !a.startsWith('-')) file = a;
    else return { code: 1, err: `unexpected argument: ${a}\n${USAGE}` };
  }
  if (!file) return { code: 1, err: USAGE };
  if (url !== undefined) {
    try {
      new URL(url);
    } catch {
      return { code: 1, err: `not an absolute URL: ${url}` };
    }
  }

  let html: string;
  try {
    html = decodePage(readFileSync(file));
  } catch (e) {
    return { code: 1, err: `cannot read ${file}: ${(e as Error).message}` };
  }

  const dom = new JSDOM(html, { url: url ?? DEFAULT_URL });
  const doc = dom.window.document;
  if (url === undefined) {
    url = guessUrl(doc);
    dom.reconfigure({ url }); // the document's own address, for anything resolving links through it
  }
  const pageUrl = new URL(url);

  const adapter = pickAdapter(pageUrl, doc);
  if (!adapter) return { code: 2, err: `${file}: no adapter recognizes this page (${pageUrl.href})` };
  const result = adapter.parse(doc, pageUrl);
  if (!result.ok) return { code: 2, err: `${file}: ${adapter.name}: ${result.reason}` };

  const d = buildTree(result.page);
  const json = {
    site: d.site,
    title: d.title,
    submitter: d.submitter,
    declaredCount: d.declaredCount,
    count: d.all.length,
    comments: d.all.map((c) => ({
      id: c.id,
      parent: c.parent,
      author: c.author,
      score: c.score,
      reason: c.reason,
      title: c.title,
      depth: c.depth,
    })),
  };
  return { code: 0, out: JSON.stringify(json, null, 2) };
}

const result = run(process.argv.slice(2));
if (result.out !== undefined) process.stdout.write(result.out + '\n');
if (result.err !== undefined) process.stderr.write(result.err + '\n');
process.exitCode = result.code;
