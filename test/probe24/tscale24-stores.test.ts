// The stores of issue 11's session 24: a tape's arena (arena.ts) and the sweeps' pool of accumulators
// (accumulators.ts). An arena's arrays are zeroed, of the length asked, and never share an entry; the pool
// lends zeroed arrays of the length asked, lends what a caller reads only after the next sweep starts, and
// keeps a bounded number of entries.
import { describe, expect, it } from 'vitest';
import { Arena } from '../../src/engine/arena';
import { AccumulatorPool } from '../../src/engine/accumulators';
import { rand } from '../engine/build';

describe('tscale24: a tape arena', () => {
  it('gives zeroed arrays of the length asked that never overlap, across chunks and beside long ones', () => {
    const arena = new Arena();
    const r = rand(5);
    const made: Float64Array[] = [];
    for (let k = 0; k < 3000; k++) {
      // mostly short (a step's vectors and scalars), now and then longer than a chunk's share (an array of its own)
      const len = k % 97 === 0 ? 9000 + k : 1 + Math.floor((r() + 0.5) * 70);
      const a = arena.alloc(len);
      expect(a.length).toBe(len);
      expect(a.every((x) => Object.is(x, 0))).toBe(true);
      a.fill(k + 1);
      made.push(a);
    }
    // each still holds what it was given: no two share an entry
    made.forEach((a, k) => expect(a.every((x) => x === k + 1)).toBe(true));
  });

  it('keeps −0, NaN and ±∞ as written', () => {
    const arena = new Arena();
    const a = arena.alloc(4);
    a.set([-0, NaN, Infinity, -Infinity]);
    const b = arena.alloc(2);
    b.set([1, 2]);
    expect(Object.is(a[0], -0)).toBe(true);
    expect(Number.isNaN(a[1])).toBe(true);
    expect([a[2], a[3], b[0], b[1]]).toStrictEqual([Infinity, -Infinity, 1, 2]);
  });
});

describe('tscale24: the pool of lent accumulators', () => {
  it('lends nothing it has not been given, and what it was given zeroed, by length', () => {
    const pool = new AccumulatorPool();
    expect(pool.take(3)).toBeUndefined();
    const a = Float64Array.of(-0, NaN, Infinity);
    const long = new Float64Array(100).fill(-7);
    pool.give(a);
    pool.give(long);
    expect(pool.take(4)).toBeUndefined();
    const got = pool.take(3)!;
    expect(got).toBe(a);
    expect(Array.from(got).every((x) => Object.is(x, 0))).toBe(true);
    const got100 = pool.take(100)!;
    expect(got100).toBe(long);
    expect(got100.every((x) => Object.is(x, 0))).toBe(true);
    expect(pool.take(3)).toBeUndefined();
  });

  it('lends what a sweep returned to its caller only once the next sweep starts', () => {
    const pool = new AccumulatorPool();
    const read = Float64Array.of(1, 2);
    pool.hold(read);
    expect(pool.take(2)).toBeUndefined();
    expect(Array.from(read)).toStrictEqual([1, 2]);
    pool.reclaim();
    expect(pool.take(2)).toBe(read);
  });

  it('keeps at most 2^20 entries free', () => {
    const pool = new AccumulatorPool();
    const big = 1 << 16;
    for (let k = 0; k < 20; k++) pool.give(new Float64Array(big));
    let lent = 0;
    while (pool.take(big)) lent++;
    expect(lent).toBe(16);
  });
});
