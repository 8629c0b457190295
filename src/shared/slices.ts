/**
 * Runs long work in slices of main-thread time, yielding to the browser between them so that
 * input, painting and the page's own scripts go on: rendering 20,000 comments in one go would
 * freeze the tab for seconds. `work(deadline)` does what it can before `deadline` (a
 * performance.now() time) and returns true when there is nothing left.
 */
export interface Slices {
  /** Does all the remaining work now. */
  flush(): void;
  /** Drops the remaining work. */
  cancel(): void;
}

export interface SliceOptions {
  /** Budget of the first slice, run at once. */
  firstMs: number;
  /** Budget of each later slice. */
  sliceMs: number;
  onDone?: () => void;
}

export function runInSlices(work: (deadline: number) => boolean, { firstMs, sliceMs, onDone }: SliceOptions): Slices {
  let state: 'running' | 'done' | 'cancelled' = 'running';
  const step = (budget: number) => {
    if (state !== 'running') return;
    if (work(budget === Infinity ? Infinity : performance.now() + budget)) {
      state = 'done';
      onDone?.();
    } else if (budget !== Infinity) {
      yieldThen(() => step(sliceMs));
    }
  };
  step(firstMs);
  return {
    flush: () => {
      while (state === 'running') step(Infinity);
    },
    cancel: () => {
      if (state === 'running') state = 'cancelled';
    },
  };
}

interface TaskScheduler {
  postTask(cb: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

/**
 * A new task, behind input and rendering: scheduler.postTask where the browser has it
 * (Chromium, Firefox 142+); otherwise setTimeout, whose 4 ms clamp after a few nested calls
 * only slows the background slices.
 */
export function yieldThen(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) scheduler.postTask(fn, { priority: 'user-visible' }).catch(reportError);
  else setTimeout(fn, 0);
}

/**
 * Work the reader does not wait for (saving what was collapsed, telling the popup): after the
 * frame that shows the change, when the browser is idle, or half a second later at the latest.
 * Done in the click, it made that frame longer (a reader's first collapse at 5,000 comments:
 * 25.5 ms with it, 20.5 ms without, medians of 6 fresh pages).
 */
export function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 0);
}

function reportError(err: unknown): void {
  console.warn('Threshold:', err);
}

/**
 * Runs a computation written as steps (a generator that yields between pieces of work) to its
 * end in slices of `sliceMs`, and resolves with its result. A step that throws rejects. What a
 * step yields besides nothing goes to `onYield`, at once.
 */
export function finishInSlices<T, Y = void>(steps: Iterator<Y | void, T>, sliceMs: number, onYield?: (y: Y) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    runInSlices(
      (deadline) => {
        try {
          for (;;) {
            const r = steps.next();
            if (r.done) {
              resolve(r.value);
              return true;
            }
            if (r.value !== undefined) onYield?.(r.value);
            if (performance.now() >= deadline) return false;
          }
        } catch (err) {
          reject(err);
          return true;
        }
      },
      { firstMs: sliceMs, sliceMs },
    );
  });
}

/** The same computation all at once, for callers that need its result now. */
export function finishNow<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
