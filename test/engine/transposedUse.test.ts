// A weight read twice in its equation, once transposed (the AntisymmetricRNN's W_h − W_hᵀ − γI): its gradient's part
// through W_hᵀ left out (Σ_t δ_t h_{t−1}ᵀ for Σ_t (δ_t h_{t−1}ᵀ − h_{t−1} δ_tᵀ)) gave two values and no reason
// (session 56). transposedUse.ts names that part.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const FAST = { draws: 2, graph: false };
const net = (sign: string) => `T = 3
input x : 2
param W : 2x2
h_0 = [0.1, 0.2]
z_t = (W ${sign} W^T) h_{t-1} + x_t
h_t = h_{t-1} + 0.5 tanh(z_t)
loss L = sum(h_T)
`;

describe('the part of a gradient through a weight read transposed', () => {
  it('W − Wᵀ: the part left out is the side transposed and negated', () => {
    const r = analyze(`${net('-')}check ∂L/∂W = Σ_t (∂L/∂z_t h_{t-1}^T - h_{t-1} ∂L/∂z_t^T)\ncheck ∂L/∂W = Σ_t ∂L/∂z_t h_{t-1}^T\n`, FAST);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[1]!.message).toMatch(
      /leaves out the part through Wᵀ, which z_t's equation also reads: that part is the right side transposed and negated/,
    );
  });
  it('W + Wᵀ: added', () => {
    const r = analyze(`${net('+')}check ∂L/∂W = Σ_t ∂L/∂z_t h_{t-1}^T\n`, FAST);
    expect(r.checks[0]!.message).toMatch(/leaves out the part through Wᵀ, .*: that part is the right side transposed, \+\(/);
  });
  it('a network that reads W once is not told so', () => {
    const r = analyze(`${net('-').replace('(W - W^T)', 'W')}check ∂L/∂W = 2 Σ_t ∂L/∂z_t h_{t-1}^T\n`, FAST);
    expect(r.checks[0]!.message).not.toMatch(/part through/);
  });
});
