// Probe 48 (session 58): Bahdanau, Cho & Bengio's attention (ICLR 2015) — e_{ij} = v_aᵀ tanh(W_a s_{i−1} + U_a h_j),
// α_{ij} its softmax over j, c_i = Σ_j α_{ij} h_j — and the gradient back through the weights into the encoder's
// states. The language has one horizon, so the fixture is the smallest version: 2 encoder steps, 2 decoder steps, the
// scores of a step a vector with one entry per encoder step. It needed α_{ij} (a step letter and an entry letter run
// together: it was "unknown name α_ij") and j both an entry of e_i and the step of h_j (refused as Cho et al.'s z_j).
import { describe, expect, it } from 'vitest';
import { read48 } from './read48';

describe('Bahdanau attention’s gradient into the encoder', () => {
  const { r, v, e } = read48('bahdanau-attention.md');
  it('the paper’s equations and the gradient hold; its f(…) says what it is', () => {
    expect(r.checked).toBe(13);
    for (const tag of ['1', '2', '3', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['8']!.message).toMatch(/for j = 1 /);
    expect(e['4']!.status).toBe('skipped');
    expect(e['4']!.message).toMatch(/f\(…\): a name applied to arguments/);
    expect(r.diagnostics.some((d) => /one entry per step of h/.test(d.message))).toBe(true);
  });
  it('each mistake fails at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m2']!.message).toMatch(/leaves out the paths through e_j and e_\{j\+1\}/);
    expect(v['m3']!.message).toMatch(/σ' should be tanh'/);
    expect(v['m4']!.message).toMatch(/s_i should be s_\{i-1\}/);
    expect(v['m5']!.message).toMatch(/needs the factor tanh'\(W s_\{i-1\} \+ U u_i \+ C c_i\) — diag\(1 − s²\) in matrix form/);
    expect(v['m6']!.message).toMatch(/leaves out its first term j = 1/);
    // the softmax's Jacobian taken as diagonal: it gave its values alone (engine/check/softmaxDiagonal.ts)
    expect(v['m1']!.message).toMatch(/the diagonal of the softmax's Jacobian: .* leaves out the term −α_i\[j\] Σ_k α_i\[k\] ∂L\/∂α_i\[k\]/);
  });
});
