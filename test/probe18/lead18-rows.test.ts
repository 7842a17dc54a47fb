// A gradient row times a diagonal printed as the Builder multiplied it: 𝟏ᵀ diag(p₄ − d₄) for ∂E/∂p₄ of a squared
// error, 𝟏ᵀ diag(h₃ − y₃) diag(o₃ ⊙ tanh′(c₃)) for an LSTM's ∂L/∂c₃. Sheets write the row: (p₄ − d₄)ᵀ and
// ((h₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃))ᵀ. Each form shown is one evaluated back to the number (else it is not shown).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

describe('a row times a diagonal is the row', () => {
  it("an LSTM's ∂L/∂c_T under a squared error", () => {
    const text = [
      'T = 3',
      'input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
      'target y : 2 = [[1, 0], [0, 1], [1, 0]]',
      ...['f', 'i', 'o', 'c'].flatMap((g, k) => [
        `param W_${g} : 2x2 = [[0.${k + 1}, -0.3], [0.2, 0.${k + 4}]]`,
        `param U_${g} : 2x2 = [[0.4, -0.${k + 1}], [0.3, 0.5]]`,
      ]),
      'h_0 = 0',
      'c_0 = 0',
      'f_t = σ(W_f x_t + U_f h_{t-1})',
      'i_t = σ(W_i x_t + U_i h_{t-1})',
      'o_t = σ(W_o x_t + U_o h_{t-1})',
      'g_t = tanh(W_c x_t + U_c h_{t-1})',
      'c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t',
      'h_t = o_t ⊙ tanh(c_t)',
      'loss L = \\frac{1}{2} \\sum_t \\|h_t - y_t\\|^2',
      'derive ∂L/∂c_t',
      '',
    ].join('\n');
    const d = analyze(text, { forms: true }).derives[0]!;
    const last = d.general!.find((g) => g.from === 3)!;
    // the column its general line ∂L/∂c_t = … ⊙ c̄_{t+1} is (session 58; it printed the row ((h₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃))ᵀ)
    expect(last.text).toContain('∂L/∂c₃ = ∂L/∂h₃·∂h₃/∂c₃ = (h₃ − y₃) ⊙ o₃ ⊙ tanh′(c₃)');
    expect(last.latex).not.toContain('\\operatorname{diag}');
  });
});
