// Probe 46 (session 57): Koutník, Greff, Gomez & Schmidhuber's Clockwork RNN — modules with clock periods T_i, the
// clock a 0/1 mask m^{(t)} = [1, (1 + (−1)^t)/2], an idle module copied, so its block of ∂y_H^{(t)}/∂y_H^{(t−1)} is I —
// in the paper's letters y_H, y_O, W_H, W_I, f_H. It needed: y_{H,2}^{(3)} and W_{H,11} (a name's own subscript, then
// the entry, the step above) read as entries of y_H at step 3 and of W_H (names.ts namedEntry; they were "unknown name
// y" — the H was taken for a free index, questions.ts); a numerator edit that makes the derivative 0 by construction
// is no slip (m7 was "y_H^{(3)} should be y_H^{(1)}"), and a derivative claimed 0 whose equation reads the variable
// says so (zeroClaim.ts). The paper's \begin{cases} clock is skipped, saying how to write it.
import { describe, expect, it } from 'vitest';
import { read46 } from './read46';

describe('the Clockwork RNN’s backward pass', () => {
  const { r, v, e } = read46('clockwork-rnn.md');
  it('the masked update, its Jacobian (I where a module is idle) and BPTT hold', () => {
    expect(r.checked).toBe(16);
    expect(r.skipped).toBe(1);
    for (const tag of ['1', '3', '4', '5', '6', '7', '8', '9', '10']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => d.message === 'y_{H,2} is read as entry 2 of y_H at step 3')).toBe(true);
    expect(r.diagnostics.some((d) => d.message === 'W_{H,11} is read as entry (1, 1) of W_H')).toBe(true);
  });
  it('the paper’s case distinction is skipped, saying what to write', () => {
    expect(e['2']!.checks).toHaveLength(0);
    expect(e['2']!.message).toMatch(/a case distinction \\begin\{cases\} is not read: write one check per case/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/leaves out the direct term ∂⁺y_H\^t\/∂y_H\^\{t-1\}/);
    expect(v['m2']!.message).toMatch(/σ' should be tanh'/);
    expect(v['m3']!.message).toMatch(/leaves out the factor m_t: with that the check holds/);
    expect(v['m4']!.message).toMatch(/\(t = 1\.\.3\) leaves out its last term t = 4/);
    expect(v['m5']!.message).toMatch(/y_H\^t should be y_H\^\{t-1\}: with that step the check holds/);
    // the next step's two families at t = 2, one elsewhere: joined (session 58; it named t = 1's outputs' terms alone)
    expect(v['m6']!.message).toMatch(/leaves out the paths through a_\{t\+1\} and y_H\^\{t\+1\} \(at t = 2\)/);
    expect(v['m7']!.message).toMatch(
      /The right side is 0, but y_H\^\{\(3\)\}\[2\]'s own equation reads y_H\^\{\(2\)\}\[2\]: .* alone gives 1/,
    );
    expect(v['m7']!.message).not.toMatch(/should be y_H\^\{\(1\)\}/);
  });
});
