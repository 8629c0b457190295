// The demo discussion: the seed story and its three real comments, grown to a full-size
// thread with generated replies, written in the mirror format (src/sites/mirror.ts reads it).
// Deterministic: the same seed gives the same page, byte for byte (no clock, no Math.random).

import {
  AUTHORS,
  LINKS,
  ONE_LINERS,
  REASONS_DOWN,
  REASONS_UP,
  REPLY_OPENERS,
  SENTENCE_OPENERS,
  SENTENCES,
  TOP_TITLES,
  linkSentence,
  varySentence,
  type DemoAuthor,
} from './demo-text';
import { renderMirrorPage, type Block, type Inline, type MirrorComment } from './mirror-html';
import { mulberry32, type Rng } from './prng';
import { SEED_COMMENTS, SEED_STORY, SEED_TOTAL } from './seed-data';

export interface DemoOptions {
  seed: number;
  /** Comments on the page, the seed's three included. Default 300. */
  comments?: number;
}

export const DEFAULT_DEMO_COMMENTS = 300;

/** Deepest level generated (0 = top level): about eight levels, like a lively Slashdot thread. */
const MAX_DEPTH = 7;
const AC = 'Anonymous Coward';
/** Generated comments start after the story was posted (the seed story ran on 2014-08-30). */
const START = Date.UTC(2014, 7, 30, 17, 20);

export function generateDemo(options: DemoOptions): string {
  const count = Math.max(0, Math.floor(options.comments ?? DEFAULT_DEMO_COMMENTS));
  const rng = mulberry32(options.seed);
  const comments: MirrorComment[] = SEED_COMMENTS.slice(0, count).map((c) => ({ ...c }));
  const depth = new Map<string, number>();
  const text = new Map<string, string[]>(); // plain sentences of each comment, for quoting
  for (const c of comments) {
    depth.set(c.id, c.parent === null ? 0 : (depth.get(c.parent) ?? 0) + 1);
    text.set(c.id, c.blocks.flatMap((b) => sentencesOf(b.parts)));
  }

  let time = START;
  const usedTitles = new Set<string>();
  for (let n = comments.length + 1; comments.length < count; n++) {
    time += rng.int(1, 9) * 60_000 + rng.int(0, 59) * 1000;
    const parent = chooseParent(rng, comments, depth);
    let author = chooseAuthor(rng);
    // People rarely answer themselves: pick again once if that happened.
    if (author && parent && parent.author === author.name) author = chooseAuthor(rng);
    const { score, reason } = chooseScore(rng, author === null);
    const id = String(n);
    const blocks = writeBody(rng, parent ? (text.get(parent.id) ?? []) : []);
    const comment: MirrorComment = {
      id,
      parent: parent ? parent.id : null,
      title: chooseTitle(rng, parent, usedTitles),
      author: author ? author.name : AC,
      authorUrl: author ? `https://slashdot.org/~${encodeURIComponent(author.name)}` : null,
      date: { text: slashdotDate(time), iso: new Date(time).toISOString() },
      score,
      reason,
      blocks,
      signature: author?.signature && rng.chance(0.85) ? author.signature : null,
    };
    comments.push(comment);
    depth.set(id, parent ? (depth.get(parent.id) ?? 0) + 1 : 0);
    text.set(id, blocks.flatMap((b) => sentencesOf(b.parts)));
  }

  return renderMirrorPage(
    { story: SEED_STORY, comments: inPageOrder(comments), total: Math.max(SEED_TOTAL, comments.length) },
    `Threshold demo page (seed ${options.seed}, ${comments.length} comments): the story and first three comments are the seed page's; ` +
      'the rest are generated, and their authors are invented.',
  );
}

function chooseParent(rng: Rng, comments: readonly MirrorComment[], depth: ReadonlyMap<string, number>): MirrorComment | null {
  if (comments.length === 0 || rng.chance(0.13)) return null;
  for (let attempt = 0; attempt < 6; attempt++) {
    // Discussion clusters: most replies go to something recent.
    const recent = rng.chance(0.6);
    const from = recent ? Math.max(0, comments.length - 30) : 0;
    const candidate = comments[rng.int(from, comments.length - 1)]!;
    if ((depth.get(candidate.id) ?? 0) >= MAX_DEPTH) continue;
    // Well-moderated comments draw more replies.
    const pull = ((candidate.score ?? 1) + 2) / 7;
    if (rng.chance(Math.max(0.15, pull))) return candidate;
  }
  return null;
}

function chooseAuthor(rng: Rng): DemoAuthor | null {
  if (rng.chance(0.22)) return null; // Anonymous Coward
  return rng.weighted(AUTHORS.map((a) => [a, a.weight] as const));
}

/** A Slashdot-like mix: mostly 1s and 2s, fewer 4s and 5s, Anonymous Cowards starting at 0. */
function chooseScore(rng: Rng, anonymous: boolean): { score: number; reason: string | null } {
  const score = anonymous
    ? rng.weighted([[-1, 14], [0, 48], [1, 18], [2, 9], [3, 6], [4, 3], [5, 2]] as const)
    : rng.weighted([[-1, 3], [0, 5], [1, 32], [2, 29], [3, 15], [4, 9], [5, 7]] as const);
  let reason: string | null = null;
  if (score >= 3) reason = rng.chance(0.9) ? rng.weighted(REASONS_UP) : null;
  else if (score === 2) reason = rng.chance(0.35) ? rng.weighted(REASONS_UP) : null;
  else if (score === 1) reason = rng.chance(0.08) ? rng.weighted(REASONS_UP) : null;
  else reason = rng.chance(0.6) ? rng.weighted(REASONS_DOWN) : null;
  return { score, reason };
}

function chooseTitle(rng: Rng, parent: MirrorComment | null, used: Set<string>): string {
  if (parent && !rng.chance(0.12)) {
    // Slashdot's default reply subject: "Re:" once, however deep.
    return parent.title.startsWith('Re:') ? parent.title : `Re:${parent.title}`;
  }
  const fresh = TOP_TITLES.filter((t) => !used.has(t));
  const title = rng.pick(fresh.length > 0 ? fresh : TOP_TITLES);
  used.add(title);
  return title;
}

function writeBody(rng: Rng, parentSentences: readonly string[]): Block[] {
  if (rng.chance(0.1)) return [{ kind: 'p', parts: [rng.pick(ONE_LINERS)] }];
  const blocks: Block[] = [];
  const used = new Set<string>(); // no sentence twice in one comment, quoted or not
  if (parentSentences.length > 0 && rng.chance(0.35)) {
    const quote = rng.pick(parentSentences);
    used.add(quote);
    blocks.push({ kind: 'quote', parts: [quote] });
  }
  const paragraphs = rng.weighted([[1, 45], [2, 40], [3, 15]] as const);
  for (let p = 0; p < paragraphs; p++) {
    const parts: Inline[] = [];
    if (p === 0 && parentSentences.length > 0 && rng.chance(0.4)) parts.push(`${rng.pick(REPLY_OPENERS)} `);
    const sentences = rng.int(1, 3);
    let written = 0;
    for (let s = 0; s < sentences; s++) {
      const sentence = rng.pick(SENTENCES);
      if (used.has(sentence)) continue;
      used.add(sentence);
      const text = varySentence(sentence, rng.chance(0.2) ? rng.pick(SENTENCE_OPENERS) : null);
      parts.push(`${written > 0 ? ' ' : ''}${text}`);
      written++;
    }
    if (written === 0) parts.push(rng.pick(ONE_LINERS));
    if (rng.chance(0.1)) parts.push(...linkSentence(rng.pick(LINKS), rng.int(0, 2)));
    blocks.push({ kind: 'p', parts });
  }
  return blocks;
}

function sentencesOf(parts: readonly Inline[]): string[] {
  const plain = parts.map((p) => (typeof p === 'string' ? p : 'em' in p ? p.em : p.text)).join('');
  return plain.split(/(?<=[.?!])\s+/).filter((s) => s.length > 20 && s.length < 200);
}

/** Replies follow their parent in the page, siblings oldest first; the generated ids are chronological. */
function inPageOrder(comments: readonly MirrorComment[]): MirrorComment[] {
  const kids = new Map<string | null, MirrorComment[]>();
  for (const c of comments) {
    const list = kids.get(c.parent);
    if (list) list.push(c);
    else kids.set(c.parent, [c]);
  }
  const out: MirrorComment[] = [];
  const todo = [...(kids.get(null) ?? [])].reverse();
  while (todo.length > 0) {
    const c = todo.pop()!;
    out.push(c);
    const children = kids.get(c.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]!);
  }
  return out;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Slashdot's own date style, "Saturday August 30, 2014 @05:12PM", in UTC so it never depends on the machine. */
export function slashdotDate(ms: number): string {
  const d = new Date(ms);
  const h = d.getUTCHours();
  const hour12 = String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0');
  const minutes = String(d.getUTCMinutes()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} @${hour12}:${minutes}${h < 12 ? 'AM' : 'PM'}`;
}
