// The extension under test: dist/dev/chrome (the shipped build plus the 127.0.0.1 permission
// and content-script match), rebuilt when anything it is made from is newer. For the CPU
// profile, a copy whose content.js is bundled the same way but not minified, so that profile
// entries carry the source's function names.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

async function newestMtime(p) {
  const s = await stat(p).catch(() => null);
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const e of await readdir(p)) newest = Math.max(newest, await newestMtime(path.join(p, e)));
  return newest;
}

export async function ensureBuild(root) {
  const built = Math.min(
    await newestMtime(path.join(root, 'dist/dev/chrome/manifest.json')) || 0,
    await newestMtime(path.join(root, 'dist/meta.json')) || 0,
  );
  const sources = Math.max(
    ...(await Promise.all(['src', 'manifest.json', 'icons', 'scripts/build.mjs', 'scripts/manifest-patches.mjs']
      .map((p) => newestMtime(path.join(root, p))))),
  );
  if (built > 0 && built >= sources) return false;
  console.log('bench: building the extension (scripts/build.mjs --no-zip --quiet)…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--no-zip', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`build failed (exit ${r.status})`);
  return true;
}

/** A temporary copy of dist/dev/chrome with an unminified content.js (same bundle otherwise). */
export async function profilingCopy(root) {
  const dir = await mkdtemp(path.join(tmpdir(), 'threshold-bench-'));
  await cp(path.join(root, 'dist/dev/chrome'), dir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: { content: 'src/content/index.ts' },
    outdir: dir,
    bundle: true,
    minify: false,
    format: 'iife',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return dir;
}
