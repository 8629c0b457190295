import { describe, expect, it, vi } from 'vitest';
import { compileHighlight, highlightReasons, type HighlightRules, keywordRanges } from '../../../src/model/highlight';
import type { Comment, HighlightReason } from '../../../src/model/types';
import { buildTree } from '../../../src/model/build-tree';
import { page, raw } from './helpers';

const rules = (r: Partial<HighlightRules>): HighlightRules => ({
  users: [],
  keywords: [],
  submitter: null,
  highlightSubmitter: false,
  ...r,
});

function comment(author: string, title = 'Re: story'): Comment {
  return buildTree(page([raw('x', { author, title })])).all[0]!;
}

describe('highlightReasons: users and submitter', () => {
  it.each<[string, Partial<HighlightRules>, string, HighlightReason[]]>([
    ['no rules', {}, 'alice', []],
    ['exact user', { users: ['alice'] }, 'alice', ['user']],
    ['user, mixed case', { users: ['ALiCe'] }, 'aLIce', ['user']],
    ['user entry with spaces around', { users: ['  alice  '] }, 'alice', ['user']],
    ['author with spaces around', { users: ['alice'] }, ' alice ', ['user']],
    ['user is not a substring match', { users: ['ali'] }, 'alice', []],
    ['empty user entries are ignored', { users: ['', '   '] }, '', []],
    ['the Anonymous Coward matches only when listed', { users: ['alice'] }, 'Anonymous Coward', []],
    ['the Anonymous Coward when listed', { users: ['anonymous coward'] }, 'Anonymous Coward', ['user']],
    ['submitter when enabled', { submitter: 'Taco', highlightSubmitter: true }, 'taco', ['submitter']],
    ['submitter when disabled', { submitter: 'Taco', highlightSubmitter: false }, 'Taco', []],
    ['submitter unknown', { submitter: null, highlightSubmitter: true }, 'Taco', []],
    ['empty submitter never matches an empty author', { submitter: '  ', highlightSubmitter: true }, '', []],
    ['user and submitter both', { users: ['taco'], submitter: 'Taco', highlightSubmitter: true }, 'Taco', ['user', 'submitter']],
  ])('%s', (_n, r, author, expected) => {
    expect(highlightReasons(compileHighlight(rules(r)), comment(author), () => '')).toEqual(expected);
  });
});

describe('highlightReasons: keywords', () => {
  it.each<[string, string[], string, string, boolean]>([
    // [name, keywords, title, text, matches]
    ['word in the text', ['rust'], 'Re: story', 'I like Rust a lot', true],
    ['word in the title', ['rust'], 'Rust is nice', '', true],
    ['mixed case', ['RuSt'], '', 'rUsT', true],
    ['whole words only', ['rust'], '', 'trusted rusty crust', false],
    ['C++ matches before punctuation', ['C++'], '', 'I write C++, daily', true],
    ['C++ matches at the end', ['c++'], '', 'I write C++', true],
    ['C++ does not match inside ABC++', ['C++'], '', 'ABC++ is not it', false],
    ['C++ ends in punctuation, so C++11 still matches', ['C++'], '', 'C++11 is out', true],
    ['C++ is not C', ['C++'], '', 'I write C daily', false],
    ['node.js: the dot is literal', ['node.js'], '', 'nodexjs', false],
    ['node.js matches', ['node.js'], '', 'Running Node.js here', true],
    ['.NET at a word start', ['.net'], '', 'I use .NET a lot', true],
    ['phrase', ['open source'], '', 'Open  Source\nsoftware', true],
    ['phrase needs its words together', ['open source'], '', 'open the source', false],
    ['regex specials are literal', ['a(b)*[c]?{1}|$^'], '', 'x a(b)*[c]?{1}|$^ y', true],
    ['slash and backslash', ['a/b\\c'], '', 'see a/b\\c here', true],
    ['punctuation only matches literally, even after a word', ['?!'], '', 'what?! no', true],
    ['punctuation only does not match other punctuation', ['?!'], '', 'what!? no', false],
    ['one of many keywords', ['go', 'rust', 'zig'], '', 'Zig!', true],
    ['empty and blank keywords are ignored', ['', '  '], 'anything', 'anything', false],
    ['keyword with spaces around is trimmed', ['  rust  '], '', 'rust', true],
    ['non-Latin letters are word characters', ['über'], '', 'überall', false],
    ['non-Latin whole word', ['über'], '', 'Ja, Über alles', true],
  ])('%s', (_n, keywords, title, text, matches) => {
    const h = compileHighlight(rules({ keywords }));
    const c = comment('someone', title);
    expect(highlightReasons(h, c, () => text)).toEqual(matches ? ['keyword'] : []);
  });

  it('compiles one expression for all keywords', () => {
    const h = compileHighlight(rules({ keywords: ['a', 'b', 'c++'] }));
    expect(h.keywords).toBeInstanceOf(RegExp);
    expect(h.keywords!.flags).not.toContain('g');
  });

  it('never reads the text when there are no keywords', () => {
    const text = vi.fn(() => 'rust');
    const h = compileHighlight(rules({ users: ['alice'], keywords: ['', ' '] }));
    expect(highlightReasons(h, comment('alice'), text)).toEqual(['user']);
    expect(text).not.toHaveBeenCalled();
  });

  it('does not read the text when the title already matches', () => {
    const text = vi.fn(() => '');
    const h = compileHighlight(rules({ keywords: ['rust'] }));
    expect(highlightReasons(h, comment('bob', 'Rust again'), text)).toEqual(['keyword']);
    expect(text).not.toHaveBeenCalled();
  });

  it('reads the text once otherwise, and gives the same answer every time', () => {
    const text = vi.fn(() => 'I like rust');
    const h = compileHighlight(rules({ keywords: ['rust'] }));
    const c = comment('bob', 'Re: story');
    expect(highlightReasons(h, c, text)).toEqual(['keyword']);
    expect(highlightReasons(h, c, text)).toEqual(['keyword']);
    expect(text).toHaveBeenCalledTimes(2);
  });

  it('all three reasons together', () => {
    const h = compileHighlight(rules({ users: ['taco'], keywords: ['slashdot'], submitter: 'taco', highlightSubmitter: true }));
    expect(highlightReasons(h, comment('Taco', 'Slashdot turns 25'), () => '')).toEqual(['user', 'submitter', 'keyword']);
  });
});

describe('keywordRanges', () => {
  it.each<[string, string[], string, Array<[number, number]>]>([
    ['no keywords', [], 'Rust and Go', []],
    ['no match', ['zig'], 'Rust and Go', []],
    ['every occurrence, in order', ['rust', 'go'], 'Rust and Go and rust', [[0, 4], [9, 11], [16, 20]]],
    ['the longer phrase wins at one position', ['open', 'open source'], 'Open Source rocks', [[0, 11]]],
    ['specials', ['c++'], 'C++ vs c++', [[0, 3], [7, 10]]],
    ['duplicates in the list do not double ranges', ['go', 'GO'], 'go', [[0, 2]]],
  ])('%s', (_n, keywords, s, expected) => {
    const h = compileHighlight(rules({ keywords }));
    expect(keywordRanges(h, s)).toEqual(expected);
    // a second call starts afresh (no state left in the expression)
    expect(keywordRanges(h, s)).toEqual(expected);
  });
});
