// @vitest-environment jsdom
// Reading the texts ahead of the first search, in slices (warm-up.ts): what is read is what the
// search will need, once, and nothing once stopped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warmUp } from '../../../src/find/warm-up';
import { search } from '../../../src/find/search';
import { countTextReads, setUpPage, storeFor, type Spec } from './page';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('warmUp', () => {
  it('reads the texts of the comments shown whole, off the current task, so the first search reads none', () => {
    const d = setUpPage();
    const reads = d.all.map((c) => countTextReads(c.body!));
    const store = storeFor(d);
    warmUp(store);
    expect(reads.map((r) => r.reads)).toEqual([0, 0, 0, 0, 0, 0]);
    vi.runAllTimers();
    // 1 and 6 are shown whole; the others' text is not on the page (one-liner, hidden, collapsed).
    expect(reads.map((r) => r.reads)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(search(store, 'rust').count).toBe(7);
    expect(reads.map((r) => r.reads)).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('works in slices on a big thread, and stops when told', () => {
    const specs: Spec[] = [];
    for (let i = 0; i < 3000; i++) specs.push({ id: `c${i}`, score: 3, title: `T${i}`, author: 'a', body: `text ${i}` });
    const d = setUpPage(specs);
    const reads = d.all.map((c) => countTextReads(c.body!));
    const read = () => reads.reduce((n, r) => n + r.reads, 0);
    // Each read takes a millisecond: a slice has room for a few.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    for (const c of d.all) {
      const { get } = Object.getOwnPropertyDescriptor(c.body!, 'textContent')!;
      Object.defineProperty(c.body!, 'textContent', {
        configurable: true,
        get() {
          clock += 1;
          return get!.call(this);
        },
      });
    }
    const stop = warmUp(storeFor(d));
    vi.advanceTimersToNextTimer();
    const first = read();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(200);
    vi.advanceTimersToNextTimer();
    expect(read()).toBeGreaterThan(first);
    stop();
    const stopped = read();
    vi.runAllTimers();
    expect(read()).toBe(stopped);
    expect(stopped).toBeLessThan(3000);
  });
});
