// A matrix product bracketed before the slope it should carry (check/grouping.ts): Uᵀ ∂L/∂h̃_t ⊙ (1 − h̃_t²) reads
// (Uᵀ ∂L/∂h̃_t) ⊙ (1 − h̃_t²); Goodfellow's 10.21 written Wᵀ (1 − h_{t+1}²) ∇_{h_{t+1}} L (diag left off) reads
// (Wᵀ(1 − h_{t+1}²)) ⊙ ∇_{h_{t+1}} L. Both failed with their values alone. Two networks.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const VANILLA = `T = 3
input x : 2 = [[0.5, -1], [1.2, 0.3], [-0.7, 0.9]]
target y : 3 = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
param U : 3x2
param W : 3x3
param V : 3x3
h_0 = 0
h_t = tanh(W h_{t-1} + U x_t)
o_t = V h_t
\\hat{y}_t = softmax(o_t)
loss L = -Σ_t sum(y_t ⊙ log(\\hat{y}_t))
`;
const GRU = `T = 3
input x : 2
target d : 2
param W_z : 3x2
param U_z : 3x3
param W : 3x2
param U : 3x3
param V : 2x3
h_0 = 0
z_t = σ(W_z x_t + U_z h_{t-1})
\\tilde{h}_t = tanh(W x_t + U h_{t-1})
h_t = (1 - z_t) ⊙ h_{t-1} + z_t ⊙ \\tilde{h}_t
y_t = V h_t
loss L = Σ_t sum((y_t - d_t)^2) / 2
`;
const check = (net: string, line: string) => analyze(`${net}check ${line}\n`).checks[0]!;

describe('brackets around the slope a transposed weight carries back', () => {
  it('Wᵀ ∇_{h_{t+1}} L ⊙ (1 − h_{t+1}²) and Wᵀ (1 − h_{t+1}²) ∇_{h_{t+1}} L', () => {
    const a = check(VANILLA, '∂L/∂h_t = W^T ∂L/∂h_{t+1} ⊙ (1 - h_{t+1}^2) + V^T (\\hat{y}_t - y_t)');
    expect(a.status).toBe('fails');
    expect(a.message).toMatch(
      /Wᵀ should multiply \(∂L\/∂h_\{t\+1\} ⊙ \(1 − h_\{t\+1\}\^2\)\), not ∂L\/∂h_\{t\+1\} alone .*: with those brackets the check holds/,
    );
    const b = check(VANILLA, '∂L/∂h_t = W^T (1 - h_{t+1}^2) ∂L/∂h_{t+1} + V^T (\\hat{y}_t - y_t)');
    expect(b.status).toBe('fails');
    expect(b.message).toMatch(/Wᵀ should multiply .*, not \(1 − h_\{t\+1\}\^2\) alone/);
    expect(check(VANILLA, '∂L/∂h_t = W^T ((1 - h_{t+1}^2) ⊙ ∂L/∂h_{t+1}) + V^T (\\hat{y}_t - y_t)').status).toBe('holds');
  });
  it("a GRU's candidate state: Uᵀ ∂L/∂h̃_{t+1} ⊙ (1 − h̃_{t+1}²) inside ∂L/∂h_t's path through h̃_{t+1}", () => {
    const line =
      '∂L/∂h_t = ∂L/∂h_{t+1} ⊙ (1 - z_{t+1}) + U_z^T (∂L/∂z_{t+1} ⊙ z_{t+1} ⊙ (1 - z_{t+1})) + U^T ∂L/∂\\tilde{h}_{t+1} ⊙ (1 - \\tilde{h}_{t+1}^2) + V^T (y_t - d_t)';
    const c = check(GRU, line);
    expect(c.status).toBe('fails');
    expect(c.message).toMatch(/Uᵀ should multiply \(∂L\/∂h̃_\{t\+1\} ⊙ \(1 − h̃_\{t\+1\}\^2\)\)/);
    const right = line.replace(
      'U^T ∂L/∂\\tilde{h}_{t+1} ⊙ (1 - \\tilde{h}_{t+1}^2)',
      'U^T (∂L/∂\\tilde{h}_{t+1} ⊙ (1 - \\tilde{h}_{t+1}^2))',
    );
    expect(check(GRU, right).status).toBe('holds');
  });
});
