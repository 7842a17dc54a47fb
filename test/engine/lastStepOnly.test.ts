// Kelleher's shared weights (Deep Learning, MIT Press; probe 52): a recurrent weight's gradient is the sum of its
// gradients at every step of the unrolled network. Written as the last step's term alone, h_{T−1}[i] ∂E/∂z_T[k], it
// failed with its values only; the message now says the Σ over the steps is missing. The sum written holds.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.8]
target d = [0.2, -0.1, 0.4]
param w : 2x2 = [[0.5, -0.3], [0.2, 0.4]]
param W_hx : 2 = [0.6, -0.4]
param W_yh : 1x2 = [[0.7, -0.5]]
h_0 = [0, 0]
z_t = wᵀ h_{t-1} + W_hx x_t
h_t = tanh(z_t)
o_t = W_yh h_t
y_t = tanh(o_t)
loss E = Σ_t 1/2 (d_t - y_t)^2
`;

describe('a shared weight’s gradient at the last step alone', () => {
  it('names the missing Σ over the steps for an entry; the left-out paths for the matrix', () => {
    const r = analyze(
      `${NET}check ∂E/∂w_{i,k} = h_{T-1}[i] ∂E/∂z_T[k]\ncheck ∂E/∂w = h_{T-1} (∂E/∂z_T)ᵀ\ncheck ∂E/∂w = Σ_t h_{t-1} (∂E/∂z_t)ᵀ\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(/A Σ over the steps is missing: the right side is the term of the last step T = 3 alone/);
    // the matrix form's left-out paths are named first (the hint is the cascade's last), as precise
    expect(r.checks[1]!.message).toMatch(/leaves out the paths through z_1 and z_2/);
  });
});
