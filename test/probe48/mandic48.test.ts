// Probe 48 (session 58): Mandic & Chambers' gradient descent for a recurrent perceptron (Recurrent Neural Networks for
// Prediction, 2001) — y(k) = Φ(uᵀ(k) w(k)), e(k) = s(k) − y(k), Δw(k) = η e(k) ∂y(k)/∂w(k), the sensitivities carried
// in k. It needed uᵀ(k) (a transpose before the step: "u is a sequence"), the block's u_t = [x_t, 1, y_{t−1}] with
// v_t = u_tᵀ w (y was inferred a vector of 3) and Φ named (Φ = σ in the block; unnamed it says so). Left alone: w(k)
// in a derivative is w's copy at step k (Goodfellow's W^{(t)}), not real-time recurrent learning's total derivative,
// so the book's sensitivity recursion (6) fails and its perceptron gradient (m1) holds; see docs/language-notes.md.
import { describe, expect, it } from 'vitest';
import { read48 } from './read48';

describe('the recurrent perceptron’s gradient descent', () => {
  const { r, v, e } = read48('mandic-recurrent-perceptron.md');
  it('the unit, its error and its slope hold; Δw says it is no value', () => {
    expect(r.checked).toBe(11);
    for (const tag of ['1', '2', '3', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(e['5']!.message).toMatch(/unknown name Δ: if Δw is a change of w/);
  });
  it('w(k) in a derivative is the step-k copy: the sensitivity recursion fails, the perceptron’s gradient holds', () => {
    expect(v['4']!.status).toBe('fails');
    expect(v['4']!.message).toMatch(/w's copy at step k alone/);
    expect(v['6']!.status).toBe('fails');
    expect(v['m1']!.status).toBe('holds');
  });
  it('the other mistakes fail', () => {
    for (const tag of ['m2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m4']!.message).toMatch(/Each e_k should be y_k/);
    expect(v['m5']!.message).toMatch(/the last factor should be ∂y_1\/∂w/);
  });
});
