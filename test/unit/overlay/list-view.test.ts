// @vitest-environment jsdom
// The overlay's list view: which rows are in the page (those near the view, between two
// spacers), that they show exactly the model's rows through many changes and scrolls, that the
// page's text goes back to the site's listing when its row goes, and the controls.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import { allRows, buildRows, MAX_NEST, type Row } from '../../../src/model/rows';
import { subtreeSize } from '../../../src/model/render-items';
import type { Comment, Discussion, Thresholds } from '../../../src/model/types';
import { ViewStore } from '../../../src/overlay/view-store';
import { ListView } from '../../../src/overlay/list-view';
import type { Viewport } from '../../../src/overlay/list-view/viewport';
import { commentOfFragment } from '../../../src/overlay/fragment';
import { page, raw } from '../model/helpers';
import { createRng } from '../../hostile/rng';
import { everything, ScrolledView } from '../helpers/viewport';

const noHighlight = compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false });
const DEFAULTS: Thresholds = { full: 0, abbreviated: -1, breakthrough: 4 };
/** jsdom measures nothing: rows are as tall as the list view guesses (row-geometry.ts). */
const LINE = 28;
const TEXT = 120;
const views: ListView[] = [];

/** A listing with a body per comment (every third has none), and the discussion of it. */
function discussion(raws: ReturnType<typeof raw>[]): Discussion {
  document.body.innerHTML = '<ul id="listing"></ul><div id="host"></div>';
  const listing = document.getElementById('listing')!;
  for (const r of raws) {
    const li = document.createElement('li');
    li.textContent = `head ${r.id}`;
    if (Number(r.id) % 3 !== 2) {
      const body = document.createElement('div');
      body.id = `body_${r.id}`;
      body.textContent = `Text of ${r.id}`;
      li.append(body);
      r.body = body;
    }
    listing.append(li);
  }
  return buildTree(page(raws, { container: listing }));
}

function view(d: Discussion, viewport: Viewport = everything, t: Thresholds = DEFAULTS) {
  const store = new ViewStore(d, t, [], noHighlight, (c: Comment) => c.body?.textContent ?? '');
  const host = document.getElementById('host')!;
  const v = new ListView(host, store, { viewport });
  views.push(v);
  return { store, host, v };
}

afterEach(() => {
  for (const v of views.splice(0)) v.destroy();
});

/** A random thread: each comment replies to a random earlier one (or starts a thread). */
function randomThread(n: number, seed: number, lastOf = Infinity) {
  const rng = createRng(seed);
  const raws = [];
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - lastOf);
    const parent = i === 0 || rng.next() < (lastOf === Infinity ? 0.2 : 0.01) ? null : String(from + Math.floor(rng.next() * (i - from)));
    raws.push(raw(String(i), { parent, score: Math.floor(rng.next() * 7) - 1 }));
  }
  return raws;
}

/** The rows in the page, as the model's rows are written. */
function drawnRows(host: HTMLElement): string[] {
  return [...host.querySelectorAll<HTMLElement>(':scope > :not(.thr-spacer)')]
    .map((e) =>
      e.classList.contains('thr-placeholder')
        ? `ph ${e.getAttribute('data-placeholder-count')} @${e.style.getPropertyValue('--thr-level') || 0}`
        : `${e.getAttribute('data-comment-id')} ${e.getAttribute('data-state')} @${e.style.getPropertyValue('--thr-level') || 0}`,
    );
}

const written = (r: Row) => (r.kind === 'placeholder' ? `ph ${r.count} @${r.level}` : `${r.key} ${r.state} @${r.level}`);

/** The model's rows for the store's states now. */
function modelRows(store: ViewStore): string[] {
  return allRows(buildRows(store.discussion, store.allStates())).map(written);
}

const guessed = (r: Row) => (r.kind === 'comment' && r.state === 'full' && r.comment.body ? TEXT : LINE);

/** The spacers' heights. */
function spacers(host: HTMLElement): [number, number] {
  const [above, below] = [...host.querySelectorAll<HTMLElement>(':scope > .thr-spacer')];
  return [parseFloat(above!.style.height), parseFloat(below!.style.height)];
}

/** Drawn rows are one run of the model's rows, and the spacers stand for exactly the rest. */
function checkWindow(store: ViewStore, host: HTMLElement): [start: number, end: number] {
  const rows = allRows(buildRows(store.discussion, store.allStates()));
  const drawn = drawnRows(host);
  const all = rows.map(written);
  const [above, below] = spacers(host);
  const sum = (rs: Row[]) => Math.round(rs.reduce((a, r) => a + guessed(r), 0));
  // Placeholders read alike: the run is found by its rows and the height the spacer above stands for.
  const start = all.findIndex((_, s) => sum(rows.slice(0, s)) === above && drawn.every((r, k) => all[s + k] === r));
  expect(start, `the drawn rows are rows of the model, after ${above} px of them: ${drawn.slice(0, 4).join('; ')}…`).toBeGreaterThanOrEqual(0);
  expect(drawn.length).toBeGreaterThan(0);
  expect(below).toBe(sum(rows.slice(start + drawn.length)));
  return [start, start + drawn.length];
}

describe('list view', () => {
  it('draws only the rows near the view, and the others as the view moves to them', () => {
    const d = discussion(randomThread(3000, 1));
    const screen = new ScrolledView(600);
    const { store, host } = view(d, screen);
    const drawn = drawnRows(host).length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    expect(checkWindow(store, host)[0]).toBe(0);
    // Most of the thread is the spacer below.
    expect(spacers(host)[1]).toBeGreaterThan(50_000);
    for (const y of [5_000, 40_000, 41_000, 12_345, 0]) {
      screen.scrollTo(y);
      const [start, end] = checkWindow(store, host);
      const rows = allRows(buildRows(store.discussion, store.allStates()));
      const top = rows.slice(0, start).reduce((a, r) => a + guessed(r), 0);
      const bottom = top + rows.slice(start, end).reduce((a, r) => a + guessed(r), 0);
      // The drawn rows reach past both edges of the view (or to the list's ends).
      expect(start === 0 || top <= y).toBe(true);
      expect(end === rows.length || bottom >= y + 600).toBe(true);
      expect(host.querySelectorAll('[data-comment-id]').length).toBeLessThan(80);
    }
  });

  it('moves a comment’s text in while its row is drawn and back to its place in the listing after', () => {
    const d = discussion(randomThread(400, 5));
    const listing = document.getElementById('listing')!;
    const original = listing.innerHTML;
    const screen = new ScrolledView(500);
    const { host } = view(d, screen);
    const shownBodies = () => [...host.querySelectorAll('[id^="body_"]')].map((b) => b.id.slice(5));
    const first = shownBodies();
    expect(first.length).toBeGreaterThan(0);
    // Each one in its own comment's row.
    for (const id of first) expect(document.getElementById(`body_${id}`)!.closest('[data-comment-id]')!.getAttribute('data-comment-id')).toBe(id);
    screen.scrollTo(20_000);
    const later = shownBodies();
    expect(later.some((id) => first.includes(id))).toBe(false);
    for (const id of first) expect(listing.contains(document.getElementById(`body_${id}`))).toBe(true);
    views.pop()!.destroy();
    expect(listing.innerHTML).toBe(original);
  });

  // Deep: each comment replies to one of the last three, so chains run far past MAX_NEST.
  it.each([
    ['a random thread', () => randomThread(400, 2)],
    ['a thread nested past MAX_NEST', () => randomThread(400, 4, 3)],
  ])('shows the model’s rows exactly through a thousand random changes and scrolls on %s', (_, thread) => {
    const d = discussion(thread());
    const all = view(d);
    const screen = new ScrolledView(400);
    document.body.append(Object.assign(document.createElement('div'), { id: 'host' }));
    const other = document.querySelectorAll<HTMLElement>('#host')[1]!;
    const windowed = new ListView(other, all.store, { viewport: screen });
    views.push(windowed);
    const rng = createRng(3);
    for (let step = 0; step < 1000; step++) {
      const r = rng.next();
      const id = String(Math.floor(rng.next() * 400));
      if (r < 0.3) {
        const a = Math.floor(rng.next() * 7) - 1;
        all.store.setThresholds({ full: a + Math.floor(rng.next() * 3), abbreviated: a, breakthrough: 2 + Math.floor(rng.next() * 5) });
      } else if (r < 0.55) all.store.toggleCollapsed(id);
      else if (r < 0.7) all.store.expand(id);
      else if (r < 0.85) screen.scrollTo(Math.floor(rng.next() * 30_000));
      else all.host.querySelector<HTMLButtonElement>('.thr-placeholder button')?.click();
      expect(drawnRows(all.host), `step ${step}`).toEqual(modelRows(all.store));
      checkWindow(all.store, other);
    }
  }, 120_000);

  it(`indents ${MAX_NEST} levels and shows deeper replies at the last, in order, each saying its level`, () => {
    const raws = Array.from({ length: 500 }, (_, i) => raw(String(i), { parent: i === 0 ? null : String(i - 1), score: 3 }));
    const d = discussion(raws);
    const { host, store } = view(d);
    const arts = [...host.querySelectorAll<HTMLElement>('[data-comment-id]')];
    expect(arts.map((a) => a.getAttribute('data-comment-id'))).toEqual(raws.map((r) => r.id));
    const level = (el: HTMLElement) => Number(el.style.getPropertyValue('--thr-level') || 0);
    expect(arts.map(level)).toEqual(raws.map((_, i) => Math.min(i, MAX_NEST)));
    expect(arts[MAX_NEST]!.querySelector('.thr-depth')).toBeNull();
    expect(arts[499]!.querySelector('.thr-depth')?.textContent).toBe('↳ level 500');
    // Collapsing one deep in the chain folds the rest away: states, not nesting, decide.
    arts[100]!.querySelector<HTMLButtonElement>(':scope > .thr-head > .thr-toggle')!.click();
    expect(store.state('100')).toBe('collapsed');
    expect(host.querySelector('[data-comment-id="100"] .thr-replies')?.textContent).toBe('(399 replies)');
    expect(host.querySelectorAll('[data-comment-id]')).toHaveLength(101);
  });

  it('says how many replies every collapsed row folds away, at any depth, as the tree counts them', () => {
    const d = discussion(randomThread(600, 9));
    const { store, host } = view(d);
    const rng = createRng(3);
    const withReplies = d.all.filter((c) => c.children.length > 0);
    // Collapsed in the model at random, then some clicked open and shut again in the page.
    for (let i = 0; i < 40; i++) store.toggleCollapsed(withReplies[Math.floor(rng.next() * withReplies.length)]!.id);
    for (const b of [...host.querySelectorAll<HTMLButtonElement>('[data-state="collapsed"] > .thr-head > .thr-toggle')].slice(0, 5)) {
      b.click();
      host.querySelector<HTMLButtonElement>(`[data-comment-id="${b.closest('[data-comment-id]')!.getAttribute('data-comment-id')}"] > .thr-head > .thr-toggle`)!.click();
    }
    const collapsed = [...host.querySelectorAll<HTMLElement>('[data-state="collapsed"]')];
    expect(collapsed.length).toBeGreaterThan(3);
    for (const el of collapsed) {
      const n = subtreeSize(d.byId.get(el.getAttribute('data-comment-id')!)!);
      expect(el.querySelector(':scope > .thr-head > .thr-replies')?.textContent).toBe(`(${n} ${n === 1 ? 'reply' : 'replies'})`);
    }
  });

  it('ignores look-alike controls inside a comment body', () => {
    document.body.innerHTML = '<div id="listing"><div id="b1">text <button class="thr-toggle">fake</button><div class="thr-placeholder"><button>show</button></div></div></div><div id="host"></div>';
    const d = buildTree(page([raw('1', { score: 5, body: document.getElementById('b1') })], { container: document.getElementById('listing')! }));
    const { store, host } = view(d);
    for (const b of host.querySelectorAll<HTMLButtonElement>('#b1 button')) b.click();
    expect(store.state('1')).toBe('full');
    host.querySelector<HTMLButtonElement>('[data-comment-id="1"] > .thr-head > .thr-toggle')!.click();
    expect(store.state('1')).toBe('collapsed');
  });

  it('opens a run of hidden comments from its placeholder, and a one-liner from its title', () => {
    const d = discussion([raw('0', { score: 5 }), raw('1', { score: -1 }), raw('2', { score: -1 }), raw('3', { score: 1 })]);
    const { store, host } = view(d, everything, { full: 3, abbreviated: 1, breakthrough: 5 });
    expect(drawnRows(host)).toEqual(['0 full @0', 'ph 2 @0', '3 abbreviated @0']);
    host.querySelector<HTMLButtonElement>('.thr-placeholder button')!.click();
    expect(drawnRows(host)).toEqual(['0 full @0', '1 abbreviated @0', '2 abbreviated @0', '3 abbreviated @0']);
    host.querySelector<HTMLButtonElement>('[data-comment-id="3"] .thr-open')!.click();
    expect(store.state('3')).toBe('full');
    expect(host.querySelector('[data-comment-id="3"] .thr-body')?.textContent).toBe('Text of 3');
  });

  // The content script shows a big page's first threads while it reads the rest, then
  // extends the store to the whole page (ViewStore.extend): the overlay must end up as one
  // built for the whole page from the start, with what the reader did meanwhile.
  it('extends a preview to the whole thread', () => {
    const whole = discussion(randomThread(600, 9));
    let roots = 0;
    const cut = whole.all.findIndex((c) => c.parent === null && ++roots === 31);
    const preview = buildTree(page(whole.all.slice(0, cut).map((c) => raw(c.id, { parent: c.parent, score: c.score, body: c.body }))));
    const strict: Thresholds = { full: 3, abbreviated: 1, breakthrough: 5 };
    let completed = 0;
    const store = new ViewStore(preview, strict, [], noHighlight, () => '');
    views.push(new ListView(document.getElementById('host')!, store, { viewport: everything, onComplete: () => completed++ }));
    store.toggleCollapsed(preview.all[1]!.id);
    expect(completed).toBe(1);
    store.extend(whole);
    expect(completed).toBe(2);
    const host = document.getElementById('host')!;
    const other = document.createElement('div');
    document.body.append(other);
    const fresh = new ViewStore(whole, strict, store.collapsed, noHighlight, () => '');
    views.push(new ListView(other, fresh, { viewport: everything }));
    expect(drawnRows(host)).toEqual(drawnRows(other));
    expect(drawnRows(host)).toEqual(modelRows(store));
    expect(store.state(preview.all[1]!.id)).toBe('collapsed');
  });

  it('extends a preview with the saved collapses of comments only the whole page holds', () => {
    const whole = discussion([raw('1', { score: 5 }), raw('2', { parent: '1', score: 5 }), raw('3', { score: 5 }), raw('4', { parent: '3', score: 2 })]);
    const preview = buildTree(page([raw('1', { score: 5 }), raw('2', { parent: '1', score: 5 })]));
    const store = new ViewStore(preview, DEFAULTS, [], noHighlight, () => '');
    views.push(new ListView(document.getElementById('host')!, store, { viewport: everything }));
    store.extend(whole, ['3', 'gone']);
    expect([...store.collapsed]).toEqual(['3']);
    expect(store.state('3')).toBe('collapsed');
    expect(drawnRows(document.getElementById('host')!)).toEqual(['1 full @0', '2 full @1', '3 collapsed @0']);
  });

  it('keeps the row holding the focus drawn, in its place, while the view is far from it', () => {
    const d = discussion(randomThread(3000, 7));
    const screen = new ScrolledView(600);
    const { host, store } = view(d, screen);
    const toggle = host.querySelector<HTMLButtonElement>('[data-comment-id] > .thr-head > .thr-toggle')!;
    const art = toggle.closest<HTMLElement>('[data-comment-id]')!;
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
    const rows = allRows(buildRows(store.discussion, store.allStates()));
    const pin = rows.findIndex((r) => r.key === art.getAttribute('data-comment-id'));
    const sum = (from: number, to: number) => Math.round(rows.slice(from, to).reduce((a, r) => a + guessed(r), 0));
    for (const y of [60_000, 90_000]) {
      screen.scrollTo(y);
      expect(document.activeElement).toBe(toggle);
      expect(art.isConnected).toBe(true);
      // above, the focused row, the gap, the drawn run, below: each spacer as tall as its rows.
      const kids = [...host.children] as HTMLElement[];
      expect(kids.indexOf(art)).toBe(1);
      const gap = kids[2]!;
      expect(gap.classList.contains('thr-gap')).toBe(true);
      const runIds = kids.slice(3, -1).map((e) => e.getAttribute('data-comment-id') ?? `ph:${e.getAttribute('data-placeholder-first')}`);
      const start = rows.findIndex((r) => r.key === runIds[0]);
      expect(runIds).toEqual(rows.slice(start, start + runIds.length).map((r) => r.key));
      expect(parseFloat(kids[0]!.style.height)).toBe(sum(0, pin));
      expect(parseFloat(gap.style.height)).toBe(sum(pin + 1, start));
      expect(parseFloat(kids.at(-1)!.style.height)).toBe(sum(start + runIds.length, rows.length));
    }
    // Back to it: one run again, no gap.
    screen.scrollTo(0);
    expect(host.querySelector('.thr-gap')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    checkWindow(store, host);
    // Hidden by a change while far away: it goes (a hidden comment has no row).
    screen.scrollTo(60_000);
    store.setThresholds({ full: 6, abbreviated: 6, breakthrough: 6 });
    expect(art.isConnected).toBe(false);
    expect(host.querySelector('.thr-gap')).toBeNull();
  });

  it('draws and focuses the row of a comment far down when asked (a link to it)', () => {
    const d = discussion(randomThread(3000, 6));
    const screen = new ScrolledView(600);
    const { v, host, store } = view(d, screen);
    const far = d.all[2900]!.id;
    expect(host.querySelector(`[data-comment-id="${far}"]`)).toBeNull();
    expect(v.scrollToComment(far)).toBe(true);
    const row = host.querySelector<HTMLElement>(`[data-comment-id="${far}"]`);
    expect(row).not.toBeNull();
    expect(document.activeElement).toBe(row);
    checkWindow(store, host);
    expect(v.scrollToComment('no such comment')).toBe(false);
  });
});

describe('commentOfFragment', () => {
  const d = buildTree(page([raw('15602575'), raw('7')]));
  it.each([
    ['#15602575', '15602575'],
    ['#comment_15602575', '15602575'],
    ['#tree_7', '7'],
    ['#comments', null],
    ['', null],
    ['#', null],
    ['#%E0%A4%A', null],
    ['#comment_8', null],
  ])('%s → %s', (hash, want) => expect(commentOfFragment(d, hash)).toBe(want));
});
