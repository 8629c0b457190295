// Background: a Chrome MV3 service worker and a Firefox MV3 background script from one
// file. Both may be stopped when idle and restarted by an event, so every listener is
// registered synchronously at the top level: one added later (after an await) would miss
// the event that woke us.
import browser, { type Runtime } from 'webextension-polyfill';
import { registerSiteScripts } from '../shared/site-access';
import { runMigrations } from '../storage/migrations';
import { answerSweep } from '../storage/thread-sweep';
import { isMigrateRequest, isOpenFindRequest } from '../shared/messages';

function report(what: string): (e: unknown) => void {
  return (e) => console.error(`Threshold background: ${what} failed`, e);
}

function syncSiteScripts(): void {
  registerSiteScripts().catch(report('registering content scripts for added sites'));
}

browser.runtime.onInstalled.addListener(() => {
  // Install, update, or browser update: the stored layout may be older than this code.
  runMigrations().catch(report('storage migration'));
  syncSiteScripts();
});

// A content script found the old layout (see storage/settings-read.ts): migrate, then answer.
browser.runtime.onMessage.addListener((msg: unknown) => (isMigrateRequest(msg) ? runMigrations().then(() => true) : undefined));

// A content script's thread store is over a limit (storage/threads.ts): forget old threads here.
browser.runtime.onMessage.addListener(answerSweep);

// Ctrl+F over the overlay (content/find-key.ts): the find box's script goes into the frame that
// asked, into its content script's world (the default), where the overlay leaves its handle.
// It is not part of the content script: few readers need it, and that one loads on every page.
browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
  if (!isOpenFindRequest(msg)) return undefined;
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    console.error('Threshold background: a request to open the find box came from no tab', sender);
    return undefined;
  }
  return browser.scripting
    .executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['find.js'] })
    .then(
      () => true,
      (e: unknown) => {
        report(`adding the find box to tab ${tabId}`)(e);
        return false;
      },
    );
});

// Registrations persist across sessions, but host access can change while we are not running
// (the user revokes a site in the browser's own settings): re-check at each start.
browser.runtime.onStartup.addListener(syncSiteScripts);
browser.permissions.onAdded.addListener(syncSiteScripts);
browser.permissions.onRemoved.addListener(syncSiteScripts);
