// Probe 32 (session 47): Raschka, Liu & Mirjalili, "Machine Learning with PyTorch and Scikit-Learn", ch. 15: the RNN
// z_h^{(t)} = W_xh x^{(t)} + W_hh h^{(t−1)} + b_h, h^{(t)} = σ_h(z_h^{(t)}), o^{(t)} = σ_o(W_ho h^{(t)} + b_o), the BPTT
// formula ∂L^{(t)}/∂W_hh = ∂L^{(t)}/∂o^{(t)} × ∂o^{(t)}/∂h^{(t)} × (Σ_{k=1}^{t} ∂h^{(t)}/∂h^{(k)} × ∂h^{(k)}/∂W_hh) with
// × the product, and ∂h^{(t)}/∂h^{(k)} = ∏_{i=k+1}^{t} ∂h^{(i)}/∂h^{(i−1)}. The output's Jacobian written W_ho, its σ_o'
// left out, failed with its values only: a rectangular Jacobian's slope is now named (check/jacobianSlope.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'raschka-bptt.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));
const msg = (tag: string) => {
  expect(v[tag]!.status, tag).toBe('fails');
  return v[tag]!.message;
};

describe('Raschka ch. 15: the BPTT formula with ×', () => {
  it('the book’s equations and the student’s correct BPTT hold', () => {
    for (const tag of ['R1', 'R2', 'R3', 'R4', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12', 'R13', 'R14', 'R15'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(r.skipped).toBe(0);
  });
  it('the book’s ∂h^{(k)}/∂W_hh inside the Σ holds as a one-step derivative, saying what the total adds', () => {
    expect(v.R5!.status).toBe('holds-as-one-step');
    expect(v.R5!.message).toMatch(/with ∂h_k\/∂W_hh read as one-step derivative/);
  });
  it('the mistakes fail, naming the culprit', () => {
    expect(msg('RM1')).toMatch(/\(i = k\.\.t\) has one term too many, i = k/);
    expect(msg('RM2')).toMatch(/\(i = k\+2\.\.t\) leaves out its first term i = k\+1/);
    expect(msg('RM3')).toMatch(
      /read as one-step derivatives, the Σ over k on the right side \(k = 1\.\.t−1\) leaves out its last term k = t/,
    );
    expect(msg('RM5')).toMatch(/h_\{i-1\} should be h_i/);
    expect(msg('RM6')).toMatch(/W_hhᵀ should be W_hh/);
    expect(msg('RM8')).toMatch(/The right side leaves out ∂L_1\/∂W_hh \+ ∂L_2\/∂W_hh/);
    expect(msg('RM9')).toMatch(/The second h_t should be h_\{t-1\}/);
    expect(msg('RM10')).toMatch(/opposite sign/);
    expect(msg('RM11')).toMatch(/the factor tanh'\(z_h\^t\) — diag\(1 − h²\) in matrix form — is missing/);
    expect(msg('RM12')).toMatch(/carried over/);
    expect(msg('RM14')).toMatch(/∂h_\{i-1\}\/∂h_i is 0: h_\{i-1\} does not depend on h_i/);
  });
  it('∂o^{(t)}/∂h^{(t)} = W_ho names σ_o’s slope (it failed with its values only)', () => {
    expect(msg('RM7')).toMatch(
      /The factor σ′\(W_ho h_t \+ b_o\) — diag\(σ\(1 − σ\)\) in matrix form — is missing before W_ho: with it the check holds/,
    );
  });
  it('left alone: ∂⁺h^{(k)}/∂W_hh, 0 where W_hh reaches h^{(k)} through z_h^{(k)}, and the Jacobian factor left out', () => {
    expect(msg('RM13')).toMatch(/no path from W_hh to L_2/);
  });
});
