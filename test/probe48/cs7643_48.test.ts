// Probe 48 (session 58): Georgia Tech CS 7643's RNN lecture (Kira; CS231n's slides) — h_t = f_W(h_{t−1}, x_t), the
// chain of Jacobians ∏ ∂h_j/∂h_{j−1}, ∂L_T/∂W = ∂L_T/∂h_T (∏ tanh′(…)) W_hh^{T−1} ∂h_1/∂W and the norm bound. A
// scalar network. It needed f_W(…), the function with its parameters below ("f_W is no name of the network"); the rest
// read already (the per-step sum as one-step ∂h_k/∂W_hh, the bound as an inequality); the slide's one-path product (7)
// is said to leave out the paths through h_2 and h_3.
import { describe, expect, it } from 'vitest';
import { read48 } from './read48';

describe('CS 7643’s BPTT', () => {
  const { r, v, e } = read48('cs7643-bptt.md');
  it('the recurrence, the Jacobians and the bound hold; the ellipsis says why it is not read', () => {
    expect(r.checked).toBe(16);
    for (const tag of ['1', '2', '3', '4', '5', '9', '10']) expect(v[tag]!.status, tag).toBe('holds');
    expect(v['8']!.status).toBe('holds-as-one-step');
    expect(v['8']!.message).toMatch(/∂h_k\/∂W_hh read as one-step/);
    expect(r.diagnostics.some((d) => /^f_W\(…\) is read as h_t/.test(d.message))).toBe(true);
    expect(e['6']!.message).toMatch(/an ellipsis \(…\) stands for terms that are not written/);
    // the slide's single path is not the total ∂L_T/∂W_hh: said as the paths it leaves out
    expect(v['7']!.status).toBe('fails');
    expect(v['7']!.message).toMatch(/leaves out the paths through h_2 and h_3/);
  });
  it('each mistake fails naming the slip', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/σ' should be tanh'/);
    expect(v['m2']!.message).toMatch(/leaves out the factor W_hh/);
    expect(v['m3']!.message).toMatch(/has one term too many, j = k/);
    expect(v['m5']!.message).toMatch(/h_t and x_\{t\+1\} should be h_\{t-1\} and x_t/);
    expect(v['m6']!.message).toMatch(/W_hh's copy at step t alone/);
    expect(v['m7']!.message).toMatch(/leaves out ∂L_1\/∂W_hh \+ ∂L_2\/∂W_hh/);
    // m4 (the power one too high) fails on a base equation that itself fails (7): values alone (noted)
    expect(v['m4']!.message).toMatch(/^fails: the left side is/);
  });
});
