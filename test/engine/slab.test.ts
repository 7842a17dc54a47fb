// The slab allocator (src/engine/slab.ts) promises what `new Float64Array(n)` does: n zeroed entries that no
// other array shares. The arena hands out views of a chunk that may itself be a view into a slab: its offsets
// must start at the chunk's own, not at the slab's first byte.

import { describe, expect, it } from 'vitest';
import { zerosF64, zerosI32 } from '../../src/engine/slab';
import { Arena } from '../../src/engine/arena';

describe('slab.ts', () => {
  it('gives zeroed arrays that share no entry, of both kinds, across slabs', () => {
    const made: (Float64Array | Int32Array)[] = [];
    // enough to fill several slabs (256 KB each), of sizes in and past the in-heap limit
    for (let i = 0; i < 6000; i++) {
      const n = 1 + ((i * 37) % 300);
      const a = i % 3 === 0 ? zerosI32(n) : zerosF64(n);
      expect(a.length).toBe(n);
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(i + 1);
      made.push(a);
    }
    // every array still holds what its owner wrote: nothing was handed out twice
    made.forEach((a, i) => expect(a.every((x) => x === i + 1)).toBe(true));
  });

  it('keeps 8-byte alignment after an odd Int32Array, so a Float64Array can follow', () => {
    zerosI32(17);
    const f = zerosF64(20);
    expect(f.byteOffset % 8).toBe(0);
  });

  it('gives a large array a buffer of its own', () => {
    const big = zerosF64(1 << 16);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(8 << 16);
  });

  it("makes the arena's views inside their chunk, which may start anywhere in a slab", () => {
    // a few arrays first, so the arena's chunk does not start at the slab's first byte
    const before = zerosF64(100).fill(7);
    const arena = new Arena(64);
    const views = Array.from({ length: 40 }, (_, i) => arena.alloc(10).fill(i + 1));
    views.forEach((v, i) => expect(v.every((x) => x === i + 1)).toBe(true));
    expect(before.every((x) => x === 7)).toBe(true);
  });
});
