// `npm run test:e2e`: the end-to-end tests in real Chromium and Firefox ESR, one file at a time
// (2-core machines: two browsers at once slow everything down and make timing flaky).
//   node test/e2e/run.mjs [file.test.mjs ...]     E2E_BROWSERS=chromium|firefox to run one browser
// Tests the builds in dist/ (`npm run build`); builds them first only when they are missing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = path.join(root, 'test', 'e2e');

const builds = ['dist/chrome', 'dist/firefox', 'dist/dev/chrome', 'dist/dev/firefox'];
if (builds.some((b) => !existsSync(path.join(root, b, 'manifest.json')))) {
  console.log('e2e: dist/ is incomplete, building first (node scripts/build.mjs --no-zip)');
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--no-zip', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const picked = process.argv.slice(2);
const files = (picked.length > 0 ? picked : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()).map((f) =>
  path.resolve(here, path.basename(f)),
);

const work = mkdtempSync(path.join(tmpdir(), 'threshold-e2e-'));
// The builds as they are now: a rebuild during the run (it empties dist/ first) must not pull
// the extension out from under the browsers.
const dist = path.join(work, 'dist');
for (const b of builds) cpSync(path.join(root, b), path.join(dist, path.relative('dist', b)), { recursive: true });
// The parse CLI's answers, shared by the test files of this run (see fixtures.mjs).
const cache = path.join(work, 'parsed');
mkdirSync(cache);

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_DIST: dist, E2E_PARSE_CACHE: cache },
});
rmSync(work, { recursive: true, force: true });
process.exit(result.status ?? 1);
