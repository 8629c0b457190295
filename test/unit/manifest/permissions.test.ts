// The README's Permissions section and the manifest must say the same thing: every permission and
// host the manifest asks for is listed there with a reason, nothing listed is missing from the
// manifest, host access is only for sites an adapter supports, and the manifest keeps the default
// content security policy. The shipped builds are checked as the build patches them
// (scripts/manifest-patches.mjs): the patches may not add anything but Firefox's own settings.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { adapters } from '../../../src/sites';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface ContentScript {
  matches: string[];
  js?: string[];
  css?: string[];
}
interface Manifest {
  [key: string]: unknown;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  web_accessible_resources?: unknown;
}
type Patch = (m: Manifest, o: { target: 'chrome' | 'firefox'; dev: boolean }) => Manifest;

const source = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
const { patchManifest } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'manifest-patches.mjs')).href)) as {
  patchManifest: Patch;
};
const shipped = { chrome: patchManifest(source, { target: 'chrome', dev: false }), firefox: patchManifest(source, { target: 'firefox', dev: false }) };

/**
 * Every key the manifest may have. A new one (web_accessible_resources, externally_connectable,
 * content_security_policy, optional_permissions, sandbox...) changes what the extension may do or
 * expose: add it here only together with its line in the README's Permissions section.
 */
const KNOWN_KEYS = new Set([
  'manifest_version',
  'name',
  'short_name',
  'version',
  'description',
  'icons',
  'action',
  'options_ui',
  'background',
  'permissions',
  'host_permissions',
  'optional_host_permissions',
  'content_scripts',
]);
/** What the Firefox patch adds: the add-on id, minimum versions, the data-collection declaration. */
const FIREFOX_KEYS = new Set(['browser_specific_settings']);

interface Row {
  /** The first cell: what is asked for. */
  what: string;
  /** The backticked names in it. */
  names: string[];
  why: string;
}

/** The rows of the table in README.md's "## Permissions" section. */
function readmeRows(): Row[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /^## Permissions\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Permissions" section');
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length < 2 || /^-+$/.test(cells[0]!) || cells[0] === 'permission') continue;
    const what = cells[0]!;
    rows.push({ what, names: [...what.matchAll(/`([^`]+)`/g)].map((m) => m[1]!), why: cells.slice(1).join(' | ') });
  }
  return rows;
}

const rows = readmeRows();
const byKind = (kind: RegExp) => rows.filter((r) => kind.test(r.what)).flatMap((r) => r.names);
const README = {
  optionalHosts: byKind(/^optional host access\b/i),
  hosts: byKind(/^host access\b/i),
  permissions: rows.filter((r) => !/^(?:optional )?host access\b/i.test(r.what)).flatMap((r) => r.names),
};

/** `*://slashdot.org/*` → `slashdot.org`; anything else is not a plain host pattern. */
function hostOf(pattern: string): string | null {
  return /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1] ?? null;
}

const sorted = (a: Iterable<string>) => [...new Set(a)].sort();

describe("README's Permissions section and manifest.json", () => {
  it('the table has rows, each with a reason', () => {
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const r of rows) {
      expect(r.names.length, `"${r.what}" names nothing in backticks`).toBeGreaterThan(0);
      expect(r.why.length, `"${r.what}" says why`).toBeGreaterThan(20);
    }
  });

  it('lists exactly the API permissions the manifest asks for', () => {
    expect(sorted(README.permissions)).toEqual(sorted(source.permissions ?? []));
    expect(source.optional_permissions, 'optional API permissions need their own README line').toBeUndefined();
  });

  it('lists exactly the hosts the manifest asks for, as plain host patterns', () => {
    const hosts = source.host_permissions ?? [];
    expect(hosts.filter((p) => hostOf(p) === null), 'host permissions other than *://HOST/*').toEqual([]);
    expect(sorted(README.hosts)).toEqual(sorted(hosts.map((p) => hostOf(p)!)));
  });

  it('lists exactly the optional host patterns the manifest asks for', () => {
    expect(sorted(README.optionalHosts)).toEqual(sorted(source.optional_host_permissions ?? []));
  });

  it('runs the content script only where it has host access', () => {
    const hosts = new Set(source.host_permissions ?? []);
    const matches = (source.content_scripts ?? []).flatMap((cs) => cs.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.filter((m) => !hosts.has(m))).toEqual([]);
    // And the other way round: no host access the content script does not use.
    expect([...hosts].filter((h) => !matches.includes(h))).toEqual([]);
  });

  it('asks for host access only to sites an adapter supports by address', () => {
    const unsupported: string[] = [];
    for (const pattern of source.host_permissions ?? []) {
      const host = hostOf(pattern)!;
      const samples = host.startsWith('*.') ? [`www.${host.slice(2)}`, `a.b.${host.slice(2)}`] : [host];
      for (const h of samples) {
        for (const scheme of ['https', 'http']) {
          const url = new URL(`${scheme}://${h}/article.pl?sid=1`);
          if (!adapters.some((a) => a.matchesUrl(url))) unsupported.push(`${pattern} (${url.href})`);
        }
      }
    }
    expect(unsupported).toEqual([]);
  });

  it('keeps the default content security policy and exposes nothing to pages, in every shipped build', () => {
    for (const [name, m] of [['manifest.json', source], ['chrome', shipped.chrome], ['firefox', shipped.firefox]] as const) {
      expect(m, name).not.toHaveProperty('content_security_policy');
      expect(m, name).not.toHaveProperty('web_accessible_resources');
      expect(m, name).not.toHaveProperty('externally_connectable');
      const allowed = name === 'firefox' ? new Set([...KNOWN_KEYS, ...FIREFOX_KEYS]) : KNOWN_KEYS;
      expect(Object.keys(m).filter((k) => !allowed.has(k)), `${name}: keys the README section does not account for`).toEqual([]);
    }
  });

  it('the shipped builds ask for what manifest.json asks for, no more', () => {
    for (const m of [shipped.chrome, shipped.firefox]) {
      expect(m.permissions).toEqual(source.permissions);
      expect(m.host_permissions).toEqual(source.host_permissions);
      expect(m.optional_host_permissions).toEqual(source.optional_host_permissions);
      expect(m.content_scripts).toEqual(source.content_scripts);
    }
  });

  it('the development builds add http://127.0.0.1 only, as the README says', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const dev = patchManifest(source, { target, dev: true });
      expect(dev.permissions).toEqual(source.permissions);
      expect(dev.optional_host_permissions).toEqual(source.optional_host_permissions);
      const added = (dev.host_permissions ?? []).filter((h) => !(source.host_permissions ?? []).includes(h));
      expect(added).toEqual(['http://127.0.0.1/*']);
      for (const cs of dev.content_scripts ?? []) expect(cs.matches.filter((h) => !(source.host_permissions ?? []).includes(h))).toEqual(added);
      expect(dev).not.toHaveProperty('content_security_policy');
      if (target === 'chrome') expect(dev).not.toHaveProperty('web_accessible_resources');
      else expect(dev.web_accessible_resources).toEqual([{ resources: ['popup.html', 'popup.js', 'popup.css'], matches: ['http://127.0.0.1/*'] }]);
    }
  });
});

describe('no remote code', () => {
  it('the content script and the extension pages load only files from the package', () => {
    const files = (source.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]);
    expect(files.filter((f) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(f))).toEqual([]);
    const pages = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = readFileSync(path.join(ROOT, 'src', page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, `${page} has a script`).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs!)?.[1];
        expect(src, `${page}: an inline script`).toBeDefined();
        expect(body!.trim(), `${page}: an inline script`).toBe('');
        expect(/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src!), `${page}: script from ${src}`).toBe(false);
      }
      expect(/http-equiv\s*=\s*["']?content-security-policy/i.test(html), `${page} sets its own CSP`).toBe(false);
    }
  });
});
