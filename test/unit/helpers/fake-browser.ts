/**
 * An in-memory stand-in for `webextension-polyfill`, for unit tests.
 *
 * Usage (in a test file):
 *
 *   import browser from 'webextension-polyfill';
 *   import { asFake } from '../helpers/fake-browser';
 *   vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());
 *   const fake = asFake(browser).fake;
 *   beforeEach(() => fake.reset());
 *
 * The code under test imports `webextension-polyfill` as usual and gets this fake. What it models:
 *
 * - storage.sync / storage.local / storage.session: get(null | string | string[] | defaults object),
 *   set, remove, clear, getKeys, getBytesInUse. Values are stored as JSON (so they come back as copies,
 *   with JSON's losses, as in Chrome). Quotas are enforced like Chrome does — sizes are key + JSON of
 *   the value in UTF-8 bytes — and a write over a quota rejects as a whole with Chrome's messages
 *   ("QUOTA_BYTES_PER_ITEM quota exceeded", "QUOTA_BYTES quota exceeded", "MAX_ITEMS quota exceeded"):
 *   sync: 8192 per item, 102400 in all, 512 items; local: 10 MiB (pass `localQuota: null` for Firefox's
 *   unlimited local). The areas expose QUOTA_BYTES etc. like Chrome's.
 * - storage.onChanged(changes, areaName) and <area>.onChanged(changes) fire asynchronously (a macrotask
 *   after the call, like the real thing) with { oldValue, newValue } for the keys whose value really
 *   changed. `await fake.flush()` waits until every pending event was delivered.
 * - permissions: getAll, contains, request, remove, onAdded, onRemoved. The manifest's `permissions` and
 *   `host_permissions` start granted; `request` only accepts what the manifest lists as optional (or
 *   already holds) and asks `fake.permissionPrompt` (default: the user says yes).
 * - scripting: registerContentScripts / getRegisteredContentScripts / updateContentScripts /
 *   unregisterContentScripts with Chrome's id checks and errors; executeScript and insertCSS are
 *   recorded in `fake.injections` (with target.frameIds when given); `fake.scriptFailure` makes
 *   executeScript reject.
 * - runtime: id, getManifest, getURL, onInstalled, onStartup, onMessage, sendMessage (delivered to this
 *   fake's own onMessage listeners). tabs: query (over `fake.tabs`), sendMessage (answered by
 *   `fake.tabMessageHandler`), onUpdated, onRemoved.
 *
 * Event objects have a `dispatch(...args)` method (not in the real API) to fire them from tests, e.g.
 * `fake.events.onInstalled.dispatch({ reason: 'install' })` or `browser.runtime.onStartup.dispatch()` via
 * `asFake(browser)`. Timers: the fake captures the real setTimeout when it loads, so vi.useFakeTimers()
 * in a test does not stop its events; use `vi.useFakeTimers({ toFake: ['Date'] })` to fake only the clock.
 */

import {
  type AreaQuota,
  type ChangedListener,
  clone,
  FakeEvent,
  FakeStorageArea,
  Later,
  tick,
} from './fake-storage';

export { FakeEvent, FakeStorageArea };
export type { AreaQuota, StorageChange } from './fake-storage';

// ---------- match patterns (enough for host permissions) ----------

function parsePattern(p: string): { scheme: string; host: string } | null {
  if (p === '<all_urls>') return { scheme: '*', host: '*' };
  const m = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)\/.*$/.exec(p);
  return m ? { scheme: m[1]!, host: m[2]!.toLowerCase() } : null;
}

/** Whether host pattern `outer` matches everything `inner` does. */
export function fakePatternCovers(outer: string, inner: string): boolean {
  const a = parsePattern(outer);
  const b = parsePattern(inner);
  if (!a || !b) return false;
  const scheme = a.scheme === b.scheme || (a.scheme === '*' && ['http', 'https'].includes(b.scheme));
  const host =
    a.host === '*' ||
    a.host === b.host ||
    (a.host.startsWith('*.') && (b.host === a.host.slice(2) || b.host.endsWith(a.host.slice(1))));
  return scheme && host;
}

// ---------- manifest ----------

export interface FakeManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[]; run_at?: string }[];
  [key: string]: unknown;
}

const BUILT_IN_SITES = ['*://slashdot.org/*', '*://*.slashdot.org/*', '*://soylentnews.org/*', '*://*.soylentnews.org/*'];

/** The parts of Threshold's manifest the fake needs (override with `createFakeBrowser({ manifest })`). */
export const DEFAULT_FAKE_MANIFEST: FakeManifest = {
  manifest_version: 3,
  name: 'Threshold',
  version: '0.1.0',
  permissions: ['storage', 'scripting', 'activeTab'],
  host_permissions: BUILT_IN_SITES,
  optional_host_permissions: ['*://*/*'],
  content_scripts: [{ matches: BUILT_IN_SITES, js: ['content.js'], css: ['content.css'], run_at: 'document_idle' }],
};

// ---------- the browser ----------

export interface RegisteredScript {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
  js?: string[];
  css?: string[];
  runAt?: string;
  allFrames?: boolean;
  persistAcrossSessions?: boolean;
  world?: string;
}

export interface Injection {
  kind: 'js' | 'css';
  tabId: number;
  /** target.frameIds, when the call named frames. */
  frameIds?: number[];
  files: string[];
}

export interface FakeTab {
  id: number;
  url?: string;
  active?: boolean;
  windowId?: number;
  title?: string;
}

export interface PermissionRequest {
  permissions?: string[];
  origins?: string[];
}

export interface FakeBrowserOptions {
  manifest?: FakeManifest;
  /** storage.local's QUOTA_BYTES; null for no limit (Firefox). Default 10 MiB. */
  localQuota?: number | null;
}

export function createFakeBrowser(options: FakeBrowserOptions = {}) {
  const manifest = clone(options.manifest ?? DEFAULT_FAKE_MANIFEST);
  const localQuota = options.localQuota === undefined ? 10 * 1024 * 1024 : options.localQuota;
  const later = new Later();
  const onStorageChanged = new FakeEvent<ChangedListener>();
  const sync = new FakeStorageArea(
    'sync',
    { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8192, MAX_ITEMS: 512 },
    later,
    onStorageChanged,
  );
  const local = new FakeStorageArea('local', localQuota === null ? {} : { QUOTA_BYTES: localQuota }, later, onStorageChanged);
  const session = new FakeStorageArea('session', { QUOTA_BYTES: 10 * 1024 * 1024 }, later, onStorageChanged);

  const events = {
    onInstalled: new FakeEvent<(details: { reason: string; previousVersion?: string }) => void>(),
    onStartup: new FakeEvent<() => void>(),
    onMessage: new FakeEvent<(message: unknown, sender: unknown) => unknown>(),
    onPermissionsAdded: new FakeEvent<(p: PermissionRequest) => void>(),
    onPermissionsRemoved: new FakeEvent<(p: PermissionRequest) => void>(),
    onTabUpdated: new FakeEvent(),
    onTabRemoved: new FakeEvent(),
  };

  const requiredOrigins = manifest.host_permissions ?? [];
  const requiredPermissions = manifest.permissions ?? [];
  const granted = { permissions: new Set<string>(), origins: new Set<string>() };
  const registered = new Map<string, RegisteredScript>();

  const fake = {
    events,
    storage: { sync, local, session },
    /** executeScript / insertCSS calls, in order. */
    injections: [] as Injection[],
    tabs: [] as FakeTab[],
    /** When set, executeScript rejects with this message (after recording the call), as for a tab it may not touch. */
    scriptFailure: null as string | null,
    /** The user's answer to permissions.request (default: granted). */
    permissionPrompt: (_request: PermissionRequest): boolean | Promise<boolean> => true,
    /** Answers tabs.sendMessage; by default no content script is listening. */
    tabMessageHandler: (_tabId: number, _message: unknown): unknown => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    /** Grants origins as if the user had accepted a prompt earlier (no events). */
    grant(origins: string[]): void {
      for (const o of origins) granted.origins.add(o);
    },
    /** Registered dynamic content scripts. */
    registeredScripts(): RegisteredScript[] {
      return [...registered.values()].map(clone);
    },
    /** Resolves once every pending storage / permission event was delivered. */
    flush: () => later.flush(),
    /**
     * Back to a fresh install: empty storage, manifest grants only, no scripts, no injections,
     * no pending events. Listeners stay (modules register theirs once, at import) unless asked.
     */
    reset({ listeners = false }: { listeners?: boolean } = {}): void {
      later.cancel();
      sync.reset();
      local.reset();
      session.reset();
      granted.permissions = new Set(requiredPermissions);
      granted.origins = new Set(requiredOrigins);
      registered.clear();
      fake.injections = [];
      fake.scriptFailure = null;
      fake.tabs = [];
      fake.permissionPrompt = () => true;
      fake.tabMessageHandler = (_tabId, _message) => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      };
      if (listeners) {
        for (const e of [...Object.values(events), onStorageChanged, sync.onChanged, local.onChanged, session.onChanged]) {
          e.clearListeners();
        }
      }
    },
  };
  fake.reset();

  const optionalOk = (origin: string): boolean =>
    (manifest.optional_host_permissions ?? []).some((p) => fakePatternCovers(p, origin)) ||
    requiredOrigins.some((p) => fakePatternCovers(p, origin));
  const holds = (origin: string): boolean => [...granted.origins].some((p) => fakePatternCovers(p, origin));

  const permissions = {
    onAdded: events.onPermissionsAdded,
    onRemoved: events.onPermissionsRemoved,
    async getAll(): Promise<PermissionRequest> {
      await tick();
      return { permissions: [...granted.permissions], origins: [...granted.origins] };
    },
    async contains(p: PermissionRequest): Promise<boolean> {
      await tick();
      return (p.permissions ?? []).every((x) => granted.permissions.has(x)) && (p.origins ?? []).every(holds);
    },
    async request(p: PermissionRequest): Promise<boolean> {
      for (const o of p.origins ?? []) {
        if (!parsePattern(o)) throw new Error(`Invalid value for origin pattern ${o}: Invalid scheme.`);
        if (!optionalOk(o)) throw new Error('Only permissions specified in the manifest may be requested.');
      }
      for (const x of p.permissions ?? []) {
        if (!granted.permissions.has(x) && !(manifest.optional_permissions ?? []).includes(x)) {
          throw new Error('Only permissions specified in the manifest may be requested.');
        }
      }
      const newOrigins = (p.origins ?? []).filter((o) => !granted.origins.has(o));
      const newPerms = (p.permissions ?? []).filter((x) => !granted.permissions.has(x));
      if (!newOrigins.length && !newPerms.length) return true;
      if (!(await fake.permissionPrompt(clone(p)))) return false;
      for (const o of newOrigins) granted.origins.add(o);
      for (const x of newPerms) granted.permissions.add(x);
      later.run(() => events.onPermissionsAdded.dispatch({ permissions: newPerms, origins: newOrigins }));
      return true;
    },
    async remove(p: PermissionRequest): Promise<boolean> {
      await tick();
      if ((p.origins ?? []).some((o) => requiredOrigins.includes(o)) || (p.permissions ?? []).some((x) => requiredPermissions.includes(x))) {
        throw new Error('You cannot remove required permissions.');
      }
      const origins = (p.origins ?? []).filter((o) => granted.origins.delete(o));
      const perms = (p.permissions ?? []).filter((x) => granted.permissions.delete(x));
      if (origins.length || perms.length) {
        later.run(() => events.onPermissionsRemoved.dispatch({ permissions: perms, origins }));
      }
      return true;
    },
  };

  function checkScript(s: RegisteredScript, isNew: boolean): void {
    if (!s.id || s.id.startsWith('_')) throw new Error(`Invalid content script id '${s.id}'`);
    if (isNew && !s.matches?.length) throw new Error(`Script with ID '${s.id}' must specify 'matches'.`);
    if (isNew && !s.js?.length && !s.css?.length) throw new Error(`Script with ID '${s.id}' must specify at least one js or css file.`);
    for (const m of s.matches ?? []) if (!parsePattern(m)) throw new Error(`Script with ID '${s.id}' has invalid value for matches: ${m}`);
  }

  const scripting = {
    async registerContentScripts(scripts: RegisteredScript[]): Promise<void> {
      await tick();
      const ids = new Set<string>();
      for (const s of scripts) {
        checkScript(s, true);
        if (registered.has(s.id) || ids.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        ids.add(s.id);
      }
      for (const s of scripts) registered.set(s.id, { persistAcrossSessions: true, ...clone(s) });
    },
    async getRegisteredContentScripts(filter: { ids?: string[] } = {}): Promise<RegisteredScript[]> {
      await tick();
      return [...registered.values()].filter((s) => !filter.ids || filter.ids.includes(s.id)).map(clone);
    },
    async updateContentScripts(scripts: RegisteredScript[]): Promise<void> {
      await tick();
      for (const s of scripts) {
        if (!registered.has(s.id)) throw new Error(`Content script with ID '${s.id}' does not exist or is not fully registered`);
        checkScript(s, false);
      }
      for (const s of scripts) registered.set(s.id, { ...registered.get(s.id)!, ...clone(s) });
    },
    async unregisterContentScripts(filter: { ids?: string[] } = {}): Promise<void> {
      await tick();
      if (!filter.ids) return registered.clear();
      for (const id of filter.ids) if (!registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      for (const id of filter.ids) registered.delete(id);
    },
    async executeScript(injection: { target: { tabId: number; frameIds?: number[] }; files?: string[] }) {
      await tick();
      if (typeof injection.target?.tabId !== 'number') throw new Error('executeScript: target.tabId is required');
      const { tabId, frameIds } = injection.target;
      fake.injections.push({ kind: 'js', tabId, ...(frameIds ? { frameIds: [...frameIds] } : {}), files: [...(injection.files ?? [])] });
      if (fake.scriptFailure) throw new Error(fake.scriptFailure);
      return (frameIds ?? [0]).map((frameId) => ({ frameId, documentId: 'fake-document', result: undefined }));
    },
    async insertCSS(injection: { target: { tabId: number }; files?: string[]; css?: string }): Promise<void> {
      await tick();
      if (typeof injection.target?.tabId !== 'number') throw new Error('insertCSS: target.tabId is required');
      fake.injections.push({ kind: 'css', tabId: injection.target.tabId, files: [...(injection.files ?? [])] });
    },
  };

  const runtime = {
    id: 'threshold@fake',
    lastError: undefined,
    onInstalled: events.onInstalled,
    onStartup: events.onStartup,
    onMessage: events.onMessage,
    getManifest: () => clone(manifest),
    getURL: (path: string) => `chrome-extension://threshold-fake/${path.replace(/^\//, '')}`,
    async sendMessage(message: unknown): Promise<unknown> {
      await tick();
      const answers = events.onMessage.dispatch(clone(message), { id: 'threshold@fake' });
      if (!answers.length) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answers.find((a) => a !== undefined);
    },
  };

  const tabs = {
    onUpdated: events.onTabUpdated,
    onRemoved: events.onTabRemoved,
    async query(q: Partial<FakeTab> & { currentWindow?: boolean } = {}): Promise<FakeTab[]> {
      await tick();
      return fake.tabs
        .filter((t) => (q.active === undefined || !!t.active === q.active) && (q.windowId === undefined || t.windowId === q.windowId))
        .map(clone);
    },
    async sendMessage(tabId: number, message: unknown): Promise<unknown> {
      await tick();
      return fake.tabMessageHandler(tabId, clone(message));
    },
  };

  return { storage: { sync, local, session, onChanged: onStorageChanged }, permissions, scripting, runtime, tabs, fake };
}

export type FakeBrowser = ReturnType<typeof createFakeBrowser>;

/** The fake behind a `webextension-polyfill` import mocked with mockModule(). */
export function asFake(browser: unknown): FakeBrowser {
  const b = browser as Partial<FakeBrowser> | null;
  if (!b?.fake) throw new Error("webextension-polyfill is not mocked: add vi.mock('webextension-polyfill', ...) with mockModule()");
  return b as FakeBrowser;
}

/** The module shape for vi.mock('webextension-polyfill', ...). */
export function mockModule(browser: FakeBrowser = createFakeBrowser()): { default: FakeBrowser } {
  return { default: browser };
}
