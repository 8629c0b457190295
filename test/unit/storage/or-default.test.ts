import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { orDefault } from '../../../src/storage/or-default';

describe('orDefault (zod catch without zod util in the bundle)', () => {
  const score = orDefault(z.pipe(z.number(), z.transform((n) => Math.round(n))), () => 7);
  const shape = z.object({ a: score, b: orDefault(z.boolean(), () => true) });

  it('passes a value the schema takes, transformed', () => {
    expect(score.parse(2.6)).toBe(3);
  });

  it('gives the fallback for a value the schema rejects, without throwing', () => {
    for (const bad of ['3', null, undefined, {}, [], Number.NaN]) expect(score.parse(bad)).toBe(7);
  });

  it('resets only the bad or missing field of an object', () => {
    expect(shape.parse({ a: 'x', b: false })).toEqual({ a: 7, b: false });
    expect(shape.parse({ a: 1 })).toEqual({ a: 1, b: true });
    expect(shape.parse({})).toEqual({ a: 7, b: true });
  });

  it('calls the fallback afresh each time, so a caller may change what it gets', () => {
    const list = orDefault(z.array(z.string()), () => [] as string[]);
    const first = list.parse(5);
    first.push('x');
    expect(list.parse(5)).toEqual([]);
  });
});
