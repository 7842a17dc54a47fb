// A free-t derive of a gradient: its general line is a column (∂L/∂h_t = W_hhᵀ(δ_{t+1} ⊙ tanh′(h̃_{t+1}))), and its
// last step's own line printed the numerator layout's row beside it — `∂L/∂h₄ = (ŷ₄ − y₄)ᵀ W_ph`, `∂E/∂b₄ =
// ((p₄ − d₄) ⊙ σ′(z₄))ᵀ` under `∂E/∂b_t = δ_t ⊙ σ′(z_t)`. The last step now prints its pullback, the column the
// general line and the recursive form's δ_T are, when that column evaluated back to the number; a scalar keeps its
// explicit form in the order its equation writes it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const RNN = `T = 3
input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]
target y : 2 = [[1, 0], [0, 1], [1, 0]]
param W_hx : 2x2 = [[0.1, -0.3], [0.2, 0.4]]
param W_hh : 2x2 = [[0.5, -0.2], [0.3, 0.6]]
param W_ph : 2x2 = [[0.7, 0.1], [-0.4, 0.2]]
h_0 = 0
h_t = tanh(W_hx x_t + W_hh h_{t-1})
p_t = W_ph h_t
loss L = \\frac{1}{2} \\|p_T - y_T\\|^2
`;

const lines = (text: string) => {
  const d = analyze(text, { forms: true }).derives[0]!;
  return { d, general: d.general!.map((g) => g.text) };
};

describe("a gradient's last step in a free-t derive", () => {
  it('is the column the general line is', () => {
    const { general } = lines(`${RNN}derive ∂L/∂h_t\n`);
    expect(general.some((g) => /∂L\/∂h_t = W_hhᵀ/.test(g))).toBe(true);
    const last = general.find((g) => g.includes('∂L/∂h₃'))!;
    expect(last).toMatch(/= W_phᵀ \(p₃ − y₃\)$/m);
    expect(last).not.toMatch(/\)ᵀ W_ph/);
    // the form shown is the number: the same column, checked as a student writes it
    expect(analyze(`${RNN}check ∂L/∂h_3 = W_phᵀ (p_3 - y_3)\n`).checks[0]!.status).toBe('holds');
  });

  it("a scalar's derivative keeps its explicit form", () => {
    const scalar = `T = 3\ninput x = [1, 0.5, -0.3]\nparam w = 0.5\nparam u = 0.3\nh_0 = 0\nh_t = tanh(w h_{t-1} + u x_t)\nloss L = Σ_t h_t^2\n`;
    const { general } = lines(`${scalar}derive ∂h_t/∂h_{t-1}\n`);
    expect(general.join('\n')).toMatch(/tanh′\(.*\) w/);
  });
});
