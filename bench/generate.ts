// Generates a realistic, large Slashdot discussion page for `npm run bench`, in the markup of
// the saved classic pages (test/fixtures/slashdot/classic-*.html). Deterministic: the page
// depends only on `comments` and `seed`.
//
//   generateSlashdotPage({ comments: 5000, seed: 1 })  → the HTML text
//   generateDiscussion({ comments: 5000, seed: 1 })    → the same page plus what it contains

import { createRng } from './gen/prng';
import { generateComments, type GenComment } from './gen/thread';
import { bodyHtml, isFull, renderItems, type Discussion } from './gen/markup';
import { pageFoot, pageHead, storyAndCommentBox, type Story } from './gen/page';
import { capitalize, nickname, sentence, slashdotDate } from './gen/text';

export type { GenComment } from './gen/thread';
export { MAX_DEPTH } from './gen/thread';
export { isFull } from './gen/markup';

export interface GenerateOptions {
  comments: number;
  seed: number;
  /**
   * Makes the first `chain` comments one line of replies, each to the one before (depth
   * chain − 1), for the extreme-thread tests. Absent: the page as measured by the bench.
   */
  chain?: number;
}

export interface GeneratedPage {
  html: string;
  story: Story;
  discussion: Discussion;
  /** Every comment, in posting order (ids increasing). */
  comments: GenComment[];
  /** Top-level comments in page order. */
  roots: GenComment[];
  /** Ids of the comments printed whole (with a body); the others are one-liners. */
  full: ReadonlySet<string>;
  /** Comments at or above each score -1..5, as the page's "Threshold:" menu lists them. */
  byScore: number[];
}

const STORY_TITLES = [
  "Microsoft States GPL3 Doesn't Apply to Them",
  'KDE 4 to Be Released on January 11th',
  'Damn Small Linux Not So Small',
  'Kernel Developers Debate New Scheduler',
  'FSF Positioning To Sue Microsoft Over GPLv3?',
];
const EDITORS = ['Zonk', 'CmdrTaco', 'kdawson', 'ScuttleMonkey', 'timothy', 'Hemos'];

export function generateSlashdotPage(options: GenerateOptions): string {
  return generateDiscussion(options).html;
}

export function generateDiscussion({ comments: count, seed, chain = 0 }: GenerateOptions): GeneratedPage {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`comments must be a positive integer, got ${count}`);
  const rng = createRng(seed);

  const storyTime = Date.UTC(2007, rng.int(0, 11), rng.int(1, 28), rng.int(6, 20), rng.int(0, 59));
  const st = new Date(storyTime);
  const yy = String(st.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(st.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(st.getUTCDate()).padStart(2, '0');
  const story: Story = {
    title: rng.pick(STORY_TITLES),
    storySid: `${yy}/${mm}/${dd}/${rng.int(1000000, 2359999)}`,
    submitter: nickname(rng).replace(/ /g, '_'),
    intro: [sentence(rng), sentence(rng), sentence(rng)].join(' '),
    postedBy: rng.pick(EDITORS),
    posted: slashdotDate(storyTime),
    dept: `${rng.pick(['they-is', 'not-so', 'here-we', 'about'])}-${rng.pick(['special', 'fast', 'go-again', 'time'])}`,
  };
  const discussion: Discussion = { host: 'linux.slashdot.org', sid: String(rng.int(200000, 399999)) };

  const comments = generateComments(rng, count, storyTime);
  if (chain > 1) relinkChain(comments, Math.min(chain, count));
  // Bodies in posting order (the PRNG sequence must not depend on page order). Replies quote
  // their parent's opening sentence now and then, as Slashdot readers do.
  const lead = new Map<string, string>();
  const bodies = new Map<string, string>();
  for (const c of comments) {
    const opening = capitalize(sentence(rng));
    lead.set(c.id, opening);
    if (!isFull(c)) continue;
    const quote = c.parent && rng.chance(0.25) ? lead.get(c.parent.id)! : null;
    bodies.set(c.id, `${opening} ${bodyHtml(rng, quote)}`);
  }

  const byScore = [-1, 0, 1, 2, 3, 4, 5].map((s) => comments.filter((c) => c.score >= s).length);
  const roots = comments.filter((c) => c.parent === null);
  const out: string[] = [pageHead(story), storyAndCommentBox(story, discussion, byScore, count)];
  renderItems(roots, bodies, discussion, out);
  out.push(pageFoot(discussion));

  return { html: out.join(''), story, discussion, comments, roots, full: new Set(bodies.keys()), byScore };
}

/** Makes comments[0..n) a chain of replies and recomputes every comment's depth and children. */
function relinkChain(comments: GenComment[], n: number): void {
  for (let i = 0; i < n; i++) {
    const c = comments[i]!;
    c.parent = i === 0 ? null : comments[i - 1]!;
    c.title = i === 0 ? c.title : `Re:${comments[0]!.title.replace(/^Re:/, '')}`;
  }
  // Posting order puts every parent before its replies: one pass fixes children and depths.
  for (const c of comments) c.children = [];
  for (const c of comments) {
    c.depth = c.parent ? c.parent.depth + 1 : 0;
    c.parent?.children.push(c);
  }
}
