// @vitest-environment jsdom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { STATUS_CHANGED, type PageStatus } from '../../../src/shared/messages';
import { byName, click, settle, textOf, typeInto } from './dom';
import { b, contentScript, fake, open, openOptionsPage, recognized, STORY_URL, TAB, usePopupHarness } from './harness';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());
usePopupHarness();

describe('popup on a recognized discussion', () => {
  it('shows the story, the counts and a chart scaled to the largest bar, tinted by tier', async () => {
    contentScript(() => recognized());
    const r = await open();

    expect(textOf(r.querySelector('h1'))).toBe('Rust in the kernel');
    const meta = textOf(r.querySelector('.story__meta'));
    expect(meta).toContain('Slashdot');
    expect(meta).toContain('27 comments');
    expect(meta).toContain('page says 30');

    const cols = [...r.querySelectorAll<HTMLElement>('.chart__col')];
    expect(cols.map((c) => c.dataset.score)).toEqual(['-1', '0', '1', '2', '3', '4', '5', 'unknown']);
    const height = (score: string) =>
      r.querySelector<HTMLElement>(`[data-score="${score}"] .chart__bar`)!.style.height;
    expect(height('1')).toBe('100%'); // 10, the largest
    expect(height('-1')).toBe('20%'); // 2 of 10
    expect(height('3')).toBe('0%');

    // Thresholds full 2 / abbreviated 0: 2..5 full, 0..1 one line, -1 hidden.
    const tier = (score: string) => r.querySelector(`[data-score="${score}"]`)!.className;
    expect(tier('5')).toContain('chart__col--full');
    expect(tier('2')).toContain('chart__col--full');
    expect(tier('1')).toContain('chart__col--abbreviated');
    expect(tier('-1')).toContain('chart__col--hidden');

    // Screen readers get one sentence per bar.
    const spoken = [...r.querySelectorAll('.chart__col .sr-only')].map(textOf);
    expect(spoken).toContain('Score 1: 10 comments, shown as one line');
    expect(spoken).toContain('Score -1: 2 comments, hidden');
    expect(spoken).toContain('Score 4: 1 comment, shown in full');
    expect(spoken).toContain('Unknown score: 2 comments, shown in full');

    expect(textOf(r.querySelector('.tiers'))).toBe('10 full / 15 abbreviated / 2 hidden');
  });

  it('leaves out "page says" when the page agrees, and the unknown bar when every score is known', async () => {
    contentScript(() => recognized({ declaredCount: 27, unknownScore: 0 }));
    const r = await open();
    expect(textOf(r.querySelector('.story__meta'))).not.toContain('page says');
    expect(r.querySelector('[data-score="unknown"]')).toBeNull();
  });

  it('shows three labelled range inputs with the stored thresholds', async () => {
    contentScript(() => recognized());
    const r = await open();
    for (const [name, value] of [
      ['threshold', '2'],
      ['abbreviated', '0'],
      ['breakthrough', '4'],
    ] as const) {
      const input = byName(r, name);
      expect(input.type).toBe('range');
      expect([input.min, input.max, input.step]).toEqual(['-1', '5', '1']);
      expect(input.value).toBe(value);
      const label = r.querySelector(`label[for="${input.id}"]`);
      expect(textOf(label).length).toBeGreaterThan(0);
      expect(textOf(r.querySelector(`output[for="${input.id}"]`))).toBe(value);
    }
  });

  it('moving `threshold` saves the thresholds at once, then re-asks the tab', async () => {
    const asked = contentScript(() => recognized());
    const r = await open();
    const before = asked.length;

    await typeInto(byName(r, 'threshold'), '4');
    await settle(fake);

    expect(fake.storage.sync.snapshot().thresholds).toEqual({ full: 4, abbreviated: 0, breakthrough: 4 });
    expect(asked.length).toBeGreaterThan(before);
    // The chart's tint follows the new threshold at once: 2 and 3 are now one line.
    expect(r.querySelector('[data-score="2"]')!.className).toContain('chart__col--abbreviated');
    expect(textOf(r.querySelector('output[for="popup-threshold"]'))).toBe('4');
  });

  it('raising `abbreviated` above full pulls full up with it (the moved control wins)', async () => {
    contentScript(() => recognized());
    const r = await open();
    await typeInto(byName(r, 'abbreviated'), '3');
    await settle(fake);
    expect(fake.storage.sync.snapshot().thresholds).toEqual({ full: 3, abbreviated: 3, breakthrough: 4 });
    expect(byName(r, 'threshold').value).toBe('3');
  });

  it('follows STATUS_CHANGED broadcasts from its own tab only', async () => {
    contentScript(() => recognized());
    const r = await open();

    await act(async () => {
      b.runtime.onMessage.dispatch(
        { type: STATUS_CHANGED, status: recognized({ tiers: { full: 1, abbreviated: 2, hidden: 24 } }) },
        { tab: { id: 99 } },
      );
    });
    expect(textOf(r.querySelector('.tiers'))).toBe('10 full / 15 abbreviated / 2 hidden');

    await act(async () => {
      b.runtime.onMessage.dispatch(
        { type: STATUS_CHANGED, status: recognized({ tiers: { full: 3, abbreviated: 4, hidden: 20 } }) },
        { tab: { id: TAB } },
      );
    });
    expect(textOf(r.querySelector('.tiers'))).toBe('3 full / 4 abbreviated / 20 hidden');
  });

  it('does not let a slow answer to an older request undo a newer broadcast', async () => {
    let answer: (s: PageStatus) => void = () => {};
    let calls = 0;
    contentScript(() => {
      calls++;
      if (calls === 1) return recognized();
      // The re-ask after a write is answered late, with what the page showed before.
      return new Promise<PageStatus>((resolve) => (answer = resolve));
    });
    const r = await open();
    await typeInto(byName(r, 'threshold'), '3');
    await settle(fake);
    expect(calls).toBe(2);

    await act(async () => {
      b.runtime.onMessage.dispatch(
        { type: STATUS_CHANGED, status: recognized({ tiers: { full: 8, abbreviated: 17, hidden: 2 } }) },
        { tab: { id: TAB } },
      );
    });
    await act(async () => answer(recognized({ tiers: { full: 10, abbreviated: 15, hidden: 2 } })));
    await settle(fake);
    expect(textOf(r.querySelector('.tiers'))).toBe('8 full / 17 abbreviated / 2 hidden');
  });

  it('switches the site off and on again through settings.disabledHosts', async () => {
    fake.storage.sync.seed({ disabledHosts: ['example.org'] });
    contentScript(() => recognized());
    const r = await open();
    const toggle = byName(r, 'site-enabled');
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(textOf(toggle.closest('label'))).toBe('Threshold on slashdot.org');
    expect(toggle.checked).toBe(true);

    await click(toggle);
    await settle(fake);
    expect(fake.storage.sync.snapshot().disabledHosts).toEqual(['example.org', 'slashdot.org']);
    expect(byName(r, 'site-enabled').checked).toBe(false);

    await click(byName(r, 'site-enabled'));
    await settle(fake);
    expect(fake.storage.sync.snapshot().disabledHosts).toEqual(['example.org']);
    expect(byName(r, 'site-enabled').checked).toBe(true);
  });

  it('says when Threshold is switched off on the site', async () => {
    fake.storage.sync.seed({ disabledHosts: ['slashdot.org'] });
    contentScript(() => recognized({ active: false }));
    const r = await open();
    expect(textOf(r)).toContain('Threshold is switched off here');
    expect(byName(r, 'site-enabled').checked).toBe(false);
  });

  it('opens the options page from the Options link', async () => {
    contentScript(() => recognized());
    const r = await open();
    const link = [...r.querySelectorAll('a')].find((a) => textOf(a) === 'Options')!;
    expect(link).toBeDefined();
    await click(link);
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('without ?tab= reports on the active tab of the current window', async () => {
    fake.tabs = [
      { id: 3, url: STORY_URL, active: true, windowId: 1 },
      { id: 4, url: STORY_URL, active: false, windowId: 1 },
    ];
    const asked = contentScript(() => recognized({ title: 'Active one' }));
    const r = await open('');
    expect(asked).toEqual([3]);
    expect(textOf(r.querySelector('h1'))).toBe('Active one');
  });
});
