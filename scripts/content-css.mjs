// The content stylesheet of one browser's build: overlay.css, then that browser's additions
// (the way manifest-patches.mjs does it for the manifest), rather than engine sniffing in CSS.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const ADDITIONS = { chrome: [], firefox: ['src/overlay/overlay.firefox.css'] };

/** @param {string} root the repository @param {'chrome' | 'firefox'} target */
export async function contentCss(root, target) {
  const parts = [await readFile(path.join(root, 'src/overlay/overlay.css'), 'utf8')];
  for (const file of ADDITIONS[target]) parts.push(await readFile(path.join(root, file), 'utf8'));
  return parts.join('\n');
}
