// Probe 45 (session 56): Berkeley CS182 (Sergey Levine), backpropagation through an RNN as the lecture writes it —
// d for derivatives, df/dx laid out with x's entries as rows (dz/dx = dy/dx dz/dy), the loop δ ← (df/dx) δ. The chain
// with a diagonal Jacobian (dL/dz_t = da_t/dz_t dL/da_t) holds in either layout; one with a full Jacobian left of its
// gradient fails, naming the transpose and the order that needs none (LANGUAGE.md §4; decided in earlier sessions).
// The loop's assignment is skipped as an assignment, and the 3-tensor written before its gradient (dz_t/dW_a δ_t) is
// skipped naming the order that reads. Nothing needed changing here.
import { describe, expect, it } from 'vitest';
import { read45 } from './read45';

describe('CS182’s BPTT in the lecture’s layout', () => {
  const { r, v, e } = read45('cs182-bptt.md');
  it('the forward pass, the δ recursion and the gradients hold', () => {
    expect(r.checked).toBe(19);
    for (const tag of ['1', '2', '3', '4', '8', '9', '10', '11']) expect(v[tag]!.status, tag).toBe('holds');
    expect(e['6']!.status).toBe('skipped');
    expect(e['6']!.message).toMatch(/an assignment in an algorithm/);
    expect(e['7']!.message).toMatch(/defines δ by a derivative/);
    expect(e['9']!.linksNotChecked?.[0]?.message).toMatch(
      /a gradient multiplies a 3-tensor from the left, contracting its first index: ∂L\/∂z_t ∂z_t\/∂W_a/,
    );
  });
  it('a full Jacobian left of its gradient fails, naming the transpose and the order', () => {
    expect(v['5']!.status).toBe('fails');
    expect(v['5']!.message).toMatch(
      /∂z_\{t\+1\}\/∂a_t should be \(∂z_\{t\+1\}\/∂a_t\)ᵀ.*written after the gradient, ∂L\/∂z_\{t\+1\} ∂z_\{t\+1\}\/∂a_t, it needs none/,
    );
    expect(v['12']!.status).toBe('fails');
    expect(v['12']!.message).toMatch(/∂z_t\/∂x_t should be \(∂z_t\/∂x_t\)ᵀ/);
  });
  it('each mistake is named at its own equation', () => {
    for (const tag of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']) expect(v[tag]!.status, tag).toBe('fails');
    expect(v['m1']!.message).toMatch(/1 − a_t\^2 should be a_t ⊙ \(1 − a_t\) \(that is tanh's slope/);
    expect(v['m2']!.message).toMatch(/leaves out ∂L_2\/∂z_1 \+ ∂L_3\/∂z_1/);
    expect(v['m3']!.message).toMatch(/W_a should be W_aᵀ/);
    expect(v['m4']!.message).toMatch(/a_t should be a_\{t-1\}/);
    expect(v['m5']!.message).toMatch(/z_\{t\+1\} should be z_t/);
    expect(v['m6']!.message).toMatch(/leaves out the path through z_\{t\+1\}/);
    expect(v['m7']!.message).toMatch(/δ_\{t\+1\} should be δ_t/);
  });
});
