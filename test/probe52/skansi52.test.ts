// Probe 52 (session 60): Skansi, "Introduction to Deep Learning" (Springer) ch. 7, a recurrent network and BPTT in his
// letters — t the target, E = ½ Σ (t − y)², f_h = tanh, f_o = σ. It needed the bare Σ (t − y)² read as the sum over
// the steps with the target sequence t at each (it was "y is a sequence: write y_t"), the step's letter t written for
// the target named (m7 failed with its values only), and m6 (−Σ (t_t − y_t) … with h_t left out) no longer said to
// carry over m1's sign slip (its t_t − y_t stands under a minus). Decided: the target sequence is called t, as the
// book calls it, and is written t_t at a step (as seed 001's); a bare t in Σ (t − y)² is that target, a bare t
// inside Σ_{t=1}^{T} beside y_t is the step, and a check that holds with t_t there says so.
import { describe, expect, it } from 'vitest';
import { read52 } from './read52';

describe('Skansi’s RNN and BPTT (ch. 7)', () => {
  const { r, v } = read52('skansi-rnn.md');
  it('every equation reads; the correct ones hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(0);
    for (const tag of ['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['7.9']!.status).toBe('holds-as-one-step');
    expect(r.diagnostics.some((d) => /the bare t is the sequence t, t_t, as texts that call the target t write it/.test(d.message))).toBe(
      true,
    );
  });
  it('each mistake fails or warns, naming the culprit', () => {
    for (const tag of ['m1', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/opposite sign/);
    expect(v['m2']!.status).toBe('holds-at-given-values');
    expect(v['m2']!.message).toMatch(/h_0 = 0.*leaves out its first term t = 1/);
    expect(v['m3']!.message).toMatch(/h_\{t\+1\} \(1 − h_\{t\+1\}\) should be 1 − h_\{t\+1\}\^2/);
    expect(v['m4']!.message).toMatch(/taken one-step/);
    expect(v['m5']!.message).toMatch(/The second h_t should be h_\{t-1\}/);
    expect(v['m6']!.message).toMatch(/leaves out the factor h_t: with that the check holds$/);
    expect(v['m7']!.message).toMatch(/The bare t is the step number here/);
  });
});
