// An esbuild plugin that removes the one HTML sink in Preact: its support for
// `dangerouslySetInnerHTML`, which Threshold never uses (page text must never become markup).
// With the sink gone no code path can turn a string into HTML, and `web-ext lint` has no
// unsafe-assignment warning to report. The build fails if Preact's code changes shape, so a
// Preact upgrade cannot silently bring the sink back.
import { readFile } from 'node:fs/promises';

const PATCHES = [
  // the dangerouslySetInnerHTML branch of Preact's element diff
  ['(u.innerHTML=h.__html)', '(()=>{throw new Error("Threshold never renders HTML from strings")})()'],
  // clearing an element that had dangerouslySetInnerHTML before
  ['p&&(u.innerHTML="")', 'p&&(u.textContent="")'],
];

export const preactNoHtml = {
  name: 'preact-no-html',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, async (args) => {
      let code = await readFile(args.path, 'utf8');
      for (const [from, to] of PATCHES) {
        if (code.split(from).length !== 2) {
          throw new Error(`preact-no-html: expected exactly one "${from}" in ${args.path}; update the patch for this Preact version`);
        }
        code = code.replace(from, to);
      }
      if (code.includes('innerHTML=')) throw new Error(`preact-no-html: an innerHTML assignment is left in ${args.path}`);
      return { contents: code, loader: 'js' };
    });
  },
};
