import browser from 'webextension-polyfill';
import type { Discussion, Comment } from '../model/types';
import { buildTree, startsWith } from '../model/build-tree';
import { compileHighlight } from '../model/highlight';
import { countTiers, scoreHistogram } from '../model/visibility';
import { pickAdapter } from '../sites';
import type { Settings } from '../storage/types';
import { onSettingsChanged, readSettings } from '../storage/settings-read';
import { loadThread, saveThread, touchThread } from '../storage/threads';
import { MIGRATE_STORAGE, STATUS_CHANGED, type PageStatus } from '../shared/messages';
import { ViewStore } from '../overlay/view-store';
import { mountOverlay, type Mounted } from '../overlay/mount';
import type { Viewport } from '../overlay/list-view/viewport';
import { watchGrowth } from './growth';
import { listenForFind } from './find-key';
import { mark } from './marks';
import { finishInSlices, whenIdle, yieldThen } from '../shared/slices';

/** Main-thread time per slice of the parse: well under a frame, so input and painting go on. */
const PARSE_SLICE_MS = 12;

export interface Controller {
  status(): PageStatus;
}

/**
 * Parses the page and, if it is a discussion we know, keeps the overlay in step with the
 * settings and with comments the site adds later. Any failure leaves the page as the site
 * rendered it and is reported to the popup.
 */
export interface StartOptions {
  /** Where the reader is looking (the browser window's view unless given: tests under jsdom give theirs). */
  viewport?: Viewport;
}

export async function startThreshold(doc: Document, url: URL, options: StartOptions = {}): Promise<Controller> {
  const host = url.hostname;
  const notRecognized = (reason: string): Controller => ({ status: () => ({ recognized: false, host, reason }) });

  const adapter = pickAdapter(url, doc);
  if (!adapter) return notRecognized('This page has no discussion in a format Threshold knows.');
  // Read while the page is parsed: the storage round trip then costs the overlay nothing.
  const settingsLoaded = readSettings(askToMigrate);
  settingsLoaded.catch(() => {}); // awaited below, unless the page turns out not to be one we read
  // Big threads are read in slices: the page stays responsive while it is read. A big Slashdot
  // page also yields a preview, its first complete threads: shown while the rest is read.
  let preview: (d: Discussion) => void = () => {};
  let previewed: Discussion | null = null;
  const previewShown = new Promise<Discussion>((resolve) => (preview = resolve));
  const reading = (async () => {
    // Not in the task that evaluates this script: compiling it is already a good part of a
    // long task on a slow machine (traced: 22 of 58 ms with the first parse slice beside it).
    await nextTask();
    const result = adapter.parseSteps
      ? await finishInSlices(adapter.parseSteps(doc, url), PARSE_SLICE_MS, (p) => preview((previewed = buildTree(p))))
      : adapter.parse(doc, url);
    mark('parsed');
    // The rest of the work on the whole page waits for a task of its own each (here and, after
    // a preview, in `whole` below): one long task at the end would stall the page.
    await nextTask();
    return result.ok ? buildTree(result.page) : result.reason;
  })();
  let first: Discussion | string;
  try {
    first = await Promise.race([previewShown, reading]);
  } catch (err) {
    return notRecognized(`Threshold could not read this ${adapter.name} page (${err}).`);
  }
  if (typeof first === 'string') return notRecognized(first);
  if (first.all.length === 0) return notRecognized(`This ${adapter.name} page has no comments.`);
  let discussion = first;
  // When this is the preview, the whole page is still being read.
  let whole = first === previewed ? reading : null;

  const [settings, thread] = await Promise.all([settingsLoaded, loadThread(discussion.threadKey)]);
  mark('stored');
  let current = settings;
  let mounted: Mounted | null = null;
  let store = createStore(discussion, thread.collapsed);

  function createStore(d: Discussion, collapsed: Iterable<string>, previous?: ViewStore): ViewStore {
    const s = new ViewStore(d, current.thresholds, collapsed, highlighterFor(current, d), bodyText, previous?.opened());
    let lastCollapsed = [...s.collapsed].join();
    // What is to be saved: written once the frame that shows the change is out (whenIdle),
    // the last of a burst of clicks only.
    let unsaved: string[] | null = null;
    s.onChange(() => {
      const ids = [...s.collapsed];
      // While the page is still read, the preview knows only its own comments: saving would
      // drop what the reader collapsed further down. It is saved once the whole is in.
      if (!whole && ids.join() !== lastCollapsed) {
        lastCollapsed = ids.join();
        if (!unsaved) {
          whenIdle(() => {
            saveThread(d.threadKey, { collapsed: unsaved!, lastVisit: Date.now() }).catch(reportError);
            unsaved = null;
          });
        }
        unsaved = ids;
      }
      broadcast();
    });
    return s;
  }

  const isActive = () => !current.disabledHosts.includes(host);
  // The scores are the page's: counted once per discussion, not on every change.
  let counted: [Discussion, ReturnType<typeof scoreHistogram>] | null = null;
  const status = (): PageStatus => {
    if (counted?.[0] !== discussion) counted = [discussion, scoreHistogram(discussion)];
    const hist = counted[1];
    return {
      recognized: true,
      active: mounted !== null,
      site: adapter.id,
      siteName: adapter.name,
      host,
      title: discussion.title,
      total: discussion.all.length,
      declaredCount: discussion.declaredCount,
      byScore: hist.byScore,
      unknownScore: hist.unknown,
      tiers: countTiers(store.allStates()),
    };
  };
  // One report per burst of changes (a settings change alone notifies three times), sent once
  // the page's frame is out: it counts every comment.
  let reporting = false;
  function broadcast(): void {
    if (reporting) return;
    reporting = true;
    whenIdle(() => {
      reporting = false;
      // Nobody listens unless the popup is open; that rejection is expected.
      browser.runtime.sendMessage({ type: STATUS_CHANGED, status: status() }).catch(() => {});
    });
  }
  // After a preview, only the whole page's last slice is 'complete'.
  const onComplete = () => {
    if (!whole) mark('complete');
  };
  const sync = () => {
    if (isActive() && !mounted) mounted = mountOverlay(discussion.container, store, { onComplete, viewport: options.viewport });
    else if (!isActive() && mounted) {
      mounted.unmount();
      mounted = null;
    }
  };

  onSettingsChanged((next: Settings) => {
    mark('reflow-start');
    current = next;
    store.setThresholds(next.thresholds);
    store.setHighlighter(highlighterFor(next, discussion));
    sync();
    broadcast();
    // The overlay updates synchronously; the browser's style and layout come after this mark.
    mark('reflow-end');
  });

  // `saved`: collapses saved for comments a preview did not hold.
  const grow = (grown: Discussion, saved: Iterable<string> = []) => {
    const wasMounted = mounted !== null;
    mounted?.unmount();
    mounted = null;
    discussion = grown;
    store = createStore(grown, [...store.collapsed, ...saved], store);
    if (wasMounted) sync();
    broadcast();
  };
  const watch = () => watchGrowth(adapter, doc, url, () => discussion, grow);

  sync();
  listenForFind(doc.defaultView ?? window);
  // The top of the thread is on screen; after a preview the rest of the page is still read
  // ('complete' once it is in).
  mark('ready');
  if (whole) {
    whole
      .then(async (d) => {
        await nextTask();
        whole = null;
        if (typeof d === 'string') throw new Error(d);
        // What is shown stays and the rest is added, with what the reader had collapsed further
        // down; a page whose whole reads differently from its preview (odd markup) is shown anew.
        if (startsWith(d, discussion)) {
          store.extend(d, thread.collapsed);
          discussion = d;
        } else grow(d, thread.collapsed);
        watch();
      })
      .catch((err: unknown) => {
        // Never half a thread: the page goes back to the site's own listing.
        mounted?.unmount();
        mounted = null;
        reportError(err);
      });
  } else watch();
  // Records the visit (for least-recently-visited eviction of per-thread state).
  touchThread(discussion.threadKey).catch(reportError);
  return { status };
}

function highlighterFor(s: Settings, d: Discussion) {
  return compileHighlight({
    users: s.highlightUsers,
    keywords: s.highlightKeywords,
    submitter: d.submitter,
    highlightSubmitter: s.highlightSubmitter,
  });
}

/**
 * Storage is in an older layout: the background migrates it (the content script does not
 * carry the migrations). If it cannot be reached, what is stored is read as it is: fields
 * not yet in the new layout read as their defaults for this page view, nothing is lost.
 */
function askToMigrate(): Promise<unknown> {
  return browser.runtime.sendMessage({ type: MIGRATE_STORAGE }).catch(reportError);
}

function bodyText(c: Comment): string {
  return c.body?.textContent ?? '';
}

const nextTask = () => new Promise<void>((resolve) => yieldThen(resolve));

function reportError(err: unknown): void {
  console.warn('Threshold:', err);
}
