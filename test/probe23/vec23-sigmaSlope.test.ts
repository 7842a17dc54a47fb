// A σ RNN's Jacobian written with tanh's slope, diag(1 − h_t²) W_hh (copied from a tanh RNN): it failed with only
// the two values. The slope hint, which named σ's slope written for tanh's, now names the other way round too.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const net = [
  '```rnn',
  'T = 3',
  'input  x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
  'target y : 3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]',
  'param  W_xh : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
  'param  W_hh : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
  'param  b_h  : 3 = [0.1, 0, -0.1]',
  'param  W_hy : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]',
  'h_0 = [0.1, -0.2, 0.3]',
  'a_t = W_xh x_t + W_hh h_{t-1} + b_h',
  'h_t = σ(a_t)',
  'o_t = W_hy h_t',
  'ŷ_t = softmax(o_t)',
  'L_t = -sum(y_t ⊙ log(ŷ_t))',
  'loss L = Σ_t L_t',
  '```',
];

function verdicts(...equations: string[]) {
  const text = [...net, ...equations.flatMap((e) => ['', `$$ ${e} $$`]), ''].join('\n');
  const sol = analyzeSolution(text, 'markdown', { sidecar: null });
  return sol.equations.map((e) => ({ status: e.status, message: e.message }));
}

describe("tanh's slope written for a σ", () => {
  it("σ's slope holds, in its spellings", () => {
    const v = verdicts(
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma(a_t)(1-\\sigma(a_t))) W_{hh}',
      '\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(h_t \\odot (1-h_t)) W_{hh}',
      "\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(\\sigma'(a_t)) W_{hh}",
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds', 'holds']);
  });

  it('1 − h_t² for a σ h_t fails, naming the slope', () => {
    const [v] = verdicts('\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(1-h_t^2) W_{hh}');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain("1 − h_t^2 should be h_t ⊙ (1 − h_t) (that is tanh's slope 1 − tanh²; σ' is σ(1 − σ))");
  });
});
