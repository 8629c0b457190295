// Storage areas and events for the fake browser (see fake-browser.ts for how to use it).

export type Listener = (...args: any[]) => unknown;

const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const realClearTimeout = globalThis.clearTimeout.bind(globalThis);

export class FakeEvent<L extends Listener = Listener> {
  private listeners: L[] = [];
  addListener(cb: L): void {
    if (!this.listeners.includes(cb)) this.listeners.push(cb);
  }
  removeListener(cb: L): void {
    this.listeners = this.listeners.filter((l) => l !== cb);
  }
  hasListener(cb: L): boolean {
    return this.listeners.includes(cb);
  }
  hasListeners(): boolean {
    return this.listeners.length > 0;
  }
  /** Test-only: calls every listener now; returns what they returned. A throwing listener throws here. */
  dispatch(...args: Parameters<L>): unknown[] {
    return [...this.listeners].map((l) => l(...args));
  }
  /** Test-only. */
  clearListeners(): void {
    this.listeners = [];
  }
}

const encoder = new TextEncoder();
function bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Runs callbacks a macrotask later, and lets tests wait for all of them. */
export class Later {
  private timers = new Set<ReturnType<typeof setTimeout>>();
  run(fn: () => void): void {
    const t = realSetTimeout(() => {
      this.timers.delete(t);
      fn();
    }, 0);
    this.timers.add(t);
  }
  async flush(): Promise<void> {
    // Listeners may cause further events (a re-read, a write): loop until quiet.
    for (let i = 0; i < 100; i++) {
      await new Promise<void>((r) => realSetTimeout(r, 0));
      if (!this.timers.size) return;
    }
    throw new Error('fake browser: events still pending after 100 rounds');
  }
  cancel(): void {
    for (const t of this.timers) realClearTimeout(t);
    this.timers.clear();
  }
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
export type Changes = Record<string, StorageChange>;
export type ChangedListener = (changes: Changes, areaName: string) => void;

export interface AreaQuota {
  QUOTA_BYTES?: number;
  QUOTA_BYTES_PER_ITEM?: number;
  MAX_ITEMS?: number;
}

export class FakeStorageArea {
  readonly onChanged = new FakeEvent<(changes: Changes) => void>();
  readonly QUOTA_BYTES?: number;
  readonly QUOTA_BYTES_PER_ITEM?: number;
  readonly MAX_ITEMS?: number;
  /** JSON text per key. */
  private data = new Map<string, string>();
  private failures: Error[] = [];

  constructor(
    readonly areaName: string,
    quota: AreaQuota,
    private readonly later: Later,
    private readonly globalChanged: FakeEvent<ChangedListener>,
  ) {
    Object.assign(this, quota);
  }

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    await tick();
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const [k, v] of this.data) out[k] = JSON.parse(v);
    } else if (typeof keys === 'string' || Array.isArray(keys)) {
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (typeof k !== 'string') throw new TypeError('storage.get: keys must be strings');
        const v = this.data.get(k);
        if (v !== undefined) out[k] = JSON.parse(v);
      }
    } else if (typeof keys === 'object') {
      for (const [k, dflt] of Object.entries(keys)) {
        const v = this.data.get(k);
        out[k] = v !== undefined ? JSON.parse(v) : clone(dflt);
      }
    } else {
      throw new TypeError('storage.get: invalid keys argument');
    }
    return out;
  }

  async getKeys(): Promise<string[]> {
    await tick();
    return [...this.data.keys()];
  }

  async getBytesInUse(keys?: null | string | string[]): Promise<number> {
    await tick();
    const list = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return list.reduce((sum, k) => {
      const v = this.data.get(k);
      return v === undefined ? sum : sum + bytes(k) + bytes(v);
    }, 0);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (typeof items !== 'object' || items === null || Array.isArray(items)) {
      throw new TypeError('storage.set: items must be an object');
    }
    this.takeFailure();
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (json === undefined) continue; // undefined / functions are dropped, as in Chrome
      if (this.QUOTA_BYTES_PER_ITEM !== undefined && bytes(k) + bytes(json) > this.QUOTA_BYTES_PER_ITEM) {
        await tick();
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(k, json);
    }
    if (this.MAX_ITEMS !== undefined && next.size > this.MAX_ITEMS) {
      await tick();
      throw new Error('MAX_ITEMS quota exceeded');
    }
    if (this.QUOTA_BYTES !== undefined && sizeOf(next) > this.QUOTA_BYTES) {
      await tick();
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.commit(next);
    await tick();
  }

  async remove(keys: string | string[]): Promise<void> {
    this.takeFailure();
    const next = new Map(this.data);
    for (const k of typeof keys === 'string' ? [keys] : keys) next.delete(k);
    this.commit(next);
    await tick();
  }

  async clear(): Promise<void> {
    this.takeFailure();
    this.commit(new Map());
    await tick();
  }

  // ---- test controls (reach them through `fake`) ----

  /** The stored items as plain values. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, JSON.parse(v)]));
  }
  /** Puts items in place without quota checks or events (set up a test's starting state). */
  seed(items: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(items)) {
      const json = JSON.stringify(v);
      if (json !== undefined) this.data.set(k, json);
    }
  }
  /** Bytes in use, as the quota counts them. */
  bytesInUse(): number {
    return sizeOf(this.data);
  }
  /** The next write (set, remove or clear) rejects with `error` and changes nothing. */
  failNextWrite(error: Error): void {
    this.failures.push(error);
  }
  reset(): void {
    this.data.clear();
    this.failures = [];
  }

  private takeFailure(): void {
    const e = this.failures.shift();
    if (e) throw e;
  }

  /** Applies a new state and schedules onChanged for the keys whose value really changed. */
  private commit(next: Map<string, string>): void {
    const changes: Changes = {};
    for (const k of new Set([...this.data.keys(), ...next.keys()])) {
      const before = this.data.get(k);
      const after = next.get(k);
      if (before === after) continue;
      const change: StorageChange = {};
      if (before !== undefined) change.oldValue = JSON.parse(before);
      if (after !== undefined) change.newValue = JSON.parse(after);
      changes[k] = change;
    }
    this.data = next;
    if (!Object.keys(changes).length) return;
    this.later.run(() => {
      this.globalChanged.dispatch(clone(changes), this.areaName);
      this.onChanged.dispatch(clone(changes));
    });
  }
}

function sizeOf(data: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of data) n += bytes(k) + bytes(v);
  return n;
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Lets the caller's other promises interleave, as a real async API does. */
export function tick(): Promise<void> {
  return Promise.resolve();
}
