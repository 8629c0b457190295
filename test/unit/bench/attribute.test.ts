// The bench's attribution of long tasks (bench/lib/attribute.mjs), on hand-made trace events.
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs module of the bench, without types
import { attributeLongTasks, firstFullGc, garbageCollection } from '../../../bench/lib/attribute.mjs';

const EXT = 'chrome-extension://abc';
const ms = (x: number) => x * 1000;
const mark = (name: string, at: number) => ({ name: `threshold:${name}`, ph: 'R', ts: ms(at) });
const task = (at: number, dur: number) => ({ name: 'RunTask', ph: 'X', ts: ms(at), dur: ms(dur) });
const inner = (name: string, at: number, dur: number, url?: string) => ({ name, ph: 'X', ts: ms(at), dur: ms(dur), args: url ? { data: { url } } : {} });

describe('attributeLongTasks', () => {
  const marks = [mark('start', 1000), mark('stored', 1400), mark('ready', 1420), mark('complete', 2000)];

  it('gives the extension the tasks that run its script, and those that render once the overlay is mounted', () => {
    const { tasks, mark: m } = attributeLongTasks(
      [
        ...marks,
        task(990, 60), inner('EvaluateScript', 995, 40, `${EXT}/content.js`), // the content script itself
        task(1100, 80), inner('Paint', 1110, 30), // the page painting its own listing, before the mount
        task(1200, 70), inner('FunctionCall', 1210, 50, 'https://slashdot.org/app.js'), // the page's script
        task(1500, 90), inner('UpdateLayoutTree', 1510, 60), // style after the mount: the overlay's
        task(1600, 55), inner('FunctionCall', 1601, 50, `${EXT}/content.js`),
        task(1650, 60), inner('RunPostTaskCallback', 1651, 58), inner('RunMicrotasks', 1652, 50), // a slice's continuation
        task(1700, 40), inner('FunctionCall', 1701, 35, `${EXT}/content.js`), // not long
        task(2100, 300), // after complete
      ],
      EXT,
    );
    expect(m).toMatchObject({ start: 0, stored: 400, complete: 1000 });
    expect(tasks.map((t: { at: number; ms: number; ours: boolean }) => [t.at, t.ms, t.ours])).toEqual([
      [-10, 60, true],
      [100, 80, false],
      [200, 70, false],
      [500, 90, true],
      [600, 55, true],
      [650, 60, true],
    ]);
  });

  it('refuses a trace without the marks rather than report nothing', () => {
    expect(() => attributeLongTasks([task(0, 100)], EXT)).toThrow(/marks/);
  });
});

describe('garbageCollection', () => {
  it('adds up the collections inside the window once each, nested or overlapping, full ones apart', () => {
    const events = [
      inner('MinorGC', 100, 10), inner('V8.GCScavenger', 101, 8), // nested: 10 ms
      inner('V8.GCIncrementalMarking', 200, 5), inner('V8.GCIncrementalMarking', 203, 5), // overlap: 8 ms
      inner('MajorGC', 300, 20), inner('V8.GCFinalizeMC', 301, 18), // 20 ms
      inner('MinorGC', 395, 10), // half inside the window: 5 ms
      inner('MinorGC', 500, 10), // after it
      inner('FunctionCall', 150, 30), // not a collection
    ];
    expect(garbageCollection(events, ms(50), ms(400))).toEqual({ ms: 43, fullMs: 28 });
    expect(garbageCollection(events, ms(0), ms(90))).toEqual({ ms: 0, fullMs: 0 });
  });

  it('is reported with the long tasks, over the read (threshold:start to complete)', () => {
    const { gc } = attributeLongTasks([mark('start', 1000), mark('complete', 2000), inner('MajorGC', 1500, 40), inner('MinorGC', 900, 50)], EXT);
    expect(gc).toEqual({ ms: 40, fullMs: 40, firstFull: null });
  });
});

describe('firstFullGc', () => {
  const start = (at: number, reason?: string) => ({
    name: 'V8.GCIncrementalMarkingStart',
    ph: 'X',
    ts: ms(at),
    dur: ms(1),
    args: reason ? { value: { gc_reason: 'task', reason } } : {},
  });

  it('finds the first marking that starts in the window, with its reason', () => {
    const events = [start(100, 'fallback for embedder limit'), inner('MajorGC', 400, 40), start(900, 'global allocation limit reached'), inner('MajorGC', 950, 30)];
    expect(firstFullGc(events, ms(500))).toEqual({ at: 400, reason: 'task (global allocation limit reached)' });
    expect(firstFullGc(events, ms(1000))).toBeNull();
  });

  it('counts a marking already running at the start, as negative, and not one already finished', () => {
    const events = [start(100, 'fallback for embedder limit'), inner('MajorGC', 400, 40), start(900)];
    expect(firstFullGc(events, ms(300))).toEqual({ at: -200, reason: 'task (fallback for embedder limit)' });
    expect(firstFullGc(events, ms(450))).toEqual({ at: 450, reason: 'not traced' });
  });

  it('is reported with the long tasks, from the start of the read', () => {
    const { gc } = attributeLongTasks([mark('start', 1000), mark('complete', 2000), start(1300, 'old generation allocation limit reached')], EXT);
    expect(gc.firstFull).toEqual({ at: 300, reason: 'task (old generation allocation limit reached)' });
  });
});
