// Probe 31 (session 46): MIT 6.S191 (Amini), the RNN lecture's h_t = tanh(W_hhᵀ h_{t−1} + W_xhᵀ x_t), ŷ_t = W_hyᵀ h_t,
// L = Σ_t L_t, the many factors of W_hh in ∂h_t/∂h_k and the vanishing-gradient bound, and a student's BPTT in those
// letters. The slides multiply by the weights' transposes, so ∂L/∂W_hh = Σ_t h_{t−1} δ_tᵀ has the state first; the
// message for its transpose said "the gradient comes first", the order of a network written W h (transposedWeight.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'mit6s191-rnn.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('MIT 6.S191: the RNN lecture', () => {
  it('the slides’ equations and the student’s correct BPTT hold, the bound too', () => {
    for (const tag of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10', 'A11', 'A12', 'A13'])
      expect(v[tag]!.status, tag).toBe('holds');
    expect(v.A11!.message).toMatch(/the 6 of 9 pairs where its Σ\/∏ bounds run forward/);
  });
  it('the transposed outer product of a weight the network multiplies transposed: the state comes first', () => {
    expect(v.AM5!.status).toBe('fails');
    expect(v.AM5!.message).toMatch(
      /the network multiplies by W_hhᵀ, so in ∂L\/∂W_hh's outer product the state comes first and the gradient second/,
    );
    expect(v.AM5!.message).not.toMatch(/the gradient comes first/);
  });
  it('the mistakes fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('AM1')).toMatch(/without its transpose, W_hy fits \(a ᵀ too many\?\)\. With W_hy for W_hyᵀ: holds/);
    expect(msg('AM2')).toMatch(/W_hhᵀ should be W_hh: with that transpose the check holds/);
    expect(msg('AM3')).toMatch(/h_t should be h_\{t\+1\}: with that step the check holds/);
    expect(msg('AM4')).toMatch(/leaves out the path through h_\{t\+1\}/);
    expect(msg('AM6')).toMatch(/\(t = 1\.\.2\) leaves out its last term t = 3/);
    expect(msg('AM7')).toMatch(/The right side leaves out ∂L_1\/∂W_hh \+ ∂L_2\/∂W_hh/);
    expect(msg('AM8')).toMatch(/h_\{t-1\} should be h_t: with that step the check holds/);
    expect(msg('AM9')).toMatch(/\(j = k\.\.t\) has one term too many, j = k/);
    expect(msg('AM10')).toMatch(/∂L\/∂h_1 needs the factor tanh'/);
    expect(msg('AM11')).toMatch(/∂L\/∂h_t needs the factor tanh'/);
  });
});
