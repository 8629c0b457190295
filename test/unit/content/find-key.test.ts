// @vitest-environment jsdom
// Ctrl+F (Cmd+F) over the overlay asks for Threshold's find box; anywhere else it is the browser's.
import browser from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listenForFind } from '../../../src/content/find-key';
import { FIND, HANDLE, slots, type OverlayHandle } from '../../../src/overlay/handle';
import { OPEN_FIND } from '../../../src/shared/messages';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());
const fake = asFake(browser).fake;

const sent: unknown[] = [];
const onMessage = (msg: unknown) => {
  sent.push(msg);
};
let stop: () => void = () => {};

/** Presses `key` on document.body; whether the browser may go on with it (not prevented). */
function press(key: string, mods: KeyboardEventInit = { ctrlKey: true }): boolean {
  return document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }));
}

beforeEach(() => {
  fake.reset();
  sent.length = 0;
  browser.runtime.onMessage.addListener(onMessage);
  stop = listenForFind(window);
});
afterEach(() => {
  stop();
  browser.runtime.onMessage.removeListener(onMessage);
  delete slots[HANDLE];
  delete slots[FIND];
});

describe('find key', () => {
  it('leaves the page’s find alone while no overlay is mounted', async () => {
    expect(press('f')).toBe(true);
    await fake.flush();
    expect(sent).toEqual([]);
  });

  it('asks the background for the find box over the overlay, then opens the one there', async () => {
    slots[HANDLE] = {} as OverlayHandle;
    expect(press('f')).toBe(false);
    expect(press('F', { metaKey: true })).toBe(false);
    await fake.flush();
    expect(sent).toEqual([{ type: OPEN_FIND }, { type: OPEN_FIND }]);
    const open = vi.fn();
    slots[FIND] = { open, owns: (el) => el === document.body };
    // Inside the box, the browser's own find.
    expect(press('f')).toBe(true);
    slots[FIND] = { open, owns: () => false };
    expect(press('f')).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    await fake.flush();
    expect(sent).toHaveLength(2);
  });

  it('is not Ctrl+Shift+F, Alt+F or a plain f', () => {
    slots[HANDLE] = {} as OverlayHandle;
    expect(press('f', { ctrlKey: true, shiftKey: true })).toBe(true);
    expect(press('f', { ctrlKey: true, altKey: true })).toBe(true);
    expect(press('f', {})).toBe(true);
  });
});
