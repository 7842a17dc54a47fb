// numText writes every entry of every derive's value (text and LaTeX): its replacements are applied only
// where they can apply; what it writes must be what the two regular expressions always wrote.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numText } from '../../src/engine/symbolic/forms';

function before(x: number, latex: boolean): string {
  if (Number.isNaN(x)) return latex ? '\\text{NaN}' : 'NaN';
  if (!Number.isFinite(x)) return latex ? (x > 0 ? '\\infty' : '-\\infty') : x > 0 ? '∞' : '−∞';
  const s = String(Number(x.toPrecision(6)));
  if (!latex) return s.replace(/^-/, '−');
  return s.replace(/e([+-]?\d+)$/, (_, e: string) => ` \\cdot 10^{${Number(e)}}`);
}

describe('numText', () => {
  it('writes any float64 as the regular expressions did (property)', () => {
    fc.assert(
      fc.property(fc.double(), fc.boolean(), (x, latex) => {
        expect(numText(x, latex)).toBe(before(x, latex));
      }),
      { numRuns: 3000 },
    );
  });

  it('the edges: −0, a minus with an exponent, tiny and huge numbers', () => {
    for (const x of [-0, 0, -1.5e-7, 2.5e21, -3e-300, 5e-324, -5e-324, 1e21, -123456.7, 0.1 + 0.2])
      for (const latex of [false, true]) expect(numText(x, latex), String(x)).toBe(before(x, latex));
    expect(numText(-1.5e-7, false)).toBe('−1.5e-7');
    expect(numText(-1.5e-7, true)).toBe('-1.5 \\cdot 10^{-7}');
  });
});
