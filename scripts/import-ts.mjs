// Lets Node scripts (start, e2e, bench, CLI) use our TypeScript modules: bundles one entry
// with esbuild into node_modules/.cache/threshold/ and imports it.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @param {string} entry path relative to the repository root, e.g. 'demo/generate.ts' */
export async function importTs(entry) {
  const outfile = path.join(root, 'node_modules', '.cache', 'threshold', `${entry.replace(/[\\/]/g, '__')}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
