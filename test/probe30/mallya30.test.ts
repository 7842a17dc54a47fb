// Probe 30 (session 46): Arun Mallya's "LSTM Forward and Backward Pass" notes, pasted as a student writes them: the
// cell a_t = tanh(W_c x_t + U_c out_{t−1}), i_t, f_t, o_t, state_t = a_t ⊙ i_t + f_t ⊙ state_{t−1}, out_t =
// tanh(state_t) ⊙ o_t (the pre-activations written with hats, as the notes write â_t), and the backward pass δout_t,
// δstate_t = δout_t ⊙ o_t ⊙ (1 − tanh²(state_t)) + δstate_{t+1} ⊙ f_{t+1}, δa_t, δi_t, δf_t, δo_t at the gates'
// pre-activations, δx_t = Wᵀ δgates_t and δW = Σ_t δgates_t ⊗ x_t (per gate here), the notes' gradients defined inline.
// A culprit named: δx_t = W_c δa_t + W_i δi_t + W_f δf_t + W_o δo_t, the transpose left out of every weight, failed
// with its values only (no single transpose mends it): engine/check/textbook.ts transposeHint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution, type SolutionReport } from '../../src/solution';
import { analyze } from '../../src/analysis';

const read = (name: string): SolutionReport =>
  analyzeSolution(readFileSync(join(__dirname, 'fixtures', `${name}.md`), 'utf8'), 'markdown', { sidecar: null });
// the messages composed (NFC): â is written a + U+0302 by the reader
const verdicts = (r: SolutionReport) => Object.fromEntries(r.equations.map((e) => [e.tag, { ...e, message: e.message.normalize('NFC') }]));

describe('every weight of a sum written without its transpose (regression)', () => {
  const NET = `T = 2
input x : 2 = [[1, 0.5], [-0.5, 1]]
param A : 2x2 = [[0.4, -0.2], [0.1, 0.3]]
param B : 2x2 = [[0.2, 0.5], [-0.3, 0.1]]
p_t = A x_t
q_t = B x_t
loss L = Σ_t sum(tanh(p_t) ⊙ σ(q_t))
`;
  it('names the transposes together (it failed with the values only)', () => {
    const r = analyze(`${NET}check ∂L/∂x_t = A ∂L/∂p_t + B ∂L/∂q_t\ncheck ∂L/∂x_t = A^T ∂L/∂p_t + B^T ∂L/∂q_t\n`);
    expect(r.checks.map((c) => c.status)).toEqual(['fails', 'holds']);
    expect(r.checks[0]!.message).toMatch(/A and B should be Aᵀ and Bᵀ: with those 2 transposes the check holds/);
  });
  it('one transpose left out is named alone, as before', () => {
    const r = analyze(`${NET}check ∂L/∂x_t = A^T ∂L/∂p_t + B ∂L/∂q_t\n`);
    expect(r.checks[0]!.message).toMatch(/B should be Bᵀ$/);
  });
});

describe('Mallya, LSTM forward and backward pass', () => {
  const v = verdicts(read('mallya-lstm'));
  it('the correct formulas hold', () => {
    for (const tag of ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11']) expect(v[tag]!.status, tag).toBe('holds');
  });
  it('the notes’ δW = Σ_{t=0}^{T} δgates_t ⊗ x_t, steps from 0, names its bound', () => {
    expect(v.M12!.status).toBe('fails');
    expect(v.M12!.message).toMatch(
      /the sum's lower bound t = 0 is outside the steps â has \(1\.\.3\): â_t reads â_0 there\. From t = 1 the check holds/,
    );
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('MM1')).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(msg('MM2')).toMatch(/1 − tanh\(state_t\) should be 1 − tanh\(state_t\)\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(msg('MM3')).toMatch(/1 − a_t should be 1 − a_t\^2/);
    expect(msg('MM4')).toMatch(/state_t should be state_\{t-1\}: with that step the check holds/);
    expect(msg('MM5')).toMatch(/state_t should be tanh\(state_t\): with that the check holds/);
    expect(msg('MM6')).toMatch(/∂E\/∂â_t should be ∂E\/∂â_\{t\+1\}: with that step the check holds/);
    expect(msg('MM7')).toMatch(/W_c, W_i, W_f and W_o should be W_cᵀ, W_iᵀ, W_fᵀ and W_oᵀ: with those 4 transposes the check holds/);
    expect(msg('MM8')).toMatch(/leaves out the path through state_\{t\+1\}: the term ∂E\/∂state_\{t\+1\}·∂⁺state_\{t\+1\}\/∂state_t/);
    expect(msg('MM9')).toMatch(/δi_t = ∂E\/∂î_t is ∂E\/∂i_t times σ'\(î_t\) = i_t\(1 − i_t\) — that factor is missing/);
    expect(msg('MM10')).toMatch(/The right side is the left side with the opposite sign/);
    expect(msg('MM11')).toMatch(/leaves out the path through f̂_\{t\+1\}: the term ∂E\/∂f̂_\{t\+1\}·∂⁺f̂_\{t\+1\}\/∂out_t/);
    expect(msg('MM12')).toMatch(/x_\{t-1\} should be x_t: with that step the check holds/);
  });
  it('δU = Σ_{t=1}^{T−1} δa_{t+1} ⊗ out_t, its first term left out, holds only because out_0 = 0, and says so', () => {
    expect(v.MM13!.status).toBe('holds-at-given-values');
    expect(v.MM13!.message).toMatch(/it leans on the given value of out_0 \(out_0 = 0\).*leaves out its first term t = 0/);
  });
});
