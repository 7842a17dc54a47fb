// Probe 43 (session 55): Arjovsky, Shah & Bengio's §2 (unitary RNNs): ∂C/∂h_t = ∂C/∂h_T ∏_{k=t}^{T−1} ∂h_{k+1}/∂h_k with
// D_k = diag(σ'(z_k)), and the bound ‖∂C/∂h_t‖ ≤ ‖∂C/∂h_T‖ ∏ ‖D_{k+1}Wᵀ‖. D_k at a step named k was "not a name of the
// network" and every D_{k+1} "unknown name D" (solution/stepLetter.ts). The paper's own links mix its layouts: its
// D_{k+1}Wᵀ in the chain fails naming the transpose, and its bound with ‖D_{k+1}Wᵀ‖ (whose spectral norm is ‖W D_{k+1}‖,
// not the step's ‖D_{k+1}W‖) holds only at the file's values — the true bound holds.
import { describe, expect, it } from 'vitest';
import { read43 } from './read43';

describe('Arjovsky, Shah & Bengio’s vanishing gradients', () => {
  const { r, v, e } = read43('arjovsky-unitary.md');
  it('D_k defines D; the chain, the column form and the bounds hold', () => {
    expect(e['1']!.message).toMatch(/it defines D by the formula after it/);
    expect(r.checked).toBe(16);
    for (const tag of ['2', '3', "3'", '4', '5', '6', '7', '8']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the paper’s mixed layouts are said precisely', () => {
    expect(v['2p']!.status).toBe('fails');
    expect(v['2p']!.message).toMatch(/Wᵀ should be W: with that transpose the check holds/);
    expect(v['7p']!.status).toBe('holds-at-given-values');
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['a1', 'a2', 'a3', 'a4', 'a5', 'a6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['a1']!.message).toMatch(/a gradient is a row that multiplies the Jacobians from the left/);
    expect(v['a2']!.message).toMatch(/D_k should be D_\{k\+1\}: with that step the check holds/);
    expect(v['a3']!.message).toMatch(/the factor σ'\(z_3\) — diag\(σ\(1 − σ\)\) in matrix form — is missing/);
    expect(v['a4']!.message).toMatch(/The ∏ over k on the right side \(k = t\.\.1\) leaves out its last term k = 2/);
    expect(v['a5']!.message).toMatch(/the bound is turned — with ≤ in place of ≥ it holds at every draw/);
    expect(v['a6']!.message).toMatch(/1 − h_k\^2 should be h_k ⊙ \(1 − h_k\)/);
  });
});
