import browser from 'webextension-polyfill';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetSite,
  hasSite,
  injectNow,
  originPattern,
  patternCovers,
  registerSiteScripts,
  requestSite,
  USER_SITES_SCRIPT_ID,
  userSitePatterns,
} from '../../../src/shared/site-access';
import { asFake } from '../helpers/fake-browser';

vi.mock('webextension-polyfill', async () => (await import('../helpers/fake-browser')).mockModule());

const { fake } = asFake(browser);
beforeEach(() => {
  fake.reset();
  vi.restoreAllMocks();
});

describe('originPattern', () => {
  it.each([
    ['https://example.org', 'https://example.org/*'],
    ['https://Example.ORG/some/page.pl?sid=1#c2', 'https://example.org/*'],
    ['http://localhost:8080/', 'http://localhost/*'],
  ])('%s → %s', (origin, pattern) => expect(originPattern(origin)).toBe(pattern));

  it('refuses what is not a web page', () => {
    expect(() => originPattern('file:///home/me/page.html')).toThrow(/http and https/);
    expect(() => originPattern('not a url')).toThrow(TypeError);
  });
});

describe('patternCovers', () => {
  it.each([
    ['*://*.slashdot.org/*', 'https://m.slashdot.org/*', true],
    ['*://*.slashdot.org/*', 'https://slashdot.org/*', true],
    ['*://*.slashdot.org/*', '*://*.a.slashdot.org/*', true],
    ['*://slashdot.org/*', 'https://m.slashdot.org/*', false],
    ['*://*.slashdot.org/*', 'https://notslashdot.org/*', false],
    ['https://a.org/*', 'http://a.org/*', false],
    ['<all_urls>', 'https://a.org/*', true],
    ['https://a.org/x/*', 'https://a.org/*', false],
  ])('%s covers %s: %s', (outer, inner, expected) => expect(patternCovers(outer, inner)).toBe(expected));
});

describe('requestSite', () => {
  it('asks synchronously, so the popup click still counts as a user gesture', () => {
    const request = vi.spyOn(browser.permissions, 'request');
    const pending = requestSite('https://mirror.example');
    expect(request).toHaveBeenCalledWith({ origins: ['https://mirror.example/*'] });
    return pending;
  });

  it('resolves to the user’s answer', async () => {
    expect(await requestSite('https://mirror.example')).toBe(true);
    expect(await hasSite('https://mirror.example/any/page')).toBe(true);
    fake.permissionPrompt = () => false;
    expect(await requestSite('https://other.example')).toBe(false);
    expect(await hasSite('https://other.example')).toBe(false);
  });

  it('rejects an address that is not a web page without prompting', async () => {
    const request = vi.spyOn(browser.permissions, 'request');
    await expect(requestSite('chrome://settings')).rejects.toThrow(TypeError);
    expect(request).not.toHaveBeenCalled();
  });
});

describe('registerSiteScripts', () => {
  it('registers nothing when only the built-in sites are granted', async () => {
    expect(await registerSiteScripts()).toEqual([]);
    expect(fake.registeredScripts()).toEqual([]);
  });

  it('registers the content script for granted sites the manifest does not cover', async () => {
    fake.grant([
      'https://mirror.example/*',
      'https://m.slashdot.org/*', // covered by *://*.slashdot.org/*
      '*://*/*', // a blanket grant from the browser's add-on settings
      'http://archive.example/*',
    ]);
    expect(await registerSiteScripts()).toEqual(['http://archive.example/*', 'https://mirror.example/*']);
    expect(fake.registeredScripts()).toEqual([
      {
        id: USER_SITES_SCRIPT_ID,
        matches: ['http://archive.example/*', 'https://mirror.example/*'],
        js: ['content.js'],
        css: ['content.css'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  });

  it('updates the registration as sites come and go, and removes it when none are left', async () => {
    fake.grant(['https://a.example/*']);
    await registerSiteScripts();
    fake.grant(['https://b.example/*']);
    await registerSiteScripts();
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([['https://a.example/*', 'https://b.example/*']]);
    await browser.permissions.remove({ origins: ['https://a.example/*', 'https://b.example/*'] });
    expect(await registerSiteScripts()).toEqual([]);
    expect(fake.registeredScripts()).toEqual([]);
    // And again with nothing registered: no error from unregistering a missing script.
    expect(await registerSiteScripts()).toEqual([]);
  });

  it('copes with concurrent calls', async () => {
    fake.grant(['https://a.example/*']);
    const results = await Promise.all([registerSiteScripts(), registerSiteScripts(), registerSiteScripts()]);
    expect(results).toEqual([['https://a.example/*'], ['https://a.example/*'], ['https://a.example/*']]);
    expect(fake.registeredScripts()).toHaveLength(1);
  });

  it('falls back to updating when another page registered the script meanwhile', async () => {
    await browser.scripting.registerContentScripts([{ id: USER_SITES_SCRIPT_ID, matches: ['https://old.example/*'], js: ['content.js'] }]);
    fake.grant(['https://a.example/*']);
    // Our check sees nothing registered (the other page had not finished yet).
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockResolvedValueOnce([]);
    expect(await registerSiteScripts()).toEqual(['https://a.example/*']);
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([['https://a.example/*']]);
  });

  it('lists the user-added sites', async () => {
    fake.grant(['https://z.example/*', 'https://a.example/*']);
    expect(await userSitePatterns()).toEqual(['https://a.example/*', 'https://z.example/*']);
  });
});

describe('forgetSite', () => {
  it('takes the permission back and stops the script there', async () => {
    await requestSite('https://a.example');
    await requestSite('https://b.example');
    await registerSiteScripts();
    expect(await forgetSite('https://a.example/page')).toBe(true);
    expect(await hasSite('https://a.example')).toBe(false);
    expect(fake.registeredScripts().map((s) => s.matches)).toEqual([['https://b.example/*']]);
  });
});

describe('injectNow', () => {
  it('inserts the stylesheet, then runs the content script, in the given tab', async () => {
    await injectNow(42);
    expect(fake.injections).toEqual([
      { kind: 'css', tabId: 42, files: ['content.css'] },
      { kind: 'js', tabId: 42, files: ['content.js'] },
    ]);
  });
});
