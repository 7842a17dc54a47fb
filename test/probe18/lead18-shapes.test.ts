// A solution's equation whose two sides read with shapes that cannot be equal (x_t where h_{t-1} belongs in ∂L/∂W:
// a 3×3 matrix against a 3×2) was "not checked: shape mismatch", as if the notation had not read — a wrong
// equation passed over. It fails, as a .rnn check's error does; a shape only transposed (a layout could explain it)
// and a product that cannot be formed inside a side stay unjudged, with their reason.
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const net = [
  '```rnn',
  'T = 3',
  'input x : 2 = [[1, 0], [0.5, -1], [-0.3, 0.8]]',
  'param W : 3x3 = [[0.4, -0.2, 0.1], [0.3, 0.5, -0.4], [-0.1, 0.2, 0.6]]',
  'param U : 3x2 = [[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]]',
  'h_0 = 0',
  'h_t = tanh(W h_{t-1} + U x_t)',
  'loss L = \\frac{1}{2} \\sum_t \\|h_t\\|^2',
  '```',
  '',
];

describe('sides of two shapes in a solution', () => {
  it('fail where no layout makes them equal; a transposed shape and an inner mismatch stay unjudged', () => {
    const text = [
      ...net,
      '$$\\frac{\\partial L}{\\partial W} = \\sum_t \\mathrm{diag}(1 - h_t^2) \\frac{\\partial L}{\\partial h_t} h_{t-1}^T$$',
      '',
      '$$\\frac{\\partial L}{\\partial W} = \\sum_t \\mathrm{diag}(1 - h_t^2) \\frac{\\partial L}{\\partial h_t} x_t^T$$',
      '',
      '$$\\frac{\\partial L}{\\partial U} = \\sum_t x_t \\left(\\frac{\\partial L}{\\partial h_t}\\right)^T$$',
      '',
      '$$\\frac{\\partial L}{\\partial U} = \\sum_t x_t W$$',
      '',
    ].join('\n');
    const r = analyzeSolution(text, 'markdown', { sidecar: null });
    expect(r.equations.map((e) => e.status)).toEqual(['holds', 'fails', 'skipped', 'skipped']);
    // x_t written for h_{t-1}: the factor named, and what W multiplies (probe 41, resolve/outerFactor.ts)
    expect(r.equations[1]!.message).toBe(
      "fails: shape mismatch: the left side is a 3×3 matrix, the right side a 3×2 matrix: in the outer product diag(1 − h_t^2) ∂L/∂h_t x_tᵀ, x_t (a vector of 2) stands where W's gradient needs a vector of 3: what W multiplies in h's equation, h_{t-1}",
    );
    expect(r.equations[2]!.message).toContain("the left side's shape transposed");
  });
});
