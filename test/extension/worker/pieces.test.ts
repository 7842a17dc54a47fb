// A big Report crosses to the host as a skeleton and pieces: put back together, it equals what was split
// (any plain data, fast-check), the original is never changed, and a small value goes whole, untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis';
import { addPiece, splitIntoPieces } from '../../../src/extension/worker/pieces';
import { longRnn } from '../../fixtures/longRnn';

function reassemble<T>(value: T, pieceBytes?: number): { back: T; pieces: number } {
  const { skeleton, pieces } = splitIntoPieces(value, pieceBytes);
  // the host's copy: what a structured clone gives
  const copy = structuredClone(skeleton);
  for (const p of structuredClone(pieces)) addPiece(copy, p);
  return { back: copy, pieces: pieces.length };
}

describe('Report pieces', () => {
  it('splits any plain data and puts it back equal, leaving the original as it was', () => {
    const item = fc.oneof(fc.integer(), fc.string(), fc.record({ a: fc.double({ noNaN: true }), b: fc.array(fc.nat(), { maxLength: 3 }) }));
    const data = fc.record({
      name: fc.string(),
      long: fc.array(item, { minLength: 0, maxLength: 300 }),
      nested: fc.record({ rows: fc.array(fc.array(item, { maxLength: 80 }), { maxLength: 4 }), flag: fc.boolean() }),
    });
    fc.assert(
      fc.property(data, fc.integer({ min: 16, max: 4096 }), (value, bytes) => {
        const before = structuredClone(value);
        const { back } = reassemble(value, bytes);
        expect(back).toEqual(before);
        expect(value).toEqual(before);
      }),
    );
  });

  it('sends an example-sized Report whole (the same object), and a 2,000-step one in pieces', () => {
    const small = analyze(longRnn(5));
    const split = splitIntoPieces(small);
    expect(split.pieces).toEqual([]);
    expect(split.skeleton).toBe(small);
    const big = analyze(longRnn(2000));
    const { back, pieces } = reassemble(big);
    expect(pieces).toBeGreaterThan(1);
    expect(back).toEqual(big);
  });

  it('names the array a piece belongs to by its own path, not a later one', () => {
    const value = { a: [{ xs: Array.from({ length: 100 }, (_, i) => i) }, { ys: Array.from({ length: 100 }, (_, i) => -i) }] };
    const { pieces } = splitIntoPieces(value, 64);
    expect(new Set(pieces.map((p) => p.path.join('.')))).toEqual(new Set(['a.0.xs', 'a.1.ys']));
  });
});
