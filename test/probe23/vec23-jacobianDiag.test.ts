// ∂h_t/∂a_t = 1 − h_t², as many texts print the derivative of tanh applied entry by entry: the Jacobian of two
// vectors is a square matrix (§4) and the vector at most its diagonal, so the check fails — but its message gave only
// the two shapes. It now says the Jacobian is written diag(…) where it is diagonal, and names the derivative.
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
  'h_t = tanh(a_t)',
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

describe('a Jacobian written as the vector on its diagonal', () => {
  it('diag(1 − h_t²) holds, 1 − h_t² fails and is told diag', () => {
    const v = verdicts(
      '\\frac{\\partial h_t}{\\partial a_t} = \\operatorname{diag}(1 - h_t^2)',
      '\\frac{\\partial h_t}{\\partial a_t} = 1 - h_t^2',
      "\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{a}_t} = \\tanh'(a_t)",
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'fails', 'fails']);
    expect(v[1]!.message).toContain(
      '∂h_t/∂a_t is a Jacobian, a 3×3 matrix; where it is diagonal (an elementwise function) it is written diag(1 − h_t^2)',
    );
    expect(v[2]!.message).toContain('written diag(tanh′(a_t))');
  });

  it('a softmax Jacobian written as ŷ(1 − ŷ) is not told to transpose a factor', () => {
    const [v] = verdicts('\\frac{\\partial \\hat{y}_t}{\\partial o_t} = \\hat{y}_t(1 - \\hat{y}_t)');
    expect(v!.status).toBe('fails');
    expect(v!.message).toContain('is a Jacobian, a 3×3 matrix');
    expect(v!.message).not.toContain('should be');
  });
});
