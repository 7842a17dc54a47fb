// Probe 50 (session 59): Elman's simple recurrent network ("Finding Structure in Time", 1990) as course notes write it —
// context units c(t) = h(t−1), h(t) = f(W_ih x(t) + W_ch c(t)), y(t) = f(W_ho h(t)), f the logistic — trained with the
// context taken as an input: the one-step gradient of each step's error. It needed: ∂E(t)/∂W_ch and ∂E(t)/∂W_ih, the
// truncated gradients the source means, to be read as one-step (they failed, "the derivative by W_ch's copy at step t
// alone": a per-step error's ∂ is total elsewhere); and tanh's slope for the logistic's named in that reading.
import { describe, expect, it } from 'vitest';
import { read50 } from './read50';

describe('Elman’s simple recurrent network', () => {
  const { r, v } = read50('elman-srn.md');
  it('the network and the one-step backward pass read; the truncated gradients hold as one-step', () => {
    expect(r.checked).toBe(15);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7']) expect(v[tag]!.status, tag).toBe('holds');
    for (const tag of ['8', '9']) {
      expect(v[tag]!.status, tag).toBe('holds-as-one-step');
      expect(v[tag]!.message).toMatch(/read as one-step derivative.*As total derivatives it fails.*adds/);
    }
  });
  it('each mistake fails naming its slip', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/h_t should be h_\{t-1\}: with that step the check holds/);
    expect(v['m2']!.message).toMatch(/leaves out the factor σ′\(W_ho h_t\)/);
    expect(v['m3']!.message).toMatch(/W_chᵀ should be W_ch/);
    expect(v['m4']!.message).toMatch(/1 − h_t\^2 should be h_t ⊙ \(1 − h_t\) \(that is tanh's slope.*holds as a one-step derivative/);
    expect(v['m5']!.message).toMatch(/The third h_t should be h_\{t-1\}/);
    expect(v['m6']!.message).toMatch(/each ∂E_t\/∂W_ch taken one-step.*leaves out the paths through the earlier steps/);
  });
});
