// Probe 46 (session 57): Bradbury, Merity, Xiong & Socher's QRNN with fo-pooling — gates from convolutions over x alone
// (width 1 here), c_t = f_t ⊙ c_{t−1} + (1 − f_t) ⊙ z_t, h_t = o_t ⊙ c_t — in the paper's bold letters. It needed: the
// ∏ of the forget gates, diag(∏_{s=t+1}^{T} f_s), read entry by entry (it was "∏ of vectors is not defined"), and the
// width-2 form's taps W_z^1, W_z^2 said to be read as matrix powers. The language lacks an input's step 0 (the zero
// padding x_0 of a masked convolution) and a name for a filter tap: the width-2 equation (2) fails, and Z = tanh(W_z ∗
// X) is skipped.
import { describe, expect, it } from 'vitest';
import { read46 } from './read46';

describe('the QRNN’s fo-pooling', () => {
  const { r, v, e } = read46('qrnn-fo-pooling.md');
  it('the pooling, its elementwise Jacobian across steps and BPTT hold', () => {
    expect(r.checked).toBe(22);
    expect(r.skipped).toBe(1);
    for (const tag of ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12']) expect(v[tag]!.status, tag).toBe('holds');
    expect(r.diagnostics.some((d) => /∏ of vectors is read entry by entry \(⊙\)/.test(d.message))).toBe(true);
  });
  it('what the language lacks is said: the whole sequence Z, and a tap W_z^1 read as a power', () => {
    expect(e['1']!.checks).toHaveLength(0);
    expect(e['1']!.message).toMatch(/unknown name Z/);
    expect(v['2']!.status).toBe('fails');
    expect(
      r.diagnostics.some((d) => /W_z\^1 is read as the matrix power, W_z itself .* declare each as a parameter of its own/.test(d.message)),
    ).toBe(true);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['q1']!.message).toMatch(/leaves out the path through c_\{t\+1\}/);
    expect(v['q2']!.message).toMatch(/f_t should be f_\{t\+1\}: with that step the check holds/);
    expect(v['q3']!.message).toMatch(/f_t should be 1 − f_t/);
    expect(v['q4']!.message).toMatch(/\(z_t − c_\{t-1\}\) .* it has the wrong sign/);
    expect(v['q5']!.message).toMatch(/1 − f_t\^2 should be f_t ⊙ \(1 − f_t\)/);
    expect(v['q6']!.message).toMatch(/The ∏ over s on the right side \(s = t\.\.3\) has one term too many, s = t/);
    expect(v['q7']!.message).toMatch(/the factors of an outer product are in the wrong order/);
  });
});
