// The Hadamard power h_t^{\circ 2} (the entries squared; some texts write 1 − h_t^{∘2} for tanh'), was "not checked:
// expected a value, found '\circ'". It reads as the product entry by entry, h_t ⊙ h_t — also on a matrix, where ^
// is the matrix power and W^{\circ 2} must stay apart from W^2.
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
  'h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)',
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

describe('the Hadamard power X^{\\circ k}', () => {
  it('reads as entries raised to k: right forms hold, a wrong power fails', () => {
    const v = verdicts(
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\circ 2}) \\mathbf{W}_{hh}',
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\odot 2}) \\mathbf{W}_{hh}',
      'W_{hh}^{\\circ 2} = W_{hh} \\odot W_{hh}',
      'W_{hh}^{\\circ 2} = W_{hh} W_{hh}',
      '\\frac{\\partial \\mathbf{h}_t}{\\partial \\mathbf{h}_{t-1}} = \\operatorname{diag}(1 - \\mathbf{h}_t^{\\circ 3}) \\mathbf{W}_{hh}',
    );
    expect(v.map((x) => x.status)).toEqual(['holds', 'holds', 'holds', 'fails', 'fails']);
  });

  it('a power that is not a whole number is skipped, saying how it is written', () => {
    const [v] = verdicts('W_{hh}^{\\circ k} = W_{hh} \\odot W_{hh}');
    expect(v!.status).toBe('skipped');
    expect(v!.message).toContain('a Hadamard power is written with a whole number, X^{\\circ 2}');
  });
});
