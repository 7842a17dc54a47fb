// Chollet's simple RNN as pseudo-code (Deep Learning with Python ch. 10, probe 52): input_t declared `input input`,
// output_t = tanh(dot(W, input_t) + dot(U, state_t) + b). `input input` was "expected a name after 'input'": a keyword
// right after a declaration's keyword is the name declared. dot(A, B) was read as d2l.ai's f(x_t, h_{t−1}, w_h) (the
// quantity whose equation takes these arguments, output_t); it is NumPy's dot: the product A B, of two vectors their
// inner product; np.dot too.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = [
  'T = 2',
  'input input : 2 = [[0.5, -1.0], [0.3, 0.8]]',
  'param W : 2x2 = [[0.4, -0.3], [0.2, 0.5]]',
  'param U : 2x2 = [[0.5, 0.1], [-0.2, 0.3]]',
  'param b : 2 = [0.1, -0.1]',
  'output_0 = [0, 0]',
  'state_t = output_{t-1}',
  'output_t = tanh(W input_t + U state_t + b)',
  'loss L = Σ_t sum(output_t)',
].join('\n');

describe('Chollet’s pseudo-code', () => {
  it('`input input` declares input, used as input_t', () => {
    const r = analyze(NET);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('dot(A, B) is the product, np.dot too, of two vectors the inner product', () => {
    const r = analyze(
      `${NET}\ncheck output_t = tanh(dot(W, input_t) + dot(U, state_t) + b)\ncheck output_t = tanh(np.dot(W, input_t) + np.dot(U, state_t) + b)\ncheck dot(input_t, b) = input_tᵀ b\ncheck dot(input_t, W) = input_tᵀ W\n`,
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'holds']);
  });
  it('a product left out of dot is named', () => {
    const r = analyze(`${NET}\ncheck output_t = tanh(dot(W, input_t) + dot(W, state_t) + b)\n`);
    expect(r.checks[0]!.status).toBe('fails');
  });
});
