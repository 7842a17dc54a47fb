// Bahdanau, Cho & Bengio's attention (probe 48): e_{ij} = v_aᵀ tanh(W_a s_{i−1} + U_a h_j), the scores of decoder step
// i one entry per encoder step j. α_{ij} was "unknown name α_ij" (only t, T or a number could come first), and j,
// an entry of e_i and the step of h_j, was refused as Cho et al.'s z_j beside h_j^{⟨t⟩} is. Now a bound or free letter
// first is the step, and j runs over the entries where h has no such count of units (z and h of one size: refused).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';

const NET = `T = 2
input x = [0.5, -1.0]
param W_e : 3x3 = [[0.5, 0.3, 0], [-0.2, 0.6, 0.1], [0.1, -0.3, 0.4]]
param U_e : 3 = [0.6, -0.4, 0.3]
param W_a : 2x2 = [[0.4, -0.3], [0.2, 0.5]]
param U_a : 2x3 = [[0.7, 0.1, -0.4], [-0.3, 0.4, 0.2]]
param v_a : 2 = [0.8, -0.6]
param C : 2x3 = [[0.6, 0.1, -0.3], [0.2, -0.5, 0.4]]
h_0 = [0, 0, 0]
h_t = tanh(W_e h_{t-1} + U_e x_t)
s_0 = [0.1, -0.2]
e_t = [v_aᵀ tanh(W_a s_{t-1} + U_a h_1), v_aᵀ tanh(W_a s_{t-1} + U_a h_2)]
α_t = softmax(e_t)
c_t = α_t[1] h_1 + α_t[2] h_2
s_t = tanh(W_a s_{t-1} + C c_t)
loss L = sum(s_T)
`;
const run = (check: string) => analyze(`${NET}check ${check}`);

describe('a step letter and an entry letter run together, one entry per encoder step', () => {
  it('α_{ij} and e_{ik} read as step i, entry j (k), said', () => {
    const r = run('α_{ij} = exp(e_{ij}) / Σ_{k=1}^{2} exp(e_{ik})');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => /^α_\{ij\} is read as entry j of α at step i: α_\{i,j\}/.test(d.message))).toBe(true);
  });
  it('j an entry of e_i and the step of h_j: one entry per step, said; a wrong step still fails', () => {
    const r = run('e_{ij} = v_aᵀ tanh(W_a s_{i-1} + U_a h_j)');
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.diagnostics.some((d) => /one entry per step of h/.test(d.message))).toBe(true);
    expect(run('e_{ij} = v_aᵀ tanh(W_a s_i + U_a h_j)').checks[0]!.status).toBe('fails');
  });
  it('where the step written runs past the last step, only the steps where it is defined are checked', () => {
    const r = run(
      '∂L/∂h_j = Σ_i (α_{ij} ∂L/∂c_i + ∂L/∂e_{ij} U_aᵀ (v_a ⊙ (1 - tanh^2(W_a s_{i-1} + U_a h_j)))) + W_eᵀ(∂L/∂h_{j+1} ⊙ (1 - h_{j+1}^2))',
    );
    expect(r.checks.map((c) => c.status)).toEqual(['holds']);
    expect(r.checks[0]!.message).toMatch(/for j = 1 /);
  });
  it('a letter the name of one size as h (Cho et al.’s z_j beside h_j^{⟨t⟩}) stays refused', () => {
    const r = analyze(`T = 2
param W : 2x2 = [[0.5, 0.1], [-0.3, 0.8]]
input x : 2 = [[1, 0], [0.5, 2]]
h_0 = [0, 0]
z_t = σ(W h_{t-1} + x_t)
h_t = z_t ⊙ tanh(W h_{t-1} + x_t)
loss L = sum(h_T)
check h_{tj} = z_j h_{tj}`);
    expect(r.checks).toEqual([]);
    expect(r.diagnostics.some((d) => /a letter is one or the other/.test(d.message))).toBe(true);
  });
});
