import { describe, expect, it } from 'vitest';
import { buildTree, preorder } from '../../../src/model/build-tree';
import type { Discussion, RawComment } from '../../../src/model/types';
import { page, raw, rawsFromSpec } from './helpers';

/** Each comment as "id<parent@depth", in the tree's document order. */
const shape = (d: Discussion): string[] => d.all.map((c) => `${c.id}<${c.parent ?? '-'}@${c.depth}`);

/** Raw comments from [id, parent] pairs (parent-based sites). */
const byParent = (pairs: Array<[string, string | null]>): RawComment[] => pairs.map(([id, parent]) => raw(id, { parent }));

/** Raw comments from [id, depth] pairs with no parent (indentation sites such as Hacker News). */
const byDepth = (pairs: Array<[string, number]>): RawComment[] =>
  pairs.map(([id, depth]) => {
    const r = raw(id, { depth });
    delete r.parent;
    return r;
  });

describe('buildTree', () => {
  it.each<[string, RawComment[], string[]]>([
    ['empty page', [], []],
    ['parent-based nesting', byParent([['a', null], ['b', 'a'], ['c', 'b'], ['d', 'a'], ['e', null]]),
      ['a<-@0', 'b<a@1', 'c<b@2', 'd<a@1', 'e<-@0']],
    ['depth-based nesting (HN style)', byDepth([['a', 0], ['b', 1], ['c', 2], ['d', 1], ['e', 0], ['f', 1]]),
      ['a<-@0', 'b<a@1', 'c<b@2', 'd<a@1', 'e<-@0', 'f<e@1']],
    ['a depth jump attaches to the deepest open comment', byDepth([['a', 0], ['b', 3], ['c', 1]]),
      ['a<-@0', 'b<a@1', 'c<a@1']],
    ['a first comment with depth > 0 is top level', byDepth([['a', 2], ['b', 0]]), ['a<-@0', 'b<-@0']],
    ['a negative depth is top level', byDepth([['a', 0], ['b', -3]]), ['a<-@0', 'b<-@0']],
    ['a missing parent makes the comment top level', byParent([['a', null], ['b', 'gone'], ['c', 'b']]),
      ['a<-@0', 'b<-@0', 'c<b@1']],
    ['a parent listed after its child is unknown then: top level', byParent([['b', 'a'], ['a', null]]),
      ['b<-@0', 'a<-@0']],
    ['duplicate ids keep the first and drop the rest', byParent([['a', null], ['b', 'a'], ['a', 'b'], ['c', 'a']]),
      ['a<-@0', 'b<a@1', 'c<a@1']],
    ['a self-parent is top level', byParent([['a', 'a']]), ['a<-@0']],
    ['an explicit parent wins over a depth', [raw('a', { parent: null }), raw('b', { parent: null, depth: 1 })],
      ['a<-@0', 'b<-@0']],
    ['depth-only after parent-based comments uses the open ancestors',
      [raw('a', { parent: null }), raw('b', { parent: 'a' }), (() => { const r = raw('c', { depth: 2 }); delete r.parent; return r; })()],
      ['a<-@0', 'b<a@1', 'c<b@2']],
  ])('%s', (_n, comments, expected) => {
    expect(shape(buildTree(page(comments)))).toEqual(expected);
  });

  it('links children, byId and roots consistently', () => {
    const d = buildTree(page(rawsFromSpec([['a', 1, [['b', 2], ['c', 3, [['d', 4]]]]], ['e', 5]])));
    expect(d.roots.map((c) => c.id)).toEqual(['a', 'e']);
    expect(d.byId.get('a')!.children.map((c) => c.id)).toEqual(['b', 'c']);
    expect(d.byId.get('c')!.children[0]).toBe(d.byId.get('d'));
    expect(d.byId.size).toBe(5);
    expect(d.all.map((c) => c.score)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps page fields and drops the raw list', () => {
    const d = buildTree(page([raw('a')], { title: 'T', submitter: 'taco', declaredCount: 9, threadKey: 'k' }));
    expect(d).toMatchObject({ title: 'T', submitter: 'taco', declaredCount: 9, threadKey: 'k', site: 'test' });
    expect('comments' in d).toBe(false);
  });

  it('document order is kept when children come later in the list', () => {
    // a, b (top), then a reply to a listed after b: preorder puts it under a, before b.
    const d = buildTree(page(byParent([['a', null], ['b', null], ['c', 'a']])));
    expect(shape(d)).toEqual(['a<-@0', 'c<a@1', 'b<-@0']);
  });

  it.each([
    ['parent-based', (n: number) => byParent(Array.from({ length: n }, (_, i): [string, string | null] => ['c' + i, i === 0 ? null : 'c' + (i - 1)]))],
    ['depth-based', (n: number) => byDepth(Array.from({ length: n }, (_, i): [string, number] => ['c' + i, i]))],
  ])('a 5,000-deep %s chain', (_n, make) => {
    const n = 5000;
    const d = buildTree(page(make(n)));
    expect(d.all).toHaveLength(n);
    expect(d.roots).toHaveLength(1);
    expect(d.byId.get('c' + (n - 1))!.depth).toBe(n - 1);
    expect(d.byId.get('c' + (n - 1))!.parent).toBe('c' + (n - 2));
    expect(preorder(d.roots).map((c) => c.id)).toEqual(d.all.map((c) => c.id));
  });
});

describe('preorder', () => {
  it.each<[string, Array<[string, string | null]>, string[]]>([
    ['empty', [], []],
    ['siblings in order', [['a', null], ['b', null], ['c', null]], ['a', 'b', 'c']],
    ['depth first', [['a', null], ['b', null], ['a1', 'a'], ['a1x', 'a1'], ['b1', 'b'], ['a2', 'a']], ['a', 'a1', 'a1x', 'a2', 'b', 'b1']],
  ])('%s', (_n, pairs, expected) => {
    const d = buildTree(page(byParent(pairs)));
    expect(preorder(d.roots).map((c) => c.id)).toEqual(expected);
  });
});
