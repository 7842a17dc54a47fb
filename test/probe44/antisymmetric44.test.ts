// Probe 44 (session 56): Chang, Chen, Haber & Chi's AntisymmetricRNN, h_t = h_{t−1} + ε tanh((W_h − W_hᵀ − γI) h_{t−1} +
// V_h x_t + b_h), its one-step Jacobian I + ε diag(tanh′(…))(W_h − W_hᵀ − γI) and BPTT. The paper's notation read as
// written (diag[…] with brackets, γI sized by W_h). It needed: the skip connection left out said as the direct term
// (it was "leaves out the path through h_t"), and the weight's gradient without its part through W_hᵀ named
// (transposedUse.ts; it gave two values).
import { describe, expect, it } from 'vitest';
import { read44 } from './read44';

describe('the AntisymmetricRNN’s backward pass', () => {
  const { r, v, e } = read44('antisymmetric-rnn.md');
  it('the cell, its Jacobian and BPTT hold as the paper writes them', () => {
    expect(r.checked).toBe(16);
    for (const tag of ['1', '2', '3', '4', '6', '7', '8', '9']) expect(v[tag]!.status, tag).toBe('holds');
    expect(e['5']!.status).toBe('skipped');
    expect(e['5']!.message).toMatch(/it defines δ by a derivative/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/leaves out the direct term ∂⁺h_t\/∂h_\{t-1\}, h_\{t-1\}'s own appearance in h_t's equation/);
    expect(v['m2']!.message).toMatch(/\(W_h − W_hᵀ − γ I_2\)ᵀ should be W_h − W_hᵀ − γ I_2/);
    expect(v['m3']!.message).toMatch(/σ' should be tanh': with that derivative the check holds/);
    expect(v['m4']!.message).toMatch(/\(W_h − W_hᵀ \+ γ I_2\) should be \(W_h − W_hᵀ − γ I_2\): with that sign the check holds/);
    expect(v['m5']!.message).toMatch(/should be ∂L\/∂h_t·∂⁺h_t\/∂z_t: it leaves out the factor ε \(∂⁺h_t\/∂z_t has it\)/);
    expect(v['m6']!.message).toMatch(
      /leaves out the part through W_hᵀ, which z_t's equation also reads: that part is the right side transposed and negated, −\(Σ.* δ_t h_\{t-1\}ᵀ\)ᵀ; with it the check holds/,
    );
    expect(v['m7']!.message).toMatch(/leaves out the path through h_\{t\+1\}/);
  });
});
