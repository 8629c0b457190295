// Builds the extension for both browsers from one source:
//   dist/chrome, dist/firefox              the shipped builds (+ store zips in dist/)
//   dist/dev/chrome, dist/dev/firefox      the same code, also allowed on http://127.0.0.1 (demo, local
//                                          fixtures) and, for Firefox, with the popup web-accessible so
//                                          tests can open it in a tab (WebDriver BiDi cannot open it otherwise)
// Usage: node scripts/build.mjs [--no-zip] [--quiet]
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { patchManifest } from './manifest-patches.mjs';
import { preactNoHtml } from './preact-no-html.mjs';
import { contentCss } from './content-css.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const args = new Set(process.argv.slice(2));
const log = args.has('--quiet') ? () => {} : (...a) => console.log(...a);

const entries = {
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  // The find box (Ctrl+F over the overlay): added to a page by the background only when asked.
  find: 'src/find/index.ts',
};
const statics = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['icons/icon-16.png', 'icons/icon-16.png'],
  ['icons/icon-32.png', 'icons/icon-32.png'],
  ['icons/icon-48.png', 'icons/icon-48.png'],
  ['icons/icon-128.png', 'icons/icon-128.png'],
];

await rm(dist, { recursive: true, force: true });
const staging = path.join(dist, '.bundle');

// One bundle serves both browsers: webextension-polyfill bridges chrome.* and browser.*.
const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir: staging,
  bundle: true,
  minify: true,
  format: 'iife', // content scripts and classic workers cannot be ES modules everywhere
  target: ['chrome120', 'firefox128'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [preactNoHtml],
});

const manifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
if (manifest.version !== pkg.version) {
  throw new Error(`manifest.json version ${manifest.version} differs from package.json ${pkg.version}`);
}

for (const dev of [false, true]) {
  for (const target of ['chrome', 'firefox']) {
    const out = path.join(dist, dev ? 'dev' : '', target);
    await mkdir(path.join(out, 'icons'), { recursive: true });
    for (const name of Object.keys(entries)) {
      await cp(path.join(staging, `${name}.js`), path.join(out, `${name}.js`));
    }
    for (const [from, to] of statics) await cp(path.join(root, from), path.join(out, to));
    await writeFile(path.join(out, 'content.css'), await contentCss(root, target));
    const patched = patchManifest(manifest, { target, dev });
    await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(patched, null, 2)}\n`);
  }
}

// The content script runs on every matching page: its size is watched (see README, Performance).
const contentJs = await readFile(path.join(staging, 'content.js'));
const sizes = {
  contentMinBytes: contentJs.length,
  contentGzipBytes: gzipSync(contentJs, { level: 9 }).length,
};
await writeFile(path.join(dist, 'meta.json'), JSON.stringify({ sizes, metafile: result.metafile }, null, 1));
await rm(staging, { recursive: true, force: true });
log(`content.js: ${(sizes.contentMinBytes / 1024).toFixed(1)} KiB minified, ${(sizes.contentGzipBytes / 1024).toFixed(1)} KiB gzip`);

if (!args.has('--no-zip')) {
  const run = promisify(execFile);
  const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');
  for (const target of ['chrome', 'firefox']) {
    const filename = `threshold-${target}-${manifest.version}.zip`;
    await run(webExt, ['build', '--source-dir', path.join(dist, target), '--artifacts-dir', dist,
      '--filename', filename, '--overwrite-dest'], { cwd: root });
    log(`dist/${filename}`);
  }
}
log('built dist/chrome, dist/firefox (shipped) and dist/dev/* (adds http://127.0.0.1 for the demo and tests)');
