// Sutskever, Martens & Hinton's W_hh^{(x_t)}: the hidden-to-hidden matrix the input chooses. Where the file names no
// W_hh it was "unknown name W_hh — did you mean W_hx?"; it now says what the notation is and how to write it. And a
// matrix written to the power 1 (Bradbury et al.'s taps W_z^1, W_z^2) is said to be read as a power.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x : 2 = [[0.5, -1.0], [0.3, 0.8]]
param W_hx : 2x2 = [[0.6, -0.4], [0.3, 0.5]]
param W_z : 2x2 = [[0.4, -0.3], [0.6, 0.2]]
h_0 = [0.1, -0.2]
h_t = tanh(W_hx x_t + W_z h_{t-1})
loss L = sum(h_T)
`;

describe('a matrix chosen by the input, and a matrix to the power 1', () => {
  it('W_hh^{(x_t)} is said to be a matrix the input chooses', () => {
    const r = analyze(`${NET}check h_t = tanh(W_hx x_t + W_hh^{(x_t)} h_{t-1})\n`);
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d?.message).toMatch(/^unknown name W_hh: W_hh\^\{\(x_t\)\}, a matrix chosen by the input x at each step/);
  });
  it('W_z^1 is read as the power, and said', () => {
    const r = analyze(`${NET}check W_z^1 = W_z\n`);
    expect(r.checks[0]!.status).toBe('holds');
    expect(r.diagnostics.some((d) => /W_z\^1 is read as the matrix power, W_z itself/.test(d.message))).toBe(true);
  });
});
