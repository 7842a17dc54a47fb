// numpy's block of a matrix, W_f[:, :2] (probe 43: an exam answer's ∂L/∂h_t through the stacked [h_{t−1}; x_t], the
// columns of each gate's weight that multiply h): rows and columns with a range, 1-based with both ends included as
// a[i:j] is, `:` all of them, `:j` the first j. It was "expected a value, found ','".
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 1 = [[0.5], [0.2]]
param W : 2x3 = [[0.3, -0.2, 0.4], [0.2, 0.5, -0.3]]
h_0 = [0.1, 0.2]
z_t = [h_{t-1}; x_t]
a_t = W z_t
h_t = tanh(a_t)
loss L = Σ_t sum(h_t)
`;

describe('a block of a matrix', () => {
  it('reads rows and columns with a range, and says how', () => {
    const r = analyze(
      `${NET}check ∂L/∂h_1 = W[:, :2]^T ∂L/∂a_2 + 1 - h_1 + h_1\ncheck ∂h_2/∂x_2 = diag(1 - h_2^2) W[:, 3]\ncheck W[1, :] z_1 = W[1, 1:3] z_1\ncheck ∂h_2/∂x_2 = diag(1 - h_2^2) W[:, 2:2]\n`,
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.checks.map((c) => c.status)).toEqual(['holds', 'holds', 'holds', 'fails']);
    expect(r.diagnostics.map((d) => d.message)).toContain(
      'W[:, :2] is read as rows 1 to 2 and columns 1 to 2 of W, a 2×2 block (1-based, both ends included, as v[i] is; `:` is all of them, `:j` the first j)',
    );
  });

  it('outside the matrix, or of a vector, is an error that says so', () => {
    const r = analyze(`${NET}check ∂h_2/∂x_2 = W[:, 4]\ncheck h_1 = h_1[:, 1]\n`);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    expect(errors).toContain('the columns 4 to 4 are not within 1..3');
    expect(errors.some((m) => /takes a block of a matrix, and h_1 is a vector of 2/.test(m))).toBe(true);
  });
});
