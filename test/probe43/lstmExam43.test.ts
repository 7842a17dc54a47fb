// Probe 43 (session 55): an LSTM's backward pass as an exam answer writes it, ASCII-ish: dL/dc_t for ∂L/∂c_t (the total
// derivative, LANGUAGE.md §4's ASCII spelling), `*` for the product that follows the shapes (elementwise for two
// vectors of one size, as numpy's `*`; the matrix product for a matrix and a vector), `tanh(c_t)^2`, and numpy's
// block W_f[:, :2] of a gate's weight over the stacked [h_{t−1}; x_t] (it was "expected a value, found ','").
import { describe, expect, it } from 'vitest';
import { read43 } from './read43';

describe('an exam’s LSTM backward pass in ASCII', () => {
  const { r, v } = read43('lstm-exam.md');
  it('every equation reads and the answer holds', () => {
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /W_f\[:, :2\] is read as rows 1 to 2 and columns 1 to 2 of W_f/.test(d.message))).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['e1']!.message).toMatch(/leaves out the path through c_\{t\+1\}/);
    expect(v['e2']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(v['e3']!.message).toMatch(/1 − tanh\(c_t\) should be 1 − tanh\(c_t\)\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(v['e4']!.message).toMatch(/c_t should be tanh\(c_t\)/);
    expect(v['e5']!.message).toMatch(/g_t should be c_\{t-1\}/);
    expect(v['e6']!.message).toMatch(/their outer product is written with the right one transposed/);
    expect(v['e7']!.message).toMatch(/leaves out the paths through a_o\^\{t\+1\}/);
  });
});
