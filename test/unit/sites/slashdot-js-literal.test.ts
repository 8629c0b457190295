// The object-literal reader used for Slashdot's D2 script data (src/sites/shared/js-literal.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsLiteral, type JsValue } from '../../../src/sites/shared/js-literal';

function value(text: string, start = 0): JsValue {
  const r = readJsLiteral(text, start);
  if (!r.ok) throw new Error(`${r.error} at ${r.at}`);
  return r.value;
}

/** Prototype-less objects compare like plain ones after a JSON round trip. */
const plain = (v: JsValue) => JSON.parse(JSON.stringify(v)) as unknown;

describe('readJsLiteral', () => {
  it("reads D2's comment entries: numeric keys, unquoted keys, undefined, negative numbers, empty arrays", () => {
    const text =
      '{ 25160803: { uid: 339739, pid: 25160505, subject: "Re:Not all", read: 0, points: 4, kids: [  ], opid: 25160505 }, ' +
      '25160217: { uid: undefined, pid: 0, read: 0, points: -2, kids: [ 25160379 ], opid: undefined } }';
    const v = value(text) as Record<string, Record<string, JsValue>>;
    // Integer-like keys enumerate in numeric order, as in JavaScript itself.
    expect(Object.keys(v)).toEqual(['25160217', '25160803']);
    expect(plain(v['25160803']!)).toEqual({ uid: 339739, pid: 25160505, subject: 'Re:Not all', read: 0, points: 4, kids: [], opid: 25160505 });
    expect(v['25160217']!['uid']).toBeUndefined();
    expect('uid' in v['25160217']!).toBe(true);
    expect(v['25160217']!['points']).toBe(-2);
    expect(v['25160217']!['kids']).toEqual([25160379]);
  });

  it('reports where the literal ends, so it can be read out of surrounding code', () => {
    const text = 'D2.comments({ 1: { pid: 0 } });\nD2.more_comments_num(170);';
    const start = text.indexOf('{');
    const r = readJsLiteral(text, start);
    expect(r.ok && text.slice(r.end)).toBe(');\nD2.more_comments_num(170);');
  });

  it('keeps braces, brackets, commas and quotes inside strings as text', () => {
    expect(plain(value(`{ a: "}{][,:", b: '"', c: "'", d: 'it\\'s', e: "say \\"hi\\"" }`))).toEqual({
      a: '}{][,:',
      b: '"',
      c: "'",
      d: "it's",
      e: 'say "hi"',
    });
  });

  it('decodes escapes', () => {
    expect(value(String.raw`"a\nb\tc\\d\/e\x41\u00e9\u{1F600}\0"`)).toBe('a\nb\tc\\d/eAé\u{1F600}\0');
    expect(value('"line\\\ncontinued"')).toBe('linecontinued');
  });

  it('accepts quoted keys, trailing commas, comments, booleans, null and number forms', () => {
    const v = value(`{
      "-1": { 6: 1, }, // a comment
      'q': [1, 2.5, -3e2, .5, 0x1F, -0x10, ], /* another */
      t: true, f: false, n: null,
    }`);
    expect(plain(v)).toEqual({ '-1': { 6: 1 }, q: [1, 2.5, -300, 0.5, 31, -16], t: true, f: false, n: null });
  });

  it('treats __proto__ as an ordinary key', () => {
    const v = value('{ __proto__: { polluted: 1 }, constructor: 2 }') as Record<string, JsValue>;
    expect(Object.getPrototypeOf(v)).toBeNull();
    expect(plain(v['__proto__']!)).toEqual({ polluted: 1 });
    expect(v['constructor']).toBe(2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads nesting far deeper than a recursive reader could', () => {
    const depth = 50_000;
    const v = value('['.repeat(depth) + '1' + ']'.repeat(depth));
    let level = 0;
    let cur: JsValue = v;
    while (Array.isArray(cur)) {
      cur = cur[0] as JsValue;
      level++;
    }
    expect(level).toBe(depth);
    expect(cur).toBe(1);
  });

  it.each([
    ['', 'end of text'],
    ['{ a: 1', ''],
    ['{ a 1 }', ':'],
    ['{ a: 1 b: 2 }', ','],
    ['[1 2]', ','],
    ['{ a: foo }', 'unsupported value'],
    ['{ a: function () { return 1 } }', 'unsupported value'],
    ['{ a: alert(1) }', 'unsupported value'],
    ['"unterminated', 'unterminated string'],
    ['"line\nbreak"', 'unterminated string'],
    ['"\\x4"', 'bad escape'],
    ['"\\u{110000}"', 'escape'],
    ['/* open comment', 'unterminated comment'],
    ['{ : 1 }', 'property name'],
    ['[1,,2]', 'unexpected'],
    ['}', 'unexpected'],
  ])('returns an error for %j instead of throwing', (text, message) => {
    const r = readJsLiteral(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(message);
      expect(r.at).toBeGreaterThanOrEqual(0);
      expect(r.at).toBeLessThanOrEqual(text.length);
    }
  });

  it('reads a whole real D2 script object from a saved page', () => {
    const html = readFileSync(new URL('../../fixtures/slashdot/d2-1.html', import.meta.url), 'latin1');
    const start = html.indexOf('D2.comments(') + 'D2.comments('.length;
    const r = readJsLiteral(html, start);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Object.keys(r.value as object)).toHaveLength(30);
      expect(html.slice(r.end, r.end + 2)).toBe(');');
    }
  });
});
