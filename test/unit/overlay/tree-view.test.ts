// @vitest-environment jsdom
// The overlay's comment view on threads the small overlay test does not reach: deep nesting,
// slices, and placeholders that must follow the states exactly through many changes.
import { afterEach, describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import { compileHighlight } from '../../../src/model/highlight';
import { childItems } from '../../../src/model/render-items';
import type { Comment, Discussion, Thresholds } from '../../../src/model/types';
import { ROOT, ViewStore, type ViewChange } from '../../../src/overlay/view-store';
import { MAX_NEST, TreeView } from '../../../src/overlay/tree-view';
import { page, raw } from '../model/helpers';
import { createRng } from '../../hostile/rng';

const noHighlight = compileHighlight({ users: [], keywords: [], submitter: null, highlightSubmitter: false });
const DEFAULTS: Thresholds = { full: 0, abbreviated: -1, breakthrough: 4 };
const views: TreeView[] = [];

function discussion(raws: ReturnType<typeof raw>[]): Discussion {
  document.body.innerHTML = '<div id="listing"></div><div id="host"></div>';
  return buildTree(page(raws, { container: document.getElementById('listing')! }));
}

function view(d: Discussion, t: Thresholds = DEFAULTS, onComplete?: () => void) {
  const store = new ViewStore(d, t, [], noHighlight, (c: Comment) => c.body?.textContent ?? '');
  const host = document.getElementById('host')!;
  const v = new TreeView(host, store, { onComplete });
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

/** Placeholders in the DOM, per list, against the model's own childItems. */
function placeholderProblems(d: Discussion, store: ViewStore, host: HTMLElement): string[] {
  const problems: string[] = [];
  const states = store.allStates();
  const seen = new Map<string, number>(); // first id of the run -> count shown
  for (const line of host.querySelectorAll('.thr-placeholder')) {
    const next = line.nextElementSibling;
    seen.set(next?.getAttribute('data-comment-id') ?? '?', Number(line.getAttribute('data-placeholder-count')));
  }
  const lists: Array<readonly Comment[]> = [d.roots];
  for (const c of d.all) {
    const s = states.get(c.id);
    if (s !== 'hidden' && s !== 'collapsed') lists.push(c.children);
  }
  let expected = 0;
  for (const children of lists) {
    for (const item of childItems(children, states)) {
      if (item.kind !== 'placeholder') continue;
      expected++;
      const shown = seen.get(item.ids[0]!);
      if (shown !== item.count) problems.push(`run at ${item.ids[0]}: want ${item.count}, shown ${shown}`);
    }
  }
  if (seen.size !== expected) problems.push(`${seen.size} placeholders shown, ${expected} expected`);
  return problems;
}

describe('tree view', () => {
  it('builds the top of the thread at once and the rest in slices, then says so', async () => {
    const d = discussion(randomThread(3000, 1));
    let completed = 0;
    const { host } = view(d, DEFAULTS, () => completed++);
    const first = host.querySelectorAll('[data-comment-id]').length;
    expect(first).toBeGreaterThan(0);
    // Document order: what is built is a prefix of the thread.
    const ids = [...host.querySelectorAll('[data-comment-id]')].map((e) => e.getAttribute('data-comment-id'));
    expect(new Set(ids)).toEqual(new Set(d.all.slice(0, first).map((c) => c.id)));
    await expect.poll(() => completed, { timeout: 20_000 }).toBe(1);
    expect(host.querySelectorAll('[data-comment-id]')).toHaveLength(3000);
  }, 60_000);

  // Deep: each comment replies to one of the last three, so chains run far past MAX_NEST and
  // most replies sit flat beside their parent rather than in it.
  it.each([
    ['a random thread', () => randomThread(400, 2)],
    ['a thread nested past MAX_NEST', () => randomThread(400, 4, 3)],
  ])('keeps placeholders exact through a thousand random changes on %s, before and after every slice is built', (_, thread) => {
    const d = discussion(thread());
    const { store, host, v } = view(d);
    const rng = createRng(3);
    for (let step = 0; step < 1000; step++) {
      if (step === 500) v.flush();
      const r = rng.next();
      const id = String(Math.floor(rng.next() * 400));
      if (r < 0.4) {
        const a = Math.floor(rng.next() * 7) - 1;
        store.setThresholds({ full: a + Math.floor(rng.next() * 3), abbreviated: a, breakthrough: 2 + Math.floor(rng.next() * 5) });
      } else if (r < 0.7) store.toggleCollapsed(id);
      else if (r < 0.85) store.expand(id);
      else {
        const ph = host.querySelector<HTMLButtonElement>('.thr-placeholder button');
        ph?.click();
      }
      if (step >= 500) expect(placeholderProblems(d, store, host), `step ${step}`).toEqual([]);
      for (const el of host.querySelectorAll('[data-comment-id]')) {
        const id2 = el.getAttribute('data-comment-id')!;
        if (el.getAttribute('data-state') !== store.state(id2)) throw new Error(`step ${step}: ${id2} shows ${el.getAttribute('data-state')}, is ${store.state(id2)}`);
      }
    }
    // Everything shown again: no article is left behind with an old state.
    store.setThresholds({ full: 5, abbreviated: -1, breakthrough: 5 });
    // Document order: a collapsed reply shows (collapsed) once its collapsed parent is opened.
    for (const c of d.all) if (store.state(c.id) === 'collapsed') store.toggleCollapsed(c.id);
    const shown = [...host.querySelectorAll<HTMLElement>('[data-comment-id]')];
    expect(shown.filter((el) => el.hidden)).toEqual([]);
    expect(shown.map((el) => el.getAttribute('data-state'))).toEqual(shown.map((el) => store.state(el.getAttribute('data-comment-id')!)));
  }, 120_000);

  it(`indents ${MAX_NEST} levels and shows deeper replies flat, in order, each saying its level`, () => {
    const raws = Array.from({ length: 500 }, (_, i) => raw(String(i), { parent: i === 0 ? null : String(i - 1), score: 3 }));
    const d = discussion(raws);
    const { host, v } = view(d);
    v.flush();
    const arts = [...host.querySelectorAll('[data-comment-id]')];
    expect(arts.map((a) => a.getAttribute('data-comment-id'))).toEqual(raws.map((r) => r.id));
    const depthOf = (el: Element) => {
      let n = 0;
      for (let p = el.parentElement; p && p !== host; p = p.parentElement) if (p.classList.contains('thr-children')) n++;
      return n;
    };
    expect(depthOf(arts[MAX_NEST]!)).toBe(MAX_NEST);
    expect(depthOf(arts[499]!)).toBe(MAX_NEST);
    expect(arts[MAX_NEST]!.querySelector('.thr-depth')).toBeNull();
    expect(arts[499]!.querySelector('.thr-depth')?.textContent).toBe('↳ level 500');
    // Collapsing a flat comment hides the flat replies after it: states, not nesting, decide.
    const toggle = arts[100]!.querySelector<HTMLButtonElement>(':scope > .thr-head > .thr-toggle')!;
    toggle.click();
    expect(arts[100]!.getAttribute('data-state')).toBe('collapsed');
    expect(arts[100]!.querySelector('.thr-replies')?.textContent).toBe('(399 replies)');
    expect(arts.slice(101).every((a) => (a as HTMLElement).hidden)).toBe(true);
    expect((arts[99] as HTMLElement).hidden).toBe(false);
  });

  it('groups the top-level comments twenty at a time, in order, each group sized by what it shows', () => {
    // 45 threads, a reply under each; scores -1..3 by thread, so a strict threshold hides some.
    const raws = [];
    for (let t = 0; t < 45; t++) {
      raws.push(raw(`t${t}`, { parent: null, score: ((t % 5) - 1) as -1 | 0 | 1 | 2 | 3 }));
      raws.push(raw(`r${t}`, { parent: `t${t}`, score: 3 }));
    }
    const d = discussion(raws);
    const { store, host, v } = view(d);
    v.flush();
    const chunks = [...host.children];
    expect(chunks.map((c) => c.className)).toEqual(['thr-chunk', 'thr-chunk', 'thr-chunk']);
    const tops = (c: Element) => [...c.children].filter((e) => e.localName === 'article').map((e) => e.getAttribute('data-comment-id'));
    expect(chunks.map((c) => tops(c).length)).toEqual([20, 20, 5]);
    expect(chunks.flatMap(tops)).toEqual(raws.filter((r) => r.parent === null).map((r) => r.id));
    // Replies stay inside their thread's article.
    expect(host.querySelector('[data-comment-id="r30"]')!.parentElement!.closest('[data-comment-id]')!.getAttribute('data-comment-id')).toBe('t30');
    expect(chunks.map((c) => (c as HTMLElement).style.containIntrinsicSize)).toEqual(['auto 48em', 'auto 48em', 'auto 12em']);
    // A threshold change that hides threads: each group's first height follows (-1 and 0 hidden).
    store.setThresholds({ full: 2, abbreviated: 1, breakthrough: 5 });
    const shown = (c: Element) => [...c.children].filter((e) => e.localName === 'article' && !(e as HTMLElement).hidden).length;
    expect(chunks.map(shown)).toEqual([12, 12, 3]);
    expect(chunks.map((c) => (c as HTMLElement).style.containIntrinsicSize)).toEqual(['auto 28.8em', 'auto 28.8em', 'auto 7.2em']);
    // Their placeholders stand in the group, before the run's first comment.
    const line = chunks[2]!.querySelector('.thr-placeholder');
    expect(line?.nextElementSibling?.getAttribute('data-comment-id')).toBe('t40');
  });

  it('ignores look-alike controls inside a comment body', () => {
    const listing = '<div id="b1">text <button class="thr-toggle">fake</button></div>';
    document.body.innerHTML = `<div id="listing">${listing}</div><div id="host"></div>`;
    const d = buildTree(page([raw('1', { score: 5, body: document.getElementById('b1') })], { container: document.getElementById('listing')! }));
    const { store, host, v } = view(d);
    v.flush();
    host.querySelector<HTMLButtonElement>('#b1 button')!.click();
    expect(store.state('1')).toBe('full');
    host.querySelector<HTMLButtonElement>('[data-comment-id="1"] > .thr-head > .thr-toggle')!.click();
    expect(store.state('1')).toBe('collapsed');
  });

  // The content script shows a big page's first threads while it reads the rest, then
  // extends the store to the whole page (ViewStore.extend): the overlay must end up as one
  // built for the whole page from the start, with what the reader did meanwhile.
  it.each([
    ['after the preview was built', true],
    ['while the preview is still being built', false],
  ])('extends a preview to the whole thread %s', (_when, builtFirst) => {
    const whole = discussion(randomThread(600, 9));
    let roots = 0;
    const cut = whole.all.findIndex((c) => c.parent === null && ++roots === 31);
    const preview = buildTree(
      page(whole.all.slice(0, cut).map((c) => raw(c.id, { parent: c.parent, score: c.score }))),
    );
    const strict: Thresholds = { full: 3, abbreviated: 1, breakthrough: 5 };
    let completed = 0;
    const { store, host, v } = view(preview, strict, () => completed++);
    store.toggleCollapsed(preview.all[1]!.id);
    if (builtFirst) v.flush();
    store.extend(whole);
    v.flush();
    expect(completed).toBe(builtFirst ? 2 : 1);

    const other = document.createElement('div');
    document.body.append(other);
    const fresh = new ViewStore(whole, strict, store.collapsed, noHighlight, (c: Comment) => c.body?.textContent ?? '');
    views.push(new TreeView(other, fresh));
    views.at(-1)!.flush();
    const shape = (root: HTMLElement) =>
      [...root.querySelectorAll('[data-comment-id], .thr-placeholder')].map((e) =>
        e.classList.contains('thr-placeholder')
          ? `placeholder ${e.getAttribute('data-placeholder-count')}`
          : `${e.getAttribute('data-comment-id')} ${e.getAttribute('data-state')} in ${e.parentElement!.closest('[data-comment-id]')?.getAttribute('data-comment-id') ?? 'top'}`,
      );
    expect(shape(host)).toHaveLength(shape(other).length);
    expect(shape(host)).toEqual(shape(other));
    expect(placeholderProblems(whole, store, host)).toEqual([]);
    expect(store.state(preview.all[1]!.id)).toBe('collapsed');
  });

  it('extends a preview with the saved collapses of comments only the whole page holds', () => {
    const whole = discussion([raw('1', { score: 5 }), raw('2', { parent: '1', score: 5 }), raw('3', { score: 5 }), raw('4', { parent: '3', score: 2 })]);
    const preview = buildTree(page([raw('1', { score: 5 }), raw('2', { parent: '1', score: 5 })]));
    const { store, v } = view(preview);
    store.extend(whole, ['3', 'gone']);
    v.flush();
    expect([...store.collapsed]).toEqual(['3']);
    expect(store.state('3')).toBe('collapsed');
    expect(store.state('4')).toBe('hidden');
  });

  it('extends a preview whose last hidden threads and the next ones make one run of hidden comments', () => {
    const whole = discussion([
      raw('1', { score: 5 }),
      raw('2', { score: -1 }),
      raw('3', { score: -1 }),
      raw('4', { parent: '3', score: 2 }),
      raw('5', { score: 0 }),
      raw('6', { score: 4 }),
    ]);
    const preview = buildTree(page(['1', '2'].map((id) => raw(id, { score: id === '1' ? 5 : -1 }))));
    const { store, host, v } = view(preview, { full: 3, abbreviated: 1, breakthrough: 5 });
    v.flush();
    const changes: ViewChange[] = [];
    store.onUpdate((c) => changes.push(c));
    store.extend(whole);
    // The comments new to the store are built later, in their state: only the top-level list changes now.
    expect(changes.map((c) => [[...c.states], [...c.lists]])).toEqual([[[], [ROOT]]]);
    v.flush();
    const lines = [...host.querySelectorAll('.thr-placeholder')].map((p) => p.getAttribute('data-placeholder-count'));
    expect(lines).toEqual(['4']); // 2, 3, its reply 4 and 5: one run, before 6
    expect(placeholderProblems(whole, store, host)).toEqual([]);
  });
});
