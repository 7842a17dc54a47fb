// IndRNN's Jacobian ∂h_t/∂h_{t−1} = diag(u) diag(1 − h_t ⊙ h_t), written diag(u) (1 − h_t ⊙ h_t): a diagonal times a
// vector, a vector against the 2×2 Jacobian (session 42, a probe of pasted formulas). The shape mismatch said "h_t
// should be h_tᵀ — h_t h_tᵀ is their outer product", reaching into 1 − h_t ⊙ h_t for a forgotten transpose; it now
// says the second factor is a diagonal too. A weight times a vector (W σ'(…)) keeps its plain message (probe12).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { graph: false, symbolic: false } as const;

const NET = `T = 3
input x : 2
param W : 2x2
param u : 2
param b : 2
h_0 = [0, 0]
h_t = tanh(W x_t + u ⊙ h_{t-1} + b)
loss J = sum(h_T)
`;

const errors = (text: string) =>
  analyze(text, FAST)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.message);

describe('a diagonal times a vector for a Jacobian', () => {
  it('says the vector is a diagonal too, not a transpose inside it', () => {
    const [m] = errors(`${NET}check ∂h_t/∂h_{t-1} = diag(u) (1 - h_t ⊙ h_t)\n`);
    expect(m).toMatch(/a diagonal matrix times a vector is a vector: .* diag\(u\) diag\(1 − h_t ⊙ h_t\)\)$/);
    expect(m).not.toMatch(/h_tᵀ/);
  });

  it('the product of the two diagonals holds', () => {
    const r = analyze(`${NET}check ∂h_t/∂h_{t-1} = diag(u) diag(1 - h_t ⊙ h_t)\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
  });

  it('a weight matrix times a vector gets no diag hint', () => {
    const [m] = errors(`${NET}check ∂h_t/∂h_{t-1} = W (1 - h_t ⊙ h_t)\n`);
    expect(m).toBe('shape mismatch: the left side is a 2×2 matrix, the right side a vector of 2');
  });
});
