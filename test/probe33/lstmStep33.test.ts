// Probe 33 (session 47): a student's LSTM backward pass in the style of CS231n assignment 3's lstm_step_backward,
// written as maths — the stacked a_t = W_x x_t + W_h h_{t-1} + b sliced into the gates, dc_t, do_t, di_t, df_t, dg_t,
// the gradients at the pre-activations with σ(·)(1 − σ(·)), dc_{t-1}, dh_{t-1}, dW_x, dW_h, db — with the slips a TA
// circles: f_t for f_{t+1}, 1 − tanh(c_t) for 1 − tanh²(c_t), transposes left out, the carried cell gradient alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSolution } from '../../src/solution';

const r = analyzeSolution(readFileSync(join(__dirname, 'fixtures', 'lstm-step-backward.md'), 'utf8'), 'markdown', { sidecar: null });
const v = Object.fromEntries(r.equations.map((e) => [e.tag, e]));

describe('an LSTM step’s backward pass', () => {
  it('every correct formula holds', () => {
    for (let k = 1; k <= 18; k++) expect(v[String(k)]!.status, String(k)).toBe('holds');
  });
  it('the slips fail, naming the culprit', () => {
    const msg = (tag: string) => {
      expect(v[tag]!.status, tag).toBe('fails');
      return v[tag]!.message;
    };
    expect(msg('S1')).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(msg('S2')).toMatch(/1 − tanh\(c_t\) should be 1 − tanh\(c_t\)\^2 \(tanh' is 1 − tanh², the square is missing\)/);
    expect(msg('S3')).toMatch(/their outer product is written with the right one transposed/);
    expect(msg('S4')).toMatch(/W_hᵀ \(2×8 matrix\) fits \(a transpose missing\?\)\. With W_hᵀ for W_h: holds/);
    expect(msg('S5')).toMatch(/leaves out the path through h_\{t-1\}/);
    expect(msg('S6')).toMatch(/each σ\(f_t\) should be σ\(f̂_t\)/);
    expect(msg('S7')).toMatch(/c_\{t-1\} should be c_t: with that step the check holds/);
  });
  it('left alone: Σ_t x_t da_tᵀ, the transposed shape of dW_x, stays unjudged', () => {
    expect(v.S8!.status).toBe('skipped');
    expect(v.S8!.message).toMatch(/the left side's shape transposed/);
  });
});
