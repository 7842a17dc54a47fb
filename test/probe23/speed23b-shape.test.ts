// The parser keeps a written dimension as an int32 (parseShape: `t.value | 0` up to the 4,096 limit): every shape is
// still the numbers written, and a dimension past the limit — past 2^31 too, where `| 0` would wrap — still fails.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language/index';

// from 2: a dimension 1 is read by its own rules (1 x 1 is a scalar)
const dim = fc.integer({ min: 2, max: 4096 });
/** how a shape is written: n, m x n, mxn (lexed as m and x n), m * n */
const written = fc.oneof(
  dim.map((n) => ({ text: String(n), shape: [n] })),
  // a matrix's entries have their own limit
  fc
    .tuple(dim, fc.integer({ min: 2, max: 64 }), fc.constantFrom(' x ', 'x', ' * '))
    .map(([m, n, sep]) => ({ text: `${m}${sep}${n}`, shape: [m, n] })),
);

describe('speed23b: a declared shape is the dimensions written', () => {
  it('random shapes, as param and input', () => {
    fc.assert(
      fc.property(written, fc.constantFrom('param', 'input'), ({ text, shape }, kw) => {
        const { model, diagnostics } = compile(`T = 2\n${kw} w : ${text}\n`);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const got = model.decls.get('w')!.shape;
        expect(got).toEqual(shape);
        got.forEach((d) => expect(Number.isInteger(d)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('a dimension past the limit fails, 2^31 and 2^32 + 3 included', () => {
    for (const d of ['4097', '2147483648', '4294967299', '10000000000']) {
      for (const text of [d, `${d} x 2`, `2 x ${d}`]) {
        const { diagnostics } = compile(`T = 2\nparam w : ${text}\n`);
        expect(diagnostics.some((x) => x.severity === 'error' && /a dimension above 4096/.test(x.message))).toBe(true);
      }
    }
  });

  it('the 64-unit RNN’s shapes', () => {
    const { model } = compile('T = 2\ninput x : 32\nparam W_xh : 64x32\nparam W_hh : 64 x 64\nparam b_h : 64\nparam W_hy : 1x64\n');
    expect([...model.decls.values()].map((d) => d.shape)).toEqual([[32], [64, 32], [64, 64], [64], [1, 64]]);
  });
});
