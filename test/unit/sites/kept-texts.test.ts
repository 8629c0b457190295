// keptText: the short texts a parse keeps (author, time, title), one copy each.
import { describe, expect, it } from 'vitest';
import { keptText } from '../../../src/sites/shared/kept-texts';

describe('keptText', () => {
  it('gives back the same text, cut out of a longer one or not', () => {
    const texts = new Map<string, string>();
    const line = '\t\t\n\t\ton Friday July 06, @08:55AM (#19766655)\n\t\t(http://example.net/) \n';
    const cut = /on\s+([^()]+?)\s*\(/.exec(line)![1]!;
    expect(keptText(texts, cut)).toBe('Friday July 06, @08:55AM');
    expect(keptText(texts, '')).toBe('');
    expect(keptText(texts, 'Re:Enlighten me...')).toBe('Re:Enlighten me...');
  });

  it('keeps one copy of a text however many comments repeat it', () => {
    const texts = new Map<string, string>();
    const authors = ['vigmeister', 'somersault', 'vigmeister', 'Anonymous Coward', 'somersault', 'vigmeister'];
    // Each one a fresh string, as each comment's text is read from its own element.
    const kept = authors.map((a) => keptText(texts, ` ${a} `.trim()));
    expect(kept).toEqual(authors);
    expect([...texts.keys()].sort()).toEqual(['Anonymous Coward', 'somersault', 'vigmeister']);
  });
});
