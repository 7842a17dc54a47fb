// σ's slope written for softmax's (session 35): `∂L/∂o_t = ŷ_t (1 − ŷ_t)` for ŷ_t = softmax(o_t) failed with its two
// vectors only. ŷ(1 − ŷ) is the diagonal of softmax's Jacobian alone; with a cross-entropy loss the gradient by the
// logits is ŷ_t − y_t, named when it holds.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { CS231N_RNN } from '../solution/helpers';

const check = (net: string, line: string) => {
  const r = analyze(`${net}check ${line}\n`).checks[0]!;
  return { status: r.status, message: r.message.normalize('NFC') };
};
const DIAGONAL =
  /ŷ_t \(1 − ŷ_t\) is σ's slope; for ŷ_t = softmax\(o_t\) it is only the diagonal of the Jacobian, diag\(ŷ_t\) − ŷ_t ŷ_tᵀ \(each entry of ŷ_t reads every entry of o_t\)/;

describe("σ's slope for a softmax output", () => {
  it('is named, with the cross-entropy gradient that holds', () => {
    for (const rhs of ['ŷ_t (1 - ŷ_t)', 'ŷ_t ⊙ (1 - ŷ_t)', '(1 - ŷ_t) ⊙ ŷ_t']) {
      const r = check(CS231N_RNN, `∂L/∂o_t = ${rhs}`);
      expect(r.status).toBe('fails');
      expect(r.message).toMatch(DIAGONAL);
      expect(r.message).toMatch(/With the cross-entropy loss, ∂L\/∂o_t = ŷ_t − y_t: with that the check holds$/);
    }
  });

  it('is named without a gradient where none holds (a squared error)', () => {
    const mse = CS231N_RNN.replace('loss L = -Σ_t y_t^T log(ŷ_t)', 'loss L = Σ_t ||ŷ_t - y_t||^2');
    const r = check(mse, '∂L/∂o_t = ŷ_t (1 - ŷ_t)');
    expect(r.status).toBe('fails');
    expect(r.message).toMatch(DIAGONAL);
    expect(r.message).not.toMatch(/cross-entropy/);
  });

  it('is not said of a σ output, whose slope it is', () => {
    const sigma = CS231N_RNN.replace('ŷ_t = softmax(o_t)', 'ŷ_t = σ(o_t)');
    expect(check(sigma, '∂L/∂o_t = ŷ_t (1 - ŷ_t)').message).not.toMatch(/σ's slope; for/);
  });
});
