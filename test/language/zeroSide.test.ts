// "No loss on the encoder's steps, so ∂L/∂W_e = 0": a sheet writes the zero gradient of a matrix as the number 0. It
// failed "the shapes differ", which says nothing of the claim; a side that is the number 0 alone is the zero of the
// side before it, as a bare I takes that side's size, and the check is judged (here: the paths it leaves out).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x = [0.5, -1.0]
param W : 2x2 = [[0.5, 0.3], [-0.2, 0.6]]
param U : 2 = [0.6, -0.4]
param b : 2 = [0, 0]
h_0 = [0.1, 0.2]
h_t = tanh(W h_{t-1} + U x_t)
loss L = sum(h_T)
`;

describe('a side that is the number 0', () => {
  it('is the zero matrix of the left side’s shape', () => {
    const r = analyze(`${NET}check ∂L/∂W = 0\n`);
    expect(r.checks[0]!.status).toBe('fails');
    expect(r.checks[0]!.message).toMatch(/the right side \[\[0, 0\], \[0, 0\]\]\. The other side leaves out the paths through h_1 and h_2/);
  });
  it('holds where the gradient is 0', () => {
    const r = analyze(`${NET}check ∂L/∂b = 0\n`);
    expect(r.checks[0]!.status).toBe('holds');
  });
});
