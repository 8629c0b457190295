// The debugging CLI (scripts/parse.mjs → scripts/parse-cli.ts), run as a separate process the
// way `npm run --silent parse -- PAGE.html [--url URL]` runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SLOW = 120_000; // bundling + jsdom, on a possibly busy machine

interface CliOutput {
  site: string;
  title: string;
  submitter: string | null;
  declaredCount: number | null;
  count: number;
  comments: { id: string; parent: string | null; author: string; score: number | null; reason: string | null; title: string; depth: number }[];
}

function runCli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'parse.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: SLOW });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'threshold-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One classic comment, in the saved pages' shape. */
function smallPage(author: string, charsetMeta: string): string {
  return `<html><head>${charsetMeta}<title>Slashdot | Small</title></head><body>
    <div class="article"><div class="generaltitle"><h3>Small</h3></div></div>
    <ul id="commentlisting"><li id="tree_7" class="comment"><div id="comment_7"><div class="title"><h4><a name="7">Caf\u00e9</a>
    <span id="comment_score_7" class="score">(Score:4, Funny)</span></h4></div>
    <div class="details">by <a href="//slashdot.org/~x">${author} (1)</a></div>
    <div class="commentBody"><div id="comment_body_7">text</div></div></div></li></ul></body></html>`;
}

describe('parse CLI', () => {
  it('prints the model of a saved page as JSON', () => {
    const r = runCli('test/fixtures/slashdot/classic-1.html');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CliOutput;
    expect(out).toMatchObject({
      site: 'slashdot',
      title: "Microsoft States GPL3 Doesn't Apply to Them",
      submitter: 'pilsner.urquell',
      declaredCount: 509,
      count: 427,
    });
    expect(out.comments).toHaveLength(427);
    expect(out.comments[0]).toEqual({
      id: '19766655',
      parent: null,
      author: 'vigmeister',
      score: 5,
      reason: 'Insightful',
      title: 'Enlighten me...',
      depth: 0,
    });
    const byId = new Map(out.comments.map((c) => [c.id, c]));
    expect(byId.get('19766693')).toMatchObject({ parent: '19766655', author: 'froggero1', score: 1, depth: 1 });
    expect(byId.get('19769539')).toMatchObject({ parent: '19767473', depth: 7 });
    // Pre-order: every parent is printed before its replies.
    const seen = new Set<string>();
    for (const c of out.comments) {
      if (c.parent !== null) expect(seen.has(c.parent)).toBe(true);
      seen.add(c.id);
    }
  }, SLOW);

  it('takes --url, and reads d2 pages', () => {
    const r = runCli('test/fixtures/slashdot/d2-1.html', '--url', 'https://linux.slashdot.org/story/08/09/25/2325232/x');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CliOutput;
    expect(out).toMatchObject({ count: 30, declaredCount: 195, submitter: 'JerkBoB' });
    expect(out.comments.find((c) => c.id === '25161283')).toMatchObject({ parent: '25160507', depth: 3, author: 'countSudoku()' });
  }, SLOW);

  it('decodes pages by their declared charset', () => {
    const latin1 = join(tmp, 'latin1.html');
    writeFileSync(latin1, Buffer.from(smallPage('Zo\u00eb', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'), 'latin1'));
    const utf8 = join(tmp, 'utf8.html');
    writeFileSync(utf8, smallPage('Zo\u00eb \u2603', '<meta charset="utf-8">'), 'utf8');
    for (const [file, author] of [[latin1, 'Zo\u00eb'], [utf8, 'Zo\u00eb \u2603']] as const) {
      const r = runCli(file, '--url', 'https://slashdot.org/story/07/07/06/1333257/x');
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as CliOutput).comments[0]).toMatchObject({ id: '7', author, title: 'Caf\u00e9', score: 4 });
    }
  }, SLOW);

  it('exits with 2 and a message on stderr for a page it does not recognize', () => {
    const front = join(tmp, 'front.html');
    writeFileSync(front, '<html><head><title>Slashdot</title></head><body><div id="articles">stories</div></body></html>');
    const r = runCli(front, '--url', 'https://slashdot.org/');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No comments found on this page');
  }, SLOW);

  it('exits with 1 on bad arguments', () => {
    expect(runCli().code).toBe(1);
    expect(runCli('test/fixtures/slashdot/d2-1.html', '--url', 'not a url').code).toBe(1);
    expect(runCli(join(tmp, 'missing.html')).stderr).toContain('cannot read');
  }, SLOW);
});
