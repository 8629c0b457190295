// @vitest-environment jsdom
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/options';
import { saveSettings } from '../../../src/storage/index';
import { asFake } from '../helpers/fake-browser';
import { buttonByText, byName, click, settle, textOf, typeInto } from '../popup/dom';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const fake = asFake(browser).fake;
let root: HTMLElement;

async function open(): Promise<HTMLElement> {
  await act(async () => {
    render(<Options />, root);
  });
  await settle(fake);
  return root;
}

const textarea = (r: ParentNode, name: string) => byName<HTMLTextAreaElement>(r, name);
const stored = () => fake.storage.sync.snapshot();

async function submit(r: HTMLElement): Promise<void> {
  await click(buttonByText(r, 'Save'));
  await settle(fake);
}

beforeEach(() => {
  fake.reset();
  fake.storage.sync.seed({
    thresholds: { full: 1, abbreviated: 0, breakthrough: 4 },
    highlightUsers: ['Alice', 'bob'],
    highlightKeywords: ['rust'],
    highlightSubmitter: true,
    disabledHosts: ['example.org', 'news.example.com'],
  });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

describe('options page', () => {
  it('shows the stored settings, with counts', async () => {
    const r = await open();
    expect(textarea(r, 'highlightUsers').value).toBe('Alice\nbob');
    expect(textOf(r.querySelector('#field-highlightUsers-count'))).toBe('2 users');
    expect(textarea(r, 'highlightKeywords').value).toBe('rust');
    expect(textOf(r.querySelector('#field-highlightKeywords-count'))).toBe('1 keyword');
    expect(byName(r, 'highlightSubmitter').checked).toBe(true);
    expect([...r.querySelectorAll('.hosts__name')].map(textOf)).toEqual(['example.org', 'news.example.com']);
    expect(byName(r, 'threshold').value).toBe('1');
    expect(byName(r, 'abbreviated').value).toBe('0');
    expect(byName(r, 'breakthrough').value).toBe('4');
    // Nothing edited yet: nothing to save.
    expect(buttonByText(r, 'Save').disabled).toBe(true);
  });

  it('saves edited lists cleaned up, says "Saved." and shows the list as stored', async () => {
    const r = await open();
    await typeInto(textarea(r, 'highlightUsers'), ' Alice\n\ncarol \nALICE\nbob\n');
    expect(textOf(r.querySelector('#field-highlightUsers-count'))).toBe('3 users (1 repeated line will be dropped)');
    expect(textOf(r.querySelector('[role="status"]'))).toBe('Unsaved changes.');

    await submit(r);
    expect(stored().highlightUsers).toEqual(['Alice', 'carol', 'bob']);
    expect(textOf(r.querySelector('[role="status"]'))).toBe('Saved.');
    expect(textarea(r, 'highlightUsers').value).toBe('Alice\ncarol\nbob');
    expect(buttonByText(r, 'Save').disabled).toBe(true);
  });

  it('saves the checkbox, the thresholds (kept in order) and removed hosts', async () => {
    const r = await open();
    await click(byName(r, 'highlightSubmitter'));
    await typeInto(byName(r, 'abbreviated'), '3'); // above full: full follows
    await click(r.querySelector<HTMLButtonElement>('button[aria-label="Remove example.org"]')!);
    expect([...r.querySelectorAll('.hosts__name')].map(textOf)).toEqual(['news.example.com']);

    await submit(r);
    expect(stored()).toMatchObject({
      highlightSubmitter: false,
      thresholds: { full: 3, abbreviated: 3, breakthrough: 4 },
      disabledHosts: ['news.example.com'],
      highlightUsers: ['Alice', 'bob'],
    });
  });

  it('refuses to save an over-long entry and marks the field', async () => {
    const r = await open();
    const before = stored();
    await typeInto(textarea(r, 'highlightKeywords'), `rust\n${'z'.repeat(140)}`);
    const field = textarea(r, 'highlightKeywords');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(textOf(r.querySelector('#field-highlightKeywords-problem'))).toContain('at most 100 characters');

    await submit(r);
    expect(stored()).toEqual(before);
    expect(textOf(r.querySelector('[role="alert"]'))).toContain('fix the marked fields');
    expect(document.activeElement).toBe(textarea(r, 'highlightKeywords'));
  });

  it('shows a clear message when a list is too big to sync, and keeps the edit', async () => {
    const r = await open();
    const before = stored();
    // 400 entries of 25 characters: each is fine, together ~11 KB, over the 8 KB item limit.
    const many = Array.from({ length: 400 }, (_, i) => `keyword-${String(i).padStart(16, '0')}`).join('\n');
    await typeInto(textarea(r, 'highlightKeywords'), many);
    expect(textOf(r.querySelector('#field-highlightKeywords-count'))).toMatch(/^400 keywords · [\d.]+ of 8 KB sync limit$/);

    await submit(r);
    expect(stored()).toEqual(before);
    const alert = textOf(r.querySelector('[role="alert"]'));
    expect(alert).toContain('Not saved.');
    expect(alert).toContain('highlighted keywords is too long to save');
    expect(textarea(r, 'highlightKeywords').getAttribute('aria-invalid')).toBe('true');
    expect(textarea(r, 'highlightKeywords').value).toBe(many);
    expect(document.activeElement).toBe(textarea(r, 'highlightKeywords'));

    // Fixing the list clears the mark and saves.
    await typeInto(textarea(r, 'highlightKeywords'), 'rust\ngo');
    expect(textarea(r, 'highlightKeywords').getAttribute('aria-invalid')).toBeNull();
    await submit(r);
    expect(stored().highlightKeywords).toEqual(['rust', 'go']);
  });

  it('reset asks first; Cancel changes nothing, Reset restores the defaults', async () => {
    const r = await open();
    const before = stored();
    await click(buttonByText(r, 'Reset to defaults…'));
    expect(textOf(r.querySelector('#reset-question'))).toContain('Reset all settings');
    expect(document.activeElement).toBe(buttonByText(r, 'Cancel'));

    await click(buttonByText(r, 'Cancel'));
    await settle(fake);
    expect(stored()).toEqual(before);
    expect(document.activeElement).toBe(buttonByText(r, 'Reset to defaults…'));

    await click(buttonByText(r, 'Reset to defaults…'));
    await click(buttonByText(r, 'Reset'));
    await settle(fake);
    const after = stored();
    for (const key of ['thresholds', 'highlightUsers', 'highlightKeywords', 'highlightSubmitter', 'disabledHosts']) {
      expect(after).not.toHaveProperty(key);
    }
    expect(textarea(r, 'highlightUsers').value).toBe('');
    expect(byName(r, 'threshold').value).toBe('0');
    expect(byName(r, 'abbreviated').value).toBe('-1');
    expect(r.querySelector('.hosts')).toBeNull();
    expect(textOf(r.querySelector('[role="status"]'))).toBe('All settings are back to their defaults.');
  });

  it('follows changes made elsewhere without clobbering unsaved edits', async () => {
    const r = await open();
    await typeInto(textarea(r, 'highlightUsers'), 'Alice\nbob\ndave');

    // The popup or another options tab writes meanwhile.
    await act(async () => {
      await saveSettings({
        highlightUsers: ['someone-else'],
        highlightKeywords: ['linux', 'bsd'],
        thresholds: { full: 3, abbreviated: 1, breakthrough: 5 },
      });
    });
    await settle(fake);
    expect(textarea(r, 'highlightUsers').value).toBe('Alice\nbob\ndave');
    expect(textarea(r, 'highlightKeywords').value).toBe('linux\nbsd');
    expect(byName(r, 'threshold').value).toBe('3');

    // Save writes only what was edited here.
    await submit(r);
    expect(stored()).toMatchObject({
      highlightUsers: ['Alice', 'bob', 'dave'],
      highlightKeywords: ['linux', 'bsd'],
      thresholds: { full: 3, abbreviated: 1, breakthrough: 5 },
    });
  });

  it('reports a storage failure that is not about size', async () => {
    const r = await open();
    await click(byName(r, 'highlightSubmitter'));
    fake.storage.sync.failNextWrite(new Error('Sync is unavailable'));
    await submit(r);
    expect(textOf(r.querySelector('[role="alert"]'))).toBe('Not saved: Sync is unavailable');
    expect(stored().highlightSubmitter).toBe(true);
    expect(byName(r, 'highlightSubmitter').checked).toBe(false); // the edit is kept for another try
  });
});
