// Pins what the check hints try, now that their walks are the shared one (walk.ts forChildren/mapChildren
// with VALUE_CHILDREN: the values an expression combines, not an entry's index positions nor an exponent):
// a step shift is tried on every timed name outside a derivative (inside σ(…), Σ bodies and powers' bases
// too), a zero derivative is found in a product but not under a Σ, a transpose on a square matrix inside a
// product, and a ∂⁺ anywhere (inside another derivative's numerator too) turns the one-step re-reading off.
import { describe, expect, it } from 'vitest';
import { SCALAR_RNN, VECTOR, checkOne as check } from './culpritNets';

const SCALAR = SCALAR_RNN(3);

describe('the candidates the check hints try', () => {
  it('a step shift inside σ(…)', () => {
    expect(check(SCALAR, 'h_t = tanh(w h_{t-2} + u x_t) for t = 2..T').message).toMatch(
      /h_\{t-2\} should be h_\{t-1\}: with that step the check holds/,
    );
  });

  it('a step shift inside a Σ body', () => {
    expect(check(SCALAR, 'L = Σ_{k=1}^{T} (h_{k-1} - y_k)^2 / 2').message).toMatch(
      /h_\{k-1\} should be h_k: with that step the check holds/,
    );
  });

  it('a step shift in the base of a power', () => {
    expect(check(SCALAR, 'L = ((h_1 - y_1)^2 + (h_1 - y_2)^2 + (h_3 - y_3)^2) / 2').message).toMatch(
      /h_1 should be h_2: with that step the check holds/,
    );
  });

  it('no shift inside a derivative (it is judged as a whole)', () => {
    // ∂L/∂h_3 for the inner ∂L/∂h_2 would make it hold; the step hint does not look inside a derivative
    expect(check(SCALAR, '∂L/∂h_2 = (h_2 - y_2) + ∂L/∂h_2 ∂h_3/∂h_2').message).not.toMatch(/with that step the check holds/);
  });

  it('a derivative that is 0, inside a product', () => {
    expect(check(SCALAR, '∂L/∂u = 2 ∂⁺h_2/∂u').message).toMatch(/∂⁺h_2\/∂u is 0: u does not appear directly in h_2's own equation/);
  });

  it('a missing transpose on a square matrix inside a product', () => {
    expect(check(VECTOR, '∂L/∂h_1 = W (1 - h_2^2)').message).toMatch(/W should be Wᵀ: with that transpose the check holds/);
  });

  it('a ∂⁺ inside another derivative turns the one-step re-reading off; none lets it on', () => {
    expect(check(SCALAR, '∂h_2/∂u = ∂⁺h_2/∂a_2 x_2').status).toBe('fails');
    expect(check(SCALAR, '∂h_2/∂u = ∂h_2/∂a_2 x_2').status).toBe('holds-as-one-step');
  });
});
