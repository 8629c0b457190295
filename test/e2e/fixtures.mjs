// Saved pages for the end-to-end tests: serving them (on 127.0.0.1, or on their real address
// through request interception), reading them with the project's parse CLI, and the states
// the overlay must show for them.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { serve, htmlType } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/** Absolute path of a saved page, e.g. fixturePath('slashdot/classic-1.html'). */
export function fixturePath(name) {
  return path.join(root, 'test', 'fixtures', name);
}

/** The bytes of a saved page and the content type it was served with. */
export async function loadFixture(name) {
  const body = await readFile(fixturePath(name));
  return { body, type: htmlType(body) };
}

/** Where Firefox starts extension pages from (any page on 127.0.0.1 will do). */
export const LAUNCH_PATH = '/e2e-launch.html';

/**
 * A 127.0.0.1 server for one test file: /fixtures/<site>/<file>.html serves the saved pages,
 * `extra` adds pages by path (e.g. a plain page Threshold must leave alone).
 * @param {Record<string, string>} [extra] path -> HTML (UTF-8)
 */
export async function startServer(extra = {}) {
  const server = await serve(async (p) => {
    if (p === LAUNCH_PATH) return { body: '<!doctype html><meta charset="utf-8"><title>e2e</title><p>launcher</p>' };
    if (Object.hasOwn(extra, p)) return { body: extra[p] };
    const m = /^\/fixtures\/([a-z0-9-]+)\/([a-z0-9-]+\.html)$/.exec(p);
    return m ? loadFixture(`${m[1]}/${m[2]}`) : null;
  });
  return { ...server, launcherUrl: `${server.origin}${LAUNCH_PATH}`, url: (name) => `${server.origin}/fixtures/${name}` };
}

/**
 * Lets `page` load only from `origin` (the test server): saved pages link to the real sites
 * (//images.slashdot.org/...), and no test traffic may leave the machine.
 * @param {import('puppeteer-core').Page} page
 */
export async function confine(page, origin) {
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.isInterceptResolutionHandled()) return;
    const done = r.url().startsWith(`${origin}/`) ? r.continue() : r.abort();
    // Firefox may drop a request (one the page no longer wants) before the answer reaches it.
    done.catch(() => {});
  });
}

/** A new tab (closed after the test) confined to `url`'s origin, showing `url`. */
export async function openLocal(ctx, url) {
  const page = await ctx.newPage();
  await confine(page, new URL(url).origin);
  await page.goto(url);
  return page;
}

/**
 * Answers navigations to `url` with the saved page and aborts every other request, so the
 * shipped build (whose manifest only names the real sites) runs on its real address offline.
 * @param {import('puppeteer-core').Page} page
 */
export async function interceptAs(page, url, fixture) {
  const { body, type } = await loadFixture(fixture);
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.isInterceptResolutionHandled()) return;
    const done = r.url() === url ? r.respond({ status: 200, contentType: type, body }) : r.abort();
    // Firefox may drop a request (one the page no longer wants) before the answer reaches it.
    done.catch(() => {});
  });
}

/**
 * @typedef {object} ParsedComment
 * @property {string} id
 * @property {string | null} parent
 * @property {number | null} score
 * @property {string | null} author
 * @property {boolean} hasBody  the page holds the comment's body element (#comment_body_ID)
 */

/**
 * Reads a saved page with the project's parse CLI (`npm run parse -- FILE --url URL`): the
 * extension's own adapters, run in Node on jsdom. The browsers must agree with it.
 * Each CLI run takes seconds (bundling, jsdom), so test/e2e/run.mjs gives every file of one run
 * a shared cache directory (E2E_PARSE_CACHE).
 * @returns {Promise<{ comments: ParsedComment[], raw: any }>}
 */
export async function parseFixture(name, url) {
  const file = fixturePath(name);
  const raw = JSON.parse(await parseCli(file, url));
  const list = raw?.comments;
  if (!Array.isArray(list)) throw new Error(`parse CLI output for ${name} has no comment list`);
  const html = (await readFile(file)).toString('latin1');
  const comments = list.map((c) => ({
    id: String(c.id),
    parent: c.parent == null ? null : String(c.parent),
    score: typeof c.score === 'number' ? c.score : null,
    author: typeof c.author === 'string' ? c.author : null,
    hasBody: html.includes(`id="comment_body_${c.id}"`),
  }));
  return { comments, raw };
}

async function parseCli(file, url) {
  const dir = process.env.E2E_PARSE_CACHE;
  const cached = dir ? path.join(dir, `${createHash('sha256').update(`${file}\n${url}`).digest('hex').slice(0, 24)}.json`) : null;
  if (cached) {
    const hit = await readFile(cached, 'utf8').catch(() => null);
    if (hit !== null) return hit;
  }
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts', 'parse.mjs'), file, '--url', url], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (cached) {
    await writeFile(`${cached}.${process.pid}`, stdout);
    await rename(`${cached}.${process.pid}`, cached);
  }
  return stdout;
}

/**
 * The address to parse a page served on 127.0.0.1 with: the server's port changes from run to
 * run and says nothing about the page, so it is left out (the adapter is picked the same way).
 */
export function localParseUrl(name) {
  return `http://127.0.0.1/fixtures/${name}`;
}

/**
 * Starts `promise` now and lets a test await it later, without an unhandled rejection in
 * between (the test that awaits it still sees the error). Used to parse pages while the
 * browsers start.
 * @template T @param {Promise<T>} promise
 */
export function later(promise) {
  promise.catch(() => {});
  return promise;
}

export const DEFAULTS = Object.freeze({ full: 0, abbreviated: -1, breakthrough: 4 });

/**
 * The display state of every comment, written from the rules the extension documents (and
 * Slashdot's tiers), independently of its code:
 * - own tier by score: >= full → full, >= abbreviated → abbreviated, else hidden; an unknown
 *   score is full; a user-collapsed comment that is not hidden is collapsed;
 * - a hidden comment hides its subtree, a collapsed one its replies;
 * - breakthrough: a known score >= breakthrough (not hidden by its own score) shows anyway,
 *   with its own state, and its replies start afresh;
 * - an ancestor of a breakthrough that would be hidden shows as a one-liner (collapsed if the
 *   user collapsed it).
 * @param {ParsedComment[]} comments
 * @param {{ full: number, abbreviated: number, breakthrough: number }} t
 * @param {Set<string>} [collapsed]
 * @returns {Map<string, 'full' | 'abbreviated' | 'hidden' | 'collapsed'>}
 */
export function expectedStates(comments, t, collapsed = new Set()) {
  const tier = (c) => (c.score === null || c.score >= t.full ? 'full' : c.score >= t.abbreviated ? 'abbreviated' : 'hidden');
  const own = (c) => (tier(c) !== 'hidden' && collapsed.has(c.id) ? 'collapsed' : tier(c));
  const breaks = (c) => c.score !== null && c.score >= t.breakthrough && own(c) !== 'hidden';
  const { order } = treeOf(comments);

  const hasBreakBelow = new Set();
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i];
    if (c.parent !== null && (hasBreakBelow.has(c.id) || breaks(c))) hasBreakBelow.add(c.parent);
  }

  const states = new Map();
  /** Whether a comment's replies are judged by their own scores (true) or concealed (false). */
  const opens = new Map();
  for (const c of order) {
    const open = c.parent === null || opens.get(c.parent);
    let state = open || breaks(c) ? own(c) : 'hidden';
    const repliesOpen = (open || breaks(c)) && state !== 'hidden' && state !== 'collapsed';
    if (state === 'hidden' && hasBreakBelow.has(c.id)) state = collapsed.has(c.id) ? 'collapsed' : 'abbreviated';
    states.set(c.id, state);
    opens.set(c.id, repliesOpen);
  }
  return states;
}

/** Comments in document pre-order (parents before children) and each one's replies. */
export function treeOf(comments) {
  const children = new Map();
  const roots = [];
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    if (c.parent !== null && ids.has(c.parent)) {
      if (!children.has(c.parent)) children.set(c.parent, []);
      children.get(c.parent).push(c);
    } else roots.push(c);
  }
  const order = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const c = stack.pop();
    order.push(c);
    stack.push(...[...(children.get(c.id) ?? [])].reverse());
  }
  return { order, children };
}

/** Every comment below `id`, at any depth. */
export function descendantsOf(comments, id) {
  const { children } = treeOf(comments);
  const out = [];
  const todo = [...(children.get(id) ?? [])];
  while (todo.length > 0) {
    const c = todo.pop();
    out.push(c);
    todo.push(...(children.get(c.id) ?? []));
  }
  return out;
}

/** Counts per tier as the popup shows them (a collapsed comment is one line: abbreviated). */
export function tierCounts(states) {
  const counts = { full: 0, abbreviated: 0, hidden: 0 };
  for (const s of states.values()) counts[s === 'collapsed' ? 'abbreviated' : s]++;
  return counts;
}
