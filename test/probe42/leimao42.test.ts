// Probe 42 (session 55): BPTT as Lei Mao's and Denny Britz's (WildML) posts derive it — softmax and cross-entropy,
// (ŷ_t − y_t) ⊗ h_t, ∂E_t/∂W = Σ_{k≤t} ∂E_t/∂ŷ_t ∂ŷ_t/∂h_t (∏_{j=k+1}^{t} ∂h_j/∂h_{j−1}) ∂h_k/∂W, the recursion of the
// state's derivative and d2l.ai's f(x_t, h_{t−1}, W). It read as written: no change was needed.
import { describe, expect, it } from 'vitest';
import { read42 } from './read42';

describe('BPTT as the blogs derive it', () => {
  const { r, v } = read42('leimao-bptt.md');
  it('every equation reads and holds; ∂h_k/∂W under the sum is the one-step derivative, said so', () => {
    expect(r.checked).toBe(24);
    expect(r.skipped).toBe(0);
    for (const tag of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '15', '16', '17'])
      expect(v[tag]!.status, tag).toBe('holds');
    for (const tag of ['12', '13', '14']) expect(v[tag]!.status, tag).toBe('holds-as-one-step');
    expect(v['12']!.message).toMatch(/with ∂h_k\/∂W read as one-step derivative/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['b1']!.message).toMatch(/The right side is ∂E_t\/∂W\|_\{\(t\)\}, the derivative by W's copy at step t alone/);
    expect(v['b2']!.message).toMatch(/The ∏ over j on the right side \(j = k\.\.t\) has one term too many, j = k/);
    expect(v['b3']!.message).toMatch(/h_\{j-1\} should be h_j: with that step the check holds/);
    expect(v['b4']!.message).toMatch(/the opposite sign: a sign is wrong/);
    expect(v['b5']!.message).toMatch(/The right side is \(∂h_j\/∂h_\{j-1\}\)ᵀ: the denominator layout/);
    expect(v['b6']!.message).toMatch(/The right side leaves out the term −y_t: with it the check holds/);
  });
  it('the recursion cut after one step is invisible at h_0 = 0 for T = 3: a warning that names the path', () => {
    expect(v['b7']!.status).toBe('holds-at-given-values');
    expect(v['b7']!.message).toMatch(/it leans on the given value of h_0 \(h_0 = 0\)/);
    expect(v['b7']!.message).toMatch(/leaves out the path through h_\{t-2\}/);
  });
});
