// @vitest-environment jsdom
// What the find box searches: what the reader can see by scrolling the overlay, in document
// order, case-insensitive with whitespace collapsed, read from the model once per discussion.
import { describe, expect, it } from 'vitest';
import { fold, foldMapped, foldQuery } from '../../../src/find/fold';
import { firstAtOrAfter, matchesIn, search, type Matches } from '../../../src/find/search';
import { AUTHOR, TEXT, TITLE } from '../../../src/find/texts';
import { countTextReads, setUpPage, SPECS, storeFor, T } from './page';

const FIELD = { [TITLE]: 'title', [AUTHOR]: 'author', [TEXT]: 'text' } as Record<number, string>;

/** Each match as "comment field offset". */
function listed(m: Matches): string[] {
  const out: string[] = [];
  for (let k = 0; k < m.count; k++) out.push(`${m.discussion.all[m.comment[k]!]!.id} ${FIELD[m.field[k]!]} ${m.start[k]}`);
  return out;
}

describe('fold', () => {
  it('lower-cases and collapses whitespace runs to one space, keeping offsets mappable', () => {
    expect(fold('Rust  is\n\t HERE ')).toBe('rust is here ');
    const { folded, map } = foldMapped('a  B\n c');
    expect(folded).toBe('a b c');
    expect([...map]).toEqual([0, 1, 3, 4, 6]);
    // A character that lower-cases to two stays, so the folded text keeps its length.
    expect(fold('İx').length).toBe(2);
    expect(foldMapped('İ  X').folded).toBe(fold('İ  X'));
  });

  it('treats a query of spaces as nothing to find', () => {
    expect(foldQuery('   ')).toBe('');
    expect(foldQuery(' Rust  Kernel')).toBe(' rust kernel');
  });
});

describe('search', () => {
  it('searches title, author and text of comments shown whole, title and author of one-liners and collapsed ones, nothing hidden; in document order', () => {
    const d = setUpPage();
    const store = storeFor(d);
    expect(['1', '2', '3', '4', '5', '6'].map((id) => store.state(id))).toEqual(['full', 'abbreviated', 'hidden', 'collapsed', 'hidden', 'full']);
    const m = search(store, foldQuery('rust'));
    expect(listed(m)).toEqual([
      '1 title 0',
      '1 text 0',
      '1 text 14',
      '1 text 31',
      '2 title 4',
      '4 title 1', // "Trust"
      '6 author 0',
    ]);
  });

  it('ignores case and collapses whitespace in the query and the text alike', () => {
    const store = storeFor(setUpPage());
    expect(listed(search(store, foldQuery('HERE. rust')))).toEqual(['1 text 8']);
    expect(listed(search(store, foldQuery('rust   EVERYWHERE')))).toEqual(['1 text 14']);
    expect(search(store, foldQuery('no such words')).count).toBe(0);
    expect(search(store, foldQuery('')).count).toBe(0);
  });

  it('counts occurrences without overlap, as the browser does', () => {
    const store = storeFor(setUpPage([{ id: '1', score: 5, title: 'aaaa', author: 'x', body: 'aaa' }]));
    expect(listed(search(store, 'aa'))).toEqual(['1 title 0', '1 title 2', '1 text 0']);
  });

  it('follows the states: a threshold change or a collapse changes what is searched, without reading the page again', () => {
    const d = setUpPage();
    const reads = d.all.map((c) => countTextReads(c.body!));
    const store = storeFor(d);
    expect(search(store, 'rust').count).toBe(7);
    // The texts of the comments shown whole (1, 6) read once; typing on reads nothing more.
    expect(reads.map((r) => r.reads)).toEqual([1, 0, 0, 0, 0, 1]);
    expect(search(store, 'rust ').count).toBe(5);
    expect(search(store, 'ru').count).toBe(7);
    expect(reads.map((r) => r.reads)).toEqual([1, 0, 0, 0, 0, 1]);

    // Everything shown whole (2 and 3 now full; 4 stays collapsed, hiding 5).
    store.setThresholds({ ...T, full: 0, abbreviated: 0 });
    expect(listed(search(store, 'rust'))).toEqual([
      '1 title 0',
      '1 text 0',
      '1 text 14',
      '1 text 31',
      '2 title 4',
      '2 text 7',
      '3 title 0',
      '3 author 0',
      '3 text 0',
      '4 title 1',
      '6 author 0',
    ]);
    // Opening the collapsed one shows its text and its reply.
    store.toggleCollapsed('4');
    expect(search(store, 'rust').count).toBe(11 + 1 + 2);
    // Each text read once, when first searched; never again.
    search(store, 'rust');
    expect(reads.map((r) => r.reads)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('finds the first match at or after a place, and the matches of one comment', () => {
    const store = storeFor(setUpPage());
    const m = search(store, 'rust');
    const at = (id: string) => store.discussion.all.findIndex((c) => c.id === id);
    expect(firstAtOrAfter(m, [at('1'), TEXT, 1])).toBe(2);
    expect(firstAtOrAfter(m, [at('3'), 0, 0])).toBe(5); // 3 is hidden: the next is 4's title
    expect(firstAtOrAfter(m, [at('6'), TEXT, 0])).toBe(m.count);
    expect(matchesIn(m, at('1'))).toEqual([0, 4]);
    expect(matchesIn(m, at('3'))).toEqual([5, 5]);
    expect(matchesIn(m, at('6'))).toEqual([6, 7]);
  });

  it('keeps the cache per discussion: a new discussion (the thread grew) is read anew', () => {
    const d1 = setUpPage(SPECS.slice(0, 1));
    expect(search(storeFor(d1), 'kernel').count).toBe(1);
    const d2 = setUpPage([{ ...SPECS[0]!, title: 'Rust in the compiler' }]);
    expect(search(storeFor(d2), 'kernel').count).toBe(0);
    expect(search(storeFor(d2), 'compiler').count).toBe(1);
  });
});
