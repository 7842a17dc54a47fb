// toValue's rows made at their length and allFinite's loop: the same Values and answers as the plain ways.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFinite, toValue } from '../../src/engine/tensor';

const entry = fc.oneof(
  { weight: 20, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, Infinity, -Infinity, NaN, Number.MAX_VALUE, -Number.MIN_VALUE) },
);

/** the Value as Array.from and nested slices make it */
function reference(shape: number[], d: Float64Array): unknown {
  if (shape.length === 0 || d.length === 1) return d[0];
  if (shape.length === 1) return Array.from(d);
  if (shape.length === 3) {
    const [p, m, k] = shape as [number, number, number];
    return Array.from({ length: p }, (_, q) =>
      Array.from({ length: m }, (_, i) => Array.from(d.subarray((q * m + i) * k, (q * m + i + 1) * k))),
    );
  }
  const [m, n] = shape as [number, number];
  return Array.from({ length: m }, (_, i) => Array.from(d.subarray(i * n, i * n + n)));
}

describe('speed23: toValue and allFinite', () => {
  it('toValue gives the nested arrays of the entries, for scalars, vectors, matrices and 3-index tensors', () => {
    const shapes = fc.oneof(
      fc.constant([] as number[]),
      fc.tuple(fc.integer({ min: 1, max: 9 })).map((s) => [...s]),
      fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).map((s) => [...s]),
      fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).map((s) => [...s]),
    );
    fc.assert(
      fc.property(
        shapes.chain((shape) => {
          const n = shape.reduce((a, b) => a * b, 1);
          return fc.tuple(fc.constant(shape), fc.array(entry, { minLength: n, maxLength: n }));
        }),
        ([shape, xs]) => {
          const d = Float64Array.from(xs);
          const v = toValue({ shape, data: d });
          // toStrictEqual tells −0 from +0 and a hole from undefined: every slot is written
          expect(v).toStrictEqual(reference(shape, d));
          expect(JSON.stringify(v)).toBe(JSON.stringify(reference(shape, d)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a row longer than the preallocated ones (5,000 entries) is the same list', () => {
    const d = new Float64Array(5000).map((_, i) => i / 3);
    expect(toValue({ shape: [5000], data: d })).toStrictEqual(Array.from(d));
    expect(toValue({ shape: [2, 2500], data: d })).toStrictEqual([Array.from(d.subarray(0, 2500)), Array.from(d.subarray(2500))]);
  });

  it('allFinite is every(Number.isFinite)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (xs) => {
        const d = Float64Array.from(xs);
        expect(allFinite(d)).toBe(d.every(Number.isFinite));
      }),
      { numRuns: 500 },
    );
    expect(allFinite(new Float64Array(0))).toBe(true);
  });
});
