// Small DOM helpers for the popup and options tests (jsdom, Preact's act).
import { act } from 'preact/test-utils';
import type { FakeBrowser } from '../helpers/fake-browser';

/** Lets pending promises, fake storage events and Preact renders run, a few rounds. */
export async function settle(fake: FakeBrowser['fake'], rounds = 6): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await fake.flush();
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Re-settles until `check` passes (or fails after a bounded number of rounds, with its error). */
export async function until(fake: FakeBrowser['fake'], check: () => void, rounds = 30): Promise<void> {
  let last: unknown;
  for (let i = 0; i < rounds; i++) {
    try {
      check();
      return;
    } catch (e) {
      last = e;
    }
    await settle(fake, 1);
  }
  throw last;
}

export function byName<T extends Element = HTMLInputElement>(root: ParentNode, name: string): T {
  const el = root.querySelector<T>(`[name="${name}"]`);
  if (!el) throw new Error(`no element named ${name}`);
  return el;
}

export function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

/** Sets a field's value the way typing or dragging does and fires `input`. */
export async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
}

/** The text a user sees (and a screen reader reads), whitespace collapsed. */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
