// The background's part in find (Ctrl+F over the overlay): a content script's OPEN_FIND message
// has find.js run in the very frame that sent it, in the content script's world.
import browser from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MIGRATE_STORAGE, OPEN_FIND } from '../../../src/shared/messages';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);

// Importing the background registers its listeners, once, as the browser would load it.
await import('../../../src/background/index');

beforeEach(() => fake.reset());

/** A message as the browser delivers it: every listener called, the answers they gave. */
function deliver(msg: unknown, sender: unknown): Promise<unknown[]> {
  return Promise.all(fake.events.onMessage.dispatch(msg, sender));
}

describe('background: find', () => {
  it('adds find.js to the tab and frame the request came from', async () => {
    const answers = await deliver({ type: OPEN_FIND }, { id: 'threshold@fake', tab: { id: 41 }, frameId: 3, url: 'https://slashdot.org/story' });
    expect(fake.injections).toEqual([{ kind: 'js', tabId: 41, frameIds: [3], files: ['find.js'] }]);
    expect(answers).toContain(true);
  });

  it('adds it to the top frame when the sender names none', async () => {
    await deliver({ type: OPEN_FIND }, { tab: { id: 7 } });
    expect(fake.injections).toEqual([{ kind: 'js', tabId: 7, frameIds: [0], files: ['find.js'] }]);
  });

  it('adds nothing for other messages, or for a sender that is not a tab', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await deliver({ type: 'threshold:get-status' }, { tab: { id: 7 }, frameId: 0 });
    await deliver({ type: OPEN_FIND }, { id: 'threshold@fake' });
    expect(fake.injections).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/find box came from no tab/), expect.anything());
    // The migration request still has its own answer.
    expect(await browser.runtime.sendMessage({ type: MIGRATE_STORAGE })).toBe(true);
    expect(fake.injections).toEqual([]);
    error.mockRestore();
  });

  it('logs a failed injection (a tab it may not touch) instead of leaving an unhandled rejection', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.scriptFailure = 'Cannot access contents of the page.';
    const answers = await deliver({ type: OPEN_FIND }, { tab: { id: 9 }, frameId: 0 });
    expect(answers).toContain(false);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/adding the find box to tab 9 failed/), expect.any(Error));
    error.mockRestore();
  });
});
