// Probe 49 (a Word answer): Σ_t ∂h_t/∂W_hh (1 − h_t²) h_{t−1} written for Σ_t ∂L/∂h_t (1 − h_t²) h_{t−1}, the state's
// derivative by the weight where the loss's gradient by the state belongs, gave its two values alone. A derivative
// ∂A/∂B of the right side is tried as ∂loss/∂A (engine/check/lossFactor.ts, last of textbookHint).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.8]
param W_xh = 0.6
param W_hh = 0.7
h_0 = 0.2
h_t = tanh(W_xh x_t + W_hh h_{t-1})
loss L = Σ_t 1/2 h_t^2
`;

describe('a derivative written where the loss’s gradient belongs', () => {
  it('is named, with the factor that mends it', () => {
    const r = analyze(`${NET}check ∂L/∂W_hh = Σ_t ∂h_t/∂W_hh (1 - h_t^2) h_{t-1}\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/∂h_t\/∂W_hh should be ∂L\/∂h_t: with that factor the check holds/);
  });
  it('the right form holds', () => {
    const r = analyze(`${NET}check ∂L/∂W_hh = Σ_t ∂L/∂h_t (1 - h_t^2) h_{t-1}\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
