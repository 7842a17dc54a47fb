// Probe 41 (session 54): Raúl Rojas's backpropagation in matrix form (Neural Networks, ch. 7), with his rows for the
// layers' outputs and columns for the errors, on a network unfolded in time. Two readings were missing: the gradient by
// a row right of a matrix (V D ∂E/∂h_{t+1}, "shape mismatch … the derivative (1×3 matrix)": resolve/rowGradient.ts) and
// his diagonal matrices of slopes with the layer's tag, D^{(2)}_t = diag(…) ("unknown name D": formulaDefinition).
import { describe, expect, it } from 'vitest';
import { read41 } from './read41';

describe('Rojas’s matrix form, unfolded', () => {
  const { r, v, e } = read41('rojas-matrix.md');
  it('the backpropagated errors and the unfolded weights’ gradients hold', () => {
    for (const tag of ['4', '6', '7', "7'", '8', '9', '10']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.checked).toBe(11);
  });
  it('the gradient by a row is the column a matrix carries back, said in an information', () => {
    const said = r.diagnostics.filter((d) => d.code === 'row-gradient' && /read as the column of its entries/.test(d.message));
    expect(said.length).toBeGreaterThan(0);
    expect(said[0]!.message).toMatch(/∂E\/∂h_\{t\+1\} \(a 1×3 row, as h_\{t\+1\} is\) is read as the column of its entries/);
  });
  it('e_t and D^{(2)}_t, D^{(1)}_t are definitions of the solution’s own, read by (7′)', () => {
    expect(e['1']!.message).toMatch(/it defines e by the formula after it/);
    // the display defines both (session 56: it named the last alone)
    expect(e['2']!.message).toMatch(/it defines D\^\{\(2\)\} and D\^\{\(1\)\} by the formulas after them/);
  });
  it('a derivative by an expression is said so, not guessed', () => {
    expect(e['5']!.status).toBe('skipped');
    expect(e['5']!.message).toMatch(/differentiate with respect to a name/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['r1', 'r2', 'r3', 'r4']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['r1']!.message).toMatch(/Vᵀ should be V: with that transpose the check holds/);
    expect(v['r2']!.message).toMatch(/h_t should be h_\{t\+1\}, both times it is written: with that step the check holds/);
    expect(v['r3']!.message).toMatch(/leaves out the paths through h_1 and h_2/);
    expect(v['r4']!.message).toMatch(/D\^\{\(1\)\}_t should be D\^\{\(1\)\}_\{t\+1\}: with that step the check holds/);
  });
});
