// @vitest-environment jsdom
// applyState writes only what differs and skips reading the header's tail when the change
// cannot touch it: whatever states a comment went through, its header must end up exactly as
// a fresh comment's in the last one.
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../../src/model/build-tree';
import { applyState, createComment } from '../../../src/overlay/comment-element';
import { subtreeSize } from '../../../src/model/render-items';
import { page, raw } from '../model/helpers';
import { createRng } from '../../hostile/rng';

// A row shows a comment in one of these (a hidden comment has no row).
const STATES = ['full', 'abbreviated', 'collapsed'] as const;
type Shown = (typeof STATES)[number];

function comments() {
  document.body.innerHTML = '<div id="listing"><div id="b1">text</div><div id="b2">text</div></div>';
  const body = (id: string) => document.getElementById(id)!;
  // With and without text in the page, with and without replies.
  const d = buildTree(
    page(
      [
        raw('bodyReplies', { body: body('b1'), permalink: 'https://slashdot.org/c/1' }),
        raw('r1', { parent: 'bodyReplies' }),
        raw('noBodyReplies', { permalink: 'https://slashdot.org/c/2' }),
        raw('r2', { parent: 'noBodyReplies' }),
        raw('r3', { parent: 'r2' }),
        raw('bodyLeaf', { body: body('b2') }),
        raw('noBodyLeaf', { permalink: 'https://slashdot.org/c/3' }),
      ],
      { container: document.getElementById('listing')! },
    ),
  );
  return d.all.filter((c) => !c.id.startsWith('r'));
}

/** What a reader gets from the article: state, hidden, and the header's markup. */
const seen = (art: HTMLElement) => [art.getAttribute('data-state'), art.hidden, art.firstElementChild!.outerHTML];

describe('applyState', () => {
  it('leaves every header as a fresh one in the final state, over 4,000 random state sequences', () => {
    const rng = createRng(20261125);
    let checked = 0;
    for (const c of comments()) {
      for (let run = 0; run < 1000; run++) {
        const art = createComment(document, c, null);
        const steps = 1 + Math.floor(rng.next() * 6);
        let last: Shown = 'full';
        for (let i = 0; i < steps; i++) applyState(art, c, (last = STATES[Math.floor(rng.next() * STATES.length)]!), subtreeSize(c));
        const fresh = createComment(document, c, null);
        applyState(fresh, c, last, subtreeSize(c));
        expect(seen(art), `${c.id}: ${last} after ${steps} steps`).toEqual(seen(fresh));
        checked++;
      }
    }
    expect(checked).toBe(4000);
  });

  it('shows the reply count only when collapsed, and the link to the site only for a full comment without text', () => {
    const [bodyReplies, noBodyReplies] = comments();
    const a = createComment(document, noBodyReplies!, null);
    applyState(a, noBodyReplies!, 'full', subtreeSize(noBodyReplies!));
    expect(a.querySelector('.thr-elsewhere')?.textContent).toBe('read on the site');
    applyState(a, noBodyReplies!, 'collapsed', subtreeSize(noBodyReplies!));
    expect([a.querySelector('.thr-elsewhere'), a.querySelector('.thr-replies')?.textContent]).toEqual([null, '(2 replies)']);
    applyState(a, noBodyReplies!, 'abbreviated', subtreeSize(noBodyReplies!));
    expect([a.querySelector('.thr-elsewhere'), a.querySelector('.thr-replies')]).toEqual([null, null]);
    const b = createComment(document, bodyReplies!, null);
    applyState(b, bodyReplies!, 'full', subtreeSize(bodyReplies!));
    expect(b.querySelector('.thr-elsewhere')).toBe(null);
  });
});
