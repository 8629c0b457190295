import { describe, expect, it } from 'vitest';
import { finishInSlices, finishNow, runInSlices } from '../../../src/shared/slices';

function* counting(n: number, seen: number[]): Generator<void, string> {
  for (let i = 0; i < n; i++) {
    seen.push(i);
    yield;
  }
  return `done after ${n}`;
}

describe('slices', () => {
  it('runs steps to the same result in slices as at once, yielding to other tasks between slices', async () => {
    const a: number[] = [];
    expect(finishNow(counting(5, a))).toBe('done after 5');
    const b: number[] = [];
    let otherTaskRanAt = -1;
    setTimeout(() => (otherTaskRanAt = b.length), 0);
    // A zero budget: one step per slice.
    await expect(finishInSlices(counting(5, b), 0)).resolves.toBe('done after 5');
    expect(b).toEqual(a);
    expect(otherTaskRanAt).toBeGreaterThan(0);
    expect(otherTaskRanAt).toBeLessThan(5);
  });

  it('rejects with what a step throws', async () => {
    function* failing(): Generator<void, number> {
      yield;
      throw new Error('bad markup');
    }
    await expect(finishInSlices(failing(), 0)).rejects.toThrow('bad markup');
  });

  it('flushes the rest now, and a cancelled run does no more work', async () => {
    let left = 10;
    let done = 0;
    const s = runInSlices(() => --left <= 0, { firstMs: 0, sliceMs: 0, onDone: () => done++ });
    expect(left).toBe(9);
    s.flush();
    expect([left, done]).toEqual([0, 1]);
    let more = 10;
    const c = runInSlices(() => --more <= 0, { firstMs: 0, sliceMs: 0 });
    c.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(more).toBe(9);
  });
});
