// Probe 48 (session 58): Chen's MinimalRNN (2017) — z_t = Φ(x_t), u_t = σ(U_h h_{t−1} + U_z z_t + b_u),
// h_t = u_t ⊙ h_{t−1} + (1 − u_t) ⊙ z_t — and its Jacobian ∂h_t/∂h_{t−1}. The model and the Jacobian written with diag
// read already. It needed the paper's D_v, the diagonal matrix of v ("unknown name D_u"); its Φ, an arbitrary map
// (tanh here), was "unknown name Φ" and now says to name it (the fixture leaves it unnamed, as the paper does).
import { describe, expect, it } from 'vitest';
import { read48 } from './read48';

describe('the MinimalRNN’s Jacobian', () => {
  const { r, v, e } = read48('minimal-rnn.md');
  it('the model, the Jacobians (with D and with diag) and their product hold', () => {
    expect(r.checked).toBe(14);
    for (const tag of ['2', '3', '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => d.message === 'D_{u_t} is read as diag(u_t), the diagonal matrix of the vector below it')).toBe(true);
    expect(e['1']!.status).toBe('skipped');
    expect(e['1']!.message).toMatch(/unknown name Φ: if Φ\(…\) is an activation .* name it once/);
  });
  it('each mistake fails naming the slip', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/immediate partial ∂⁺h_t\/∂h_\{t-1\}.*also counts the paths through u_t/);
    expect(v['m2']!.message).toMatch(/\(z_t − h_\{t-1\}\) should be \(h_\{t-1\} − z_t\)/);
    expect(v['m3']!.message).toMatch(/1 − u_t\^2 should be u_t ⊙ \(1 − u_t\)/);
    expect(v['m4']!.message).toMatch(/U_hᵀ should be U_h/);
    expect(v['m5']!.message).toMatch(/immediate partial ∂⁺h_t\/∂z_t.*paths through u_t/);
    expect(v['m6']!.message).toMatch(/has one term too many, i = k/);
    expect(v['m7']!.message).toMatch(/diag\(1 − u_1\) is no path from h_0 to h_1/);
  });
});
