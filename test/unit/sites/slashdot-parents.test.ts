// Parent resolution and ordering used by the Slashdot adapter (src/sites/shared/parents.ts).
import { describe, expect, it } from 'vitest';
import { placeComments, type ParentClaim } from '../../../src/sites/shared/parents';

const claim = (id: string, exact: string | null | undefined, fallback: string | null = null): ParentClaim => ({ id, exact, fallback });

function ordered(claims: ParentClaim[]) {
  const { parent, order } = placeComments(claims);
  return order.map((i) => `${claims[i]!.id}<${parent[i] ?? '-'}`);
}

describe('placeComments', () => {
  it('keeps page order and the stated parents when they are listed earlier', () => {
    const claims = [claim('1', null), claim('2', '1', '1'), claim('3', '1', '2'), claim('4', '2', '1')];
    expect(placeComments(claims)).toEqual({ parent: [null, '1', '1', '2'], order: [0, 1, 2, 3] });
  });

  it('uses the enclosing comment when the stated parent is not on the page', () => {
    const claims = [claim('1', null), claim('2', '99', '1'), claim('3', '98', null)];
    expect(placeComments(claims).parent).toEqual([null, '1', null]);
  });

  it('uses the enclosing comment when the page does not state a parent', () => {
    expect(placeComments([claim('1', null), claim('2', undefined, '1')]).parent).toEqual([null, '1']);
  });

  it('trusts an explicit "top level" over the enclosing list', () => {
    expect(placeComments([claim('1', null), claim('2', null, '1')]).parent).toEqual([null, null]);
  });

  it('ignores a comment naming itself', () => {
    expect(placeComments([claim('1', '1', '1')]).parent).toEqual([null]);
  });

  it('moves children listed before their parent after it, keeping sibling order', () => {
    // 'c' (child of 'b') comes first in the page; 'b' is only known later (e.g. from a script).
    const claims = [claim('a', null), claim('c', 'b'), claim('d', 'a'), claim('b', 'a'), claim('e', 'b')];
    expect(ordered(claims)).toEqual(['a<-', 'd<a', 'b<a', 'c<b', 'e<b']);
  });

  it('cuts cycles at their first comment in page order, losing nothing', () => {
    const claims = [claim('r', null), claim('x', 'y'), claim('y', 'x'), claim('z', 'y'), claim('s', 's2'), claim('s2', 's')];
    const out = ordered(claims);
    expect(out).toEqual(['r<-', 'x<-', 'y<x', 'z<y', 's<-', 's2<s']);
  });

  it('handles a 20,000-long chain without recursion', () => {
    const n = 20_000;
    // Listed deepest first, so every comment needs reordering.
    const claims = Array.from({ length: n }, (_, i) => claim(String(n - i), n - i === 1 ? null : String(n - i - 1)));
    const { parent, order } = placeComments(claims);
    expect(order[0]).toBe(n - 1);
    expect(order[n - 1]).toBe(0);
    expect(parent[0]).toBe(String(n - 1));
  });
});
