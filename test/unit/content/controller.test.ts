// @vitest-environment jsdom
// The content script's controller on a saved page: a settings change reflows the overlay at
// once and reports the new status to the popup once, after the reflow.
import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asFake } from '../helpers/fake-browser';
import { startThreshold } from '../../../src/content/controller';
import { STATUS_CHANGED, type PageStatus } from '../../../src/shared/messages';
import { SLASHDOT_PAGES, loadFixture } from '../../fixtures/slashdot/pages';
import { generateDiscussion } from '../../../bench/generate';
import { THREAD_PREFIX, loadThread, saveThread } from '../../../src/storage/threads';
import { everything } from '../helpers/viewport';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());
const fake = asFake(browser).fake;
// The background answers the content script's requests, as in the browser.
await import('../../../src/background/index');

const page = SLASHDOT_PAGES[0]!;
const reports: PageStatus[] = [];
const onMessage = (msg: unknown) => {
  const m = msg as { type?: string; status?: PageStatus };
  if (m.type === STATUS_CHANGED) reports.push(m.status!);
};

beforeEach(() => {
  fake.reset();
  reports.length = 0;
  browser.runtime.onMessage.addListener(onMessage);
  const doc = loadFixture(page.file, page.url).window.document;
  document.documentElement.replaceWith(document.importNode(doc.documentElement, true));
});
afterEach(() => browser.runtime.onMessage.removeListener(onMessage));

const states = () => [...document.querySelectorAll('[data-threshold-root] [data-comment-id]')].map((a) => a.getAttribute('data-state'));
const settle = () => new Promise((r) => setTimeout(r, 20));
/** The page is read in slices: until every comment is in the overlay. */
async function rendered() {
  for (let i = 0; i < 500 && performance.getEntriesByName('threshold:complete').length === 0; i++) await settle();
}

describe('content controller', () => {
  it('reflows on a threshold change at once, and reports the status once, after the reflow', async () => {
    performance.clearMarks();
    const controller = await startThreshold(document, new URL(page.url), { viewport: everything });
    await rendered();
    expect(controller.status()).toMatchObject({ recognized: true, active: true, total: page.total });
    const before = states();
    expect(before).toHaveLength(page.total);
    reports.length = 0;

    await browser.storage.sync.set({ thresholds: { full: 4, abbreviated: 2, breakthrough: 5 } });
    await fake.flush(); // storage.onChanged delivered: the overlay has reflowed, synchronously
    const after = states();
    expect(after).not.toEqual(before);
    expect(after.filter((s) => s === 'full').length).toBeLessThan(before.filter((s) => s === 'full').length);

    await settle();
    // setThresholds and setHighlighter each notify, and the settings handler reports too: one message.
    expect(reports).toHaveLength(1);
    // Hidden comments have no row (a placeholder counts them): every other one is drawn.
    const tiers = { full: 0, abbreviated: 0, hidden: page.total - after.length };
    for (const s of after) tiers[s === 'collapsed' ? 'abbreviated' : (s as keyof typeof tiers)]++;
    expect(tiers.hidden).toBeGreaterThan(0);
    expect(reports[0]).toMatchObject({ recognized: true, tiers });
  });

  it('saves what was collapsed once the click is over, not in it: a burst of clicks, once, as it ended', async () => {
    performance.clearMarks();
    await startThreshold(document, new URL(page.url), { viewport: everything });
    await rendered();
    await settle(); // the visit recorded
    const set = vi.spyOn(browser.storage.local, 'set');
    const toggle = (id: string) =>
      document.querySelector<HTMLButtonElement>(`[data-threshold-root] [data-comment-id="${id}"] > .thr-head > .thr-toggle`)!.click();
    // Three threads (top-level comments: none folds another away) collapsed, the first opened again.
    const tops = [...document.querySelectorAll('[data-threshold-root] [data-comment-id]')]
      .filter((a) => !(a as HTMLElement).style.getPropertyValue('--thr-level'))
      .map((a) => a.getAttribute('data-comment-id')!);
    expect(tops.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = tops;
    for (const id of [a!, b!, c!, a!]) toggle(id);
    expect(document.querySelector(`[data-threshold-root] [data-comment-id="${b}"]`)?.getAttribute('data-state')).toBe('collapsed');
    expect(set).not.toHaveBeenCalled();
    await settle();
    expect(set).toHaveBeenCalledTimes(1);
    const stored = Object.entries(set.mock.calls[0]![0] as Record<string, { collapsed?: string[] }>).find(([k]) => k.startsWith(THREAD_PREFIX));
    expect(stored?.[1].collapsed).toEqual([b, c]);
    set.mockRestore();
  });

  it('has the background migrate an old stored layout before reading it (the content script carries no migrations)', async () => {
    fake.storage.sync.seed({ settings: { threshold: 5, highlightThreshold: 5, users: 'someone' } });
    performance.clearMarks();
    const controller = await startThreshold(document, new URL(page.url), { viewport: everything });
    await rendered();
    expect(fake.storage.sync.snapshot()).toMatchObject({ schemaVersion: 1, thresholds: { full: 5, abbreviated: 5, breakthrough: 5 } });
    // Read after the migration: full ≥ 5, and the one-liners are only the paths to score-5 comments.
    expect(document.querySelector('[data-threshold-root] [role="status"]')?.textContent).toContain('full ≥ 5, one-line ≥ 5, breakthrough ≥ 5');
    const arts = [...document.querySelectorAll('[data-threshold-root] [data-comment-id]')];
    const full = arts.filter((a) => a.getAttribute('data-state') === 'full');
    expect(full.length).toBeGreaterThan(0);
    expect(new Set(full.map((a) => a.getAttribute('data-score')))).toEqual(new Set(['5']));
    expect(controller.status()).toMatchObject({ recognized: true, tiers: { full: full.length } });
  });

  it('shows a big page’s first threads while it reads the rest, then all of it, keeping what was collapsed further down', async () => {
    const g = generateDiscussion({ comments: 1500, seed: 5 });
    document.documentElement.replaceWith(document.importNode(new DOMParser().parseFromString(g.html, 'text/html').documentElement, true));
    const url = new URL(`http://127.0.0.1:8080/article.pl?sid=${g.story.storySid}`);
    const key = `slashdot:${g.story.storySid}`;
    // Saved on an earlier visit: a comment near the end collapsed.
    const deep = g.roots.at(-1)!.id;
    await saveThread(key, { collapsed: [deep], lastVisit: 1 });
    performance.clearMarks();

    const controller = await startThreshold(document, url, { viewport: everything });
    // Ready with the preview: the top of the thread, not the whole page yet.
    const atReady = controller.status();
    expect(atReady).toMatchObject({ recognized: true, active: true });
    expect((atReady as { total: number }).total).toBeLessThan(1500);
    expect(performance.getEntriesByName('threshold:parsed')).toHaveLength(0);

    await rendered();
    expect(performance.getEntriesByName('threshold:complete')).toHaveLength(1);
    expect(controller.status()).toMatchObject({ total: 1500 });
    const arts = document.querySelectorAll('[data-threshold-root] [data-comment-id]');
    expect(arts).toHaveLength(1500);
    expect(document.querySelector(`[data-threshold-root] [data-comment-id="${deep}"]`)?.getAttribute('data-state')).toBe('collapsed');
    await settle();
    expect((await loadThread(key)).collapsed).toEqual([deep]);
  }, 60_000);
});
