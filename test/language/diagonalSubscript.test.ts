// Chen's MinimalRNN (2017) writes the Jacobian ∂h_t/∂h_{t−1} = D_{u_t} + D_{u_t ⊙ (1 − u_t) ⊙ (h_{t−1} − z_t)} U_h, D_v
// the diagonal matrix of v (probe 48): it was "unknown name D_u". D with a vector below, where the file defines no D,
// is diag of it, said; a file's own D keeps its reading, and a subscript that is no vector is left as it was.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = (extra = '') => `T = 2
input x : 2 = [[0.5, -1.0], [0.3, 0.8]]
param U_h : 2x2 = [[0.5, 0.2], [-0.3, 0.4]]
${extra}
h_0 = [0.1, 0.2]
u_t = σ(U_h h_{t-1} + x_t)
h_t = u_t ⊙ h_{t-1} + (1 - u_t) ⊙ x_t
loss L = sum(h_T)
`;
const JACOBIAN = 'check ∂h_t/∂h_{t-1} = D_{u_t} + D_{u_t ⊙ (1 - u_t) ⊙ (h_{t-1} - x_t)} U_h';

describe('D with a vector below is its diagonal matrix', () => {
  it('Chen’s Jacobian holds, each D said; the transpose slip is still named', () => {
    const r = analyze(NET() + JACOBIAN);
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => d.message === 'D_{u_t} is read as diag(u_t), the diagonal matrix of the vector below it')).toBe(true);
    const slip = analyze(`${NET()}${JACOBIAN}ᵀ`);
    expect(slip.checks[0]!.status).toBe('fails');
    expect(slip.checks[0]!.message).toMatch(/U_hᵀ should be U_h/);
  });
  it('a file that defines D keeps it', () => {
    const r = analyze(NET('param D : 2x2 = [[1, 0], [0, 2]]') + 'check D_{12} = D[1, 2]');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => /diagonal matrix/.test(d.message))).toBe(false);
  });
});
