// The discussion behind a generated page: who replied to whom, scores, moderation reasons,
// titles and times. Markup comes later (markup.ts); this is the "truth" the unit test
// compares the adapter's parse against.
//
// Shape, taken from the saved classic pages (test/fixtures/slashdot/classic-*.html):
// 11–27% of comments are top-level; thread sizes are heavy-tailed (one thread of 182 in 427);
// about half the comments get no reply; depth decays slowly (12+ levels in long threads).
// Comments arrive one by one: each is either a new top-level comment or a reply found by
// picking a random earlier comment's thread (so big threads grow faster) and walking down
// it from the top, stopping at each level with some probability.

import type { Rng } from './prng';
import { nickname, signature, slashdotDate, subject } from './text';

/** Deepest nesting generated (0 = top level). */
export const MAX_DEPTH = 12;
const TOP_LEVEL_SHARE = 0.16;
const TO_TOP = 0.25;
const TO_LATEST = 0.3;

export interface GenAuthor {
  nick: string;
  uid: number;
  homepage: string | null;
  /** "Last Journal" date shown under some names. */
  journal: string | null;
  sig: string | null;
}

export interface GenComment {
  id: string;
  parent: GenComment | null;
  depth: number;
  /** `null` = Anonymous Coward. */
  author: GenAuthor | null;
  score: number;
  reason: string | null;
  title: string;
  timestamp: string;
  /** Time of posting, ms since epoch (ids and times grow together). */
  postedAt: number;
  children: GenComment[];
}

const UP_REASONS = ['Insightful', 'Informative', 'Interesting', 'Funny', 'Underrated'];
const UP_WEIGHTS = [3, 3, 3, 2, 0.3];
const DOWN_REASONS = ['Troll', 'Flamebait', 'Offtopic', 'Redundant', 'Overrated'];
const DOWN_WEIGHTS = [3, 2, 2, 1.5, 1.5];

/** Comments in posting order (ids increasing). */
export function generateComments(rng: Rng, count: number, storyTime: number): GenComment[] {
  const authors = makeAuthors(rng, Math.max(20, Math.round(count / 3)));
  const out: GenComment[] = [];
  const threadOf: GenComment[][] = []; // by comment index: the members of its thread, in posting order
  let id = 19_700_000 + rng.int(0, 99_999) * 10;
  const span = (12 + rng.int(0, 36)) * 3_600_000; // the discussion runs 12–48 hours

  for (let i = 0; i < count; i++) {
    const thread = i === 0 || rng.chance(TOP_LEVEL_SHARE) ? null : threadOf[rng.int(0, i - 1)]!;
    const parent = thread ? pickParent(rng, thread) : null;
    const author = rng.chance(0.17) ? null : rng.pick(authors);
    const { score, reason } = moderate(rng, author, parent === null ? 0 : parent.depth + 1);
    id += rng.int(1, 40); // other discussions post in between
    // Front-loaded: most comments come in the first hours.
    const postedAt = storyTime + 120_000 + Math.round(span * (i / count) ** 2.2) + rng.int(0, 59) * 1000;
    const comment: GenComment = {
      id: String(id),
      parent,
      depth: parent ? parent.depth + 1 : 0,
      author,
      score,
      reason,
      title: parent && rng.chance(0.85) ? `Re:${parent.title.replace(/^Re:/, '')}` : subject(rng),
      timestamp: slashdotDate(postedAt),
      postedAt,
      children: [],
    };
    parent?.children.push(comment);
    const members = thread ?? [];
    members.push(comment);
    threadOf.push(members);
    out.push(comment);
  }
  return out;
}

/**
 * Whom a new reply in a thread answers: the top comment, any earlier reply (better-scored ones
 * are read, and answered, more), or the latest one (back-and-forth arguments, which make the
 * long deep chains of real threads). Never deeper than MAX_DEPTH.
 */
function pickParent(rng: Rng, members: readonly GenComment[]): GenComment {
  let node: GenComment;
  const r = rng.next();
  if (r < TO_TOP) node = members[0]!;
  else if (r < TO_TOP + TO_LATEST) node = members[members.length - 1]!;
  else {
    node = rng.pick(members);
    for (let tries = 0; tries < 3 && !rng.chance((1 + Math.max(0, node.score)) / 6); tries++) node = rng.pick(members);
  }
  return node.depth < MAX_DEPTH ? node : node.parent!;
}

/**
 * Slashdot's scoring: anonymous posts start at 0, logged-in users at 1 or 2 (karma bonus);
 * moderators then move some up (to at most 5) or down (to at least -1), with a reason.
 * Early, shallow comments are seen — and moderated up — more.
 */
function moderate(rng: Rng, author: GenAuthor | null, depth: number): { score: number; reason: string | null } {
  const base = author === null ? 0 : rng.chance(0.5) ? 1 : 2;
  const up = depth <= 1 ? 0.2 : 0.09;
  const down = author === null ? 0.14 : 0.07;
  const r = rng.next();
  if (r < up) {
    return { score: Math.min(5, base + 1 + rng.weighted([4, 3, 2, 2])), reason: UP_REASONS[rng.weighted(UP_WEIGHTS)]! };
  }
  if (r < up + down) {
    return { score: Math.max(-1, base - rng.int(1, 2)), reason: DOWN_REASONS[rng.weighted(DOWN_WEIGHTS)]! };
  }
  // A few unmoderated-looking scores still carry a reason (moderated up and back down).
  return { score: base, reason: rng.chance(0.03) ? rng.pick(UP_REASONS) : null };
}

function makeAuthors(rng: Rng, n: number): GenAuthor[] {
  const seen = new Set<string>();
  const out: GenAuthor[] = [];
  while (out.length < n) {
    const nick = nickname(rng);
    if (seen.has(nick)) continue;
    seen.add(nick);
    const uid = rng.int(1000, 1_200_000);
    out.push({
      nick,
      uid,
      homepage: rng.chance(0.15) ? `http://${nick.replace(/[^a-z0-9]/gi, '').toLowerCase()}.example.net/` : null,
      journal: rng.chance(0.1) ? slashdotDate(Date.UTC(2006, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59))) : null,
      sig: rng.chance(0.15) ? signature(rng) : null,
    });
  }
  return out;
}
