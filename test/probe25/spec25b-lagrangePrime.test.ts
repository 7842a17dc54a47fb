// A scalar loss's derivative in Lagrange's notation, `L'(w) = 2w` (calculus-course habit): the prime read as a
// transpose, so the left side was Lᵀ·w = L·w and the check *failed* with two numbers, a verdict on something the
// student never wrote. On a loss letter (L, E, J, ℓ, ℒ) before a parenthesis it is now refused, naming what to write.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = String.raw`T = 2
input x = [0.5, -1]
param w = 1.5
h_0 = 0
h_t = tanh(w h_{t-1} + x_t)
loss L = \sum_t h_t^2`;

describe("L'(w)", () => {
  it('is refused with what to write, not judged as a transpose', () => {
    const r = analyze([NET, "check L'(w) = 0", "check E'(W_{hh}) = 1"].join('\n'));
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      "L'(w), a prime for the derivative of the loss, is not read: write \\frac{\\partial L}{\\partial w} (∂L/∂w)",
      "E'(W_{hh}), a prime for the derivative of the loss, is not read: write \\frac{\\partial E}{\\partial W_{hh}} (∂E/∂W_{hh})",
    ]);
  });

  it("keeps a prime after other names a transpose (h_t', x'(…))", () => {
    const r = analyze([NET, "check h_t' = h_t", "check x_1'(w) = x_1 w"].join('\n'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds']);
  });
});
