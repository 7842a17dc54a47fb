// writesBrokenChain (termMatch.ts): the structural screen that asks the term matcher early (answer.ts). A written
// product of derivatives is "broken" when it chains in neither order; chain-rule products in numerator order or
// in denominator order are not, nor are products with a factor that is no derivative.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/language';
import { writesBrokenChain } from '../../src/engine/check/termMatch';
import { analyze } from '../../src/analysis';
import type { CheckQuestion } from '../../src/language/model';

const NET = `T = 3
input x = [0.5, -1.0, 2.0]
target y = [1, 0, 1]
param W_xh = 0.3
param W_hh = 0.8
param b_h = 0.1
param W_hy = 1.5
h_0 = 0
h_t = σ(W_xh x_t + W_hh h_{t-1} + b_h)
o_t = σ(W_hy h_t)
L_t = (y_t - o_t)^2
loss L = Σ_t L_t
`;

const rhsOf = (claim: string) => {
  const q = compile(`${NET}check ${claim}\n`).model.questions.find((x): x is CheckQuestion => x.kind === 'check');
  if (!q) throw new Error(`no check read: ${claim}`);
  return q.rhs;
};

describe('a written product of derivatives that chains in neither order', () => {
  it('is found where a factor breaks the chain, in a sum of such products too', () => {
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = ∂h_3/∂h_2 · ∂h_1/∂W_xh'))).toBe(true);
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = ∂h_3/∂W_xh + ∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_2/∂W_xh'))).toBe(true);
  });
  it('is not found for chains in numerator or denominator order, or a product with another factor', () => {
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = ∂h_3/∂h_2 · ∂h_2/∂W_xh'))).toBe(false);
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = ∂h_2/∂W_xh · ∂h_3/∂h_2'))).toBe(false);
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = x_3 · ∂h_2/∂h_1'))).toBe(false);
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = σ(x_3)'))).toBe(false);
  });
  it('counts the derivatives a product can have as the places they are written: a Σ of one derivative has none with two', () => {
    // Σ_t's terms are copies of one body: its derivative is each term's one factor, never two factors of one term
    expect(writesBrokenChain(rhsOf('∂L/∂W_xh = Σ_t ∂L/∂h_t · x_t'))).toBe(false);
    // two sums multiplied: a term of the product takes one derivative from each, and those do not chain
    expect(writesBrokenChain(rhsOf('∂L/∂W_xh = (Σ_t ∂L_t/∂h_t) · (Σ_t ∂h_t/∂b_h)'))).toBe(true);
    // a derivative inside a factor that is no derivative (a function's argument) is no factor of its own
    expect(writesBrokenChain(rhsOf('∂h_3/∂W_xh = σ(∂h_3/∂h_2) · ∂h_1/∂W_xh'))).toBe(false);
  });
  it('asked early, the term matcher names the broken term as it did when asked last', () => {
    const r = analyze(`${NET}check ∂h_3/∂W_xh = ∂⁺h_3/∂W_xh + ∂h_3/∂h_2 · ∂⁺h_2/∂W_xh + ∂h_3/∂h_2 · ∂h_2/∂h_1 · ∂h_2/∂W_xh\n`, {});
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toContain('is no path from W_xh to h_3 and no term covers the path W_xh → h_1 → h_2 → h_3');
    expect(c.message).toContain('the last factor should be ∂h_1/∂W_xh');
  });
});
