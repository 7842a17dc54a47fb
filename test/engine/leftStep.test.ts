// An encoder's gradient written one step off: ∂L/∂h_{T−1} = W_dᵀ(∂L/∂s_1 ⊙ (1 − s_1²)), the formula of ∂L/∂h_T (the
// hand-over s_0 = h_T). The right side has no step of its own to move, so the check failed with its values alone; the
// left side's variable moved one step that makes it hold is now named (leftStep.ts).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 3
input x = [0.5, -1.0, 0.3]
input u = [0, 0.2, -0.1]
target y = [0.2, -0.1, 0.4]
param W_e : 2x2 = [[0.5, 0.3], [-0.2, 0.6]]
param U_e : 2 = [0.6, -0.4]
param W_d : 2x2 = [[0.4, -0.3], [0.2, 0.5]]
param U_d : 2 = [0.3, 0.7]
param V : 1x2 = [[0.8, -0.5]]
h_0 = [0, 0]
h_t = tanh(W_e h_{t-1} + U_e x_t)
s_0 = h_T
s_t = tanh(W_d s_{t-1} + U_d u_t)
p_t = V s_t
loss L = Σ_t 1/2 (p_t - y_t)^2
`;

describe('a right side one step off the left side’s derivative', () => {
  it('names the derivative it is', () => {
    const r = analyze(`${NET}check ∂L/∂h_{T-1} = W_dᵀ (∂L/∂s_1 ⊙ (1 - s_1^2))\n`);
    const c = r.checks[0]!;
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/The right side is ∂L\/∂h_T, not ∂L\/∂h_\{T-1\}: the derivative by h_T, one step after h_\{T-1\}/);
  });
  it('written at its own step it holds', () => {
    const r = analyze(`${NET}check ∂L/∂h_T = W_dᵀ (∂L/∂s_1 ⊙ (1 - s_1^2))\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
