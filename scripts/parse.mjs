// `npm run --silent parse -- PAGE.html [--url URL]`: bundles scripts/parse-cli.ts with esbuild
// (jsdom stays external and is resolved from node_modules) and runs it in this process.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = join(root, 'node_modules', '.cache', 'threshold');
const outfile = join(cacheDir, 'parse-cli.mjs');

const result = await build({
  entryPoints: [join(root, 'scripts', 'parse-cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['jsdom'],
  write: false,
  logLevel: 'warning',
});

// Written under a private name then renamed, so two runs at once never read a half-written file.
mkdirSync(cacheDir, { recursive: true });
const tmp = `${outfile}.${process.pid}.tmp`;
writeFileSync(tmp, result.outputFiles[0].contents);
renameSync(tmp, outfile);

await import(pathToFileURL(outfile).href);
