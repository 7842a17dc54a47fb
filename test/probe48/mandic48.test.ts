// Probe 48 (session 58): Mandic & Chambers' gradient descent for a recurrent perceptron (Recurrent Neural Networks for
// Prediction, 2001) — y(k) = Φ(uᵀ(k) w(k)), e(k) = s(k) − y(k), Δw(k) = η e(k) ∂y(k)/∂w(k), the sensitivities carried
// in k (real-time recurrent learning). It needed: the block's u_t = [x_t, 1, y_{t−1}] with v_t = u_tᵀ w (y was inferred
// a vector of 3); uᵀ(k), a transpose before the step ("u is a sequence"); w(k) and w_3(k), the weights at time k, read
// as the shared parameter (they were "w is not a sequence" and w_3·k, and ∂y(k)/∂w(k) Goodfellow's step copy, under
// which the book's recursion failed and the perceptron's gradient held); Φ named in the block (Φ = σ).
import { describe, expect, it } from 'vitest';
import { read48 } from './read48';

describe('the recurrent perceptron’s gradient descent', () => {
  const { r, v, e } = read48('mandic-recurrent-perceptron.md');
  it('the unit, its gradient and the sensitivity recursion hold; Δw says it is no value', () => {
    expect(r.checked).toBe(11);
    for (const tag of ['1', '2', '3', '4', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /^w\(…\) is read as w: a weight written at a time/.test(d.message))).toBe(true);
    expect(e['5']!.status).toBe('skipped');
    expect(e['5']!.message).toMatch(/unknown name Δ: if Δw is a change of w/);
  });
  it('the feedback’s sensitivity left out is the one-step derivative, said with what the total adds', () => {
    expect(v['m1']!.status).toBe('holds-as-one-step');
    expect(v['m1']!.message).toMatch(/As total derivatives it fails/);
  });
  it('the other mistakes fail naming the slip', () => {
    for (const tag of ['m2', 'm3', 'm4', 'm5']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m2']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['m3']!.message).toMatch(/The term σ′\(v_k\)·w\[3\]·∂y_k\/∂w is no path from w to y_1/);
    expect(v['m4']!.message).toMatch(/Each e_k should be y_k/);
    expect(v['m5']!.message).toMatch(/the last factor should be ∂y_1\/∂w/);
  });
});
