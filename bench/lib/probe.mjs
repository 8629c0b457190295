// In-page instrumentation, installed in the page's main world before any of its own code runs
// (page.evaluateOnNewDocument). It runs the same way with and without the extension, so the
// two browsers' pages carry the same (small) overhead.
//
// window.__bench:
//   longTasks / frames     PerformanceObserver 'longtask' and 'long-animation-frame' entries
//   initial                mutation batches after DOMContentLoaded (the content script's mount)
//   arm() / quiet()        record mutations from now on; resolve once the DOM has been quiet
//                          for a while, with the end of the frame rendered after the last change
//   renderedAfterMark()    the end of the frame rendered after the overlay's change that a mark ends
//   nextRendered()         the end of the next frame rendered
//   bringOnScreen(el)      scrolls `el` into view and lets the browser render it there
//   mutationsWithin(ms)    how many mutations follow (to check an update had settled)
//
// "End of the frame after a change": a requestAnimationFrame callback runs at the start of the
// next rendering update; a message posted from it is handled only after that update's style,
// layout and paint are done. Its time is when the changed DOM has been rendered.

/** Serialized into the page: must not close over anything. */
export function installProbe() {
  const bench = {
    longTasks: [],
    frames: [],
    initial: null,
    current: null,
    arm() {
      if (bench.current) bench.current.observer.disconnect();
      bench.current = record();
      return bench.current.armedAt;
    },
    /** Waits until no mutation for `quietMs` and the last change has been rendered. */
    quiet(quietMs = 300, timeoutMs = 60000) {
      const rec = bench.current;
      return settle(rec, quietMs, timeoutMs).then((r) => {
        rec.observer.disconnect();
        if (bench.current === rec) bench.current = null;
        return r;
      });
    },
    /**
     * Resolves with the end of the first frame rendered after the overlay's first DOM change
     * made once the user-timing mark `name` has been made more than `count` times (the change
     * is synchronous: the mark ends it). A MutationObserver on the overlay sees that change at
     * the end of its task, and asks for the next frame from there, as the clicks timed below
     * do. (A requestAnimationFrame poll, as this was, keeps the browser drawing every frame
     * while it waits and so ties the change to the frame clock: up to a frame more, half a frame
     * on average, that the clicks do not have. The observer records the few hundred changes of
     * the rows near the view, where it once would have recorded thousands.)
     */
    renderedAfterMark(name, count) {
      return new Promise((resolve) => {
        const root = document.querySelector('[data-threshold-root]');
        const observer = new MutationObserver(() => {
          if (performance.getEntriesByName(name).length <= count) return;
          observer.disconnect();
          afterFrame(resolve);
        });
        observer.observe(root ?? document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    },
    /** The end of the next frame rendered from now (after a synchronous change). */
    nextRendered() {
      return new Promise((resolve) => afterFrame(resolve));
    },
    /**
     * Scrolls `el` into view (`block` as scrollIntoView takes it) and waits until the browser
     * has rendered it there, and a little more, so that a change timed next starts from rest.
     */
    async bringOnScreen(el, block = 'start') {
      el.scrollIntoView({ block });
      await bench.nextRendered();
      await bench.nextRendered();
      await new Promise((r) => setTimeout(r, 200));
    },
    /** Mutations in the next `ms` (none expected once an update has settled). */
    mutationsWithin(ms) {
      const rec = record();
      return new Promise((resolve) =>
        setTimeout(() => {
          rec.observer.disconnect();
          resolve(rec.records);
        }, ms),
      );
    },
    /** Like quiet(), for the mutations since DOMContentLoaded; stops recording them. */
    initialSettled(quietMs = 300, timeoutMs = 60000) {
      const rec = bench.initial;
      return settle(rec, quietMs, timeoutMs).then((r) => {
        rec?.observer.disconnect();
        return r;
      });
    },
  };
  window.__bench = bench;

  function afterFrame(cb) {
    requestAnimationFrame(() => afterRender(cb));
  }

  /** Called from a requestAnimationFrame callback: `cb` gets the time that frame has been rendered. */
  function afterRender(cb) {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(null);
  }

  function record() {
    const rec = { armedAt: performance.now(), batches: [], records: 0, observer: null };
    rec.observer = new MutationObserver((records) => {
      const batch = { at: performance.now(), n: records.length, rendered: null };
      rec.records += records.length;
      rec.batches.push(batch);
      afterFrame((t) => {
        batch.rendered = t;
      });
    });
    rec.observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    return rec;
  }

  function settle(rec, quietMs, timeoutMs) {
    const started = performance.now();
    return new Promise((resolve) => {
      const check = () => {
        const last = rec && rec.batches[rec.batches.length - 1];
        const now = performance.now();
        if (last && last.rendered !== null && now - last.at >= quietMs) {
          resolve({
            first: rec.batches[0].at,
            last: last.at,
            rendered: last.rendered,
            batches: rec.batches.length,
            records: rec.records,
            // Each batch: when the DOM changed and when that change was on screen.
            list: rec.batches.map((b) => [b.at, b.rendered]),
          });
        } else if (now - started > timeoutMs) {
          resolve(null);
        } else setTimeout(check, 50);
      };
      check();
    });
  }

  for (const [type, list] of [['longtask', bench.longTasks], ['long-animation-frame', bench.frames]]) {
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          list.push({
            start: e.startTime,
            duration: e.duration,
            renderStart: e.renderStart ?? null,
            styleAndLayoutStart: e.styleAndLayoutStart ?? null,
            scripts: (e.scripts ?? []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, duration: s.duration })),
          });
        }
      }).observe({ type, buffered: true });
    } catch {
      // Entry type not supported: that list stays empty.
    }
  }

  // Mutations from DOMContentLoaded on: the page is parsed, so these are the content script's.
  document.addEventListener('DOMContentLoaded', () => {
    bench.initial = record();
  });
}
