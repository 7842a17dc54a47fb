// A scalar target used as a vector's entry index is a class label (Goodfellow's L_t = −log ŷ_{t,y_t}). Given as
// [1, 1, 1] its kind read as 0/1, so every draw used 0 as an index, none could be evaluated, and a right check was
// only "holds at the file's values"; given no values it was sampled in [0, 1], no whole number, and nothing ran.
// Class labels are drawn, and sampled, as whole numbers 1..n.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const net = (target: string) =>
  [
    'T = 3',
    'input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
    target,
    'param W : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
    'param U : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
    'param V : 3x3 = [[0.7, -0.5, 0.2], [-0.3, 0.4, 0.6], [0.5, 0.1, -0.8]]',
    'h_0 = 0',
    'h_t = tanh(W x_t + U h_{t-1})',
    'o_t = V h_t',
    'ŷ_t = softmax(o_t)',
    'L_t = -\\log ŷ_{t, y_t}',
    'loss L = \\sum_t L_t',
    'check ∂L/∂o_t = ŷ_t - e_{y_t}',
    'check ∂L/∂o_t = ŷ_t',
    '',
  ].join('\n');

describe('class labels are drawn as class labels', () => {
  it('[1, 1, 1]: the right check holds at every draw, the wrong one fails', () => {
    const r = analyze(net('target y = [1, 1, 1]'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.checks[0]!.message).toContain("at the file's values and 4 random draws");
  });

  it('no values: sampled as whole numbers 1..3, and said so', () => {
    const r = analyze(net('target y'));
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'fails']);
    expect(r.diagnostics.find((d) => d.code === 'sampled')!.message).toContain('y (whole numbers 1..3, as a class label)');
  });
});
