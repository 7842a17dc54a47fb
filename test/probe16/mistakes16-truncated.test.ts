// ∂L/∂θ written as Σ_t of each step's loss through its own step only (check/truncated.ts): seed 001's
// Σ_t ∂L_t/∂y_t ∂y_t/∂h_t σ'(…) x_t and Goodfellow's ∇_W L with ∇_{h_t} L_t for ∇_{h_t} L failed with no hint.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { SEED001 } from './networks';

const GOODFELLOW = `T = 4
input x : 2
target y : 3
param U : 3x2
param W : 3x3
param V : 3x3
h_0 = [0, 0, 0]
h_t = tanh(W h_{t-1} + U x_t)
o_t = V h_t
L_t = -sum(y_t ⊙ log(softmax(o_t)))
loss L = Σ_t L_t
`;

const first = (text: string) => analyze(text).checks[0]!;

describe('a loss’s gradient through each step’s own loss only', () => {
  it('seed 001: σ′(…) x_t, the one-step ∂h_t/∂W_xh, in Σ_t ∂L_t/∂y_t ∂y_t/∂h_t …', () => {
    const c = first(`${SEED001}check ∂L/∂W_xh = Σ_t ∂L_t/∂y_t ∂y_t/∂h_t σ'(W_xh x_t + W_hh h_{t-1} + b_h) x_t\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The right side is Σ_t ∂L_t/∂W_xh with each ∂L_t/∂W_xh taken one-step');
    expect(c.message).toContain('it leaves out the paths through the earlier steps');
  });

  it('Goodfellow’s ∇_W L with ∇_{h_t} L_t for ∇_{h_t} L; the right formula holds', () => {
    expect(first(`${GOODFELLOW}check ∇_W L = Σ_t diag(1 - h_t^2) (∇_{h_t} L) h_{t-1}ᵀ\n`).status).toBe('holds');
    const c = first(`${GOODFELLOW}check ∇_W L = Σ_t diag(1 - h_t^2) (∇_{h_t} L_t) h_{t-1}ᵀ\n`);
    expect(c.status).toBe('fails');
    expect(c.message).toContain('The right side is Σ_t ∂L_t/∂W with each ∂L_t/∂W taken one-step');
  });

  it('a per-step mistake of another kind is not read so', () => {
    const c = first(`${SEED001}check ∂L/∂W_xh = Σ_t ∂L_t/∂y_t ∂y_t/∂h_t σ'(W_xh x_t + W_hh h_{t-1} + b_h) h_{t-1}\n`);
    expect(c.status).toBe('fails');
    expect(c.message).not.toContain('taken one-step');
  });
});
